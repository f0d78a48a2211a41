//! A stand-in for `wasm-streams` 0.5, for Rollout Lab's web bundle.
//!
//! Leptos always compiles `server_fn`'s browser client, and that client
//! depends on `wasm-streams`, whose `#[wasm_bindgen]` classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`)
//! are exports: wasm-bindgen must keep them, their futures machinery and
//! their JS glue, although nothing calls them. Rollout Lab has no server
//! functions, so it never streams a request or a response; this crate has the
//! part of the API that `server_fn` names and none of the exports (about
//! 4 KB of gzip). Streaming through it is a programming error and panics.

use futures_util::Stream;
use wasm_bindgen::JsValue;

/// A JS `ReadableStream`, as `wasm_streams::ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A Rust stream as a JS stream: not available here (no server functions).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("wasm-streams stand-in: Rollout Lab has no server functions to stream to");
    }

    /// A JS stream as a Rust stream: not available here (no server functions).
    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        panic!("wasm-streams stand-in: Rollout Lab has no server functions to stream from");
    }
}

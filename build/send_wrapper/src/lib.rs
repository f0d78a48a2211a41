//! A stand-in for [send_wrapper](https://crates.io/crates/send_wrapper) 0.6,
//! which Leptos wraps its DOM handles and callbacks in. The real
//! `SendWrapper` records the thread that made it and checks it on every
//! access, clone and drop. In this app the only build that uses it is the
//! browser's, `wasm32-unknown-unknown` without atomics, where there is one
//! thread: no check can fail. The records and checks cost ~1 KB of the
//! bundle's gzip (`std::thread::current()` inlined at each of some hundred
//! sites), so this crate has the same API without them. A build with
//! threads (the `atomics` target feature) is refused at compile time.

#[cfg(target_feature = "atomics")]
compile_error!("this send_wrapper stand-in is for single-threaded wasm only: remove the [patch.crates-io] entry");

use std::fmt;
use std::ops::{Deref, DerefMut};

/// A value that may be moved between threads because there is only one.
pub struct SendWrapper<T> {
    data: T,
}

impl<T> SendWrapper<T> {
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper { data }
    }

    /// Whether this thread may access the value: always, with one thread.
    pub fn valid(&self) -> bool {
        true
    }

    pub fn take(self) -> T {
        self.data
    }
}

// SAFETY: the program has one thread (see the crate docs and the compile_error above), so the value is only
// ever accessed, cloned and dropped on the thread that made it, which is what the real crate checks.
unsafe impl<T> Send for SendWrapper<T> {}
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> Deref for SendWrapper<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.data
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", &self.data).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    fn clone(&self) -> Self {
        Self::new(self.data.clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use futures_core::Stream;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            // SAFETY: structural pinning: `data` is never moved out of a pinned SendWrapper.
            unsafe { self.map_unchecked_mut(|w| &mut w.data) }.poll(cx)
        }
    }

    impl<S: Stream> Stream for SendWrapper<S> {
        type Item = S::Item;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            // SAFETY: as above.
            unsafe { self.map_unchecked_mut(|w| &mut w.data) }.poll_next(cx)
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            self.data.size_hint()
        }
    }
}

//! Copy link: the whole session in the page address's fragment, shown in a
//! textbox and copied to the clipboard (where the browser allows it).
//! Copy embed code: the iframe snippet for this scenario, the same way.

use super::state::SimHandle;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn ShareLink() -> impl IntoView {
    let h = SimHandle::expect();
    let link = RwSignal::new(None::<String>);
    let code = RwSignal::new(None::<String>);
    let copy = move |_| match h.share_link() {
        Ok(url) => {
            let window = window();
            if let Some((_, fragment)) = url.split_once('#') {
                let _ = window.location().set_hash(fragment);
            }
            copy_to_clipboard(&window, &url);
            link.set(Some(url));
        }
        Err(e) => h.alert.set(Some(e)),
    };
    let copy_embed = move |_| match h.embed_code() {
        Ok(snippet) => {
            copy_to_clipboard(&window(), &snippet);
            code.set(Some(snippet));
        }
        Err(e) => h.alert.set(Some(e)),
    };
    view! {
        <div class="share">
            <button type="button" on:click=copy>{h.tr(Msg::CopyLink)}</button>
            <button type="button" on:click=copy_embed>{h.tr(Msg::CopyEmbedCode)}</button>
            <CopiedText label=Msg::ShareLink text=link />
            <CopiedText label=Msg::EmbedCode text=code />
        </div>
    }
}

/// The copied text in a read-only textbox that selects itself on focus,
/// for browsers that refuse the clipboard.
#[component]
fn CopiedText(label: Msg<'static>, text: RwSignal<Option<String>>) -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <Show when=move || text.get().is_some()>
            <input
                class="share__link"
                type="text"
                readonly
                aria-label=h.tr(label)
                prop:value=move || text.get().unwrap_or_default()
                on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }
            />
        </Show>
    }
}

/// Best effort: pages served over plain http (not localhost) have no
/// clipboard, and a refused write still leaves the textbox to copy from.
fn copy_to_clipboard(window: &web_sys::Window, text: &str) {
    use wasm_bindgen::{closure::Closure, JsValue};
    let clipboard = window.navigator().clipboard();
    if JsValue::from(clipboard.clone()).is_undefined() {
        return;
    }
    // Handled, so a refusal is not reported as an uncaught error.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = clipboard.write_text(text).catch(&ignore);
    ignore.forget(); // one small closure per click
}

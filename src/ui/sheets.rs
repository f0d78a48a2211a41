//! On a phone the stage fills the screen and the transport stays at its
//! bottom; the controls and the text tabs open as sheets over the stage,
//! from two buttons in the transport (CSS hides them on wider screens,
//! where both panels sit beside the stage). Escape or Close shuts a sheet.

use super::state::{Sheet, SimHandle};
use crate::i18n::Msg;
use leptos::prelude::*;

/// The transport's two sheet buttons.
#[component]
pub fn SheetButtons() -> impl IntoView {
    let h = SimHandle::expect();
    let toggle = move |sheet: Sheet| {
        h.sheet.update(|open| {
            *open = if *open == Some(sheet) {
                None
            } else {
                Some(sheet)
            }
        })
    };
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" && h.sheet.get_untracked().is_some() {
            h.sheet.set(None);
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <span class="sheet-buttons">
            <button type="button" aria-expanded=move || (h.sheet.get() == Some(Sheet::Controls)).to_string() on:click=move |_| toggle(Sheet::Controls)>
                {h.tr(Msg::Controls)}
            </button>
            <button type="button" aria-expanded=move || (h.sheet.get() == Some(Sheet::Details)).to_string() on:click=move |_| toggle(Sheet::Details)>
                {h.tr(Msg::Details)}
            </button>
        </span>
    }
}

/// The Close button at the top of a sheet (shown on a phone only).
#[component]
pub fn CloseSheet() -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <button type="button" class="sheet__close" on:click=move |_| h.sheet.set(None)>{h.tr(Msg::Close)}</button>
    }
}

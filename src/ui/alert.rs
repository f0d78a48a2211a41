//! The last failure, as kubectl or the API server worded it (role alert).

use super::state::SimHandle;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Alert() -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <Show when=move || h.alert.get().is_some()>
            <div class="alert" role="alert">
                <pre>{move || h.alert.get().unwrap_or_default()}</pre>
                <button type="button" class="alert__close" aria-label=h.tr(Msg::Dismiss) on:click=move |_| h.alert.set(None)>
                    "×"
                </button>
            </div>
        </Show>
    }
}

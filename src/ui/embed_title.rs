//! The embed's title line: the scenario and what to watch for, and "Open in
//! Rollout Lab" (the full page, on this session as it is when clicked).

use super::state::{SimHandle, PRESETS};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn EmbedTitle() -> impl IntoView {
    let h = SimHandle::expect();
    let preset = move || PRESETS.get(h.preset.get());
    // The link is made when followed: the session moves on while it plays.
    let open = move |ev: leptos::ev::MouseEvent| {
        if let Ok(link) = h.full_page_link() {
            event_target::<web_sys::HtmlAnchorElement>(&ev).set_href(&link);
        }
    };
    view! {
        <p class="embed__title">
            <span class="embed__goal">
                <strong>{move || preset().map(|p| h.t(Msg::Preset(p)).into_owned())}</strong>
                " — "
                {move || preset().map(|p| h.t(Msg::Goal(p)).into_owned())}
            </span>
            <a class="embed__open" href="./" target="_blank" rel="noopener" on:click=open>{h.tr(Msg::OpenInRolloutLab)}</a>
        </p>
    }
}

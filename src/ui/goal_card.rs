//! The goal card at the top of the stage: the bundled scenario's title and
//! what to watch for in it. Dismissed, it stays away until another
//! scenario is chosen.

use super::state::{SimHandle, PRESETS};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn GoalCard() -> impl IntoView {
    let h = SimHandle::expect();
    let dismissed = RwSignal::new(None::<usize>);
    let preset = move || PRESETS.get(h.preset.get());
    view! {
        <Show when=move || dismissed.get() != Some(h.preset.get()) && preset().is_some()>
            <section class="goal" aria-label=h.tr(Msg::GoalCard)>
                <p class="goal__text">
                    <strong>{move || preset().map(|p| h.t(Msg::Preset(p)).into_owned())}</strong>
                    " — "
                    {move || preset().map(|p| h.t(Msg::Goal(p)).into_owned())}
                </p>
                <button type="button" class="goal__close" on:click=move |_| dismissed.set(Some(h.preset.get_untracked()))>
                    {h.tr(Msg::GotIt)}
                </button>
            </section>
        </Show>
    }
}

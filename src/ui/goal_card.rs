//! The goal card at the top of the stage: the bundled scenario's title,
//! what to watch for in it, and what to try first. Dismissed, it stays away until another
//! scenario is chosen.

use super::state::{SimHandle, PRESETS};
use crate::i18n::Msg;
use leptos::prelude::*;
use std::borrow::Cow;

#[component]
pub fn GoalCard() -> impl IntoView {
    let h = SimHandle::expect();
    let dismissed = RwSignal::new(None::<usize>);
    let preset = move || PRESETS.get(h.preset.get());
    view! {
        <Show when=move || dismissed.get() != Some(h.preset.get()) && preset().is_some()>
            <section class="goal" class:goal--brief=move || h.with(|s| !s.history().is_empty()) aria-label=h.tr(Msg::GoalCard)>
                <div class="goal__text">
                    <p>
                        <strong>{move || preset().map(|p| h.t(Msg::Preset(p)).into_owned())}</strong>
                        " — "
                        {move || preset().map(|p| h.t(Msg::Goal(p)).into_owned())}
                    </p>
                    <p class="goal__hint">{move || hint(h)}</p>
                </div>
                <button type="button" class="goal__close" on:click=move |_| dismissed.set(Some(h.preset.get_untracked()))>
                    {h.tr(Msg::GotIt)}
                </button>
            </section>
        </Show>
    }
}

/// What to try first: the scenario's script, or an update to make.
fn hint(h: SimHandle) -> Cow<'static, str> {
    h.with(|s| match s.script_remaining() {
        0 => {
            let deployment = s.deployment_name();
            let container = s
                .cluster()
                .deployment(deployment)
                .and_then(|d| d.spec.template.spec.containers.first())
                .map_or("", |c| c.name.as_str());
            h.t(Msg::TryHint {
                deployment,
                container,
            })
        }
        steps => h.t(Msg::ScriptedSteps { steps }),
    })
}

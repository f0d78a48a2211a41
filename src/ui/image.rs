//! The image field of the Deployment settings: `kubectl set image`, and how
//! the simulated kubelet treats the image being set (a pull that fails, a
//! readiness probe that never passes, a container that crashes).

use super::settings::{shell_quote, Spec};
use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::Action;
use leptos::prelude::*;

#[component]
pub fn ImageField(spec: Memo<Option<Spec>>) -> impl IntoView {
    let h = SimHandle::expect();
    let deployed =
        Memo::new(move |_| spec.with(|s| s.as_ref().map(|s| s.image.clone()).unwrap_or_default()));
    let image = RwSignal::new(deployed.get_untracked());
    let failing = RwSignal::new(false);
    let unready = RwSignal::new(false);
    let crashes = RwSignal::new(false);
    // The textbox follows the Deployment's image when that changes, and only then: the session changes
    // on every tick while playing, and a new image being typed mid-rollout (a rollover) must stay.
    Effect::new(move || image.set(deployed.get()));
    let set_image = move || {
        let d = h.deployment();
        let container =
            spec.with_untracked(|s| s.as_ref().map(|s| s.container.clone()).unwrap_or_default());
        let img = image.get_untracked();
        if failing.get_untracked() {
            h.set(Action::ImageFails {
                image: img.clone(),
                fails: true,
            });
        }
        if unready.get_untracked() {
            h.set(Action::ImageUnready {
                image: img.clone(),
                unready: true,
            });
        }
        if crashes.get_untracked() {
            h.set(Action::ImageCrashes {
                image: img.clone(),
                after_ms: Some(CRASH_AFTER_SECONDS * 1000),
            });
        }
        h.kubectl(&format!(
            "set image deployment/{d} {container}={}",
            shell_quote(&img)
        ));
    };
    view! {
        <div class="field field--wide">
            <label>
                <span>{h.tr(Msg::Image)}</span>
                <input
                    type="text"
                    aria-label=h.tr(Msg::Image)
                    prop:value=image
                    on:input=move |ev| image.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            set_image();
                        }
                    }
                />
            </label>
            <button type="button" on:click=move |_| set_image()>{h.tr(Msg::SetImage)}</button>
        </div>
        <Check label=Msg::NewImageFailsToPull checked=failing />
        <Check label=Msg::NewImageNeverReady checked=unready />
        <Check label=Msg::NewImageCrashes { seconds: CRASH_AFTER_SECONDS } checked=crashes />
    }
}

/// How long a crashing image's container runs: long enough to pass its
/// readiness probe with the default start time, too short for a minReadySeconds of 10.
const CRASH_AFTER_SECONDS: i64 = 5;

/// A checkbox with its label, for how the kubelet treats the image being set.
#[component]
fn Check(label: Msg<'static>, checked: RwSignal<bool>) -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <label class="field field--check">
            <input type="checkbox" aria-label=h.tr(label) prop:checked=checked on:change=move |ev| checked.set(event_target_checked(&ev)) />
            <span>{h.tr(label)}</span>
        </label>
    }
}

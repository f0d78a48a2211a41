//! A RollingUpdate budget field, maxSurge or maxUnavailable: an int or a
//! percent, with the fencepost hint working out what the text typed so far
//! would allow. The change is patched in by the settings (`kubectl patch`).

use super::fencepost_hint::FencepostHint;
use leptos::prelude::*;

#[component]
pub fn RollingField(
    /// `maxSurge` or `maxUnavailable`: the label and the spec key.
    name: &'static str,
    /// The Deployment's value (None before it exists).
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Recreate has no rolling budgets.
    #[prop(into)]
    disabled: Signal<bool>,
    /// Called with the field's text when it is changed.
    on_change: Callback<String>,
) -> impl IntoView {
    let surge = name == "maxSurge";
    let hint = if surge {
        "max-surge-hint"
    } else {
        "max-unavailable-hint"
    };
    // What the field holds while it is typed in (the hint follows it).
    let typed = RwSignal::new(None);
    view! {
        <label class="field">
            <span>{name}</span>
            <input
                type="text"
                aria-label=name
                aria-describedby=hint
                prop:disabled=disabled
                prop:value=value
                on:input=move |ev| typed.set(Some(event_target_value(&ev)))
                on:change=move |ev| {
                    typed.set(None);
                    on_change.run(event_target_value(&ev));
                }
            />
            <FencepostHint typed surge id=hint />
        </label>
    }
}

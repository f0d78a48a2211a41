//! Title, the Scenario menu and the presenter toggle.

use super::share::ShareLink;
use super::state::{SimHandle, PRESETS};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let h = SimHandle::expect();
    let hint = move || {
        h.with(|s| {
            let d = s.deployment_name().to_string();
            let container = s.cluster().deployment(&d).and_then(|d| d.spec.template.spec.containers.first().map(|c| c.name.clone())).unwrap_or_default();
            if s.script_remaining() > 0 {
                format!("This scenario has {} scripted steps: press Play or Step.", s.script_remaining())
            } else {
                format!("Try kubectl set image deployment/{d} {container}=test_web:v2, or the Set image button.")
            }
        })
    };
    view! {
        <header class="header">
            <div class="header__title">
                <h1>"Rollout Lab"</h1>
                <p class="header__hint">{hint}</p>
            </div>
            <label class="field">
                <span>"Scenario"</span>
                <select
                    aria-label="Scenario"
                    prop:value=move || h.preset.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            h.load(i);
                        }
                    }
                >
                    {PRESETS
                        .iter()
                        .enumerate()
                        .map(|(i, p)| view! { <option value=i.to_string()>{p.title}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                class="toggle"
                aria-pressed=move || h.presenter.get().to_string()
                on:click=move |_| h.presenter.update(|p| *p = !*p)
            >
                "Presenter mode"
            </button>
            <ShareLink />
        </header>
    }
}

//! Deployment settings. A change is applied as kubectl would apply it:
//! `scale` for replicas, `patch` for the strategy and minReadySeconds,
//! `set image` for the image; an invalid value shows the API server's
//! message and changes nothing.

use super::state::SimHandle;
use crate::api::IntOrString;
use crate::scenario::Action;
use leptos::prelude::*;
use serde_json::json;

/// Quotes a word for the kubectl line when a shell would need it.
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// An int-or-percent field as JSON: `3` stays a number, anything else a string.
fn int_or_string(text: &str) -> serde_json::Value {
    match text.trim().parse::<i64>() {
        Ok(n) => json!(n),
        Err(_) => json!(text.trim()),
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let h = SimHandle::expect();
    let spec = move || {
        h.with(|s| {
            let d = s.cluster().deployment(s.deployment_name())?;
            let ru = d.spec.strategy.rolling_update.clone().unwrap_or_default();
            let show = |v: Option<IntOrString>| v.map(|v| v.to_string()).unwrap_or_default();
            let c = d.spec.template.spec.containers.first();
            Some((
                d.replicas(),
                d.strategy_type().to_string(),
                show(ru.max_surge),
                show(ru.max_unavailable),
                d.spec.min_ready_seconds,
                c.map(|c| c.name.clone()).unwrap_or_default(),
                c.map(|c| c.image.clone()).unwrap_or_default(),
                crate::text::trimmed(s.cluster().config().pod_start, 3),
            ))
        })
    };
    let field = move |i: usize| {
        move || {
            spec().map(|v| match i {
                0 => v.0.to_string(),
                1 => v.1,
                2 => v.2,
                3 => v.3,
                4 => v.4.to_string(),
                5 => v.7,
                _ => v.6,
            })
        }
    };
    let patch = move |body: serde_json::Value| {
        let d = h.deployment();
        h.kubectl(&format!(
            "patch deployment/{d} -p {}",
            shell_quote(&body.to_string())
        ));
    };
    let recreate = move || spec().is_some_and(|v| v.1 == "Recreate");
    let image = RwSignal::new(String::new());
    let failing = RwSignal::new(false);
    // The textbox follows the Deployment's image when that changes, and only then: the session changes
    // on every tick while playing, and a new image being typed mid-rollout (a rollover) must stay.
    // A RenderEffect kept until the component goes (see manifests.rs on why not `Effect`).
    let effect = RenderEffect::new(move |shown: Option<String>| {
        let current = spec().map(|v| v.6).unwrap_or_default();
        if shown.as_ref() != Some(&current) {
            image.set(current.clone());
        }
        current
    });
    on_cleanup(move || drop(effect));
    let set_image = move || {
        let d = h.deployment();
        let container = spec().map(|v| v.5).unwrap_or_default();
        let img = image.get_untracked();
        if failing.get_untracked() {
            h.set(Action::ImageFails {
                image: img.clone(),
                fails: true,
            });
        }
        h.kubectl(&format!(
            "set image deployment/{d} {container}={}",
            shell_quote(&img)
        ));
    };
    view! {
        <fieldset class="settings">
            <legend>{h.tr("Deployment")}</legend>
            <label class="field">
                <span>{h.tr("Replicas")}</span>
                <input
                    type="number"
                    min="0"
                    aria-label=h.tr("Replicas")
                    prop:value=field(0)
                    on:change=move |ev| {
                        let d = h.deployment();
                        h.kubectl(&format!("scale deployment/{d} --replicas={}", event_target_value(&ev).trim()));
                    }
                />
            </label>
            <label class="field">
                <span>{h.tr("Strategy")}</span>
                <select
                    aria-label=h.tr("Strategy")
                    prop:value=field(1)
                    on:change=move |ev| {
                        let body = if event_target_value(&ev) == "Recreate" {
                            json!({"spec": {"strategy": {"type": "Recreate", "rollingUpdate": null}}})
                        } else {
                            json!({"spec": {"strategy": {"type": "RollingUpdate"}}})
                        };
                        patch(body);
                    }
                >
                    <option value="RollingUpdate">"RollingUpdate"</option>
                    <option value="Recreate">"Recreate"</option>
                </select>
            </label>
            <label class="field">
                <span>"maxSurge"</span>
                <input
                    type="text"
                    aria-label="maxSurge"
                    prop:disabled=recreate
                    prop:value=field(2)
                    on:change=move |ev| {
                        patch(json!({"spec": {"strategy": {"rollingUpdate": {"maxSurge": int_or_string(&event_target_value(&ev))}}}}))
                    }
                />
            </label>
            <label class="field">
                <span>"maxUnavailable"</span>
                <input
                    type="text"
                    aria-label="maxUnavailable"
                    prop:disabled=recreate
                    prop:value=field(3)
                    on:change=move |ev| {
                        patch(json!({"spec": {"strategy": {"rollingUpdate": {"maxUnavailable": int_or_string(&event_target_value(&ev))}}}}))
                    }
                />
            </label>
            <label class="field">
                <span>"minReadySeconds"</span>
                <input
                    type="number"
                    min="0"
                    aria-label="minReadySeconds"
                    prop:value=field(4)
                    on:change=move |ev| {
                        patch(json!({"spec": {"minReadySeconds": int_or_string(&event_target_value(&ev))}}))
                    }
                />
            </label>
            <label class="field">
                <span>{h.tr("Pod start seconds")}</span>
                <input
                    type="number"
                    min="0"
                    step="0.5"
                    aria-label=h.tr("Pod start seconds")
                    prop:value=field(5)
                    on:change=move |ev| {
                        if let Some(s) = event_target_value(&ev).trim().parse::<f64>().ok() {
                            if (0.0..=3600.0).contains(&s) {
                                h.set(Action::PodStart { ms: (s * 1000.0).round() as i64 });
                            }
                        }
                    }
                />
            </label>
            <div class="field field--wide">
                <label>
                    <span>{h.tr("Image")}</span>
                    <input
                        type="text"
                        aria-label=h.tr("Image")
                        prop:value=move || image.get()
                        on:input=move |ev| image.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                set_image();
                            }
                        }
                    />
                </label>
                <button type="button" on:click=move |_| set_image()>{h.tr("Set image")}</button>
            </div>
            <label class="field field--check">
                <input
                    type="checkbox"
                    aria-label=h.tr("New image fails to pull")
                    prop:checked=move || failing.get()
                    on:change=move |ev| failing.set(event_target_checked(&ev))
                />
                <span>{h.tr("New image fails to pull")}</span>
            </label>
        </fieldset>
    }
}

//! Deployment settings. A change is applied as kubectl would apply it:
//! `scale` for replicas, `patch` for the strategy, minReadySeconds and progressDeadlineSeconds,
//! `set image` for the image (`image.rs`); an invalid value shows the API
//! server's message and changes nothing.

use super::image::ImageField;
use super::rolling_field::RollingField;
use super::state::SimHandle;
use crate::api::IntOrString;
use crate::i18n::Msg;
use crate::scenario::{Action, Session};
use leptos::prelude::*;
use serde_json::json;

/// The Deployment's settings, as the fields show them.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub replicas: i32,
    pub strategy: String,
    pub max_surge: String,
    pub max_unavailable: String,
    pub min_ready_seconds: i32,
    /// spec.progressDeadlineSeconds after defaulting.
    pub progress_deadline_seconds: i32,
    /// The simulated kubelet's pod start time, in seconds.
    pub pod_start: String,
    /// The first container's name and image.
    pub container: String,
    pub image: String,
}

impl Spec {
    fn of(s: &Session) -> Option<Spec> {
        let d = s.cluster().deployment(s.deployment_name())?;
        let ru = d.spec.strategy.rolling_update.clone().unwrap_or_default();
        let show = |v: Option<IntOrString>| v.map(|v| v.to_string()).unwrap_or_default();
        let c = d.spec.template.spec.containers.first();
        Some(Spec {
            replicas: d.replicas(),
            strategy: d.strategy_type().to_string(),
            max_surge: show(ru.max_surge),
            max_unavailable: show(ru.max_unavailable),
            min_ready_seconds: d.spec.min_ready_seconds,
            progress_deadline_seconds: d.spec.progress_deadline_seconds.unwrap_or(600),
            pod_start: crate::text::trimmed(s.cluster().config().pod_start, 3),
            container: c.map(|c| c.name.clone()).unwrap_or_default(),
            image: c.map(|c| c.image.clone()).unwrap_or_default(),
        })
    }
}

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
    let spec = Memo::new(move |_| h.with(Spec::of));
    // A field shows the Deployment's value again after every command, a refused one too (which the
    // memo alone would not report: the value did not change), so a rejected edit does not stay.
    let field = move |show: fn(&Spec) -> String| {
        move || {
            h.track_changes();
            spec.with(|s| s.as_ref().map(show))
        }
    };
    let recreate = move || spec.with(|s| s.as_ref().is_some_and(|s| s.strategy == "Recreate"));
    let patch = move |body: serde_json::Value| {
        let d = h.deployment();
        h.kubectl(&format!(
            "patch deployment/{d} -p {}",
            shell_quote(&body.to_string())
        ));
    };
    let rolling_patch = move |key: &'static str| {
        Callback::new(move |text: String| {
            patch(json!({"spec": {"strategy": {"rollingUpdate": {key: int_or_string(&text)}}}}))
        })
    };
    // minReadySeconds and progressDeadlineSeconds: a number patched into the spec under its own name.
    let spec_seconds = move |key: &'static str, min: &'static str, show: fn(&Spec) -> String| {
        view! {
            <label class="field">
                <span>{key}</span>
                <input
                    type="number"
                    min=min
                    aria-label=key
                    prop:value=field(show)
                    on:change=move |ev| patch(json!({"spec": {key: int_or_string(&event_target_value(&ev))}}))
                />
            </label>
        }
    };
    let scale = move |ev: leptos::ev::Event| {
        let d = h.deployment();
        h.kubectl(&format!(
            "scale deployment/{d} --replicas={}",
            event_target_value(&ev).trim()
        ));
    };
    let set_strategy = move |ev: leptos::ev::Event| {
        patch(if event_target_value(&ev) == "Recreate" {
            json!({"spec": {"strategy": {"type": "Recreate", "rollingUpdate": null}}})
        } else {
            json!({"spec": {"strategy": {"type": "RollingUpdate"}}})
        })
    };
    let set_pod_start = move |ev: leptos::ev::Event| {
        let seconds = event_target_value(&ev)
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|s| (0.0..=3600.0).contains(s));
        if let Some(s) = seconds {
            h.set(Action::PodStart {
                ms: (s * 1000.0).round() as i64,
            });
        }
    };
    view! {
        <fieldset class="settings">
            <legend>{h.tr(Msg::Deployment)}</legend>
            <label class="field">
                <span>{h.tr(Msg::Replicas)}</span>
                <input type="number" min="0" aria-label=h.tr(Msg::Replicas) prop:value=field(|s| s.replicas.to_string()) on:change=scale />
            </label>
            <label class="field">
                <span>{h.tr(Msg::Strategy)}</span>
                <select aria-label=h.tr(Msg::Strategy) prop:value=field(|s| s.strategy.clone()) on:change=set_strategy>
                    <option value="RollingUpdate">"RollingUpdate"</option>
                    <option value="Recreate">"Recreate"</option>
                </select>
            </label>
            <RollingField name="maxSurge" value=Signal::derive(field(|s| s.max_surge.clone())) disabled=Signal::derive(recreate) on_change=rolling_patch("maxSurge") />
            <RollingField name="maxUnavailable" value=Signal::derive(field(|s| s.max_unavailable.clone())) disabled=Signal::derive(recreate) on_change=rolling_patch("maxUnavailable") />
            {spec_seconds("minReadySeconds", "0", |s| s.min_ready_seconds.to_string())}
            {spec_seconds("progressDeadlineSeconds", "1", |s| s.progress_deadline_seconds.to_string())}
            <label class="field">
                <span>{h.tr(Msg::PodStartSeconds)}</span>
                <input
                    type="number"
                    min="0"
                    step="0.5"
                    aria-label=h.tr(Msg::PodStartSeconds)
                    prop:value=field(|s| s.pod_start.clone())
                    on:change=set_pod_start
                />
            </label>
            <ImageField spec />
        </fieldset>
    }
}

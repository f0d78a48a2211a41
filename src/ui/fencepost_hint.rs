//! What a maxSurge or maxUnavailable field resolves to, as it is typed
//! ("25% of 3 = 0.75, rounded up to 1"), or, for a value the API server would
//! refuse, its message beside the field and a sentence on why. The line keeps
//! its height, so the form does not move as the hint changes.

use super::state::SimHandle;
use crate::api::validation::validate_deployment;
use crate::api::{Deployment, IntOrString};
use crate::i18n::Msg;
use crate::sim::why::Fencepost;
use leptos::prelude::*;

/// The field's text as the API server reads it: a number, else a string.
fn typed_value(text: &str) -> IntOrString {
    match text.trim().parse::<i32>() {
        Ok(n) => IntOrString::Int(n),
        Err(_) => IntOrString::Str(text.trim().to_string()),
    }
}

/// The Deployment as it would be with `typed` in the field, and the API server's verdict on it.
fn with_typed(d: &Deployment, surge: bool, typed: &str) -> (Fencepost, Result<(), Vec<String>>) {
    let mut candidate = d.clone();
    let ru = candidate
        .spec
        .strategy
        .rolling_update
        .get_or_insert_with(Default::default);
    let value = Some(typed_value(typed));
    if surge {
        ru.max_surge = value.clone();
    } else {
        ru.max_unavailable = value.clone();
    }
    let verdict = validate_deployment(&candidate, Some(d))
        .map_err(|invalid| invalid.causes.iter().map(ToString::to_string).collect());
    (
        Fencepost::of_value(value.as_ref(), candidate.replicas()),
        verdict,
    )
}

#[component]
pub fn FencepostHint(
    /// The field's text while it is being typed (`None`: as the Deployment has it).
    typed: RwSignal<Option<String>>,
    surge: bool,
    id: &'static str,
) -> impl IntoView {
    let h = SimHandle::expect();
    let lines = move || {
        let lang = h.lang.get();
        let typed = typed.get();
        h.with(|s| {
            let d = s.cluster().deployment(s.deployment_name())?;
            if !d.is_rolling_update() {
                return None;
            }
            let (spec, verdict) = match &typed {
                Some(text) => with_typed(d, surge, text),
                None => (Fencepost::of(d, surge), Ok(())),
            };
            Some(match verdict {
                Ok(()) => Ok(lang
                    .say(Msg::Fencepost {
                        spec,
                        round_up: surge,
                    })
                    .into_owned()),
                Err(causes) => {
                    let mut lines = causes;
                    if lines
                        .iter()
                        .any(|c| c.contains("may not be 0 when `maxSurge` is 0"))
                    {
                        lines.push(lang.say(Msg::ZeroZeroMeans).into_owned());
                    }
                    Err(lines)
                }
            })
        })
    };
    // The rounding sits under the field; a refusal opens beside it, over the
    // page, so the form does not move.
    view! {
        <p class="field__hint" id=id aria-live="polite">
            {move || match lines() {
                Some(Ok(line)) => view! { <span>{line}</span> }.into_any(),
                Some(Err(lines)) => view! {
                    <span class="field__error">{lines.into_iter().map(|l| view! { <span>{l}</span> }).collect_view()}</span>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}

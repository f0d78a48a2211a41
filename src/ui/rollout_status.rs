//! The rollout's status, as `kubectl rollout status` judges it
//! (`kubectl::rollout::status::rollout_phase`): Progressing with the time
//! left before the progress deadline, Complete, Paused, or
//! ProgressDeadlineExceeded with what that means and an Undo; and the
//! Deployment's ReplicaFailure condition (pods the API server refuses, a
//! quota), which rollout status does not print.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use leptos::prelude::*;

#[component]
pub fn RolloutStatus() -> impl IntoView {
    let h = SimHandle::expect();
    let phase = Memo::new(move |_| {
        h.with(|s| {
            s.cluster()
                .deployment(s.deployment_name())
                .map(rollout_phase)
        })
    });
    // (reason, message) of a ReplicaFailure condition that holds.
    let replica_failure = Memo::new(move |_| {
        h.with(|s| {
            let d = s.cluster().deployment(s.deployment_name())?;
            let c = d.status.condition(crate::api::reasons::REPLICA_FAILURE)?;
            (c.status == "True").then(|| (c.reason.clone(), c.message.clone()))
        })
    });
    let failure = move || {
        replica_failure.get().map(|(reason, message)| {
            view! {
                <p class="rollout-status__failure">
                    <span class="rollout-status__badge rollout-status__badge--exceeded">"ReplicaFailure"</span>
                    " " {reason} ": " <code>{message}</code>
                </p>
                <p class="rollout-status__means">{h.t(Msg::ReplicaFailureMeans)}</p>
            }
        })
    };
    let body = move || {
        let phase = phase.get()?;
        let (class, badge, message) = match &phase {
            RolloutPhase::Progressing { message, .. } => (
                "progressing",
                h.t(Msg::Progressing).into_owned(),
                message.clone(),
            ),
            RolloutPhase::Complete { message } => {
                ("complete", h.t(Msg::Complete).into_owned(), message.clone())
            }
            RolloutPhase::Paused { message } => {
                ("paused", h.t(Msg::Paused).into_owned(), message.clone())
            }
            RolloutPhase::DeadlineExceeded { message } => (
                "exceeded",
                "ProgressDeadlineExceeded".to_string(),
                message.clone(),
            ),
        };
        let countdown = match phase {
            RolloutPhase::Progressing {
                deadline: Some(deadline),
                ..
            } => {
                let left = crate::kubectl::printers::human_duration(deadline.0 - h.clock.get());
                Some(
                    view! { <span class="rollout-status__deadline">{h.t(Msg::DeadlineIn(&left))}</span> },
                )
            }
            _ => None,
        };
        let exceeded = matches!(phase, RolloutPhase::DeadlineExceeded { .. }).then(|| {
            view! {
                <p class="rollout-status__means">{h.t(Msg::DeadlineExceededMeans)}</p>
                <button type="button" on:click=move |_| { h.kubectl(&format!("rollout undo deployment/{}", h.deployment())); }>
                    {h.t(Msg::UndoThisRollout)}
                </button>
            }
        });
        Some(view! {
            <p class="rollout-status__line">
                <span class=format!("rollout-status__badge rollout-status__badge--{class}")>{badge}</span>
                {countdown}
            </p>
            <p class="rollout-status__message"><code>{message}</code></p>
            {exceeded}
        })
    };
    view! {
        <section class="rollout-status" role="status" aria-label=h.tr(Msg::RolloutStatus)>
            {body}
            {failure}
        </section>
    }
}

//! Port of `pkg/controller/deployment/progress.go`: the Progressing
//! condition and the progress deadline.

use super::sync::calculate_status;
use super::util::*;
use crate::api::{reasons, Deployment, ReplicaSet, Time};
use crate::sim::{ApiError, Cluster};
use crate::text::quoted;
use std::sync::Arc;

/// syncRolloutStatus: status plus Progressing — complete, progressing
/// (fresh lastUpdateTime even with the same reason), or timed out.
///
/// Upstream passes allRSs (the old ones and the new one, as listed at the
/// start of the sync); here they come apart.
pub fn sync_rollout_status(
    c: &mut Cluster,
    old_rss: &[Arc<ReplicaSet>],
    new_rs: Option<&ReplicaSet>,
    d: &mut Arc<Deployment>,
) -> Result<(), ApiError> {
    let now = c.now();
    let mut new_status = calculate_status(old_rss, new_rs, d, now);
    if !has_progress_deadline(d) {
        remove_deployment_condition(&mut new_status, reasons::PROGRESSING);
    }
    let current = d.status.condition(reasons::PROGRESSING);
    let is_complete_deployment = new_status.replicas == new_status.updated_replicas
        && current.is_some_and(|c| c.reason == reasons::NEW_RS_AVAILABLE_REASON);
    // A new lastUpdateTime for the Progressing condition that is already
    // last, to stamp when the status is written (see below).
    let mut restamp = None;
    if has_progress_deadline(d) && !is_complete_deployment {
        let subject = |suffix: &str| match new_rs {
            Some(rs) => format!("ReplicaSet {} {suffix}", quoted(rs.name())),
            None => format!("Deployment {} {suffix}", quoted(d.name())),
        };
        if deployment_complete(d, &new_status) {
            let msg = || subject("has successfully progressed.");
            set_deployment_condition_lazily(
                &mut new_status,
                reasons::PROGRESSING,
                "True",
                reasons::NEW_RS_AVAILABLE_REASON,
                msg,
                now,
            );
        } else if deployment_progressing(d, &new_status) {
            let msg = subject("is progressing.");
            // The common case, a rollout moving on: the Progressing
            // condition is already this one and last, so removing and
            // appending it changes only its lastUpdateTime. Doing that on
            // the shared conditions would copy them all, every sync.
            let conditions = &new_status.conditions;
            let same = conditions.last().filter(|c| {
                c.type_ == reasons::PROGRESSING
                    && c.status == "True"
                    && c.reason == reasons::REPLICA_SET_UPDATED_REASON
                    && c.message == msg
                    && conditions
                        .iter()
                        .filter(|c| c.type_ == reasons::PROGRESSING)
                        .count()
                        == 1
            });
            if let Some(same) = same {
                restamp = (same.last_update_time != now.truncated()).then_some(now.truncated());
            } else {
                let mut condition = new_deployment_condition(
                    reasons::PROGRESSING,
                    "True",
                    reasons::REPLICA_SET_UPDATED_REASON,
                    msg,
                    now,
                );
                if let Some(current) = current {
                    if current.status == "True" {
                        condition.last_transition_time = current.last_transition_time;
                    }
                    remove_deployment_condition(&mut new_status, reasons::PROGRESSING);
                }
                set_deployment_condition(&mut new_status, condition);
            }
        } else if deployment_timed_out(d, &new_status, now) {
            let msg = subject("has timed out progressing.");
            set_deployment_condition(
                &mut new_status,
                new_deployment_condition(
                    reasons::PROGRESSING,
                    "False",
                    reasons::TIMED_OUT_REASON,
                    msg,
                    now,
                ),
            );
        }
    }
    // getReplicaFailures: the new ReplicaSet's ReplicaFailure first, else an old one's.
    let failure = new_rs
        .into_iter()
        .chain(old_rss.iter().map(|rs| &**rs))
        .flat_map(|rs| rs.status.conditions.iter())
        .find(|c| c.type_ == reasons::REPLICA_FAILURE);
    match failure {
        // ReplicaSetToDeploymentCondition: lastUpdateTime is the transition time.
        Some(f) => set_deployment_condition(
            &mut new_status,
            crate::api::DeploymentCondition {
                type_: f.type_.clone(),
                status: f.status.clone(),
                last_update_time: f.last_transition_time,
                last_transition_time: f.last_transition_time,
                reason: f.reason.clone(),
                message: f.message.clone(),
            },
        ),
        None => remove_deployment_condition(&mut new_status, reasons::REPLICA_FAILURE),
    }
    if restamp.is_none() && d.status == new_status {
        // requeueStuckDeployment: see progress_check_time.
        return Ok(());
    }
    let status = &mut Arc::make_mut(d).status;
    *status = new_status;
    if let Some(time) = restamp {
        // The old status (and its hold on the conditions) is gone: this
        // stamps in place (a ReplicaFailure may have come after Progressing).
        let conditions = Arc::make_mut(&mut status.conditions);
        if let Some(progressing) = conditions
            .iter_mut()
            .rev()
            .find(|c| c.type_ == reasons::PROGRESSING)
        {
            progressing.last_update_time = time;
        }
    }
    c.update_deployment_status(d);
    Ok(())
}

/// requeueStuckDeployment, as a due time: a Deployment with a deadline that
/// is neither complete, timed out, paused nor already marked
/// NewReplicaSetAvailable is looked at again at lastUpdateTime +
/// progressDeadlineSeconds + 1 s ("add a second to avoid milliseconds
/// skew"). Upstream's rate-limited immediate requeue, for a sync that
/// happens within the last second, is not simulated: the check stays at +1 s.
pub fn progress_check_time(d: &Deployment, now: Time) -> Option<Time> {
    if !has_progress_deadline(d) || d.spec.paused {
        return None;
    }
    let cond = d.status.condition(reasons::PROGRESSING)?;
    if deployment_complete(d, &d.status)
        || cond.reason == reasons::TIMED_OUT_REASON
        || cond.reason == reasons::NEW_RS_AVAILABLE_REASON
    {
        return None;
    }
    let deadline = d.spec.progress_deadline_seconds.unwrap_or(0) as i64 * 1000;
    let check = Time(cond.last_update_time.0 + deadline + 1000);
    (check > now).then_some(check)
}

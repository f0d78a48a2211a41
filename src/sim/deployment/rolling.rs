//! Port of `pkg/controller/deployment/rolling.go`: RollingUpdate. Scale the
//! new ReplicaSet up if there is surge room; else scale old ones down if
//! availability allows; else clean up; always sync the rollout status.

use super::progress::sync_rollout_status;
use super::sync::{
    cleanup_deployment, get_all_replica_sets_and_sync_revision, scale_replica_set_and_record_event,
    Split,
};
use super::util::*;
use crate::api::{Deployment, ReplicaSet};
use crate::sim::controller_utils::sort_by_creation_timestamp;
use crate::sim::why::{Fencepost, Why};
use crate::sim::{ApiError, Cluster};
use std::sync::Arc;

/// rolloutRolling.
/// `found`: the ReplicaSets isScalingEvent found (without creating any).
pub fn rollout_rolling(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
    found: Split,
) -> Result<(), ApiError> {
    let (new_rs, old_rss) = match found {
        (Some(new_rs), old_rss) => (Some(new_rs), old_rss),
        (None, _) => get_all_replica_sets_and_sync_revision(c, d, rs_list, true)?,
    };
    let Some(new_rs) = new_rs else { return Ok(()) };
    // allRSs keeps the objects as they were before this sync's scaling (so
    // the status written below lags one sync, as upstream's does).
    let all_rss = refs(&old_rss).chain([&*new_rs]);

    if reconcile_new_replica_set(c, all_rss.clone(), &new_rs, d)? {
        return sync_rollout_status(c, &old_rss, Some(&*new_rs), d);
    }
    if reconcile_old_replica_sets(c, all_rss, &old_rss, &new_rs, d)? {
        return sync_rollout_status(c, &old_rss, Some(&*new_rs), d);
    }
    if deployment_complete(d, &d.status) {
        cleanup_deployment(c, &old_rss, d);
    }
    sync_rollout_status(c, &old_rss, Some(&*new_rs), d)
}

/// reconcileNewReplicaSet: down to spec.replicas if above it, else up to NewRSNewReplicas.
fn reconcile_new_replica_set<'a>(
    c: &mut Cluster,
    all_rss: impl Iterator<Item = &'a ReplicaSet> + Clone,
    new_rs: &Arc<ReplicaSet>,
    d: &Deployment,
) -> Result<bool, ApiError> {
    let replicas = d.replicas();
    if new_rs.spec.replicas == replicas {
        return Ok(false);
    }
    if new_rs.spec.replicas > replicas {
        let why = Why::ShrinkNew { replicas };
        return Ok(scale_replica_set_and_record_event(c, new_rs, replicas, d, why)?.0);
    }
    let new_replicas_count = new_rs_new_replicas(d, all_rss.clone(), new_rs);
    if new_replicas_count == new_rs.spec.replicas {
        // scaleReplicaSetAndRecordEvent would do nothing (most syncs of a
        // rollout): its explanation is not worth working out.
        return Ok(false);
    }
    let why = Why::ScaleUp {
        replicas,
        surge: max_surge(d),
        surge_spec: Fencepost::of(d, true),
        current: get_replica_count_for_replica_sets(all_rss),
        from: new_rs.spec.replicas,
        to: new_replicas_count,
    };
    Ok(scale_replica_set_and_record_event(c, new_rs, new_replicas_count, d, why)?.0)
}

/// reconcileOldReplicaSets: scale old ReplicaSets down as far as
/// availability allows. With 10 replicas, maxUnavailable 2 and maxSurge 3:
/// case 1, the new RS is stuck (5 pods, none available) next to a healthy
/// old RS of 8 — maxScaledDown = 13 − 8 − 5 = 0, nothing goes; case 2, the
/// stuck RS is old and gets cleaned up first (unhealthy pods cost nothing).
fn reconcile_old_replica_sets<'a>(
    c: &mut Cluster,
    all_rss: impl Iterator<Item = &'a ReplicaSet>,
    old_rss: &[Arc<ReplicaSet>],
    new_rs: &Arc<ReplicaSet>,
    d: &Deployment,
) -> Result<bool, ApiError> {
    // Upstream counts the active old ReplicaSets; the others add 0.
    let old_pods_count = get_replica_count_for_replica_sets(refs(old_rss));
    if old_pods_count == 0 {
        return Ok(false);
    }
    let all_pods_count = get_replica_count_for_replica_sets(all_rss);
    let min_available = d.replicas() - max_unavailable(d);
    let new_rs_unavailable_pod_count = new_rs.spec.replicas - new_rs.status.available_replicas;
    let max_scaled_down = all_pods_count - min_available - new_rs_unavailable_pod_count;
    if max_scaled_down <= 0 {
        return Ok(false);
    }
    let budget = ScaleDownBudget {
        all_pods_count,
        min_available,
        new_rs_unavailable_pod_count,
        max_scaled_down,
    };
    // Upstream's caller filters the active old ReplicaSets before the
    // checks above; they come out only when something may be scaled down.
    let active_old: Vec<Arc<ReplicaSet>> = old_rss
        .iter()
        .filter(|rs| rs.spec.replicas > 0)
        .cloned()
        .collect();
    // Upstream returns (false, nil) on these errors: the sync goes on to
    // cleanup and status.
    let Ok((old_rss, cleanup_count)) = cleanup_unhealthy_replicas(c, active_old, d, &budget) else {
        return Ok(false);
    };
    let mut all: Vec<Arc<ReplicaSet>> = old_rss.clone();
    all.push(new_rs.clone());
    let Ok(scaled_down_count) = scale_down_old_replica_sets_for_rolling_update(c, &all, old_rss, d)
    else {
        return Ok(false);
    };
    Ok(cleanup_count + scaled_down_count > 0)
}

/// The numbers behind a scale-down, kept for the explanation.
struct ScaleDownBudget {
    all_pods_count: i32,
    min_available: i32,
    new_rs_unavailable_pod_count: i32,
    max_scaled_down: i32,
}

/// cleanupUnhealthyReplicas: remove old pods that are not available first,
/// oldest ReplicaSet first; they cost no availability.
fn cleanup_unhealthy_replicas(
    c: &mut Cluster,
    mut old_rss: Vec<Arc<ReplicaSet>>,
    d: &Deployment,
    budget: &ScaleDownBudget,
) -> Result<(Vec<Arc<ReplicaSet>>, i32), ApiError> {
    sort_by_creation_timestamp(&mut old_rss);
    let max_cleanup_count = budget.max_scaled_down;
    let mut total_scaled_down = 0;
    for slot in &mut old_rss {
        if total_scaled_down >= max_cleanup_count {
            break;
        }
        let target = &*slot;
        if target.spec.replicas == 0 || target.spec.replicas == target.status.available_replicas {
            continue;
        }
        let unhealthy = target.spec.replicas - target.status.available_replicas;
        let scaled_down_count = (max_cleanup_count - total_scaled_down).min(unhealthy);
        let new_replicas_count = target.spec.replicas - scaled_down_count;
        if new_replicas_count > target.spec.replicas {
            // The ReplicaSet's status is stale (more available than wanted); retry later.
            return Err(ApiError::Controller(format!(
                "when cleaning up unhealthy replicas, got invalid request to scale down {} {} -> {new_replicas_count}",
                target.name(),
                target.spec.replicas
            )));
        }
        let why = Why::CleanupUnhealthy {
            all_pods: budget.all_pods_count,
            min_available: budget.min_available,
            new_unavailable: budget.new_rs_unavailable_pod_count,
            max_scaled_down: budget.max_scaled_down,
            unhealthy,
        };
        let (_, updated) =
            scale_replica_set_and_record_event(c, target, new_replicas_count, d, why)?;
        total_scaled_down += scaled_down_count;
        *slot = updated;
    }
    Ok((old_rss, total_scaled_down))
}

/// scaleDownOldReplicaSetsForRollingUpdate: take available − minAvailable
/// pods away from the old ReplicaSets, oldest first.
fn scale_down_old_replica_sets_for_rolling_update(
    c: &mut Cluster,
    all_rss: &[Arc<ReplicaSet>],
    mut old_rss: Vec<Arc<ReplicaSet>>,
    d: &Deployment,
) -> Result<i32, ApiError> {
    let max_unavail = max_unavailable(d);
    let min_available = d.replicas() - max_unavail;
    let available_pod_count = get_available_replica_count_for_replica_sets(refs(all_rss));
    if available_pod_count <= min_available {
        return Ok(0);
    }
    sort_by_creation_timestamp(&mut old_rss);
    let total_scale_down_count = available_pod_count - min_available;
    let mut total_scaled_down = 0;
    for target in &old_rss {
        if total_scaled_down >= total_scale_down_count {
            break;
        }
        if target.spec.replicas == 0 {
            continue;
        }
        let scale_down_count = target
            .spec
            .replicas
            .min(total_scale_down_count - total_scaled_down);
        let new_replicas_count = target.spec.replicas - scale_down_count;
        let unavailable_spec = Fencepost::of(d, false);
        let why = Why::ScaleDownOld {
            replicas: d.replicas(),
            max_unavailable: max_unavail,
            unavailable_spec,
            raised_to_one: max_surge(d) == 0 && unavailable_spec.resolve(false) == Some(0),
            available: available_pod_count,
            budget: total_scale_down_count,
        };
        scale_replica_set_and_record_event(c, target, new_replicas_count, d, why)?;
        total_scaled_down += scale_down_count;
    }
    Ok(total_scaled_down)
}

/// The limits that stop a rolling update from moving at this moment, as the
/// next sync's guards would find them. Not an upstream function: the answer
/// to "why is nothing happening", worded by the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Holds {
    /// reconcileNewReplicaSet: the new ReplicaSet is short of spec.replicas,
    /// but the ReplicaSets together already ask for replicas + maxSurge pods
    /// (`Some(replicas + maxSurge)`).
    pub surge_cap: Option<i32>,
    /// reconcileOldReplicaSets: old pods are left, none is unhealthy, and
    /// removing an available one would leave fewer than minAvailable
    /// (`Some(minAvailable)`).
    pub availability_floor: Option<i32>,
}

/// What holds a RollingUpdate Deployment whose new ReplicaSet is `new_rs`.
pub fn rolling_holds(d: &Deployment, new_rs: &ReplicaSet, old_rss: &[&ReplicaSet]) -> Holds {
    if !d.is_rolling_update() {
        return Holds::default();
    }
    let all_rss = || old_rss.iter().copied().chain([new_rs]);
    let all_pods_count = get_replica_count_for_replica_sets(all_rss());
    let max_total_pods = d.replicas() + max_surge(d);
    let surge_cap = (new_rs.spec.replicas < d.replicas() && all_pods_count >= max_total_pods)
        .then_some(max_total_pods);

    let old_pods_count = get_replica_count_for_replica_sets(old_rss.iter().copied());
    let min_available = d.replicas() - max_unavailable(d);
    let new_rs_unavailable_pod_count = new_rs.spec.replicas - new_rs.status.available_replicas;
    let max_scaled_down = all_pods_count - min_available - new_rs_unavailable_pod_count;
    let unhealthy_old: i32 = old_rss
        .iter()
        .map(|rs| (rs.spec.replicas - rs.status.available_replicas).max(0))
        .sum();
    let available = get_available_replica_count_for_replica_sets(all_rss());
    let floor_holds = old_pods_count > 0
        && (max_scaled_down <= 0 || (unhealthy_old == 0 && available <= min_available));
    Holds {
        surge_cap,
        availability_floor: floor_holds.then_some(min_available),
    }
}

#[cfg(test)]
mod holds_tests {
    use super::*;
    use crate::api::IntOrString;

    fn deployment(replicas: i32, surge: &str, unavailable: &str) -> Deployment {
        let mut d = Deployment::default();
        d.spec.replicas = Some(replicas);
        let ru = d
            .spec
            .strategy
            .rolling_update
            .get_or_insert_with(Default::default);
        ru.max_surge = Some(IntOrString::Str(surge.to_string()));
        ru.max_unavailable = Some(IntOrString::Str(unavailable.to_string()));
        d.spec.strategy.type_ = Some("RollingUpdate".to_string());
        d
    }

    fn rs(spec: i32, available: i32) -> ReplicaSet {
        let mut rs = ReplicaSet::default();
        rs.spec.replicas = spec;
        rs.status.replicas = spec;
        rs.status.available_replicas = available;
        rs
    }

    #[test]
    fn the_seed_rollout_waits_on_both_limits_while_its_first_new_pod_starts() {
        // 3 replicas, 25%/25%: maxSurge 1, maxUnavailable 0.
        let d = deployment(3, "25%", "25%");
        let (new_rs, old) = (rs(1, 0), rs(3, 3));
        let holds = rolling_holds(&d, &new_rs, &[&old]);
        assert_eq!(
            holds,
            Holds {
                surge_cap: Some(4),
                availability_floor: Some(3)
            }
        );
        // Once the new pod is available, the old ReplicaSet may lose one.
        let new_rs = rs(1, 1);
        assert_eq!(
            rolling_holds(&d, &new_rs, &[&old]),
            Holds {
                surge_cap: Some(4),
                availability_floor: None
            }
        );
    }

    #[test]
    fn unhealthy_old_pods_are_cleaned_up_rather_than_held() {
        // 10 replicas, 30%/20%: maxSurge 3, maxUnavailable 2, minAvailable 8.
        let d = deployment(10, "30%", "20%");
        let (new_rs, old) = (rs(3, 3), rs(10, 7));
        assert_eq!(rolling_holds(&d, &new_rs, &[&old]).availability_floor, None);
        // reconcileOldReplicaSets' case 1: 5 new pods, none available, next to 8 old.
        let (stuck_new, old) = (rs(5, 0), rs(8, 8));
        assert_eq!(
            rolling_holds(&d, &stuck_new, &[&old]),
            Holds {
                surge_cap: Some(13),
                availability_floor: Some(8)
            }
        );
    }

    #[test]
    fn a_finished_rollout_is_held_by_nothing() {
        let d = deployment(3, "25%", "25%");
        assert_eq!(rolling_holds(&d, &rs(3, 3), &[&rs(0, 0)]), Holds::default());
    }
}

//! Port of the Deployment controller (`pkg/controller/deployment`), one file
//! per upstream file. This one is `deployment_controller.go`'s syncDeployment:
//! the dispatch that reads as a priority list.

pub mod progress;
pub mod recreate;
pub mod rollback;
pub mod rolling;
pub mod sync;
pub mod util;

use super::{is_owned_by, ApiError, Cluster};
use crate::api::{Deployment, ReplicaSet, RECREATE};
use std::sync::Arc;

/// syncDeployment for one Deployment key, on a fresh copy of the stored object.
pub fn sync_deployment(c: &mut Cluster, name: &str) {
    // The sync works on the stored object itself, taken out of the store so
    // that writing it copies nothing; it goes back when the sync ends.
    // (Nothing else reads the Deployment while its controller syncs it.)
    let vacant = c.vacant.clone();
    let Some(slot) = c.deployments.get_mut(name) else {
        return;
    };
    let mut d = std::mem::replace(slot, vacant);
    // Errors abort the sync; upstream requeues with a rate limit, and here
    // the next controller iteration of the instant retries.
    let _ = sync_deployment_copy(c, &mut d);
    if let Some(slot) = c.deployments.get_mut(name) {
        *slot = d;
    }
}

fn sync_deployment_copy(c: &mut Cluster, d: &mut Arc<Deployment>) -> Result<(), ApiError> {
    if d.selector().is_empty() {
        c.record_event(
            d,
            "Warning",
            "SelectingAll",
            "This deployment is selecting all pods. A non-empty selector is required.".into(),
            super::why::Why::Unexplained,
        );
        if d.status.observed_generation < d.metadata.generation {
            let generation = d.metadata.generation;
            Arc::make_mut(d).status.observed_generation = generation;
            c.update_deployment_status(d);
        }
        return Ok(());
    }
    let rs_list = get_replica_sets_for_deployment(c, d);
    if d.metadata.deletion_timestamp.is_some() {
        return sync::sync_status_only(c, d, &rs_list);
    }
    sync::check_paused_conditions(c, d);
    if d.spec.paused {
        return sync::sync(c, d, &rs_list);
    }
    // Rollback is not re-entrant: a rollback request is handled alone (legacy
    // extensions/v1beta1 annotation; kubectl's undo is client side).
    if rollback::get_rollback_to(d).is_some() {
        return rollback::rollback(c, d, &rs_list);
    }
    let (scaling_event, found) = sync::is_scaling_event(c, d, &rs_list)?;
    if scaling_event {
        return sync::sync(c, d, &rs_list);
    }
    if d.strategy_type() == RECREATE {
        recreate::rollout_recreate(c, d, &rs_list, found)
    } else {
        rolling::rollout_rolling(c, d, &rs_list, found)
    }
}

/// getReplicaSetsForDeployment: the ReplicaSets this Deployment controls,
/// as listed at the start of the sync, oldest first.
pub fn get_replica_sets_for_deployment(c: &mut Cluster, d: &Deployment) -> Vec<Arc<ReplicaSet>> {
    // ClaimReplicaSets: a ReplicaSet with no controller whose labels the
    // selector matches is adopted (one orphaned by `delete --cascade=orphan`).
    let mut owned: Vec<Arc<ReplicaSet>> = Vec::new();
    let mut orphans: Vec<Arc<ReplicaSet>> = Vec::new();
    for rs in c.replica_sets.values() {
        if is_owned_by(rs, d) {
            owned.push(rs.clone());
        } else if d.metadata.deletion_timestamp.is_none()
            && !rs.metadata.owner_references.iter().any(|o| o.controller)
            && d.selector().matches(&rs.metadata.labels)
        {
            orphans.push(rs.clone());
        }
    }
    for rs in orphans {
        c.set_replica_set_owners(rs.name(), Arc::new([sync::controller_ref(d)]));
        owned.extend(c.replica_sets.get(rs.name()).cloned());
    }
    super::controller_utils::sort_by_creation_timestamp(&mut owned);
    owned
}

//! Port of `pkg/controller/deployment/recreate.go`: every old pod goes,
//! and only once none is left (terminating ones included) does the new
//! ReplicaSet start, at full size.

use super::progress::sync_rollout_status;
use super::sync::{
    cleanup_deployment, get_all_replica_sets_and_sync_revision, scale_replica_set_and_record_event,
    Split,
};
use super::util::*;
use crate::api::{Deployment, ReplicaSet};
use crate::sim::why::Why;
use crate::sim::{ApiError, Cluster};
use std::sync::Arc;

/// rolloutRecreate.
/// `found`: the ReplicaSets isScalingEvent found (without creating any).
pub fn rollout_recreate(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
    found: Split,
) -> Result<(), ApiError> {
    // Do not create the new RS yet: scale down before scaling up.
    let (mut new_rs, mut old_rss) = found;
    let active_old: Vec<Arc<ReplicaSet>> = old_rss
        .iter()
        .filter(|rs| rs.spec.replicas > 0)
        .cloned()
        .collect();
    if scale_down_old_replica_sets_for_recreate(c, &active_old, d)? {
        return sync_rollout_status(c, &old_rss, new_rs.as_deref(), d);
    }
    if old_pods_running(c, new_rs.as_deref(), &old_rss) {
        return sync_rollout_status(c, &old_rss, new_rs.as_deref(), d);
    }
    if new_rs.is_none() {
        let (created, olds) = get_all_replica_sets_and_sync_revision(c, d, rs_list, true)?;
        new_rs = created;
        old_rss = olds;
    }
    if let Some(rs) = &new_rs {
        let why = Why::RecreateUp {
            replicas: d.replicas(),
        };
        scale_replica_set_and_record_event(c, rs, d.replicas(), d, why)?;
    }
    if deployment_complete(d, &d.status) {
        cleanup_deployment(c, &old_rss, d);
    }
    sync_rollout_status(c, &old_rss, new_rs.as_deref(), d)
}

/// scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to 0.
fn scale_down_old_replica_sets_for_recreate(
    c: &mut Cluster,
    old_rss: &[Arc<ReplicaSet>],
    d: &Deployment,
) -> Result<bool, ApiError> {
    let mut scaled = false;
    for rs in old_rss.iter().filter(|rs| rs.spec.replicas != 0) {
        let why = Why::RecreateDown;
        scaled |= scale_replica_set_and_record_event(c, rs, 0, d, why)?.0;
    }
    Ok(scaled)
}

/// oldPodsRunning: an old ReplicaSet still reports pods, or any pod of an
/// old ReplicaSet still exists (terminating pods are still running).
fn old_pods_running(c: &Cluster, new_rs: Option<&ReplicaSet>, old_rss: &[Arc<ReplicaSet>]) -> bool {
    if get_actual_replica_count_for_replica_sets(refs(old_rss)) > 0 {
        return true;
    }
    old_rss
        .iter()
        .filter(|rs| new_rs.is_none_or(|n| n.metadata.uid != rs.metadata.uid))
        .any(|rs| {
            c.pods
                .group(&rs.metadata.uid)
                .is_some_and(|g| !g.is_empty())
        })
}

//! Port of the ReplicaSet controller (`pkg/controller/replicaset/replica_set.go`,
//! `replica_set_utils.go`): create or delete pods until the live count
//! matches spec.replicas, and report status from the pods it saw.

use super::Cluster;
use crate::api::reasons::REPLICA_FAILURE;
use crate::api::{ReplicaSetCondition, ReplicaSetStatus, Time};

/// `burstReplicas`: at most this many creations or deletions per sync.
const BURST_REPLICAS: i32 = 500;

/// syncReplicaSet: status is computed from the pods as they were when the
/// sync started; pods created or deleted now show in the next sync.
pub fn sync_replica_set(c: &mut Cluster, rs: std::sync::Arc<crate::api::ReplicaSet>) {
    c.stats.replica_set_syncs += 1;
    if rs.metadata.deletion_timestamp.is_none() {
        c.claim_orphaned_pods(&rs);
    }
    let mut status = calculate_status(c, &rs.metadata.uid, rs.metadata.generation);
    let managed = if rs.metadata.deletion_timestamp.is_none() {
        manage_replicas(c, &rs, status.replicas)
    } else {
        Ok(())
    };
    status.conditions = failure_conditions(&rs, status.replicas, managed, c.now);
    if rs.status == status {
        return;
    }
    c.update_replica_set_status(rs, status);
}

/// The rate limiter of the controller's work queue (client-go's
/// DefaultControllerRateLimiter): a ReplicaSet whose sync failed n times in a
/// row is synced again 5 ms × 2^(n−1) later, at most 1,000 s.
fn requeue_delay(failures: u32) -> i64 {
    const BASE_MS: i64 = 5;
    const MAX_MS: i64 = 1_000_000;
    // 5 ms × 2^18 is past the maximum already.
    BASE_MS
        .saturating_mul(1i64 << failures.saturating_sub(1).min(20))
        .min(MAX_MS)
}

/// What manageReplicas left: nothing wrong, a create the API server refused
/// now (its error), or a refusal still waiting for its rate-limited retry.
enum Managed {
    Failed(String),
    Waiting,
}

/// manageReplicas: the difference between live pods and spec.replicas, in
/// one burst of creations (slowStartBatch: 1, 2, 4 … pods at a time, stopping
/// after a batch with a failure) or of deletions (ranked by getPodsToDelete).
fn manage_replicas(
    c: &mut Cluster,
    rs: &crate::api::ReplicaSet,
    active: i32,
) -> Result<(), Managed> {
    let diff = active - rs.spec.replicas;
    let uid = &rs.metadata.uid;
    if diff < 0 {
        // A failed sync is retried when the work queue's rate limiter says
        // so, or at once when the ReplicaSet's spec changed (updateRS enqueues it).
        let generation = rs.metadata.generation;
        if c.create_retries
            .get(uid)
            .is_some_and(|r| r.at > c.now && r.generation == generation)
        {
            return Err(Managed::Waiting);
        }
        let mut remaining = (-diff).min(BURST_REPLICAS);
        let mut batch = remaining.min(1);
        let mut first_error = None;
        while batch > 0 {
            for _ in 0..batch {
                if let Err(e) = c.create_pod(rs) {
                    c.record_object_event(
                        format!("replicaset/{}", rs.name()),
                        "Warning",
                        "FailedCreate",
                        "replicaset-controller",
                        format!("Error creating: {e}"),
                    );
                    first_error.get_or_insert(e);
                }
            }
            remaining -= batch;
            if first_error.is_some() {
                break;
            }
            batch = (2 * batch).min(remaining);
        }
        if let Some(e) = first_error {
            let failures = c.create_retries.get(uid).map_or(0, |r| r.failures) + 1;
            let at = Time(c.now.0 + requeue_delay(failures));
            c.create_retries.insert(
                uid.clone(),
                super::CreateRetry {
                    failures,
                    at,
                    generation,
                },
            );
            c.queue.push(
                at,
                super::queue::Due::ReplicaSetRetry {
                    rs: std::sync::Arc::from(uid.as_str()),
                },
            );
            return Err(Managed::Failed(e));
        }
    } else if diff > 0 {
        let now: Time = c.now;
        let count = diff.min(BURST_REPLICAS) as usize;
        let phase_of = |p: &super::pods::Pod| super::kubelet::pod_state(p, now);
        let victims = match c.pods.group(uid) {
            // Several nodes (the colocation rank), or restarted pods: every rule, over every pod.
            Some(group) if c.nodes().len() > 1 || group.restarted > 0 => {
                let on_node = related_pods_on_nodes(c, rs);
                group.pods_to_delete_ranked(count, now, phase_of, |p| {
                    on_node.get(&p.node).copied().unwrap_or(0)
                })
            }
            Some(group) => group.pods_to_delete(count, now, phase_of),
            None => Vec::new(),
        };
        for uid in victims {
            c.delete_pod(&rs.metadata.uid, uid);
        }
    }
    // The queue forgets the failures of a sync that went through.
    if !c.create_retries.is_empty() {
        c.create_retries.remove(uid);
    }
    Ok(())
}

/// getPodsRankedByRelatedPodsOnSameNode: how many active pods of the
/// ReplicaSets of the same controller (getIndirectlyRelatedPods) each node
/// runs (unscheduled pods count under no node).
fn related_pods_on_nodes(
    c: &Cluster,
    rs: &crate::api::ReplicaSet,
) -> std::collections::BTreeMap<Option<u16>, usize> {
    let owner = rs
        .metadata
        .owner_references
        .iter()
        .find(|o| o.controller)
        .map(|o| o.name.clone());
    let related: Vec<&crate::api::ReplicaSet> = match &owner {
        Some(deployment) => c.replica_sets_of(deployment),
        None => vec![rs],
    };
    let mut on_node = std::collections::BTreeMap::new();
    for group in related.iter().filter_map(|r| c.pods.group(&r.metadata.uid)) {
        for pod in group.pods().filter(|p| p.deleted_at.is_none()) {
            *on_node.entry(pod.node).or_insert(0) += 1;
        }
    }
    on_node
}

/// calculateStatus's ReplicaFailure: set (once) when manageReplicas failed,
/// with its error; removed after a sync without one. A sync still waiting for
/// its retry changes nothing.
fn failure_conditions(
    rs: &crate::api::ReplicaSet,
    live: i32,
    managed: Result<(), Managed>,
    now: Time,
) -> Vec<ReplicaSetCondition> {
    if managed.is_ok() && rs.status.conditions.is_empty() {
        return Vec::new();
    }
    let mut conditions = rs.status.conditions.clone();
    let has_failure = conditions.iter().any(|c| c.type_ == REPLICA_FAILURE);
    match managed {
        Err(Managed::Failed(message)) if !has_failure => {
            let reason = if live < rs.spec.replicas {
                "FailedCreate"
            } else {
                "FailedDelete"
            };
            conditions.push(ReplicaSetCondition {
                type_: REPLICA_FAILURE.into(),
                status: "True".into(),
                last_transition_time: now.truncated(),
                reason: reason.into(),
                message,
            });
        }
        Ok(()) => conditions.retain(|c| c.type_ != REPLICA_FAILURE),
        Err(_) => {}
    }
    conditions
}

/// calculateStatus (replica_set_utils.go).
fn calculate_status(c: &Cluster, uid: &str, generation: i64) -> ReplicaSetStatus {
    let (active, ready, available, terminating) = c.pods.group(uid).map_or((0, 0, 0, 0), |g| {
        (g.active, g.ready_count, g.available, g.terminating)
    });
    ReplicaSetStatus {
        replicas: active,
        fully_labeled_replicas: active,
        ready_replicas: ready,
        available_replicas: available,
        terminating_replicas: Some(terminating),
        observed_generation: generation,
        conditions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_requeue_delay_doubles_from_5_ms_to_1000_s_and_stays() {
        let delays: Vec<i64> = (1..=4).map(requeue_delay).collect();
        assert_eq!(delays, [5, 10, 20, 40]);
        assert_eq!(requeue_delay(18), 655_360);
        for failures in [19, 40, 63, 64, 65, u32::MAX] {
            assert_eq!(requeue_delay(failures), 1_000_000, "{failures}");
        }
    }
}

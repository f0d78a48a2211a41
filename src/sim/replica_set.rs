//! Port of the ReplicaSet controller (`pkg/controller/replicaset/replica_set.go`,
//! `replica_set_utils.go`): create or delete pods until the live count
//! matches spec.replicas, and report status from the pods it saw.

use super::Cluster;
use crate::api::{ReplicaSetStatus, Time};

/// `burstReplicas`: at most this many creations or deletions per sync.
const BURST_REPLICAS: i32 = 500;

/// syncReplicaSet: status is computed from the pods as they were when the
/// sync started; pods created or deleted now show in the next sync.
pub fn sync_replica_set(c: &mut Cluster, rs: std::sync::Arc<crate::api::ReplicaSet>) {
    c.stats.replica_set_syncs += 1;
    let status = calculate_status(c, &rs.metadata.uid, rs.metadata.generation);
    if rs.metadata.deletion_timestamp.is_none() {
        manage_replicas(c, &rs, status.replicas);
    }
    if rs.status == status {
        return;
    }
    c.update_replica_set_status(rs, status);
}

/// manageReplicas: the difference between live pods and spec.replicas, in
/// one burst of creations or of deletions (ranked by getPodsToDelete).
fn manage_replicas(c: &mut Cluster, rs: &crate::api::ReplicaSet, active: i32) {
    let diff = active - rs.spec.replicas;
    if diff < 0 {
        for _ in 0..(-diff).min(BURST_REPLICAS) {
            c.create_pod(rs);
        }
    } else if diff > 0 {
        let now: Time = c.now;
        let victims = match c.pods.group(&rs.metadata.uid) {
            Some(group) => group.pods_to_delete(diff.min(BURST_REPLICAS) as usize, now, |p| {
                super::kubelet::pod_state(p, now)
            }),
            None => Vec::new(),
        };
        for uid in victims {
            c.delete_pod(&rs.metadata.uid, uid);
        }
    }
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
    }
}

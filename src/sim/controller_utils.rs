//! Port of the sorts in `pkg/controller/controller_utils.go` (the pod
//! deletion ranking lives with the pod store, in `pods.rs`).

use crate::api::ReplicaSet;
use std::cmp::Ordering;

/// ReplicaSetsByCreationTimestamp: oldest first, ties by name. Creation
/// times are continuous simulated time (model M1), so ties are objects
/// created at the same instant.
pub fn by_creation_timestamp(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    (a.metadata.creation_timestamp, &a.metadata.name)
        .cmp(&(b.metadata.creation_timestamp, &b.metadata.name))
}

pub fn sort_by_creation_timestamp<R: std::ops::Deref<Target = ReplicaSet>>(rss: &mut [R]) {
    rss.sort_by(|a, b| by_creation_timestamp(a, b));
}

/// ReplicaSetsBySizeOlder: larger first; equal sizes older first (scaling down).
pub fn sort_by_size_older<R: std::ops::Deref<Target = ReplicaSet>>(rss: &mut [R]) {
    rss.sort_by(|a, b| {
        b.spec
            .replicas
            .cmp(&a.spec.replicas)
            .then_with(|| by_creation_timestamp(a, b))
    });
}

/// ReplicaSetsBySizeNewer: larger first; equal sizes newer first (scaling up).
pub fn sort_by_size_newer<R: std::ops::Deref<Target = ReplicaSet>>(rss: &mut [R]) {
    rss.sort_by(|a, b| {
        b.spec
            .replicas
            .cmp(&a.spec.replicas)
            .then_with(|| by_creation_timestamp(b, a))
    });
}

/// RevisionAndCreationTimestamp (deployment util): by revision, and by age
/// where revisions are equal or unparseable.
pub fn by_revision_and_creation_timestamp(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    match (a.revision(), b.revision()) {
        (Ok(ra), Ok(rb)) if ra != rb => ra.cmp(&rb),
        _ => by_creation_timestamp(a, b),
    }
}

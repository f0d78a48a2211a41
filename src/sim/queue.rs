//! The queue of future changes: pod transitions and re-checks, bucketed by
//! time; within a time, in the order they were queued.

use crate::api::Time;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

/// A change due at a time. `rs` names the ReplicaSet whose pod group holds the pod.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    /// The kubelet reports the pod Ready (podStartSeconds after creation, or
    /// after a restart): stale if the container it was queued for
    /// (`restarts`) has exited since.
    PodReady {
        rs: Arc<str>,
        uid: u64,
        restarts: u32,
    },
    /// A crashing container exits with code 1 (crashAfterSeconds after it started).
    ContainerExit {
        rs: Arc<str>,
        uid: u64,
        restarts: u32,
    },
    /// The kubelet restarts an exited container (its back-off is over).
    ContainerRestart { rs: Arc<str>, uid: u64 },
    /// The pod has been Ready for longer than minReadySeconds. Silent: it
    /// does not make an instant of its own; the next instant sees it.
    PodAvailable { rs: Arc<str>, uid: u64 },
    /// The ReplicaSet controller's re-sync at readyTime + minReadySeconds + 1 s.
    AvailabilityRecheck { rs: Arc<str>, uid: u64 },
    /// The grace period is over: the terminating pod is gone.
    PodGone { rs: Arc<str>, uid: u64 },
    /// The work queue's rate-limited requeue of a ReplicaSet whose pod
    /// creates failed (by UID): its next sync tries again.
    ReplicaSetRetry { rs: Arc<str> },
}

impl Due {
    pub fn wakes(&self) -> bool {
        !matches!(self, Due::PodAvailable { .. })
    }
}

/// Changes due at one time, in the order they were queued.
type Bucket = VecDeque<Due>;

/// Buckets by time: pods created together come due together, so most
/// pushes and pops touch one bucket instead of re-sorting a heap.
#[derive(Clone, Debug, Default)]
pub struct DueQueue {
    waking: BTreeMap<Time, Bucket>,
    silent: BTreeMap<Time, Bucket>,
    len: usize,
}

impl DueQueue {
    pub fn push(&mut self, at: Time, due: Due) {
        let map = if due.wakes() {
            &mut self.waking
        } else {
            &mut self.silent
        };
        map.entry(at).or_default().push_back(due);
        self.len += 1;
    }

    /// Pops a change due at or before `now`, silent or not. (Within an
    /// instant the order does not matter: all are applied before any
    /// controller runs.)
    pub fn pop_due(&mut self, now: Time) -> Option<Due> {
        for map in [&mut self.waking, &mut self.silent] {
            let Some(mut first) = map.first_entry() else {
                continue;
            };
            if *first.key() > now {
                continue;
            }
            let due = first.get_mut().pop_front();
            if first.get().is_empty() {
                first.remove();
            }
            if due.is_some() {
                self.len -= 1;
                return due;
            }
        }
        None
    }

    /// The earliest waking entry, after dropping the stale ones at the head.
    pub fn next_waking(&mut self, is_stale: impl Fn(&Due) -> bool) -> Option<Time> {
        while let Some(mut first) = self.waking.first_entry() {
            let bucket = first.get_mut();
            while bucket.front().is_some_and(&is_stale) {
                bucket.pop_front();
                self.len -= 1;
            }
            if !bucket.is_empty() {
                return Some(*first.key());
            }
            first.remove();
        }
        None
    }

    /// The entries of one pod group now name it by another key (its pods were adopted).
    pub fn rename_group(&mut self, old: &str, new: &Arc<str>) {
        for bucket in self.waking.values_mut().chain(self.silent.values_mut()) {
            for due in bucket.iter_mut() {
                let key = match due {
                    Due::PodReady { rs, .. }
                    | Due::ContainerExit { rs, .. }
                    | Due::ContainerRestart { rs, .. }
                    | Due::PodAvailable { rs, .. }
                    | Due::AvailabilityRecheck { rs, .. }
                    | Due::PodGone { rs, .. } => rs,
                    Due::ReplicaSetRetry { .. } => continue,
                };
                if &**key == old {
                    *key = new.clone();
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

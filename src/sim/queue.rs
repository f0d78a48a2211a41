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
    /// The container of a pod starts (the end of ContainerCreating): the
    /// kubelet records Pulled, Created and Started. No controller watches
    /// for it, so its instant runs none (`Wake::KubeletOnly`).
    ContainerStarted {
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

/// Whether a due change opens an instant of its own, and what runs at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// It opens an instant, at which the controllers run.
    Controllers,
    /// It opens an instant of the kubelet's alone: the controllers do not
    /// run at it (unless something else is due then).
    KubeletOnly,
    /// It opens no instant; the next instant sees it.
    Silent,
}

impl Due {
    pub fn wake(&self) -> Wake {
        match self {
            Due::PodAvailable { .. } => Wake::Silent,
            Due::ContainerStarted { .. } => Wake::KubeletOnly,
            _ => Wake::Controllers,
        }
    }
}

/// Changes due at one time, in the order they were queued.
type Bucket = VecDeque<Due>;

/// Buckets by time: pods created together come due together, so most
/// pushes and pops touch one bucket instead of re-sorting a heap.
#[derive(Clone, Debug, Default)]
pub struct DueQueue {
    waking: BTreeMap<Time, Bucket>,
    kubelet_only: BTreeMap<Time, Bucket>,
    silent: BTreeMap<Time, Bucket>,
    len: usize,
}

impl DueQueue {
    pub fn push(&mut self, at: Time, due: Due) {
        let map = match due.wake() {
            Wake::Controllers => &mut self.waking,
            Wake::KubeletOnly => &mut self.kubelet_only,
            Wake::Silent => &mut self.silent,
        };
        map.entry(at).or_default().push_back(due);
        self.len += 1;
    }

    /// Pops a change due at or before `now`, silent or not. (Within an
    /// instant the order does not matter: all are applied before any
    /// controller runs.)
    pub fn pop_due(&mut self, now: Time) -> Option<Due> {
        [&mut self.waking, &mut self.kubelet_only, &mut self.silent]
            .into_iter()
            .find_map(|map| Self::pop_from(map, &mut self.len, now))
    }

    /// Pops a container start due at or before `now` (an instant of the kubelet's alone).
    pub fn pop_kubelet_only(&mut self, now: Time) -> Option<Due> {
        Self::pop_from(&mut self.kubelet_only, &mut self.len, now)
    }

    fn pop_from(map: &mut BTreeMap<Time, Bucket>, len: &mut usize, now: Time) -> Option<Due> {
        let mut first = map.first_entry()?;
        if *first.key() > now {
            return None;
        }
        let due = first.get_mut().pop_front();
        if first.get().is_empty() {
            first.remove();
        }
        if due.is_some() {
            *len -= 1;
        }
        due
    }

    /// The earliest entry that opens an instant at which the controllers
    /// run, after dropping the stale ones at the head.
    pub fn next_waking(&mut self, is_stale: impl Fn(&Due) -> bool) -> Option<Time> {
        Self::next_live(&mut self.waking, &mut self.len, is_stale)
    }

    /// The earliest entry that opens an instant of the kubelet's alone.
    pub fn next_kubelet_only(&mut self, is_stale: impl Fn(&Due) -> bool) -> Option<Time> {
        Self::next_live(&mut self.kubelet_only, &mut self.len, is_stale)
    }

    fn next_live(
        map: &mut BTreeMap<Time, Bucket>,
        len: &mut usize,
        is_stale: impl Fn(&Due) -> bool,
    ) -> Option<Time> {
        while let Some(mut first) = map.first_entry() {
            let bucket = first.get_mut();
            while bucket.front().is_some_and(&is_stale) {
                bucket.pop_front();
                *len -= 1;
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
        let maps = [&mut self.waking, &mut self.kubelet_only, &mut self.silent];
        for bucket in maps.into_iter().flat_map(|m| m.values_mut()) {
            for due in bucket.iter_mut() {
                let key = match due {
                    Due::PodReady { rs, .. }
                    | Due::ContainerStarted { rs, .. }
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

//! The queue of future changes: pod transitions and re-checks, ordered by
//! (time, insertion sequence) so equal times keep their order.

use crate::api::Time;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

/// A change due at a time. `rs` names the ReplicaSet whose pod group holds the pod.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    /// The kubelet reports the pod Ready (podStartSeconds after creation).
    PodReady { rs: Arc<str>, uid: u64 },
    /// The pod has been Ready for longer than minReadySeconds. Silent: it
    /// does not make an instant of its own; the next instant sees it.
    PodAvailable { rs: Arc<str>, uid: u64 },
    /// The ReplicaSet controller's re-sync at readyTime + minReadySeconds + 1 s.
    AvailabilityRecheck { rs: Arc<str>, uid: u64 },
    /// The grace period is over: the terminating pod is gone.
    PodGone { rs: Arc<str>, uid: u64 },
}

impl Due {
    pub fn wakes(&self) -> bool {
        !matches!(self, Due::PodAvailable { .. })
    }
}

type Entry = Reverse<(Time, u64, Due)>;

#[derive(Clone, Debug, Default)]
pub struct DueQueue {
    waking: BinaryHeap<Entry>,
    silent: BinaryHeap<Entry>,
    seq: u64,
}

impl DueQueue {
    pub fn push(&mut self, at: Time, due: Due) {
        self.seq += 1;
        let heap = if due.wakes() {
            &mut self.waking
        } else {
            &mut self.silent
        };
        heap.push(Reverse((at, self.seq, due)));
    }

    /// Pops the earliest change due at or before `now`, silent or not.
    pub fn pop_due(&mut self, now: Time) -> Option<Due> {
        let w = self
            .waking
            .peek()
            .map(|e| (e.0 .0, e.0 .1))
            .filter(|(t, _)| *t <= now);
        let s = self
            .silent
            .peek()
            .map(|e| (e.0 .0, e.0 .1))
            .filter(|(t, _)| *t <= now);
        let heap = match (w, s) {
            (None, None) => return None,
            (Some(_), None) => &mut self.waking,
            (None, Some(_)) => &mut self.silent,
            (Some(a), Some(b)) => {
                if a <= b {
                    &mut self.waking
                } else {
                    &mut self.silent
                }
            }
        };
        heap.pop().map(|e| e.0 .2)
    }

    /// The earliest waking entry, after dropping the stale ones at the head.
    pub fn next_waking(&mut self, is_stale: impl Fn(&Due) -> bool) -> Option<Time> {
        while let Some(Reverse((t, _, due))) = self.waking.peek() {
            if is_stale(due) {
                self.waking.pop();
            } else {
                return Some(*t);
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.waking.len() + self.silent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

//! The pod store: pods grouped by owning ReplicaSet, with running counts and
//! a readiness index so that status and scale-down never scan every pod.

use crate::api::{PodState, PodView, Time};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound::{self, Excluded, Included, Unbounded};
use std::sync::Arc;

/// A pod as the simulator keeps it. Times are milliseconds of simulated time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pod {
    /// The 5 random characters after `<replicaset>-` in the pod's name.
    pub suffix: [u8; 5],
    /// Identifies the pod in the store and the queue: sequential, so the
    /// store's trees grow at their edges.
    pub uid: u64,
    /// Random, as a real pod UID is: what the deletion ranking compares on ties.
    pub tiebreak: u64,
    /// Shared by the pods of a ReplicaSet.
    pub image: Arc<str>,
    pub created: Time,
    /// Set when the kubelet reports the pod Ready.
    pub ready_at: Option<Time>,
    /// Ready for longer than minReadySeconds.
    pub available: bool,
    /// Set when the pod was deleted: it is Terminating from then on.
    pub deleted_at: Option<Time>,
    /// Its image cannot be pulled: it never becomes Ready.
    pub failing: bool,
    /// How long its container takes to start and pass its readiness probe
    /// (podStartSeconds, or the image's startSeconds, when it was created):
    /// it starts halfway, and is Ready at the end.
    pub start: i64,
    /// When the running container started (or the one that exited).
    pub started_at: Time,
    /// restartCount: how often the kubelet restarted its container.
    pub restarts: u32,
    /// The container exited with code 1 at this time and waits to be restarted.
    pub exited_at: Option<Time>,
    /// When the container before this one exited (lastState.terminated), and when it had started.
    pub last_exit: Option<Time>,
    pub last_start: Time,
    /// The kubelet's restart back-off for this container (ms; 0: none yet,
    /// or expired: the next restart is at once).
    pub backoff: i64,
    /// The node it is bound to (an index into the cluster's nodes), once scheduled.
    pub node: Option<u16>,
    /// When it was bound to its node: the kubelet starts it from then.
    pub scheduled_at: Time,
    /// Its containers' resource requests, shared by the pods of a ReplicaSet.
    pub requests: Arc<super::scheduler::Requests>,
}

impl Pod {
    /// `<replicaset>-<suffix>`, the ReplicaSet name cut to 58 characters (generateName).
    pub fn name(&self, replica_set: &str) -> String {
        let prefix: String = replica_set.chars().take(58).collect();
        format!("{prefix}-{}", String::from_utf8_lossy(&self.suffix))
    }
}

/// Key of the readiness index, ascending: Ready time, creation time (whole
/// seconds), then the random tie-break and the pod's id, both reversed. So
/// the pod to delete first (most recently Ready, newest, smallest
/// tie-break) is the last entry.
type ReadyKey = (i64, i64, Reverse<u64>, Reverse<u64>);

/// All pods of one ReplicaSet (kept until its last terminating pod is gone,
/// even after the ReplicaSet itself was deleted).
#[derive(Clone, Debug, Default)]
pub struct PodGroup {
    /// The owning ReplicaSet's UID (the group's key), shared with the queue
    /// entries of its pods. A UID, not a name: a ReplicaSet deleted and
    /// created again under the same name does not inherit the old pods.
    pub key: Arc<str>,
    /// The owning ReplicaSet's name (pod names start with it), shared with
    /// the events that name its pods.
    pub rs_name: Arc<str>,
    /// The names the pods' events share (the ReplicaSet's, the first container's, the image).
    pub event_names: Arc<super::events::PodNames>,
    /// Set when the ReplicaSet was deleted with `--cascade=orphan`: the
    /// pods' labels, by which another ReplicaSet may adopt them.
    pub(crate) orphaned_labels: Option<std::collections::BTreeMap<String, String>>,
    /// How many of its pods have been restarted: the readiness index does
    /// not order by restarts, so scale-down then ranks every pod.
    pub(crate) restarted: usize,
    /// By pod id.
    pods: BTreeMap<u64, Pod>,
    /// The image of the last pod created, shared with the next ones.
    image: Option<Arc<str>>,
    /// The requests of the last pod created, shared likewise.
    requests: Option<Arc<super::scheduler::Requests>>,
    /// The ids of the live pods not Ready yet.
    not_ready: BTreeSet<u64>,
    /// The readiness index: the live Ready pods (a pod leaves it when it is
    /// deleted).
    ready: BTreeSet<ReadyKey>,
    pub active: i32,
    pub ready_count: i32,
    pub available: i32,
    pub terminating: i32,
}

fn ready_key(p: &Pod) -> ReadyKey {
    (
        p.ready_at.map_or(0, |t| t.truncated().0),
        p.created.truncated().0,
        Reverse(p.tiebreak),
        Reverse(p.uid),
    )
}

impl PodGroup {
    pub fn is_empty(&self) -> bool {
        self.pods.is_empty()
    }

    pub fn get(&self, uid: u64) -> Option<&Pod> {
        self.pods.get(&uid)
    }

    pub fn pods(&self) -> impl Iterator<Item = &Pod> {
        self.pods.values()
    }

    pub(crate) fn insert(&mut self, pod: Pod) {
        debug_assert!(pod.deleted_at.is_none() && pod.ready_at.is_none());
        self.active += 1;
        self.not_ready.insert(pod.uid);
        self.pods.insert(pod.uid, pod);
    }

    /// Inserts a pod that is already Ready (and maybe available): initial state only.
    pub(crate) fn insert_ready(&mut self, pod: Pod) {
        self.active += 1;
        self.ready_count += 1;
        self.available += i32::from(pod.available);
        self.ready.insert(ready_key(&pod));
        self.pods.insert(pod.uid, pod);
    }

    pub(crate) fn mark_ready(&mut self, uid: u64, now: Time, available_now: bool) -> bool {
        let Some(p) = self.pods.get_mut(&uid) else {
            return false;
        };
        if p.deleted_at.is_some() || p.ready_at.is_some() {
            return false;
        }
        p.ready_at = Some(now);
        p.available = available_now;
        self.not_ready.remove(&uid);
        self.ready.insert(ready_key(p));
        self.ready_count += 1;
        self.available += i32::from(available_now);
        true
    }

    pub(crate) fn mark_available(&mut self, uid: u64) -> bool {
        let Some(p) = self.pods.get_mut(&uid) else {
            return false;
        };
        if p.deleted_at.is_some() || p.ready_at.is_none() || p.available {
            return false;
        }
        p.available = true;
        self.available += 1;
        true
    }

    /// Its container exited: the pod is no longer Ready (or available).
    pub(crate) fn mark_exited(&mut self, uid: u64, now: Time) -> bool {
        let Some(p) = self.pods.get_mut(&uid) else {
            return false;
        };
        if p.deleted_at.is_some() || p.exited_at.is_some() {
            return false;
        }
        p.exited_at = Some(now);
        if p.ready_at.is_some() {
            self.ready.remove(&ready_key(p));
            self.ready_count -= 1;
            self.available -= i32::from(p.available);
            p.ready_at = None;
            p.available = false;
            self.not_ready.insert(uid);
        }
        true
    }

    pub(crate) fn get_mut(&mut self, uid: u64) -> Option<&mut Pod> {
        self.pods.get_mut(&uid)
    }

    /// Whether the pod is still alive, Ready and not yet available (its re-check is still due).
    pub fn awaits_availability(&self, uid: u64) -> bool {
        self.pods
            .get(&uid)
            .is_some_and(|p| p.deleted_at.is_none() && p.ready_at.is_some() && !p.available)
    }

    pub(crate) fn mark_deleted(&mut self, uid: u64, now: Time) -> bool {
        let Some(p) = self.pods.get_mut(&uid) else {
            return false;
        };
        if p.deleted_at.is_some() {
            return false;
        }
        p.deleted_at = Some(now);
        self.active -= 1;
        self.terminating += 1;
        if p.ready_at.is_some() {
            self.ready_count -= 1;
            self.available -= i32::from(p.available);
            self.ready.remove(&ready_key(p));
        } else {
            self.not_ready.remove(&uid);
        }
        true
    }

    pub(crate) fn remove_terminated(&mut self, uid: u64) -> Option<Pod> {
        let p = self.pods.get(&uid)?;
        p.deleted_at?;
        self.terminating -= 1;
        self.restarted -= usize::from(p.restarts > 0);
        self.pods.remove(&uid)
    }

    /// The image as an `Arc` shared by this group's pods.
    pub(crate) fn shared_image(&mut self, image: &str) -> Arc<str> {
        match &self.image {
            Some(shared) if &**shared == image => shared.clone(),
            _ => {
                let shared: Arc<str> = Arc::from(image);
                self.image = Some(shared.clone());
                self.refresh_event_names();
                shared
            }
        }
    }

    /// The container's name of the pods created from now on.
    pub(crate) fn set_container(&mut self, container: &str) {
        if &*self.event_names.container != container {
            let container = Arc::from(container);
            self.event_names = Arc::new(super::events::PodNames {
                container,
                ..(*self.event_names).clone()
            });
            self.refresh_event_names();
        }
    }

    fn refresh_event_names(&mut self) {
        self.event_names = Arc::new(super::events::PodNames {
            rs: self.rs_name.clone(),
            container: self.event_names.container.clone(),
            image: self.image.clone().unwrap_or_default(),
        });
    }

    /// This pod as an event names it.
    pub fn pod_name(&self, pod: &Pod) -> super::events::PodName {
        super::events::PodName {
            names: self.event_names.clone(),
            suffix: pod.suffix,
            uid: pod.uid,
        }
    }

    /// The requests as an `Arc` shared by this group's pods.
    pub(crate) fn shared_requests(
        &mut self,
        requests: super::scheduler::Requests,
    ) -> Arc<super::scheduler::Requests> {
        match &self.requests {
            Some(shared) if **shared == requests => shared.clone(),
            _ => {
                let shared = Arc::new(requests);
                self.requests = Some(shared.clone());
                shared
            }
        }
    }

    /// Recomputes availability after the ReplicaSet's minReadySeconds changed
    /// (rare: an edit of the Deployment's minReadySeconds). Returns the pods
    /// that now wait for availability, with the time they become available.
    pub(crate) fn reset_availability(&mut self, min_ready_ms: i64, now: Time) -> Vec<(u64, Time)> {
        let mut waiting = Vec::new();
        self.available = 0;
        for p in self.pods.values_mut().filter(|p| p.deleted_at.is_none()) {
            if let Some(ready) = p.ready_at {
                p.available = min_ready_ms == 0 || ready.0 + min_ready_ms < now.0;
                self.available += i32::from(p.available);
                if !p.available {
                    waiting.push((p.uid, ready));
                }
            }
        }
        waiting
    }

    /// getPodsToDelete: the `count` active pods the ReplicaSet controller
    /// deletes first (`controller_utils.go` ActivePodsWithRanks): pending
    /// before running, not-ready before ready, Ready for the shortest time
    /// first (log2 buckets), then (among not-ready pods) more restarts
    /// first, then newest first (log2 buckets), then UID.
    pub fn pods_to_delete(
        &self,
        count: usize,
        now: Time,
        phase_of: impl Fn(&Pod) -> PodState,
    ) -> Vec<u64> {
        if count == 0 {
            return Vec::new();
        }
        if count >= self.active as usize {
            return self
                .pods
                .values()
                .filter(|p| p.deleted_at.is_none())
                .map(|p| p.uid)
                .collect();
        }
        let mut unready: Vec<&Pod> = self
            .not_ready
            .iter()
            .filter_map(|uid| self.pods.get(uid))
            .collect();
        // Unscheduled first, then Pending before Running; then more restarts
        // first (compareMaxContainerRestarts), newer first.
        unready.sort_by_key(|p| {
            let pending = phase_of(p).phase() == "Pending";
            (
                p.node.is_some(),
                !pending,
                Reverse(p.restarts),
                log_rank(now, p.created),
                p.tiebreak,
            )
        });
        let mut chosen: Vec<u64> = unready.iter().take(count).map(|p| p.uid).collect();
        if chosen.len() < count {
            chosen.extend(self.ready_to_delete(count - chosen.len(), now));
        }
        chosen
    }

    /// getPodsToDelete with every rule of ActivePodsWithRanks, over all the
    /// active pods (for clusters of several nodes, where `rank_of`, the
    /// number of related pods on a pod's node, decides after readiness):
    /// unscheduled first, pending before running, not-ready before ready,
    /// more colocated first, then for two Ready pods the shorter Ready
    /// (log2 buckets, ties by UID), more restarts, newer (log2 buckets, ties
    /// by UID), UID.
    pub fn pods_to_delete_ranked(
        &self,
        count: usize,
        now: Time,
        phase_of: impl Fn(&Pod) -> PodState,
        rank_of: impl Fn(&Pod) -> usize,
    ) -> Vec<u64> {
        let mut active: Vec<&Pod> = self
            .pods
            .values()
            .filter(|p| p.deleted_at.is_none())
            .collect();
        let key = |p: &Pod| {
            let pending = phase_of(p).phase() == "Pending";
            (
                p.node.is_some(),
                !pending,
                p.ready_at.is_some(),
                Reverse(rank_of(p)),
            )
        };
        // Upstream's Less is not a total order (Ready pods of one second compare by restarts, of one
        // log2 bucket by UID), which std's sorts may panic on: the pods to delete are picked one at a
        // time, each the least of those left, which any comparison allows.
        let less = |a: &Pod, b: &Pod| {
            key(a).cmp(&key(b)).then_with(|| {
                let by_bucket = |ta: Time, tb: Time| {
                    if ta.truncated() == tb.truncated() {
                        std::cmp::Ordering::Equal
                    } else {
                        match log_rank(now, ta).cmp(&log_rank(now, tb)) {
                            std::cmp::Ordering::Equal => a.tiebreak.cmp(&b.tiebreak),
                            unequal => unequal,
                        }
                    }
                };
                let ready = match (a.ready_at, b.ready_at) {
                    (Some(ra), Some(rb)) => by_bucket(ra, rb),
                    _ => std::cmp::Ordering::Equal,
                };
                ready
                    .then_with(|| b.restarts.cmp(&a.restarts))
                    .then_with(|| by_bucket(a.created, b.created))
                    .then_with(|| a.tiebreak.cmp(&b.tiebreak))
            })
        };
        let mut chosen = Vec::with_capacity(count.min(active.len()));
        while chosen.len() < count && !active.is_empty() {
            let least = (1..active.len()).fold(0, |best, i| {
                if less(active[i], active[best]).is_lt() {
                    i
                } else {
                    best
                }
            });
            chosen.push(active.swap_remove(least).uid);
        }
        chosen
    }

    /// The `need` ready pods to delete first, without walking all of them:
    /// the index is ordered by ready time, so whole log2 buckets are taken
    /// from its end until the bucket where the cut falls, where only the last
    /// `need` pods of each (readyTime, creationTime) run can be candidates.
    fn ready_to_delete(&self, need: usize, now: Time) -> Vec<u64> {
        let mut chosen = Vec::with_capacity(need);
        // Entries below `end` are still to be looked at.
        let mut end: Bound<ReadyKey> = Unbounded;
        while chosen.len() < need {
            let Some(last) = self.ready.range((Unbounded, end)).next_back() else {
                break;
            };
            let remaining = need - chosen.len();
            let bucket = log_rank(now, Time(last.0));
            let mut candidates: Vec<ReadyKey> = Vec::new();
            while let Some(last) = self.ready.range((Unbounded, end)).next_back() {
                if log_rank(now, Time(last.0)) != bucket {
                    break;
                }
                // The least key of the run (`Reverse(u64::MAX)` is the least `Reverse`).
                let run_start = (last.0, last.1, Reverse(u64::MAX), Reverse(u64::MAX));
                let run = self.ready.range((Included(run_start), end));
                candidates.extend(run.rev().take(remaining));
                end = Excluded(run_start);
            }
            candidates.sort_by_key(|k| (log_rank(now, Time(k.1)), k.2 .0));
            chosen.extend(candidates.iter().take(remaining).map(|k| k.3 .0));
        }
        chosen
    }

    pub fn view(
        &self,
        owner: &str,
        now: Time,
        nodes: &[super::scheduler::Node],
        name_offset: u64,
    ) -> Vec<PodView> {
        self.pods
            .values()
            .map(|p| {
                let state = super::kubelet::pod_state(p, now);
                PodView {
                    name: p.name(owner),
                    owner: owner.to_string(),
                    image: p.image.to_string(),
                    created: p.created,
                    state,
                    ready_since: p.ready_at,
                    deleted_at: p.deleted_at,
                    restarts: p.restarts,
                    // Once the kubelet waits to restart it, the exited container is the last state.
                    last_termination: if state == PodState::CrashLoopBackOff {
                        p.exited_at
                    } else {
                        p.last_exit
                    },
                    last_termination_started: if state == PodState::CrashLoopBackOff {
                        p.started_at
                    } else {
                        p.last_start
                    },
                    node: p
                        .node
                        .and_then(|n| nodes.get(n as usize))
                        .map(|n| n.name.clone()),
                    uid: super::events::pod_uid(name_offset, p.uid),
                    scheduled_at: p.scheduled_at,
                    started_at: p.started_at,
                    exited_at: p.exited_at,
                }
            })
            .collect()
    }
}

/// logarithmicRankDiff's rank: floor(log2(now − t in nanoseconds)), −1 if not in the past.
/// Times are whole seconds, as the API server stores them.
fn log_rank(now: Time, t: Time) -> i64 {
    let d = (now.0 - t.truncated().0) as i128 * 1_000_000;
    if d <= 0 {
        -1
    } else {
        127 - d.leading_zeros() as i64
    }
}

/// Pods of every ReplicaSet.
#[derive(Clone, Debug, Default)]
pub struct PodStore {
    pub(crate) groups: BTreeMap<String, PodGroup>,
    /// How many groups are orphans (their ReplicaSet deleted with `--cascade=orphan`).
    pub(crate) orphans: usize,
}

impl PodStore {
    pub fn group(&self, rs: &str) -> Option<&PodGroup> {
        self.groups.get(rs)
    }

    /// The group of the ReplicaSet with this UID and name, created if missing.
    pub(crate) fn group_mut(&mut self, uid: &str, rs_name: &str) -> &mut PodGroup {
        if !self.groups.contains_key(uid) {
            let group = PodGroup {
                key: Arc::from(uid),
                rs_name: Arc::from(rs_name),
                ..Default::default()
            };
            self.groups.insert(uid.to_string(), group);
        }
        self.groups.get_mut(uid).expect("inserted above")
    }

    pub(crate) fn add(&mut self, uid: &str, rs_name: &str, pod: Pod) {
        let group = self.group_mut(uid, rs_name);
        if pod.ready_at.is_some() {
            group.insert_ready(pod);
        } else {
            group.insert(pod);
        }
    }

    /// ClaimPods for a ReplicaSet without pods of its own: the orphaned pods
    /// its selector matches become its pods (their group is keyed by its UID
    /// from now on). Returns the old key, for the entries that name it.
    /// (Only the orphans of a ReplicaSet of the same name: the pods keep their names, which start with it.)
    pub(crate) fn adopt(
        &mut self,
        selector: &crate::api::LabelSelector,
        uid: &str,
        name: &str,
    ) -> Option<Arc<str>> {
        if self.orphans == 0 || self.groups.get(uid).is_some_and(|g| !g.is_empty()) {
            return None;
        }
        let old = self
            .groups
            .iter()
            .find(|(_, g)| {
                &*g.rs_name == name
                    && g.orphaned_labels
                        .as_ref()
                        .is_some_and(|labels| selector.matches(labels))
            })
            .map(|(k, _)| k.clone())?;
        let mut group = self.groups.remove(&old)?;
        let old_key = std::mem::replace(&mut group.key, Arc::from(uid));
        group.orphaned_labels = None;
        self.orphans -= 1;
        self.groups.insert(uid.to_string(), group);
        Some(old_key)
    }

    pub(crate) fn remove_terminated(&mut self, rs: &str, uid: u64) -> bool {
        let Some(group) = self.groups.get_mut(rs) else {
            return false;
        };
        if group.remove_terminated(uid).is_none() {
            return false;
        }
        if group.is_empty() {
            self.orphans -= usize::from(group.orphaned_labels.is_some());
            self.groups.remove(rs);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(uid: u64, created_s: i64) -> Pod {
        Pod {
            suffix: *b"bcdfg",
            uid,
            tiebreak: uid,
            image: "i".into(),
            created: Time::from_secs(created_s),
            ready_at: None,
            available: false,
            ..Pod::default()
        }
    }

    fn running(_: &Pod) -> PodState {
        PodState::RunningNotReady
    }

    #[test]
    fn not_ready_pods_go_before_ready_ones() {
        let mut g = PodGroup::default();
        for uid in 1..=4 {
            g.insert(pod(uid, 0));
        }
        g.mark_ready(1, Time::from_secs(2), true);
        g.mark_ready(2, Time::from_secs(2), true);
        let chosen = g.pods_to_delete(2, Time::from_secs(10), running);
        assert_eq!(chosen, vec![3, 4]);
    }

    #[test]
    fn the_most_recently_ready_bucket_goes_first_then_uid() {
        let mut g = PodGroup::default();
        for uid in 1..=5 {
            g.insert(pod(uid, 0));
        }
        // uid 1,2 ready at 1 s; uid 3,4,5 ready at 1000 s.
        g.mark_ready(2, Time::from_secs(1), true);
        g.mark_ready(1, Time::from_secs(1), true);
        for uid in [5, 3, 4] {
            g.mark_ready(uid, Time::from_secs(1000), true);
        }
        let now = Time::from_secs(1010);
        assert_eq!(g.pods_to_delete(2, now, running), vec![3, 4]);
        assert_eq!(g.pods_to_delete(4, now, running), vec![3, 4, 5, 1]);
        assert_eq!(g.pods_to_delete(5, now, running).len(), 5);
    }

    /// Random lifecycles (initial Ready pods in any order, pods turning Ready
    /// in bursts at one instant, deletions anywhere, victims taken from the
    /// top) agree with ranking every Ready pod from scratch, as
    /// ActivePodsWithRanks does: Ready for the shortest time first, then
    /// newest, by log2 bucket, then the tie-break.
    #[test]
    fn ready_victims_agree_with_a_full_ranking() {
        let mut x: u64 = 11;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        for round in 0..40 {
            let mut g = PodGroup::default();
            let mut uid = 0;
            let mut now = Time::from_secs(1000);
            for _ in 0..next(150) {
                uid += 1;
                let mut p = pod(uid, next(1000) as i64);
                p.tiebreak = next(1 << 40);
                p.ready_at = Some(Time(p.created.0 + next(5000) as i64));
                g.insert_ready(p);
            }
            for _ in 0..300 {
                match next(6) {
                    0 | 1 => {
                        for _ in 0..=next(8) {
                            uid += 1;
                            let mut p = pod(uid, 0);
                            p.created = Time(now.0 - next(4000) as i64);
                            p.tiebreak = next(1 << 40);
                            g.insert(p);
                        }
                    }
                    2 => {
                        let waiting: Vec<u64> = g.not_ready.iter().copied().collect();
                        for u in waiting.into_iter().filter(|_| next(3) > 0) {
                            g.mark_ready(u, now, true);
                        }
                    }
                    3 => {
                        // A burst of deletions anywhere (enough for sweeps of stale entries).
                        for _ in 0..=next(24) {
                            let live: Vec<u64> = g
                                .pods()
                                .filter(|p| p.deleted_at.is_none())
                                .map(|p| p.uid)
                                .collect();
                            if !live.is_empty() {
                                g.mark_deleted(live[next(live.len() as u64) as usize], now);
                            }
                        }
                    }
                    4 => now = Time(now.0 + [0, 250, 1000, 7000, 60_000][next(5) as usize]),
                    _ => {
                        let mut ranked: Vec<&Pod> = g
                            .pods()
                            .filter(|p| p.deleted_at.is_none() && p.ready_at.is_some())
                            .collect();
                        ranked.sort_by_key(|p| {
                            (
                                log_rank(now, p.ready_at.unwrap()),
                                log_rank(now, p.created),
                                p.tiebreak,
                            )
                        });
                        let want: Vec<u64> = ranked.iter().map(|p| p.uid).collect();
                        // Often a few: a cut inside a run is where the order within it shows.
                        let most = if next(2) == 0 {
                            want.len()
                        } else {
                            want.len().min(6)
                        };
                        let need = next(most as u64 + 1) as usize;
                        let unready = g.not_ready.len();
                        let got = g.pods_to_delete(unready + need, now, running);
                        if unready + need < g.active as usize {
                            assert_eq!(got[unready..], want[..need], "round {round}");
                        }
                        for u in got.into_iter().filter(|_| next(2) == 0) {
                            g.mark_deleted(u, now);
                        }
                    }
                }
                assert_eq!(
                    g.ready.len(),
                    g.ready_count as usize,
                    "the index holds the Ready pods only"
                );
            }
        }
    }

    /// Pods that turned Ready at this instant, not in id or tie-break order,
    /// then many deletions of older pods: the newest go first, by tie-break.
    #[test]
    fn the_newest_ready_pods_go_first_after_deletions() {
        let mut g = PodGroup::default();
        for uid in 1..=100 {
            let mut p = pod(uid, 0);
            p.ready_at = Some(Time::from_secs(1));
            p.available = true;
            g.insert_ready(p);
        }
        g.pods_to_delete(1, Time::from_secs(2), running);
        for uid in 101..=110 {
            let mut p = pod(uid, 1);
            p.tiebreak = (uid * 7919) % 101; // not in uid order
            g.insert(p);
            g.mark_ready(uid, Time::from_secs(3), true);
        }
        for uid in 1..=80 {
            g.mark_deleted(uid, Time::from_secs(3));
        }
        assert_eq!(g.ready.len(), 30, "deleted pods left the index");
        let mut newest: Vec<&Pod> = (101..=110).filter_map(|uid| g.get(uid)).collect();
        newest.sort_by_key(|p| p.tiebreak);
        let want: Vec<u64> = newest.iter().take(3).map(|p| p.uid).collect();
        assert_eq!(g.pods_to_delete(3, Time::from_secs(4), running), want);
    }

    #[test]
    fn counts_follow_the_lifecycle() {
        let mut g = PodGroup::default();
        g.insert(pod(1, 0));
        g.insert(pod(2, 0));
        assert_eq!(
            (g.active, g.ready_count, g.available, g.terminating),
            (2, 0, 0, 0)
        );
        g.mark_ready(1, Time::from_secs(2), false);
        assert!(g.awaits_availability(1));
        g.mark_available(1);
        assert_eq!((g.active, g.ready_count, g.available), (2, 1, 1));
        g.mark_deleted(1, Time::from_secs(3));
        assert_eq!(
            (g.active, g.ready_count, g.available, g.terminating),
            (1, 0, 0, 1)
        );
        assert!(g.remove_terminated(1).is_some());
        assert!(
            g.remove_terminated(2).is_none(),
            "only terminating pods can go"
        );
        assert_eq!(g.terminating, 0);
    }

    #[test]
    fn the_full_ranking_agrees_with_the_index_when_every_pod_shares_a_node() {
        // Pods created and Ready at assorted times, some restarted: the slow path (every rule, one
        // node) and the index's fast path pick the same pods, for every count.
        let mut g = PodGroup::default();
        let mut x: u64 = 7;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 33
        };
        for uid in 1..=40u64 {
            let mut p = pod(uid, (next() % 50) as i64);
            p.tiebreak = next();
            p.node = Some(0);
            p.restarts = (next() % 3) as u32;
            g.insert(p);
            if next() % 4 != 0 {
                g.mark_ready(uid, Time::from_secs(50 + (next() % 200) as i64), true);
            }
        }
        let now = Time::from_secs(400);
        for count in 0..40 {
            assert_eq!(
                g.pods_to_delete_ranked(count, now, running, |_| 1),
                g.pods_to_delete(count, now, running),
                "count {count}"
            );
        }
        // All of them: the order no longer matters.
        let mut all = g.pods_to_delete_ranked(40, now, running, |_| 1);
        all.sort();
        assert_eq!(all, g.pods_to_delete(40, now, running));
    }

    #[test]
    fn between_two_pods_ready_in_the_same_second_the_one_restarted_more_goes_first() {
        let mut g = PodGroup::default();
        for (uid, tiebreak, restarts) in [(1, 9, 2), (2, 1, 0)] {
            let mut p = pod(uid, 0);
            (p.tiebreak, p.restarts, p.node) = (tiebreak, restarts, Some(0));
            g.insert(p);
            g.mark_ready(uid, Time::from_secs(5), true);
        }
        let now = Time::from_secs(60);
        // ActivePodsWithRanks: same Ready second, so restarts decide (the UID would pick pod 2).
        assert_eq!(g.pods_to_delete_ranked(1, now, running, |_| 1), vec![1]);
    }
}

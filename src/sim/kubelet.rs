//! The kubelet and the scheduler, reduced to what a rollout shows: a pod is
//! created, pulls its image, starts, becomes Ready after podStartSeconds
//! (never, if its image fails to pull or its readiness probe never passes),
//! is available once Ready for longer than minReadySeconds, and once deleted
//! is Terminating for podStopSeconds. A crashing container exits with code 1
//! crashAfterSeconds after each start and is restarted with the kubelet's
//! back-off (`doBackOff` in kuberuntime_manager.go).

use super::events::PodEventKind;
use super::pods::{Pod, PodStore};
use super::queue::Due;
use super::rng::SAFE_ALPHABET;
use super::Cluster;
use crate::api::{PodState, ReplicaSet, Time};
use std::sync::Arc;

/// The kubelet's image pull back-off (kubelet.go `backOffPeriod`, 10 s,
/// doubling to `MaxContainerBackOff`, 300 s).
pub const PULL_BACKOFF_INITIAL: i64 = 10_000;
pub const PULL_BACKOFF_MAX: i64 = 300_000;

/// The kubelet's pulls of an image that cannot be pulled, the first at
/// `from`: each takes half the pod's start time and fails; the next starts
/// when the pull back-off is over. (Start, failure) of each. A timeline
/// that follows from the pod alone, so the page and the events read it
/// without queued changes of their own.
pub fn pull_attempts(from: Time, start: i64) -> impl Iterator<Item = (Time, Time)> {
    let pull = start.max(0) / 2;
    std::iter::successors(
        Some((from.0, PULL_BACKOFF_INITIAL)),
        move |&(at, backoff)| {
            let next = at.checked_add(pull)?.checked_add(backoff)?;
            Some((next, (backoff * 2).min(PULL_BACKOFF_MAX)))
        },
    )
    .map(move |(at, _)| (Time(at), Time(at.saturating_add(pull))))
}

/// The kubelet's container restart back-off with the newest release's
/// defaults (kubelet.go `initialCrashLoopBackOff`, `MaxCrashLoopBackOff`;
/// the gate ReduceDefaultCrashLoopBackOffDecay is alpha and off), doubled
/// by client-go's flowcontrol.Backoff, without jitter.
pub const CRASH_BACKOFF_INITIAL: i64 = 10_000;
pub const CRASH_BACKOFF_MAX: i64 = 300_000;

/// The kubelet's back-off entry for a container expires when the container
/// ran this long (its `HasExpiredFunc`, kubelet.go): the next restart is at once.
pub const CRASH_BACKOFF_EXPIRY: i64 = 600_000;

/// The kubelet notices an exited container at its next relist (the
/// generic PLEG relists every second): until then the pod shows `Error`.
pub const PLEG_RELIST: i64 = 1_000;

/// The state a pod shows at `now` (derived, so no queue entry is needed for
/// the display-only steps ContainerCreating → Running-not-ready).
pub fn pod_state(p: &Pod, now: Time) -> PodState {
    // The kubelet starts a pod once it is bound to its node.
    let age = now.0 - p.scheduled_at.0;
    let pod_start = p.start;
    if p.deleted_at.is_some() {
        PodState::Terminating
    } else if p.node.is_none() {
        PodState::Pending
    } else if let Some(exited) = p.exited_at {
        if now.0 - exited.0 < PLEG_RELIST {
            PodState::Error
        } else {
            PodState::CrashLoopBackOff
        }
    } else if p.failing {
        let last_failure = pull_attempts(p.scheduled_at, pod_start)
            .map(|(_, failed)| failed)
            .take_while(|f| f.0 <= now.0)
            .last();
        match last_failure {
            None => PodState::ContainerCreating,
            // Until the kubelet's next sync finds the pull in back-off.
            Some(failed) if now.0 - failed.0 < PLEG_RELIST => PodState::ErrImagePull,
            Some(_) => PodState::ImagePullBackOff,
        }
    } else if p.ready_at.is_some() {
        if p.available {
            PodState::Available
        } else {
            PodState::Ready
        }
    } else if p.restarts == 0 && age * 2 < pod_start {
        PodState::ContainerCreating
    } else {
        PodState::RunningNotReady
    }
}

/// How long after its container exited the kubelet restarts it: at its
/// next relist without a back-off entry, else when the back-off is over.
pub fn restart_delay(p: &Pod) -> i64 {
    if p.backoff == 0 {
        PLEG_RELIST
    } else {
        p.backoff
    }
}

/// The 5-character name suffix of the pod with this id: the id scrambled
/// over the 27^5 suffixes (a bijection, since the multiplier is prime to 27),
/// so names look random, as generateName's do, and never collide within a
/// cluster's first 14 million pods.
fn name_suffix(id: u64, offset: u64) -> [u8; 5] {
    const SPACE: u64 = 27 * 27 * 27 * 27 * 27;
    let mut n = (id.wrapping_mul(7_919_393) + offset) % SPACE;
    std::array::from_fn(|_| {
        let c = SAFE_ALPHABET[(n % 27) as usize];
        n /= 27;
        c
    })
}

/// A queued transition whose pod has since been deleted or gone is stale:
/// it must not make an instant of its own.
pub fn is_stale(pods: &PodStore, due: &Due) -> bool {
    match due {
        Due::PodReady { rs, uid, restarts }
        | Due::ContainerStarted { rs, uid, restarts }
        | Due::ContainerExit { rs, uid, restarts } => {
            pods.group(rs).and_then(|g| g.get(*uid)).is_none_or(|p| {
                p.deleted_at.is_some() || p.exited_at.is_some() || p.restarts != *restarts
            })
        }
        Due::ContainerRestart { rs, uid } => pods
            .group(rs)
            .and_then(|g| g.get(*uid))
            .is_none_or(|p| p.deleted_at.is_some() || p.exited_at.is_none()),
        Due::AvailabilityRecheck { rs, uid } => {
            !pods.group(rs).is_some_and(|g| g.awaits_availability(*uid))
        }
        Due::PodGone { rs, uid } => pods.group(rs).and_then(|g| g.get(*uid)).is_none(),
        // The retry wakes the instant loop; the ReplicaSet's sync does the rest.
        Due::ReplicaSetRetry { .. } => false,
        Due::PodAvailable { .. } => false,
    }
}

impl Cluster {
    /// Creates one pod for a ReplicaSet (the ReplicaSet controller's create).
    /// The create can be refused by the quota admission: the API error's
    /// text (`pods "NAME" is forbidden: exceeded quota: …`), for the generated name.
    pub(crate) fn create_pod(&mut self, rs: &ReplicaSet) -> Result<(), String> {
        if let Err(reason) = self.admit_pod(&rs.spec.template) {
            // generateName picked a name before admission ran (registry Store.create).
            self.next_pod_uid += 1;
            let name = Pod {
                suffix: name_suffix(self.next_pod_uid, self.name_offset),
                ..Pod::default()
            }
            .name(rs.name());
            return Err(format!(
                "pods {} is forbidden: {reason}",
                crate::text::quoted(&name)
            ));
        }
        let image = rs.spec.template.first_image();
        let failing = self.is_failing_image(image);
        let pod = self.new_pod(rs, image, self.now, failing);
        let uid = pod.uid;
        self.pods.add(&rs.metadata.uid, rs.name(), pod);
        let key = self.pods.group_mut(&rs.metadata.uid, rs.name()).key.clone();
        self.record_pod_routine(&key, uid, PodEventKind::SuccessfulCreate);
        if self.schedule_pod(&key, uid) {
            self.start_scheduled(key, uid);
        }
        self.stats.pods_created += 1;
        self.changed = true;
        Ok(())
    }

    /// The kubelet of its node starts a pod just bound: the container
    /// starts halfway through the pod's start time (unless its image cannot
    /// be pulled).
    pub(crate) fn start_scheduled(&mut self, key: Arc<str>, uid: u64) {
        let Some(group) = self.pods.groups.get_mut(&*key) else {
            return;
        };
        let Some(pod) = group.get_mut(uid) else {
            return;
        };
        let started = Time(pod.scheduled_at.0 + pod.start / 2);
        pod.started_at = started;
        let (failing, start, node) = (pod.failing, pod.start, pod.node);
        if let Some(node) = node {
            self.record_pod_routine(&key, uid, PodEventKind::Scheduled { node });
        }
        if failing {
            self.record_pod_routine(&key, uid, PodEventKind::PullTimeline { start });
        } else {
            self.start_container(key, uid, started, 0);
        }
    }

    /// A container (re)starts at `started`: its readiness probe passes
    /// halfway through the pod's start time, unless the image never passes
    /// it or crashes first; a crashing image exits crashAfterSeconds later.
    fn start_container(&mut self, key: Arc<str>, uid: u64, started: Time, restarts: u32) {
        if started > self.now {
            let rs = key.clone();
            self.queue
                .push(started, Due::ContainerStarted { rs, uid, restarts });
        } else {
            self.record_container_start(&key, uid);
        }
        let Some(pod) = self.pods.group(&key).and_then(|g| g.get(uid)) else {
            return;
        };
        let behaviour = self.config.images.get(&*pod.image);
        let ready_after = pod.start - pod.start / 2;
        let ready = behaviour.is_none_or(|b| b.ready);
        let crash_after = behaviour.and_then(|b| b.crash_after);
        if ready && crash_after.is_none_or(|c| c > ready_after) {
            let rs = key.clone();
            self.queue.push(
                Time(started.0 + ready_after),
                Due::PodReady { rs, uid, restarts },
            );
        } else if !ready {
            self.record_pod_routine(&key, uid, PodEventKind::Unhealthy);
        }
        if let Some(c) = crash_after {
            self.queue.push(
                Time(started.0 + c),
                Due::ContainerExit {
                    rs: key,
                    uid,
                    restarts,
                },
            );
        }
    }

    /// The kubelet's events of a container start, when the container starts
    /// (the image is on the node: "already present on machine").
    fn record_container_start(&mut self, key: &str, uid: u64) {
        self.record_pod_routine(key, uid, PodEventKind::Pulled);
        self.record_pod_routine(key, uid, PodEventKind::Created);
        self.record_pod_routine(key, uid, PodEventKind::Started);
    }

    /// How long a new pod of this image takes to start and become Ready.
    fn start_of(&self, image: &str) -> i64 {
        self.config
            .images
            .get(image)
            .and_then(|b| b.start)
            .unwrap_or(self.config.pod_start)
    }

    /// Whether the cluster is set to fail pulling this image (`failing_images` is sorted).
    fn is_failing_image(&self, image: &str) -> bool {
        self.config
            .failing_images
            .binary_search_by(|s| s.as_str().cmp(image))
            .is_ok()
    }

    /// A pod named `<rs>-<5 random characters>` (generateName), unique among its ReplicaSet's.
    fn new_pod(&mut self, rs: &ReplicaSet, image: &str, created: Time, failing: bool) -> Pod {
        let start = self.start_of(image);
        let requests = super::scheduler::Requests::of(&rs.spec.template);
        let container = rs
            .spec
            .template
            .spec
            .containers
            .first()
            .map_or("", |c| c.name.as_str());
        let group = self.pods.group_mut(&rs.metadata.uid, rs.name());
        group.set_container(container);
        let image = group.shared_image(image);
        let requests = group.shared_requests(requests);
        self.next_pod_uid += 1;
        let suffix = name_suffix(self.next_pod_uid, self.name_offset);
        Pod {
            suffix,
            uid: self.next_pod_uid,
            tiebreak: self.rng.next_u64(),
            image,
            created,
            failing,
            start,
            started_at: Time(created.0 + start / 2),
            scheduled_at: created,
            requests,
            ..Pod::default()
        }
    }

    /// Inserts a pod that already exists when the scenario starts.
    pub(crate) fn insert_initial_pod(
        &mut self,
        rs: &ReplicaSet,
        created: Time,
        ready_at: Option<Time>,
    ) {
        let image = rs.spec.template.first_image();
        let failing = self.is_failing_image(image);
        let mut pod = self.new_pod(rs, image, created, failing);
        let uid = pod.uid;
        // Placed when it was created, where there was room then (without the
        // fit check, should the scenario's pods not fit its nodes).
        pod.node = Some(self.find_node(&pod.requests).unwrap_or(0));
        if let Some(ready) = ready_at {
            pod.ready_at = Some(ready);
            pod.available = true;
            // Its container started before it became Ready, but not before the pod existed.
            pod.started_at = Time((ready.0 - (pod.start - pod.start / 2)).max(created.0));
        }
        let started = pod.started_at;
        self.pods.add(&rs.metadata.uid, rs.name(), pod);
        let key = self.pods.group_mut(&rs.metadata.uid, rs.name()).key.clone();
        if ready_at.is_none() && !failing {
            self.start_container(key, uid, started, 0);
        } else if let Some(c) = self
            .config
            .images
            .get(image)
            .and_then(|b| b.crash_after)
            .filter(|_| !failing)
        {
            // Ready since before the scenario: it crashes crashAfterSeconds after it started, not in the past.
            let exit = Time((started.0 + c).max(self.now.0));
            self.queue.push(
                exit,
                Due::ContainerExit {
                    rs: key,
                    uid,
                    restarts: 0,
                },
            );
        }
    }

    /// Deletes a pod of the ReplicaSet with UID `rs`: it turns Terminating
    /// now and is gone after podStopSeconds.
    pub(crate) fn delete_pod(&mut self, rs: &str, uid: u64) {
        self.record_pod_routine(rs, uid, PodEventKind::SuccessfulDelete);
        self.terminate_pod(rs, uid);
    }

    /// A pod deleted by the garbage collector (its ReplicaSet went): no
    /// ReplicaSet controller's event, only the kubelet stopping it.
    pub(crate) fn terminate_pod(&mut self, rs: &str, uid: u64) {
        self.record_killing(rs, uid);
        let Some(group) = self.pods.groups.get_mut(rs) else {
            return;
        };
        // CheckGracefulDelete: a pod no node runs is deleted at once.
        let unscheduled = group.get(uid).is_some_and(|p| p.node.is_none());
        if group.mark_deleted(uid, self.now) {
            self.stats.pods_deleted += 1;
            if unscheduled {
                self.pods.remove_terminated(rs, uid);
            } else {
                let key = group.key.clone();
                self.queue.push(
                    Time(self.now.0 + self.config.pod_stop),
                    Due::PodGone { rs: key, uid },
                );
            }
            self.changed = true;
        }
    }

    /// `kubectl delete pod NAME` (a user's write): the pod turns Terminating
    /// now and is gone when its container stops (podStopSeconds) or its
    /// grace period ends, whichever comes first; the grace period is the
    /// one asked for, else the template's terminationGracePeriodSeconds
    /// (default 30). A grace period of 0 (`--force`) removes it at once.
    /// Deleting a pod that is already Terminating changes nothing.
    pub fn delete_pod_named(
        &mut self,
        name: &str,
        grace_seconds: Option<i64>,
    ) -> Result<(), super::ApiError> {
        let found = self.pods.groups.iter().find_map(|(key, g)| {
            g.pods()
                .find(|p| p.name(&g.rs_name) == name)
                .map(|p| (key.clone(), p.uid, p.deleted_at.is_some()))
        });
        let Some((key, uid, already)) = found else {
            return Err(super::ApiError::NotFound {
                resource: "pods",
                name: name.to_string(),
            });
        };
        if already {
            // Deleting a Terminating pod again can only shorten its grace
            // period (`--grace-period=0 --force` ends it now).
            self.shorten_termination(&key, uid, grace_seconds);
            return Ok(());
        }
        let template_grace = self
            .replica_sets
            .values()
            .find(|rs| rs.metadata.uid == key)
            .and_then(|rs| rs.spec.template.spec.termination_grace_period_seconds)
            .unwrap_or(30);
        let mut grace_ms = grace_seconds
            .unwrap_or(template_grace)
            .clamp(0, i64::MAX / 1000)
            * 1000;
        self.record_killing(&key, uid);
        let Some(group) = self.pods.groups.get_mut(&key) else {
            return Ok(());
        };
        // CheckGracefulDelete: a pod no node runs is deleted at once.
        if group.get(uid).is_some_and(|p| p.node.is_none()) {
            grace_ms = 0;
        }
        if group.mark_deleted(uid, self.now) {
            self.stats.pods_deleted += 1;
            if grace_ms == 0 {
                self.pods.remove_terminated(&key, uid);
                self.retry_unscheduled();
            } else {
                let rs = group.key.clone();
                self.queue.push(
                    Time(self.now.0 + self.config.pod_stop.min(grace_ms)),
                    Due::PodGone { rs, uid },
                );
            }
            self.changed = true;
            self.settled = false;
            self.user_writes += 1;
        }
        Ok(())
    }

    /// The kubelet stops a deleted pod's container, if one runs (or its pulls).
    fn record_killing(&mut self, key: &str, uid: u64) {
        let Some(group) = self.pods.group(key) else {
            return;
        };
        if group
            .get(uid)
            .is_some_and(|p| p.deleted_at.is_none() && p.node.is_some() && p.failing)
        {
            self.record_pod_routine(key, uid, PodEventKind::PullStopped);
            return;
        }
        let running = group.get(uid).is_some_and(|p| {
            p.deleted_at.is_none() && p.node.is_some() && p.exited_at.is_none() && !p.failing
        });
        if running {
            self.record_pod_routine(key, uid, PodEventKind::Killing);
        }
    }

    fn shorten_termination(&mut self, key: &str, uid: u64, grace_seconds: Option<i64>) {
        let Some(grace_ms) = grace_seconds.map(|s| s.max(0) * 1000) else {
            return;
        };
        if grace_ms == 0 {
            if self.pods.remove_terminated(key, uid) {
                self.retry_unscheduled();
                self.changed = true;
                self.settled = false;
                self.user_writes += 1;
            }
        } else if let Some(group) = self.pods.groups.get(key) {
            // A second, earlier PodGone: whichever comes first removes it.
            let rs = group.key.clone();
            self.queue.push(
                Time(self.now.0 + self.config.pod_stop.min(grace_ms)),
                Due::PodGone { rs, uid },
            );
            self.user_writes += 1;
        }
    }

    /// Step (1) of an instant: every transition due now (only the container
    /// starts at an instant of the kubelet's alone: the rest wait for the
    /// next instant at which the controllers run, as if this one were not).
    pub(crate) fn apply_due_transitions(&mut self, kubelet_only: bool) {
        while let Some(due) = if kubelet_only {
            self.queue.pop_kubelet_only(self.now)
        } else {
            self.queue.pop_due(self.now)
        } {
            match due {
                // Queued for a container that has exited or restarted since, or a pod deleted since.
                Due::PodReady { .. } | Due::ContainerStarted { .. } | Due::ContainerExit { .. }
                    if is_stale(&self.pods, &due) => {}
                Due::PodReady { rs, uid, .. } => self.pod_ready(rs, uid),
                Due::ContainerStarted { rs, uid, .. } => self.record_container_start(&rs, uid),
                Due::ContainerExit { rs, uid, .. } => self.container_exit(rs, uid),
                Due::ContainerRestart { rs, uid } => self.container_restart(rs, uid),
                Due::PodAvailable { rs, uid } => {
                    // The ReplicaSet's minReadySeconds may have grown since
                    // this was queued: judge against the current value.
                    let min_ready = self.min_ready_of(&rs);
                    let now = self.now;
                    let available = |g: &mut super::pods::PodGroup| {
                        g.get(uid)
                            .and_then(|p| p.ready_at)
                            .is_some_and(|r| r.0 + min_ready < now.0)
                            && g.mark_available(uid)
                    };
                    if self.pods.groups.get_mut(&*rs).is_some_and(available) {
                        self.changed = true;
                    }
                }
                Due::AvailabilityRecheck { .. } | Due::ReplicaSetRetry { .. } => {}
                Due::PodGone { rs, uid } => {
                    if self.pods.remove_terminated(&rs, uid) {
                        self.changed = true;
                        // Its node has room again.
                        self.retry_unscheduled();
                    }
                }
            }
        }
    }

    /// doBackOff: the kubelet restarts an exited container at its next
    /// relist, unless the container is in back-off (it exited within the
    /// back-off of its last restart): then when that back-off is over. The
    /// first restart is at once (no back-off entry yet: kubernetes#133472).
    /// Pod-worker jitter on the wake-up is not modelled.
    fn container_exit(&mut self, rs: Arc<str>, uid: u64) {
        let now = self.now;
        let min_ready_seconds = self.min_ready_of(&rs) / 1000;
        let Some(group) = self.pods.groups.get_mut(&*rs) else {
            return;
        };
        if !group.mark_exited(uid, now) {
            return;
        }
        let rs_name = group.rs_name.clone();
        let Some(pod) = group.get_mut(uid) else {
            return;
        };
        if now.0 - pod.started_at.0 > CRASH_BACKOFF_EXPIRY {
            pod.backoff = 0;
        }
        let restart_in = restart_delay(pod);
        self.container_exits.push(super::ContainerExit {
            time: now,
            pod: pod.name(&rs_name),
            ran: now.0 - pod.started_at.0,
            restarts: pod.restarts,
            restart_in,
            min_ready_seconds: min_ready_seconds as i32,
        });
        if restart_in > PLEG_RELIST {
            self.record_pod_routine(&rs, uid, PodEventKind::BackOff);
        }
        self.queue
            .push(Time(now.0 + restart_in), Due::ContainerRestart { rs, uid });
        self.changed = true;
    }

    /// The restart: restartCount grows, and the back-off doubles (Backoff.Next).
    fn container_restart(&mut self, rs: Arc<str>, uid: u64) {
        let now = self.now;
        let Some(group) = self.pods.groups.get_mut(&*rs) else {
            return;
        };
        let first_restart = group
            .get(uid)
            .is_some_and(|p| p.restarts == 0 && p.deleted_at.is_none() && p.exited_at.is_some());
        group.restarted += usize::from(first_restart);
        let Some(pod) = group.get_mut(uid) else {
            return;
        };
        if pod.deleted_at.is_some() || pod.exited_at.is_none() {
            return;
        }
        pod.last_exit = pod.exited_at.take();
        pod.last_start = pod.started_at;
        pod.restarts += 1;
        pod.started_at = now;
        pod.backoff = if pod.backoff == 0 {
            CRASH_BACKOFF_INITIAL
        } else {
            (pod.backoff * 2).min(CRASH_BACKOFF_MAX)
        };
        let restarts = pod.restarts;
        self.start_container(rs, uid, now, restarts);
        self.changed = true;
    }

    fn pod_ready(&mut self, rs: Arc<str>, uid: u64) {
        let min_ready = self.min_ready_of(&rs);
        let Some(group) = self.pods.groups.get_mut(&*rs) else {
            return;
        };
        if group.mark_ready(uid, self.now, min_ready == 0) {
            self.changed = true;
            if min_ready > 0 {
                self.schedule_availability(&rs, uid, self.now, min_ready);
            }
        }
    }

    /// minReadySeconds (in ms) of the ReplicaSet owning pod group `key`
    /// (0 once that ReplicaSet is gone).
    fn min_ready_of(&self, key: &str) -> i64 {
        let Some(group) = self.pods.groups.get(key) else {
            return 0;
        };
        self.replica_sets
            .get(&*group.rs_name)
            .filter(|rs| rs.metadata.uid == key)
            .map_or(0, |rs| rs.spec.min_ready_seconds as i64 * 1000)
    }

    /// Available strictly after readyTime + minReadySeconds; the ReplicaSet
    /// controller notices at readyTime + minReadySeconds + 1 s (R14.2).
    fn schedule_availability(&mut self, rs: &Arc<str>, uid: u64, ready: Time, min_ready: i64) {
        self.queue.push(
            Time(ready.0 + min_ready + 1),
            Due::PodAvailable {
                rs: rs.clone(),
                uid,
            },
        );
        self.queue.push(
            Time(ready.0 + min_ready + 1000),
            Due::AvailabilityRecheck {
                rs: rs.clone(),
                uid,
            },
        );
    }

    /// minReadySeconds of a ReplicaSet changed: availability is re-judged.
    pub(crate) fn reset_availability(&mut self, rs: &ReplicaSet) {
        let min_ready = rs.spec.min_ready_seconds as i64 * 1000;
        let now = self.now;
        let Some(group) = self.pods.groups.get_mut(rs.metadata.uid.as_str()) else {
            return;
        };
        let key = group.key.clone();
        for (uid, ready) in group.reset_availability(min_ready, now) {
            self.schedule_availability(&key, uid, ready, min_ready);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_healthy_pod_shows_creating_then_running_then_ready() {
        let mut p = Pod {
            suffix: *b"bcdfg",
            uid: 1,
            tiebreak: 1,
            image: "i".into(),
            start: 2000,
            node: Some(0),
            ..Pod::default()
        };
        assert_eq!(pod_state(&p, Time(0)), PodState::ContainerCreating);
        assert_eq!(pod_state(&p, Time(1500)), PodState::RunningNotReady);
        p.ready_at = Some(Time(2000));
        assert_eq!(pod_state(&p, Time(2000)), PodState::Ready);
        p.available = true;
        assert_eq!(pod_state(&p, Time(2000)), PodState::Available);
        p.deleted_at = Some(Time(3000));
        assert_eq!(pod_state(&p, Time(3000)), PodState::Terminating);
    }

    #[test]
    fn a_failing_pull_shows_err_image_pull_at_each_failure_then_backs_off() {
        let p = Pod {
            suffix: *b"bcdfg",
            uid: 1,
            tiebreak: 1,
            image: "bad".into(),
            failing: true,
            start: 2000,
            node: Some(0),
            ..Pod::default()
        };
        // Pulls at 0 s (fails at 1 s), 11 s (fails at 12 s), 32 s: the back-off doubles from 10 s.
        let attempts: Vec<(i64, i64)> = pull_attempts(Time(0), 2000)
            .take(3)
            .map(|(a, f)| (a.0, f.0))
            .collect();
        assert_eq!(attempts, [(0, 1000), (11_000, 12_000), (32_000, 33_000)]);
        assert_eq!(
            pod_state(&p, Time(500)),
            PodState::ContainerCreating,
            "pulling"
        );
        assert_eq!(pod_state(&p, Time(1500)), PodState::ErrImagePull);
        assert_eq!(
            pod_state(&p, Time(2000)),
            PodState::ImagePullBackOff,
            "the kubelet's next sync"
        );
        assert_eq!(
            pod_state(&p, Time(11_500)),
            PodState::ImagePullBackOff,
            "pulling again"
        );
        assert_eq!(pod_state(&p, Time(12_500)), PodState::ErrImagePull);
        let late = pull_attempts(Time(0), 2000).nth(20).unwrap();
        assert_eq!(late.1 .0 - late.0 .0, 1000);
    }
}

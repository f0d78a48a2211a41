//! The events of every object, as `kubectl get events` and `describe`
//! read them. The controllers' decisions and the failures (the Deployment
//! controller's events, FailedCreate, FailedScheduling) are `Event`s with
//! their words, recorded as they happen. The routine events of each pod
//! (the ReplicaSet's SuccessfulCreate and SuccessfulDelete, the scheduler's
//! Scheduled, the kubelet's Pulled, Created, Started, Killing, BackOff and
//! Unhealthy) are `PodEvent`s without text, worded when read: a rollout of
//! 10,000 pods records 70,000 of them.

use super::{Cluster, Event};
use crate::api::Time;
use std::sync::Arc;

/// What the pods of one ReplicaSet share in their events: the
/// ReplicaSet's name, the (first) container's, and the image.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodNames {
    pub rs: Arc<str>,
    pub container: Arc<str>,
    pub image: Arc<str>,
}

/// A pod, as an event names it (small: a rollout records seven events per pod).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodName {
    pub names: Arc<PodNames>,
    pub suffix: [u8; 5],
    /// The pod's id in the store (for its Kubernetes-style UID).
    pub uid: u64,
}

impl PodName {
    pub fn name(&self) -> String {
        super::pods::Pod {
            suffix: self.suffix,
            ..Default::default()
        }
        .name(&self.names.rs)
    }
}

/// What happened to a pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PodEventKind {
    /// The ReplicaSet controller created it.
    SuccessfulCreate,
    /// The ReplicaSet controller deleted it.
    SuccessfulDelete,
    /// The scheduler bound it to this node (an index into the cluster's nodes).
    Scheduled {
        node: u16,
    },
    /// The kubelet found its image on the node.
    Pulled,
    Created,
    Started,
    /// The kubelet stops its container (the pod was deleted).
    Killing,
    /// The kubelet waits out its back-off before restarting the container.
    BackOff,
    /// Its readiness probe failed (and fails every period while it runs).
    Unhealthy,
    /// The kubelet began pulling an image that cannot be pulled: the
    /// pulls, their failures and back-offs follow (`kubelet::pull_attempts`)
    /// and are worded when read.
    PullTimeline {
        start: i64,
    },
    /// The pod was deleted: its pulls stop. (Not an event of its own.)
    PullStopped,
}

/// A pod's routine event, in the order events were recorded (`seq`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodEvent {
    pub seq: u64,
    pub time: Time,
    pub pod: PodName,
    pub kind: PodEventKind,
}

/// The pods' routine events, in chunks of a fixed size: a log that grows by
/// the hundred thousand is never copied to a larger buffer, and its chunks
/// come from the allocator's heap rather than fresh zeroed pages.
#[derive(Clone, Debug, Default)]
pub struct PodEventLog {
    chunks: Vec<Vec<PodEvent>>,
    len: usize,
}

impl PodEventLog {
    const CHUNK: usize = 1024;

    fn push(&mut self, event: PodEvent) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(event),
            _ => {
                let mut chunk = Vec::with_capacity(Self::CHUNK);
                chunk.push(event);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &PodEvent> {
        self.chunks.iter().flatten()
    }
}

/// The readiness probe's period (the API server's default periodSeconds).
pub const READINESS_PERIOD: i64 = 10_000;

/// An event as the API returns it: worded, with how often it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct EventView {
    /// firstTimestamp.
    pub first: Time,
    /// lastTimestamp.
    pub last: Time,
    pub count: u32,
    pub type_: &'static str,
    pub reason: &'static str,
    /// `deployment/web`, `replicaset/web-5d8c9d7f4b`, `pod/web-5d8c9d7f4b-x2k8p`.
    pub object: String,
    /// involvedObject.fieldPath: the container a kubelet event is about (`spec.containers{web}`).
    pub field_path: Option<String>,
    /// involvedObject.uid, where the event knows it (a pod's routine events).
    pub object_uid: Option<String>,
    pub source: &'static str,
    pub message: String,
}

impl EventView {
    fn of(e: &Event) -> EventView {
        EventView {
            first: e.time,
            last: e.time,
            count: 1,
            type_: e.type_,
            reason: e.reason,
            object: e.object.clone(),
            field_path: None,
            object_uid: e.object_uid.clone(),
            source: e.source,
            message: e.message.clone(),
        }
    }

    /// The kind and name of the object (`pod`, `web-…`).
    pub fn kind_and_name(&self) -> (&str, &str) {
        self.object.split_once('/').unwrap_or(("", &self.object))
    }
}

/// SplitMix64's finalizer: 64 well-mixed bits from any 64.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// 128 bits as a Kubernetes UID is written: 8-4-4-4-12 hex digits.
fn uid_text(hi: u64, lo: u64) -> String {
    let h = format!("{hi:016x}{lo:016x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A Kubernetes-style UID for a pod, stable for a cluster's seed (a
/// scrambled 128 bits of the pod's id).
pub fn pod_uid(name_offset: u64, uid: u64) -> String {
    uid_text(
        mix(name_offset ^ uid),
        mix(uid.wrapping_mul(31) ^ name_offset.rotate_left(17)),
    )
}

/// A Kubernetes-style UID from one draw of the cluster's RNG.
pub fn kube_uid(draw: u64) -> String {
    uid_text(draw, mix(draw))
}

impl Cluster {
    /// Records a routine event of the pod `uid` of the pod group `key`, now.
    pub(crate) fn record_pod_routine(&mut self, key: &str, uid: u64, kind: PodEventKind) {
        let Some(group) = self.pods.group(key) else {
            return;
        };
        let Some(pod) = group.get(uid) else { return };
        let pod = group.pod_name(pod);
        self.event_seq += 1;
        self.pod_events.push(PodEvent {
            seq: self.event_seq,
            time: self.now,
            pod,
            kind,
        });
    }

    /// The next sequence number for an `Event` (kept in order with the routine ones).
    pub(crate) fn next_event_seq(&mut self) -> u64 {
        self.event_seq += 1;
        self.event_seq
    }

    /// How many events the API holds, of every object (after the correlator).
    pub fn event_count(&self) -> usize {
        self.all_events().len()
    }

    /// Every event of every object as the API holds it, oldest first: what
    /// the recorders sent through client-go's EventCorrelator.
    pub fn all_events(&self) -> Vec<EventView> {
        correlate(self.recorded_events(None))
    }

    /// Every event as recorded (of one object only, if given), worded, oldest first.
    fn recorded_events(&self, object: Option<&str>) -> Vec<EventView> {
        let mut out = Vec::new();
        // The correlator keys every event by its object: one object's events correlate alone.
        let of_object = |e: &PodEvent| match object {
            None => true,
            Some(object) => match e.kind {
                PodEventKind::SuccessfulCreate | PodEventKind::SuccessfulDelete => {
                    object.strip_prefix("replicaset/") == Some(&*e.pod.names.rs)
                }
                _ => object
                    .strip_prefix("pod/")
                    .is_some_and(|name| name == e.pod.name()),
            },
        };
        let events = self
            .events
            .iter()
            .filter(|e| object.is_none_or(|o| e.object == o));
        let pod_events: Vec<&PodEvent> = self.pod_events.iter().filter(|e| of_object(e)).collect();
        let mut pulls = Vec::new();
        for (i, e) in pod_events.iter().enumerate() {
            if let PodEventKind::PullTimeline { start } = e.kind {
                let stopped = pod_events[i..]
                    .iter()
                    .find(|s| s.pod == e.pod && s.kind == PodEventKind::PullStopped)
                    .map(|s| s.time);
                pulls.extend(self.pull_events(e, start, stopped.unwrap_or(self.now)));
            }
        }
        let (mut a, mut b) = (events.peekable(), pod_events.into_iter().peekable());
        loop {
            let take_a = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => x.seq < y.seq,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_a {
                out.push(EventView::of(a.next().expect("peeked")));
            } else if let Some(view) = self.word(b.next().expect("peeked")) {
                out.push(view);
            }
        }
        // The pulls' events in time among the others (a stable sort: same-time events keep their order).
        if !pulls.is_empty() {
            out.extend(pulls);
            out.sort_by_key(|e| e.first);
        }
        out
    }

    /// The kubelet's events of the pulls that started with `e`, up to `end`:
    /// Pulling; its failure (`Failed to pull image …`, `Error: ErrImagePull`);
    /// the next sync in back-off (`Back-off pulling image …`, `Error: ImagePullBackOff`).
    fn pull_events(&self, e: &PodEvent, start: i64, end: Time) -> Vec<EventView> {
        let name = e.pod.name();
        let image = &e.pod.names.image;
        let view = |time: Time, type_, reason, message: String| EventView {
            first: time,
            last: time,
            count: 1,
            type_,
            reason,
            object: format!("pod/{name}"),
            field_path: Some(format!("spec.containers{{{}}}", e.pod.names.container)),
            object_uid: Some(pod_uid(self.name_offset, e.pod.uid)),
            source: "kubelet",
            message,
        };
        // What containerd answers for a tag that does not exist.
        let reference = if image.contains('/') {
            image.to_string()
        } else {
            format!("docker.io/library/{image}")
        };
        let failure = format!(
            "Failed to pull image {}: rpc error: code = NotFound desc = failed to pull and unpack image {}: failed to resolve reference {}: {reference}: not found",
            crate::text::quoted(image),
            crate::text::quoted(&reference),
            crate::text::quoted(&reference)
        );
        let mut out = Vec::new();
        let attempts: Vec<(Time, Time)> = super::kubelet::pull_attempts(e.time, start)
            .take_while(|(at, _)| at.0 <= end.0)
            .collect();
        for (k, &(at, failed)) in attempts.iter().enumerate() {
            out.push(view(
                at,
                "Normal",
                "Pulling",
                format!("Pulling image {}", crate::text::quoted(image)),
            ));
            if failed.0 > end.0 {
                break;
            }
            out.push(view(failed, "Warning", "Failed", failure.clone()));
            out.push(view(
                failed,
                "Warning",
                "Failed",
                "Error: ErrImagePull".into(),
            ));
            let synced = Time(failed.0 + super::kubelet::PLEG_RELIST);
            let next = attempts.get(k + 1).map(|(a, _)| *a);
            if synced.0 <= end.0 && next.is_none_or(|n| synced.0 < n.0) {
                out.push(view(
                    synced,
                    "Normal",
                    "BackOff",
                    format!("Back-off pulling image {}", crate::text::quoted(image)),
                ));
                out.push(view(
                    synced,
                    "Warning",
                    "Failed",
                    "Error: ImagePullBackOff".into(),
                ));
            }
        }
        out
    }

    /// The events of one object (`pod/NAME`), oldest first.
    pub fn events_of(&self, object: &str) -> Vec<EventView> {
        correlate(self.recorded_events(Some(object)))
    }

    fn word(&self, e: &PodEvent) -> Option<EventView> {
        let name = e.pod.name();
        let pod = format!("pod/{name}");
        let container = &e.pod.names.container;
        let view = |type_, reason, object: String, source, message: String| EventView {
            first: e.time,
            last: e.time,
            count: 1,
            type_,
            reason,
            field_path: (source == "kubelet").then(|| format!("spec.containers{{{container}}}")),
            object_uid: object
                .starts_with("pod/")
                .then(|| pod_uid(self.name_offset, e.pod.uid)),
            object,
            source,
            message,
        };
        Some(match &e.kind {
            // Markers of the pull timeline, not events of their own.
            PodEventKind::PullTimeline { .. } | PodEventKind::PullStopped => return None,
            PodEventKind::SuccessfulCreate => view(
                "Normal",
                "SuccessfulCreate",
                format!("replicaset/{}", e.pod.names.rs),
                "replicaset-controller",
                format!("Created pod: {name}"),
            ),
            PodEventKind::SuccessfulDelete => view(
                "Normal",
                "SuccessfulDelete",
                format!("replicaset/{}", e.pod.names.rs),
                "replicaset-controller",
                format!("Deleted pod: {name}"),
            ),
            PodEventKind::Scheduled { node } => {
                let node = self
                    .nodes
                    .get(*node as usize)
                    .map_or("", |n| n.name.as_str());
                view(
                    "Normal",
                    "Scheduled",
                    pod,
                    "default-scheduler",
                    format!("Successfully assigned default/{name} to {node}"),
                )
            }
            PodEventKind::Pulled => view(
                "Normal",
                "Pulled",
                pod,
                "kubelet",
                format!(
                    "Container image {} already present on machine and can be accessed by the pod",
                    crate::text::quoted(&e.pod.names.image)
                ),
            ),
            PodEventKind::Created => view(
                "Normal",
                "Created",
                pod,
                "kubelet",
                "Container created".into(),
            ),
            PodEventKind::Started => view(
                "Normal",
                "Started",
                pod,
                "kubelet",
                "Container started".into(),
            ),
            PodEventKind::Killing => view(
                "Normal",
                "Killing",
                pod,
                "kubelet",
                format!("Stopping container {container}"),
            ),
            PodEventKind::BackOff => view(
                "Warning",
                "BackOff",
                pod,
                "kubelet",
                format!(
                    "Back-off restarting failed container {container} in pod {name}_default({})",
                    pod_uid(self.name_offset, e.pod.uid)
                ),
            ),
            PodEventKind::Unhealthy => {
                // The probe fails every period until the container stops: the pod deleted (its
                // Killing), the container exited, or now.
                let killed = self
                    .pod_events
                    .iter()
                    .find(|k| k.pod == e.pod && k.kind == PodEventKind::Killing)
                    .map(|k| k.time);
                let exited = self
                    .container_exits
                    .iter()
                    .find(|x| x.time >= e.time && x.pod == name)
                    .map(|x| x.time);
                let end = [killed, exited]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap_or(self.now);
                let count = ((end.0 - e.time.0).max(0) / READINESS_PERIOD) as u32 + 1;
                let mut v = view(
                    "Warning",
                    "Unhealthy",
                    pod,
                    "kubelet",
                    "Readiness probe failed: HTTP probe failed with statuscode: 503".into(),
                );
                v.count = count;
                v.last = Time(e.time.0 + i64::from(count - 1) * READINESS_PERIOD);
                v
            }
        })
    }
}

/// The EventAggregator's limits: from the 10th event of one object and
/// reason with distinct messages within 10 minutes, they are combined.
const AGGREGATE_MAX_EVENTS: usize = 10;
const AGGREGATE_MAX_INTERVAL: i64 = 600_000;

/// client-go's EventCorrelator, without its spam filter: the aggregator
/// combines similar events (same object, source, type and reason, other
/// messages) into one "(combined from similar events): …" event, and the
/// logger turns a repeat of an event into a count on the first (with the
/// last time, and the last message).
fn correlate(recorded: Vec<EventView>) -> Vec<EventView> {
    use std::collections::{BTreeMap, BTreeSet};
    // The aggregator's key (source, object, type, reason): similar events.
    type SimilarKey<'a> = (String, String, &'a str, &'a str);
    // The logger's key: the aggregator's, the message and the field path.
    type LoggerKey<'a> = (String, String, &'a str, &'a str, String, Option<String>);
    // Similar events → the messages seen and when last.
    let mut similar: BTreeMap<SimilarKey, (BTreeSet<String>, Time)> = BTreeMap::new();
    // The logger's cache → index of the event it counts on.
    let mut seen: BTreeMap<LoggerKey, usize> = BTreeMap::new();
    let mut out: Vec<EventView> = Vec::with_capacity(recorded.len());
    for mut e in recorded {
        let group = (e.source.to_string(), e.object.clone(), e.type_, e.reason);
        let record = similar
            .entry(group)
            .or_insert_with(|| (BTreeSet::new(), e.first));
        if e.first.0 - record.1 .0 > AGGREGATE_MAX_INTERVAL {
            record.0.clear();
        }
        record.0.insert(e.message.clone());
        record.1 = e.first;
        let key_message = if record.0.len() >= AGGREGATE_MAX_EVENTS {
            // Keep the set below the limit (PopAny), and key the event by its group.
            let any = record.0.iter().next().cloned();
            if let Some(any) = any {
                record.0.remove(&any);
            }
            e.message = format!("(combined from similar events): {}", e.message);
            String::new()
        } else {
            e.message.clone()
        };
        let key = (
            e.source.to_string(),
            e.object.clone(),
            e.type_,
            e.reason,
            key_message,
            e.field_path.clone(),
        );
        match seen.get(&key) {
            Some(&i) => {
                let kept = &mut out[i];
                kept.count += e.count;
                kept.last = e.last;
                kept.message = e.message;
            }
            None => {
                seen.insert(key, out.len());
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pod_uids_look_like_kubernetes_uids_and_differ() {
        let a = pod_uid(7, 1);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        assert_ne!(a, pod_uid(7, 2));
        assert_eq!(a, pod_uid(7, 1));
    }
}

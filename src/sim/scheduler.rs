//! The scheduler (`pkg/scheduler`), reduced to what decides where a
//! Deployment's pods go: the NodeUnschedulable and NodeResourcesFit
//! filters, a least-allocated score ("the node with the most room left",
//! ties by name), FailedScheduling with the newest release's message, and
//! the retry of unschedulable pods when room appears (a pod gone, a node
//! uncordoned). Without `cluster.nodes` there is one node, `node-1`, with no
//! limits: every pod is bound at once.

use super::pods::Pod;
use super::why::Why;
use super::{Cluster, Event};
use crate::api::{defaulted_requests, PodTemplateSpec};
use std::collections::BTreeMap;
use std::sync::Arc;

/// schedutil's requests for a container that asks for none, used to score
/// (never to filter): `DefaultMilliCPURequest`, `DefaultMemoryRequest`.
const DEFAULT_MILLI_CPU_REQUEST: i64 = 100;
const DEFAULT_MEMORY_REQUEST: i64 = 200 * 1024 * 1024;

/// A node: its allocatable resources (`None`: no limit) and whether it is cordoned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub name: String,
    /// Millicores.
    pub cpu: Option<i64>,
    /// Bytes.
    pub memory: Option<i64>,
    pub pods: Option<i64>,
    /// spec.unschedulable (`kubectl cordon`).
    pub unschedulable: bool,
}

impl Node {
    /// The node of a cluster without `cluster.nodes`.
    pub fn unlimited(name: &str) -> Node {
        Node {
            name: name.to_string(),
            cpu: None,
            memory: None,
            pods: None,
            unschedulable: false,
        }
    }
}

/// A pod's requests: what the filters check, and what the score counts
/// (the same, with a default for a container that requests nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Requests {
    pub cpu: i64,
    pub memory: i64,
    pub nonzero_cpu: i64,
    pub nonzero_memory: i64,
    /// Its limits, which only a quota counts.
    pub limits_cpu: i64,
    pub limits_memory: i64,
}

impl Requests {
    /// A container's requests default to its limits (SetDefaults_Pod); a
    /// negative amount (which validation refuses) counts as none.
    pub fn of(template: &PodTemplateSpec) -> Requests {
        // The common case, no container states resources: the score's defaults only.
        let containers = &template.spec.containers;
        if containers.iter().all(|c| c.resources.is_none()) {
            let n = containers.len() as i64;
            return Requests {
                nonzero_cpu: n * DEFAULT_MILLI_CPU_REQUEST,
                nonzero_memory: n * DEFAULT_MEMORY_REQUEST,
                ..Requests::default()
            };
        }
        let limits = template.container_limits();
        let defaulted = template
            .container_requests()
            .into_iter()
            .zip(limits.iter())
            .map(|(requests, limits)| {
                let (cpu, memory) = defaulted_requests(requests, *limits);
                (cpu.map(|v| v.max(0)), memory.map(|v| v.max(0)))
            });
        let requests = defaulted.fold(Requests::default(), |sum, (cpu, memory)| Requests {
            cpu: sum.cpu.saturating_add(cpu.unwrap_or(0)),
            memory: sum.memory.saturating_add(memory.unwrap_or(0)),
            nonzero_cpu: sum
                .nonzero_cpu
                .saturating_add(cpu.unwrap_or(DEFAULT_MILLI_CPU_REQUEST)),
            nonzero_memory: sum
                .nonzero_memory
                .saturating_add(memory.unwrap_or(DEFAULT_MEMORY_REQUEST)),
            ..Requests::default()
        });
        limits
            .into_iter()
            .fold(requests, |sum, (cpu, memory)| Requests {
                limits_cpu: sum.limits_cpu.saturating_add(cpu.unwrap_or(0).max(0)),
                limits_memory: sum.limits_memory.saturating_add(memory.unwrap_or(0).max(0)),
                ..sum
            })
    }
}

/// What the pods bound to a node request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub cpu: i64,
    pub memory: i64,
    pub nonzero_cpu: i64,
    pub nonzero_memory: i64,
    pub pods: i64,
}

/// Why a node does not fit a pod: the filters' reasons, and whether any is
/// one preemption cannot help with (UnschedulableAndUnresolvable).
struct Rejection {
    reasons: Vec<&'static str>,
    unresolvable: bool,
}

/// NodeUnschedulable, then NodeResourcesFit's `fitsRequest`.
fn filter(node: &Node, used: &Usage, pod: &Requests) -> Option<Rejection> {
    if node.unschedulable {
        return Some(Rejection {
            reasons: vec!["node(s) were unschedulable"],
            unresolvable: true,
        });
    }
    let mut reasons = Vec::new();
    let mut unresolvable = false;
    if node.pods.is_some_and(|allowed| used.pods + 1 > allowed) {
        reasons.push("Too many pods");
    }
    for (requested, used, allocatable, reason) in [
        (pod.cpu, used.cpu, node.cpu, "Insufficient cpu"),
        (pod.memory, used.memory, node.memory, "Insufficient memory"),
    ] {
        if let Some(allocatable) = allocatable {
            if requested > 0 && requested > allocatable.saturating_sub(used) {
                reasons.push(reason);
                unresolvable |= requested > allocatable;
            }
        }
    }
    (!reasons.is_empty()).then_some(Rejection {
        reasons,
        unresolvable,
    })
}

/// NodeResourcesFit's LeastAllocated score: the share of cpu and memory left
/// after the pod, out of 100, averaged (a resource without a limit scores 100).
fn score(node: &Node, used: &Usage, pod: &Requests) -> i64 {
    let left = |allocatable: Option<i64>, requested: i64| match allocatable {
        Some(a) if a > 0 => ((a - requested).max(0) as i128 * 100 / a as i128) as i64,
        Some(_) => 0,
        None => 100,
    };
    (left(node.cpu, used.nonzero_cpu.saturating_add(pod.nonzero_cpu))
        + left(
            node.memory,
            used.nonzero_memory.saturating_add(pod.nonzero_memory),
        ))
        / 2
}

/// FitError.Error and the PostFilter plugins' words: each reason with how
/// many nodes gave it, sorted as strings, then what preemption found (no
/// victims among pods of the same priority; "not helpful" where a node
/// could never fit the pod).
fn failed_scheduling_message(rejections: &[Rejection]) -> String {
    let counted = |reasons: &mut dyn Iterator<Item = &'static str>| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for reason in reasons {
            *counts.entry(reason).or_default() += 1;
        }
        let mut lines: Vec<String> = counts
            .into_iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        lines.sort();
        lines.join(", ")
    };
    let n = rejections.len();
    let filters = counted(&mut rejections.iter().flat_map(|r| r.reasons.iter().copied()));
    let preemption = counted(&mut rejections.iter().map(|r| {
        if r.unresolvable {
            "Preemption is not helpful for scheduling"
        } else {
            "No preemption victims found for incoming pod"
        }
    }));
    format!(
        "0/{n} nodes are available: {filters}. no new claims to deallocate, preemption: 0/{n} nodes are available: {preemption}."
    )
}

impl Cluster {
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Whether the scheduler has anything to decide (`cluster.nodes` set).
    pub fn has_node_limits(&self) -> bool {
        match self.nodes.as_slice() {
            [only] => {
                only.cpu.is_some()
                    || only.memory.is_some()
                    || only.pods.is_some()
                    || only.unschedulable
            }
            _ => true,
        }
    }

    /// What the pods bound to each node request (terminating ones too, until they are gone).
    pub fn node_usage(&self) -> Vec<Usage> {
        let mut usage = vec![Usage::default(); self.nodes.len()];
        for pod in self.pods.groups.values().flat_map(|g| g.pods()) {
            if let Some(u) = pod.node.and_then(|n| usage.get_mut(n as usize)) {
                u.cpu = u.cpu.saturating_add(pod.requests.cpu);
                u.memory = u.memory.saturating_add(pod.requests.memory);
                u.nonzero_cpu = u.nonzero_cpu.saturating_add(pod.requests.nonzero_cpu);
                u.nonzero_memory = u.nonzero_memory.saturating_add(pod.requests.nonzero_memory);
                u.pods += 1;
            }
        }
        usage
    }

    /// One scheduling attempt for a pod: its node, or the FailedScheduling message.
    pub(crate) fn find_node(&self, requests: &Requests) -> Result<u16, String> {
        if !self.has_node_limits() {
            return Ok(0);
        }
        let usage = self.node_usage();
        let mut best: Option<(i64, usize)> = None;
        let mut rejections = Vec::new();
        for (i, (node, used)) in self.nodes.iter().zip(&usage).enumerate() {
            match filter(node, used, requests) {
                Some(rejection) => rejections.push(rejection),
                None => {
                    let s = score(node, used, requests);
                    // Nodes are kept sorted by name: the first of the best scores wins the tie.
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, i));
                    }
                }
            }
        }
        match best {
            Some((_, i)) => Ok(i as u16),
            None => Err(failed_scheduling_message(&rejections)),
        }
    }

    /// Schedules a pod just created: binds it, or leaves it Pending with a
    /// FailedScheduling event, to be tried again when room appears.
    /// Returns whether it was bound.
    pub(crate) fn schedule_pod(&mut self, key: &Arc<str>, uid: u64) -> bool {
        let Some(pod) = self.pods.group(key).and_then(|g| g.get(uid)) else {
            return false;
        };
        match self.find_node(&pod.requests) {
            Ok(node) => {
                let now = self.now;
                if let Some(pod) = self
                    .pods
                    .groups
                    .get_mut(&**key)
                    .and_then(|g| g.get_mut(uid))
                {
                    pod.node = Some(node);
                    pod.scheduled_at = now;
                }
                true
            }
            Err(message) => {
                let requests = *pod.requests;
                let name = self
                    .pods
                    .group(key)
                    .map(|g| pod_name(g.get(uid), &g.rs_name))
                    .unwrap_or_default();
                let why = self.why_no_node_fits(&requests);
                let pod_uid = super::events::pod_uid(self.name_offset, uid);
                let event = self.record_object_event(
                    format!("pod/{name}"),
                    "Warning",
                    "FailedScheduling",
                    "default-scheduler",
                    message,
                );
                event.why = why;
                event.object_uid = Some(pod_uid);
                if !self.unscheduled.contains(&(key.clone(), uid)) {
                    self.unscheduled.push((key.clone(), uid));
                }
                false
            }
        }
    }

    /// The numbers behind a FailedScheduling: the pod's requests, and the most
    /// any schedulable node has left.
    fn why_no_node_fits(&self, pod: &Requests) -> Why {
        let usage = self.node_usage();
        let open: Vec<(&Node, &Usage)> = self
            .nodes
            .iter()
            .zip(&usage)
            .filter(|(n, _)| !n.unschedulable)
            .collect();
        let most_left = |left: fn(&Node, &Usage) -> Option<i64>| {
            open.iter().filter_map(|(n, u)| left(n, u)).max()
        };
        Why::NoNodeFits {
            cpu: pod.cpu,
            most_cpu_left: most_left(|n, u| n.cpu.map(|c| c - u.cpu)),
            memory: pod.memory,
            most_memory_left: most_left(|n, u| n.memory.map(|m| m - u.memory)),
            cordoned: self.nodes.len() - open.len(),
        }
    }

    /// Room may have appeared: the unschedulable pods are tried again, oldest
    /// first (the scheduling queue's order), and those that fit start.
    pub(crate) fn retry_unscheduled(&mut self) {
        if self.unscheduled.is_empty() {
            return;
        }
        let waiting = std::mem::take(&mut self.unscheduled);
        for (key, uid) in waiting {
            let live = self
                .pods
                .group(&key)
                .and_then(|g| g.get(uid))
                .is_some_and(|p| p.deleted_at.is_none() && p.node.is_none());
            if !live {
                continue;
            }
            let events = self.events.len();
            if self.schedule_pod(&key, uid) {
                self.start_scheduled(key, uid);
                self.changed = true;
            } else {
                self.forget_repeated_failure(events);
            }
        }
    }

    /// A retry that failed for the same reason as the pod's last attempt
    /// records nothing new (the event recorder would only count it again).
    fn forget_repeated_failure(&mut self, events_before: usize) {
        if self.events.len() != events_before + 1 {
            return;
        }
        let last = &self.events[events_before];
        let repeated = self.events[..events_before]
            .iter()
            .rev()
            .find(|e| e.object == last.object && e.reason == last.reason)
            .is_some_and(|e| e.message == last.message);
        if repeated {
            self.events.pop();
        }
    }

    /// An event on any object (`replicaset/NAME`), recorded by `source`;
    /// the caller may add its numbers (`why`) and the object's uid.
    pub(crate) fn record_object_event(
        &mut self,
        object: String,
        type_: &'static str,
        reason: &'static str,
        source: &'static str,
        message: String,
    ) -> &mut Event {
        let seq = self.next_event_seq();
        self.events.push(Event {
            time: self.now,
            type_,
            reason,
            object,
            source,
            seq,
            object_uid: None,
            message,
            why: Default::default(),
        });
        self.events.last_mut().expect("just pushed")
    }

    /// `kubectl cordon|uncordon NODE`: whether it changed anything (false: already so).
    pub fn set_node_unschedulable(
        &mut self,
        name: &str,
        unschedulable: bool,
    ) -> Result<bool, super::ApiError> {
        let Some(node) = self.nodes.iter_mut().find(|n| n.name == name) else {
            return Err(super::ApiError::NotFound {
                resource: "nodes",
                name: name.to_string(),
            });
        };
        if node.unschedulable == unschedulable {
            return Ok(false);
        }
        node.unschedulable = unschedulable;
        self.user_writes += 1;
        self.settled = false;
        if !unschedulable {
            self.retry_unscheduled();
        }
        Ok(true)
    }

    /// The scheduler's last FailedScheduling message for a pod.
    pub fn scheduling_message_of(&self, pod: &str) -> Option<String> {
        let object = format!("pod/{pod}");
        self.events
            .iter()
            .rev()
            .find(|e| e.object == object && e.reason == "FailedScheduling")
            .map(|e| e.message.clone())
    }

    /// The pods waiting for a node, oldest first.
    pub fn unscheduled_pods(&self) -> usize {
        let live = |(key, uid): &&(Arc<str>, u64)| {
            self.pods
                .group(key)
                .and_then(|g| g.get(*uid))
                .is_some_and(|p| p.deleted_at.is_none() && p.node.is_none())
        };
        self.unscheduled.iter().filter(live).count()
    }
}

fn pod_name(pod: Option<&Pod>, rs_name: &str) -> String {
    pod.map(|p| p.name(rs_name)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(cpu: i64) -> Node {
        Node {
            name: "n".into(),
            cpu: Some(cpu),
            memory: None,
            pods: Some(110),
            unschedulable: false,
        }
    }

    #[test]
    fn a_pod_fits_where_its_request_is_left() {
        let pod = Requests {
            cpu: 300,
            nonzero_cpu: 300,
            nonzero_memory: DEFAULT_MEMORY_REQUEST,
            ..Requests::default()
        };
        let used = Usage {
            cpu: 700,
            pods: 3,
            ..Usage::default()
        };
        assert!(filter(&node(1000), &used, &pod).is_none());
        let full = Usage {
            cpu: 900,
            pods: 3,
            ..Usage::default()
        };
        let r = filter(&node(1000), &full, &pod).unwrap();
        assert_eq!(
            (r.reasons, r.unresolvable),
            (vec!["Insufficient cpu"], false)
        );
        assert!(
            filter(&node(200), &Usage::default(), &pod)
                .unwrap()
                .unresolvable,
            "more than the node has at all"
        );
    }

    #[test]
    fn the_message_counts_reasons_by_node_as_the_newest_scheduler_words_them() {
        let rejections = vec![
            Rejection {
                reasons: vec!["Insufficient cpu"],
                unresolvable: false,
            },
            Rejection {
                reasons: vec!["node(s) were unschedulable"],
                unresolvable: true,
            },
            Rejection {
                reasons: vec!["Insufficient cpu"],
                unresolvable: false,
            },
        ];
        assert_eq!(
            failed_scheduling_message(&rejections),
            "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."
        );
    }

    #[test]
    fn the_emptier_node_scores_higher() {
        let pod = Requests {
            cpu: 100,
            nonzero_cpu: 100,
            ..Requests::default()
        };
        let busy = Usage {
            nonzero_cpu: 1500,
            ..Usage::default()
        };
        assert!(score(&node(2000), &Usage::default(), &pod) > score(&node(2000), &busy, &pod));
    }
}

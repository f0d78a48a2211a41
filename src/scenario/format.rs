//! The scenario file's types, as loaded (and as the app saves them).

use crate::json::{Obj, ToJson, Value};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub title: Option<String>,
    pub source: Option<String>,
    /// The Deployment as written (a manifest's JSON form).
    pub deployment: Value,
    pub replica_sets: Vec<InitialReplicaSet>,
    pub cluster: ClusterSpec,
    pub steps: Vec<Step>,
}

impl Scenario {
    /// The Deployment's name as written ("" when the manifest has none; loading rejects that).
    pub fn deployment_name(&self) -> String {
        self.deployment
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct InitialReplicaSet {
    pub image: String,
    pub replicas: i32,
    pub available: i32,
    pub revision: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClusterSpec {
    pub pod_start_seconds: f64,
    pub pod_stop_seconds: f64,
    pub failing_images: Vec<String>,
    pub seed: u64,
}

impl Default for ClusterSpec {
    fn default() -> Self {
        ClusterSpec {
            pod_start_seconds: 2.0,
            pod_stop_seconds: 1.0,
            failing_images: Vec::new(),
            seed: 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Kubectl(String),
    Apply(Value),
    Sync(u32),
    /// Seconds.
    Advance(f64),
    /// At most this many seconds.
    Settle(f64),
    Expect(Expect),
}

/// What an `expect` step checks; every key optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expect {
    pub replica_sets: Option<BTreeMap<String, i32>>,
    pub replica_sets_by_revision: Option<BTreeMap<String, i32>>,
    pub available: Option<i32>,
    pub updated_replicas: Option<i32>,
    pub ready_replicas: Option<i32>,
    pub unavailable_replicas: Option<i32>,
    pub terminating_replicas: Option<i32>,
    pub paused: Option<bool>,
    /// `Some(None)`: no revision annotation yet.
    pub revision: Option<Option<i64>>,
    pub events: Option<Vec<String>>,
    /// Condition type → reason (`None`: the condition is absent).
    pub condition: Option<BTreeMap<String, Option<String>>>,
    /// Condition type → status (`True`, `False`, `Unknown`; `None`: absent).
    pub condition_status: Option<BTreeMap<String, Option<String>>>,
    pub output: Option<String>,
    pub exit_code: Option<i32>,
}

// Fields in declaration order, absent options left out (the format's own order).
impl ToJson for Scenario {
    fn to_json(&self) -> Value {
        Obj::new()
            .opt("title", &self.title)
            .opt("source", &self.source)
            .field("deployment", &self.deployment)
            .field_if(!self.replica_sets.is_empty(), "replicaSets", &self.replica_sets)
            .field("cluster", &self.cluster)
            .field("steps", &self.steps)
            .build()
    }
}

impl ToJson for InitialReplicaSet {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("image", &self.image)
            .field("replicas", &self.replicas)
            .field("available", &self.available)
            .opt("revision", &self.revision)
            .build()
    }
}

impl ToJson for ClusterSpec {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("podStartSeconds", &self.pod_start_seconds)
            .field("podStopSeconds", &self.pod_stop_seconds)
            .field_if(!self.failing_images.is_empty(), "failingImages", &self.failing_images)
            .field("seed", &self.seed)
            .build()
    }
}

/// One key naming the step (`{"kubectl": "..."}`, `{"advance": 2.0}`).
impl ToJson for Step {
    fn to_json(&self) -> Value {
        let (key, value) = match self {
            Step::Kubectl(command) => ("kubectl", command.to_json()),
            Step::Apply(manifest) => ("apply", manifest.clone()),
            Step::Sync(times) => ("sync", times.to_json()),
            Step::Advance(seconds) => ("advance", seconds.to_json()),
            Step::Settle(seconds) => ("settle", seconds.to_json()),
            Step::Expect(expect) => ("expect", expect.to_json()),
        };
        Value::object([(key, value)])
    }
}

impl ToJson for Expect {
    fn to_json(&self) -> Value {
        Obj::new()
            .opt("replicaSets", &self.replica_sets)
            .opt("replicaSetsByRevision", &self.replica_sets_by_revision)
            .opt("available", &self.available)
            .opt("updatedReplicas", &self.updated_replicas)
            .opt("readyReplicas", &self.ready_replicas)
            .opt("unavailableReplicas", &self.unavailable_replicas)
            .opt("terminatingReplicas", &self.terminating_replicas)
            .opt("paused", &self.paused)
            .opt("revision", &self.revision)
            .opt("events", &self.events)
            .opt("condition", &self.condition)
            .opt("conditionStatus", &self.condition_status)
            .opt("output", &self.output)
            .opt("exitCode", &self.exit_code)
            .build()
    }
}

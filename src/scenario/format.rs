//! The scenario file's types, as loaded (and as the app saves them).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

// Written in the format's own key order, absent options left out; read
// through `load.rs`, which names the JSON path of anything refused and
// checks the ranges the types do not hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Deployment as written (a manifest's JSON form).
    pub deployment: Value,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub replica_sets: Vec<InitialReplicaSet>,
    #[serde(default, deserialize_with = "null_as_default")]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitialReplicaSet {
    pub image: String,
    #[serde(default)]
    pub replicas: i32,
    #[serde(default)]
    pub available: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClusterSpec {
    pub pod_start_seconds: f64,
    pub pod_stop_seconds: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failing_images: Vec<String>,
    /// How the containers of an image behave (v1.1), by image.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, ImageBehaviour>,
    /// The cluster's nodes (v1.1); none: one node, `node-1`, with no limits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<NodeSpec>,
    /// The namespace's ResourceQuota `quota` (v1.1): its `hard`, by resource
    /// (`{"pods": "6", "requests.cpu": "3"}`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub quota: BTreeMap<String, String>,
    pub seed: u64,
}

/// v1.1 `cluster.nodes[i]`: a node's allocatable resources, as quantities
/// (`"2"`, `"1500m"`, `"4Gi"`); a resource not given has no limit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NodeSpec {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// How many pods it runs at most (the kubelet's default: 110).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pods: Option<i64>,
}

/// v1.1 `cluster.images["web:unready"]`: how a real app behaves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ImageBehaviour {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_seconds: Option<f64>,
    /// `false`: the container runs but its readiness probe never passes.
    pub ready: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crash_after_seconds: Option<f64>,
}

impl Default for ImageBehaviour {
    fn default() -> Self {
        ImageBehaviour {
            start_seconds: None,
            ready: true,
            crash_after_seconds: None,
        }
    }
}

impl Default for ClusterSpec {
    fn default() -> Self {
        ClusterSpec {
            pod_start_seconds: 2.0,
            pod_stop_seconds: 1.0,
            failing_images: Vec::new(),
            images: BTreeMap::new(),
            nodes: Vec::new(),
            quota: BTreeMap::new(),
            seed: 1,
        }
    }
}

/// One key naming the step (`{"kubectl": "..."}`, `{"advance": 2.0}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    Kubectl(String),
    Apply(Value),
    Sync(u32),
    /// Seconds.
    Advance(f64),
    /// At most this many seconds (`null`: an hour).
    #[serde(deserialize_with = "settle_seconds")]
    Settle(f64),
    Expect(Box<Expect>),
}

/// What an `expect` step checks; every key optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Expect {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_sets: Option<BTreeMap<String, i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_sets_by_revision: Option<BTreeMap<String, i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_replicas: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_replicas: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable_replicas: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminating_replicas: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paused: Option<bool>,
    /// `Some(None)` (written `null`): no revision annotation yet.
    #[serde(deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub revision: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<String>>,
    /// Condition type → reason (`None`: the condition is absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<BTreeMap<String, Option<String>>>,
    /// Condition type → status (`True`, `False`, `Unknown`; `None`: absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_status: Option<BTreeMap<String, Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// v1.1: how many pods show each STATUS of `kubectl get pods` (a status not named is not checked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pods: Option<BTreeMap<String, i32>>,
    /// v1.1: like `condition`, for the Deployment, or for the ReplicaSet of
    /// the image its `replicaSet` key names (`{"replicaSet": "web:2.0",
    /// "ReplicaFailure": "FailedCreate"}`); one such object or a list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<OneOrMany<BTreeMap<String, Option<String>>>>,
}

/// One value or a list of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn items(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}

/// `null` reads as the default, as an absent key does.
fn null_as_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// A key that is there, even as `null`, is `Some` (absent is `None`, by `default`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `{"settle": null}` settles for at most an hour.
fn settle_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Option::<f64>::deserialize(d).map(|s| s.unwrap_or(3600.0))
}

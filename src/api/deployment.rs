//! apps/v1 Deployment: spec, status, conditions, and the reason constants
//! the controller writes (`pkg/controller/deployment/util/deployment_util.go`).

use super::json::{Fields, FromJson};
use super::{IntOrString, LabelSelector, ObjectMeta, PodTemplateSpec, Time};
use crate::json::{Obj, ToJson, Value};
use std::sync::Arc;
use crate::text::quoted;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deployment {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: DeploymentSpec,
    pub status: DeploymentStatus,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeploymentSpec {
    pub replicas: Option<i32>,
    pub selector: Option<LabelSelector>,
    pub template: Arc<PodTemplateSpec>,
    pub strategy: DeploymentStrategy,
    pub min_ready_seconds: i32,
    pub revision_history_limit: Option<i32>,
    pub paused: bool,
    pub progress_deadline_seconds: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeploymentStrategy {
    pub type_: Option<String>,
    pub rolling_update: Option<RollingUpdateDeployment>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RollingUpdateDeployment {
    pub max_unavailable: Option<IntOrString>,
    pub max_surge: Option<IntOrString>,
}

pub const ROLLING_UPDATE: &str = "RollingUpdate";
pub const RECREATE: &str = "Recreate";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeploymentStatus {
    pub observed_generation: i64,
    pub replicas: i32,
    pub updated_replicas: i32,
    pub ready_replicas: i32,
    pub available_replicas: i32,
    pub unavailable_replicas: i32,
    pub terminating_replicas: Option<i32>,
    /// Shared: the controller copies a status on every sync and changes
    /// conditions rarely (clone on write with `Arc::make_mut`).
    pub conditions: Arc<Vec<DeploymentCondition>>,
    pub collision_count: Option<i32>,
}

impl DeploymentStatus {
    pub fn is_empty(&self) -> bool {
        *self == DeploymentStatus::default()
    }

    pub fn condition(&self, type_: &str) -> Option<&DeploymentCondition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeploymentCondition {
    pub type_: String,
    pub status: String,
    pub last_update_time: Time,
    pub last_transition_time: Time,
    pub reason: String,
    pub message: String,
}

/// Condition types and reasons, with upstream's names.
pub mod reasons {
    pub const AVAILABLE: &str = "Available";
    pub const PROGRESSING: &str = "Progressing";
    pub const REPLICA_FAILURE: &str = "ReplicaFailure";

    pub const MINIMUM_REPLICAS_AVAILABLE: &str = "MinimumReplicasAvailable";
    pub const MINIMUM_REPLICAS_UNAVAILABLE: &str = "MinimumReplicasUnavailable";
    pub const NEW_REPLICA_SET_REASON: &str = "NewReplicaSetCreated";
    pub const FOUND_NEW_RS_REASON: &str = "FoundNewReplicaSet";
    pub const REPLICA_SET_UPDATED_REASON: &str = "ReplicaSetUpdated";
    pub const NEW_RS_AVAILABLE_REASON: &str = "NewReplicaSetAvailable";
    pub const TIMED_OUT_REASON: &str = "ProgressDeadlineExceeded";
    pub const PAUSED_DEPLOY_REASON: &str = "DeploymentPaused";
    pub const RESUMED_DEPLOY_REASON: &str = "DeploymentResumed";
    pub const FAILED_RS_CREATE_REASON: &str = "ReplicaSetCreateError";
}

impl FromJson for Deployment {
    const GO_NAME: &'static str = "Deployment";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(Deployment {
            api_version: f.opt_string("apiVersion")?.unwrap_or_else(|| "apps/v1".to_string()),
            kind: f.opt_string("kind")?.unwrap_or_else(|| "Deployment".to_string()),
            metadata: f.object("metadata")?,
            spec: f.object("spec")?,
            status: f.object("status")?,
        })
    }
}

impl FromJson for DeploymentSpec {
    const GO_NAME: &'static str = "DeploymentSpec";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(DeploymentSpec {
            replicas: f.opt_i32("replicas")?,
            selector: f.opt_object("selector")?,
            template: f.object("template")?,
            strategy: f.object("strategy")?,
            min_ready_seconds: f.i32("minReadySeconds")?,
            revision_history_limit: f.opt_i32("revisionHistoryLimit")?,
            paused: f.bool("paused")?,
            progress_deadline_seconds: f.opt_i32("progressDeadlineSeconds")?,
        })
    }
}

impl FromJson for DeploymentStrategy {
    const GO_NAME: &'static str = "DeploymentStrategy";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(DeploymentStrategy {
            type_: f.opt_string("type")?,
            rolling_update: f.opt_object("rollingUpdate")?,
        })
    }
}

impl FromJson for RollingUpdateDeployment {
    const GO_NAME: &'static str = "RollingUpdateDeployment";
    fn read(f: &Fields) -> Result<Self, String> {
        let int_or_string = |key| f.with(key, IntOrString::from_json, "intstr.IntOrString");
        Ok(RollingUpdateDeployment {
            max_unavailable: int_or_string("maxUnavailable")?,
            max_surge: int_or_string("maxSurge")?,
        })
    }
}

impl FromJson for DeploymentStatus {
    const GO_NAME: &'static str = "DeploymentStatus";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(DeploymentStatus {
            observed_generation: f.i64("observedGeneration")?,
            replicas: f.i32("replicas")?,
            updated_replicas: f.i32("updatedReplicas")?,
            ready_replicas: f.i32("readyReplicas")?,
            available_replicas: f.i32("availableReplicas")?,
            unavailable_replicas: f.i32("unavailableReplicas")?,
            terminating_replicas: f.opt_i32("terminatingReplicas")?,
            conditions: Arc::new(f.list("conditions")?),
            collision_count: f.opt_i32("collisionCount")?,
        })
    }
}

impl FromJson for DeploymentCondition {
    const GO_NAME: &'static str = "DeploymentCondition";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(DeploymentCondition {
            type_: f.string("type")?,
            status: f.string("status")?,
            last_update_time: f.time("lastUpdateTime")?,
            last_transition_time: f.time("lastTransitionTime")?,
            reason: f.string("reason")?,
            message: f.string("message")?,
        })
    }
}

impl Deployment {
    /// Reads a Deployment from its JSON form (see `api::json`).
    pub fn from_json(value: &Value) -> Result<Deployment, String> {
        super::json::decode(value)
    }

    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// spec.replicas after defaulting.
    pub fn replicas(&self) -> i32 {
        self.spec.replicas.unwrap_or(1)
    }

    pub fn strategy_type(&self) -> &str {
        self.spec
            .strategy
            .type_
            .as_deref()
            .unwrap_or(ROLLING_UPDATE)
    }

    pub fn is_rolling_update(&self) -> bool {
        self.strategy_type() == ROLLING_UPDATE
    }

    /// spec.selector (an absent one reads as the empty selector).
    pub fn selector(&self) -> &LabelSelector {
        static EMPTY: LabelSelector = LabelSelector {
            match_labels: std::collections::BTreeMap::new(),
            match_expressions: Vec::new(),
        };
        self.spec.selector.as_ref().unwrap_or(&EMPTY)
    }

    /// The revision annotation as kubectl reads it (missing: 0).
    pub fn revision(&self) -> Result<i64, String> {
        match self.metadata.annotation(super::keys::REVISION) {
            None => Ok(0),
            Some(v) => v
                .parse()
                .map_err(|_| format!("strconv.ParseInt: parsing {v}: invalid syntax", v = quoted(v))),
        }
    }
}

// Written as serde's derive wrote them: fields in declaration order, zero
// values left out where the Go type has `omitempty` (the hash depends on it).
impl ToJson for Deployment {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("apiVersion", &self.api_version)
            .field("kind", &self.kind)
            .field("metadata", &self.metadata)
            .field("spec", &self.spec)
            .field_if(!self.status.is_empty(), "status", &self.status)
            .build()
    }
}

impl ToJson for DeploymentSpec {
    fn to_json(&self) -> Value {
        Obj::new()
            .opt("replicas", &self.replicas)
            .opt("selector", &self.selector)
            .field("template", &self.template)
            .field("strategy", &self.strategy)
            .field_if(self.min_ready_seconds != 0, "minReadySeconds", &self.min_ready_seconds)
            .opt("revisionHistoryLimit", &self.revision_history_limit)
            .field_if(self.paused, "paused", &self.paused)
            .opt("progressDeadlineSeconds", &self.progress_deadline_seconds)
            .build()
    }
}

impl ToJson for DeploymentStrategy {
    fn to_json(&self) -> Value {
        Obj::new().opt("type", &self.type_).opt("rollingUpdate", &self.rolling_update).build()
    }
}

impl ToJson for RollingUpdateDeployment {
    fn to_json(&self) -> Value {
        Obj::new().opt("maxUnavailable", &self.max_unavailable).opt("maxSurge", &self.max_surge).build()
    }
}

impl ToJson for DeploymentStatus {
    fn to_json(&self) -> Value {
        Obj::new()
            .field_if(self.observed_generation != 0, "observedGeneration", &self.observed_generation)
            .field_if(self.replicas != 0, "replicas", &self.replicas)
            .field_if(self.updated_replicas != 0, "updatedReplicas", &self.updated_replicas)
            .field_if(self.ready_replicas != 0, "readyReplicas", &self.ready_replicas)
            .field_if(self.available_replicas != 0, "availableReplicas", &self.available_replicas)
            .field_if(self.unavailable_replicas != 0, "unavailableReplicas", &self.unavailable_replicas)
            .opt("terminatingReplicas", &self.terminating_replicas)
            .field_if(!self.conditions.is_empty(), "conditions", &self.conditions)
            .opt("collisionCount", &self.collision_count)
            .build()
    }
}

impl ToJson for DeploymentCondition {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("type", &self.type_)
            .field("status", &self.status)
            .field("lastUpdateTime", &self.last_update_time)
            .field("lastTransitionTime", &self.last_transition_time)
            .field("reason", &self.reason)
            .field("message", &self.message)
            .build()
    }
}

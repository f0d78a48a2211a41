//! apps/v1 Deployment: spec, status, conditions, and the reason constants
//! the controller writes (`pkg/controller/deployment/util/deployment_util.go`).

use super::json::{Fields, FromJson};
use super::{IntOrString, LabelSelector, ObjectMeta, PodTemplateSpec, Time};
use serde::Serialize;
use std::sync::Arc;

fn is_false(v: &bool) -> bool {
    !*v
}
fn is_zero_i32(v: &i32) -> bool {
    *v == 0
}
fn is_zero_i64(v: &i64) -> bool {
    *v == 0
}
fn is_empty_conditions(v: &Arc<Vec<DeploymentCondition>>) -> bool {
    v.is_empty()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    #[serde(default = "api_version")]
    pub api_version: String,
    #[serde(default = "kind")]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: DeploymentSpec,
    #[serde(default, skip_serializing_if = "DeploymentStatus::is_empty")]
    pub status: DeploymentStatus,
}

fn api_version() -> String {
    "apps/v1".to_string()
}
fn kind() -> String {
    "Deployment".to_string()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<LabelSelector>,
    #[serde(default)]
    pub template: Arc<PodTemplateSpec>,
    #[serde(default)]
    pub strategy: DeploymentStrategy,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub min_ready_seconds: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_history_limit: Option<i32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub paused: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_deadline_seconds: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentStrategy {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolling_update: Option<RollingUpdateDeployment>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollingUpdateDeployment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<IntOrString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<IntOrString>,
}

pub const ROLLING_UPDATE: &str = "RollingUpdate";
pub const RECREATE: &str = "Recreate";

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentStatus {
    #[serde(default, skip_serializing_if = "is_zero_i64")]
    pub observed_generation: i64,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub updated_replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub ready_replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub available_replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub unavailable_replicas: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminating_replicas: Option<i32>,
    /// Shared: the controller copies a status on every sync and changes
    /// conditions rarely (clone on write with `Arc::make_mut`).
    #[serde(default, skip_serializing_if = "is_empty_conditions")]
    pub conditions: Arc<Vec<DeploymentCondition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentCondition {
    #[serde(rename = "type")]
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
            api_version: f.opt_string("apiVersion")?.unwrap_or_else(api_version),
            kind: f.opt_string("kind")?.unwrap_or_else(kind),
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
    pub fn from_json(value: &serde_json::Value) -> Result<Deployment, String> {
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
                .map_err(|_| format!("strconv.ParseInt: parsing {v:?}: invalid syntax")),
        }
    }
}

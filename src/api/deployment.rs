//! apps/v1 Deployment: spec, status, conditions, and the reason constants
//! the controller writes (`pkg/controller/deployment/util/deployment_util.go`).

use super::{is_zero, IntOrString, LabelSelector, ObjectMeta, PodTemplateSpec, Time};
use crate::text::quoted;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

// Fields are in Go's declaration order and zero values are left out where
// the Go field has `omitempty`: the JSON text is part of the pod-template
// hash and of what `get -o json` and the last-applied annotation show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Deployment {
    #[serde(default = "apps_v1")]
    pub api_version: String,
    #[serde(default = "deployment_kind")]
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: DeploymentSpec,
    #[serde(skip_serializing_if = "DeploymentStatus::is_empty")]
    pub status: DeploymentStatus,
}

fn apps_v1() -> String {
    "apps/v1".to_string()
}

fn deployment_kind() -> String {
    "Deployment".to_string()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<LabelSelector>,
    pub template: Arc<PodTemplateSpec>,
    pub strategy: DeploymentStrategy,
    #[serde(skip_serializing_if = "is_zero")]
    pub min_ready_seconds: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_history_limit: Option<i32>,
    #[serde(skip_serializing_if = "is_zero")]
    pub paused: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress_deadline_seconds: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentStrategy {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolling_update: Option<RollingUpdateDeployment>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RollingUpdateDeployment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<IntOrString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<IntOrString>,
}

pub const ROLLING_UPDATE: &str = "RollingUpdate";
pub const RECREATE: &str = "Recreate";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentStatus {
    #[serde(skip_serializing_if = "is_zero")]
    pub observed_generation: i64,
    #[serde(skip_serializing_if = "is_zero")]
    pub replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub updated_replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub ready_replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub available_replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub unavailable_replicas: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminating_replicas: Option<i32>,
    /// Shared: the controller copies a status on every sync and changes
    /// conditions rarely (clone on write with `Arc::make_mut`).
    #[serde(skip_serializing_if = "no_conditions")]
    pub conditions: Arc<Vec<DeploymentCondition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collision_count: Option<i32>,
}

fn no_conditions(conditions: &Arc<Vec<DeploymentCondition>>) -> bool {
    conditions.is_empty()
}

impl DeploymentStatus {
    pub fn is_empty(&self) -> bool {
        *self == DeploymentStatus::default()
    }

    pub fn condition(&self, type_: &str) -> Option<&DeploymentCondition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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

impl Deployment {
    /// Reads a Deployment from its JSON form as the API server's decoder
    /// does (`api::decode`); fields it does not have are dropped.
    pub fn from_json(value: &Value) -> Result<Deployment, String> {
        super::decode::decode(value).map(|d| d.object)
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
            Some(v) => v.parse().map_err(|_| {
                format!(
                    "strconv.ParseInt: parsing {v}: invalid syntax",
                    v = quoted(v)
                )
            }),
        }
    }
}

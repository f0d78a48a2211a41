//! apps/v1 ReplicaSet: spec and status as the ReplicaSet controller writes them.

use super::is_zero;
use super::{LabelSelector, ObjectMeta, PodTemplateSpec};
use serde::Serialize;
use std::sync::Arc;

/// Written by the controllers only, so never decoded.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSet {
    /// Always apps/v1 ReplicaSet (the controller makes them all): no
    /// strings to copy when a scale copies the object.
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: ReplicaSetSpec,
    pub status: ReplicaSetStatus,
    /// The Deployment template this ReplicaSet was made from (its own
    /// template plus the hash label): lets "is this the new ReplicaSet?"
    /// answer by pointer on every sync instead of comparing templates.
    #[serde(skip)]
    pub template_sans_hash: Option<Arc<PodTemplateSpec>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetSpec {
    pub replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub min_ready_seconds: i32,
    /// Shared, as the template is: a scale copies the spec, never changes it.
    pub selector: Arc<LabelSelector>,
    pub template: Arc<PodTemplateSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetStatus {
    pub replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub fully_labeled_replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub ready_replicas: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub available_replicas: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminating_replicas: Option<i32>,
    pub observed_generation: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ReplicaSetCondition>,
}

/// A ReplicaSet's condition: only ReplicaFailure exists (a pod create the API server refused).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetCondition {
    #[serde(rename = "type")]
    pub type_: String,
    pub status: String,
    pub last_transition_time: super::Time,
    pub reason: String,
    pub message: String,
}

impl ReplicaSet {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// The revision annotation: missing is 0, unparseable is an error (`deploymentutil.Revision`).
    pub fn revision(&self) -> Result<i64, std::num::ParseIntError> {
        match self.metadata.annotation(super::keys::REVISION) {
            None => Ok(0),
            Some(v) => v.parse(),
        }
    }
}

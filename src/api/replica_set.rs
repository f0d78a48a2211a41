//! apps/v1 ReplicaSet: spec and status as the ReplicaSet controller writes them.

use super::{LabelSelector, ObjectMeta, PodTemplateSpec};
use serde::Serialize;
use std::sync::Arc;

fn is_zero_i32(v: &i32) -> bool {
    *v == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSet {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: ReplicaSetSpec,
    #[serde(default)]
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
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub min_ready_seconds: i32,
    pub selector: LabelSelector,
    pub template: Arc<PodTemplateSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetStatus {
    pub replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub fully_labeled_replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub ready_replicas: i32,
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub available_replicas: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminating_replicas: Option<i32>,
    #[serde(default)]
    pub observed_generation: i64,
}

impl ReplicaSet {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// The revision annotation: missing is 0, unparseable is an error (`deploymentutil.Revision`).
    pub fn revision(&self) -> Result<i64, ()> {
        match self.metadata.annotation(super::keys::REVISION) {
            None => Ok(0),
            Some(v) => v.parse().map_err(|_| ()),
        }
    }
}

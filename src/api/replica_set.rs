//! apps/v1 ReplicaSet: spec and status as the ReplicaSet controller writes them.

use super::{LabelSelector, ObjectMeta, PodTemplateSpec};
use crate::json::{Obj, ToJson, Value};
use std::sync::Arc;

#[derive(Clone, Debug, Default, PartialEq)]
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
    pub template_sans_hash: Option<Arc<PodTemplateSpec>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReplicaSetSpec {
    pub replicas: i32,
    pub min_ready_seconds: i32,
    /// Shared, as the template is: a scale copies the spec, never changes it.
    pub selector: Arc<LabelSelector>,
    pub template: Arc<PodTemplateSpec>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReplicaSetStatus {
    pub replicas: i32,
    pub fully_labeled_replicas: i32,
    pub ready_replicas: i32,
    pub available_replicas: i32,
    pub terminating_replicas: Option<i32>,
    pub observed_generation: i64,
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

impl ToJson for ReplicaSet {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("apiVersion", &self.api_version)
            .field("kind", &self.kind)
            .field("metadata", &self.metadata)
            .field("spec", &self.spec)
            .field("status", &self.status)
            .build()
    }
}

impl ToJson for ReplicaSetSpec {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("replicas", &self.replicas)
            .field_if(self.min_ready_seconds != 0, "minReadySeconds", &self.min_ready_seconds)
            .field("selector", &self.selector)
            .field("template", &self.template)
            .build()
    }
}

impl ToJson for ReplicaSetStatus {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("replicas", &self.replicas)
            .field_if(self.fully_labeled_replicas != 0, "fullyLabeledReplicas", &self.fully_labeled_replicas)
            .field_if(self.ready_replicas != 0, "readyReplicas", &self.ready_replicas)
            .field_if(self.available_replicas != 0, "availableReplicas", &self.available_replicas)
            .opt("terminatingReplicas", &self.terminating_replicas)
            .field("observedGeneration", &self.observed_generation)
            .build()
    }
}

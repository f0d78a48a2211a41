//! The runner's result document (spec "Output").

use crate::api::{keys, Deployment, ReplicaSet};
use crate::sim::events::EventView;
use crate::sim::Cluster;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    pub steps: Vec<StepReport>,
    pub events: Vec<EventReport>,
}

impl RunReport {
    /// Whether every expect step held.
    pub fn all_expectations_held(&self) -> bool {
        self.steps
            .iter()
            .all(|s| s.expect.as_ref().is_none_or(|e| e.ok))
    }

    pub fn to_text(&self) -> String {
        crate::api::to_json_pretty(self) + "\n"
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    pub index: usize,
    /// Seconds of simulated time after the step.
    pub time: f64,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub deployment: Option<DeploymentReport>,
    pub replica_sets: Vec<ReplicaSetReport>,
    pub pods: PodsReport,
    pub event_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<ExpectReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentReport {
    pub generation: i64,
    pub observed_generation: i64,
    pub replicas: i32,
    pub updated_replicas: i32,
    pub ready_replicas: i32,
    pub available_replicas: i32,
    pub unavailable_replicas: i32,
    pub terminating_replicas: i32,
    pub revision: Option<String>,
    pub paused: bool,
    pub conditions: Vec<ConditionReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionReport {
    #[serde(rename = "type")]
    pub type_: String,
    pub status: String,
    pub reason: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSetReport {
    pub name: String,
    pub image: String,
    pub revision: Option<String>,
    pub replicas: i32,
    pub ready_replicas: i32,
    pub available_replicas: i32,
    /// v1.1: its conditions (ReplicaFailure).
    pub conditions: Vec<ConditionReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodsReport {
    pub total: i32,
    pub ready: i32,
    pub terminating: i32,
    /// v1.1: how many pods show each STATUS of `kubectl get pods`.
    pub status: BTreeMap<String, i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpectReport {
    pub ok: bool,
    pub failures: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventReport {
    pub time: f64,
    #[serde(rename = "type")]
    pub type_: String,
    pub reason: String,
    pub object: String,
    pub source: String,
    pub message: String,
}

pub fn seconds(ms: i64) -> f64 {
    ms as f64 / 1000.0
}

pub fn deployment_report(d: &Deployment) -> DeploymentReport {
    let s = &d.status;
    DeploymentReport {
        generation: d.metadata.generation,
        observed_generation: s.observed_generation,
        replicas: s.replicas,
        updated_replicas: s.updated_replicas,
        ready_replicas: s.ready_replicas,
        available_replicas: s.available_replicas,
        unavailable_replicas: s.unavailable_replicas,
        terminating_replicas: s.terminating_replicas.unwrap_or(0),
        revision: d.metadata.annotation(keys::REVISION).map(str::to_string),
        paused: d.spec.paused,
        conditions: s
            .conditions
            .iter()
            .map(|c| ConditionReport {
                type_: c.type_.clone(),
                status: c.status.clone(),
                reason: c.reason.clone(),
                message: c.message.clone(),
            })
            .collect(),
    }
}

pub fn replica_set_report(rs: &ReplicaSet) -> ReplicaSetReport {
    ReplicaSetReport {
        name: rs.name().to_string(),
        image: rs.spec.template.first_image().to_string(),
        revision: rs.metadata.annotation(keys::REVISION).map(str::to_string),
        replicas: rs.spec.replicas,
        ready_replicas: rs.status.ready_replicas,
        available_replicas: rs.status.available_replicas,
        conditions: rs
            .status
            .conditions
            .iter()
            .map(|c| ConditionReport {
                type_: c.type_.clone(),
                status: c.status.clone(),
                reason: c.reason.clone(),
                message: c.message.clone(),
            })
            .collect(),
    }
}

pub fn pods_report(c: &Cluster) -> PodsReport {
    let (total, ready, terminating) = c.pod_counts();
    PodsReport {
        total,
        ready,
        terminating,
        status: pods_by_status(c),
    }
}

/// How many pods show each STATUS of `kubectl get pods`.
pub fn pods_by_status(c: &Cluster) -> BTreeMap<String, i32> {
    let mut counts = BTreeMap::new();
    for pod in c.pods() {
        *counts
            .entry(pod.state.status_column().to_string())
            .or_insert(0) += 1;
    }
    counts
}

pub fn event_report(e: &EventView) -> EventReport {
    EventReport {
        time: seconds(e.first.0),
        type_: e.type_.into(),
        reason: e.reason.into(),
        object: e.object.clone(),
        source: e.source.into(),
        message: e.message.clone(),
    }
}

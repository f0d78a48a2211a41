//! The initial cluster of a scenario (spec "Input", reference model M6).

use super::format::{ClusterSpec, NodeSpec, Scenario};
use super::load::LoadError;
use crate::api::quantity::Quantity;
use crate::api::{keys, reasons, Deployment, ReplicaSet, Time};
use crate::sim::deployment::sync::{
    calculate_status, find_new_replica_set, replica_set_from_template,
};
use crate::sim::deployment::util::{
    deployment_complete, max_surge, new_deployment_condition, set_deployment_condition,
};
use crate::sim::hash::compute_hash;
use crate::sim::quota::Quota;
use crate::sim::scheduler::Node;
use crate::sim::{ApiError, Cluster, ClusterConfig, ImageBehaviour};
use crate::text::quoted;

/// Existing ReplicaSets are created this far apart, the last one this long before time 0.
const RS_SPACING_MS: i64 = 100_000;

pub fn cluster_config(spec: &ClusterSpec) -> ClusterConfig {
    ClusterConfig {
        pod_start: (spec.pod_start_seconds * 1000.0).round() as i64,
        pod_stop: (spec.pod_stop_seconds * 1000.0).round() as i64,
        failing_images: {
            let mut images = spec.failing_images.clone();
            images.sort();
            images.dedup();
            images
        },
        images: spec
            .images
            .iter()
            .map(|(image, b)| {
                let ms = |seconds: f64| (seconds * 1000.0).round() as i64;
                let behaviour = ImageBehaviour {
                    start: b.start_seconds.map(ms),
                    ready: b.ready,
                    crash_after: b.crash_after_seconds.map(ms),
                };
                (image.clone(), behaviour)
            })
            .collect(),
        nodes: spec.nodes.iter().map(node).collect(),
        quota: (!spec.quota.is_empty()).then(|| Quota {
            hard: spec
                .quota
                .iter()
                .map(|(resource, text)| (resource.clone(), quota_amount(resource, text)))
                .collect(),
            created: crate::sim::CLUSTER_CREATED,
        }),
        seed: spec.seed,
    }
}

/// A node as the loader checked it: quantities that parse, pods 110 by default.
fn node(spec: &NodeSpec) -> Node {
    let quantity = |text: &Option<String>, read: fn(Quantity) -> Option<i64>| {
        text.as_deref().and_then(Quantity::parse).and_then(read)
    };
    Node {
        name: spec.name.clone(),
        cpu: quantity(&spec.cpu, Quantity::milli_value),
        memory: quantity(&spec.memory, Quantity::value),
        pods: Some(spec.pods.unwrap_or(DEFAULT_MAX_PODS)),
        unschedulable: false,
    }
}

/// A quota's hard amount in its resource's unit (the loader checked it parses).
pub fn quota_amount(resource: &str, text: &str) -> i64 {
    let read = if resource.ends_with("cpu") {
        Quantity::milli_value
    } else {
        Quantity::value
    };
    Quantity::parse(text).and_then(read).unwrap_or(0)
}

/// The kubelet's default maxPods.
const DEFAULT_MAX_PODS: i64 = 110;

/// Builds the cluster at time 0: the Deployment as created by `kubectl
/// apply`, and the ReplicaSets that already exist with their pods.
pub fn build(scenario: &Scenario) -> Result<Cluster, LoadError> {
    let mut c = Cluster::new(cluster_config(&scenario.cluster));
    let mut d = Deployment::from_json(&scenario.deployment).map_err(|message| LoadError {
        path: "deployment".into(),
        message,
    })?;
    if let Some(replicas) = d
        .spec
        .replicas
        .filter(|r| *r as i64 > super::load::MAX_REPLICAS)
    {
        return Err(LoadError {
            path: "deployment.spec.replicas".into(),
            message: format!(
                "{replicas} is above the simulator's limit of {}",
                super::load::MAX_REPLICAS
            ),
        });
    }
    let mut applied = scenario.deployment.clone();
    if let Some(a) = applied
        .pointer_mut("/metadata/annotations")
        .and_then(|v| v.as_object_mut())
    {
        a.remove(keys::LAST_APPLIED);
    }
    d.metadata.annotations.insert(
        keys::LAST_APPLIED.into(),
        crate::api::to_json(&applied) + "\n",
    );
    let name = d.name().to_string();
    c.create_deployment(d).map_err(|e| LoadError {
        path: "deployment".into(),
        message: match e {
            ApiError::Invalid(inv) => inv.to_string(),
            other => other.to_string(),
        },
    })?;
    if scenario.replica_sets.is_empty() {
        return Ok(c);
    }
    let mut d = c.deployment(&name).cloned().expect("just created");
    let count = scenario.replica_sets.len() as i64;
    let mut rss = Vec::new();
    for (i, spec) in scenario.replica_sets.iter().enumerate() {
        let path = format!("replicaSets[{i}]");
        let mut template = (*d.spec.template).clone();
        match template.spec.containers.first_mut() {
            Some(c) => c.image = spec.image.clone(),
            None => {
                return Err(LoadError {
                    path,
                    message: "the Deployment's template has no container".into(),
                })
            }
        }
        let mut hash = compute_hash(&template, None);
        let mut collisions = 0;
        while c.replica_set(&format!("{name}-{hash}")).is_some() {
            collisions += 1;
            hash = compute_hash(&template, Some(collisions));
        }
        // Share the Deployment's template when this is its ReplicaSet (see ReplicaSet::template_sans_hash).
        let sans_hash = if template == *d.spec.template {
            d.spec.template.clone()
        } else {
            std::sync::Arc::new(template)
        };
        let mut rs = replica_set_from_template(&d, sans_hash, &hash, format!("{name}-{hash}"));
        let revision = spec.revision.unwrap_or(i as i64 + 1);
        let annotations = &mut rs.metadata.annotations;
        annotations.insert(keys::REVISION.into(), revision.to_string());
        annotations.insert(keys::DESIRED_REPLICAS.into(), d.replicas().to_string());
        annotations.insert(
            keys::MAX_REPLICAS.into(),
            (d.replicas() + max_surge(&d)).to_string(),
        );
        for (k, v) in &d.metadata.annotations {
            if !keys::skip_copy_annotation(k) {
                annotations.insert(k.clone(), v.clone());
            }
        }
        rs.spec.replicas = spec.replicas;
        let created = Time(-(count - i as i64) * RS_SPACING_MS);
        rss.push(c.restore_replica_set(rs, created, spec.available));
    }
    // The Deployment as after a sync of that state.
    let new_rs = find_new_replica_set(&d, &rss).cloned();
    let revision = match &new_rs {
        Some(rs) => rs.revision().unwrap_or(0),
        None => rss
            .iter()
            .filter_map(|rs| rs.revision().ok())
            .max()
            .unwrap_or(0),
    };
    d.metadata
        .annotations
        .insert(keys::REVISION.into(), revision.to_string());
    let old: Vec<std::sync::Arc<ReplicaSet>> = rss
        .iter()
        .filter(|rs| Some(rs.name()) != new_rs.as_ref().map(|n| n.name()))
        .cloned()
        .collect();
    let now = c.now();
    d.status = calculate_status(&old, new_rs.as_deref(), &d, now);
    if crate::sim::deployment::util::has_progress_deadline(&d) {
        let subject = new_rs
            .as_ref()
            .map_or(format!("Deployment {name}", name = quoted(&name)), |rs| {
                format!("ReplicaSet {}", quoted(rs.name()))
            });
        let condition = if deployment_complete(&d, &d.status) {
            new_deployment_condition(
                reasons::PROGRESSING,
                "True",
                reasons::NEW_RS_AVAILABLE_REASON,
                format!("{subject} has successfully progressed."),
                now,
            )
        } else {
            new_deployment_condition(
                reasons::PROGRESSING,
                "True",
                reasons::REPLICA_SET_UPDATED_REASON,
                format!("{subject} is progressing."),
                now,
            )
        };
        set_deployment_condition(&mut d.status, condition);
    }
    c.restore_deployment_state(&d);
    Ok(c)
}

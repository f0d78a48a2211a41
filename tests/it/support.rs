//! Helpers shared by the integration tests.

use rollout_lab::sim::Cluster;
use std::path::PathBuf;

/// `../shared/conformance`, beside the repository.
pub fn shared_conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance")
}

/// A scenario kept in this repository, loaded.
pub fn local_scenario(file: &str) -> rollout_lab::scenario::Scenario {
    let text = std::fs::read_to_string(local_scenarios_dir().join(file)).unwrap();
    rollout_lab::scenario::load(&text).unwrap()
}

/// Scenarios kept in this repository (tests/scenarios).
pub fn local_scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

pub fn json_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Everything observable about a cluster, for comparing two runs: the time,
/// the Deployment's status and annotations, each ReplicaSet, pod and event.
pub fn observable(c: &Cluster, deployment: &str) -> String {
    let rss: Vec<String> = c
        .replica_sets()
        .iter()
        .map(|rs| {
            format!(
                "{}:{:?}:{:?}:{:?}",
                rs.name(),
                rs.spec,
                rs.status,
                rs.metadata.annotations
            )
        })
        .collect();
    let pods: Vec<String> = c
        .pods()
        .iter()
        .map(|p| format!("{}:{:?}", p.name, p.state))
        .collect();
    let events: Vec<&str> = c.events().iter().map(|e| e.message.as_str()).collect();
    format!(
        "{}\n{:?}\n{rss:?}\n{pods:?}\n{events:?}",
        c.now().0,
        c.deployment(deployment)
            .map(|d| (&d.status, &d.metadata.annotations)),
    )
}

/// A JSON value as YAML (kubectl's printer).
pub fn yaml_of(v: &serde_json::Value) -> String {
    rollout_lab::kubectl::yaml::to_yaml(v)
}

//! Loading a scenario: JSON → `Scenario` through serde's derives
//! (`format.rs`), read by `crate::decode` with the runner's words, so that
//! anything the format does not define is refused with its JSON path
//! (`steps[3]: unknown step "frobnicate"`); then the ranges the types do not
//! hold. Never panics on any input.

use super::format::*;
use crate::api::quantity::Quantity;
use crate::decode::{self, Asked, DecodeError, Place, Wanted, Words};
use crate::text::quoted;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;

/// An invalid scenario (the runner's exit code 2).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// JSON path of the offending value (`steps[3].expect.available`); empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn err(path: &str, message: impl Into<String>) -> LoadError {
    LoadError {
        path: path.to_string(),
        message: message.into(),
    }
}

/// Scenario files larger than this are refused (a guard for shared links too).
pub const MAX_SCENARIO_BYTES: usize = 4 << 20;
/// Most steps one scenario may have.
pub const MAX_STEPS: usize = 10_000;
/// The simulator's pod budget: larger Deployments are refused.
pub const MAX_REPLICAS: i64 = crate::sim::MAX_REPLICAS as i64;

/// More nodes than a lab needs (and the scheduler's node index holds).
const MAX_NODES: usize = 1000;

pub fn load(text: &str) -> Result<Scenario, LoadError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(err(
            "",
            format!("scenario is larger than {} bytes", MAX_SCENARIO_BYTES),
        ));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| err("", format!("invalid JSON: {e}")))?;
    from_value(&value)
}

pub fn from_value(value: &Value) -> Result<Scenario, LoadError> {
    let scenario: Scenario = read(value)?;
    check_ranges(&scenario)?;
    Ok(scenario)
}

/// Reads a serde type with the runner's words (share links' payload too).
pub(crate) fn read<T: DeserializeOwned>(value: &Value) -> Result<T, LoadError> {
    decode::from_value(value, &RunnerWords).map_err(|e| LoadError {
        path: e.path,
        message: e.message,
    })
}

/// The runner's words for a value that is not what the format says.
struct RunnerWords;

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn at(place: &Place, message: String) -> DecodeError {
    DecodeError {
        path: place.path.to_string(),
        message,
    }
}

impl Words for RunnerWords {
    const NULL_IS_ZERO: bool = false;
    const WHOLE_FLOATS_ARE_INTEGERS: bool = false;

    fn mismatch(&self, place: &Place, wanted: &Wanted) -> DecodeError {
        let found = kind(place.value);
        let expected = match wanted {
            Wanted::Int {
                go_type: "uint64", ..
            } => "a non-negative whole number".to_string(),
            Wanted::Int { max, .. } => {
                // A whole number the type cannot hold.
                if let Some(n) = place.value.as_i64() {
                    return at(place, format!("{n} is out of range (0 to {max})"));
                }
                "a whole number".to_string()
            }
            Wanted::Bool => "a boolean".to_string(),
            // Every number in the format that is not a count is seconds.
            Wanted::Float => "a number of seconds".to_string(),
            Wanted::Str => "a string".to_string(),
            Wanted::List(_) => "an array".to_string(),
            Wanted::Map(_) | Wanted::Struct(_) | Wanted::Enum(_) => "an object".to_string(),
            Wanted::Custom(expected) => expected.to_string(),
        };
        at(place, format!("expected {expected}, found {found}"))
    }

    fn unknown_field(&self, place: &Place, key: &str) -> Result<(), DecodeError> {
        Err(at(place, format!("unknown key {}", quoted(key))))
    }

    fn missing_field(&self, place: &Place, field: &str) -> DecodeError {
        at(place, format!("missing required key {}", quoted(field)))
    }

    fn unknown_variant(&self, place: &Place, enum_name: &str, variants: &[&str]) -> DecodeError {
        let what = enum_name.to_lowercase();
        match place
            .value
            .as_object()
            .map(|m| m.keys().collect::<Vec<_>>())
            .as_deref()
        {
            Some([key]) => at(place, format!("unknown {what} {}", quoted(key))),
            _ => at(
                place,
                format!(
                    "a {what} has exactly one key (one of {})",
                    variants.join(", ")
                ),
            ),
        }
    }

    fn custom(&self, place: &Place, message: String) -> DecodeError {
        at(place, message)
    }

    fn type_name(&self, _: &Asked) -> String {
        String::new()
    }
}

/// What the types do not hold: counts and seconds in the format's ranges.
fn check_ranges(s: &Scenario) -> Result<(), LoadError> {
    if !s.deployment.is_object() {
        return Err(err(
            "deployment",
            format!("expected an object, found {}", kind(&s.deployment)),
        ));
    }
    // The lab simulates apps/v1 Deployments: anything else is not a scenario it can run (v1.1).
    for (key, want) in [("apiVersion", "apps/v1"), ("kind", "Deployment")] {
        match s.deployment.get(key) {
            None => {
                return Err(err(
                    &format!("deployment.{key}"),
                    format!("missing required key {}", quoted(key)),
                ))
            }
            Some(Value::String(v)) if v == want => {}
            Some(other) => {
                let found = other
                    .as_str()
                    .map_or_else(|| kind(other).to_string(), |v| quoted(v).to_string());
                return Err(err(
                    &format!("deployment.{key}"),
                    format!("expected {}, found {found}", quoted(want)),
                ));
            }
        }
    }
    for (i, rs) in s.replica_sets.iter().enumerate() {
        let path = format!("replicaSets[{i}]");
        in_range(
            rs.replicas.into(),
            MAX_REPLICAS,
            &format!("{path}.replicas"),
        )?;
        in_range(
            rs.available.into(),
            rs.replicas.into(),
            &format!("{path}.available"),
        )?;
        if let Some(revision) = rs.revision {
            in_range(revision, i64::MAX, &format!("{path}.revision"))?;
        }
    }
    seconds(s.cluster.pod_start_seconds, "cluster.podStartSeconds")?;
    seconds(s.cluster.pod_stop_seconds, "cluster.podStopSeconds")?;
    for (image, behaviour) in &s.cluster.images {
        let path = |key: &str| format!("cluster.images[{}].{key}", quoted(image));
        if let Some(start) = behaviour.start_seconds {
            seconds(start, &path("startSeconds"))?;
        }
        if let Some(crash_after) = behaviour.crash_after_seconds {
            seconds(crash_after, &path("crashAfterSeconds"))?;
            if crash_after * 1000.0 < 1.0 {
                return Err(err(
                    &path("crashAfterSeconds"),
                    format!("{crash_after} seconds is out of range (0.001 to 31536000)"),
                ));
            }
        }
    }
    if s.cluster.nodes.len() > MAX_NODES {
        return Err(err("cluster.nodes", format!("more than {MAX_NODES} nodes")));
    }
    for (i, node) in s.cluster.nodes.iter().enumerate() {
        let path = |key: &str| format!("cluster.nodes[{i}].{key}");
        if node.name.is_empty() {
            return Err(err(&path("name"), "a node needs a name".to_string()));
        }
        if s.cluster.nodes[..i].iter().any(|n| n.name == node.name) {
            return Err(err(
                &path("name"),
                format!("{} is named twice", quoted(&node.name)),
            ));
        }
        for (key, text, read) in [
            (
                "cpu",
                &node.cpu,
                Quantity::milli_value as fn(Quantity) -> Option<i64>,
            ),
            ("memory", &node.memory, Quantity::value),
        ] {
            if let Some(text) = text {
                if Quantity::parse(text).and_then(read).is_none_or(|v| v < 0) {
                    return Err(err(
                        &path(key),
                        format!(
                            "{} is not a quantity (such as \"2\", \"1500m\" or \"4Gi\")",
                            quoted(text)
                        ),
                    ));
                }
            }
        }
        if let Some(pods) = node.pods {
            in_range(pods, MAX_REPLICAS, &path("pods"))?;
        }
    }
    for (resource, text) in &s.cluster.quota {
        let path = format!("cluster.quota[{}]", quoted(resource));
        if !crate::sim::quota::RESOURCES.contains(&resource.as_str()) {
            return Err(err(
                &path,
                format!(
                    "not modelled by this runner (one of: {})",
                    crate::sim::quota::RESOURCES.join(", ")
                ),
            ));
        }
        let read = if resource.ends_with("cpu") {
            Quantity::milli_value
        } else {
            Quantity::value
        };
        if Quantity::parse(text).and_then(read).is_none_or(|v| v < 0) {
            return Err(err(
                &path,
                format!(
                    "{} is not a quantity (such as \"6\", \"1500m\" or \"4Gi\")",
                    quoted(text)
                ),
            ));
        }
    }
    if s.steps.len() > MAX_STEPS {
        return Err(err("steps", format!("more than {MAX_STEPS} steps")));
    }
    for (i, step) in s.steps.iter().enumerate() {
        let path = |key: &str| format!("steps[{i}].{key}");
        match step {
            Step::Kubectl(_) => {}
            Step::Apply(manifest) if !manifest.is_object() => {
                return Err(err(
                    &path("apply"),
                    format!("expected an object, found {}", kind(manifest)),
                ));
            }
            Step::Apply(_) => {}
            Step::Sync(times) => in_range((*times).into(), 100_000, &path("sync"))?,
            Step::Advance(s) => seconds(*s, &path("advance"))?,
            Step::Settle(s) => seconds(*s, &path("settle"))?,
            Step::Expect(e) => expect_ranges(e, &path("expect"))?,
        }
    }
    Ok(())
}

fn expect_ranges(e: &Expect, path: &str) -> Result<(), LoadError> {
    let count = |value: Option<i32>, key: &str| match value {
        Some(n) => in_range(n.into(), i32::MAX.into(), &format!("{path}.{key}")),
        None => Ok(()),
    };
    count(e.available, "available")?;
    count(e.updated_replicas, "updatedReplicas")?;
    count(e.ready_replicas, "readyReplicas")?;
    count(e.unavailable_replicas, "unavailableReplicas")?;
    count(e.terminating_replicas, "terminatingReplicas")?;
    for (key, map) in [
        ("replicaSets", &e.replica_sets),
        ("replicaSetsByRevision", &e.replica_sets_by_revision),
    ] {
        for (name, n) in map.iter().flatten() {
            in_range(
                (*n).into(),
                i32::MAX.into(),
                &format!("{path}.{key}[{}]", quoted(name)),
            )?;
        }
    }
    if let Some(Some(revision)) = e.revision {
        in_range(revision, i64::MAX, &format!("{path}.revision"))?;
    }
    if let Some(code) = e.exit_code {
        in_range(code.into(), 255, &format!("{path}.exitCode"))?;
    }
    Ok(())
}

/// A whole number in [0, max].
fn in_range(n: i64, max: i64, path: &str) -> Result<(), LoadError> {
    if (0..=max).contains(&n) {
        Ok(())
    } else {
        Err(err(path, format!("{n} is out of range (0 to {max})")))
    }
}

/// Seconds: a non-negative number up to a year.
fn seconds(s: f64, path: &str) -> Result<(), LoadError> {
    if (0.0..=31_536_000.0).contains(&s) {
        Ok(())
    } else {
        Err(err(
            path,
            format!("{s} seconds is out of range (0 to 31536000)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        r#"{"deployment": {"apiVersion": "apps/v1", "kind": "Deployment"}, "steps": []}"#;

    #[test]
    fn the_deployment_must_be_an_apps_v1_deployment() {
        let statefulset = MINIMAL.replace(r#""kind": "Deployment""#, r#""kind": "StatefulSet""#);
        assert_eq!(
            load(&statefulset).unwrap_err().to_string(),
            r#"deployment.kind: expected "Deployment", found "StatefulSet""#
        );
        let beta = MINIMAL.replace(r#""apps/v1""#, r#""apps/v1beta2""#);
        assert_eq!(
            load(&beta).unwrap_err().to_string(),
            r#"deployment.apiVersion: expected "apps/v1", found "apps/v1beta2""#
        );
        let no_kind = MINIMAL.replace(r#", "kind": "Deployment""#, "");
        assert_eq!(
            load(&no_kind).unwrap_err().to_string(),
            r#"deployment.kind: missing required key "kind""#
        );
    }

    #[test]
    fn errors_name_the_json_path() {
        let bad_step = MINIMAL.replace(
            r#""steps": []"#,
            r#""steps": [{"advance": 1}, {"sync": 1}, {"settle": 5}, {"frobnicate": 1}]"#,
        );
        assert_eq!(
            load(&bad_step).unwrap_err().to_string(),
            "steps[3]: unknown step \"frobnicate\""
        );
        let bad_expect = MINIMAL.replace(
            r#""steps": []"#,
            r#""steps": [{"expect": {"available": "three"}}]"#,
        );
        assert_eq!(
            load(&bad_expect).unwrap_err().to_string(),
            "steps[0].expect.available: expected a whole number, found a string"
        );
        let bad_top = MINIMAL.replace(r#""steps""#, r#""stepz""#);
        assert_eq!(
            load(&bad_top).unwrap_err().to_string(),
            "unknown key \"stepz\""
        );
        assert!(load("{")
            .unwrap_err()
            .to_string()
            .starts_with("invalid JSON"));
        assert!(load("[]")
            .unwrap_err()
            .to_string()
            .starts_with("expected an object"));
    }

    #[test]
    fn counts_are_whole_numbers_and_the_seed_any_u64() {
        let with = |steps: &str, cluster: &str| {
            load(&MINIMAL.replace(
                r#""steps": []"#,
                &format!(r#""steps": {steps}, "cluster": {cluster}"#),
            ))
        };
        assert_eq!(
            with(r#"[{"sync": 2.0}]"#, "{}").unwrap_err().to_string(),
            "steps[0].sync: expected a whole number, found a number"
        );
        assert_eq!(
            with(r#"[{"expect": {"available": -1}}]"#, "{}")
                .unwrap_err()
                .to_string(),
            "steps[0].expect.available: -1 is out of range (0 to 2147483647)"
        );
        assert_eq!(
            with("[]", r#"{"seed": 18446744073709551615}"#)
                .unwrap()
                .cluster
                .seed,
            u64::MAX
        );
        assert_eq!(
            with("[]", r#"{"seed": -1}"#).unwrap_err().to_string(),
            "cluster.seed: expected a non-negative whole number, found a number"
        );
    }

    #[test]
    fn a_minimal_scenario_loads_with_defaults() {
        let s = load(MINIMAL).unwrap();
        assert_eq!(s.cluster, ClusterSpec::default());
        assert!(s.steps.is_empty() && s.replica_sets.is_empty());
    }
}

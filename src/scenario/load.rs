//! Loading a scenario: JSON → `Scenario`, rejecting anything the format
//! does not define, with errors that name the JSON path
//! (`steps[3]: unknown step "frobnicate"`). Never panics on any input.

use super::format::*;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use crate::text::quoted;

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
    let top = object(value, "")?;
    check_keys(
        top,
        "",
        &[
            "title",
            "source",
            "description",
            "deployment",
            "replicaSets",
            "cluster",
            "steps",
        ],
    )?;
    let deployment = top
        .get("deployment")
        .ok_or_else(|| err("", "missing required key \"deployment\""))?;
    object(deployment, "deployment")?;
    let replica_sets = match top.get("replicaSets") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => array(v, "replicaSets")?
            .iter()
            .enumerate()
            .map(|(i, v)| replica_set(v, &format!("replicaSets[{i}]")))
            .collect::<Result<_, _>>()?,
    };
    let cluster = match top.get("cluster") {
        None | Some(Value::Null) => ClusterSpec::default(),
        Some(v) => cluster(v)?,
    };
    let steps_value = top
        .get("steps")
        .ok_or_else(|| err("", "missing required key \"steps\""))?;
    let steps_array = array(steps_value, "steps")?;
    if steps_array.len() > MAX_STEPS {
        return Err(err("steps", format!("more than {MAX_STEPS} steps")));
    }
    let steps = steps_array
        .iter()
        .enumerate()
        .map(|(i, v)| step(v, &format!("steps[{i}]")))
        .collect::<Result<_, _>>()?;
    Ok(Scenario {
        title: optional_string(top.get("title"), "title")?,
        source: optional_string(top.get("source"), "source")?,
        deployment: deployment.clone(),
        replica_sets,
        cluster,
        steps,
    })
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, LoadError> {
    v.as_object()
        .ok_or_else(|| err(path, format!("expected an object, found {}", kind(v))))
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, LoadError> {
    v.as_array()
        .ok_or_else(|| err(path, format!("expected an array, found {}", kind(v))))
}

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

fn check_keys(map: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), LoadError> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(err(path, format!("unknown key {k}", k = quoted(k)))),
        None => Ok(()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn optional_string(v: Option<&Value>, path: &str) -> Result<Option<String>, LoadError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(err(
            path,
            format!("expected a string, found {}", kind(other)),
        )),
    }
}

fn string(v: &Value, path: &str) -> Result<String, LoadError> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| err(path, format!("expected a string, found {}", kind(v))))
}

/// A whole number in [min, max].
fn int(v: &Value, path: &str, min: i64, max: i64) -> Result<i64, LoadError> {
    let n = v
        .as_i64()
        .ok_or_else(|| err(path, format!("expected a whole number, found {}", kind(v))))?;
    if n < min || n > max {
        return Err(err(path, format!("{n} is out of range ({min} to {max})")));
    }
    Ok(n)
}

/// Seconds: a non-negative number up to a year.
fn seconds(v: &Value, path: &str) -> Result<f64, LoadError> {
    let s = v.as_f64().ok_or_else(|| {
        err(
            path,
            format!("expected a number of seconds, found {}", kind(v)),
        )
    })?;
    if !(0.0..=31_536_000.0).contains(&s) {
        return Err(err(
            path,
            format!("{v} seconds is out of range (0 to 31536000)"),
        ));
    }
    Ok(s)
}

fn replica_set(v: &Value, path: &str) -> Result<InitialReplicaSet, LoadError> {
    let map = object(v, path)?;
    check_keys(map, path, &["image", "replicas", "available", "revision"])?;
    let image = string(
        map.get("image")
            .ok_or_else(|| err(path, "missing required key \"image\""))?,
        &join(path, "image"),
    )?;
    let replicas = match map.get("replicas") {
        None => 0,
        Some(v) => int(v, &join(path, "replicas"), 0, MAX_REPLICAS)? as i32,
    };
    let available = match map.get("available") {
        None => 0,
        Some(v) => int(v, &join(path, "available"), 0, replicas as i64)? as i32,
    };
    let revision = match map.get("revision") {
        None | Some(Value::Null) => None,
        Some(v) => Some(int(v, &join(path, "revision"), 0, i64::MAX)?),
    };
    Ok(InitialReplicaSet {
        image,
        replicas,
        available,
        revision,
    })
}

fn cluster(v: &Value) -> Result<ClusterSpec, LoadError> {
    let path = "cluster";
    let map = object(v, path)?;
    check_keys(
        map,
        path,
        &["podStartSeconds", "podStopSeconds", "failingImages", "seed"],
    )?;
    let mut spec = ClusterSpec::default();
    if let Some(v) = map.get("podStartSeconds") {
        spec.pod_start_seconds = seconds(v, "cluster.podStartSeconds")?;
    }
    if let Some(v) = map.get("podStopSeconds") {
        spec.pod_stop_seconds = seconds(v, "cluster.podStopSeconds")?;
    }
    if let Some(v) = map.get("failingImages") {
        spec.failing_images = array(v, "cluster.failingImages")?
            .iter()
            .enumerate()
            .map(|(i, v)| string(v, &format!("cluster.failingImages[{i}]")))
            .collect::<Result<_, _>>()?;
    }
    if let Some(v) = map.get("seed") {
        spec.seed = v.as_u64().ok_or_else(|| {
            err(
                "cluster.seed",
                format!("expected a non-negative whole number, found {}", kind(v)),
            )
        })?;
    }
    Ok(spec)
}

const STEPS: &[&str] = &["kubectl", "apply", "sync", "advance", "settle", "expect"];

fn step(v: &Value, path: &str) -> Result<Step, LoadError> {
    let map = object(v, path)?;
    let mut keys = map.keys();
    let (Some(key), None) = (keys.next(), keys.next()) else {
        return Err(err(
            path,
            format!("a step has exactly one key (one of {})", STEPS.join(", ")),
        ));
    };
    let value = map.get(key).unwrap_or(&Value::Null);
    let inner = join(path, key);
    match key.as_str() {
        "kubectl" => Ok(Step::Kubectl(string(value, &inner)?)),
        "apply" => {
            object(value, &inner)?;
            Ok(Step::Apply(value.clone()))
        }
        "sync" => Ok(Step::Sync(int(value, &inner, 0, 100_000)? as u32)),
        "advance" => Ok(Step::Advance(seconds(value, &inner)?)),
        "settle" => match value {
            Value::Null => Ok(Step::Settle(3600.0)),
            v => Ok(Step::Settle(seconds(v, &inner)?)),
        },
        "expect" => Ok(Step::Expect(expect(value, &inner)?)),
        other => Err(err(path, format!("unknown step {other}", other = quoted(other)))),
    }
}

fn expect(v: &Value, path: &str) -> Result<Expect, LoadError> {
    let map = object(v, path)?;
    let mut e = Expect::default();
    for (key, value) in map {
        let p = join(path, key);
        match key.as_str() {
            "replicaSets" => e.replica_sets = Some(int_map(value, &p)?),
            "replicaSetsByRevision" => e.replica_sets_by_revision = Some(int_map(value, &p)?),
            "available" => e.available = Some(int(value, &p, 0, i32::MAX as i64)? as i32),
            "updatedReplicas" => {
                e.updated_replicas = Some(int(value, &p, 0, i32::MAX as i64)? as i32)
            }
            "readyReplicas" => e.ready_replicas = Some(int(value, &p, 0, i32::MAX as i64)? as i32),
            "unavailableReplicas" => {
                e.unavailable_replicas = Some(int(value, &p, 0, i32::MAX as i64)? as i32)
            }
            "terminatingReplicas" => {
                e.terminating_replicas = Some(int(value, &p, 0, i32::MAX as i64)? as i32)
            }
            "paused" => {
                e.paused =
                    Some(value.as_bool().ok_or_else(|| {
                        err(&p, format!("expected a boolean, found {}", kind(value)))
                    })?)
            }
            "revision" => {
                e.revision = Some(match value {
                    Value::Null => None,
                    v => Some(int(v, &p, 0, i64::MAX)?),
                })
            }
            "events" => {
                e.events = Some(
                    array(value, &p)?
                        .iter()
                        .enumerate()
                        .map(|(i, v)| string(v, &format!("{p}[{i}]")))
                        .collect::<Result<_, _>>()?,
                )
            }
            "condition" => e.condition = Some(nullable_string_map(value, &p)?),
            "conditionStatus" => e.condition_status = Some(nullable_string_map(value, &p)?),
            "output" => e.output = Some(string(value, &p)?),
            "exitCode" => e.exit_code = Some(int(value, &p, 0, 255)? as i32),
            other => return Err(err(path, format!("unknown key {other}", other = quoted(other)))),
        }
    }
    Ok(e)
}

fn int_map(v: &Value, path: &str) -> Result<BTreeMap<String, i32>, LoadError> {
    // Inserts, not `collect`: BTreeMap's FromIterator instantiates a whole stable sort.
    let mut map = BTreeMap::new();
    for (k, v) in object(v, path)? {
        map.insert(
            k.clone(),
            int(v, &format!("{path}[{k}]", k = quoted(k)), 0, i32::MAX as i64)? as i32,
        );
    }
    Ok(map)
}

fn nullable_string_map(
    v: &Value,
    path: &str,
) -> Result<BTreeMap<String, Option<String>>, LoadError> {
    let mut map = BTreeMap::new();
    for (k, v) in object(v, path)? {
        let value = match v {
            Value::Null => None,
            v => Some(string(v, &format!("{path}.{k}"))?),
        };
        map.insert(k.clone(), value);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        r#"{"deployment": {"apiVersion": "apps/v1", "kind": "Deployment"}, "steps": []}"#;

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
    fn a_minimal_scenario_loads_with_defaults() {
        let s = load(MINIMAL).unwrap();
        assert_eq!(s.cluster, ClusterSpec::default());
        assert!(s.steps.is_empty() && s.replica_sets.is_empty());
    }
}

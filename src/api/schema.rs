//! The API server's decoding of a Deployment sent by `kubectl apply` or
//! `create`: JSON types first (`json: cannot unmarshal string into Go
//! struct field DeploymentSpec.spec.replicas of type int32`), then strict
//! field validation, which kubectl asks for since 1.27 (`strict decoding
//! error: unknown field "spec.replica"`).
//!
//! The schema covers the objects a Deployment manifest is made of down to
//! containers and their ports; deeper objects (probes, resources, env,
//! volumes, affinity...) are passed through unchecked, as the simulator
//! does not use them.

use super::json::kind_of;
use crate::json::Value;
use crate::text::quoted;

/// A field's JSON type, as Go decodes it.
#[derive(Clone, Copy)]
enum Type {
    Int32,
    Int64,
    Bool,
    Str,
    IntOrString,
    /// map[string]string
    StringMap,
    StringList,
    Object(&'static Struct),
    List(&'static Struct),
    /// Anything (not checked here).
    Any,
}

/// A Go struct: its name and fields (JSON name, type).
struct Struct {
    name: &'static str,
    go_list: &'static str,
    fields: &'static [(&'static str, Type)],
}

use Type::*;

const DEPLOYMENT: Struct = Struct {
    name: "Deployment",
    go_list: "",
    fields: &[
        ("apiVersion", Str),
        ("kind", Str),
        ("metadata", Object(&OBJECT_META)),
        ("spec", Object(&DEPLOYMENT_SPEC)),
        ("status", Any),
    ],
};

const OBJECT_META: Struct = Struct {
    name: "ObjectMeta",
    go_list: "",
    fields: &[
        ("name", Str),
        ("generateName", Str),
        ("namespace", Str),
        ("selfLink", Str),
        ("uid", Str),
        ("resourceVersion", Str),
        ("generation", Int64),
        ("creationTimestamp", Any),
        ("deletionTimestamp", Any),
        ("deletionGracePeriodSeconds", Int64),
        ("labels", StringMap),
        ("annotations", StringMap),
        ("ownerReferences", Any),
        ("finalizers", StringList),
        ("managedFields", Any),
    ],
};

const DEPLOYMENT_SPEC: Struct = Struct {
    name: "DeploymentSpec",
    go_list: "",
    fields: &[
        ("replicas", Int32),
        ("selector", Object(&LABEL_SELECTOR)),
        ("template", Object(&POD_TEMPLATE_SPEC)),
        ("strategy", Object(&DEPLOYMENT_STRATEGY)),
        ("minReadySeconds", Int32),
        ("revisionHistoryLimit", Int32),
        ("paused", Bool),
        ("progressDeadlineSeconds", Int32),
    ],
};

const LABEL_SELECTOR: Struct = Struct {
    name: "LabelSelector",
    go_list: "",
    fields: &[("matchLabels", StringMap), ("matchExpressions", List(&SELECTOR_REQUIREMENT))],
};

const SELECTOR_REQUIREMENT: Struct = Struct {
    name: "LabelSelectorRequirement",
    go_list: "[]v1.LabelSelectorRequirement",
    fields: &[("key", Str), ("operator", Str), ("values", StringList)],
};

const DEPLOYMENT_STRATEGY: Struct = Struct {
    name: "DeploymentStrategy",
    go_list: "",
    fields: &[("type", Str), ("rollingUpdate", Object(&ROLLING_UPDATE))],
};

const ROLLING_UPDATE: Struct = Struct {
    name: "RollingUpdateDeployment",
    go_list: "",
    fields: &[("maxUnavailable", IntOrString), ("maxSurge", IntOrString)],
};

const POD_TEMPLATE_SPEC: Struct = Struct {
    name: "PodTemplateSpec",
    go_list: "",
    fields: &[("metadata", Object(&OBJECT_META)), ("spec", Object(&POD_SPEC))],
};

const POD_SPEC: Struct = Struct {
    name: "PodSpec",
    go_list: "",
    fields: &[
        ("volumes", Any),
        ("initContainers", List(&CONTAINER)),
        ("containers", List(&CONTAINER)),
        ("ephemeralContainers", Any),
        ("restartPolicy", Str),
        ("terminationGracePeriodSeconds", Int64),
        ("activeDeadlineSeconds", Int64),
        ("dnsPolicy", Str),
        ("nodeSelector", StringMap),
        ("serviceAccountName", Str),
        ("serviceAccount", Str),
        ("automountServiceAccountToken", Bool),
        ("nodeName", Str),
        ("hostNetwork", Bool),
        ("hostPID", Bool),
        ("hostIPC", Bool),
        ("shareProcessNamespace", Bool),
        ("securityContext", Any),
        ("imagePullSecrets", Any),
        ("hostname", Str),
        ("subdomain", Str),
        ("affinity", Any),
        ("schedulerName", Str),
        ("tolerations", Any),
        ("hostAliases", Any),
        ("priorityClassName", Str),
        ("priority", Int32),
        ("dnsConfig", Any),
        ("readinessGates", Any),
        ("runtimeClassName", Str),
        ("enableServiceLinks", Bool),
        ("preemptionPolicy", Str),
        ("overhead", Any),
        ("topologySpreadConstraints", Any),
        ("setHostnameAsFQDN", Bool),
        ("os", Any),
        ("hostUsers", Bool),
        ("schedulingGates", Any),
        ("resourceClaims", Any),
        ("resources", Any),
        ("hostnameOverride", Str),
    ],
};

const CONTAINER: Struct = Struct {
    name: "Container",
    go_list: "[]v1.Container",
    fields: &[
        ("name", Str),
        ("image", Str),
        ("command", StringList),
        ("args", StringList),
        ("workingDir", Str),
        ("ports", List(&CONTAINER_PORT)),
        ("envFrom", Any),
        ("env", Any),
        ("resources", Any),
        ("resizePolicy", Any),
        ("restartPolicy", Str),
        ("restartPolicyRules", Any),
        ("volumeMounts", Any),
        ("volumeDevices", Any),
        ("livenessProbe", Any),
        ("readinessProbe", Any),
        ("startupProbe", Any),
        ("lifecycle", Any),
        ("terminationMessagePath", Str),
        ("terminationMessagePolicy", Str),
        ("imagePullPolicy", Str),
        ("securityContext", Any),
        ("stdin", Bool),
        ("stdinOnce", Bool),
        ("tty", Bool),
    ],
};

const CONTAINER_PORT: Struct = Struct {
    name: "ContainerPort",
    go_list: "[]v1.ContainerPort",
    fields: &[
        ("name", Str),
        ("hostPort", Int32),
        ("containerPort", Int32),
        ("protocol", Str),
        ("hostIP", Str),
    ],
};

/// The API server's decoding error for this Deployment, without the
/// `Deployment in version "v1" cannot be handled as a Deployment: ` prefix.
pub fn decoding_error(manifest: &Value) -> Option<String> {
    let mut unknown = Vec::new();
    if let Err(type_error) = check(manifest, &DEPLOYMENT, "", &mut unknown) {
        return Some(type_error);
    }
    (!unknown.is_empty()).then(|| {
        let fields: Vec<String> = unknown.iter().map(|f| format!("unknown field {f}", f = quoted(f))).collect();
        format!("strict decoding error: {}", fields.join(", "))
    })
}

fn check(v: &Value, s: &Struct, path: &str, unknown: &mut Vec<String>) -> Result<(), String> {
    let Value::Object(map) = v else {
        if v.is_null() {
            return Ok(());
        }
        return Err(format!(
            "json: cannot unmarshal {} into Go value of type v1.{}",
            kind_of(v),
            s.name
        ));
    };
    for (key, value) in map {
        let field_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        let Some((_, ty)) = s.fields.iter().find(|(name, _)| name == key) else {
            unknown.push(field_path);
            continue;
        };
        if value.is_null() {
            continue; // null is the zero value for every Go type
        }
        // Go's JSON errors name the field by its path without list indices.
        let go_path = without_indices(&field_path);
        let mismatch = |go_type: &str| {
            Err(format!(
                "json: cannot unmarshal {} into Go struct field {}.{go_path} of type {go_type}",
                kind_of(value),
                s.name
            ))
        };
        match ty {
            Int32 | Int64 => {
                let go = if matches!(ty, Int32) { "int32" } else { "int64" };
                let Some(n) = value.as_f64() else { return mismatch(go) };
                let (lo, hi) = if matches!(ty, Int32) {
                    (i32::MIN as f64, i32::MAX as f64)
                } else {
                    (i64::MIN as f64, i64::MAX as f64)
                };
                if n.fract() != 0.0 || n < lo || n > hi {
                    return Err(format!(
                        "json: cannot unmarshal number {value} into Go struct field {}.{go_path} of type {go}",
                        s.name
                    ));
                }
            }
            Bool if !value.is_boolean() => return mismatch("bool"),
            Str if !value.is_string() => return mismatch("string"),
            IntOrString if !(value.is_string() || value.is_i64()) => {
                return Err(format!(
                    "json: cannot unmarshal {} into Go struct field {}.{go_path} of type intstr.IntOrString",
                    kind_of(value),
                    s.name
                ))
            }
            StringMap => match value {
                Value::Object(m) => {
                    if let Some((_, bad)) = m.iter().find(|(_, v)| !v.is_string() && !v.is_null()) {
                        return Err(format!(
                            "json: cannot unmarshal {} into Go struct field {}.{go_path} of type string",
                            kind_of(bad),
                            s.name
                        ));
                    }
                }
                _ => return mismatch("map[string]string"),
            },
            StringList => match value {
                Value::Array(items) => {
                    if let Some(bad) = items.iter().find(|v| !v.is_string() && !v.is_null()) {
                        return Err(format!(
                            "json: cannot unmarshal {} into Go struct field {}.{go_path} of type string",
                            kind_of(bad),
                            s.name
                        ));
                    }
                }
                _ => return mismatch("[]string"),
            },
            Object(inner) => {
                if !value.is_object() {
                    return mismatch(&format!("v1.{}", inner.name));
                }
                check(value, inner, &field_path, unknown)?;
            }
            List(inner) => {
                let Value::Array(items) = value else { return mismatch(inner.go_list) };
                for (i, item) in items.iter().enumerate() {
                    check(item, inner, &format!("{field_path}[{i}]"), unknown)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

//! Decoding API objects as the API server's Go decoder does: the derives'
//! fields and types, read by `crate::decode` with Go's rules and words.
//!
//! - `null`, a missing field, or a missing object is the zero value;
//! - a value of the wrong JSON type is `json: cannot unmarshal string into
//!   Go struct field DeploymentSpec.spec.replicas of type int32` (the
//!   innermost struct's name, the path of JSON keys without list indices,
//!   the field's Go type);
//! - fields the type does not have are collected with their full paths
//!   (`spec.template.spec.containers[0].imagePolicy`), for strict decoding
//!   (`strict decoding error: unknown field "…"`), which kubectl asks for.

use crate::decode::{self, Asked, DecodeError, Place, Wanted, Words};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::cell::RefCell;

/// A decoded object and the fields it had that its type does not.
#[derive(Debug)]
pub struct Decoded<T> {
    pub object: T,
    /// Full JSON paths, in key order.
    pub unknown_fields: Vec<String>,
}

/// Decodes `value` as the Go decoder would, collecting unknown fields.
pub fn decode<T: DeserializeOwned>(value: &Value) -> Result<Decoded<T>, String> {
    let words = GoWords::default();
    let object = decode::from_value(value, &words).map_err(|e| e.message)?;
    Ok(Decoded {
        object,
        unknown_fields: words.unknown.into_inner(),
    })
}

/// Strict decoding: as [`decode`], and unknown fields are an error worded
/// as the API server words it.
pub fn decode_strict<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    let decoded = decode(value)?;
    if decoded.unknown_fields.is_empty() {
        return Ok(decoded.object);
    }
    let fields: Vec<String> = decoded
        .unknown_fields
        .iter()
        .map(|f| format!("unknown field {}", crate::text::quoted(f)))
        .collect();
    Err(format!("strict decoding error: {}", fields.join(", ")))
}

/// Go's JSON name for a value's kind, in "cannot unmarshal X".
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// encoding/json's words; unknown fields are noted, not refused.
#[derive(Default)]
struct GoWords {
    unknown: RefCell<Vec<String>>,
}

impl GoWords {
    fn go_error(at: &Place, message: String) -> DecodeError {
        DecodeError {
            path: at.path.to_string(),
            message,
        }
    }
}

impl Words for GoWords {
    const NULL_IS_ZERO: bool = true;
    const WHOLE_FLOATS_ARE_INTEGERS: bool = true;

    fn mismatch(&self, at: &Place, wanted: &Wanted) -> DecodeError {
        let go_type = match wanted {
            Wanted::Bool => "bool".to_string(),
            Wanted::Int { go_type, .. } => go_type.to_string(),
            Wanted::Float => "float64".to_string(),
            Wanted::Str => "string".to_string(),
            Wanted::List(item) => format!("[]{item}"),
            Wanted::Map(value) => format!("map[string]{value}"),
            Wanted::Struct(name) | Wanted::Enum(name) => format!("v1.{name}"),
            // A type's own visitor expects its Go type (`intstr.IntOrString`).
            Wanted::Custom(expected) => expected.to_string(),
        };
        // A number of the right type but out of range is named with its value.
        let what = match (wanted, at.value) {
            (Wanted::Int { .. }, Value::Number(n)) => format!("number {n}"),
            _ => kind_of(at.value).to_string(),
        };
        let message = if at.owner.is_empty() {
            format!("json: cannot unmarshal {what} into Go value of type {go_type}")
        } else {
            format!(
                "json: cannot unmarshal {what} into Go struct field {}.{} of type {go_type}",
                at.owner,
                go_path(at.path)
            )
        };
        GoWords::go_error(at, message)
    }

    fn unknown_field(&self, at: &Place, key: &str) -> Result<(), DecodeError> {
        self.unknown.borrow_mut().push(decode::join(at.path, key));
        Ok(())
    }

    fn missing_field(&self, at: &Place, field: &str) -> DecodeError {
        // Every API field has a default; kept for completeness.
        GoWords::go_error(at, format!("missing field {}", crate::text::quoted(field)))
    }

    fn unknown_variant(&self, at: &Place, enum_name: &str, _variants: &[&str]) -> DecodeError {
        self.mismatch(at, &Wanted::Custom(enum_name))
    }

    fn custom(&self, at: &Place, message: String) -> DecodeError {
        GoWords::go_error(at, message)
    }

    fn type_name(&self, asked: &Asked) -> String {
        match asked {
            Asked::Primitive(name) => name.to_string(),
            Asked::Struct(name) => format!("v1.{name}"),
            Asked::Other => "interface {}".to_string(),
        }
    }
}

/// Go names a field by its JSON keys without list indices or map keys.
fn go_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Deployment;
    use serde_json::json;

    fn error_of(value: Value) -> String {
        decode::<Deployment>(&value).unwrap_err()
    }

    #[test]
    fn type_errors_name_the_innermost_struct_the_path_and_the_go_type() {
        assert_eq!(
            error_of(json!({"spec": {"template": {"spec": {"containers": "web"}}}})),
            "json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container"
        );
        assert_eq!(
            error_of(json!({"spec": {"template": {"spec": {"containers": [{"ports": [{"containerPort": 80.5}]}]}}}})),
            "json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32"
        );
        assert_eq!(
            error_of(json!({"metadata": {"labels": {"app": 1}}})),
            "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"
        );
        assert_eq!(
            error_of(json!({"metadata": {"labels": ["app"]}})),
            "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"
        );
        assert_eq!(
            error_of(json!({"spec": {"strategy": {"rollingUpdate": {"maxSurge": true}}}})),
            "json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type intstr.IntOrString"
        );
        assert_eq!(
            error_of(json!({"spec": {"selector": "app=web"}})),
            "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector"
        );
        assert_eq!(
            error_of(json!([1])),
            "json: cannot unmarshal array into Go value of type v1.Deployment"
        );
    }

    #[test]
    fn every_container_port_field_is_known() {
        let port = json!({"name": "http", "hostPort": 8080, "containerPort": 80, "protocol": "TCP", "hostIP": "10.0.0.1"});
        let d = decode_strict::<Deployment>(
            &json!({"spec": {"template": {"spec": {"containers": [{"ports": [port]}]}}}}),
        )
        .unwrap();
        assert_eq!(
            d.spec.template.spec.containers[0].ports[0]
                .host_ip
                .as_deref(),
            Some("10.0.0.1")
        );
    }

    #[test]
    fn null_is_the_zero_value_and_unknown_fields_are_collected_in_key_order() {
        let d = decode::<Deployment>(&json!({
            "spec": {"replicas": null, "paused": null, "template": {"spec": {"containers": [null, {"name": "web", "imagePolicy": 1}]}}},
            "zzz": 1, "aaa": {"b": 2}
        }))
        .unwrap();
        assert_eq!(d.object.spec.replicas, None);
        assert_eq!(d.object.spec.template.spec.containers.len(), 2);
        assert_eq!(
            d.unknown_fields,
            ["aaa", "spec.template.spec.containers[1].imagePolicy", "zzz"]
        );
        assert_eq!(
            decode_strict::<Deployment>(&json!({"spec": {"replica": 3}})).unwrap_err(),
            "strict decoding error: unknown field \"spec.replica\""
        );
    }
}

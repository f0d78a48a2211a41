//! Reading API objects out of their JSON form, as the API server's Go
//! decoder does: a missing or null field is the zero value, a field of the
//! wrong JSON type is an error naming it (`json: cannot unmarshal string
//! into Go struct field DeploymentSpec.spec.replicas of type int32`).
//!
//! Hand-written rather than serde's `Deserialize` derive: the derives and
//! their visitors were an eighth of the web bundle. Writing objects out is
//! `crate::json::ToJson`.

use super::Time;
use crate::json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use crate::text::quoted;

/// An API type read from JSON.
pub trait FromJson: Sized {
    /// The Go struct's name, for error messages.
    const GO_NAME: &'static str;
    fn read(fields: &Fields) -> Result<Self, String>;
}

/// Decodes a whole object (the JSON path starts empty).
pub fn decode<T: FromJson + Default>(value: &Value) -> Result<T, String> {
    Fields::of::<T>(value, String::new())
}

/// The fields of one JSON object being read, and where it is.
pub struct Fields<'a> {
    map: Option<&'a Map>,
    /// The JSON path of this object ("spec.template."), for errors.
    path: String,
    go_name: &'static str,
}

/// Go's JSON name for a value's kind, in "cannot unmarshal X".
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl<'a> Fields<'a> {
    /// Reads `T` from `value` at `path` (null or missing: `T::default()`).
    fn of<T: FromJson + Default>(value: &'a Value, path: String) -> Result<T, String> {
        match value {
            Value::Null => Ok(T::default()),
            Value::Object(map) => T::read(&Fields {
                map: Some(map),
                path,
                go_name: T::GO_NAME,
            }),
            other => Err(format!(
                "json: cannot unmarshal {} into Go value of type v1.{}",
                kind_of(other),
                T::GO_NAME
            )),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(key)).filter(|v| !v.is_null())
    }

    fn mismatch(&self, key: &str, value: &Value, go_type: &str) -> String {
        format!(
            "json: cannot unmarshal {} into Go struct field {}.{}{key} of type {go_type}",
            kind_of(value),
            self.go_name,
            self.path
        )
    }

    fn child_path(&self, key: &str) -> String {
        format!("{}{key}.", self.path)
    }

    pub fn opt_string(&self, key: &str) -> Result<Option<String>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.mismatch(key, other, "string")),
        }
    }

    pub fn string(&self, key: &str) -> Result<String, String> {
        Ok(self.opt_string(key)?.unwrap_or_default())
    }

    fn opt_int(&self, key: &str, go_type: &str, lo: i64, hi: i64) -> Result<Option<i64>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(v @ Value::Number(n)) => match n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18).map(|f| f as i64)) {
                Some(i) if (lo..=hi).contains(&i) => Ok(Some(i)),
                _ => Err(format!(
                    "json: cannot unmarshal number {v} into Go struct field {}.{}{key} of type {go_type}",
                    self.go_name, self.path
                )),
            },
            Some(other) => Err(self.mismatch(key, other, go_type)),
        }
    }

    pub fn opt_i32(&self, key: &str) -> Result<Option<i32>, String> {
        Ok(self.opt_int(key, "int32", i32::MIN as i64, i32::MAX as i64)?.map(|i| i as i32))
    }

    pub fn i32(&self, key: &str) -> Result<i32, String> {
        Ok(self.opt_i32(key)?.unwrap_or(0))
    }

    pub fn opt_i64(&self, key: &str) -> Result<Option<i64>, String> {
        self.opt_int(key, "int64", i64::MIN, i64::MAX)
    }

    pub fn i64(&self, key: &str) -> Result<i64, String> {
        Ok(self.opt_i64(key)?.unwrap_or(0))
    }

    pub fn bool(&self, key: &str) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.mismatch(key, other, "bool")),
        }
    }

    pub fn opt_time(&self, key: &str) -> Result<Option<Time>, String> {
        match self.opt_string(key)? {
            None => Ok(None),
            Some(text) => Time::parse_rfc3339(&text)
                .map(Some)
                .ok_or_else(|| format!("parsing time {text}: not RFC 3339", text = quoted(&text))),
        }
    }

    pub fn time(&self, key: &str) -> Result<Time, String> {
        Ok(self.opt_time(key)?.unwrap_or_default())
    }

    pub fn object<T: FromJson + Default>(&self, key: &str) -> Result<T, String> {
        match self.get(key) {
            None => Ok(T::default()),
            Some(v @ Value::Object(_)) => Fields::of(v, self.child_path(key)),
            Some(other) => Err(self.mismatch(key, other, &format!("v1.{}", T::GO_NAME))),
        }
    }

    pub fn opt_object<T: FromJson + Default>(&self, key: &str) -> Result<Option<T>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(_) => self.object(key).map(Some),
        }
    }

    pub fn list<T: FromJson + Default>(&self, key: &str) -> Result<Vec<T>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items.iter().map(|item| Fields::of(item, self.child_path(key))).collect(),
            Some(other) => Err(self.mismatch(key, other, &format!("[]v1.{}", T::GO_NAME))),
        }
    }

    pub fn strings(&self, key: &str) -> Result<Vec<String>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.clone()),
                    Value::Null => Ok(String::new()),
                    other => Err(self.mismatch(key, other, "string")),
                })
                .collect(),
            Some(other) => Err(self.mismatch(key, other, "[]string")),
        }
    }

    pub fn string_map(&self, key: &str) -> Result<BTreeMap<String, String>, String> {
        match self.get(key) {
            None => Ok(BTreeMap::new()),
            Some(Value::Object(m)) => m
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => Ok((k.clone(), s.clone())),
                    Value::Null => Ok((k.clone(), String::new())),
                    other => Err(self.mismatch(key, other, "string")),
                })
                .collect(),
            Some(other) => Err(self.mismatch(key, other, "map[string]string")),
        }
    }

    /// The fields this type does not model, kept as written (`other`).
    pub fn rest(&self, known: &[&str]) -> BTreeMap<String, Value> {
        self.map
            .into_iter()
            .flatten()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// A field read by its own rules (IntOrString).
    pub fn with<T>(&self, key: &str, read: impl FnOnce(&Value) -> Option<T>, go_type: &str) -> Result<Option<T>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => read(v).map(Some).ok_or_else(|| self.mismatch(key, v, go_type)),
        }
    }
}

impl<T: FromJson + Default + Clone> FromJson for Arc<T> {
    const GO_NAME: &'static str = T::GO_NAME;
    fn read(fields: &Fields) -> Result<Self, String> {
        T::read(fields).map(Arc::new)
    }
}

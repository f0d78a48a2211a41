//! Decoding API objects as the API server's Go decoder does, on top of
//! serde's derives: a `Deserializer` over a `serde_json::Value` that gives
//! Go's zero values and Go's words.
//!
//! - `null`, a missing field, or a missing object is the zero value;
//! - a value of the wrong JSON type is `json: cannot unmarshal string into
//!   Go struct field DeploymentSpec.spec.replicas of type int32` (the
//!   innermost struct's name, the path of JSON keys without list indices,
//!   the field's Go type);
//! - fields the type does not have are collected with their full paths
//!   (`spec.template.spec.containers[0].imagePolicy`), for strict decoding
//!   (`strict decoding error: unknown field "…"`), which kubectl asks for.
//!
//! The field lists and types are the derives' own: this module only
//! reports what serde finds, in Go's wording.

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;
use std::sync::LazyLock;

/// A decoded object and the fields it had that its type does not.
#[derive(Debug)]
pub struct Decoded<T> {
    pub object: T,
    /// Full JSON paths, in document (key) order.
    pub unknown_fields: Vec<String>,
}

/// Decodes `value` as the Go decoder would, collecting unknown fields.
pub fn decode<T: DeserializeOwned>(value: &Value) -> Result<Decoded<T>, String> {
    let unknown = RefCell::new(Vec::new());
    let object = T::deserialize(Go { value, path: "", owner: "", unknown: &unknown }).map_err(|e| match e {
        Error::Go(message) | Error::Custom(message) => message,
        // Only raised inside a type probe, which always catches it.
        Error::Expected(go_type) | Error::Probe(go_type) => format!("json: cannot unmarshal into Go value of type {go_type}"),
    })?;
    Ok(Decoded { object, unknown_fields: unknown.into_inner() })
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

#[derive(Debug)]
enum Error {
    /// A finished Go message.
    Go(String),
    /// A visitor's own message (a time that does not parse).
    Custom(String),
    /// A visitor refused the value's type: what it expects is its Go type
    /// (`intstr.IntOrString`); worded where the value's place is known.
    Expected(String),
    /// The answer of a type probe: the Go type of a list's or map's items.
    Probe(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Go(m) | Error::Custom(m) | Error::Expected(m) | Error::Probe(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Error::Custom(msg.to_string())
    }

    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::Expected(expected.to_string())
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::Expected(expected.to_string())
    }
}

/// One value being decoded, and where it is.
#[derive(Clone, Copy)]
struct Go<'a> {
    value: &'a Value,
    /// Full path with list indices (`spec.template.spec.containers[0].ports`).
    path: &'a str,
    /// The Go struct whose field this is ("" for the object itself).
    owner: &'static str,
    unknown: &'a RefCell<Vec<String>>,
}

impl<'a> Go<'a> {
    fn mismatch(&self, go_type: &str) -> Error {
        self.cannot_unmarshal(kind_of(self.value), go_type)
    }

    fn cannot_unmarshal(&self, what: &str, go_type: &str) -> Error {
        Error::Go(if self.owner.is_empty() {
            format!("json: cannot unmarshal {what} into Go value of type {go_type}")
        } else {
            // Go names the field by its path without list indices.
            let mut go_path = String::with_capacity(self.path.len());
            let mut in_index = false;
            for c in self.path.chars() {
                match c {
                    '[' => in_index = true,
                    ']' => in_index = false,
                    c if !in_index => go_path.push(c),
                    _ => {}
                }
            }
            format!("json: cannot unmarshal {what} into Go struct field {}.{go_path} of type {go_type}", self.owner)
        })
    }

    /// A visitor's refusal, worded for this place.
    fn place(&self, e: Error) -> Error {
        match e {
            Error::Expected(go_type) => self.mismatch(&go_type),
            other => other,
        }
    }

    /// A whole number in range, as Go decodes a number into an intN field
    /// (a YAML `3.0` arrives as a float and is taken as 3).
    fn integer(&self, go_type: &str, min: i64, max: i64) -> Result<i64, Error> {
        match self.value {
            Value::Null => Ok(0),
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18).map(|f| f as i64))
                .filter(|i| (min..=max).contains(i))
                .ok_or_else(|| self.cannot_unmarshal(&format!("number {n}"), go_type)),
            _ => Err(self.mismatch(go_type)),
        }
    }

    fn child(&self, value: &'a Value, path: &'a str, owner: &'static str) -> Go<'a> {
        Go { value, path, owner, unknown: self.unknown }
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $t:ty, $go:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let i = self.integer($go, <$t>::MIN as i64, <$t>::MAX as i64)?;
            v.$visit(i as $t).map_err(|e| self.place(e))
        }
    )*};
}

impl<'de, 'a> de::Deserializer<'de> for Go<'a> {
    type Error = Error;

    /// Values kept as written, and types with rules of their own (IntOrString).
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let visited = match self.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => v.visit_u64(u),
                (_, Some(i), _) => v.visit_i64(i),
                (_, _, f) => v.visit_f64(f.unwrap_or_default()),
            },
            Value::String(s) => v.visit_str(s),
            Value::Array(_) => return self.deserialize_seq(v),
            Value::Object(_) => return self.deserialize_map(v),
        };
        visited.map_err(|e| self.place(e))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_bool(false),
            Value::Bool(b) => v.visit_bool(*b),
            _ => Err(self.mismatch("bool")),
        }
    }

    integers! {
        deserialize_i8 visit_i8 i8, "int8";
        deserialize_i16 visit_i16 i16, "int16";
        deserialize_i32 visit_i32 i32, "int32";
        deserialize_i64 visit_i64 i64, "int64";
        deserialize_u8 visit_u8 u8, "uint8";
        deserialize_u16 visit_u16 u16, "uint16";
        deserialize_u32 visit_u32 u32, "uint32";
    }

    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let i = self.integer("uint64", 0, i64::MAX)?;
        v.visit_u64(i as u64).map_err(|e| self.place(e))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_f64(0.0),
            Value::Number(n) => v.visit_f64(n.as_f64().unwrap_or_default()),
            _ => Err(self.mismatch("float64")),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_str(""),
            Value::String(s) => v.visit_str(s).map_err(|e| self.place(e)),
            _ => Err(self.mismatch("string")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, v: V) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_seq(Items { go: self, items: [].iter(), index: 0 }),
            Value::Array(items) => v.visit_seq(Items { go: self, items: items.iter(), index: 0 }),
            _ => Err(self.mismatch(&format!("[]{}", probe(v, ProbeKind::Items)))),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_map(Fields::new(self, &EMPTY, None)),
            Value::Object(map) => v.visit_map(Fields::new(self, map, None)),
            _ => Err(self.mismatch(&format!("map[string]{}", probe(v, ProbeKind::MapValues)))),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => v.visit_map(Fields::new(self, &EMPTY, Some((name, fields)))),
            Value::Object(map) => v.visit_map(Fields::new(self, map, Some((name, fields)))),
            _ => Err(self.mismatch(&format!("v1.{name}"))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct enum identifier
    }
}

/// The fields of a `null` object.
static EMPTY: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

/// A list's items: each has the list's place, and its index in the full path.
struct Items<'a, I> {
    go: Go<'a>,
    items: I,
    index: usize,
}

impl<'de, 'a, I: Iterator<Item = &'a Value>> SeqAccess<'de> for Items<'a, I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let path = format!("{}[{}]", self.go.path, self.index);
        self.index += 1;
        seed.deserialize(self.go.child(item, &path, self.go.owner)).map(Some)
    }
}

/// An object's entries, read as a struct's fields (unknown ones set aside)
/// or as a map's entries.
struct Fields<'a> {
    go: Go<'a>,
    entries: serde_json::map::Iter<'a>,
    /// The struct being read and its fields; `None` for a map.
    structure: Option<(&'static str, &'static [&'static str])>,
    next: Option<(&'a String, &'a Value)>,
}

impl<'a> Fields<'a> {
    fn new(go: Go<'a>, map: &'a Map<String, Value>, structure: Option<(&'static str, &'static [&'static str])>) -> Self {
        Fields { go, entries: map.iter(), structure, next: None }
    }
}

impl<'de, 'a> MapAccess<'de> for Fields<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            if let Some((_, fields)) = self.structure {
                if !fields.contains(&key.as_str()) {
                    self.go.unknown.borrow_mut().push(join(self.go.path, key));
                    continue;
                }
            }
            self.next = Some((key, value));
            return seed.deserialize(key.as_str().into_deserializer()).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self.next.take().expect("next_value_seed after next_key_seed");
        match self.structure {
            Some((name, _)) => {
                let path = join(self.go.path, key);
                seed.deserialize(self.go.child(value, &path, name))
            }
            // A map's values are named by the map's field, as Go names them.
            None => seed.deserialize(self.go.child(value, self.go.path, self.go.owner)),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[derive(Clone, Copy)]
enum ProbeKind {
    Items,
    MapValues,
}

/// The Go type of a list's items or a map's values, for the error about a
/// list or map that is not one: the visitor is given one item to read from a
/// deserializer that only says what it was asked for.
fn probe<'de, V: Visitor<'de>>(v: V, kind: ProbeKind) -> String {
    let answer = match kind {
        ProbeKind::Items => v.visit_seq(Probe { done: false }).map(|_| ()),
        ProbeKind::MapValues => v.visit_map(Probe { done: false }).map(|_| ()),
    };
    match answer {
        Err(Error::Probe(go_type)) => go_type,
        _ => "interface {}".to_string(),
    }
}

struct Probe {
    done: bool,
}

impl<'de> SeqAccess<'de> for Probe {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        seed.deserialize(TypeName).map(Some)
    }
}

impl<'de> MapAccess<'de> for Probe {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.done {
            return Ok(None);
        }
        seed.deserialize("".into_deserializer()).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.done = true;
        seed.deserialize(TypeName)
    }
}

/// Answers every request with the Go type asked for.
struct TypeName;

macro_rules! answers {
    ($($method:ident => $go:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::Probe($go.to_string()))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for TypeName {
    type Error = Error;

    answers! {
        deserialize_any => "interface {}";
        deserialize_bool => "bool";
        deserialize_i8 => "int8";
        deserialize_i16 => "int16";
        deserialize_i32 => "int32";
        deserialize_i64 => "int64";
        deserialize_u8 => "uint8";
        deserialize_u16 => "uint16";
        deserialize_u32 => "uint32";
        deserialize_u64 => "uint64";
        deserialize_f32 => "float32";
        deserialize_f64 => "float64";
        deserialize_str => "string";
        deserialize_string => "string";
        deserialize_char => "string";
        deserialize_map => "map[string]interface {}";
        deserialize_seq => "[]interface {}";
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, v: V) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        _v: V,
    ) -> Result<V::Value, Error> {
        Err(Error::Probe(format!("v1.{name}")))
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct enum identifier ignored_any
    }
}

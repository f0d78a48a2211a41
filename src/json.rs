//! JSON values, text and the `ToJson` trait: the subset of `serde_json`
//! this crate used, written out because serde's generic machinery (the
//! derives, the value serializer, the parser's visitors and the `BTreeMap`
//! behind every object) was about a tenth of the web bundle.
//!
//! It behaves as `serde_json` did, so outputs stay byte-identical:
//! - a parsed object's keys come out sorted (serde_json's `Map` is a
//!   `BTreeMap`), and a duplicated key keeps its last value;
//! - `ToJson` writes a struct's fields in declaration order, as serde's
//!   derive did: the pod-template hash is computed over that compact text
//!   (`sim/hash.rs`), so field order and omissions are part of every
//!   ReplicaSet's name. [`to_value`] sorts, as `serde_json::to_value` did;
//! - error messages, escapes, number forms and pretty-printing are
//!   serde_json's (`expected `,` or `}` at line 1 column 9`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: an integer when it is one, else a finite float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(N);

#[derive(Clone, Copy, Debug, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    /// `None` for NaN and the infinities, which JSON cannot write.
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number(N::Float(f)))
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        })
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Number {
        Number(if i < 0 { N::NegInt(i) } else { N::PosInt(i as u64) })
    }
}

impl From<u64> for Number {
    fn from(u: u64) -> Number {
        Number(N::PosInt(u))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            N::PosInt(u) => write!(f, "{u}"),
            N::NegInt(i) => write!(f, "{i}"),
            N::Float(x) => f.write_str(&crate::float::format(x)),
        }
    }
}

/// A JSON object: keys with values. Parsed objects and [`to_value`] keep
/// keys sorted, and are searched by bisection (a hostile document may have
/// tens of thousands of keys); `ToJson` keeps a struct's declaration order.
#[derive(Clone, Debug)]
pub struct Map {
    entries: Vec<(String, Value)>,
    /// Whether `entries` are in key order (false only after an out-of-order `push`).
    sorted: bool,
}

impl Default for Map {
    fn default() -> Map {
        Map { entries: Vec::new(), sorted: true }
    }
}

/// The same keys with equal values, in whatever order (as BTreeMaps compare).
impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `Ok(index)` of the key, or `Err(index)` where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        if self.sorted {
            self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
        } else {
            self.entries.iter().position(|(k, _)| k == key).ok_or(self.entries.len())
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Replaces the value of an existing key in place; a new key goes in
    /// key order (at the end of a struct's declaration-ordered object).
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Appends a key known to be new: `ToJson`'s fields, in declaration order.
    fn push(&mut self, key: &str, value: Value) {
        if self.entries.last().is_some_and(|(last, _)| last.as_str() >= key) {
            self.sorted = false;
        }
        self.entries.push((key.to_string(), value));
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut Value) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn entry(&mut self, key: impl Into<String>) -> Entry<'_> {
        Entry { map: self, key: key.into() }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &Value)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Value)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// Entries in key order, the last of equal keys kept (a `BTreeMap`
    /// filled in this order).
    fn from_entries(mut entries: Vec<(String, Value)>) -> Map {
        entries.reverse();
        entries.sort_by(|a, b| a.0.cmp(&b.0)); // stable: the last written comes first
        entries.dedup_by(|later, first| later.0 == first.0);
        Map { entries, sorted: true }
    }
}

/// One key of a [`Map`], for `or_insert`.
pub struct Entry<'a> {
    map: &'a mut Map,
    key: String,
}

impl<'a> Entry<'a> {
    pub fn or_insert(self, value: Value) -> &'a mut Value {
        self.or_insert_with(|| value)
    }

    pub fn or_insert_with(self, make: impl FnOnce() -> Value) -> &'a mut Value {
        let i = match self.map.find(&self.key) {
            Ok(i) => i,
            Err(i) => {
                self.map.entries.insert(i, (self.key, make()));
                i
            }
        };
        &mut self.map.entries[i].1
    }
}

impl Extend<(String, Value)> for Map {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(items: I) -> Map {
        Map::from_entries(items.into_iter().collect())
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, Value)>, fn(&'a (String, Value)) -> (&'a String, &'a Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

// Finite floats only (`Number::from_f64`), so equality is total.
impl Eq for Number {}
impl Eq for Map {}
impl Eq for Value {}

static NULL: Value = Value::Null;

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    /// A number that fits an i64.
    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }

    /// An object's value for `key`; `None` when missing or not an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut().and_then(|m| m.get_mut(key))
    }

    /// Takes the value, leaving `null`.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }

    /// The value at a JSON Pointer (RFC 6901: `/spec/template/0`).
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |v, token| {
            let token = token.replace("~1", "/").replace("~0", "~");
            match v {
                Value::Object(m) => m.get(&token),
                Value::Array(a) => a.get(array_index(&token)?),
                _ => None,
            }
        })
    }

    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |v, token| {
            let token = token.replace("~1", "/").replace("~0", "~");
            match v {
                Value::Object(m) => m.get_mut(&token),
                Value::Array(a) => a.get_mut(array_index(&token)?),
                _ => None,
            }
        })
    }

    /// The same value with every object's keys sorted.
    pub fn sorted(self) -> Value {
        match self {
            Value::Object(map) => {
                Value::Object(Map::from_entries(map.entries.into_iter().map(|(k, v)| (k, v.sorted())).collect()))
            }
            Value::Array(items) => Value::Array(items.into_iter().map(Value::sorted).collect()),
            other => other,
        }
    }

    /// An object of these keys and values, in this order.
    pub fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
        let mut map = Map::new();
        for (k, v) in entries {
            map.push(k, v);
        }
        Value::Object(map)
    }
}

fn array_index(token: &str) -> Option<usize> {
    if token.len() > 1 && token.starts_with('0') || token.starts_with('+') {
        return None;
    }
    token.parse().ok()
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;
    /// `null` when the key is missing or this is not an object.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Number(i64::from(i).into())
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Number(i.into())
    }
}
impl From<u64> for Value {
    fn from(u: u64) -> Value {
        Value::Number(u.into())
    }
}
impl From<f64> for Value {
    /// `null` for NaN and the infinities, as serde_json.
    fn from(f: f64) -> Value {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}
impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::Object(map)
    }
}

impl fmt::Display for Value {
    /// Compact JSON text; `{:#}` is pretty, indented by two spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, if f.alternate() { Some((b"  ", 0)) } else { None });
        f.write_str(&out)
    }
}

// ---------------------------------------------------------------- writing

/// A type that has a JSON form (serde's `Serialize`, for what this crate writes).
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// The value with object keys sorted, as `serde_json::to_value` gave.
pub fn to_value<T: ToJson + ?Sized>(v: &T) -> Value {
    v.to_json().sorted()
}

/// Compact text, fields in declaration order.
pub fn to_string<T: ToJson + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    write_value(&mut out, &v.to_json(), None);
    out
}

/// Indented by two spaces, fields in declaration order.
pub fn to_string_pretty<T: ToJson + ?Sized>(v: &T) -> String {
    to_string_indented(v, b"  ")
}

/// Pretty text with this indent (kubectl's `-o json` uses four spaces).
pub fn to_string_indented<T: ToJson + ?Sized>(v: &T, indent: &'static [u8]) -> String {
    let mut out = String::new();
    write_value(&mut out, &v.to_json(), Some((indent, 0)));
    out
}

fn write_value(out: &mut String, v: &Value, pretty: Option<(&[u8], usize)>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => write_container(out, '[', ']', items.iter().map(|v| (None, v)), items.is_empty(), pretty),
        Value::Object(map) => write_container(out, '{', '}', map.iter().map(|(k, v)| (Some(k), v)), map.is_empty(), pretty),
    }
}

fn write_container<'a>(
    out: &mut String,
    open: char,
    close: char,
    items: impl Iterator<Item = (Option<&'a String>, &'a Value)>,
    empty: bool,
    pretty: Option<(&[u8], usize)>,
) {
    out.push(open);
    let newline = |out: &mut String, depth: usize| {
        if let Some((indent, _)) = pretty {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(std::str::from_utf8(indent).unwrap_or("  "));
            }
        }
    };
    let depth = pretty.map_or(0, |(_, d)| d);
    for (i, (key, value)) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, depth + 1);
        if let Some(key) = key {
            write_string(out, key);
            out.push_str(if pretty.is_some() { ": " } else { ":" });
        }
        write_value(out, value, pretty.map(|(indent, d)| (indent, d + 1)));
    }
    if !empty {
        newline(out, depth);
    }
    out.push(close);
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}
impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}
impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}
impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}
impl ToJson for i32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
impl ToJson for i64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
impl ToJson for u32 {
    fn to_json(&self) -> Value {
        Value::from(u64::from(*self))
    }
}
impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
impl ToJson for usize {
    fn to_json(&self) -> Value {
        Value::from(*self as u64)
    }
}
impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_json)
    }
}
impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(T::to_json).collect())
    }
}
impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}
impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Value {
        // Already in key order.
        Value::Object(Map { entries: self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect(), sorted: true })
    }
}
impl<T: ToJson + ?Sized> ToJson for Arc<T> {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}
impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

/// Builds a struct's JSON object field by field, in declaration order
/// (what serde's derive wrote, with its `skip_serializing_if`s as `_if`).
#[derive(Default)]
pub struct Obj(Map);

impl Obj {
    pub fn new() -> Obj {
        Obj::default()
    }

    pub fn field<T: ToJson + ?Sized>(mut self, key: &str, value: &T) -> Obj {
        self.0.push(key, value.to_json());
        self
    }

    /// The field unless it is `None`.
    pub fn opt<T: ToJson>(self, key: &str, value: &Option<T>) -> Obj {
        match value {
            Some(v) => self.field(key, v),
            None => self,
        }
    }

    /// The field only when `keep`.
    pub fn field_if<T: ToJson + ?Sized>(self, keep: bool, key: &str, value: &T) -> Obj {
        if keep {
            self.field(key, value)
        } else {
            self
        }
    }

    /// Entries of a map flattened into this object (serde's `flatten`).
    pub fn flatten(mut self, entries: &BTreeMap<String, Value>) -> Obj {
        for (k, v) in entries {
            self.0.push(k, v.clone());
        }
        self
    }

    pub fn build(self) -> Value {
        Value::Object(self.0)
    }
}

/// A JSON value written as JSON, as serde_json's `json!`: object keys are
/// string literals (sorted, as in a parsed object), a value is `null`, a
/// nested `{...}`, or any expression whose type is `ToJson`.
macro_rules! json {
    (null) => {
        $crate::json::Value::Null
    };
    ({ $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = $crate::json::Map::new();
        $crate::json::json_entries!(map; $($body)*);
        $crate::json::Value::Object(map)
    }};
    ($value:expr) => {
        $crate::json::ToJson::to_json(&$value)
    };
}

/// The `"key": value` pairs of a `json!` object, one at a time.
macro_rules! json_entries {
    ($map:ident;) => {};
    ($map:ident; $key:literal : null $(, $($rest:tt)*)?) => {
        $map.insert($key.to_string(), $crate::json::Value::Null);
        $crate::json::json_entries!($map; $($($rest)*)?);
    };
    ($map:ident; $key:literal : { $($value:tt)* } $(, $($rest:tt)*)?) => {
        $map.insert($key.to_string(), $crate::json::json!({ $($value)* }));
        $crate::json::json_entries!($map; $($($rest)*)?);
    };
    ($map:ident; $key:literal : $value:expr $(, $($rest:tt)*)?) => {
        $map.insert($key.to_string(), $crate::json::ToJson::to_json(&$value));
        $crate::json::json_entries!($map; $($($rest)*)?);
    };
}

pub(crate) use {json, json_entries};

// ---------------------------------------------------------------- parsing

/// serde_json's limit, which keeps a hostile document off the stack.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(self.message)
        } else {
            write!(f, "{} at line {} column {}", self.message, self.line, self.column)
        }
    }
}

impl std::error::Error for Error {}

pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut p = Parser { text: text.as_bytes(), at: 0, depth: 0 };
    let value = p.value()?;
    p.skip_whitespace();
    if p.at < p.text.len() {
        return Err(p.error_here("trailing characters"));
    }
    Ok(value)
}

pub fn from_slice(bytes: &[u8]) -> Result<Value, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str(text),
        Err(e) => {
            let p = Parser { text: bytes, at: e.valid_up_to(), depth: 0 };
            Err(p.error_here("invalid unicode code point"))
        }
    }
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// An error at byte `at`, counted as serde_json counts: the column of
    /// the last byte read, so a bad byte that was only peeked at counts too.
    fn error_at(&self, message: &'static str, at: usize) -> Error {
        let at = at.min(self.text.len());
        let before = &self.text[..at];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        Error { message, line, column }
    }

    /// An error at the byte about to be read (it counts as read).
    fn error_here(&self, message: &'static str) -> Error {
        self.error_at(message, self.at + 1)
    }

    fn eof(&self, what: &'static str) -> Error {
        self.error_at(what, self.text.len())
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_whitespace();
        let Some(b) = self.peek() else {
            return Err(self.eof("EOF while parsing a value"));
        };
        match b {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.error_here("recursion limit exceeded"));
                }
                self.at += 1;
                let v = if b == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                v
            }
            _ => Err(self.error_here("expected value")),
        }
    }

    fn ident(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        for &expected in word {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a list")),
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map::new()));
        }
        loop {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b'"') => self.at += 1,
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            entries.push((key, self.value()?));
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map::from_entries(entries)));
                }
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str, and the stops are ASCII: a whole UTF-8 run.
            out.push_str(std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error_here("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.peek() else {
            return Err(self.eof("EOF while parsing a string"));
        };
        self.at += 1;
        out.push(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                        return Err(self.error_at("lone leading surrogate in hex escape", self.at));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error_at("lone leading surrogate in hex escape", self.at));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(self.error_at("invalid unicode code point", self.at)),
                }
            }
            _ => return Err(self.error_at("invalid escape", self.at)),
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.eof("EOF while parsing a string"));
            };
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error_here("invalid escape")),
            };
            self.at += 1;
            code = code * 16 + u32::from(digit);
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Number, Error> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.eof("EOF while parsing a value")),
            Some(_) => return Err(self.error_here("invalid number")),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            if self.digits() == 0 {
                return Err(match self.peek() {
                    None => self.eof("EOF while parsing a value"),
                    Some(_) => self.error_here("invalid number"),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(match self.peek() {
                    None => self.eof("EOF while parsing a value"),
                    Some(_) => self.error_here("invalid number"),
                });
            }
        }
        let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        if !float {
            // Integers too large for 64 bits become floats, as in serde_json.
            if negative {
                if let Ok(i) = text.parse::<i64>() {
                    return Ok(i.into());
                }
            } else if let Ok(u) = text.parse::<u64>() {
                return Ok(u.into());
            }
        }
        match crate::float::parse(text) {
            Some(f) => Ok(Number(N::Float(f))),
            None => Err(self.error_at("number out of range", self.at)),
        }
    }
}

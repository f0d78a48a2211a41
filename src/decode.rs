//! Reading serde-derived types out of a `serde_json::Value` with errors
//! that say where, in the words of whoever is reading: the API server's Go
//! decoder (`api::decode`) or the scenario runner (`scenario::load`).
//!
//! `Reader` is a `Deserializer` over a value that knows its place (the
//! JSON path and the struct it belongs to). The derives ask it for what
//! they want (an `i32`, a struct with these fields, an enum); when the value
//! is not that, it asks its [`Words`] how to say so. Nothing here knows a
//! type's fields: the derives do.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::LazyLock;

/// Reads `T` from `value` with these words: the value, or what the words
/// made of the first problem.
pub fn from_value<T: DeserializeOwned, W: Words>(
    value: &Value,
    words: &W,
) -> Result<T, DecodeError> {
    T::deserialize(Reader {
        value,
        path: "",
        owner: "",
        words,
    })
    .map_err(|e| match e {
        Error::Decode(e) => e,
        // A refusal or a probe's answer is worded where it is raised; at the top it has no place left.
        Error::Expected(m) | Error::Missing(m) => DecodeError {
            path: String::new(),
            message: m,
        },
        Error::Probe(_) => DecodeError {
            path: String::new(),
            message: "a type probe escaped".into(),
        },
    })
}

/// What went wrong, and where (a JSON path, "" for the whole value).
#[derive(Clone, Debug, PartialEq)]
pub struct DecodeError {
    pub path: String,
    pub message: String,
}

/// Where a value is being read.
pub struct Place<'a> {
    pub value: &'a Value,
    /// The JSON path, with list indices and map keys: `steps[3].expect.replicaSets["web"]`.
    pub path: &'a str,
    /// The struct whose field this is ("" for the value itself).
    pub owner: &'static str,
}

/// What a derive asked for.
pub enum Wanted<'a> {
    Bool,
    /// An integer of a Go type (`int32`) in this range.
    Int {
        go_type: &'static str,
        min: i64,
        max: i64,
    },
    Float,
    Str,
    /// A list; its items' type, as [`Words::type_name`] names it.
    List(&'a str),
    /// A map with string keys; its values' type.
    Map(&'a str),
    Struct(&'static str),
    Enum(&'static str),
    /// A type with a visitor of its own, by what the visitor expects.
    Custom(&'a str),
}

/// How a reader says what it found.
pub trait Words {
    /// Whether `null` reads as the zero value of any type (Go), or only as
    /// an absent `Option`.
    const NULL_IS_ZERO: bool;

    /// Whether a float with no fraction reads as an integer (Go, after
    /// sigs.k8s.io/yaml turned a YAML `3.0` into JSON), or is refused.
    const WHOLE_FLOATS_ARE_INTEGERS: bool;

    /// The value at `at` is not what was wanted.
    fn mismatch(&self, at: &Place, wanted: &Wanted) -> DecodeError;

    /// A key the struct at `at` does not have: skip it (`Ok`) or refuse.
    fn unknown_field(&self, at: &Place, key: &str) -> Result<(), DecodeError>;

    /// A field the struct at `at` must have.
    fn missing_field(&self, at: &Place, field: &str) -> DecodeError;

    /// An enum's value is not an object with one of its variants as its only key.
    fn unknown_variant(&self, at: &Place, enum_name: &str, variants: &[&str]) -> DecodeError;

    /// A message of a type's own (a time that does not parse).
    fn custom(&self, at: &Place, message: String) -> DecodeError;

    /// A type's name for a list's items or a map's values: Go's, for
    /// `[]v1.Container` (`Wanted::List`).
    fn type_name(&self, asked: &Asked) -> String;
}

/// What a type asked the probe for (see [`Words::type_name`]).
#[derive(Debug)]
pub enum Asked {
    Primitive(&'static str),
    Struct(&'static str),
    Other,
}

#[derive(Debug)]
enum Error {
    Decode(DecodeError),
    /// A visitor refused the value's type; what it expects. Worded at its place.
    Expected(String),
    /// A derive's missing field. Worded at its struct's place.
    Missing(String),
    /// A probe's answer: what a list's items or a map's values are.
    Probe(Asked),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Decode(e) => f.write_str(&e.message),
            Error::Expected(m) | Error::Missing(m) => f.write_str(m),
            Error::Probe(_) => f.write_str("a type probe"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Error::Decode(DecodeError {
            path: String::new(),
            message: msg.to_string(),
        })
    }

    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::Expected(expected.to_string())
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::Expected(expected.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        Error::Missing(field.to_string())
    }
}

/// One value being read, and where it is.
struct Reader<'a, W> {
    value: &'a Value,
    path: &'a str,
    owner: &'static str,
    words: &'a W,
}

impl<W> Clone for Reader<'_, W> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<W> Copy for Reader<'_, W> {}

impl<'a, W: Words> Reader<'a, W> {
    fn place(&self) -> Place<'a> {
        Place {
            value: self.value,
            path: self.path,
            owner: self.owner,
        }
    }

    fn mismatch(&self, wanted: Wanted) -> Error {
        Error::Decode(self.words.mismatch(&self.place(), &wanted))
    }

    /// A visitor's refusal or message, worded for this place.
    fn placed(&self, e: Error) -> Error {
        match e {
            Error::Expected(expected) => self.mismatch(Wanted::Custom(&expected)),
            Error::Missing(field) => Error::Decode(self.words.missing_field(&self.place(), &field)),
            Error::Decode(e) if e.path.is_empty() && !self.path.is_empty() => {
                Error::Decode(self.words.custom(&self.place(), e.message))
            }
            other => other,
        }
    }

    fn child(&self, value: &'a Value, path: &'a str, owner: &'static str) -> Reader<'a, W> {
        Reader {
            value,
            path,
            owner,
            words: self.words,
        }
    }

    /// `null` where a value is wanted: its zero, or a mismatch.
    fn null_is_zero(&self, wanted: Wanted) -> Result<(), Error> {
        if W::NULL_IS_ZERO {
            Ok(())
        } else {
            Err(self.mismatch(wanted))
        }
    }

    /// A whole number in range (and, where the words say so, a float with
    /// no fraction).
    fn integer(&self, go_type: &'static str, min: i64, max: i64) -> Result<i64, Error> {
        let wanted = Wanted::Int { go_type, min, max };
        match self.value {
            Value::Null => self.null_is_zero(wanted).map(|()| 0),
            Value::Number(n) => n
                .as_i64()
                .or_else(|| {
                    n.as_f64()
                        .filter(|f| {
                            W::WHOLE_FLOATS_ARE_INTEGERS && f.fract() == 0.0 && f.abs() < 9.0e18
                        })
                        .map(|f| f as i64)
                })
                .filter(|i| (min..=max).contains(i))
                .ok_or_else(|| self.mismatch(wanted)),
            _ => Err(self.mismatch(wanted)),
        }
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $t:ty, $go:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let i = self.integer($go, <$t>::MIN as i64, <$t>::MAX as i64)?;
            v.$visit(i as $t).map_err(|e| self.placed(e))
        }
    )*};
}

impl<'de, 'a, W: Words> de::Deserializer<'de> for Reader<'a, W> {
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
        visited.map_err(|e| self.placed(e))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => self
                .null_is_zero(Wanted::Bool)
                .and_then(|()| v.visit_bool(false)),
            Value::Bool(b) => v.visit_bool(*b),
            _ => Err(self.mismatch(Wanted::Bool)),
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
        let u = match self.value.as_u64() {
            Some(u) => u,
            None => self.integer("uint64", 0, i64::MAX)? as u64,
        };
        v.visit_u64(u).map_err(|e| self.placed(e))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => self
                .null_is_zero(Wanted::Float)
                .and_then(|()| v.visit_f64(0.0)),
            Value::Number(n) => v.visit_f64(n.as_f64().unwrap_or_default()),
            _ => Err(self.mismatch(Wanted::Float)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => self
                .null_is_zero(Wanted::Str)
                .and_then(|()| v.visit_str("")),
            Value::String(s) => v.visit_str(s).map_err(|e| self.placed(e)),
            _ => Err(self.mismatch(Wanted::Str)),
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

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let items: &[Value] = match self.value {
            Value::Array(items) => items,
            Value::Null if W::NULL_IS_ZERO => &[],
            _ => {
                let item = self.words.type_name(&probe(v, ProbeKind::Items));
                return Err(self.mismatch(Wanted::List(&item)));
            }
        };
        v.visit_seq(Items {
            reader: self,
            items: items.iter(),
            index: 0,
        })
        .map_err(|e| self.placed(e))
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let map = match self.value {
            Value::Object(map) => map,
            Value::Null if W::NULL_IS_ZERO => &EMPTY,
            _ => {
                let value = self.words.type_name(&probe(v, ProbeKind::MapValues));
                return Err(self.mismatch(Wanted::Map(&value)));
            }
        };
        v.visit_map(Entries::new(self, map, None))
            .map_err(|e| self.placed(e))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let map = match self.value {
            Value::Object(map) => map,
            Value::Null if W::NULL_IS_ZERO => &EMPTY,
            _ => return Err(self.mismatch(Wanted::Struct(name))),
        };
        v.visit_map(Entries::new(self, map, Some((name, fields))))
            .map_err(|e| self.placed(e))
    }

    /// An externally tagged enum: an object whose one key names the variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let Value::Object(map) = self.value else {
            return Err(self.mismatch(Wanted::Enum(name)));
        };
        let mut entries = map.iter();
        match (entries.next(), entries.next()) {
            (Some((key, value)), None) if variants.contains(&key.as_str()) => {
                let path = join(self.path, key);
                v.visit_enum(Variant {
                    reader: self,
                    key,
                    value,
                    path: &path,
                })
                .map_err(|e| self.placed(e))
            }
            _ => Err(Error::Decode(self.words.unknown_variant(
                &self.place(),
                name,
                variants,
            ))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

/// The fields of a `null` object, where null is the zero value.
static EMPTY: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

/// A list's items: each has the list's owner, and its index in the path.
struct Items<'a, W, I> {
    reader: Reader<'a, W>,
    items: I,
    index: usize,
}

impl<'de, 'a, W: Words, I: Iterator<Item = &'a Value>> SeqAccess<'de> for Items<'a, W, I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let path = format!("{}[{}]", self.reader.path, self.index);
        self.index += 1;
        seed.deserialize(self.reader.child(item, &path, self.reader.owner))
            .map(Some)
    }
}

/// An object's entries, read as a struct's fields (unknown ones go to the
/// words) or as a map's entries (`path["key"]`).
struct Entries<'a, W> {
    reader: Reader<'a, W>,
    entries: serde_json::map::Iter<'a>,
    /// The struct being read and its fields; `None` for a map.
    structure: Option<(&'static str, &'static [&'static str])>,
    next: Option<(&'a String, &'a Value)>,
}

impl<'a, W: Words> Entries<'a, W> {
    fn new(
        reader: Reader<'a, W>,
        map: &'a Map<String, Value>,
        structure: Option<(&'static str, &'static [&'static str])>,
    ) -> Self {
        Entries {
            reader,
            entries: map.iter(),
            structure,
            next: None,
        }
    }
}

impl<'de, 'a, W: Words> MapAccess<'de> for Entries<'a, W> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            if let Some((_, fields)) = self.structure {
                if !fields.contains(&key.as_str()) {
                    self.reader
                        .words
                        .unknown_field(&self.reader.place(), key)
                        .map_err(Error::Decode)?;
                    continue;
                }
            }
            self.next = Some((key, value));
            return seed.deserialize(key.as_str().into_deserializer()).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.next.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        match self.structure {
            Some((name, _)) => {
                let path = join(self.reader.path, key);
                seed.deserialize(self.reader.child(value, &path, name))
            }
            None => {
                let path = format!("{}[{}]", self.reader.path, crate::text::quoted(key));
                seed.deserialize(self.reader.child(value, &path, self.reader.owner))
            }
        }
    }
}

/// An enum's variant: its key and the value under it.
struct Variant<'a, W> {
    reader: Reader<'a, W>,
    key: &'a str,
    value: &'a Value,
    path: &'a str,
}

impl<'de, 'a, W: Words> EnumAccess<'de> for Variant<'a, W> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let key = seed.deserialize(self.key.into_deserializer())?;
        Ok((key, self))
    }
}

impl<'de, 'a, W: Words> VariantAccess<'de> for Variant<'a, W> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.reader.child(self.value, self.path, self.reader.owner))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(
            self.reader.child(self.value, self.path, self.reader.owner),
            v,
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(
            self.reader.child(self.value, self.path, self.reader.owner),
            "",
            fields,
            v,
        )
    }
}

pub(crate) fn join(path: &str, key: &str) -> String {
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

/// What a list's items or a map's values are, for the error about a list
/// or map that is not one: the visitor is given one item to read from a
/// deserializer that only notes what it was asked for.
fn probe<'de, V: Visitor<'de>>(v: V, kind: ProbeKind) -> Asked {
    let answer = match kind {
        ProbeKind::Items => v.visit_seq(Probe { done: false }).map(drop),
        ProbeKind::MapValues => v.visit_map(Probe { done: false }).map(drop),
    };
    match answer {
        Err(Error::Probe(asked)) => asked,
        _ => Asked::Other,
    }
}

struct Probe {
    done: bool,
}

impl<'de> SeqAccess<'de> for Probe {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        seed.deserialize(TypeName).map(Some)
    }
}

impl<'de> MapAccess<'de> for Probe {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
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

/// Answers every request with what was asked for.
struct TypeName;

macro_rules! answers {
    ($($method:ident => $asked:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::Probe($asked))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for TypeName {
    type Error = Error;

    answers! {
        deserialize_any => Asked::Other;
        deserialize_bool => Asked::Primitive("bool");
        deserialize_i8 => Asked::Primitive("int8");
        deserialize_i16 => Asked::Primitive("int16");
        deserialize_i32 => Asked::Primitive("int32");
        deserialize_i64 => Asked::Primitive("int64");
        deserialize_u8 => Asked::Primitive("uint8");
        deserialize_u16 => Asked::Primitive("uint16");
        deserialize_u32 => Asked::Primitive("uint32");
        deserialize_u64 => Asked::Primitive("uint64");
        deserialize_f32 => Asked::Primitive("float32");
        deserialize_f64 => Asked::Primitive("float64");
        deserialize_str => Asked::Primitive("string");
        deserialize_string => Asked::Primitive("string");
        deserialize_char => Asked::Primitive("string");
        deserialize_map => Asked::Other;
        deserialize_seq => Asked::Other;
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        _v: V,
    ) -> Result<V::Value, Error> {
        Err(Error::Probe(Asked::Struct(name)))
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct enum identifier ignored_any
    }
}

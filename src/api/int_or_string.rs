//! `IntOrString` (apimachinery `intstr`): `maxSurge: 3` or `maxSurge: "25%"`.

use crate::text::quoted;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntOrString {
    Int(i32),
    Str(String),
}

impl IntOrString {
    /// A JSON number that is an int32, or a string (what Go's IntOrString takes).
    pub fn percent(p: i32) -> IntOrString {
        IntOrString::Str(format!("{p}%"))
    }

    /// Port of `GetScaledValueFromIntOrPercent`: an int is itself; `"N%"` is
    /// N% of `total`, rounded up or down. Anything else is an error (the
    /// API server's validation keeps such values out).
    pub fn scaled_value(&self, total: i32, round_up: bool) -> Result<i32, String> {
        match self {
            IntOrString::Int(v) => Ok(*v),
            IntOrString::Str(s) => {
                let Some(digits) = s.strip_suffix('%') else {
                    return Err("invalid type: string is not a percentage".to_string());
                };
                let v: i64 = digits.parse().map_err(|_| {
                    format!(
                        "invalid value {s}: strconv.Atoi: parsing {digits}: invalid syntax",
                        digits = quoted(digits),
                        s = quoted(s)
                    )
                })?;
                let product =
                    (v as i128 * total as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
                let scaled = if round_up {
                    product.div_euclid(100) + i64::from(product.rem_euclid(100) != 0)
                } else {
                    product.div_euclid(100)
                };
                Ok(scaled.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
            }
        }
    }
}

/// A bare number or a string, as Go's IntOrString marshals.
impl Serialize for IntOrString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            IntOrString::Int(v) => s.serialize_i32(*v),
            IntOrString::Str(v) => s.serialize_str(v),
        }
    }
}

/// A number that fits int32, or a string; anything else is refused with the
/// Go type's name (`api::decode` words it as the API server does).
impl<'de> Deserialize<'de> for IntOrString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IntOrString, D::Error> {
        struct IntOrStringVisitor;
        impl Visitor<'_> for IntOrStringVisitor {
            type Value = IntOrString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("intstr.IntOrString")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<IntOrString, E> {
                i32::try_from(v)
                    .map(IntOrString::Int)
                    .map_err(|_| E::invalid_type(de::Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<IntOrString, E> {
                i32::try_from(v)
                    .map(IntOrString::Int)
                    .map_err(|_| E::invalid_type(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IntOrString, E> {
                Ok(IntOrString::Str(v.to_string()))
            }
        }
        d.deserialize_any(IntOrStringVisitor)
    }
}

impl fmt::Display for IntOrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntOrString::Int(v) => write!(f, "{v}"),
            IntOrString::Str(s) => f.write_str(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IntOrString::{self, *};

    #[test]
    fn percent_rounds_up_for_surge_and_down_for_unavailable() {
        let p = |s: &str| Str(s.to_string());
        // R5.5: 25% of 3 -> 1 / 0; of 4 -> 1 / 1; of 10 -> 3 / 2; 39% of 10 -> 4 / 3.
        for (v, total, up, down) in [
            ("25%", 3, 1, 0),
            ("25%", 4, 1, 1),
            ("25%", 10, 3, 2),
            ("39%", 10, 4, 3),
            ("0%", 10, 0, 0),
            ("100%", 7, 7, 7),
        ] {
            assert_eq!(p(v).scaled_value(total, true), Ok(up), "{v} of {total} up");
            assert_eq!(
                p(v).scaled_value(total, false),
                Ok(down),
                "{v} of {total} down"
            );
        }
        assert_eq!(Int(5).scaled_value(3, true), Ok(5));
        assert!(p("5").scaled_value(3, true).is_err());
        assert!(p("x%").scaled_value(3, true).is_err());
    }

    #[test]
    fn reads_both_forms_and_nothing_else() {
        let read = |text: &str| serde_json::from_str::<IntOrString>(text).ok();
        let v: Vec<Option<IntOrString>> = ["3", r#""25%""#, "3.5", "true", "4294967296"]
            .into_iter()
            .map(read)
            .collect();
        assert_eq!(
            v,
            vec![
                Some(Int(3)),
                Some(IntOrString::percent(25)),
                None,
                None,
                None
            ]
        );
        let v = vec![Int(3), IntOrString::percent(25)];
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"[3,"25%"]"#);
    }
}

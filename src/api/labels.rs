//! Label selectors (`metav1.LabelSelector`) and their matching rules.

use super::json::{Fields, FromJson};
use crate::json::{Obj, ToJson, Value};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSelector {
    pub match_labels: BTreeMap<String, String>,
    pub match_expressions: Vec<LabelSelectorRequirement>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSelectorRequirement {
    pub key: String,
    pub operator: String,
    pub values: Vec<String>,
}

impl FromJson for LabelSelector {
    const GO_NAME: &'static str = "LabelSelector";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(LabelSelector {
            match_labels: f.string_map("matchLabels")?,
            match_expressions: f.list("matchExpressions")?,
        })
    }
}

impl FromJson for LabelSelectorRequirement {
    const GO_NAME: &'static str = "LabelSelectorRequirement";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(LabelSelectorRequirement {
            key: f.string("key")?,
            operator: f.string("operator")?,
            values: f.strings("values")?,
        })
    }
}

impl LabelSelector {
    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }

    /// Whether a label set satisfies every requirement of the selector.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.match_labels
            .iter()
            .all(|(k, v)| labels.get(k) == Some(v))
            && self.match_expressions.iter().all(|r| {
                let value = labels.get(&r.key);
                match r.operator.as_str() {
                    "In" => value.is_some_and(|v| r.values.contains(v)),
                    "NotIn" => !value.is_some_and(|v| r.values.contains(v)),
                    "Exists" => value.is_some(),
                    "DoesNotExist" => value.is_none(),
                    _ => false,
                }
            })
    }
}

/// `app=web,pod-template-hash=abc` as `kubectl describe` and `-o wide` print selectors.
impl fmt::Display for LabelSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self
            .match_labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        for r in &self.match_expressions {
            parts.push(match r.operator.as_str() {
                "In" => format!("{} in ({})", r.key, r.values.join(",")),
                "NotIn" => format!("{} notin ({})", r.key, r.values.join(",")),
                "Exists" => r.key.clone(),
                "DoesNotExist" => format!("!{}", r.key),
                op => format!("{} {op} ({})", r.key, r.values.join(",")),
            });
        }
        parts.sort();
        f.write_str(&parts.join(","))
    }
}

impl ToJson for LabelSelector {
    fn to_json(&self) -> Value {
        Obj::new()
            .field_if(!self.match_labels.is_empty(), "matchLabels", &self.match_labels)
            .field_if(!self.match_expressions.is_empty(), "matchExpressions", &self.match_expressions)
            .build()
    }
}

impl ToJson for LabelSelectorRequirement {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("key", &self.key)
            .field("operator", &self.operator)
            .field_if(!self.values.is_empty(), "values", &self.values)
            .build()
    }
}

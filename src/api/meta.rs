//! ObjectMeta and OwnerReference: the metadata every object carries.

use super::json::{Fields, FromJson};
use super::Time;
use serde::Serialize;
use std::collections::BTreeMap;

fn is_zero(v: &i64) -> bool {
    *v == 0
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resource_version: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub generation: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owner_references: Vec<OwnerReference>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub uid: String,
    #[serde(default)]
    pub controller: bool,
    #[serde(default)]
    pub block_owner_deletion: bool,
}

impl FromJson for ObjectMeta {
    const GO_NAME: &'static str = "ObjectMeta";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(ObjectMeta {
            name: f.string("name")?,
            namespace: f.string("namespace")?,
            uid: f.string("uid")?,
            resource_version: f.string("resourceVersion")?,
            generation: f.i64("generation")?,
            creation_timestamp: f.opt_time("creationTimestamp")?,
            deletion_timestamp: f.opt_time("deletionTimestamp")?,
            labels: f.string_map("labels")?,
            annotations: f.string_map("annotations")?,
            owner_references: f.list("ownerReferences")?,
        })
    }
}

impl FromJson for OwnerReference {
    const GO_NAME: &'static str = "OwnerReference";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(OwnerReference {
            api_version: f.string("apiVersion")?,
            kind: f.string("kind")?,
            name: f.string("name")?,
            uid: f.string("uid")?,
            controller: f.bool("controller")?,
            block_owner_deletion: f.bool("blockOwnerDeletion")?,
        })
    }
}

impl ObjectMeta {
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations.get(key).map(String::as_str)
    }
}

//! ObjectMeta and OwnerReference: the metadata every object carries.

use super::json::{Fields, FromJson};
use super::Time;
use crate::json::{Obj, ToJson, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectMeta {
    pub name: String,
    pub namespace: String,
    pub uid: String,
    pub resource_version: String,
    pub generation: i64,
    pub creation_timestamp: Option<Time>,
    pub deletion_timestamp: Option<Time>,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    /// Shared: set when a ReplicaSet is created and copied with it on every
    /// scale (clone on write would copy it; nothing writes it after creation).
    pub owner_references: Arc<[OwnerReference]>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnerReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub uid: String,
    pub controller: bool,
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
            owner_references: f.list("ownerReferences")?.into(),
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

impl ToJson for ObjectMeta {
    fn to_json(&self) -> Value {
        Obj::new()
            .field_if(!self.name.is_empty(), "name", &self.name)
            .field_if(!self.namespace.is_empty(), "namespace", &self.namespace)
            .field_if(!self.uid.is_empty(), "uid", &self.uid)
            .field_if(!self.resource_version.is_empty(), "resourceVersion", &self.resource_version)
            .field_if(self.generation != 0, "generation", &self.generation)
            .opt("creationTimestamp", &self.creation_timestamp)
            .opt("deletionTimestamp", &self.deletion_timestamp)
            .field_if(!self.labels.is_empty(), "labels", &self.labels)
            .field_if(!self.annotations.is_empty(), "annotations", &self.annotations)
            .field_if(!self.owner_references.is_empty(), "ownerReferences", &self.owner_references)
            .build()
    }
}

impl ToJson for OwnerReference {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("apiVersion", &self.api_version)
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("uid", &self.uid)
            .field("controller", &self.controller)
            .field("blockOwnerDeletion", &self.block_owner_deletion)
            .build()
    }
}

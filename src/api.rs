//! The Kubernetes object model the simulator speaks: the apps/v1 Deployment
//! and ReplicaSet and the core/v1 Pod fields the controllers use, with the
//! API server's defaulting and validation. serde writes and reads Kubernetes'
//! JSON; `decode` reads it with the API server's Go decoder's rules and words.

pub mod decode;
pub mod defaults;
pub mod deployment;
pub mod int_or_string;
pub mod labels;
pub mod meta;
pub mod pod;
pub mod quantity;
pub mod replica_set;
pub mod time;
pub mod validation;

pub use deployment::*;
pub use int_or_string::IntOrString;
pub use labels::LabelSelector;
pub use meta::{ObjectMeta, OwnerReference};
pub use pod::*;
pub use replica_set::*;
pub use time::Time;

// serde_json fails only on map keys that are not strings and on a failing
// `Serialize` impl; the crate's types have neither, so these cannot fail.
const WRITES: &str = "the crate's types have string keys and infallible Serialize impls";

/// An object as a JSON value (maps sorted by key, as `serde_json` keeps them).
pub fn to_value<T: serde::Serialize + ?Sized>(object: &T) -> serde_json::Value {
    serde_json::to_value(object).expect(WRITES)
}

/// An object as compact JSON text, fields in declaration order.
pub fn to_json<T: serde::Serialize + ?Sized>(object: &T) -> String {
    serde_json::to_string(object).expect(WRITES)
}

/// As [`to_json`], indented by two spaces.
pub fn to_json_pretty<T: serde::Serialize + ?Sized>(object: &T) -> String {
    serde_json::to_string_pretty(object).expect(WRITES)
}

/// `skip_serializing_if` for Go's `omitempty` on numbers and bools.
pub(crate) fn is_zero<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Well-known annotation and label keys (`pkg/controller/deployment/util/deployment_util.go`).
pub mod keys {
    pub const REVISION: &str = "deployment.kubernetes.io/revision";
    pub const REVISION_HISTORY: &str = "deployment.kubernetes.io/revision-history";
    pub const DESIRED_REPLICAS: &str = "deployment.kubernetes.io/desired-replicas";
    pub const MAX_REPLICAS: &str = "deployment.kubernetes.io/max-replicas";
    pub const ROLLBACK_TO: &str = "deprecated.deployment.rollback.to";
    pub const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";
    pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
    pub const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";
    pub const POD_TEMPLATE_HASH: &str = "pod-template-hash";

    /// Annotations the controller never copies from a Deployment to its
    /// ReplicaSets, and that `kubectl rollout undo` keeps on the Deployment
    /// (`skipCopyAnnotation`, kubectl `annotationsToSkip`).
    pub fn skip_copy_annotation(key: &str) -> bool {
        matches!(
            key,
            LAST_APPLIED
                | REVISION
                | REVISION_HISTORY
                | DESIRED_REPLICAS
                | MAX_REPLICAS
                | ROLLBACK_TO
        )
    }
}

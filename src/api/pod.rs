//! core/v1 pod template and pod fields: what a template carries (for the
//! hash, equality, `rollout history --revision`) and a pod's observable state.

use super::{ObjectMeta, Time};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PodTemplateSpec {
    pub metadata: ObjectMeta,
    pub spec: PodSpec,
}

/// The fields the simulator reads come first; after them, every other
/// PodSpec field in key order, kept as written (typed where Go's type is a
/// plain one) so that templates compare, hash and print faithfully.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PodSpec {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub init_containers: Vec<Container>,
    pub containers: Vec<Container>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_grace_period_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduler_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affinity: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automount_service_account_token: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_config: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_service_links: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ephemeral_containers: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_aliases: Option<Value>,
    #[serde(rename = "hostIPC", skip_serializing_if = "Option::is_none")]
    pub host_ipc: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_network: Option<bool>,
    #[serde(rename = "hostPID", skip_serializing_if = "Option::is_none")]
    pub host_pid: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_users: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname_override: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_pull_secrets: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_selector: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overhead: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preemption_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority_class_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness_gates: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_claims: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runtime_class_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_gates: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_context: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    #[serde(rename = "setHostnameAsFQDN", skip_serializing_if = "Option::is_none")]
    pub set_hostname_as_fqdn: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_process_namespace: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subdomain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerations: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topology_spread_constraints: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Value>,
}

/// As PodSpec: the simulator's fields, then the others in key order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Container {
    pub name: String,
    pub image: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<ContainerPort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_pull_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_message_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_message_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env_from: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resize_policy: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy_rules: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_context: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup_probe: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdin: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdin_once: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tty: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_devices: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_mounts: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_dir: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContainerPort {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub container_port: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(rename = "hostIP", skip_serializing_if = "Option::is_none")]
    pub host_ip: Option<String>,
}

/// What the kubelet reports about a pod, as `kubectl get pods` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PodState {
    /// Scheduled, image being pulled and container created (phase Pending).
    ContainerCreating,
    /// Container started, readiness not yet reported (phase Running).
    RunningNotReady,
    /// Ready, but not yet for minReadySeconds.
    Ready,
    /// Ready for longer than minReadySeconds: counts as available.
    Available,
    /// The image cannot be pulled (phase Pending): first ErrImagePull...
    ErrImagePull,
    /// ...then the kubelet backs off.
    ImagePullBackOff,
    /// Deleted; the grace period is running (not counted in status.replicas).
    Terminating,
    /// The container exited with code 1 (phase Running: it will be restarted).
    Error,
    /// The kubelet waits out its back-off before restarting the container.
    CrashLoopBackOff,
    /// No node has room for it (phase Pending, PodScheduled False).
    Pending,
}

impl PodState {
    /// The STATUS column of `kubectl get pods`.
    pub fn status_column(self) -> &'static str {
        match self {
            PodState::ContainerCreating => "ContainerCreating",
            PodState::RunningNotReady | PodState::Ready | PodState::Available => "Running",
            PodState::ErrImagePull => "ErrImagePull",
            PodState::ImagePullBackOff => "ImagePullBackOff",
            PodState::Terminating => "Terminating",
            PodState::Error => "Error",
            PodState::CrashLoopBackOff => "CrashLoopBackOff",
            PodState::Pending => "Pending",
        }
    }

    /// The pod phase (core/v1 PodPhase).
    pub fn phase(self) -> &'static str {
        match self {
            PodState::ContainerCreating
            | PodState::ErrImagePull
            | PodState::ImagePullBackOff
            | PodState::Pending => "Pending",
            _ => "Running",
        }
    }

    /// A short label for people: the UI's chip text.
    pub fn label(self) -> &'static str {
        match self {
            PodState::ContainerCreating => "ContainerCreating",
            PodState::RunningNotReady => "Running (not ready)",
            PodState::Ready => "Ready",
            PodState::Available => "Available",
            PodState::ErrImagePull => "ErrImagePull",
            PodState::ImagePullBackOff => "ImagePullBackOff",
            PodState::Terminating => "Terminating",
            PodState::Error => "Error",
            PodState::CrashLoopBackOff => "CrashLoopBackOff",
            PodState::Pending => "Pending",
        }
    }

    pub fn is_ready(self) -> bool {
        matches!(self, PodState::Ready | PodState::Available)
    }
}

/// A pod as a snapshot shows it (the simulator keeps a compact form).
#[derive(Clone, Debug, PartialEq)]
pub struct PodView {
    pub name: String,
    pub owner: String,
    pub image: String,
    pub created: Time,
    pub state: PodState,
    pub ready_since: Option<Time>,
    pub deleted_at: Option<Time>,
    /// restartCount of its container.
    pub restarts: u32,
    /// When the container's last terminated state started and finished (`RESTARTS 3 (12s ago)`).
    pub last_termination: Option<Time>,
    pub last_termination_started: Time,
    /// The node it is bound to (`None`: Pending, unschedulable).
    pub node: Option<String>,
    /// metadata.uid, as Kubernetes writes uids.
    pub uid: String,
    /// When it was bound to its node, and when its running container started.
    pub scheduled_at: Time,
    pub started_at: Time,
    /// When its container exited, while it waits to be restarted.
    pub exited_at: Option<Time>,
}

impl PodTemplateSpec {
    /// The image of the first container (the one a scenario's ReplicaSet list varies).
    pub fn first_image(&self) -> &str {
        self.spec
            .containers
            .first()
            .map(|c| c.image.as_str())
            .unwrap_or("")
    }

    /// Each container's `resources.requests` of cpu (millicores) and memory
    /// (bytes); `None` where a container requests none (or an amount that is
    /// not a quantity: the API server's decoder would refuse it, which the
    /// simulator does not model).
    pub fn container_requests(&self) -> Vec<(Option<i64>, Option<i64>)> {
        self.container_resources("requests")
    }

    /// As [`Self::container_requests`], for `resources.limits`.
    pub fn container_limits(&self) -> Vec<(Option<i64>, Option<i64>)> {
        self.container_resources("limits")
    }

    fn container_resources(&self, kind: &str) -> Vec<(Option<i64>, Option<i64>)> {
        let request =
            |c: &Container, name: &str, read: fn(super::quantity::Quantity) -> Option<i64>| {
                let value = c.resources.as_ref()?.get(kind)?.get(name)?;
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => return None,
                };
                super::quantity::Quantity::parse(&text).and_then(read)
            };
        self.spec
            .containers
            .iter()
            .map(|c| {
                (
                    request(c, "cpu", super::quantity::Quantity::milli_value),
                    request(c, "memory", super::quantity::Quantity::value),
                )
            })
            .collect()
    }

    /// Images of all containers, comma-separated, as `-o wide` prints them.
    pub fn images(&self) -> String {
        self.spec
            .containers
            .iter()
            .map(|c| c.image.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn container_names(&self) -> String {
        self.spec
            .containers
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A container's cpu and memory requests (`container_requests`) as the API
/// server stores them: a request not given defaults to its limit
/// (`container_limits`; SetDefaults_Pod).
pub fn defaulted_requests(
    requests: (Option<i64>, Option<i64>),
    limits: (Option<i64>, Option<i64>),
) -> (Option<i64>, Option<i64>) {
    (requests.0.or(limits.0), requests.1.or(limits.1))
}

//! core/v1 pod template and pod fields: what a template carries (for the
//! hash, equality, `rollout history --revision`) and a pod's observable state.

use super::json::{Fields, FromJson};
use super::{ObjectMeta, Time};
use crate::json::{Obj, ToJson, Value};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodTemplateSpec {
    pub metadata: ObjectMeta,
    pub spec: PodSpec,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodSpec {
    pub init_containers: Vec<Container>,
    pub containers: Vec<Container>,
    pub restart_policy: Option<String>,
    pub termination_grace_period_seconds: Option<i64>,
    pub active_deadline_seconds: Option<i64>,
    pub dns_policy: Option<String>,
    pub scheduler_name: Option<String>,
    /// Every other PodSpec field, kept as written so templates compare and hash faithfully.
    pub other: BTreeMap<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Container {
    pub name: String,
    pub image: String,
    pub ports: Vec<ContainerPort>,
    pub image_pull_policy: Option<String>,
    pub termination_message_path: Option<String>,
    pub termination_message_policy: Option<String>,
    pub other: BTreeMap<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerPort {
    pub name: Option<String>,
    pub container_port: i32,
    pub host_port: Option<i32>,
    pub protocol: Option<String>,
}

impl FromJson for PodTemplateSpec {
    const GO_NAME: &'static str = "PodTemplateSpec";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(PodTemplateSpec {
            metadata: f.object("metadata")?,
            spec: f.object("spec")?,
        })
    }
}

impl FromJson for PodSpec {
    const GO_NAME: &'static str = "PodSpec";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(PodSpec {
            init_containers: f.list("initContainers")?,
            containers: f.list("containers")?,
            restart_policy: f.opt_string("restartPolicy")?,
            termination_grace_period_seconds: f.opt_i64("terminationGracePeriodSeconds")?,
            active_deadline_seconds: f.opt_i64("activeDeadlineSeconds")?,
            dns_policy: f.opt_string("dnsPolicy")?,
            scheduler_name: f.opt_string("schedulerName")?,
            other: f.rest(&[
                "initContainers",
                "containers",
                "restartPolicy",
                "terminationGracePeriodSeconds",
                "activeDeadlineSeconds",
                "dnsPolicy",
                "schedulerName",
            ]),
        })
    }
}

impl FromJson for Container {
    const GO_NAME: &'static str = "Container";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(Container {
            name: f.string("name")?,
            image: f.string("image")?,
            ports: f.list("ports")?,
            image_pull_policy: f.opt_string("imagePullPolicy")?,
            termination_message_path: f.opt_string("terminationMessagePath")?,
            termination_message_policy: f.opt_string("terminationMessagePolicy")?,
            other: f.rest(&[
                "name",
                "image",
                "ports",
                "imagePullPolicy",
                "terminationMessagePath",
                "terminationMessagePolicy",
            ]),
        })
    }
}

impl FromJson for ContainerPort {
    const GO_NAME: &'static str = "ContainerPort";
    fn read(f: &Fields) -> Result<Self, String> {
        Ok(ContainerPort {
            name: f.opt_string("name")?,
            container_port: f.i32("containerPort")?,
            host_port: f.opt_i32("hostPort")?,
            protocol: f.opt_string("protocol")?,
        })
    }
}

/// What the kubelet reports about a pod, as `kubectl get pods` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
        }
    }

    /// The pod phase (core/v1 PodPhase).
    pub fn phase(self) -> &'static str {
        match self {
            PodState::ContainerCreating | PodState::ErrImagePull | PodState::ImagePullBackOff => {
                "Pending"
            }
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

impl ToJson for PodTemplateSpec {
    fn to_json(&self) -> Value {
        Obj::new().field("metadata", &self.metadata).field("spec", &self.spec).build()
    }
}

impl ToJson for PodSpec {
    fn to_json(&self) -> Value {
        Obj::new()
            .field_if(!self.init_containers.is_empty(), "initContainers", &self.init_containers)
            .field("containers", &self.containers)
            .opt("restartPolicy", &self.restart_policy)
            .opt("terminationGracePeriodSeconds", &self.termination_grace_period_seconds)
            .opt("activeDeadlineSeconds", &self.active_deadline_seconds)
            .opt("dnsPolicy", &self.dns_policy)
            .opt("schedulerName", &self.scheduler_name)
            .flatten(&self.other)
            .build()
    }
}

impl ToJson for Container {
    fn to_json(&self) -> Value {
        Obj::new()
            .field("name", &self.name)
            .field("image", &self.image)
            .field_if(!self.ports.is_empty(), "ports", &self.ports)
            .opt("imagePullPolicy", &self.image_pull_policy)
            .opt("terminationMessagePath", &self.termination_message_path)
            .opt("terminationMessagePolicy", &self.termination_message_policy)
            .flatten(&self.other)
            .build()
    }
}

impl ToJson for ContainerPort {
    fn to_json(&self) -> Value {
        Obj::new()
            .opt("name", &self.name)
            .field("containerPort", &self.container_port)
            .opt("hostPort", &self.host_port)
            .opt("protocol", &self.protocol)
            .build()
    }
}

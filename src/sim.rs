//! The simulated cluster: an object store (Deployments, ReplicaSets, pods),
//! a simulated clock, one seeded RNG, and the controllers that reconcile it.
//!
//! Time model (spec/scenario-format.md "Time and ordering"): at each instant,
//! (1) apply the pod transitions due now, (2) the ReplicaSet controller syncs
//! every live ReplicaSet oldest first, (3) the Deployment controller syncs
//! every Deployment once; repeat until nothing changes, then jump to the next
//! due time. Nothing here reads a wall clock or iterates a HashMap.

pub mod controller_utils;
pub mod deployment;
pub mod events;
pub mod hash;
pub mod kubelet;
pub mod pods;
pub mod queue;
pub mod quota;
pub mod replica_set;
pub mod rng;
pub mod scheduler;
pub mod why;

use crate::api::{
    defaults::set_defaults_deployment, validation::validate_deployment, validation::InvalidError,
    Deployment, PodState, PodView, ReplicaSet, Time,
};
use crate::text::quoted;
use pods::PodStore;
use queue::DueQueue;
use rng::Rng;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// How pods behave in this cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterConfig {
    /// A pod is Ready exactly this long after creation.
    pub pod_start: i64,
    /// A deleted pod is Terminating this long, then gone.
    pub pod_stop: i64,
    /// Pods of these images never become Ready (ErrImagePull, ImagePullBackOff).
    /// Sorted, without duplicates.
    pub failing_images: Vec<String>,
    /// How the containers of an image behave where that is not the default
    /// (scenario `cluster.images`), by image.
    pub images: BTreeMap<String, ImageBehaviour>,
    /// The nodes (scenario `cluster.nodes`); none: one node, `node-1`, with no limits.
    pub nodes: Vec<scheduler::Node>,
    /// The namespace's ResourceQuota (scenario `cluster.quota`).
    pub quota: Option<quota::Quota>,
    pub seed: u64,
}

/// How a real app of one image behaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageBehaviour {
    /// Replaces `pod_start` for this image's pods (ms).
    pub start: Option<i64>,
    /// `false`: the container runs but its readiness probe never passes (Running, 0/1).
    pub ready: bool,
    /// The container exits with code 1 this long after each start (ms); the
    /// kubelet restarts it with its back-off.
    pub crash_after: Option<i64>,
}

impl Default for ImageBehaviour {
    fn default() -> Self {
        ImageBehaviour {
            start: None,
            ready: true,
            crash_after: None,
        }
    }
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            pod_start: 2000,
            pod_stop: 1000,
            failing_images: Vec::new(),
            images: BTreeMap::new(),
            nodes: Vec::new(),
            quota: None,
            seed: 1,
        }
    }
}

/// An event recorded on an object, as `kubectl describe` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub time: Time,
    pub type_: &'static str,
    pub reason: &'static str,
    /// `deployment/web`, `pod/web-5d8c9d7f4b-x2k8p`.
    pub object: String,
    /// The component that recorded it: `deployment-controller`, `default-scheduler`.
    pub source: &'static str,
    /// Its place among all events, the pods' routine ones too (`events::PodEvent`).
    pub seq: u64,
    /// The pod's uid, for an event about a pod (a pod gone is not found by name).
    pub object_uid: Option<String>,
    pub message: String,
    /// The controller's computation behind the event (`crate::i18n` words it).
    pub why: why::Why,
}

/// A container that exited with code 1, with the numbers behind what follows.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerExit {
    pub time: Time,
    pub pod: String,
    /// How long it ran (ms).
    pub ran: i64,
    /// restartCount when it exited.
    pub restarts: u32,
    /// How long until the kubelet restarts it (ms).
    pub restart_in: i64,
    /// The owning ReplicaSet's minReadySeconds.
    pub min_ready_seconds: i32,
}

/// A ReplicaSet whose pod creates failed: how many syncs in a row failed,
/// when the work queue's rate limiter lets it try again, and its generation
/// then (a spec change is synced at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CreateRetry {
    pub failures: u32,
    pub at: Time,
    pub generation: i64,
}

/// When the cluster's nodes and quota were created: a day before the scenario's clock starts.
pub const CLUSTER_CREATED: Time = Time(-86_400_000);

/// An error from the simulated API server.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    NotFound {
        resource: &'static str,
        name: String,
    },
    AlreadyExists {
        resource: &'static str,
        name: String,
    },
    Invalid(InvalidError),
    /// Refused by admission (here: the simulator's size limit).
    Forbidden {
        resource: &'static str,
        name: String,
        reason: String,
    },
    /// A controller-side failure (the sync is abandoned and retried).
    Controller(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound { resource, name } => write!(
                f,
                "Error from server (NotFound): {resource} {name} not found",
                name = quoted(name)
            ),
            ApiError::AlreadyExists { resource, name } => {
                write!(
                    f,
                    "Error from server (AlreadyExists): {resource} {name} already exists",
                    name = quoted(name)
                )
            }
            ApiError::Invalid(e) => write!(f, "{e}"),
            ApiError::Forbidden {
                resource,
                name,
                reason,
            } => write!(
                f,
                "Error from server (Forbidden): {resource} {name} is forbidden: {reason}",
                name = quoted(name)
            ),
            ApiError::Controller(m) => f.write_str(m),
        }
    }
}

/// The simulation ran away (a controller never settled within an instant).
#[derive(Clone, Debug, PartialEq)]
pub struct SimError {
    pub at: Time,
    pub message: String,
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "at {}s: {}",
            crate::text::seconds(self.at.0, 3),
            self.message
        )
    }
}

/// Counters for benchmarks and the UI's "why" panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub instants: u64,
    pub deployment_syncs: u64,
    pub replica_set_syncs: u64,
    pub pods_created: u64,
    pub pods_deleted: u64,
}

impl Stats {
    /// Pods created and deleted: the work a replay of the same actions does.
    pub fn pod_changes(&self) -> u64 {
        self.pods_created + self.pods_deleted
    }
}

/// The longest pod start time (one year), the scenario format's limit.
pub const MAX_POD_START_MS: i64 = 31_536_000_000;

/// Most replicas one Deployment or ReplicaSet may ask for: the simulated
/// cluster's capacity (admission refuses more, like a ResourceQuota would).
pub const MAX_REPLICAS: i32 = 100_000;

fn check_capacity(resource: &'static str, name: &str, replicas: i32) -> Result<(), ApiError> {
    if replicas > MAX_REPLICAS {
        return Err(ApiError::Forbidden {
            resource,
            name: name.to_string(),
            reason: format!("exceeded quota: this simulated cluster runs at most {MAX_REPLICAS} replicas per object, requested {replicas}"),
        });
    }
    Ok(())
}

/// A ReplicaSet's pods, counted (`Cluster::pod_counts_of`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PodCounts {
    /// Not terminating: status.replicas.
    pub active: i32,
    /// Active and Ready: status.readyReplicas.
    pub ready: i32,
    /// Ready for minReadySeconds: status.availableReplicas.
    pub available: i32,
    pub terminating: i32,
}

/// One unit of controller work within an instant.
#[derive(Clone, Debug)]
enum Unit {
    /// Step (1) of the loop: every pod transition due now.
    Transitions,
    /// Step (2): one ReplicaSet controller sync.
    ReplicaSet(Arc<ReplicaSet>),
    /// Step (3): one Deployment controller sync.
    Deployment(Arc<str>),
}

/// Where the instant loop is within the current instant.
#[derive(Clone, Debug, Default)]
struct Round {
    /// Units of the current round still to run, the next one last (popped from the end).
    pending: Vec<Unit>,
    /// Whether a unit of this round changed anything.
    changed: bool,
    /// Rounds run at this instant (a runaway guard).
    rounds: usize,
    /// The instant opened only for containers starting: the kubelet records
    /// their start and no controller runs (none watches for it).
    kubelet_only: bool,
}

/// What a unit of work was (the UI's Step reports it).
#[derive(Clone, Debug, PartialEq)]
pub enum UnitKind {
    PodTransitions,
    ReplicaSetSync(String),
    DeploymentSync(String),
}

/// One unit of work that ran: when, what, whether it changed anything,
/// and the range of `Cluster::events` it recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitReport {
    pub at: Time,
    pub what: UnitKind,
    pub changed: bool,
    pub events: std::ops::Range<usize>,
    /// Pods this unit created and deleted (a ReplicaSet sync's work).
    pub pods_created: u64,
    pub pods_deleted: u64,
}

/// Controller iterations allowed within one instant before the run is declared runaway.
const MAX_ITERATIONS_PER_INSTANT: usize = 100_000;

/// The whole simulated cluster (one namespace, `default`).
#[derive(Clone, Debug)]
pub struct Cluster {
    now: Time,
    config: ClusterConfig,
    rng: Rng,
    pub(crate) deployments: BTreeMap<String, Arc<Deployment>>,
    replica_sets: BTreeMap<String, Arc<ReplicaSet>>,
    pods: PodStore,
    queue: DueQueue,
    events: Vec<Event>,
    /// Every container exit (crash loops), oldest first: what the Why panel explains.
    container_exits: Vec<ContainerExit>,
    /// The pods' routine events (`events.rs`), and the last event's sequence number.
    pod_events: events::PodEventLog,
    event_seq: u64,
    /// The nodes, by name.
    nodes: Vec<scheduler::Node>,
    /// Pods no node had room for, in the order they were created (the
    /// scheduling queue's): (pod group, pod id).
    unscheduled: Vec<(Arc<str>, u64)>,
    quota: Option<quota::Quota>,
    /// ReplicaSets whose pod creates failed, by UID.
    create_retries: BTreeMap<String, CreateRetry>,
    /// Creation sequence and resourceVersion counter.
    seq: u64,
    /// See `user_writes()`.
    user_writes: u64,
    /// The last pod id handed out.
    next_pod_uid: u64,
    /// Drawn once from the seed: shifts every pod name suffix.
    name_offset: u64,
    /// Set by every write that changes something; read by the instant loop.
    changed: bool,
    /// The current instant has reached its fixpoint.
    settled: bool,
    /// Deployment names, shared with the instant loop's units.
    deployment_keys: Vec<Arc<str>>,
    /// Stands in the store for a Deployment while its controller holds it.
    pub(crate) vacant: Arc<Deployment>,
    round: Round,
    stats: Stats,
}

impl Cluster {
    pub fn new(config: ClusterConfig) -> Cluster {
        let mut rng = Rng::new(config.seed);
        let name_offset = rng.next_u64();
        let mut nodes = config.nodes.clone();
        if nodes.is_empty() {
            nodes.push(scheduler::Node::unlimited("node-1"));
        }
        nodes.sort_by(|a, b| a.name.cmp(&b.name));
        Cluster {
            nodes,
            unscheduled: Vec::new(),
            quota: config.quota.clone(),
            create_retries: BTreeMap::new(),
            now: Time::ZERO,
            rng,
            config,
            deployments: BTreeMap::new(),
            replica_sets: BTreeMap::new(),
            pods: PodStore::default(),
            queue: DueQueue::default(),
            events: Vec::new(),
            container_exits: Vec::new(),
            pod_events: events::PodEventLog::default(),
            event_seq: 0,
            seq: 0,
            user_writes: 0,
            next_pod_uid: 0,
            name_offset,
            changed: false,
            settled: false,
            deployment_keys: Vec::new(),
            vacant: Arc::new(Deployment::default()),
            round: Round::default(),
            stats: Stats::default(),
        }
    }

    // ---- reads -------------------------------------------------------------

    pub fn now(&self) -> Time {
        self.now
    }

    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// How long new pods take to become Ready (pods already starting keep theirs),
    /// at most a year, as in scenario files: the clock must not overflow.
    pub fn set_pod_start(&mut self, ms: i64) {
        self.config.pod_start = ms.clamp(0, MAX_POD_START_MS);
    }

    /// Marks an image as one the kubelet cannot pull (for pods created from now on).
    pub fn set_image_failing(&mut self, image: &str, failing: bool) {
        set_member(&mut self.config.failing_images, image, failing);
    }

    /// Marks an image as one whose readiness probe never passes (for pods created from now on).
    pub fn set_image_unready(&mut self, image: &str, unready: bool) {
        self.edit_image_behaviour(image, |b| b.ready = !unready);
    }

    /// Sets how long an image's container runs before it exits with code 1
    /// (`None`: it does not crash), for containers started from now on.
    pub fn set_image_crash_after(&mut self, image: &str, crash_after_ms: Option<i64>) {
        self.edit_image_behaviour(image, |b| {
            b.crash_after = crash_after_ms.map(|ms| ms.clamp(1, MAX_POD_START_MS))
        });
    }

    fn edit_image_behaviour(&mut self, image: &str, edit: impl FnOnce(&mut ImageBehaviour)) {
        let behaviour = self.config.images.entry(image.to_string()).or_default();
        edit(behaviour);
        if *behaviour == ImageBehaviour::default() {
            self.config.images.remove(image);
        }
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    pub fn deployment(&self, name: &str) -> Option<&Deployment> {
        self.deployments.get(name).map(|d| &**d)
    }

    pub fn deployments(&self) -> impl Iterator<Item = &Deployment> {
        self.deployments.values().map(|d| &**d)
    }

    pub fn replica_set(&self, name: &str) -> Option<&ReplicaSet> {
        self.replica_sets.get(name).map(|rs| &**rs)
    }

    /// Every ReplicaSet, oldest first.
    pub fn replica_sets(&self) -> Vec<&ReplicaSet> {
        let mut all: Vec<&ReplicaSet> = self.replica_sets.values().map(|rs| &**rs).collect();
        controller_utils::sort_by_creation_timestamp(&mut all);
        all
    }

    /// The ReplicaSets a Deployment owns, oldest first.
    pub fn replica_sets_of(&self, deployment: &str) -> Vec<&ReplicaSet> {
        let Some(d) = self.deployments.get(deployment) else {
            return Vec::new();
        };
        let mut owned: Vec<&ReplicaSet> = self
            .replica_sets
            .values()
            .map(|rs| &**rs)
            .filter(|rs| is_owned_by(rs, d))
            .collect();
        controller_utils::sort_by_creation_timestamp(&mut owned);
        owned
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every container exit so far, oldest first.
    pub fn container_exits(&self) -> &[ContainerExit] {
        &self.container_exits
    }

    /// The pod store's running counts for one ReplicaSet's pods: what the
    /// ReplicaSet controller will report at its next sync, without listing
    /// the pods.
    pub fn pod_counts_of(&self, rs: &str) -> PodCounts {
        self.replica_sets
            .get(rs)
            .and_then(|rs| self.pods.group(&rs.metadata.uid))
            .map_or(PodCounts::default(), |g| PodCounts {
                active: g.active,
                ready: g.ready_count,
                available: g.available,
                terminating: g.terminating,
            })
    }

    /// The pods of one ReplicaSet (terminating ones included), by name.
    pub fn pods_of(&self, rs: &str) -> Vec<PodView> {
        let Some(uid) = self.replica_sets.get(rs).map(|rs| rs.metadata.uid.as_str()) else {
            return Vec::new();
        };
        let mut pods = self
            .pods
            .group(uid)
            .map(|g| g.view(&g.rs_name, self.now, &self.nodes, self.name_offset))
            .unwrap_or_default();
        sort_by_name(&mut pods);
        pods
    }

    /// Every pod, by name.
    pub fn pods(&self) -> Vec<PodView> {
        let mut pods: Vec<PodView> = self
            .pods
            .groups
            .values()
            .flat_map(|g| g.view(&g.rs_name, self.now, &self.nodes, self.name_offset))
            .collect();
        sort_by_name(&mut pods);
        pods
    }

    /// (total, ready, terminating) pod counts without building views.
    pub fn pod_counts(&self) -> (i32, i32, i32) {
        self.pods.groups.values().fold((0, 0, 0), |(t, r, x), g| {
            (
                t + g.active + g.terminating,
                r + g.ready_count,
                x + g.terminating,
            )
        })
    }

    /// What the kubelet reports for a pod now.
    pub fn pod_state(&self, p: &pods::Pod) -> PodState {
        kubelet::pod_state(p, self.now)
    }

    // ---- writes through the API --------------------------------------------

    /// How many writes users (kubectl) have made: creates, and updates that
    /// changed something. The controllers' writes do not count, so that a
    /// `kubectl rollout status`, which watches them work, wrote nothing.
    pub fn user_writes(&self) -> u64 {
        self.user_writes
    }

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// `kubectl apply`/create: default, validate, store with generation 1.
    pub fn create_deployment(&mut self, mut d: Deployment) -> Result<(), ApiError> {
        if self.deployments.contains_key(d.name()) {
            return Err(ApiError::AlreadyExists {
                resource: "deployments.apps",
                name: d.name().to_string(),
            });
        }
        set_defaults_deployment(&mut d);
        validate_deployment(&d, None).map_err(ApiError::Invalid)?;
        check_capacity("deployments.apps", d.name(), d.replicas())?;
        let seq = self.next_seq();
        d.metadata.namespace = "default".into();
        d.metadata.uid = events::kube_uid(self.rng.next_u64());
        d.metadata.generation = 1;
        // Continuous time (model M1): same-instant creations tie, and break on the name.
        d.metadata.creation_timestamp = Some(self.now);
        d.metadata.resource_version = seq.to_string();
        d.status = Default::default();
        self.deployment_keys.push(Arc::from(d.name()));
        self.deployment_keys.sort();
        self.deployments.insert(d.name().to_string(), Arc::new(d));
        self.changed = true;
        self.settled = false;
        self.user_writes += 1;
        Ok(())
    }

    /// A user update (kubectl): defaulting, update validation, and a
    /// generation bump when the spec or the annotations change (R1.4).
    /// Returns whether anything changed.
    pub fn update_deployment(&mut self, mut d: Deployment) -> Result<bool, ApiError> {
        let name = d.name().to_string();
        let Some(old) = self.deployments.get(&name) else {
            return Err(ApiError::NotFound {
                resource: "deployments.apps",
                name,
            });
        };
        set_defaults_deployment(&mut d);
        validate_deployment(&d, Some(old)).map_err(ApiError::Invalid)?;
        check_capacity("deployments.apps", &name, d.replicas())?;
        d.status = old.status.clone();
        d.metadata.uid = old.metadata.uid.clone();
        d.metadata.creation_timestamp = old.metadata.creation_timestamp;
        d.metadata.generation = old.metadata.generation;
        d.metadata.resource_version = old.metadata.resource_version.clone();
        if d == **old {
            return Ok(false);
        }
        if d.spec != old.spec || d.metadata.annotations != old.metadata.annotations {
            d.metadata.generation += 1;
        }
        d.metadata.resource_version = self.next_seq().to_string();
        self.deployments.insert(name, Arc::new(d));
        self.changed = true;
        self.user_writes += 1;
        // The controllers react at the current instant.
        self.settled = false;
        Ok(true)
    }

    /// A full Update by the Deployment controller of the object it holds
    /// (the legacy rollback path). Its callers always change the
    /// annotations (the rollback request goes), so the generation bumps (R1.4).
    pub(crate) fn update_held_deployment(&mut self, d: &mut Arc<Deployment>) {
        let seq = self.next_seq();
        let dm = Arc::make_mut(d);
        dm.metadata.generation += 1;
        dm.metadata.resource_version = seq.to_string();
        self.changed = true;
    }

    /// A status write by the controller (UpdateStatus): status and
    /// annotations only, never a generation bump.
    /// UpdateStatus by the Deployment controller, on the object it holds
    /// for the sync (see `deployment::sync_deployment`). Callers write only
    /// what differs from what is stored, as upstream's callers do.
    pub(crate) fn update_deployment_status(&mut self, d: &mut Arc<Deployment>) {
        let seq = self.next_seq();
        set_resource_version(&mut Arc::make_mut(d).metadata.resource_version, seq);
        self.changed = true;
    }

    /// Creates a ReplicaSet (the controller's write).
    pub(crate) fn create_replica_set(
        &mut self,
        mut rs: ReplicaSet,
    ) -> Result<Arc<ReplicaSet>, ApiError> {
        if self.replica_sets.contains_key(rs.name()) {
            return Err(ApiError::AlreadyExists {
                resource: "replicasets.apps",
                name: rs.name().to_string(),
            });
        }
        let seq = self.next_seq();
        rs.metadata.namespace = "default".into();
        rs.metadata.uid = events::kube_uid(self.rng.next_u64());
        rs.metadata.generation = 1;
        rs.metadata.creation_timestamp = Some(self.now);
        rs.metadata.resource_version = seq.to_string();
        let rs = Arc::new(rs);
        self.replica_sets.insert(rs.name().to_string(), rs.clone());
        self.changed = true;
        Ok(rs)
    }

    /// Updates a ReplicaSet's metadata and spec (generation bumps on a spec
    /// change). Takes the caller's copy whole: status and identity stay the stored ones.
    pub(crate) fn update_replica_set(
        &mut self,
        mut rs: ReplicaSet,
    ) -> Result<Arc<ReplicaSet>, ApiError> {
        let Some(stored) = self.replica_sets.get(rs.name()) else {
            return Err(ApiError::NotFound {
                resource: "replicasets.apps",
                name: rs.name().to_string(),
            });
        };
        if stored.spec == rs.spec
            && stored.metadata.annotations == rs.metadata.annotations
            && stored.metadata.labels == rs.metadata.labels
        {
            return Ok(stored.clone());
        }
        let min_ready_changed = stored.spec.min_ready_seconds != rs.spec.min_ready_seconds;
        rs.metadata.generation = stored.metadata.generation + i64::from(stored.spec != rs.spec);
        // The controller's copy is of the stored object: its uid is copied
        // only when it differs (a scale is a write per replaced pod). The
        // owner references are shared: copying them is a reference count.
        if rs.metadata.uid != stored.metadata.uid {
            rs.metadata.uid = stored.metadata.uid.clone();
        }
        rs.metadata.creation_timestamp = stored.metadata.creation_timestamp;
        rs.metadata.owner_references = stored.metadata.owner_references.clone();
        rs.status = stored.status.clone();
        let seq = self.next_seq();
        set_resource_version(&mut rs.metadata.resource_version, seq);
        let updated = Arc::new(rs);
        self.replica_sets
            .insert(updated.name().to_string(), updated.clone());
        self.changed = true;
        if min_ready_changed {
            self.reset_availability(&updated);
        }
        Ok(updated)
    }

    /// A user's write of a ReplicaSet's spec (`kubectl scale rs`).
    pub fn scale_replica_set_by_user(&mut self, rs: &ReplicaSet) -> Result<(), ApiError> {
        check_capacity("replicasets.apps", rs.name(), rs.spec.replicas)?;
        self.settled = false;
        self.update_replica_set(rs.clone()).map(|_| ())
    }

    /// Writes the status of `rs`, the caller's copy of the stored
    /// ReplicaSet, which goes first so that the write happens in place.
    /// Writes a ReplicaSet's owner references: the garbage collector's
    /// orphaning, or a controller's adoption (ClaimReplicaSets).
    pub(crate) fn set_replica_set_owners(
        &mut self,
        name: &str,
        owners: Arc<[crate::api::OwnerReference]>,
    ) {
        let seq = self.next_seq();
        let Some(stored) = self.replica_sets.get_mut(name) else {
            return;
        };
        let stored = Arc::make_mut(stored);
        stored.metadata.owner_references = owners;
        set_resource_version(&mut stored.metadata.resource_version, seq);
        self.changed = true;
    }

    pub(crate) fn update_replica_set_status(
        &mut self,
        rs: Arc<ReplicaSet>,
        status: crate::api::ReplicaSetStatus,
    ) {
        let seq = self.seq + 1;
        let Some(stored) = self.replica_sets.get_mut(rs.name()) else {
            return;
        };
        drop(rs);
        if stored.status == status {
            return;
        }
        let stored = Arc::make_mut(stored);
        stored.status = status;
        set_resource_version(&mut stored.metadata.resource_version, seq);
        self.seq = seq;
        self.changed = true;
    }

    /// `kubectl delete replicaset NAME` (a user's write, background cascade):
    /// the ReplicaSet goes and the garbage collector deletes its pods. A
    /// Deployment that owned it makes a new one at its next sync.
    /// `orphan` (`--cascade=orphan`): its pods stay, without an owner, until
    /// a ReplicaSet whose selector matches them adopts them.
    pub fn delete_replica_set_by_user(&mut self, name: &str, orphan: bool) -> Result<(), ApiError> {
        if !self.replica_sets.contains_key(name) {
            return Err(ApiError::NotFound {
                resource: "replicasets.apps",
                name: name.to_string(),
            });
        }
        if orphan {
            if let Some(rs) = self.replica_sets.remove(name) {
                if let Some(group) = self.pods.groups.get_mut(rs.metadata.uid.as_str()) {
                    group.orphaned_labels = Some(rs.spec.template.metadata.labels.clone());
                    self.pods.orphans += 1;
                }
                self.changed = true;
            }
        } else {
            self.delete_replica_set(name);
        }
        self.user_writes += 1;
        self.settled = false;
        Ok(())
    }

    /// ClaimPods: a ReplicaSet without pods adopts the orphaned pods its
    /// selector matches (`delete rs --cascade=orphan`, then the Deployment
    /// made the ReplicaSet again).
    pub(crate) fn claim_orphaned_pods(&mut self, rs: &ReplicaSet) {
        let Some(old) = self
            .pods
            .adopt(&rs.spec.selector, &rs.metadata.uid, rs.name())
        else {
            return;
        };
        let Some(new) = self.pods.group(&rs.metadata.uid).map(|g| g.key.clone()) else {
            return;
        };
        self.queue.rename_group(&old, &new);
        for (key, _) in self.unscheduled.iter_mut() {
            if **key == *old {
                *key = new.clone();
            }
        }
        self.changed = true;
    }

    /// `kubectl delete deployment NAME`: the Deployment goes, then the
    /// garbage collector deletes its ReplicaSets and their pods (background),
    /// or takes the Deployment out of their owners (`orphan`).
    pub fn delete_deployment(&mut self, name: &str, orphan: bool) -> Result<(), ApiError> {
        let owned: Vec<String> = self
            .replica_sets_of(name)
            .iter()
            .map(|rs| rs.name().to_string())
            .collect();
        if self.deployments.remove(name).is_none() {
            return Err(ApiError::NotFound {
                resource: "deployments.apps",
                name: name.to_string(),
            });
        }
        self.deployment_keys.retain(|k| &**k != name);
        for rs in owned {
            if orphan {
                self.set_replica_set_owners(&rs, Arc::new([]));
            } else {
                self.delete_replica_set(&rs);
            }
        }
        self.changed = true;
        self.settled = false;
        self.user_writes += 1;
        Ok(())
    }

    /// Deletes a ReplicaSet; the garbage collector deletes its remaining pods.
    pub(crate) fn delete_replica_set(&mut self, name: &str) {
        if let Some(rs) = self.replica_sets.remove(name) {
            self.changed = true;
            let key = rs.metadata.uid.as_str();
            let uids: Vec<u64> = self
                .pods
                .group(key)
                .map(|g| {
                    g.pods()
                        .filter(|p| p.deleted_at.is_none())
                        .map(|p| p.uid)
                        .collect()
                })
                .unwrap_or_default();
            for uid in uids {
                self.terminate_pod(key, uid);
            }
        }
    }

    pub(crate) fn record_event(
        &mut self,
        d: &Deployment,
        type_: &'static str,
        reason: &'static str,
        message: String,
        why: why::Why,
    ) {
        let seq = self.next_event_seq();
        self.events.push(Event {
            time: self.now,
            type_,
            reason,
            object: format!("deployment/{}", d.name()),
            source: "deployment-controller",
            seq,
            object_uid: None,
            message,
            why,
        });
    }

    // ---- time ----------------------------------------------------------------

    /// Runs the controllers at the current instant until nothing changes.
    /// Runs the controllers at the current instant until nothing changes
    /// (continuing a round that `step` left half done).
    pub fn run_instant(&mut self) -> Result<(), SimError> {
        self.settled = false;
        while self.run_unit(false)?.is_some() {}
        Ok(())
    }

    /// One round of the instant loop, as units of work: the due
    /// transitions, then each ReplicaSet (oldest first), then each Deployment
    /// (the transitions alone at an instant of the kubelet's alone).
    fn start_round(&mut self) -> Result<(), SimError> {
        if self.round.rounds >= MAX_ITERATIONS_PER_INSTANT {
            return Err(SimError {
                at: self.now,
                message: format!(
                    "controllers did not settle within {MAX_ITERATIONS_PER_INSTANT} iterations"
                ),
            });
        }
        // The buffer is reused: this runs several times per instant.
        let mut pending = std::mem::take(&mut self.round.pending);
        pending.push(Unit::Transitions);
        let kubelet_only = self.round.kubelet_only;
        if !kubelet_only {
            let first_rs = pending.len();
            pending.extend(self.replica_sets.values().cloned().map(Unit::ReplicaSet));
            pending[first_rs..].sort_by(|a, b| match (a, b) {
                (Unit::ReplicaSet(a), Unit::ReplicaSet(b)) => {
                    controller_utils::by_creation_timestamp(a, b)
                }
                _ => std::cmp::Ordering::Equal,
            });
            pending.extend(self.deployment_keys.iter().cloned().map(Unit::Deployment));
        }
        pending.reverse();
        self.round = Round {
            pending,
            changed: false,
            rounds: self.round.rounds + 1,
            kubelet_only,
        };
        Ok(())
    }

    /// Runs the next unit of work at the current instant; None once the
    /// instant has settled (a whole round changed nothing). `named`: say
    /// which object the unit synced (costs an allocation the fast path skips).
    fn run_unit(&mut self, named: bool) -> Result<Option<UnitReport>, SimError> {
        if self.settled {
            return Ok(None);
        }
        if self.round.pending.is_empty() {
            self.start_round()?;
        }
        let Some(unit) = self.round.pending.pop() else {
            return Ok(None);
        };
        self.changed = false;
        let events_before = self.events.len();
        let (created_before, deleted_before) = (self.stats.pods_created, self.stats.pods_deleted);
        let what = match unit {
            Unit::Transitions => {
                self.apply_due_transitions(self.round.kubelet_only);
                UnitKind::PodTransitions
            }
            Unit::ReplicaSet(listed) => {
                let name = if named {
                    listed.name().to_string()
                } else {
                    String::new()
                };
                // The stored object, not the listed one: a user write may have
                // come between the units of a stepped instant.
                let current = self
                    .replica_sets
                    .get(listed.name())
                    .filter(|rs| rs.metadata.uid == listed.metadata.uid)
                    .cloned();
                drop(listed);
                if let Some(rs) = current {
                    replica_set::sync_replica_set(self, rs);
                }
                UnitKind::ReplicaSetSync(name)
            }
            Unit::Deployment(name) => {
                self.stats.deployment_syncs += 1;
                deployment::sync_deployment(self, &name);
                UnitKind::DeploymentSync(if named {
                    name.to_string()
                } else {
                    String::new()
                })
            }
        };
        let changed = self.changed;
        self.round.changed |= changed;
        if self.round.pending.is_empty() && !self.round.changed {
            self.settled = true;
            self.round = Round::default();
        }
        Ok(Some(UnitReport {
            at: self.now,
            what,
            changed,
            events: events_before..self.events.len(),
            pods_created: self.stats.pods_created - created_before,
            pods_deleted: self.stats.pods_deleted - deleted_before,
        }))
    }

    /// Advances to the next change in the cluster: one controller sync or
    /// one batch of pod transitions that changed something (the UI's Step).
    /// None when nothing is left to happen.
    pub fn step_change(&mut self) -> Result<Option<UnitReport>, SimError> {
        self.step_change_until(Time(i64::MAX))
    }

    /// Like `step_change`, but opens no instant after `limit` (None then).
    pub fn step_change_until(&mut self, limit: Time) -> Result<Option<UnitReport>, SimError> {
        loop {
            if self.settled {
                // Containers starting report no change: they are opened on the
                // way to the next instant the controllers run at, never as a
                // step of their own, so a step that finds no change by `limit`
                // leaves the clock where it was (a session logs only what its
                // steps report, and replays that).
                let (controllers, starts) = self.next_instants();
                let Some(c) = controllers.filter(|c| *c <= limit) else {
                    return Ok(None);
                };
                match starts.filter(|s| *s < c) {
                    Some(s) => self.begin_instant(s, false),
                    None => self.begin_instant(c, true),
                }
            }
            if let Some(report) = self.run_unit(true)?.filter(|r| r.changed) {
                return Ok(Some(report));
            }
        }
    }

    /// When the next change can happen: now if the current instant has not
    /// settled, else the next due time.
    pub fn next_due_or_now(&mut self) -> Option<Time> {
        if self.settled {
            self.next_due()
        } else {
            Some(self.now)
        }
    }

    /// Lets time pass until `t` (nothing if `t` is not in the future).
    pub fn advance_to(&mut self, t: Time) -> Result<(), SimError> {
        self.advance((t.0 - self.now.0).max(0))
    }

    /// Moves the clock to `t` and opens a new instant there (`controllers`:
    /// whether they run at it, see [`Cluster::next_instant`]).
    fn begin_instant(&mut self, t: Time, controllers: bool) {
        self.now = t;
        self.settled = false;
        self.round = Round {
            kubelet_only: !controllers,
            ..Round::default()
        };
        self.stats.instants += 1;
    }

    /// Runs the Deployment controller once per Deployment (the `sync` step).
    fn sync_all_deployments(&mut self) {
        let names: Vec<String> = self.deployments.keys().cloned().collect();
        for name in names {
            self.stats.deployment_syncs += 1;
            deployment::sync_deployment(self, &name);
        }
    }

    /// Runs only the Deployment controller, `n` times (the scenario's `sync` step).
    pub fn sync_deployments(&mut self, n: u32) {
        for _ in 0..n {
            self.sync_all_deployments();
        }
    }

    /// The next time something is due that the controllers run at: a pod
    /// transition or re-check, or a Deployment's progress-deadline check
    /// (R13.6). Containers starting before then are not counted: no
    /// controller sees them, a step does not report them, and they happen on
    /// the way there (`step_change_until`, `advance`, `settle`).
    pub fn next_due(&mut self) -> Option<Time> {
        self.next_instants().0
    }

    /// The next instant, and whether the controllers run at it: they do
    /// when a change they see is due then (a pod transition, a re-check, a
    /// progress deadline), not when only containers start (the kubelet
    /// records Pulled, Created and Started; no controller watches for it).
    fn next_instant(&mut self) -> Option<(Time, bool)> {
        match self.next_instants() {
            (Some(c), Some(s)) if s < c => Some((s, false)),
            (Some(c), _) => Some((c, true)),
            (None, s) => s.map(|s| (s, false)),
        }
    }

    /// When the controllers next run, and when containers next start.
    fn next_instants(&mut self) -> (Option<Time>, Option<Time>) {
        let now = self.now;
        let pods = &self.pods;
        let queued = self.queue.next_waking(|due| kubelet::is_stale(pods, due));
        let starts = self
            .queue
            .next_kubelet_only(|due| kubelet::is_stale(pods, due))
            .filter(|t| *t > now);
        let deadlines = self
            .deployments
            .values()
            .filter_map(|d| deployment::progress::progress_check_time(d, now));
        let controllers = queued
            .into_iter()
            .chain(deadlines)
            .filter(|t| *t > now)
            .min();
        (controllers, starts)
    }

    /// Lets `ms` of simulated time pass with every controller running.
    pub fn advance(&mut self, ms: i64) -> Result<(), SimError> {
        let end = Time(self.now.0 + ms.max(0));
        self.run_instant()?;
        while let Some((t, controllers)) = self.next_instant().filter(|(t, _)| *t <= end) {
            self.begin_instant(t, controllers);
            self.run_instant()?;
        }
        self.now = end;
        Ok(())
    }

    /// Advances until nothing is left to happen, at most `max_ms`. Returns
    /// whether the cluster settled (false: the limit was reached).
    pub fn settle(&mut self, max_ms: i64) -> Result<bool, SimError> {
        let end = Time(self.now.0 + max_ms.max(0));
        self.run_instant()?;
        loop {
            match self.next_instant() {
                None => return Ok(true),
                Some((t, _)) if t > end => {
                    self.now = end;
                    return Ok(false);
                }
                Some((t, controllers)) => {
                    self.begin_instant(t, controllers);
                    self.run_instant()?;
                }
            }
        }
    }

    /// Moves to the next due time if it is not after `limit` and runs that
    /// instant (true); otherwise moves the clock to `limit` (false).
    pub fn step_until(&mut self, limit: Time) -> Result<bool, SimError> {
        match self.next_instant().filter(|(t, _)| *t <= limit) {
            Some((t, controllers)) => {
                self.begin_instant(t, controllers);
                self.run_instant()?;
                Ok(true)
            }
            None => {
                self.now = self.now.max(limit);
                Ok(false)
            }
        }
    }

    /// Stores a ReplicaSet that already existed when the scenario starts,
    /// created at `created`, with `ready` of its pods Ready long ago and the
    /// others created at the current time (initial state building only).
    pub fn restore_replica_set(
        &mut self,
        mut rs: ReplicaSet,
        created: Time,
        ready: i32,
    ) -> Arc<ReplicaSet> {
        let seq = self.next_seq();
        rs.metadata.namespace = "default".into();
        rs.metadata.uid = format!("{:016x}", self.rng.next_u64());
        rs.metadata.generation = 1;
        rs.metadata.creation_timestamp = Some(created);
        rs.metadata.resource_version = seq.to_string();
        // "Ready long before time 0" (spec M6): at their creation.
        let ready_at = created;
        for i in 0..rs.spec.replicas {
            if i < ready {
                self.insert_initial_pod(&rs, created, Some(ready_at));
            } else {
                self.insert_initial_pod(&rs, self.now, None);
            }
        }
        let g = self.pods.group(&rs.metadata.uid);
        rs.status = crate::api::ReplicaSetStatus {
            replicas: g.map_or(0, |g| g.active),
            fully_labeled_replicas: g.map_or(0, |g| g.active),
            ready_replicas: g.map_or(0, |g| g.ready_count),
            available_replicas: g.map_or(0, |g| g.available),
            terminating_replicas: Some(0),
            observed_generation: 1,
            conditions: Vec::new(),
        };
        let rs = Arc::new(rs);
        self.replica_sets.insert(rs.name().to_string(), rs.clone());
        rs
    }

    /// Overwrites a Deployment's annotations and status (initial state building only).
    pub fn restore_deployment_state(&mut self, d: &Deployment) {
        if let Some(stored) = self.deployments.get_mut(d.name()) {
            let stored = Arc::make_mut(stored);
            stored.metadata.annotations = d.metadata.annotations.clone();
            stored.status = d.status.clone();
        }
    }
}

/// Sets a resourceVersion in the string's own buffer: controllers write
/// several objects per sync, and a fresh string each time showed in profiles.
fn set_resource_version(resource_version: &mut String, seq: u64) {
    use std::fmt::Write;
    resource_version.clear();
    let _ = write!(resource_version, "{seq}");
}

/// Whether the ReplicaSet's controller reference names this Deployment.
pub fn is_owned_by(rs: &ReplicaSet, d: &Deployment) -> bool {
    rs.metadata
        .owner_references
        .iter()
        .any(|o| o.controller && o.kind == "Deployment" && o.uid == d.metadata.uid)
}

/// Pods by name (one sort for both listings: each closure would be its own copy of the sort).
fn sort_by_name(pods: &mut [PodView]) {
    pods.sort_by(|a, b| a.name.cmp(&b.name));
}

/// Puts `item` into, or takes it out of, a sorted list without duplicates.
fn set_member(list: &mut Vec<String>, item: &str, member: bool) {
    match (list.binary_search_by(|s| s.as_str().cmp(item)), member) {
        (Err(i), true) => list.insert(i, item.to_string()),
        (Ok(i), false) => {
            list.remove(i);
        }
        _ => {}
    }
}

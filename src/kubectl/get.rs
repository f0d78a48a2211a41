//! `kubectl get deployments|replicasets|pods [NAME] [-o wide|name|json]`
//! with the server-side column sets (`pkg/printers/internalversion/printers.go`).

use super::args::{self, flag, short, Kind};
use super::printers::{age, TABLE};
use super::{not_found, Failure, Output};
use crate::api::to_value;
use crate::api::{PodState, PodView, Time};
use crate::sim::events::EventView;
use crate::sim::quota::{format_amount, Quota, QUOTA_NAME};
use crate::sim::scheduler::Node;
use crate::sim::Cluster;
use crate::text::quoted;
use serde::Serialize;
use serde_json::{json, Value};

pub fn run(c: &Cluster, words: &[String]) -> Result<Output, Failure> {
    let a = args::parse(
        words,
        &[
            short(flag("output"), 'o'),
            short(flag("selector"), 'l'),
            short(args::bool_flag("watch"), 'w'),
        ],
        "kubectl get",
    )?;
    if a.positional.is_empty() {
        return Err(Failure(
            "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples".into(),
        ));
    }
    let (kind, names) = args::resources(&a.positional)?;
    let output = a.get("output").unwrap_or("");
    if !matches!(output, "" | "wide" | "name" | "json" | "yaml") {
        return Err(Failure::error(format!(
            "unable to match a printer suitable for the output format {output}, allowed formats are: json,name,wide,yaml", output = quoted(output)
        )));
    }
    let now = c.now();
    let rows: Vec<Row> = match kind {
        Kind::Deployment => c.deployments().map(|d| deployment_row(d, now)).collect(),
        Kind::ReplicaSet => c
            .replica_sets()
            .into_iter()
            .map(|rs| replica_set_row(rs, now))
            .collect(),
        Kind::Pod => c.pods().iter().map(|p| pod_row(p, now)).collect(),
        Kind::Node => c.nodes().iter().map(|n| node_row(n, now)).collect(),
        Kind::ResourceQuota => c
            .quota()
            .map(|q| quota_row(c, q, now))
            .into_iter()
            .collect(),
        Kind::Event => sorted_events(c)
            .iter()
            .map(|(name, e)| event_row(name, e, now))
            .collect(),
    };
    // Names that do not exist are reported after the rows that do (ContinueOnError).
    let mut missing = String::new();
    let rows: Vec<Row> = if names.is_empty() {
        rows
    } else {
        let mut picked = Vec::new();
        for name in &names {
            match rows.iter().find(|r| &r.name == name) {
                Some(row) => picked.push(row.clone()),
                None => missing.push_str(&format!("{}\n", not_found(kind, name))),
            }
        }
        picked
    };
    let failed = |out: Output| {
        if missing.is_empty() {
            out
        } else {
            Output {
                stderr: missing.clone(),
                exit_code: 1,
                ..out
            }
        }
    };
    if rows.is_empty() {
        if !names.is_empty() {
            return Ok(failed(Output::default()));
        }
        return Ok(Output {
            stderr: "No resources found in default namespace.\n".into(),
            ..Default::default()
        });
    }
    let text = match output {
        "name" => rows
            .iter()
            .map(|r| format!("{}/{}\n", kind.prefix(), r.name))
            .collect(),
        "json" => json_text(&objects(c, kind, &rows)?),
        "yaml" => super::yaml::to_yaml(&objects(c, kind, &rows)?),
        wide => {
            let wide = wide == "wide";
            let mut text = header(kind, wide);
            for r in &rows {
                // Every table starts with the NAME column, but the events'.
                let name = (kind != Kind::Event).then_some(&r.name);
                let cells = name.into_iter().chain(&r.cells).chain(if wide {
                    r.wide.iter()
                } else {
                    [].iter()
                });
                text.push_str(&cells.map(String::as_str).collect::<Vec<_>>().join("\t"));
                text.push('\n');
            }
            TABLE.format(&text)
        }
    };
    Ok(failed(Output::ok(text)))
}

#[derive(Clone, Debug)]
struct Row {
    name: String,
    cells: Vec<String>,
    wide: Vec<String>,
}

fn header(kind: Kind, wide: bool) -> String {
    let (base, extra) = match kind {
        Kind::Deployment => (
            "NAME\tREADY\tUP-TO-DATE\tAVAILABLE\tAGE",
            "\tCONTAINERS\tIMAGES\tSELECTOR",
        ),
        Kind::ReplicaSet => (
            "NAME\tDESIRED\tCURRENT\tREADY\tAGE",
            "\tCONTAINERS\tIMAGES\tSELECTOR",
        ),
        Kind::Pod => (
            "NAME\tREADY\tSTATUS\tRESTARTS\tAGE",
            "\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES",
        ),
        Kind::ResourceQuota => ("NAME\tREQUEST\tLIMIT\tAGE", ""),
        // printEvent: the row has no NAME column; the rows here carry the event's name first.
        Kind::Event => ("LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE", ""),
        Kind::Node => (
            "NAME\tSTATUS\tROLES\tAGE\tVERSION",
            "\tINTERNAL-IP\tEXTERNAL-IP\tOS-IMAGE\tKERNEL-VERSION\tCONTAINER-RUNTIME",
        ),
    };
    format!("{base}{}\n", if wide { extra } else { "" })
}

fn deployment_row(d: &crate::api::Deployment, now: crate::api::Time) -> Row {
    let s = &d.status;
    Row {
        name: d.name().to_string(),
        cells: vec![
            format!("{}/{}", s.ready_replicas, d.replicas()),
            s.updated_replicas.to_string(),
            s.available_replicas.to_string(),
            age(d.metadata.creation_timestamp, now),
        ],
        wide: vec![
            d.spec.template.container_names(),
            d.spec.template.images(),
            d.selector().to_string(),
        ],
    }
}

fn replica_set_row(rs: &crate::api::ReplicaSet, now: crate::api::Time) -> Row {
    Row {
        name: rs.name().to_string(),
        cells: vec![
            rs.spec.replicas.to_string(),
            rs.status.replicas.to_string(),
            rs.status.ready_replicas.to_string(),
            age(rs.metadata.creation_timestamp, now),
        ],
        wide: vec![
            rs.spec.template.container_names(),
            rs.spec.template.images(),
            rs.spec.selector.to_string(),
        ],
    }
}

fn pod_row(p: &PodView, now: crate::api::Time) -> Row {
    Row {
        name: p.name.clone(),
        cells: vec![
            // A deleted pod's container keeps running (and Ready) through the grace period.
            format!(
                "{}/1",
                u8::from(p.state.is_ready() || (p.deleted_at.is_some() && p.ready_since.is_some()))
            ),
            p.state.status_column().to_string(),
            // printPod: the restart count, and how long ago the last terminated container finished.
            match p.last_termination {
                Some(finished) if p.restarts > 0 => {
                    format!("{} ({} ago)", p.restarts, age(Some(finished), now))
                }
                _ => p.restarts.to_string(),
            },
            age(Some(p.created.truncated()), now),
        ],
        wide: vec![
            if p.node.is_some() {
                pod_ip(&p.name)
            } else {
                "<none>".into()
            },
            p.node.clone().unwrap_or_else(|| "<none>".into()),
            "<none>".into(),
            "<none>".into(),
        ],
    }
}

use crate::sim::CLUSTER_CREATED as NODES_CREATED;

/// The events as the API lists them: by name, `<object name>.<hex nanoseconds of the first time>`.
fn sorted_events(c: &Cluster) -> Vec<(String, EventView)> {
    // 2026-01-01T00:00:00Z, the simulator's time 0, in Unix milliseconds.
    const EPOCH_MS: i64 = 1_767_225_600_000;
    let mut named: Vec<(String, EventView)> = c
        .all_events()
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            // Distinct names for events recorded in the same millisecond, as distinct nanoseconds would be.
            let nanos = (EPOCH_MS + e.first.0) as u64 * 1_000_000 + i as u64;
            (format!("{}.{nanos:x}", e.kind_and_name().1), e)
        })
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    named
}

/// printEvent: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
fn event_row(name: &str, e: &EventView, now: Time) -> Row {
    Row {
        name: name.to_string(),
        cells: vec![
            age(Some(e.last.truncated()), now),
            e.type_.into(),
            e.reason.into(),
            e.object.clone(),
            e.message.trim().into(),
        ],
        wide: Vec::new(),
    }
}

fn event_json(c: &Cluster, named: Option<&(String, EventView)>) -> Value {
    let Some((name, e)) = named else {
        return Value::Null;
    };
    let (kind, object) = e.kind_and_name();
    let (api_version, kind, uid) = match kind {
        "deployment" => (
            "apps/v1",
            "Deployment",
            c.deployment(object).map(|d| d.metadata.uid.clone()),
        ),
        "replicaset" => (
            "apps/v1",
            "ReplicaSet",
            c.replica_set(object).map(|rs| rs.metadata.uid.clone()),
        ),
        _ => ("v1", "Pod", e.object_uid.clone()),
    };
    let mut involved = json!({"apiVersion": api_version, "kind": kind, "name": object, "namespace": "default", "uid": uid.unwrap_or_default()});
    if let Some(path) = &e.field_path {
        involved["fieldPath"] = json!(path);
    }
    json!({
        "apiVersion": "v1", "kind": "Event",
        "metadata": {"name": name, "namespace": "default", "creationTimestamp": e.first.truncated().rfc3339()},
        "involvedObject": involved,
        "reason": e.reason, "message": e.message, "type": e.type_, "count": e.count,
        "firstTimestamp": e.first.truncated().rfc3339(), "lastTimestamp": e.last.truncated().rfc3339(),
        "source": {"component": e.source}, "eventTime": null, "reportingComponent": e.source, "reportingInstance": "",
    })
}

/// printResourceQuota: `resource: used/hard` by resource name, limits.* in LIMIT.
fn quota_row(c: &Cluster, q: &Quota, now: crate::api::Time) -> Row {
    let used = c.quota_used();
    let (mut request, mut limit) = (Vec::new(), Vec::new());
    for ((resource, hard), (_, used)) in q.hard.iter().zip(&used) {
        let cell = format!(
            "{resource}: {}/{}",
            format_amount(resource, *used),
            format_amount(resource, *hard)
        );
        if resource.starts_with("limits.") {
            limit.push(cell)
        } else {
            request.push(cell)
        }
    }
    Row {
        name: QUOTA_NAME.into(),
        cells: vec![
            request.join(", "),
            limit.join(", "),
            age(Some(q.created), now),
        ],
        wide: Vec::new(),
    }
}

fn quota_json(c: &Cluster) -> Value {
    let Some(q) = c.quota() else {
        return Value::Null;
    };
    let amounts = |items: &[(String, i64)]| -> serde_json::Map<String, Value> {
        items
            .iter()
            .map(|(r, a)| (r.clone(), Value::String(format_amount(r, *a))))
            .collect()
    };
    json!({
        "apiVersion": "v1",
        "kind": "ResourceQuota",
        "metadata": {"name": QUOTA_NAME, "namespace": "default", "creationTimestamp": q.created.rfc3339()},
        "spec": {"hard": amounts(&q.hard)},
        "status": {"hard": amounts(&q.hard), "used": amounts(&c.quota_used())}
    })
}

/// printNode: Ready, and SchedulingDisabled once cordoned.
fn node_row(n: &Node, now: crate::api::Time) -> Row {
    let index = n
        .name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 250
        + 2;
    Row {
        name: n.name.clone(),
        cells: vec![
            if n.unschedulable {
                "Ready,SchedulingDisabled".into()
            } else {
                "Ready".into()
            },
            "<none>".into(),
            age(Some(NODES_CREATED), now),
            super::KUBERNETES_VERSION.into(),
        ],
        wide: vec![
            format!("172.18.0.{index}"),
            "<none>".into(),
            "Debian GNU/Linux 12 (bookworm)".into(),
            "6.8.0".into(),
            "containerd://2.1.4".into(),
        ],
    }
}

fn node_json(n: Option<&Node>) -> Value {
    let Some(n) = n else {
        return Value::Null;
    };
    let mut allocatable = serde_json::Map::new();
    if let Some(cpu) = n.cpu {
        allocatable.insert(
            "cpu".into(),
            Value::String(crate::api::quantity::format_millicores(cpu)),
        );
    }
    if let Some(memory) = n.memory {
        allocatable.insert(
            "memory".into(),
            Value::String(crate::api::quantity::format_bytes(memory)),
        );
    }
    if let Some(pods) = n.pods {
        allocatable.insert("pods".into(), Value::String(pods.to_string()));
    }
    let mut spec = serde_json::Map::new();
    if n.unschedulable {
        spec.insert("unschedulable".into(), Value::Bool(true));
    }
    json!({
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {"name": n.name, "creationTimestamp": NODES_CREATED.rfc3339()},
        "spec": spec,
        "status": {"allocatable": allocatable, "capacity": allocatable, "nodeInfo": {"kubeletVersion": super::KUBERNETES_VERSION}}
    })
}

/// 64 hex digits standing for a container's or an image's id (a stable hash of `seed`).
fn hex_id(seed: &str) -> String {
    (0..4u64)
        .map(|round| {
            let h = seed.bytes().fold(0xcbf2_9ce4_8422_2325u64 ^ round, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            format!("{h:016x}")
        })
        .collect()
}

/// GetPodQOS: BestEffort without requests or limits; Guaranteed when every
/// container limits cpu and memory to what it requests; else Burstable.
fn qos_class(template: &crate::api::PodTemplateSpec) -> &'static str {
    let requests = template.container_requests();
    let limits = template.container_limits();
    if requests
        .iter()
        .chain(&limits)
        .all(|(cpu, memory)| cpu.is_none() && memory.is_none())
    {
        return "BestEffort";
    }
    let guaranteed = requests.iter().zip(&limits).all(|(r, l)| {
        l.0.is_some()
            && l.1.is_some()
            && r.0.is_none_or(|cpu| Some(cpu) == l.0)
            && r.1.is_none_or(|memory| Some(memory) == l.1)
    });
    if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}

/// A stable made-up pod IP in the usual pod CIDR.
pub(crate) fn pod_ip(name: &str) -> String {
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    format!("10.244.{}.{}", (h >> 8) % 256, h % 254 + 1)
}

/// `-o json`: the objects (a List when several), four-space indented like kubectl.
/// The objects of the rows: one object, or a List of several (as kubectl prints them).
fn objects(c: &Cluster, kind: Kind, rows: &[Row]) -> Result<Value, Failure> {
    let mut items: Vec<Value> = Vec::new();
    let events = if kind == Kind::Event {
        sorted_events(c)
    } else {
        Vec::new()
    };
    for r in rows {
        let v = match kind {
            Kind::Deployment => to_value(&c.deployment(&r.name)),
            Kind::ReplicaSet => to_value(&c.replica_set(&r.name)),
            Kind::Pod => pod_json(c, c.pods().iter().find(|p| p.name == r.name)),
            Kind::Node => node_json(c.nodes().iter().find(|n| n.name == r.name)),
            Kind::ResourceQuota => quota_json(c),
            Kind::Event => event_json(c, events.iter().find(|(name, _)| *name == r.name)),
        };
        items.push(v);
    }
    Ok(if items.len() == 1 {
        items.remove(0)
    } else {
        json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}})
    })
}

fn json_text(value: &Value) -> String {
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b"    "),
    );
    // A Value with string keys and finite numbers: writing to a Vec cannot fail.
    let _ = value.serialize(&mut writer);
    String::from_utf8(out).unwrap_or_default() + "\n"
}

/// A pod as the API server returns it: labels from its template, its
/// owner with uid, its node, conditions and its container's status.
pub(crate) fn pod_json(c: &Cluster, p: Option<&PodView>) -> Value {
    let Some(p) = p else {
        return Value::Null;
    };
    let rs = c.replica_set(&p.owner);
    let template = rs.map(|rs| rs.spec.template.clone()).unwrap_or_default();
    let container = template
        .spec
        .containers
        .first()
        .map_or("web", |c| c.name.as_str());
    let ready = p.state.is_ready() || (p.deleted_at.is_some() && p.ready_since.is_some());
    let condition = |type_: &str, status: bool, since: Time| json!({"type": type_, "status": if status { "True" } else { "False" }, "lastProbeTime": null, "lastTransitionTime": since.truncated().rfc3339()});
    let mut status = json!({"phase": p.state.phase(), "qosClass": qos_class(&template)});
    let mut metadata = json!({
        "name": p.name, "generateName": format!("{}-", p.owner), "namespace": "default", "uid": p.uid,
        "creationTimestamp": p.created.truncated().rfc3339(),
        "labels": template.metadata.labels,
    });
    // An orphan (its ReplicaSet deleted with --cascade=orphan) has no owner.
    if let Some(rs) = rs {
        metadata["ownerReferences"] = json!([{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": p.owner, "uid": rs.metadata.uid, "controller": true, "blockOwnerDeletion": true}]);
    }
    if let Some(deleted) = p.deleted_at {
        metadata["deletionTimestamp"] = json!(deleted.truncated().rfc3339());
        metadata["deletionGracePeriodSeconds"] =
            json!(template.spec.termination_grace_period_seconds.unwrap_or(30));
    }
    let mut spec = to_value(&template.spec);
    // What admission adds to every pod: its priority, service account and the default tolerations.
    spec["priority"] = json!(0);
    spec["serviceAccountName"] = json!("default");
    spec["serviceAccount"] = json!("default");
    spec["tolerations"] = json!([
        {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
        {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
    ]);
    if let Some(node) = &p.node {
        spec["nodeName"] = json!(node);
        let scheduled = p.scheduled_at;
        let running = p.state != PodState::ContainerCreating
            && !matches!(p.state, PodState::ErrImagePull | PodState::ImagePullBackOff);
        let ready_since = p.ready_since.unwrap_or(p.started_at);
        status["conditions"] = json!([
            condition(
                "PodReadyToStartContainers",
                running,
                p.started_at.min(c.now())
            ),
            condition("Initialized", true, scheduled),
            condition("Ready", ready, ready_since.min(c.now())),
            condition("ContainersReady", ready, ready_since.min(c.now())),
            condition("PodScheduled", true, scheduled),
        ]);
        if !ready {
            for i in [2, 3] {
                status["conditions"][i]["reason"] = json!("ContainersNotReady");
                status["conditions"][i]["message"] =
                    json!(format!("containers with unready status: [{container}]"));
            }
        }
        status["hostIP"] = json!("172.18.0.2");
        status["podIP"] = json!(pod_ip(&p.name));
        status["podIPs"] = json!([{"ip": pod_ip(&p.name)}]);
        status["hostIPs"] = json!([{"ip": "172.18.0.2"}]);
        status["startTime"] = json!(scheduled.truncated().rfc3339());
        let state = match p.state {
            PodState::ContainerCreating => json!({"waiting": {"reason": "ContainerCreating"}}),
            PodState::ErrImagePull | PodState::ImagePullBackOff => {
                json!({"waiting": {"reason": p.state.status_column()}})
            }
            PodState::Error => {
                json!({"terminated": {"exitCode": 1, "reason": "Error", "startedAt": p.started_at.truncated().rfc3339(), "finishedAt": p.exited_at.unwrap_or(c.now()).truncated().rfc3339()}})
            }
            PodState::CrashLoopBackOff => json!({"waiting": {"reason": "CrashLoopBackOff"}}),
            _ => json!({"running": {"startedAt": p.started_at.truncated().rfc3339()}}),
        };
        let mut container_status = json!({"name": container, "image": p.image, "ready": ready, "restartCount": p.restarts, "started": p.state != PodState::ContainerCreating, "state": state, "lastState": {}});
        if p.state != PodState::ContainerCreating
            && !matches!(p.state, PodState::ErrImagePull | PodState::ImagePullBackOff)
        {
            container_status["containerID"] = json!(format!(
                "containerd://{}",
                hex_id(&format!("{}/{}", p.uid, p.restarts))
            ));
            let repository = p.image.split(':').next().unwrap_or_default();
            container_status["imageID"] = json!(format!(
                "docker.io/library/{repository}@sha256:{}",
                hex_id(&p.image)
            ));
        }
        if let Some(finished) = p.last_termination {
            container_status["lastState"] = json!({"terminated": {"exitCode": 1, "reason": "Error", "startedAt": p.last_termination_started.truncated().rfc3339(), "finishedAt": finished.truncated().rfc3339()}});
        }
        status["containerStatuses"] = json!([container_status]);
    } else {
        status["conditions"] = json!([{"type": "PodScheduled", "status": "False", "lastProbeTime": null, "lastTransitionTime": p.created.truncated().rfc3339(), "reason": "Unschedulable", "message": c.scheduling_message_of(&p.name).unwrap_or_default()}]);
    }
    json!({"apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec, "status": status})
}

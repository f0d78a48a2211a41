//! `kubectl describe deployment` (pkg/describe/describe.go
//! DeploymentDescriber), and DescribePodTemplate which `rollout history
//! --revision` prints too.

use super::args::{self, Kind};
use super::printers::{human_duration, DESCRIBE};
use super::{get_deployment, Failure};
use crate::api::{keys, Container, Deployment, PodTemplateSpec, ReplicaSet};
use crate::sim::deployment::sync::find_new_replica_set;
use crate::sim::events::EventView;
use crate::sim::Cluster;
use std::collections::BTreeMap;

pub fn run(c: &Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(words, &[], "kubectl describe")?;
    let (kind, names) = args::resources(&a.positional)?;
    if kind == Kind::ResourceQuota {
        return describe_quota(c, &names);
    }
    if kind == Kind::Pod {
        let pods = c.pods();
        let chosen: Vec<&crate::api::PodView> = if names.is_empty() {
            pods.iter().collect()
        } else {
            names
                .iter()
                .map(|n| {
                    pods.iter()
                        .find(|p| p.name == *n)
                        .ok_or_else(|| super::not_found(Kind::Pod, n))
                })
                .collect::<Result<_, _>>()?
        };
        return Ok(chosen
            .into_iter()
            .map(|p| super::describe_pod::describe_pod(c, &super::get::pod_json(c, Some(p))))
            .collect::<Vec<_>>()
            .join("\n\n"));
    }
    if kind == Kind::ReplicaSet {
        let rss: Vec<&ReplicaSet> = if names.is_empty() {
            c.replica_sets()
        } else {
            names
                .iter()
                .map(|n| {
                    c.replica_set(n)
                        .ok_or_else(|| super::not_found(Kind::ReplicaSet, n))
                })
                .collect::<Result<_, _>>()?
        };
        return Ok(rss
            .into_iter()
            .map(|rs| describe_replica_set(c, rs))
            .collect::<Vec<_>>()
            .join("\n\n"));
    }
    if kind != Kind::Deployment {
        return Err(Failure::error(format!(
            "describe is supported for deployments here, not {}",
            kind.resource()
        )));
    }
    let names: Vec<String> = if names.is_empty() {
        c.deployments().map(|d| d.name().to_string()).collect()
    } else {
        names
    };
    let mut out = Vec::new();
    for name in names {
        let d = get_deployment(c, &name)?;
        out.push(describe_deployment(c, &d));
    }
    Ok(out.join("\n\n"))
}

fn describe_deployment(c: &Cluster, d: &Deployment) -> String {
    let mut w = String::new();
    let s = &d.status;
    w.push_str(&format!("Name:\t{}\n", d.name()));
    w.push_str(&format!("Namespace:\t{}\n", d.metadata.namespace));
    w.push_str(&format!(
        "CreationTimestamp:\t{}\n",
        d.metadata.creation_timestamp.unwrap_or_default().rfc1123z()
    ));
    print_labels(&mut w, "Labels", &d.metadata.labels);
    print_annotations(&mut w, "Annotations", &d.metadata.annotations);
    w.push_str(&format!("Selector:\t{}\n", d.selector()));
    w.push_str(&format!(
        "Replicas:\t{} desired | {} updated | {} total | {} available | {} unavailable\n",
        d.replicas(),
        s.updated_replicas,
        s.replicas,
        s.available_replicas,
        s.unavailable_replicas
    ));
    w.push_str(&format!("StrategyType:\t{}\n", d.strategy_type()));
    w.push_str(&format!("MinReadySeconds:\t{}\n", d.spec.min_ready_seconds));
    if let Some(ru) = &d.spec.strategy.rolling_update {
        let show = |v: &Option<crate::api::IntOrString>| {
            v.as_ref().map_or("0".to_string(), |v| v.to_string())
        };
        w.push_str(&format!(
            "RollingUpdateStrategy:\t{} max unavailable, {} max surge\n",
            show(&ru.max_unavailable),
            show(&ru.max_surge)
        ));
    }
    w.push_str(&describe_pod_template(&d.spec.template));
    if !s.conditions.is_empty() {
        w.push_str("Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n");
        for cond in s.conditions.iter() {
            w.push_str(&format!(
                "  {} \t{}\t{}\n",
                cond.type_, cond.status, cond.reason
            ));
        }
    }
    // GetAllReplicaSetsInChunks: every old ReplicaSet, those at 0 included, oldest first.
    let rss: Vec<&ReplicaSet> = c.replica_sets_of(d.name());
    let new_rs = find_new_replica_set(d, &rss).copied();
    let old: Vec<&ReplicaSet> = rss
        .iter()
        .copied()
        .filter(|rs| Some(rs.name()) != new_rs.map(|n| n.name()))
        .collect();
    if !old.is_empty() || new_rs.is_some() {
        w.push_str(&format!(
            "OldReplicaSets:\t{}\n",
            replica_sets_by_labels(&old)
        ));
        w.push_str(&format!(
            "NewReplicaSet:\t{}\n",
            replica_sets_by_labels(&new_rs.into_iter().collect::<Vec<_>>())
        ));
    }
    describe_events(c, &format!("deployment/{}", d.name()), &mut w);
    DESCRIBE.format(&w)
}

fn replica_sets_by_labels(rss: &[&ReplicaSet]) -> String {
    if rss.is_empty() {
        return "<none>".into();
    }
    rss.iter()
        .map(|rs| {
            format!(
                "{} ({}/{} replicas created)",
                rs.name(),
                rs.status.replicas,
                rs.spec.replicas
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// DescribeEvents: an object's events (as the correlator left them: `2m
/// (x2 over 5m)`), oldest last seen first; a container's carry its field
/// path (`spec.containers{web}: …`).
pub(super) fn describe_events(c: &Cluster, object: &str, w: &mut String) {
    let mut grouped: Vec<EventView> = c.events_of(object);
    if grouped.is_empty() {
        w.push_str("Events:\t<none>\n");
        return;
    }
    grouped.sort_by_key(|e| e.last.truncated());
    w.push_str(
        "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n",
    );
    let now = c.now();
    for e in grouped {
        w.push_str(&format!(
            "  {}\t{}\t{}\t{}\t{}\n",
            e.type_,
            e.reason,
            event_age(&e, now),
            e.source,
            event_message(&e)
        ));
    }
}

/// DescribeEvents' Age: since the first time, or `2m (x2 over 5m)` for an event seen several times.
pub fn event_age(e: &EventView, now: crate::api::Time) -> String {
    let first = human_duration(now.0 - e.first.truncated().0);
    if e.count > 1 {
        format!(
            "{} (x{} over {first})",
            human_duration(now.0 - e.last.truncated().0),
            e.count
        )
    } else {
        first
    }
}

/// DescribeEvents' Message: a container's event starts with its field path.
pub fn event_message(e: &EventView) -> String {
    match &e.field_path {
        Some(path) => format!("{path}: {}", e.message.trim()),
        None => e.message.trim().to_string(),
    }
}

/// describeReplicaSet.
fn describe_replica_set(c: &Cluster, rs: &ReplicaSet) -> String {
    let mut w = String::new();
    w.push_str(&format!("Name:\t{}\n", rs.name()));
    w.push_str(&format!("Namespace:\t{}\n", rs.metadata.namespace));
    w.push_str(&format!("Selector:\t{}\n", rs.spec.selector));
    print_labels(&mut w, "Labels", &rs.metadata.labels);
    print_annotations(&mut w, "Annotations", &rs.metadata.annotations);
    if let Some(owner) = rs.metadata.owner_references.iter().find(|o| o.controller) {
        w.push_str(&format!("Controlled By:\t{}/{}\n", owner.kind, owner.name));
    }
    w.push_str(&format!(
        "Replicas:\t{} current / {} desired\n",
        rs.status.replicas, rs.spec.replicas
    ));
    // getPodStatusForController: its pods by phase.
    let pods = c.pods_of(rs.name());
    let running = pods.iter().filter(|p| p.state.phase() == "Running").count();
    let waiting = pods.iter().filter(|p| p.state.phase() == "Pending").count();
    w.push_str(&format!(
        "Pods Status:\t{running} Running / {waiting} Waiting / 0 Succeeded / 0 Failed\n"
    ));
    w.push_str(&describe_pod_template(&rs.spec.template));
    if !rs.status.conditions.is_empty() {
        w.push_str("Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n");
        for cond in &rs.status.conditions {
            w.push_str(&format!(
                "  {} \t{}\t{}\n",
                cond.type_, cond.status, cond.reason
            ));
        }
    }
    describe_events(c, &format!("replicaset/{}", rs.name()), &mut w);
    DESCRIBE.format(&w)
}

/// printLabelsMultiline: first label on the title line, the rest after a tab; `<none>` when empty.
pub(super) fn print_labels(w: &mut String, title: &str, labels: &BTreeMap<String, String>) {
    w.push_str(&format!("{title}:\t"));
    if labels.is_empty() {
        w.push_str("<none>\n");
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        w.push_str(&format!("{k}={v}\n"));
    }
}

/// Longest annotation printed on one line (`maxAnnotationLen`).
const MAX_ANNOTATION_LEN: usize = 140;

/// printAnnotationsMultiline: like labels, minus last-applied-configuration;
/// long or multi-line values go below their key, each line shortened.
pub(super) fn print_annotations(
    w: &mut String,
    title: &str,
    annotations: &BTreeMap<String, String>,
) {
    w.push_str(&format!("{title}:\t"));
    let shown: Vec<(&String, &String)> = annotations
        .iter()
        .filter(|(k, _)| k.as_str() != keys::LAST_APPLIED)
        .collect();
    if shown.is_empty() {
        w.push_str("<none>\n");
        return;
    }
    for (i, (key, value)) in shown.into_iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        let value = value.strip_suffix('\n').unwrap_or(value);
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.push_str(&format!("{key}:\n"));
            for line in value.split('\n') {
                w.push_str(&format!("\t  {}\n", shorten(line, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.push_str(&format!("{key}: {value}\n"));
        }
    }
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}...", &s[..cut]),
        None => s.to_string(),
    }
}

/// DescribePodTemplate, raw (tab-separated, not yet aligned).
pub fn describe_pod_template(t: &PodTemplateSpec) -> String {
    let mut w = String::from("Pod Template:\n");
    print_labels(&mut w, "  Labels", &t.metadata.labels);
    if !t.metadata.annotations.is_empty() {
        print_annotations(&mut w, "  Annotations", &t.metadata.annotations);
    }
    if !t.spec.init_containers.is_empty() {
        describe_containers(&mut w, "Init Containers", &t.spec.init_containers);
    }
    describe_containers(&mut w, "Containers", &t.spec.containers);
    w.push_str("  Volumes:\t<none>\n");
    w.push_str("  Node-Selectors:\t<none>\n");
    w.push_str("  Tolerations:\t<none>\n");
    w
}

fn describe_containers(w: &mut String, label: &str, containers: &[Container]) {
    if containers.is_empty() {
        w.push_str(&format!("  {label}: <none>\n"));
        return;
    }
    w.push_str(&format!("  {label}:\n"));
    for ctr in containers {
        super::describe_container::describe_container(w, ctr, " ", None, None);
    }
}

/// describeQuota: its hard limits with what is used, by resource name.
fn describe_quota(c: &Cluster, names: &[String]) -> Result<String, Failure> {
    use crate::sim::quota::{format_amount, QUOTA_NAME};
    let missing = names
        .iter()
        .find(|n| *n != QUOTA_NAME || c.quota().is_none());
    if let Some(name) = missing {
        return Err(super::not_found(Kind::ResourceQuota, name));
    }
    let Some(q) = c.quota() else {
        return Ok(String::new());
    };
    let mut w = format!(
        "Name:\t{QUOTA_NAME}\nNamespace:\tdefault\nResource\tUsed\tHard\n--------\t----\t----\n"
    );
    for ((resource, hard), (_, used)) in q.hard.iter().zip(c.quota_used()) {
        w.push_str(&format!(
            "{resource}\t{}\t{}\n",
            format_amount(resource, used),
            format_amount(resource, *hard)
        ));
    }
    Ok(super::printers::DESCRIBE.format(&w))
}

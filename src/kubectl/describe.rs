//! `kubectl describe deployment` (pkg/describe/describe.go
//! DeploymentDescriber), and DescribePodTemplate which `rollout history
//! --revision` prints too.

use super::args::{self, Kind};
use super::printers::{human_duration, DESCRIBE};
use super::{get_deployment, Failure};
use crate::api::{keys, Container, Deployment, PodTemplateSpec, ReplicaSet};
use crate::sim::deployment::sync::find_new_replica_set;
use crate::sim::Cluster;
use std::collections::BTreeMap;

pub fn run(c: &Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(words, &[], "kubectl describe")?;
    let (kind, names) = args::resources(&a.positional)?;
    if kind == Kind::ResourceQuota {
        return describe_quota(c, &names);
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
    describe_events(c, d, &mut w);
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

/// DescribeEvents: identical events are aggregated as the event
/// correlator does (`2m (x2 over 5m)`).
fn describe_events(c: &Cluster, d: &Deployment, w: &mut String) {
    let object = format!("deployment/{}", d.name());
    let mut grouped: Vec<(&crate::sim::Event, usize, crate::api::Time)> = Vec::new();
    for e in c.events().iter().filter(|e| e.object == object) {
        match grouped
            .iter_mut()
            .find(|(g, _, _)| g.reason == e.reason && g.message == e.message && g.type_ == e.type_)
        {
            Some(entry) => {
                entry.1 += 1;
                entry.2 = e.time;
            }
            None => grouped.push((e, 1, e.time)),
        }
    }
    if grouped.is_empty() {
        w.push_str("Events:\t<none>\n");
        return;
    }
    grouped.sort_by_key(|(_, _, last)| *last);
    w.push_str(
        "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n",
    );
    let now = c.now();
    for (e, count, last) in grouped {
        let first_age = human_duration(now.0 - e.time.truncated().0);
        let interval = if count > 1 {
            format!(
                "{} (x{count} over {first_age})",
                human_duration(now.0 - last.truncated().0)
            )
        } else {
            first_age
        };
        w.push_str(&format!(
            "  {}\t{}\t{}\tdeployment-controller\t{}\n",
            e.type_,
            e.reason,
            interval,
            e.message.trim()
        ));
    }
}

/// printLabelsMultiline: first label on the title line, the rest after a tab; `<none>` when empty.
fn print_labels(w: &mut String, title: &str, labels: &BTreeMap<String, String>) {
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
fn print_annotations(w: &mut String, title: &str, annotations: &BTreeMap<String, String>) {
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
        w.push_str(&format!("   {}:\n", ctr.name));
        w.push_str(&format!("    Image:\t{}\n", ctr.image));
        let proto =
            |p: &crate::api::ContainerPort| p.protocol.clone().unwrap_or_else(|| "TCP".into());
        let ports: Vec<String> = ctr
            .ports
            .iter()
            .map(|p| format!("{}/{}", p.container_port, proto(p)))
            .collect();
        let host_ports: Vec<String> = ctr
            .ports
            .iter()
            .map(|p| format!("{}/{}", p.host_port.unwrap_or(0), proto(p)))
            .collect();
        let or_none = |v: &[String]| {
            if v.is_empty() {
                "<none>".to_string()
            } else {
                v.join(", ")
            }
        };
        let plural = |v: &[String]| if v.len() > 1 { "s" } else { "" };
        w.push_str(&format!(
            "    Port{}:\t{}\n",
            plural(&ports),
            or_none(&ports)
        ));
        w.push_str(&format!(
            "    Host Port{}:\t{}\n",
            plural(&host_ports),
            or_none(&host_ports)
        ));
        describe_container_resources(w, ctr);
        w.push_str("    Environment:\t<none>\n");
        w.push_str("    Mounts:\t<none>\n");
    }
}

/// describeContainerResources: Limits, then Requests, each by resource name.
fn describe_container_resources(w: &mut String, ctr: &crate::api::Container) {
    for (kind, title) in [("limits", "Limits"), ("requests", "Requests")] {
        let Some(amounts) = ctr.resources.as_ref().and_then(|r| r.get(kind)).and_then(|v| v.as_object()) else { continue };
        if amounts.is_empty() {
            continue;
        }
        w.push_str(&format!("    {title}:\n"));
        // A map with string keys: serde_json keeps them sorted, as SortedResourceNames does.
        for (name, amount) in amounts {
            let text = match amount {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            w.push_str(&format!("      {name}:\t{text}\n"));
        }
    }
}

/// describeQuota: its hard limits with what is used, by resource name.
fn describe_quota(c: &Cluster, names: &[String]) -> Result<String, Failure> {
    use crate::sim::quota::{format_amount, QUOTA_NAME};
    let missing = names.iter().find(|n| *n != QUOTA_NAME || c.quota().is_none());
    if let Some(name) = missing {
        return Err(super::not_found(Kind::ResourceQuota, name));
    }
    let Some(q) = c.quota() else {
        return Ok(String::new());
    };
    let mut w = format!("Name:\t{QUOTA_NAME}\nNamespace:\tdefault\nResource\tUsed\tHard\n--------\t----\t----\n");
    for ((resource, hard), (_, used)) in q.hard.iter().zip(c.quota_used()) {
        w.push_str(&format!("{resource}\t{}\t{}\n", format_amount(resource, used), format_amount(resource, *hard)));
    }
    Ok(super::printers::DESCRIBE.format(&w))
}

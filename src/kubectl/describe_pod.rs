//! `kubectl describe pod|pods [NAME]` (describe.go describePod), printed
//! from the pod object as `get pod -o json` gives it, as kubectl prints it
//! from what the API server returns.

use super::describe::{describe_events, print_annotations, print_labels};
use super::printers::DESCRIBE;
use crate::api::Time;
use crate::sim::Cluster;
use serde_json::Value;
use std::collections::BTreeMap;

/// A timestamp of the object in RFC 1123 with a numeric zone, as Go's time.RFC1123Z.
fn rfc1123z(stamp: &Value) -> String {
    stamp.as_str().and_then(Time::parse_rfc3339).unwrap_or_default().rfc1123z()
}

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
        .unwrap_or_default()
}

/// describeStatus: a container state.
fn describe_state(w: &mut String, title: &str, state: &Value) {
    if let Some(running) = state.get("running") {
        w.push_str(&format!("    {title}:\tRunning\n      Started:\t{}\n", rfc1123z(&running["startedAt"])));
    } else if let Some(terminated) = state.get("terminated") {
        w.push_str(&format!("    {title}:\tTerminated\n"));
        if let Some(reason) = terminated["reason"].as_str() {
            w.push_str(&format!("      Reason:\t{reason}\n"));
        }
        w.push_str(&format!("      Exit Code:\t{}\n", terminated["exitCode"].as_i64().unwrap_or(0)));
        w.push_str(&format!("      Started:\t{}\n", rfc1123z(&terminated["startedAt"])));
        w.push_str(&format!("      Finished:\t{}\n", rfc1123z(&terminated["finishedAt"])));
    } else {
        w.push_str(&format!("    {title}:\tWaiting\n"));
        if let Some(reason) = state["waiting"]["reason"].as_str() {
            w.push_str(&format!("      Reason:\t{reason}\n"));
        }
    }
}

/// describeContainers for the pod's containers, with their statuses.
fn describe_containers(w: &mut String, pod: &Value) {
    let containers = pod["spec"]["containers"].as_array().cloned().unwrap_or_default();
    let statuses = pod["status"]["containerStatuses"].as_array().cloned().unwrap_or_default();
    w.push_str(if containers.is_empty() { "Containers: <none>\n" } else { "Containers:\n" });
    for c in &containers {
        let name = c["name"].as_str().unwrap_or_default();
        let status = statuses.iter().find(|s| s["name"] == c["name"]);
        w.push_str(&format!("  {name}:\n"));
        if let Some(s) = status {
            w.push_str(&format!("    Container ID:\t{}\n", s["containerID"].as_str().unwrap_or_default()));
        }
        w.push_str(&format!("    Image:\t{}\n", c["image"].as_str().unwrap_or_default()));
        if let Some(s) = status {
            w.push_str(&format!("    Image ID:\t{}\n", s["imageID"].as_str().unwrap_or_default()));
        }
        let ports: Vec<&Value> = c["ports"].as_array().map(|p| p.iter().collect()).unwrap_or_default();
        let port = |p: &Value, key: &str| {
            let base = format!("{}/{}", p[key].as_i64().unwrap_or(0), p["protocol"].as_str().unwrap_or("TCP"));
            match p["name"].as_str() {
                Some(n) => format!("{base} ({n})"),
                None => base,
            }
        };
        for (key, one, many) in [("containerPort", "Port", "Ports"), ("hostPort", "Host Port", "Host Ports")] {
            let text = ports.iter().map(|p| port(p, key)).collect::<Vec<_>>().join(", ");
            let title = if text.contains(',') { many } else { one };
            w.push_str(&format!("    {title}:\t{}\n", if text.is_empty() { "<none>" } else { &text }));
        }
        if let Some(s) = status {
            describe_state(w, "State", &s["state"]);
            if s["lastState"].get("terminated").is_some() {
                describe_state(w, "Last State", &s["lastState"]);
            }
            w.push_str(&format!("    Ready:\t{}\n", if s["ready"] == true { "True" } else { "False" }));
            w.push_str(&format!("    Restart Count:\t{}\n", s["restartCount"].as_i64().unwrap_or(0)));
        }
        for (kind, title) in [("limits", "Limits"), ("requests", "Requests")] {
            if let Some(amounts) = c["resources"][kind].as_object().filter(|m| !m.is_empty()) {
                w.push_str(&format!("    {title}:\n"));
                for (resource, amount) in amounts {
                    w.push_str(&format!("      {resource}:\t{}\n", amount.as_str().map_or(amount.to_string(), str::to_string)));
                }
            }
        }
        w.push_str("    Environment:\t<none>\n    Mounts:\t<none>\n");
    }
}

/// printPodTolerationsMultiline: sorted by key, `key:Effect op=Exists for 300s`.
fn print_tolerations(w: &mut String, tolerations: &Value) {
    let mut list: Vec<&Value> = tolerations.as_array().map(|t| t.iter().collect()).unwrap_or_default();
    w.push_str("Tolerations:\t");
    if list.is_empty() {
        w.push_str("<none>\n");
        return;
    }
    list.sort_by_key(|t| t["key"].as_str().unwrap_or_default().to_string());
    for (i, t) in list.iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        w.push_str(t["key"].as_str().unwrap_or_default());
        if let Some(effect) = t["effect"].as_str() {
            w.push_str(&format!(":{effect}"));
        }
        if t["operator"] == "Exists" {
            w.push_str(" op=Exists");
        }
        if let Some(seconds) = t["tolerationSeconds"].as_i64() {
            w.push_str(&format!(" for {seconds}s"));
        }
        w.push('\n');
    }
}

/// describePod.
pub fn describe_pod(c: &Cluster, pod: &Value) -> String {
    let (meta, spec, status) = (&pod["metadata"], &pod["spec"], &pod["status"]);
    let mut w = String::new();
    w.push_str(&format!("Name:\t{}\nNamespace:\t{}\n", meta["name"].as_str().unwrap_or_default(), meta["namespace"].as_str().unwrap_or_default()));
    if let Some(priority) = spec["priority"].as_i64() {
        w.push_str(&format!("Priority:\t{priority}\n"));
    }
    if let Some(account) = spec["serviceAccountName"].as_str() {
        w.push_str(&format!("Service Account:\t{account}\n"));
    }
    match spec["nodeName"].as_str() {
        Some(node) => w.push_str(&format!("Node:\t{node}/{}\n", status["hostIP"].as_str().unwrap_or_default())),
        None => w.push_str("Node:\t<none>\n"),
    }
    if !status["startTime"].is_null() {
        w.push_str(&format!("Start Time:\t{}\n", rfc1123z(&status["startTime"])));
    }
    print_labels(&mut w, "Labels", &string_map(&meta["labels"]));
    print_annotations(&mut w, "Annotations", &string_map(&meta["annotations"]));
    match meta["deletionTimestamp"].as_str() {
        Some(deleted) => {
            let since = c.now().0 - Time::parse_rfc3339(deleted).unwrap_or_default().0;
            w.push_str(&format!("Status:\tTerminating (lasts {})\n", super::printers::human_duration(since)));
            w.push_str(&format!("Termination Grace Period:\t{}s\n", meta["deletionGracePeriodSeconds"].as_i64().unwrap_or(30)));
        }
        None => w.push_str(&format!("Status:\t{}\n", status["phase"].as_str().unwrap_or_default())),
    }
    let ip = status["podIP"].as_str().unwrap_or_default();
    w.push_str(&format!("IP:\t{ip}\n"));
    if ip.is_empty() {
        w.push_str("IPs:\t<none>\n");
    } else {
        w.push_str(&format!("IPs:\n  IP:\t{ip}\n"));
    }
    if let Some(owner) = meta["ownerReferences"].as_array().and_then(|o| o.iter().find(|o| o["controller"] == true)) {
        w.push_str(&format!("Controlled By:\t{}/{}\n", owner["kind"].as_str().unwrap_or_default(), owner["name"].as_str().unwrap_or_default()));
    }
    describe_containers(&mut w, pod);
    if let Some(conditions) = status["conditions"].as_array().filter(|c| !c.is_empty()) {
        w.push_str("Conditions:\n  Type\tStatus\n");
        for cond in conditions {
            w.push_str(&format!("  {} \t{} \n", cond["type"].as_str().unwrap_or_default(), cond["status"].as_str().unwrap_or_default()));
        }
    }
    w.push_str("Volumes:\t<none>\n");
    w.push_str(&format!("QoS Class:\t{}\n", status["qosClass"].as_str().unwrap_or_default()));
    print_labels(&mut w, "Node-Selectors", &string_map(&spec["nodeSelector"]));
    print_tolerations(&mut w, &spec["tolerations"]);
    describe_events(c, &format!("pod/{}", meta["name"].as_str().unwrap_or_default()), &mut w);
    DESCRIBE.format(&w)
}

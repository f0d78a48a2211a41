//! `kubectl describe pod|pods [NAME]` (describe.go describePod), printed
//! from the pod object as `get pod -o json` gives it, as kubectl prints it
//! from what the API server returns.

use super::describe::{describe_events, print_annotations, print_labels};
use super::describe_container::{describe_container, rfc1123z};
use super::printers::DESCRIBE;
use crate::api::{Container, Time};
use crate::sim::Cluster;
use serde_json::Value;
use std::collections::BTreeMap;

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// describeContainers for the pod's containers, with their statuses.
fn describe_containers(w: &mut String, pod: &Value) {
    let containers: Vec<Container> =
        serde_json::from_value(pod["spec"]["containers"].clone()).unwrap_or_default();
    let statuses = pod["status"]["containerStatuses"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    w.push_str(if containers.is_empty() {
        "Containers: <none>\n"
    } else {
        "Containers:\n"
    });
    for c in &containers {
        let status = statuses.iter().find(|s| s["name"] == c.name.as_str());
        describe_container(w, c, "", status, Some(pod));
    }
}

/// printPodTolerationsMultiline: sorted by key, `key:Effect op=Exists for 300s`.
fn print_tolerations(w: &mut String, tolerations: &Value) {
    let mut list: Vec<&Value> = tolerations
        .as_array()
        .map(|t| t.iter().collect())
        .unwrap_or_default();
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
    w.push_str(&format!(
        "Name:\t{}\nNamespace:\t{}\n",
        meta["name"].as_str().unwrap_or_default(),
        meta["namespace"].as_str().unwrap_or_default()
    ));
    if let Some(priority) = spec["priority"].as_i64() {
        w.push_str(&format!("Priority:\t{priority}\n"));
    }
    if let Some(account) = spec["serviceAccountName"].as_str() {
        w.push_str(&format!("Service Account:\t{account}\n"));
    }
    match spec["nodeName"].as_str() {
        Some(node) => w.push_str(&format!(
            "Node:\t{node}/{}\n",
            status["hostIP"].as_str().unwrap_or_default()
        )),
        None => w.push_str("Node:\t<none>\n"),
    }
    if !status["startTime"].is_null() {
        w.push_str(&format!(
            "Start Time:\t{}\n",
            rfc1123z(&status["startTime"])
        ));
    }
    print_labels(&mut w, "Labels", &string_map(&meta["labels"]));
    print_annotations(&mut w, "Annotations", &string_map(&meta["annotations"]));
    match meta["deletionTimestamp"].as_str() {
        Some(deleted) => {
            let since = c.now().0 - Time::parse_rfc3339(deleted).unwrap_or_default().0;
            w.push_str(&format!(
                "Status:\tTerminating (lasts {})\n",
                super::printers::human_duration(since)
            ));
            w.push_str(&format!(
                "Termination Grace Period:\t{}s\n",
                meta["deletionGracePeriodSeconds"].as_i64().unwrap_or(30)
            ));
        }
        None => w.push_str(&format!(
            "Status:\t{}\n",
            status["phase"].as_str().unwrap_or_default()
        )),
    }
    let ip = status["podIP"].as_str().unwrap_or_default();
    w.push_str(&format!("IP:\t{ip}\n"));
    if ip.is_empty() {
        w.push_str("IPs:\t<none>\n");
    } else {
        w.push_str(&format!("IPs:\n  IP:\t{ip}\n"));
    }
    if let Some(owner) = meta["ownerReferences"]
        .as_array()
        .and_then(|o| o.iter().find(|o| o["controller"] == true))
    {
        w.push_str(&format!(
            "Controlled By:\t{}/{}\n",
            owner["kind"].as_str().unwrap_or_default(),
            owner["name"].as_str().unwrap_or_default()
        ));
    }
    describe_containers(&mut w, pod);
    if let Some(conditions) = status["conditions"].as_array().filter(|c| !c.is_empty()) {
        w.push_str("Conditions:\n  Type\tStatus\n");
        for cond in conditions {
            w.push_str(&format!(
                "  {} \t{} \n",
                cond["type"].as_str().unwrap_or_default(),
                cond["status"].as_str().unwrap_or_default()
            ));
        }
    }
    w.push_str("Volumes:\t<none>\n");
    w.push_str(&format!(
        "QoS Class:\t{}\n",
        status["qosClass"].as_str().unwrap_or_default()
    ));
    print_labels(&mut w, "Node-Selectors", &string_map(&spec["nodeSelector"]));
    print_tolerations(&mut w, &spec["tolerations"]);
    describe_events(
        c,
        &format!("pod/{}", meta["name"].as_str().unwrap_or_default()),
        &mut w,
    );
    DESCRIBE.format(&w)
}

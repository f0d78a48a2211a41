//! describeContainers (describe.go): one container of a pod template or a
//! pod, with its status when it has one.

use crate::api::{Container, Time};
use serde_json::Value;

/// A timestamp of the object in RFC 1123 with a numeric zone, as Go's time.RFC1123Z.
pub fn rfc1123z(stamp: &Value) -> String {
    stamp
        .as_str()
        .and_then(Time::parse_rfc3339)
        .unwrap_or_default()
        .rfc1123z()
}

/// describeContainerBasicInfo, describeContainerCommand, describeContainerState,
/// describeResources, describeContainerProbe, describeContainerEnvVars and
/// describeContainerVolumes. `name_indent` is " " in a pod template; `pod`
/// resolves the environment's field references (EnvValueRetriever).
pub fn describe_container(
    w: &mut String,
    ctr: &Container,
    name_indent: &str,
    status: Option<&Value>,
    pod: Option<&Value>,
) {
    w.push_str(&format!("  {name_indent}{}:\n", ctr.name));
    if let Some(s) = status {
        w.push_str(&format!(
            "    Container ID:\t{}\n",
            s["containerID"].as_str().unwrap_or_default()
        ));
    }
    w.push_str(&format!("    Image:\t{}\n", ctr.image));
    if let Some(s) = status {
        w.push_str(&format!(
            "    Image ID:\t{}\n",
            s["imageID"].as_str().unwrap_or_default()
        ));
    }
    let port = |p: &crate::api::ContainerPort, number: i32| {
        let base = format!("{number}/{}", p.protocol.as_deref().unwrap_or_default());
        match &p.name {
            Some(name) if !name.is_empty() => format!("{base} ({name})"),
            _ => base,
        }
    };
    let ports: Vec<String> = ctr
        .ports
        .iter()
        .map(|p| port(p, p.container_port))
        .collect();
    let host_ports: Vec<String> = ctr
        .ports
        .iter()
        .map(|p| port(p, p.host_port.unwrap_or(0)))
        .collect();
    for (list, one, many) in [
        (&ports, "Port", "Ports"),
        (&host_ports, "Host Port", "Host Ports"),
    ] {
        let text = list.join(", ");
        let title = if text.contains(',') { many } else { one };
        w.push_str(&format!(
            "    {title}:\t{}\n",
            if text.is_empty() { "<none>" } else { &text }
        ));
    }
    for (title, words) in [("Command", &ctr.command), ("Args", &ctr.args)] {
        if let Some(words) = words.as_ref().filter(|w| !w.is_empty()) {
            w.push_str(&format!("    {title}:\n"));
            for line in words.iter().flat_map(|word| word.split('\n')) {
                w.push_str(&format!("      {line}\n"));
            }
        }
    }
    if let Some(s) = status {
        describe_state(w, "State", &s["state"]);
        if s["lastState"].get("terminated").is_some() {
            describe_state(w, "Last State", &s["lastState"]);
        }
        w.push_str(&format!(
            "    Ready:\t{}\n",
            if s["ready"] == true { "True" } else { "False" }
        ));
        w.push_str(&format!(
            "    Restart Count:\t{}\n",
            s["restartCount"].as_i64().unwrap_or(0)
        ));
    }
    for (kind, title) in [("limits", "Limits"), ("requests", "Requests")] {
        if let Some(amounts) = ctr
            .resources
            .as_ref()
            .and_then(|r| r.get(kind))
            .and_then(Value::as_object)
            .filter(|m| !m.is_empty())
        {
            w.push_str(&format!("    {title}:\n"));
            // A map with string keys: serde_json keeps them sorted, as SortedResourceNames does.
            for (resource, amount) in amounts {
                w.push_str(&format!(
                    "      {resource}:\t{}\n",
                    amount.as_str().map_or(amount.to_string(), str::to_string)
                ));
            }
        }
    }
    for (title, probe) in [
        ("Liveness", &ctr.liveness_probe),
        ("Readiness", &ctr.readiness_probe),
        ("Startup", &ctr.startup_probe),
    ] {
        if let Some(probe) = probe {
            w.push_str(&format!("    {title}:\t{}\n", describe_probe(probe)));
        }
    }
    describe_env(w, ctr.env.as_ref(), pod);
    w.push_str("    Mounts:\t<none>\n");
}

/// describeStatus: a container state.
fn describe_state(w: &mut String, title: &str, state: &Value) {
    if let Some(running) = state.get("running") {
        w.push_str(&format!(
            "    {title}:\tRunning\n      Started:\t{}\n",
            rfc1123z(&running["startedAt"])
        ));
    } else if let Some(terminated) = state.get("terminated") {
        w.push_str(&format!("    {title}:\tTerminated\n"));
        if let Some(reason) = terminated["reason"].as_str() {
            w.push_str(&format!("      Reason:\t{reason}\n"));
        }
        w.push_str(&format!(
            "      Exit Code:\t{}\n",
            terminated["exitCode"].as_i64().unwrap_or(0)
        ));
        w.push_str(&format!(
            "      Started:\t{}\n",
            rfc1123z(&terminated["startedAt"])
        ));
        w.push_str(&format!(
            "      Finished:\t{}\n",
            rfc1123z(&terminated["finishedAt"])
        ));
    } else {
        w.push_str(&format!("    {title}:\tWaiting\n"));
        if let Some(reason) = state["waiting"]["reason"].as_str() {
            w.push_str(&format!("      Reason:\t{reason}\n"));
        }
    }
}

/// DescribeProbe: `http-get http://:8080/ delay=0s timeout=1s period=10s successThreshold=1 failureThreshold=3`.
pub fn describe_probe(probe: &Value) -> String {
    let n = |key: &str| probe[key].as_i64().unwrap_or(0);
    let attrs = format!(
        "delay={}s timeout={}s period={}s successThreshold={} failureThreshold={}",
        n("initialDelaySeconds"),
        n("timeoutSeconds"),
        n("periodSeconds"),
        n("successThreshold"),
        n("failureThreshold")
    );
    let port = |v: &Value| v.as_str().map_or(v.to_string(), str::to_string);
    if let Some(exec) = probe.get("exec") {
        let command: Vec<&str> = exec["command"]
            .as_array()
            .map(|c| c.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        format!("exec [{}] {attrs}", command.join(" "))
    } else if let Some(http) = probe.get("httpGet") {
        let host = http["host"].as_str().unwrap_or_default();
        let scheme = http["scheme"].as_str().unwrap_or_default().to_lowercase();
        format!(
            "http-get {scheme}://{host}:{}{} {attrs}",
            port(&http["port"]),
            http["path"].as_str().unwrap_or_default()
        )
    } else if let Some(tcp) = probe.get("tcpSocket") {
        format!(
            "tcp-socket {}:{} {attrs}",
            tcp["host"].as_str().unwrap_or_default(),
            port(&tcp["port"])
        )
    } else if let Some(grpc) = probe.get("grpc") {
        format!(
            "grpc <pod>:{} {} {attrs}",
            grpc["port"].as_i64().unwrap_or(0),
            grpc["service"].as_str().unwrap_or_default()
        )
    } else {
        format!("unknown {attrs}")
    }
}

/// fieldpath.ExtractFieldPathAsString: the pod's metadata fields (others read empty).
fn field_of(pod: &Value, path: &str) -> String {
    let meta = &pod["metadata"];
    match path {
        "metadata.name" | "metadata.namespace" | "metadata.uid" => meta[&path["metadata.".len()..]]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        _ => {
            let keyed = |prefix: &str, map: &str| {
                let key = path.strip_prefix(prefix)?.strip_suffix("']")?;
                Some(meta[map][key].as_str().unwrap_or_default().to_string())
            };
            keyed("metadata.labels['", "labels")
                .or_else(|| keyed("metadata.annotations['", "annotations"))
                .unwrap_or_default()
        }
    }
}

/// describeContainerEnvVars: a field reference is resolved on a pod, empty in a template.
fn describe_env(w: &mut String, env: Option<&Value>, pod: Option<&Value>) {
    let vars = env.and_then(Value::as_array).filter(|v| !v.is_empty());
    let Some(vars) = vars else {
        w.push_str("    Environment:\t<none>\n");
        return;
    };
    w.push_str("    Environment:\n");
    for var in vars {
        let name = var["name"].as_str().unwrap_or_default();
        let from = &var["valueFrom"];
        if from.is_null() {
            for (i, line) in var["value"]
                .as_str()
                .unwrap_or_default()
                .split('\n')
                .enumerate()
            {
                if i == 0 {
                    w.push_str(&format!("      {name}:\t{line}\n"));
                } else {
                    w.push_str(&format!("      \t{line}\n"));
                }
            }
        } else if let Some(field) = from.get("fieldRef") {
            let path = field["fieldPath"].as_str().unwrap_or_default();
            let value = pod.map(|p| field_of(p, path)).unwrap_or_default();
            w.push_str(&format!(
                "      {name}:\t{value} ({}:{path})\n",
                field["apiVersion"].as_str().unwrap_or_default()
            ));
        } else if let Some((key, whose)) = [
            ("secretKeyRef", "in secret"),
            ("configMapKeyRef", "of config map"),
        ]
        .into_iter()
        .find_map(|(source, whose)| from.get(source).map(|key| (key, whose)))
        {
            w.push_str(&format!(
                "      {name}:\t<set to the key '{}' {whose} '{}'>\tOptional: {}\n",
                key["key"].as_str().unwrap_or_default(),
                key["name"].as_str().unwrap_or_default(),
                key["optional"] == true
            ));
        }
    }
}

//! The real kubectl against the simulator: the simulator's objects are
//! served over the Kubernetes API (discovery, GET and LIST; a WATCH stays
//! open and empty) and kubectl 1.37.1 runs `describe`, `rollout history`,
//! `rollout status` and `rollout undo --dry-run=client` on them; the
//! console's output must be the same, byte for byte, ages aside. kubectl
//! computes the events' ages from its own clock, so they are served with
//! timestamps that give the ages the simulated clock gives; an age that a
//! second's tick changes is masked.
//!
//! kubectl comes from `.ci/setup`, which puts it in `target/tools` (`KUBECTL`
//! overrides the path): without it this test fails and says so.

use rollout_lab::api::Time;
use rollout_lab::kubectl;
use rollout_lab::scenario::{presets, Happened, Session};
use rollout_lab::sim::Cluster;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// 2026-01-01T00:00:00Z, the simulator's time 0, in Unix seconds.
const SIM_EPOCH_S: i64 = 1_767_225_600;

fn kubectl_binary() -> PathBuf {
    std::env::var_os("KUBECTL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tools/kubectl-1.37.1/kubectl")
        })
}

/// The objects the API serves, by path (without the query).
struct Objects {
    routes: BTreeMap<String, Value>,
}

fn json_of(c: &mut Cluster, line: &str) -> Value {
    let out = kubectl::run(c, line);
    assert_eq!(out.exit_code, 0, "{line}: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

impl Objects {
    fn of(c: &Cluster, deployment: &str) -> Objects {
        let mut c = c.clone();
        let d = json_of(&mut c, &format!("get deployment {deployment} -o json"));
        let mut rss = json_of(&mut c, "get rs -o json");
        if rss["kind"] == "ReplicaSet" {
            rss = json!({"items": [rss]});
        }
        for item in rss["items"].as_array_mut().unwrap() {
            item["apiVersion"] = json!("apps/v1");
            item["kind"] = json!("ReplicaSet");
        }
        let resource = |name: &str, kind: &str| json!({"name": name, "singularName": "", "namespaced": true, "kind": kind, "verbs": ["get", "list", "watch", "patch"]});
        let mut routes = BTreeMap::new();
        // The API server's version (`kubectl version`), from the release the lab is.
        let release = kubectl::KUBERNETES_VERSION;
        let (major, minor) = release[1..].split_once('.').unwrap();
        let minor = minor.split('.').next().unwrap();
        routes.insert("/version".into(), json!({"major": major, "minor": minor, "gitVersion": release, "gitCommit": "", "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.25.0", "compiler": "gc", "platform": "linux/amd64"}));
        routes.insert("/api".into(), json!({"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}));
        routes.insert("/apis".into(), json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": [{"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}], "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}}]}));
        routes.insert("/api/v1".into(), json!({"kind": "APIResourceList", "groupVersion": "v1", "resources": [resource("pods", "Pod"), resource("events", "Event")]}));
        routes.insert("/apis/apps/v1".into(), json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "apps/v1", "resources": [resource("deployments", "Deployment"), resource("replicasets", "ReplicaSet")]}));
        routes.insert(
            format!("/apis/apps/v1/namespaces/default/deployments/{deployment}"),
            d.clone(),
        );
        routes.insert("/apis/apps/v1/namespaces/default/deployments".into(), json!({"kind": "DeploymentList", "apiVersion": "apps/v1", "metadata": {"resourceVersion": "1"}, "items": [d.clone()]}));
        routes.insert("/apis/apps/v1/namespaces/default/replicasets".into(), json!({"kind": "ReplicaSetList", "apiVersion": "apps/v1", "metadata": {"resourceVersion": "1"}, "items": rss["items"]}));
        routes.insert("/api/v1/namespaces/default/events".into(), events(&c));
        let pod_list = pods(&c);
        for pod in pod_list["items"].as_array().unwrap() {
            routes.insert(
                format!(
                    "/api/v1/namespaces/default/pods/{}",
                    pod["metadata"]["name"].as_str().unwrap()
                ),
                pod.clone(),
            );
        }
        routes.insert("/api/v1/namespaces/default/pods".into(), pod_list);
        for rs in rss["items"].as_array().unwrap() {
            routes.insert(
                format!(
                    "/apis/apps/v1/namespaces/default/replicasets/{}",
                    rs["metadata"]["name"].as_str().unwrap()
                ),
                rs.clone(),
            );
        }
        Objects { routes }
    }
}

/// Every event as the console's `get events -o json` gives it, its
/// timestamps moved so that kubectl's clock finds them as old as the
/// simulated clock does.
fn events(c: &Cluster) -> Value {
    let real_now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let shift = real_now_ms - SIM_EPOCH_S * 1000 - c.now().0;
    let moved = |stamp: &Value| {
        let t = Time::parse_rfc3339(stamp.as_str().unwrap()).unwrap();
        json!(Time(t.0 + shift).rfc3339())
    };
    let out = kubectl::run(&mut c.clone(), "get events -o json");
    let mut list: Value = serde_json::from_str(&out.stdout).unwrap_or(json!({"items": []}));
    if list["kind"] == "Event" {
        list = json!({"items": [list]});
    }
    let mut items = list["items"].take();
    for item in items.as_array_mut().unwrap() {
        for key in ["firstTimestamp", "lastTimestamp"] {
            item[key] = moved(&item[key]);
        }
    }
    json!({"kind": "EventList", "apiVersion": "v1", "metadata": {"resourceVersion": "1"}, "items": items})
}

/// Every pod as the console's `get pods -o json` gives it.
fn pods(c: &Cluster) -> Value {
    let out = kubectl::run(&mut c.clone(), "get pods -o json");
    let mut list: Value = serde_json::from_str(&out.stdout).unwrap_or(json!({"items": []}));
    if list["kind"] == "Pod" {
        list = json!({"items": [list]});
    }
    json!({"kind": "PodList", "apiVersion": "v1", "metadata": {"resourceVersion": "1"}, "items": list["items"]})
}

/// A list filtered by a field selector of `key=value` terms (kubectl
/// describe asks for an object's events by involvedObject.name, .kind, .uid…).
fn field_selected(list: &Value, selector: &str) -> Value {
    let terms: Vec<(String, String)> = selector
        .split(',')
        .filter_map(|t| t.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut out = list.clone();
    let items: Vec<Value> = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| {
            terms.iter().all(|(path, want)| {
                let got = path.split('.').fold(*item, |v, k| &v[k]);
                got.as_str().unwrap_or("") == want
            })
        })
        .cloned()
        .collect();
    out["items"] = json!(items);
    out
}

/// `%XX` escapes of a query value.
fn unescaped(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Serves `objects` on a free port of 127.0.0.1 (a thread per connection).
fn serve(objects: Objects) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let routes = std::sync::Arc::new(objects.routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || answer(stream, &routes));
        }
    });
    port
}

fn answer(mut stream: TcpStream, routes: &BTreeMap<String, Value>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
        if let Some(v) = header.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let target = request.split(' ').nth(1).unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if query
        .split('&')
        .any(|p| p == "watch=true" || p == "watch=1")
    {
        // A watch that never sees a change. Asked for its initial events
        // (client-go's watch-list), it first sends the list's items and the
        // bookmark that ends them; then silence until kubectl hangs up.
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        if query.split('&').any(|p| p == "sendInitialEvents=true") {
            let list = routes.get(path).cloned().unwrap_or(json!({"items": []}));
            let kind = list["kind"]
                .as_str()
                .unwrap_or("List")
                .trim_end_matches("List")
                .to_string();
            let mut events: Vec<Value> = list["items"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|o| json!({"type": "ADDED", "object": o}))
                .collect();
            events.push(json!({"type": "BOOKMARK", "object": {"kind": kind, "apiVersion": list["apiVersion"], "metadata": {"resourceVersion": "1", "annotations": {"k8s.io/initial-events-end": "true"}}}}));
            for event in events {
                let line = format!("{event}\n");
                let _ = write!(stream, "{:x}\r\n{line}\r\n", line.len());
            }
            let _ = stream.flush();
        }
        std::thread::sleep(Duration::from_secs(20));
        return;
    }
    let selector = query
        .split('&')
        .find_map(|p| p.strip_prefix("fieldSelector="))
        .map(unescaped);
    let (status, json) = match routes.get(path) {
        Some(v) if selector.is_some() => ("200 OK", field_selected(v, selector.as_deref().unwrap_or("")).to_string()),
        Some(v) => ("200 OK", v.to_string()),
        None => ("404 Not Found", json!({"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404}).to_string()),
    };
    let _ = write!(stream, "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}", json.len());
}

/// Runs the real kubectl against the served objects: stdout, stderr
/// without klog's lines, exit code.
fn real(port: u16, line: &str) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("rollout-lab-kubeconfig-{port}"));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config");
    std::fs::write(
        &config,
        format!("apiVersion: v1\nkind: Config\nclusters: [{{name: sim, cluster: {{server: \"http://127.0.0.1:{port}\"}}}}]\ncontexts: [{{name: sim, context: {{cluster: sim, namespace: default}}}}]\ncurrent-context: sim\nusers: []\n"),
    )
    .unwrap();
    let binary = kubectl_binary();
    let out = Command::new(&binary)
        .arg(format!("--kubeconfig={}", config.display()))
        .args(line.split(' '))
        .env("TZ", "UTC")
        .env("HOME", &dir)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e} (run .ci/setup, or set KUBECTL)", binary.display()));
    let stderr = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| {
            !(l.len() > 5
                && l.as_bytes()[0].is_ascii_uppercase()
                && l[1..5].bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        out.status.code().unwrap_or(-1),
    )
}

/// Ages (`5s`, `9m58s`, `2m (x2 over 5m)`) as placeholders of the same length.
fn masked(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_inclusive([' ', '\t', '\n', '(']) {
        let core = word.trim_end_matches([' ', '\t', '\n', '(', ')']);
        let is_age = !core.is_empty()
            && core.chars().next().is_some_and(|c| c.is_ascii_digit())
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || "smhdy".contains(c))
            && core.chars().any(|c| "smhdy".contains(c));
        if is_age {
            out.push_str(&"~".repeat(core.len()));
            out.push_str(&word[core.len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Every command of the comparison, on one state of a session.
fn compare(s: &Session, what: &str) {
    let name = s.deployment_name().to_string();
    let port = serve(Objects::of(s.cluster(), &name));
    let revisions: Vec<i64> = s
        .cluster()
        .replica_sets_of(&name)
        .iter()
        .filter_map(|rs| rs.revision().ok())
        .collect();
    let mut lines = vec![
        "version".to_string(),
        format!("describe deployment {name}"),
        format!("rollout history deployment/{name}"),
        format!("rollout status deployment/{name} --watch=false"),
        format!("rollout undo deployment/{name} --dry-run=client"),
    ];
    lines.extend(
        revisions
            .iter()
            .map(|r| format!("rollout history deployment/{name} --revision={r}")),
    );
    lines.extend(
        s.cluster()
            .replica_sets_of(&name)
            .iter()
            .map(|rs| format!("describe replicaset {}", rs.name())),
    );
    lines.extend(
        s.cluster()
            .pods()
            .iter()
            .map(|p| format!("describe pod {}", p.name)),
    );
    // The objects as the API returns them, printed by kubectl's YAML printer and by ours.
    lines.push(format!("get deployment {name} -o yaml"));
    lines.extend(
        s.cluster()
            .replica_sets_of(&name)
            .iter()
            .map(|rs| format!("get replicaset {} -o yaml", rs.name())),
    );
    lines.extend(
        s.cluster()
            .pods()
            .iter()
            .map(|p| format!("get pod {} -o yaml", p.name)),
    );
    for line in lines {
        let mut c = s.cluster().clone();
        let ours = kubectl::run(&mut c, &line);
        let theirs = real(port, &line);
        assert!(
            !theirs.0.is_empty() || !theirs.1.is_empty(),
            "{what}: kubectl {line} printed nothing"
        );
        assert_eq!(
            (masked(&ours.stdout), masked(&ours.stderr), ours.exit_code),
            (masked(&theirs.0), masked(&theirs.1), theirs.2),
            "{what}: kubectl {line}"
        );
    }
}

fn session(preset: &str) -> Session {
    Session::new(presets::preset(preset).unwrap().scenario()).unwrap()
}

#[test]
fn the_real_kubectl_prints_what_the_console_prints() {
    // The seed Deployment at rest, two decisions into a rolling update, and rolled out.
    let mut s = session("seed");
    while s.step_decision().unwrap() != Happened::Idle {}
    compare(&s, "seed, at rest");
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.step_decision().unwrap();
    s.step_decision().unwrap();
    compare(&s, "seed, mid-rollout");
    while s.step_decision().unwrap() != Happened::Idle {}
    compare(&s, "seed, rolled out to v2");
    // The canary, paused after its first new pod.
    let mut canary = session("canary");
    while canary.step_decision().unwrap() != Happened::Idle {}
    compare(&canary, "canary, paused");
    // A stuck rollout past its progress deadline, before the script's undo.
    let mut stuck = session("stuck");
    while !stuck
        .cluster()
        .deployment(stuck.deployment_name())
        .unwrap()
        .status
        .conditions
        .iter()
        .any(|c| c.reason == "ProgressDeadlineExceeded")
    {
        assert_ne!(stuck.step().unwrap(), Happened::Idle);
    }
    compare(&stuck, "stuck, deadline exceeded");
    // A readiness probe that never passes: stalled at 1 new pod, then past the deadline.
    let mut readiness = session("readiness");
    while !readiness
        .cluster()
        .deployment(readiness.deployment_name())
        .unwrap()
        .status
        .conditions
        .iter()
        .any(|c| c.reason == "ProgressDeadlineExceeded")
    {
        assert_ne!(readiness.step().unwrap(), Happened::Idle);
    }
    compare(&readiness, "readiness, deadline exceeded");
    // The failure lab's other stalls past their deadline: a crash loop, a full node, a quota
    // without room (ReplicaFailure on the ReplicaSet and the Deployment).
    for preset in ["crashloop", "unschedulable", "quota"] {
        let mut stalled = session(preset);
        while !stalled
            .cluster()
            .deployment(stalled.deployment_name())
            .unwrap()
            .status
            .conditions
            .iter()
            .any(|c| c.reason == "ProgressDeadlineExceeded")
        {
            assert_ne!(stalled.step().unwrap(), Happened::Idle);
        }
        compare(&stalled, &format!("{preset}, deadline exceeded"));
    }
    // A template with every container field describe prints: command, args, named ports, env,
    // limits and requests, probes (defaulted by the API server), mid-rollout.
    let mut scenario = presets::preset("seed").unwrap().scenario();
    scenario.deployment["spec"]["template"]["spec"]["containers"][0] = json!({
        "name": "web", "image": "test_web:v1",
        "command": ["/bin/server"], "args": ["--port=8080", "--verbose"],
        "ports": [{"name": "http", "containerPort": 8080}, {"containerPort": 9090, "protocol": "UDP"}],
        "env": [{"name": "MODE", "value": "demo"}, {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                {"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "web", "key": "token"}}}],
        "resources": {"limits": {"memory": "256Mi"}, "requests": {"cpu": "250m", "memory": "128Mi"}},
        "readinessProbe": {"httpGet": {"path": "/healthz", "port": "http"}},
        "livenessProbe": {"tcpSocket": {"port": 8080}, "initialDelaySeconds": 5},
        "startupProbe": {"exec": {"command": ["cat", "/tmp/ready"]}},
    });
    let mut fields = Session::new(scenario).unwrap();
    while fields.step_decision().unwrap() != Happened::Idle {}
    fields
        .kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    fields.step_decision().unwrap();
    fields.step_decision().unwrap();
    compare(&fields, "every container field, mid-rollout");
    // A rollback to an older revision (revisions 1, 2 and 4 of nginx).
    let mut rollback = session("rollback");
    while rollback.step_decision().unwrap() != Happened::Idle {}
    compare(&rollback, "rollback, after undo --to-revision=2");
}

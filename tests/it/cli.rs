//! The `rollout` binary: the runner's contract (spec "Scenario format v1"):
//! exit codes 0/1/2, the result document on stdout, errors naming the JSON
//! path on stderr, never a panic's 101.

use std::process::Command;

fn rollout(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rollout"))
        .args(args)
        .output()
        .expect("the rollout binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("rollout-lab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_seed_trace_prints_its_six_scaling_events_in_order() {
    let path = crate::support::shared_conformance_dir().join("trace-seed-3-replicas.json");
    let (code, stdout, stderr) = rollout(&["run", path.to_str().unwrap(), "--check"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // Since v1.1 `events` holds every object's events: the Deployment's are its scalings.
    let events: Vec<String> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["object"].as_str().unwrap().starts_with("deployment/"))
        .map(|e| e["message"].as_str().unwrap().to_string())
        .collect();
    let shapes: Vec<String> = events
        .iter()
        .map(|m| {
            let words: Vec<&str> = m.split(' ').collect();
            format!(
                "{} {} {}",
                words[1],
                words[words.len() - 3],
                words[words.len() - 1]
            )
        })
        .collect();
    assert_eq!(
        shapes,
        ["up 0 1", "down 3 2", "up 1 2", "down 2 1", "up 2 3", "down 1 0"],
        "{events:?}"
    );
    assert_eq!(
        doc["steps"].as_array().unwrap().len(),
        12,
        "one entry per input step"
    );
    assert_eq!(
        doc["steps"][0]["stdout"],
        "deployment.apps/web image updated\n"
    );
}

#[test]
fn a_failed_expectation_exits_1_only_with_check() {
    let text = r#"{"deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1"}]}}}},
        "steps": [{"settle": 60}, {"expect": {"available": 3}}]}"#;
    let path = temp_file("failing.json", text);
    let (code, stdout, _) = rollout(&["run", &path]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["steps"][1]["expect"]["ok"], false);
    assert_eq!(
        doc["steps"][1]["expect"]["failures"][0],
        "available: expected 3, got 2"
    );
    let (code, _, stderr) = rollout(&["run", &path, "--check"]);
    assert_eq!(code, 1);
    assert_eq!(stderr, "steps[1]: available: expected 3, got 2\n");
}

#[test]
fn an_invalid_scenario_exits_2_with_the_json_path_and_no_stdout() {
    let cases = [
        (r#"{"deployment": {}, "steps": [{"advance": 1}, {"advance": 1}, {"advance": 1}, {"frobnicate": 1}]}"#, "steps[3]: unknown step \"frobnicate\""),
        (r#"{"deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
            "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
              "strategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": 0}},
              "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1"}]}}}},
            "steps": []}"#,
         "deployment: The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"),
        ("{not json", "invalid JSON"),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let path = temp_file(&format!("invalid-{i}.json"), text);
        let (code, stdout, stderr) = rollout(&["run", &path]);
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(stdout, "");
        assert!(stderr.contains(want), "{stderr:?} should contain {want:?}");
    }
    let (code, _, stderr) = rollout(&["run", "/nonexistent/scenario.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"));
    let (code, _, stderr) = rollout(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown command"));
}

#[test]
fn a_failing_kubectl_step_is_recorded_not_fatal() {
    let text = r#"{"deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1"}]}}}},
        "steps": [{"kubectl": "rollout undo deployment/web --to-revision=5"}, {"kubectl": "get deploy web"}]}"#;
    let path = temp_file("kubectl-error.json", text);
    let (code, stdout, _) = rollout(&["run", &path, "--check"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["steps"][0]["exitCode"], 1);
    assert!(doc["steps"][0]["stderr"]
        .as_str()
        .unwrap()
        .ends_with("error: unable to find specified revision 5 in history\n"));
    assert_eq!(doc["steps"][1]["exitCode"], 0);
}

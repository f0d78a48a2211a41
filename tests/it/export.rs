//! Exports of a session (scenario::export): the scenario file runs to the
//! same state with `rollout run`, the script and texts say what happened.

use crate::session::{observable, play, session};
use rollout_lab::scenario::export::{
    chart_svg, events_text, scenario_file, shell_script, ExportError,
};
use rollout_lab::scenario::{load, Action, Runner, Session};

/// Runs an exported scenario file and gives the runner's final state.
fn run_exported(file: &str) -> String {
    let scenario = load(file).expect("the export loads as a scenario");
    let mut runner = Runner::new(&scenario).unwrap();
    for step in &scenario.steps {
        runner.step(step).unwrap();
    }
    crate::support::observable(&runner.cluster, &runner.deployment)
}

#[test]
fn the_seed_flow_exports_as_a_scenario_that_runs_to_the_same_state() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    // Play for 2.5 simulated seconds (Play takes every change due by then).
    while s.next_change_at().is_some_and(|t| t.0 <= 2_500) {
        s.step().unwrap();
    }
    s.kubectl("kubectl scale deployment/test-deployment --replicas=5")
        .unwrap();
    play(&mut s);
    s.kubectl("kubectl rollout undo deployment/test-deployment")
        .unwrap();
    play(&mut s);
    let file = scenario_file(&s).unwrap();
    assert!(
        file.contains(r#""kubectl": "set image deployment/test-deployment web=test_web:v2""#),
        "{file}"
    );
    assert!(file.contains(r#""advance": "#), "{file}");
    assert_eq!(run_exported(&file), observable(&s));
    // The CLI runs it too.
    let path = std::env::temp_dir().join(format!("rollout-lab-export-{}.json", std::process::id()));
    std::fs::write(&path, &file).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rollout"))
        .arg("run")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_command_given_between_two_controller_actions_of_one_instant_runs_after_that_instant() {
    // The scenario format has no step smaller than an instant: the file
    // reaches the same time, with the instant run to its end.
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.step().unwrap(); // the Deployment controller's sync at 0 s, before the ReplicaSet controller's
    s.kubectl("kubectl scale deployment/test-deployment --replicas=5")
        .unwrap();
    let file = scenario_file(&s).unwrap();
    assert!(
        file.contains(
            r#"{
      "advance": 0.0
    },"#
        ),
        "{file}"
    );
    let exported = run_exported(&file);
    assert_eq!(
        exported.lines().next(),
        observable(&s).lines().next(),
        "the same time"
    );
}

#[test]
fn a_scripted_scenario_exports_its_script_steps_as_they_were_taken() {
    let mut s = session("ui-04-canary.json");
    play(&mut s);
    let file = scenario_file(&s).unwrap();
    assert_eq!(run_exported(&file), observable(&s));
    assert!(
        file.contains(r#""kubectl": "rollout pause deployment/test-deployment""#),
        "{file}"
    );
}

#[test]
fn a_failing_image_ticked_before_its_rollout_moves_into_cluster() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl scale deployment/test-deployment --replicas=4")
        .unwrap();
    play(&mut s);
    s.set(Action::ImageFails {
        image: "test_web:broken".into(),
        fails: true,
    })
    .unwrap();
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:broken")
        .unwrap();
    play(&mut s);
    let file = scenario_file(&s).unwrap();
    assert!(file.contains(r#""failingImages": ["#), "{file}");
    assert_eq!(run_exported(&file), observable(&s));
    let state = observable(&s);
    assert!(
        state.contains(":ImagePullBackOff") || state.contains(":ErrImagePull"),
        "the new pods never start: {state}"
    );
}

#[test]
fn a_setting_the_file_cannot_express_is_an_error_that_says_so() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    s.set(Action::PodStart { ms: 10_000 }).unwrap();
    let e = scenario_file(&s).unwrap_err();
    assert!(matches!(e, ExportError::SettingMidway { .. }));
    assert!(
        e.to_string().starts_with("The pod start time changed at "),
        "{e}"
    );
    // The same change before anything started is fine.
    let mut s = session("ui-01-seed.json");
    s.set(Action::PodStart { ms: 10_000 }).unwrap();
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    let file = scenario_file(&s).unwrap();
    assert!(file.contains(r#""podStartSeconds": 10.0"#), "{file}");
    assert_eq!(run_exported(&file), observable(&s));
}

#[test]
fn the_shell_script_rebuilds_the_history_then_runs_the_commands_with_pauses() {
    let mut s: Session = session("ui-03-rollback.json");
    s.kubectl("kubectl get rs").unwrap();
    play(&mut s);
    s.kubectl(
        r#"kubectl annotate deployment/test-deployment kubernetes.io/change-cause="it's v3""#,
    )
    .unwrap();
    let script = shell_script(&s);
    assert!(script.starts_with("#!/bin/sh\n# Rollout Lab: "), "{script}");
    assert!(
        script.contains("kubectl apply -f - <<'MANIFEST'\n{"),
        "{script}"
    );
    assert!(!script.contains("last-applied-configuration"), "{script}");
    assert!(script.contains("\nkubectl get rs\n"), "{script}");
    assert!(
        script.contains(
            r#"kubectl annotate deployment/test-deployment 'kubernetes.io/change-cause=it'\''s v3'"#
        ),
        "{script}"
    );
    let rollouts = script.matches("kubectl rollout status").count();
    assert!(rollouts >= 2, "one per older ReplicaSet: {script}");
    // sh accepts it.
    let check = std::process::Command::new("sh")
        .arg("-n")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn events_text_and_chart_svg() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    let text = events_text(&s);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("TIME(s)  TYPE"));
    assert_eq!(lines.len(), 1 + s.cluster().events().len());
    assert!(
        lines[1].contains("Normal   ScalingReplicaSet  deployment/test-deployment"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("Scaled up replica set test-deployment-86b8f4f5dc from 0 to 1"),
        "{text}"
    );
    let svg = chart_svg(&s);
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
    assert_eq!(
        svg.matches("<polyline").count(),
        3,
        "two ReplicaSets and available: {svg}"
    );
    assert!(svg.contains("<title>test-deployment-86b8f4f5dc</title>"));
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn manifests_yaml_is_the_deployment_and_its_replica_sets_as_a_list_that_applies_again() {
    use rollout_lab::kubectl::yaml::parse_documents;
    use rollout_lab::scenario::export::manifests_yaml;
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    let text = manifests_yaml(&s);
    assert!(
        text.starts_with("apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n"),
        "{text}"
    );
    assert!(
        text.ends_with("kind: List\nmetadata:\n  resourceVersion: \"\"\n"),
        "{text}"
    );
    let list = parse_documents(&text).unwrap().remove(0);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "the Deployment and two ReplicaSets");
    assert_eq!(items[1]["kind"], "ReplicaSet");
    // The Deployment as exported applies again ("configured": its last-applied
    // annotation becomes the whole object, as with real kubectl) and starts no rollout.
    let deployment = crate::support::yaml_of(&items[0]);
    let out = s.apply_file("exported.yaml", &deployment).unwrap();
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str()),
        ("deployment.apps/test-deployment configured\n", "")
    );
    play(&mut s);
    assert_eq!(s.cluster().replica_sets_of("test-deployment").len(), 2);
}

#[test]
fn nothing_from_a_link_becomes_a_command_in_the_shell_script() {
    let mut s = session("ui-01-seed.json");
    s.apply_file("x.yaml\ntouch /tmp/pwned", "a: 1\n").unwrap();
    s.kubectl("kubectl get pods \"\ntouch /tmp/pwned").unwrap();
    let script = shell_script(&s);
    assert!(!script.lines().any(|l| l.starts_with("touch")), "{script}");
}

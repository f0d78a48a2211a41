//! The web app's session: actions, exact step back, scrubbing, scripts.

use rollout_lab::scenario::{Happened, Session};

pub(crate) fn session(file: &str) -> Session {
    Session::new(crate::support::local_scenario(file)).unwrap()
}

/// Everything observable about the session's cluster.
pub(crate) fn observable(s: &Session) -> String {
    crate::support::observable(s.cluster(), s.deployment_name())
}

pub(crate) fn play(s: &mut Session) -> Vec<Happened> {
    let mut all = Vec::new();
    loop {
        let h = s.step().unwrap();
        if h == Happened::Idle {
            return all;
        }
        all.push(h);
        assert!(all.len() < 10_000, "play ends");
    }
}

#[test]
fn the_seed_flow_set_image_play_and_six_scaling_events() {
    let mut s = session("ui-01-seed.json");
    let out = s
        .kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    assert_eq!(
        out.stdout,
        "deployment.apps/test-deployment image updated\n"
    );
    play(&mut s);
    let events: Vec<&str> = s
        .cluster()
        .events()
        .iter()
        .map(|e| e.message.as_str())
        .collect();
    assert_eq!(events.len(), 6, "{events:?}");
    assert!(events[0].ends_with("from 0 to 1") && events[5].ends_with("from 1 to 0"));
    let history = s
        .kubectl("rollout history deployment/test-deployment")
        .unwrap();
    assert_eq!(history.stdout, "deployment.apps/test-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
}

#[test]
fn step_back_returns_exactly_to_the_previous_state() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    let mut states = vec![observable(&s)];
    for _ in 0..12 {
        s.step().unwrap();
        states.push(observable(&s));
    }
    for expected in states.iter().rev().skip(1) {
        s.step_back().unwrap();
        assert_eq!(&observable(&s), expected);
    }
    // Stepping forward again redoes the same history.
    for expected in states.iter().skip(1) {
        s.step().unwrap();
        assert_eq!(&observable(&s), expected);
    }
}

#[test]
fn scrubbing_shows_the_state_at_a_time_and_acting_there_replaces_the_future() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    let end = s.cluster().now();
    s.seek_time(rollout_lab::api::Time(2_000)).unwrap();
    assert_eq!(s.cluster().now().0, 2_000);
    let at_two: Vec<i32> = s
        .cluster()
        .replica_sets()
        .iter()
        .map(|rs| rs.spec.replicas)
        .collect();
    assert_eq!(
        at_two,
        vec![2, 2],
        "at t=2 s the old RS is at 2 and the new one at 2"
    );
    s.seek_time(end).unwrap();
    assert_eq!(s.cluster().now(), end);
    s.seek_time(rollout_lab::api::Time(0)).unwrap();
    s.kubectl("rollout pause deployment/test-deployment")
        .unwrap();
    play(&mut s);
    assert!(
        s.cluster()
            .deployment("test-deployment")
            .unwrap()
            .spec
            .paused
    );
    assert!(
        s.cluster().events().len() < 6,
        "the paused future replaced the old one"
    );
}

#[test]
fn scripts_run_step_by_step_and_check_their_expectations() {
    for file in [
        "ui-02-rollover.json",
        "ui-03-rollback.json",
        "ui-04-canary.json",
        "ui-05-recreate.json",
        "ui-06-stuck.json",
        "ui-07-proportional.json",
    ] {
        let mut s = session(file);
        let happened = play(&mut s);
        assert_eq!(s.script_remaining(), 0, "{file}");
        let failures: Vec<&Vec<String>> = happened
            .iter()
            .filter_map(|h| match h {
                Happened::Checked { failures } => Some(failures),
                _ => None,
            })
            .collect();
        assert!(!failures.is_empty(), "{file} checks something");
        assert!(
            failures.iter().all(|f| f.is_empty()),
            "{file}: {failures:?}"
        );
    }
}

#[test]
fn next_change_at_tells_play_when_to_step() {
    let mut s = session("ui-04-canary.json");
    assert_eq!(
        s.next_change_at(),
        Some(rollout_lab::api::Time(0)),
        "a scripted command runs at once"
    );
    let mut s = session("ui-01-seed.json");
    assert_eq!(
        s.next_change_at().map(|t| t.0),
        Some(0),
        "the first instant has not run yet"
    );
    play(&mut s);
    assert_eq!(s.next_change_at(), None, "nothing is left to happen");
}

#[test]
fn checkpoints_are_thinned_to_their_pod_budget_and_step_back_stays_exact() {
    let mut s = session("ui-01-seed.json");
    s.set_checkpoint_budget(3_000);
    s.kubectl("kubectl scale deployment/test-deployment --replicas=300")
        .unwrap();
    // One pod at a time: a long rollout.
    let patch = r#"kubectl patch deployment test-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'"#;
    assert_eq!(s.kubectl(patch).unwrap().exit_code, 0);
    play(&mut s);
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    let mut before = Vec::new();
    loop {
        before.push(observable(&s));
        if s.step().unwrap() == Happened::Idle {
            break;
        }
    }
    // Unthinned: a copy of ~300 pods every 32 actions.
    let actions = s.history().len();
    assert!(
        actions > 32 * 15,
        "enough actions to need thinning: {actions}"
    );
    let (count, pods) = s.checkpoint_load();
    assert!(pods <= 3_000, "{count} checkpoints hold {pods} pods");
    assert!(count >= 3, "thinning keeps some: {count}");
    // Stepping back from the end is exact, however far the nearest checkpoint is.
    before.pop(); // the state before the final idle step is the current one
    for expected in before.iter().rev().take(80) {
        s.step_back().unwrap();
        assert_eq!(&observable(&s), expected);
    }
}

/// "Why this step" says a command wrote the object only when it did.
#[test]
fn a_command_records_whether_it_wrote_to_the_cluster() {
    let mut s = session("ui-01-seed.json");
    let wrote = |s: &Session| match s.history().last() {
        Some((_, Happened::Command { wrote, .. })) => *wrote,
        other => panic!("not a command: {other:?}"),
    };
    for (line, expected) in [
        ("kubectl get pods", false),
        (
            "kubectl scale deployment test-deployment --replicas 4",
            true,
        ),
        (
            "kubectl scale deployment test-deployment --replicas 4",
            false,
        ),
        (
            "kubectl scale deployment test-deployment --replicas -1",
            false,
        ),
        ("kubectl rollout pause deployment/test-deployment", true),
        (
            "kubectl patch deployment test-deployment -p '{\"spec\":{\"paused\":true}}'",
            false,
        ),
        ("kubectl rollout resume deployment/test-deployment", true),
        (
            "kubectl set image deployment/test-deployment web=test_web:v2",
            true,
        ),
        // It watches the controllers roll the new image out: they write, kubectl does not.
        ("kubectl rollout status deployment/test-deployment", false),
    ] {
        s.kubectl(line).unwrap();
        assert_eq!(wrote(&s), expected, "{line}");
    }
    let file = rollout_lab::kubectl::apply::edit_file(s.cluster(), "test-deployment").unwrap();
    s.edit(
        "test-deployment",
        &file,
        &file.replace("  replicas: 4", "  replicas: -1"),
        None,
    )
    .unwrap();
    assert!(!wrote(&s), "an edit whose editor reopens");
    s.edit(
        "test-deployment",
        &file,
        &file.replace("  replicas: 4", "  replicas: 5"),
        None,
    )
    .unwrap();
    assert!(wrote(&s), "an edit that went through");
    assert!(s
        .kubectl("kubectl rollout status deployment/test-deployment")
        .unwrap()
        .stdout
        .contains("successfully rolled out"));
}

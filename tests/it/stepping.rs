//! Stepping the cluster one controller action or pod transition at a time
//! (the UI's Step) visits the same states as letting time run.

use crate::kubectl::seed_cluster;
use rollout_lab::kubectl;
use rollout_lab::sim::{Cluster, UnitKind};

/// Everything observable about the seed cluster.
fn observable(c: &Cluster) -> String {
    crate::support::observable(c, "test-deployment")
}

#[test]
fn each_step_is_one_controller_action_or_pod_transition() {
    let mut c = seed_cluster();
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
    );
    let mut steps = Vec::new();
    while let Some(report) = c.step_change().unwrap() {
        assert!(report.changed);
        let events: Vec<String> = c.events()[report.events.clone()]
            .iter()
            .map(|e| e.message.clone())
            .collect();
        steps.push((report.at.0, report.what.clone(), events));
    }
    // The first step is the Deployment controller creating the new ReplicaSet at 1.
    let (t, what, events) = &steps[0];
    assert_eq!(
        (*t, what),
        (0, &UnitKind::DeploymentSync("test-deployment".into()))
    );
    assert_eq!(events.len(), 1);
    assert!(
        events[0].starts_with("Scaled up replica set test-deployment-")
            && events[0].ends_with("from 0 to 1")
    );
    // The next is the ReplicaSet controller creating that pod.
    assert!(
        matches!(steps[1].1, UnitKind::ReplicaSetSync(ref name) if name.starts_with("test-deployment-"))
    );
    // Six scaling events in all, each in a step of its own, in the seed note's order.
    let scaling: Vec<&String> = steps.iter().flat_map(|(_, _, e)| e).collect();
    let shapes: Vec<String> = scaling
        .iter()
        .map(|m| {
            m.split(' ')
                .filter(|w| w.parse::<i32>().is_ok())
                .collect::<Vec<_>>()
                .join("→")
        })
        .collect();
    assert_eq!(shapes, ["0→1", "3→2", "1→2", "2→1", "2→3", "1→0"]);
    assert!(
        steps.iter().all(|(_, _, e)| e.len() <= 1),
        "at most one scaling event per step"
    );
    assert!(
        steps
            .iter()
            .any(|(_, what, _)| *what == UnitKind::PodTransitions),
        "pods becoming Ready are steps too"
    );
}

#[test]
fn stepping_reaches_exactly_the_state_that_settling_reaches() {
    let mut settled = seed_cluster();
    let mut stepped = seed_cluster();
    for line in [
        "set image deployment/test-deployment web=test_web:v2",
        "scale deployment/test-deployment --replicas=5",
    ] {
        kubectl::run(&mut settled, line);
        kubectl::run(&mut stepped, line);
    }
    settled.settle(3_600_000).unwrap();
    while stepped.step_change().unwrap().is_some() {}
    assert_eq!(observable(&stepped), observable(&settled));
}

#[test]
fn a_half_stepped_instant_finishes_the_same_way() {
    let mut straight = seed_cluster();
    let mut mixed = seed_cluster();
    for c in [&mut straight, &mut mixed] {
        kubectl::run(c, "set image deployment/test-deployment web=test_web:v2");
    }
    straight.advance(3_000).unwrap();
    mixed.step_change().unwrap();
    mixed.step_change().unwrap();
    mixed.advance(3_000).unwrap();
    assert_eq!(observable(&mixed), observable(&straight));
}

/// Play at 1x, in ticks of 100 ms: the state taken at each tick is never
/// ahead of the clock shown, nor behind it (a pod created at t with pods
/// starting in 2 s is not Ready before t + 2, and is from then on), and the
/// Steps it logged replay exactly (from the start again; a share link).
#[test]
fn play_never_runs_ahead_of_its_clock_and_replays_exactly() {
    use rollout_lab::api::Time;
    use rollout_lab::scenario::{presets, share, Action, Happened, Session};
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    while s.step().unwrap() != Happened::Idle {}
    s.act(Action::Kubectl(
        "set image deployment/test-deployment web=test_web:v2".into(),
    ))
    .unwrap();
    let start = s.cluster().now().0;
    let mut clock = start;
    let mut creating_seen = 0;
    while s.next_change_at().is_some() {
        clock += 100;
        assert!(
            clock < start + 60_000,
            "the rollout should be over in a minute"
        );
        while s.next_change_at().is_some_and(|due| due.0 <= clock) {
            if s.step_until(Time(clock)).unwrap() == Happened::Idle {
                break;
            }
        }
        assert!(
            s.cluster().now().0 <= clock,
            "the cluster at {} is ahead of the clock {clock}",
            s.cluster().now().0
        );
        for pod in s.cluster().pods() {
            let starting = clock < pod.created.0 + 2_000;
            if pod.image == "test_web:v2" && pod.deleted_at.is_none() {
                assert_eq!(
                    pod.state.is_ready(),
                    !starting,
                    "{} at {clock}: {:?}",
                    pod.name,
                    pod.state
                );
                creating_seen += usize::from(starting);
            }
        }
    }
    assert!(
        creating_seen > 0,
        "Play should have shown the new pods starting"
    );
    let played = observable(s.cluster());
    let link = share::encode(&s, share::View::default()).unwrap();
    s.reset().unwrap();
    while s.step().unwrap() != Happened::Idle {}
    assert_eq!(observable(s.cluster()), played, "redoing the logged steps");
    let (opened, _) = share::decode(&link).unwrap();
    assert_eq!(
        observable(opened.cluster()),
        played,
        "opening the share link"
    );
}

/// Play in ticks of 100 ms, a command typed at one tick and another seven
/// ticks later: whatever the pods' start time and minReadySeconds, the log
/// replays to the state played (a share link, Step back and the autosave
/// rebuild the session from it). Instants at which only containers start
/// move the clock without a change to log; the replay must still see them.
#[test]
fn play_then_commands_replay_exactly() {
    use rollout_lab::api::Time;
    use rollout_lab::scenario::{share, Action, Happened, Session};
    let seed = include_str!("../scenarios/ui-01-seed.json");
    let mut diverged = Vec::new();
    for min_ready in [1, 2] {
        for start_ms in [1000, 1500, 2500] {
            for command_tick in (1..60).step_by(2) {
                let mut v: serde_json::Value = serde_json::from_str(seed).unwrap();
                v["deployment"]["spec"]["replicas"] = 4.into();
                v["deployment"]["spec"]["minReadySeconds"] = min_ready.into();
                v["replicaSets"][0]["replicas"] = 4.into();
                v["replicaSets"][0]["available"] = 4.into();
                v["cluster"]["podStartSeconds"] = (start_ms as f64 / 1000.0).into();
                let scenario = rollout_lab::scenario::load(&v.to_string()).unwrap();
                let mut s = Session::new(scenario).unwrap();
                s.act(Action::Kubectl(
                    "set image deployment/test-deployment web=test_web:v2".into(),
                ))
                .unwrap();
                let mut clock = s.cluster().now().0;
                for tick in 1..400 {
                    clock += 100;
                    let Some(_) = s.next_change_at() else { break };
                    while s.next_change_at().is_some_and(|due| due.0 <= clock) {
                        if s.step_until(Time(clock)).unwrap() == Happened::Idle {
                            break;
                        }
                    }
                    if tick == command_tick || tick == command_tick + 7 {
                        s.catch_up(Time(clock)).unwrap();
                        let line = if tick == command_tick {
                            "scale deployment/test-deployment --replicas=5"
                        } else {
                            "get rs"
                        };
                        s.kubectl(line).unwrap();
                    }
                }
                let played = observable(s.cluster());
                let link = share::encode(&s, share::View::default()).unwrap();
                let (opened, _) = share::decode(&link).unwrap();
                if observable(opened.cluster()) != played {
                    diverged.push((min_ready, start_ms, command_tick));
                }
            }
        }
    }
    assert_eq!(
        diverged,
        [],
        "(minReadySeconds, pod start ms, command tick) that replay differently"
    );
}

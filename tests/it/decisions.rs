//! Step means the next decision (`Session::step_decision`): it runs fine
//! steps until a ReplicaSet's replicas change, a command runs, or the
//! rollout's outcome shows. Step back (`step_back_decision`) mirrors it.

use rollout_lab::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use rollout_lab::scenario::{presets, Action, Happened, Session};

fn session(preset: &str) -> Session {
    Session::new(presets::preset(preset).unwrap().scenario()).unwrap()
}

fn phase(s: &Session) -> RolloutPhase {
    rollout_phase(s.cluster().deployment(s.deployment_name()).unwrap())
}

fn scaling_messages(s: &Session) -> Vec<String> {
    s.cluster()
        .events()
        .iter()
        .filter(|e| e.reason == "ScalingReplicaSet")
        .map(|e| e.message.clone())
        .collect()
}

/// The seed rollout from a settled start, its image changed to v2.
fn seed_rolling_out() -> Session {
    let mut s = session("seed");
    while s.step_decision().unwrap() != Happened::Idle {}
    s.act(Action::Kubectl(
        "set image deployment/test-deployment web=test_web:v2".into(),
    ))
    .unwrap();
    s
}

#[test]
fn the_seed_rollout_is_six_steps_of_one_scaling_event_each_then_its_outcome() {
    let mut s = seed_rolling_out();
    let mut shapes = Vec::new();
    for press in 1..=6 {
        let before = scaling_messages(&s).len();
        s.step_decision().unwrap();
        let after = scaling_messages(&s);
        assert_eq!(
            after.len(),
            before + 1,
            "press {press}: one ScalingReplicaSet event"
        );
        let numbers: Vec<&str> = after[before]
            .split(' ')
            .filter(|w| w.parse::<i32>().is_ok())
            .collect();
        shapes.push(numbers.join("→"));
        // Each press stops right after the sync that scaled: its event is the last thing that happened.
        let Some((_, Happened::Change { events, .. })) = s.history().last() else {
            panic!("press {press}: {:?}", s.history().last())
        };
        assert_eq!(
            s.cluster().events()[events.clone()]
                .last()
                .map(|e| e.reason),
            Some("ScalingReplicaSet")
        );
    }
    assert_eq!(shapes, ["0→1", "3→2", "1→2", "2→1", "2→3", "1→0"]);
    // No scaling is left: the seventh press runs until the outcome shows.
    assert!(!matches!(phase(&s), RolloutPhase::Complete { .. }));
    s.step_decision().unwrap();
    assert!(
        matches!(phase(&s), RolloutPhase::Complete { .. }),
        "{:?}",
        phase(&s)
    );
    assert_eq!(scaling_messages(&s).len(), 6);
    // Then nothing is left.
    assert_eq!(s.step_decision().unwrap(), Happened::Idle);
}

#[test]
fn step_back_mirrors_step() {
    let mut s = seed_rolling_out();
    let mut stops = vec![(
        s.cluster().now(),
        scaling_messages(&s).len(),
        s.history().len(),
    )];
    for _ in 0..7 {
        s.step_decision().unwrap();
        stops.push((
            s.cluster().now(),
            scaling_messages(&s).len(),
            s.history().len(),
        ));
    }
    for expected in stops.iter().rev().skip(1) {
        s.step_back_decision().unwrap();
        assert_eq!(
            &(
                s.cluster().now(),
                scaling_messages(&s).len(),
                s.history().len()
            ),
            expected
        );
    }
    // And forward again through the same stops.
    for expected in stops.iter().skip(1) {
        s.step_decision().unwrap();
        assert_eq!(
            &(
                s.cluster().now(),
                scaling_messages(&s).len(),
                s.history().len()
            ),
            expected
        );
    }
}

#[test]
fn the_decisions_are_the_story_of_the_session() {
    let mut s = seed_rolling_out();
    while s.step_decision().unwrap() != Happened::Idle {}
    // The set image command, six scalings, the outcome.
    let decisions = s.decisions();
    let kinds: Vec<&str> = decisions
        .iter()
        .map(|&k| match &s.history()[k - 1] {
            (Action::Kubectl(_), _) => "command",
            (_, Happened::Change { events, .. }) if !events.is_empty() => "scaling",
            _ => "outcome",
        })
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "scaling").count(), 6);
    assert_eq!(kinds.last(), Some(&"outcome"));
    assert!(kinds.contains(&"command"));
}

#[test]
fn a_stuck_rollout_steps_to_its_deadline() {
    let mut s = session("stuck");
    let mut presses = 0;
    while !matches!(phase(&s), RolloutPhase::DeadlineExceeded { .. }) {
        assert_ne!(
            s.step_decision().unwrap(),
            Happened::Idle,
            "the deadline comes before idle"
        );
        presses += 1;
        assert!(
            presses < 30,
            "a stuck rollout reaches its deadline in a few decisions"
        );
    }
    // The press that showed it stopped where it first showed.
    s.step_back_decision().unwrap();
    assert!(!matches!(phase(&s), RolloutPhase::DeadlineExceeded { .. }));
}

#[test]
fn stepping_forward_after_a_step_back_keeps_the_logged_future_and_its_times() {
    let mut s = seed_rolling_out();
    while s.step_decision().unwrap() != Happened::Idle {}
    let end = s.timeline_end();
    let logged = s.history().len();
    for _ in 0..4 {
        s.step_back_decision().unwrap();
    }
    let at = s.cluster().now();
    s.step().unwrap();
    assert_eq!(
        s.timeline_end(),
        end,
        "the future after a step back keeps its frames"
    );
    // Play redoes only what was due by its clock.
    s.step_back().unwrap();
    while s.step_until(at).unwrap() != Happened::Idle {}
    assert_eq!(s.cluster().now(), at);
    while s.step_decision().unwrap() != Happened::Idle {}
    assert_eq!((s.history().len(), s.timeline_end()), (logged, end));
}

#[test]
fn a_wait_that_changes_replica_sets_is_a_decision() {
    let mut s = seed_rolling_out();
    let before = s.decisions().len();
    let now = s.cluster().now();
    s.wait_until(rollout_lab::api::Time(now.0 + 600_000))
        .unwrap();
    assert_eq!(s.decisions().len(), before + 1);
    // Time passing with nothing due is not one.
    let now = s.cluster().now();
    s.wait_until(rollout_lab::api::Time(now.0 + 5_000)).unwrap();
    assert_eq!(s.decisions().len(), before + 1);
}

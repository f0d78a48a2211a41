//! Property tests over random Deployments and action sequences, asserting
//! the RollingUpdate guarantees upstream documents (deployment.md "Rolling
//! Update Deployment": at most replicas + maxSurge pods, at least replicas -
//! maxUnavailable available), that rollouts of healthy images complete,
//! and that a run is deterministic.

use proptest::prelude::*;
use rollout_lab::kubectl;
use rollout_lab::scenario::{self, Runner};
use rollout_lab::sim::deployment::util::resolve_fenceposts;
use rollout_lab::sim::Cluster;

#[derive(Clone, Debug)]
enum Action {
    /// `set image` to version N (a rollover when a rollout is under way).
    SetImage(u8),
    /// Let this many milliseconds pass.
    Wait(u32),
    Undo,
}

fn int_or_percent() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        (0..4i32).prop_map(|n| serde_json::json!(n)),
        (0..=100i32).prop_map(|p| serde_json::json!(format!("{p}%")))
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (1..5u8).prop_map(Action::SetImage),
        4 => (0..4000u32).prop_map(Action::Wait),
        1 => Just(Action::Undo),
    ]
}

/// A rolled-out Deployment of `replicas` pods of app:v0.
fn cluster(
    replicas: i32,
    surge: &serde_json::Value,
    unavailable: &serde_json::Value,
    min_ready: i32,
    start_ms: u32,
) -> Option<Cluster> {
    let text = serde_json::json!({
        "deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
            "spec": {"replicas": replicas, "minReadySeconds": min_ready, "selector": {"matchLabels": {"app": "web"}},
                "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": surge, "maxUnavailable": unavailable}},
                "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "app:v0"}]}}}},
        "replicaSets": [{"image": "app:v0", "replicas": replicas, "available": replicas}],
        "cluster": {"podStartSeconds": start_ms as f64 / 1000.0, "seed": 7},
        "steps": []
    })
    .to_string();
    // Both 0 is invalid (the API server refuses it): not a case to test.
    let s = scenario::load(&text).ok()?;
    Runner::new(&s).ok().map(|r| r.cluster)
}

/// Σ spec.replicas of the ReplicaSets, and pods that are available right now.
fn observe(c: &Cluster) -> (i32, i32) {
    let spec: i32 = c
        .replica_sets_of("web")
        .iter()
        .map(|rs| rs.spec.replicas)
        .sum();
    let available = c
        .pods()
        .iter()
        .filter(|p| p.state == rollout_lab::api::PodState::Available)
        .count() as i32;
    (spec, available)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn rolling_updates_respect_surge_and_availability_and_complete(
        replicas in 1..12i32,
        surge in int_or_percent(),
        unavailable in int_or_percent(),
        min_ready in 0..3i32,
        start_ms in 500..3000u32,
        actions in prop::collection::vec(action(), 1..8),
    ) {
        let Some(mut c) = cluster(replicas, &surge, &unavailable, min_ready, start_ms) else { return Ok(()) };
        let d = c.deployment("web").unwrap().clone();
        let (max_surge, max_unavailable) = resolve_fenceposts(&d, replicas);
        let max_unavailable = max_unavailable.min(replicas);
        let (max_total, min_available) = (replicas + max_surge, replicas - max_unavailable);
        let check = |c: &Cluster, when: &str| -> Result<(), TestCaseError> {
            let (spec, available) = observe(c);
            prop_assert!(spec <= max_total, "{when}: Σ spec.replicas {spec} > replicas + maxSurge {max_total}");
            prop_assert!(available >= min_available, "{when}: {available} available < replicas - maxUnavailable {min_available}");
            Ok(())
        };
        for (i, a) in actions.iter().enumerate() {
            match a {
                Action::SetImage(v) => { kubectl::run(&mut c, &format!("set image deployment/web web=app:v{v}")); }
                Action::Undo => { kubectl::run(&mut c, "rollout undo deployment/web"); }
                Action::Wait(ms) => {
                    let end = rollout_lab::api::Time(c.now().0 + *ms as i64);
                    c.run_instant().unwrap();
                    check(&c, &format!("action {i}"))?;
                    while c.step_until(end).unwrap() {
                        check(&c, &format!("action {i} at {} ms", c.now().0))?;
                    }
                }
            }
        }
        c.run_instant().unwrap();
        while c.step_until(rollout_lab::api::Time(c.now().0 + 3_600_000)).unwrap() {
            check(&c, &format!("settling at {} ms", c.now().0))?;
            if c.next_due().is_none() { break; }
        }
        let d = c.deployment("web").unwrap();
        let s = &d.status;
        prop_assert_eq!((s.updated_replicas, s.replicas, s.available_replicas), (replicas, replicas, replicas), "rollout completed");
        prop_assert_eq!(s.condition("Progressing").map(|c| c.reason.as_str()), Some("NewReplicaSetAvailable"));
        let image = d.spec.template.first_image().to_string();
        let serving: i32 = c.replica_sets_of("web").iter().filter(|rs| rs.spec.template.first_image() == image).map(|rs| rs.spec.replicas).sum();
        prop_assert_eq!(serving, replicas, "every replica runs the Deployment's image");
    }

    #[test]
    fn the_same_scenario_runs_to_identical_output(
        replicas in 1..8i32,
        surge in int_or_percent(),
        unavailable in int_or_percent(),
        seed in 0..1000u64,
        actions in prop::collection::vec(action(), 1..6),
    ) {
        let steps: Vec<serde_json::Value> = actions.iter().map(|a| match a {
            Action::SetImage(v) => serde_json::json!({"kubectl": format!("set image deployment/web web=app:v{v}")}),
            Action::Wait(ms) => serde_json::json!({"advance": *ms as f64 / 1000.0}),
            Action::Undo => serde_json::json!({"kubectl": "rollout undo deployment/web"}),
        }).chain(std::iter::once(serde_json::json!({"settle": 600}))).collect();
        let text = serde_json::json!({
            "deployment": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": "web"}},
                    "strategy": {"rollingUpdate": {"maxSurge": surge, "maxUnavailable": unavailable}},
                    "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "app:v0"}]}}}},
            "replicaSets": [{"image": "app:v0", "replicas": replicas, "available": replicas}],
            "cluster": {"seed": seed},
            "steps": steps
        }).to_string();
        let Ok(s) = scenario::load(&text) else { return Ok(()) };
        let first = scenario::run_scenario(&s).map(|r| r.to_text());
        let second = scenario::run_scenario(&s).map(|r| r.to_text());
        prop_assert_eq!(first, second);
    }
}

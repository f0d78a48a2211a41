//! The failure lab (scenario format v1.1): images whose readiness probe never
//! passes. The keys not modelled yet are refused with a message saying so.

use rollout_lab::api::PodState;
use rollout_lab::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use rollout_lab::scenario::{self, presets, Happened, Session};

#[test]
fn a_pod_whose_readiness_probe_never_passes_runs_unready_and_stalls_the_rollout() {
    let mut s = Session::new(presets::preset("readiness").unwrap().scenario()).unwrap();
    // Run the script up to its first expectation: the deadline has passed.
    while !matches!(rollout_phase(s.cluster().deployment("test-deployment").unwrap()), RolloutPhase::DeadlineExceeded { .. }) {
        assert_ne!(s.step().unwrap(), Happened::Idle);
    }
    let c = s.cluster();
    let rss = c.replica_sets_of("test-deployment");
    let new = rss.iter().find(|rs| rs.spec.template.first_image() == "test_web:v2").unwrap();
    let pods = c.pods_of(new.name());
    assert_eq!(pods.len(), 1, "the surge pod, and no more");
    assert_eq!(pods[0].state, PodState::RunningNotReady);
    assert_eq!((new.status.ready_replicas, new.status.available_replicas), (0, 0));
    // Old pods all stay: the availability floor holds them.
    let old = rss.iter().find(|rs| rs.spec.template.first_image() == "test_web:v1").unwrap();
    assert_eq!(old.spec.replicas, 3);
    let get = rollout_lab::kubectl::run(&mut c.clone(), "get pods");
    assert!(get.stdout.lines().any(|l| l.starts_with(new.name()) && l.contains("0/1     Running")), "{}", get.stdout);
}

#[test]
fn image_behaviours_not_modelled_yet_are_refused_by_name() {
    let base = presets::preset("readiness").unwrap().json;
    for (key, value) in [("startSeconds", "30"), ("crashAfterSeconds", "5")] {
        let text = base.replace(r#""ready": false"#, &format!(r#""ready": false, "{key}": {value}"#));
        let e = scenario::load(&text).unwrap_err();
        assert_eq!(e.to_string(), format!("cluster.images[\"test_web:v2\"].{key}: not modelled by this runner yet (only \"ready\" is)"));
    }
    let typo = base.replace(r#""ready": false"#, r#""redy": false"#);
    assert!(scenario::load(&typo).unwrap_err().to_string().contains("redy"));
}

#[test]
fn never_ready_is_a_setting_of_the_session_that_links_and_exports_keep() {
    use rollout_lab::scenario::export::scenario_file;
    use rollout_lab::scenario::share::{decode, encode, View};
    use rollout_lab::scenario::Action;
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    while s.step_decision().unwrap() != Happened::Idle {}
    s.set(Action::ImageUnready { image: "test_web:v2".into(), unready: true }).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2").unwrap();
    for _ in 0..40 {
        s.step().unwrap();
    }
    let states = |s: &Session| {
        let c = s.cluster();
        c.replica_sets_of("test-deployment").iter().flat_map(|rs| c.pods_of(rs.name())).map(|p| p.state).collect::<Vec<_>>()
    };
    assert!(states(&s).contains(&PodState::RunningNotReady));
    assert!(!states(&s).contains(&PodState::Ready), "{:?}", states(&s));
    // A link replays the setting.
    let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
    assert_eq!(states(&opened), states(&s));
    // The exported scenario puts it in `cluster.images`, and runs to the same pods.
    let file = scenario_file(&s).unwrap();
    let exported = scenario::load(&file).unwrap();
    assert!(!exported.cluster.images["test_web:v2"].ready, "{file}");
    let mut replayed = Session::new(exported).unwrap();
    while replayed.step().unwrap() != Happened::Idle && replayed.cluster().now() < s.cluster().now() {}
    assert!(states(&replayed).contains(&PodState::RunningNotReady));
}

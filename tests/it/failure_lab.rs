//! The failure lab (scenario format v1.1): images whose readiness probe never
//! passes, and containers that crash and are restarted with the kubelet's back-off.

use rollout_lab::api::PodState;
use rollout_lab::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use rollout_lab::scenario::{self, presets, Happened, Session};

#[test]
fn a_pod_whose_readiness_probe_never_passes_runs_unready_and_stalls_the_rollout() {
    let mut s = Session::new(presets::preset("readiness").unwrap().scenario()).unwrap();
    // Run the script up to its first expectation: the deadline has passed.
    while !matches!(
        rollout_phase(s.cluster().deployment("test-deployment").unwrap()),
        RolloutPhase::DeadlineExceeded { .. }
    ) {
        assert_ne!(s.step().unwrap(), Happened::Idle);
    }
    let c = s.cluster();
    let rss = c.replica_sets_of("test-deployment");
    let new = rss
        .iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v2")
        .unwrap();
    let pods = c.pods_of(new.name());
    assert_eq!(pods.len(), 1, "the surge pod, and no more");
    assert_eq!(pods[0].state, PodState::RunningNotReady);
    assert_eq!(
        (new.status.ready_replicas, new.status.available_replicas),
        (0, 0)
    );
    // Old pods all stay: the availability floor holds them.
    let old = rss
        .iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v1")
        .unwrap();
    assert_eq!(old.spec.replicas, 3);
    let get = rollout_lab::kubectl::run(&mut c.clone(), "get pods");
    assert!(
        get.stdout
            .lines()
            .any(|l| l.starts_with(new.name()) && l.contains("0/1     Running")),
        "{}",
        get.stdout
    );
}

#[test]
fn image_behaviour_keys_are_checked() {
    let base = presets::preset("readiness").unwrap().json;
    for (key, value, message) in [
        (
            "startSeconds",
            "-1",
            "-1 seconds is out of range (0 to 31536000)",
        ),
        (
            "crashAfterSeconds",
            "0",
            "0 seconds is out of range (0.001 to 31536000)",
        ),
    ] {
        let text = base.replace(
            r#""ready": false"#,
            &format!(r#""ready": false, "{key}": {value}"#),
        );
        let e = scenario::load(&text).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("cluster.images[\"test_web:v2\"].{key}: {message}")
        );
    }
    let typo = base.replace(r#""ready": false"#, r#""redy": false"#);
    assert!(scenario::load(&typo)
        .unwrap_err()
        .to_string()
        .contains("redy"));
}

/// The crashloop preset's new pod, and the time.
fn crashloop_pod(s: &Session) -> rollout_lab::api::PodView {
    let c = s.cluster();
    let rss = c.replica_sets_of("test-deployment");
    let new = rss
        .iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v2")
        .unwrap();
    let pods = c.pods_of(new.name());
    assert_eq!(pods.len(), 1, "the surge pod, and no more");
    pods[0].clone()
}

#[test]
fn a_crashing_container_is_restarted_with_the_kubelets_back_off() {
    let mut s = Session::new(presets::preset("crashloop").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    // Watch the pod second by second: when it exits, and when it is restarted.
    let mut exits = Vec::new();
    let mut restarts = Vec::new();
    let mut last = (PodState::ContainerCreating, 0);
    for second in 1..=200 {
        s.act(scenario::Action::Wait {
            until: rollout_lab::api::Time::from_secs(second),
        })
        .unwrap();
        let pod = crashloop_pod(&s);
        if pod.state == PodState::Error && last.0 != PodState::Error {
            exits.push(second);
        }
        if pod.restarts != last.1 {
            restarts.push(second);
        }
        last = (pod.state, pod.restarts);
    }
    // Started at 1 s (half its 2 s start), Ready at 2 s, exits 5 s after each start; the first restart
    // is at the kubelet's next relist (1 s), then the back-off doubles from 10 s: 10, 20, 40, 80.
    assert_eq!(exits, vec![6, 12, 27, 52, 97, 182]);
    assert_eq!(restarts, vec![7, 22, 47, 92, 177]);
    // Ready for 4 s each time: never the 10 s of minReadySeconds, so never available; the old pods stay.
    let d = s.cluster().deployment("test-deployment").unwrap().clone();
    assert_eq!(
        (d.status.available_replicas, d.status.updated_replicas),
        (3, 1)
    );
}

#[test]
fn get_pods_shows_error_then_crash_loop_back_off_and_the_restarts() {
    let mut s = Session::new(presets::preset("crashloop").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    let row = |s: &mut Session, at: i64| {
        s.act(scenario::Action::Wait {
            until: rollout_lab::api::Time::from_secs(at),
        })
        .unwrap();
        let name = crashloop_pod(s).name;
        let out = rollout_lab::kubectl::run(&mut s.cluster().clone(), "get pods").stdout;
        out.lines()
            .find(|l| l.starts_with(&name))
            .unwrap()
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row(&mut s, 6), "0/1 Error 0 6s");
    assert_eq!(row(&mut s, 8), "1/1 Running 1 (2s ago) 8s");
    assert_eq!(row(&mut s, 12), "0/1 Error 1 (6s ago) 12s");
    assert_eq!(row(&mut s, 13), "0/1 CrashLoopBackOff 1 (1s ago) 13s");
    assert_eq!(row(&mut s, 23), "1/1 Running 2 (11s ago) 23s");
    assert_eq!(row(&mut s, 30), "0/1 CrashLoopBackOff 2 (3s ago) 30s");
}

#[test]
fn without_min_ready_seconds_the_crashing_app_takes_the_healthy_pods_down() {
    let mut scenario = presets::preset("crashloop").unwrap().scenario();
    scenario.deployment["spec"]["minReadySeconds"] = 0.into();
    let mut s = Session::new(scenario).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.act(scenario::Action::Wait {
        until: rollout_lab::api::Time::from_secs(60),
    })
    .unwrap();
    let c = s.cluster();
    let rss = c.replica_sets_of("test-deployment");
    let old = rss
        .iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v1")
        .unwrap();
    // Each new pod counted as available the moment it was Ready, so old pods went while the new ones
    // were up; then the new ones crashed, and one healthy pod is left serving.
    assert_eq!(old.spec.replicas, 1);
    let d = c.deployment("test-deployment").unwrap();
    assert_eq!(
        (d.status.available_replicas, d.status.updated_replicas),
        (1, 3)
    );
    let new_pods: Vec<_> = c
        .pods()
        .into_iter()
        .filter(|p| p.image == "test_web:v2")
        .collect();
    assert!(
        new_pods
            .iter()
            .all(|p| p.restarts > 0 && !p.state.is_ready()),
        "{new_pods:?}"
    );
}

#[test]
fn never_ready_is_a_setting_of_the_session_that_links_and_exports_keep() {
    use rollout_lab::scenario::export::scenario_file;
    use rollout_lab::scenario::share::{decode, encode, View};
    use rollout_lab::scenario::Action;
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    while s.step_decision().unwrap() != Happened::Idle {}
    s.set(Action::ImageUnready {
        image: "test_web:v2".into(),
        unready: true,
    })
    .unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    for _ in 0..40 {
        s.step().unwrap();
    }
    let states = |s: &Session| {
        let c = s.cluster();
        c.replica_sets_of("test-deployment")
            .iter()
            .flat_map(|rs| c.pods_of(rs.name()))
            .map(|p| p.state)
            .collect::<Vec<_>>()
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
    while replayed.step().unwrap() != Happened::Idle && replayed.cluster().now() < s.cluster().now()
    {
    }
    assert!(states(&replayed).contains(&PodState::RunningNotReady));
}

#[test]
fn a_crashing_image_is_a_setting_that_links_and_exports_keep() {
    use rollout_lab::scenario::export::scenario_file;
    use rollout_lab::scenario::share::{decode, encode, View};
    use rollout_lab::scenario::Action;
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    while s.step_decision().unwrap() != Happened::Idle {}
    s.set(Action::ImageCrashes {
        image: "test_web:v2".into(),
        after_ms: Some(5000),
    })
    .unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.act(Action::Wait {
        until: rollout_lab::api::Time(s.cluster().now().0 + 30_000),
    })
    .unwrap();
    let restarts = |s: &Session| {
        s.cluster()
            .pods()
            .iter()
            .map(|p| p.restarts)
            .collect::<Vec<_>>()
    };
    assert!(restarts(&s).iter().any(|&r| r > 0), "{:?}", restarts(&s));
    let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
    assert_eq!(restarts(&opened), restarts(&s));
    let file = scenario_file(&s).unwrap();
    let exported = scenario::load(&file).unwrap();
    assert_eq!(
        exported.cluster.images["test_web:v2"].crash_after_seconds,
        Some(5.0),
        "{file}"
    );
    assert!(exported.cluster.images["test_web:v2"].ready);
    let mut replayed = Session::new(exported).unwrap();
    while replayed.step().unwrap() != Happened::Idle && replayed.cluster().now() < s.cluster().now()
    {
    }
    assert_eq!(restarts(&replayed).iter().max(), restarts(&s).iter().max());
}

#[test]
fn each_crash_is_a_decision_step_stops_at_with_its_numbers() {
    let mut s = Session::new(presets::preset("crashloop").unwrap().scenario()).unwrap();
    let mut stops = Vec::new();
    while !matches!(
        rollout_phase(s.cluster().deployment("test-deployment").unwrap()),
        RolloutPhase::DeadlineExceeded { .. }
    ) {
        assert_ne!(s.step_decision().unwrap(), Happened::Idle);
        stops.push(s.cluster().now().0 / 1000);
    }
    // The command, the scale-up, the expectation at 6 s, then a stop at every crash, then the deadline.
    let crashes: Vec<i64> = s
        .cluster()
        .container_exits()
        .iter()
        .map(|e| e.time.0 / 1000)
        .collect();
    assert_eq!(crashes, vec![6, 12, 27, 52, 97]);
    for crash in &crashes {
        assert!(stops.contains(crash), "no stop at {crash}: {stops:?}");
    }
    // The pod was last Ready at 93 s (progress); the controller notices the 60 s deadline at 154 s.
    assert_eq!(stops.last(), Some(&154));
    let third = &s.cluster().container_exits()[2];
    assert_eq!(
        (
            third.ran,
            third.restarts,
            third.restart_in,
            third.min_ready_seconds
        ),
        (5000, 2, 20_000, 10)
    );
}

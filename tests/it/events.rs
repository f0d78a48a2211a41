//! The events of every object (scenario format v1.1): recorded by the
//! controllers, the scheduler and the kubelet, counted and combined as
//! client-go's EventCorrelator does, listed by `kubectl get events`.

use rollout_lab::kubectl;
use rollout_lab::scenario::{presets, Action, Session};

fn at(preset: &str, seconds: i64) -> Session {
    let mut s = Session::new(presets::preset(preset).unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.act(Action::Wait {
        until: rollout_lab::api::Time::from_secs(seconds),
    })
    .unwrap();
    s
}

#[test]
fn a_crash_loop_counts_the_kubelets_repeated_events() {
    let s = at("crashloop", 30);
    let c = s.cluster();
    let pod = c
        .pods()
        .into_iter()
        .find(|p| p.image == "test_web:v2")
        .unwrap();
    let events = c.events_of(&format!("pod/{}", pod.name));
    let summary: Vec<(&str, u32)> = events.iter().map(|e| (e.reason, e.count)).collect();
    // Three starts (at 0, 7 and 22 s: Pulled, Created, Started each), two back-offs (12 and 27 s).
    assert_eq!(
        summary,
        [
            ("Scheduled", 1),
            ("Pulled", 3),
            ("Created", 3),
            ("Started", 3),
            ("BackOff", 2)
        ]
    );
    let backoff = &events[4];
    assert_eq!((backoff.type_, backoff.source), ("Warning", "kubelet"));
    assert_eq!(backoff.field_path.as_deref(), Some("spec.containers{web}"));
    assert!(backoff.message.starts_with(&format!(
        "Back-off restarting failed container web in pod {}_default(",
        pod.name
    )));
    assert_eq!((backoff.first.0, backoff.last.0), (12_000, 27_000));
}

#[test]
fn get_events_lists_them_by_object_name_as_the_api_does() {
    let s = at("crashloop", 30);
    let out = kubectl::run(&mut s.cluster().clone(), "get events").stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    );
    // Pods' events, then the ReplicaSet's, then the Deployment's: names sort `web-…-x2k8p.` < `web-….` < `web.`.
    let objects: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().nth(3).unwrap())
        .collect();
    assert!(objects.first().unwrap().starts_with("pod/"));
    assert_eq!(objects.last(), Some(&"deployment/test-deployment"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("8s ") && l.contains("Started") && l.contains("Container started")));
    let json: serde_json::Value =
        serde_json::from_str(&kubectl::run(&mut s.cluster().clone(), "get events -o json").stdout)
            .unwrap();
    let started = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reason"] == "Started")
        .unwrap();
    assert_eq!(started["count"], 3);
    assert_eq!(started["involvedObject"]["kind"], "Pod");
    assert_eq!(
        started["involvedObject"]["fieldPath"],
        "spec.containers{web}"
    );
    assert_eq!(started["source"]["component"], "kubelet");
    assert_eq!(started["involvedObject"]["uid"].as_str().unwrap().len(), 36);
}

#[test]
fn similar_failures_are_combined_from_the_tenth() {
    let s = at("quota", 30);
    let c = s.cluster();
    let rs = c
        .replica_sets_of("test-deployment")
        .into_iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v2")
        .unwrap()
        .name()
        .to_string();
    let failed = c.events_of(&format!("replicaset/{rs}"));
    assert_eq!(failed.len(), 10, "nine as they came, then one combined");
    assert!(failed[..9]
        .iter()
        .all(|e| e.count == 1 && e.message.starts_with("Error creating: ")));
    let combined = &failed[9];
    assert!(combined
        .message
        .starts_with("(combined from similar events): Error creating: pods "));
    assert_eq!(combined.count, 4, "the 10th to the 13th attempt");
    // The controllers' own record keeps every attempt.
    assert_eq!(
        c.events()
            .iter()
            .filter(|e| e.reason == "FailedCreate")
            .count(),
        13
    );
}

#[test]
fn an_image_that_cannot_be_pulled_is_pulled_again_after_the_kubelets_back_off() {
    let mut s = Session::new(presets::preset("stuck").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:broken")
        .unwrap();
    let steps_before = s.history().len();
    s.act(Action::Wait {
        until: rollout_lab::api::Time::from_secs(75),
    })
    .unwrap();
    let c = s.cluster();
    let pod = c
        .pods()
        .into_iter()
        .find(|p| p.image == "test_web:broken")
        .unwrap();
    assert_eq!(pod.state, rollout_lab::api::PodState::ImagePullBackOff);
    let events = c.events_of(&format!("pod/{}", pod.name));
    let summary: Vec<(&str, &str, u32)> = events
        .iter()
        .map(|e| (e.reason, e.type_, e.count))
        .collect();
    // Pulls at 0, 11, 32 and 73 s (each fails a second later; the back-off doubles from 10 s).
    assert_eq!(
        summary,
        [
            ("Scheduled", "Normal", 1),
            ("Pulling", "Normal", 4),
            ("Failed", "Warning", 4),
            ("Failed", "Warning", 4),
            ("BackOff", "Normal", 4),
            ("Failed", "Warning", 4)
        ]
    );
    assert_eq!(events[1].message, "Pulling image \"test_web:broken\"");
    assert_eq!(events[3].message, "Error: ErrImagePull");
    assert_eq!(
        events[4].message,
        "Back-off pulling image \"test_web:broken\""
    );
    assert_eq!(events[5].message, "Error: ImagePullBackOff");
    assert_eq!((events[1].first.0, events[1].last.0), (0, 73_000));
    // The pulls are read from the pod, not queued: the wait was one step.
    assert_eq!(s.history().len(), steps_before + 1);
}

#[test]
fn the_kubelet_records_a_containers_start_when_it_starts_not_when_the_pod_is_scheduled() {
    // The seed's pods take 2 s: ContainerCreating for the first second, then Running, Ready at 2 s.
    let new_pod = |s: &Session| {
        s.cluster()
            .pods()
            .into_iter()
            .find(|p| p.image == "test_web:v2")
            .unwrap()
    };
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    s.act(Action::Wait {
        until: rollout_lab::api::Time(500),
    })
    .unwrap();
    let pod = new_pod(&s);
    let reasons = |s: &Session| -> Vec<(&'static str, i64)> {
        s.cluster()
            .events_of(&format!("pod/{}", pod.name))
            .iter()
            .map(|e| (e.reason, e.first.0))
            .collect()
    };
    assert_eq!(reasons(&s), [("Scheduled", 0)]);
    let describe = kubectl::run(
        &mut s.cluster().clone(),
        &format!("describe pod {}", pod.name),
    )
    .stdout;
    assert!(
        describe.contains("    State:          Waiting\n      Reason:       ContainerCreating\n"),
        "{describe}"
    );
    s.act(Action::Wait {
        until: rollout_lab::api::Time(1_000),
    })
    .unwrap();
    assert_eq!(
        reasons(&s),
        [
            ("Scheduled", 0),
            ("Pulled", 1_000),
            ("Created", 1_000),
            ("Started", 1_000)
        ]
    );
    let describe = kubectl::run(
        &mut s.cluster().clone(),
        &format!("describe pod {}", pod.name),
    )
    .stdout;
    assert!(
        describe.contains(
            "    State:          Running\n      Started:      Thu, 01 Jan 2026 00:00:01 +0000\n"
        ),
        "{describe}"
    );
}

#[test]
fn every_pods_times_are_in_order_in_every_preset() {
    // Created, then scheduled, then its container started, then Ready: at
    // the start of each preset (pods Ready since before it, spec M6) and all
    // through its script.
    for preset in presets::PRESETS {
        let mut s = Session::new(preset.scenario()).unwrap();
        let mut checked = 0;
        loop {
            let now = s.cluster().now();
            for p in s.cluster().pods() {
                if p.node.is_none() {
                    continue; // Pending: not scheduled yet.
                }
                let what = format!("{}: {} at {}", preset.id, p.name, now.0);
                assert!(
                    p.created <= p.scheduled_at,
                    "{what}: scheduled before created"
                );
                assert!(
                    p.scheduled_at <= p.started_at,
                    "{what}: started before scheduled"
                );
                if let Some(ready) = p.ready_since {
                    assert!(
                        p.started_at <= ready,
                        "{what}: Ready before its container started"
                    );
                }
                checked += 1;
            }
            if s.step().unwrap() == rollout_lab::scenario::Happened::Idle {
                break;
            }
        }
        assert!(checked > 0, "{}: no pod checked", preset.id);
    }
}

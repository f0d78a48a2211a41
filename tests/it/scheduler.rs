//! Nodes and the scheduler (scenario format v1.1 `cluster.nodes`): pods go
//! where their requests leave room, wait Pending with the scheduler's
//! FailedScheduling message when nothing fits, and start when room appears.

use rollout_lab::api::PodState;
use rollout_lab::kubectl;
use rollout_lab::scenario::{self, presets, Action, Session};

const NO_ROOM: &str = "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";

fn wait(s: &mut Session, seconds: i64) {
    s.act(Action::Wait {
        until: rollout_lab::api::Time::from_secs(seconds),
    })
    .unwrap();
}

#[test]
fn a_surge_pod_with_no_room_waits_pending_with_the_schedulers_message() {
    let mut s = Session::new(presets::preset("unschedulable").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    wait(&mut s, 30);
    let c = s.cluster();
    let pending: Vec<_> = c
        .pods()
        .into_iter()
        .filter(|p| p.state == PodState::Pending)
        .collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].node, None);
    let event = c
        .events()
        .iter()
        .find(|e| e.reason == "FailedScheduling")
        .unwrap();
    assert_eq!(
        (event.type_, event.source, event.message.as_str()),
        ("Warning", "default-scheduler", NO_ROOM)
    );
    assert_eq!(event.object, format!("pod/{}", pending[0].name));
    // The old pods stay: the pending pod is not available, and maxUnavailable is 0.
    assert_eq!(
        c.deployment("test-deployment")
            .unwrap()
            .status
            .available_replicas,
        3
    );
    let wide = kubectl::run(&mut c.clone(), "get pods -o wide").stdout;
    let row = wide
        .lines()
        .find(|l| l.starts_with(&pending[0].name))
        .unwrap();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        [
            &*pending[0].name,
            "0/1",
            "Pending",
            "0",
            "30s",
            "<none>",
            "<none>",
            "<none>",
            "<none>"
        ]
    );
    assert_eq!(c.node_usage()[0].cpu, 900, "three old pods of 300m");
}

#[test]
fn room_left_by_a_pod_that_is_gone_lets_the_waiting_pod_start() {
    let mut s = Session::new(presets::preset("unschedulable").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    wait(&mut s, 10);
    let old_pod = s
        .cluster()
        .pods()
        .into_iter()
        .find(|p| p.image == "test_web:v1")
        .unwrap()
        .name;
    s.kubectl(&format!("delete pod {old_pod}")).unwrap();
    // Its ReplicaSet replaces it at once, and the replacement competes for the same room. The
    // pending pod came first in the scheduling queue, so it gets the room once the deleted pod is gone.
    wait(&mut s, 11);
    let first_new = s
        .cluster()
        .pods()
        .into_iter()
        .find(|p| p.image == "test_web:v2")
        .unwrap();
    assert_eq!(first_new.node.as_deref(), Some("node-1"));
    let replacement =
        s.cluster().pods().into_iter().find(|p| {
            p.image == "test_web:v1" && p.name != old_pod && p.state == PodState::Pending
        });
    assert!(
        replacement.is_some(),
        "the replacement waits: {:?}",
        s.cluster().pods()
    );
    // Once the new pod is available the rollout moves on: the old ReplicaSet shrinks, deleting the
    // unscheduled replacement first.
    wait(&mut s, 20);
    let c = s.cluster();
    assert!(c
        .pods()
        .iter()
        .any(|p| p.name == first_new.name && p.state.is_ready()));
    let old = c
        .replica_sets_of("test-deployment")
        .into_iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v1")
        .unwrap();
    assert_eq!(old.spec.replicas, 2);
    assert!(
        c.pods()
            .iter()
            .filter(|p| p.image == "test_web:v1")
            .all(|p| p.state.is_ready()),
        "{:?}",
        c.pods()
    );
}

fn two_nodes() -> Session {
    let mut scenario = presets::preset("unschedulable").unwrap().scenario();
    scenario.cluster.nodes = vec![
        scenario::format::NodeSpec {
            name: "node-b".into(),
            cpu: Some("2".into()),
            memory: None,
            pods: None,
        },
        scenario::format::NodeSpec {
            name: "node-a".into(),
            cpu: Some("2".into()),
            memory: None,
            pods: None,
        },
    ];
    scenario.steps.clear();
    Session::new(scenario).unwrap()
}

#[test]
fn pods_go_to_the_node_with_the_most_room_left_ties_by_name() {
    let s = two_nodes();
    let nodes: Vec<Option<String>> = s.cluster().pods().into_iter().map(|p| p.node).collect();
    // a (tie, by name), then b (more room), then a again (tie).
    let mut counted = nodes.iter().flatten().cloned().collect::<Vec<_>>();
    counted.sort();
    assert_eq!(counted, ["node-a", "node-a", "node-b"]);
    let out = kubectl::run(&mut s.cluster().clone(), "get nodes").stdout;
    assert_eq!(out, "NAME     STATUS   ROLES    AGE   VERSION\nnode-a   Ready    <none>   24h   v1.37.1\nnode-b   Ready    <none>   24h   v1.37.1\n");
}

#[test]
fn cordon_keeps_new_pods_off_a_node_and_says_what_it_did() {
    let mut s = two_nodes();
    let mut c = s.cluster().clone();
    assert_eq!(
        kubectl::run(&mut c, "cordon node-a").stdout,
        "node/node-a cordoned\n"
    );
    assert_eq!(
        kubectl::run(&mut c, "cordon node-a").stdout,
        "node/node-a already cordoned\n"
    );
    assert_eq!(
        kubectl::run(&mut c, "uncordon node-a --dry-run=client").stdout,
        "node/node-a uncordoned (dry run)\n"
    );
    assert!(kubectl::run(&mut c, "get nodes")
        .stdout
        .contains("node-a   Ready,SchedulingDisabled"));
    let missing = kubectl::run(&mut c, "cordon node-z");
    assert_eq!(
        (missing.stderr.as_str(), missing.exit_code),
        (
            "Error from server (NotFound): nodes \"node-z\" not found\n",
            1
        )
    );
    let usage = kubectl::run(&mut c, "cordon");
    assert_eq!(
        usage.stderr,
        "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"
    );
    // In the session: scale up with node-a cordoned; every new pod lands on node-b, until it is full.
    s.kubectl("cordon node-a").unwrap();
    s.kubectl("scale deployment/test-deployment --replicas=8")
        .unwrap();
    wait(&mut s, 5);
    let c = s.cluster();
    let on = |node: &str| {
        c.pods()
            .iter()
            .filter(|p| p.node.as_deref() == Some(node))
            .count()
    };
    assert_eq!(
        (on("node-a"), on("node-b")),
        (2, 6),
        "node-b: 6 × 300m of 2 CPU"
    );
    let pending = c
        .pods()
        .iter()
        .filter(|p| p.state == PodState::Pending)
        .count();
    assert_eq!(pending, 0);
    let event_free = c.events().iter().all(|e| e.reason != "FailedScheduling");
    assert!(event_free);
    s.kubectl("scale deployment/test-deployment --replicas=9")
        .unwrap();
    wait(&mut s, 6);
    let failed = s
        .cluster()
        .events()
        .iter()
        .rev()
        .find(|e| e.reason == "FailedScheduling")
        .unwrap()
        .message
        .clone();
    assert_eq!(failed, "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.");
    // Uncordoning makes room: the waiting pod goes to node-a at once.
    s.kubectl("uncordon node-a").unwrap();
    wait(&mut s, 7);
    assert_eq!(
        s.cluster()
            .pods()
            .iter()
            .filter(|p| p.state == PodState::Pending)
            .count(),
        0
    );
}

#[test]
fn scaling_down_deletes_unscheduled_pods_first() {
    let mut s = Session::new(presets::preset("unschedulable").unwrap().scenario()).unwrap();
    s.kubectl("scale deployment/test-deployment --replicas=5")
        .unwrap();
    wait(&mut s, 5);
    assert_eq!(
        s.cluster()
            .pods()
            .iter()
            .filter(|p| p.state == PodState::Pending)
            .count(),
        2
    );
    s.kubectl("scale deployment/test-deployment --replicas=3")
        .unwrap();
    wait(&mut s, 6);
    let c = s.cluster();
    assert!(
        c.pods()
            .iter()
            .all(|p| p.state != PodState::Pending && p.state.is_ready()),
        "{:?}",
        c.pods()
    );
}

#[test]
fn node_keys_are_checked() {
    let base = presets::preset("unschedulable").unwrap().json;
    for (from, to, message) in [
        (
            r#""cpu": "1""#,
            r#""cpu": "lots""#,
            r#"cluster.nodes[0].cpu: "lots" is not a quantity (such as "2", "1500m" or "4Gi")"#,
        ),
        (
            r#""name": "node-1""#,
            r#""name": """#,
            "cluster.nodes[0].name: a node needs a name",
        ),
        (
            r#""memory": "4Gi""#,
            r#""memory": "4Gi", "pods": -1"#,
            "cluster.nodes[0].pods: -1 is out of range (0 to 100000)",
        ),
    ] {
        assert!(base.contains(from), "{from}");
        let e = scenario::load(&base.replace(from, to)).unwrap_err();
        assert_eq!(e.to_string(), message);
    }
}

#[test]
fn scaling_down_takes_pods_from_the_node_with_more_of_the_deployments_pods_first() {
    // Initial pods on node-a, node-b, node-a; scaled to 2, one of node-a's goes (its colocation rank is 2).
    for seed in 1..=8 {
        let mut scenario = presets::preset("unschedulable").unwrap().scenario();
        scenario.cluster.nodes = vec![
            scenario::format::NodeSpec {
                name: "node-a".into(),
                cpu: Some("2".into()),
                memory: None,
                pods: None,
            },
            scenario::format::NodeSpec {
                name: "node-b".into(),
                cpu: Some("2".into()),
                memory: None,
                pods: None,
            },
        ];
        scenario.cluster.seed = seed;
        scenario.steps.clear();
        let mut s = Session::new(scenario).unwrap();
        s.kubectl("scale deployment/test-deployment --replicas=2")
            .unwrap();
        wait(&mut s, 5);
        let mut nodes: Vec<String> = s
            .cluster()
            .pods()
            .into_iter()
            .filter(|p| p.deleted_at.is_none())
            .filter_map(|p| p.node)
            .collect();
        nodes.sort();
        assert_eq!(nodes, ["node-a", "node-b"], "seed {seed}");
    }
}

#[test]
fn a_pending_pod_deleted_goes_at_once_and_limits_stand_for_missing_requests() {
    let mut s = Session::new(presets::preset("unschedulable").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    wait(&mut s, 5);
    let pending = s
        .cluster()
        .pods()
        .into_iter()
        .find(|p| p.state == PodState::Pending)
        .unwrap()
        .name;
    s.kubectl(&format!("delete pod {pending}")).unwrap();
    // No node runs it: deleted at once (CheckGracefulDelete), never Terminating; its ReplicaSet makes another.
    assert!(s.cluster().pods().iter().all(|p| p.name != pending));
    // A container with limits and no requests requests its limits (SetDefaults_Pod).
    let mut scenario = presets::preset("unschedulable").unwrap().scenario();
    scenario.deployment["spec"]["template"]["spec"]["containers"][0]["resources"] =
        serde_json::json!({"limits": {"cpu": "400m"}});
    scenario.replica_sets.clear();
    scenario.steps.clear();
    let mut s = Session::new(scenario).unwrap();
    wait(&mut s, 5);
    let c = s.cluster();
    assert_eq!(
        c.node_usage()[0].cpu,
        800,
        "two pods of 400m fit in 1 CPU, the third waits"
    );
    assert_eq!(
        c.pods()
            .iter()
            .filter(|p| p.state == PodState::Pending)
            .count(),
        1
    );
}

//! ResourceQuota (scenario format v1.1 `cluster.quota`): a pod create beyond
//! `hard` is refused with the API server's message; the ReplicaSet records
//! FailedCreate and ReplicaFailure and retries with its work queue's back-off.

use rollout_lab::kubectl;
use rollout_lab::scenario::{self, presets, Action, Session};

const REFUSED: &str =
    "is forbidden: exceeded quota: quota, requested: pods=1, used: pods=3, limited: pods=3";

fn wait(s: &mut Session, seconds: i64) {
    s.act(Action::Wait {
        until: rollout_lab::api::Time::from_secs(seconds),
    })
    .unwrap();
}

fn new_rs(s: &Session) -> rollout_lab::api::ReplicaSet {
    let rss = s.cluster().replica_sets_of("test-deployment");
    (*rss
        .into_iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v2")
        .unwrap())
    .clone()
}

#[test]
fn a_create_beyond_the_quota_is_refused_and_retried_with_a_growing_back_off() {
    let mut s = Session::new(presets::preset("quota").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    wait(&mut s, 30);
    let rs = new_rs(&s);
    let c = s.cluster();
    let failed: Vec<_> = c
        .events()
        .iter()
        .filter(|e| e.reason == "FailedCreate")
        .collect();
    // 5 ms after the first failure, then 10, 20, 40 … ms: 13 attempts within 30 s (the 13th at 20.475 s).
    let times: Vec<i64> = failed.iter().map(|e| e.time.0).collect();
    assert_eq!(&times[..6], &[0, 5, 15, 35, 75, 155]);
    assert_eq!(times.len(), 13, "{times:?}");
    for e in &failed {
        assert_eq!(
            (e.type_, e.source, e.object.as_str()),
            (
                "Warning",
                "replicaset-controller",
                &*format!("replicaset/{}", rs.name())
            )
        );
        assert!(
            e.message
                .starts_with(&format!("Error creating: pods \"{}-", rs.name()))
                && e.message.ends_with(REFUSED),
            "{}",
            e.message
        );
    }
    // Each attempt generated a new name.
    let mut names: Vec<&str> = failed
        .iter()
        .map(|e| e.message.split('"').nth(1).unwrap())
        .collect();
    names.dedup();
    assert_eq!(names.len(), failed.len());
    let condition = &rs.status.conditions[0];
    assert_eq!(
        (
            condition.type_.as_str(),
            condition.status.as_str(),
            condition.reason.as_str()
        ),
        ("ReplicaFailure", "True", "FailedCreate")
    );
    assert!(condition.message.starts_with("pods \"") && condition.message.ends_with(REFUSED));
    let d = c.deployment("test-deployment").unwrap();
    let failure = d.status.condition("ReplicaFailure").unwrap();
    assert_eq!(
        (failure.reason.as_str(), failure.message.as_str()),
        ("FailedCreate", condition.message.as_str())
    );
    assert_eq!(failure.last_update_time, condition.last_transition_time);
}

#[test]
fn kubectl_shows_the_quota_and_the_replica_failure() {
    let mut s = Session::new(presets::preset("quota").unwrap().scenario()).unwrap();
    s.kubectl("set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    wait(&mut s, 5);
    let mut c = s.cluster().clone();
    assert_eq!(
        kubectl::run(&mut c, "get quota").stdout,
        "NAME    REQUEST     LIMIT   AGE\nquota   pods: 3/3           24h\n"
    );
    assert_eq!(kubectl::run(&mut c, "describe quota quota").stdout, "Name:       quota\nNamespace:  default\nResource    Used  Hard\n--------    ----  ----\npods        3     3\n");
    let describe = kubectl::run(&mut c, "describe deployment test-deployment").stdout;
    assert!(
        describe.contains("  ReplicaFailure   True    FailedCreate"),
        "{describe}"
    );
    let missing = kubectl::run(&mut c, "describe quota other");
    assert_eq!(
        missing.stderr,
        "Error from server (NotFound): resourcequotas \"other\" not found\n"
    );
}

#[test]
fn create_quota_limits_the_pods_from_then_on() {
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    s.kubectl("create quota quota --hard=pods=3,requests.cpu=1 --dry-run=client")
        .unwrap();
    assert!(s.cluster().quota().is_none(), "a dry run writes nothing");
    let mut c = s.cluster().clone();
    assert_eq!(
        kubectl::run(&mut c, "create quota quota --hard=pods").stderr,
        "error: Invalid argument syntax pods, expected <resource>=<value>\n"
    );
    assert_eq!(
        kubectl::run(&mut c, "create quota quota --hard=pods=-1").stderr,
        "The ResourceQuota \"quota\" is invalid: spec.hard[pods]: Invalid value: \"-1\": must be greater than or equal to 0\n"
    );
    assert_eq!(
        kubectl::run(&mut c, "create quota quota --hard=pods=3").stdout,
        "resourcequota/quota created\n"
    );
    assert_eq!(
        kubectl::run(&mut c, "create quota quota --hard=pods=3").stderr,
        "Error from server (AlreadyExists): resourcequotas \"quota\" already exists\n"
    );
    // A quota on requests.cpu needs every container to request cpu.
    let mut c = s.cluster().clone();
    kubectl::run(&mut c, "create quota quota --hard=requests.cpu=2");
    kubectl::run(&mut c, "scale deployment/test-deployment --replicas=4");
    c.advance(5_000).unwrap();
    let failed = c
        .events()
        .iter()
        .rev()
        .find(|e| e.reason == "FailedCreate")
        .unwrap();
    assert!(
        failed
            .message
            .ends_with("is forbidden: failed quota: quota: must specify requests.cpu for: web"),
        "{}",
        failed.message
    );
}

#[test]
fn quota_keys_are_checked() {
    let base = presets::preset("quota").unwrap().json;
    for (to, message) in [
        (
            r#""quota": {"pods": "lots"}"#,
            r#"cluster.quota["pods"]: "lots" is not a quantity (such as "6", "1500m" or "4Gi")"#,
        ),
        (
            r#""quota": {"services": "1"}"#,
            r#"cluster.quota["services"]: not modelled by this runner (one of: count/pods, cpu, limits.cpu, limits.memory, memory, pods, requests.cpu, requests.memory)"#,
        ),
    ] {
        let e = scenario::load(&base.replace(
            r#""quota": {
      "pods": "3"
    }"#,
            to,
        ))
        .unwrap_err();
        assert_eq!(e.to_string(), message);
    }
}

//! `kubectl delete`: a deleted pod is replaced by its ReplicaSet (the
//! classic demonstration), the grace-period rules and messages of kubectl
//! 1.37.1 (checked against the real binary), and the garbage collector's
//! cascade for ReplicaSets and Deployments.

use crate::kubectl::seed_cluster;
use rollout_lab::api::PodState;
use rollout_lab::kubectl;
use rollout_lab::sim::Cluster;

fn pods(c: &Cluster) -> Vec<(String, PodState)> {
    c.replica_sets_of("test-deployment")
        .iter()
        .flat_map(|rs| c.pods_of(rs.name()))
        .map(|p| (p.name, p.state))
        .collect()
}

#[test]
fn a_deleted_pod_is_replaced_by_its_replica_set() {
    let mut c = seed_cluster();
    let before = pods(&c);
    let victim = before[0].0.clone();
    let out = kubectl::run(&mut c, &format!("delete pod {victim}"));
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.exit_code),
        (
            format!("pod \"{victim}\" deleted from default namespace\n").as_str(),
            "",
            0
        )
    );
    assert!(pods(&c).contains(&(victim.clone(), PodState::Terminating)));
    // The ReplicaSet controller sees 2 of 3 and creates a third pod; the deleted one goes.
    c.settle(600_000).unwrap();
    let after = pods(&c);
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(after
        .iter()
        .all(|(name, state)| *state == PodState::Available && *name != victim));
    let rs = c.replica_sets_of("test-deployment")[0].clone();
    assert_eq!((rs.status.replicas, rs.status.available_replicas), (3, 3));
}

#[test]
fn force_deletion_is_immediate_and_says_so() {
    let mut c = seed_cluster();
    let victim = pods(&c)[1].0.clone();
    let out = kubectl::run(&mut c, &format!("delete pod/{victim} --force"));
    assert_eq!(
        out.stdout,
        format!("pod \"{victim}\" force deleted from default namespace\n")
    );
    assert_eq!(out.stderr, "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    assert!(
        pods(&c).iter().all(|(name, _)| *name != victim),
        "gone at once"
    );
    // -o name, and a second delete of the same pod is NotFound.
    let other = pods(&c)[0].0.clone();
    assert_eq!(
        kubectl::run(&mut c, &format!("delete pod {other} -o name")).stdout,
        format!("pod/{other}\n")
    );
    let again = kubectl::run(&mut c, &format!("delete pod {victim}"));
    assert_eq!(
        (again.stderr.as_str(), again.exit_code),
        (
            format!("Error from server (NotFound): pods \"{victim}\" not found\n").as_str(),
            1
        )
    );
    assert_eq!(
        kubectl::run(&mut c, &format!("delete pod {victim} --ignore-not-found")).exit_code,
        0
    );
}

#[test]
fn delete_answers_bad_flags_as_kubectl_does() {
    let mut c = seed_cluster();
    for (line, stderr) in [
        ("delete pods", "error: resource(s) were provided, but no name was specified\n"),
        ("delete pod x --force --grace-period=5", "error: --force and --grace-period greater than 0 cannot be specified together\n"),
        ("delete pod x --now --grace-period=3", "error: --now and --grace-period cannot be specified together\n"),
        ("delete pod x --cascade=maybe", "error: invalid cascade value (maybe). Must be \"background\", \"foreground\", or \"orphan\"\n"),
        ("delete pod x -o yaml", "error: unexpected -o output mode: yaml. We only support '-o name'\n"),
        ("delete pod x --grace-period=abc", "error: invalid argument \"abc\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl delete --help' for usage.\n"),
    ] {
        let out = kubectl::run(&mut c, line);
        assert_eq!((out.stdout.as_str(), out.stderr.as_str(), out.exit_code), ("", stderr, 1), "kubectl {line}");
    }
}

#[test]
fn a_dry_run_delete_deletes_nothing() {
    let mut c = seed_cluster();
    let victim = pods(&c)[0].0.clone();
    let out = kubectl::run(&mut c, &format!("delete pod {victim} --dry-run=client"));
    assert_eq!(
        out.stdout,
        format!("pod \"{victim}\" deleted from default namespace (dry run)\n")
    );
    assert_eq!(
        kubectl::run(&mut c, &format!("delete pod {victim} --dry-run=server")).stdout,
        format!("pod \"{victim}\" deleted from default namespace (server dry run)\n")
    );
    assert!(pods(&c)
        .iter()
        .all(|(_, state)| *state == PodState::Available));
}

#[test]
fn deleting_a_replica_set_or_the_deployment_cascades_to_the_pods() {
    let mut c = seed_cluster();
    let rs = c.replica_sets_of("test-deployment")[0].name().to_string();
    let out = kubectl::run(&mut c, &format!("delete rs {rs}"));
    assert_eq!(
        out.stdout,
        format!("replicaset.apps \"{rs}\" deleted from default namespace\n")
    );
    assert!(
        pods(&c)
            .iter()
            .all(|(_, state)| *state == PodState::Terminating)
            || pods(&c).is_empty()
    );
    // The Deployment makes its ReplicaSet again (the same template, so the same name) and new pods.
    c.settle(600_000).unwrap();
    let again = c.replica_sets_of("test-deployment");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].name(), rs);
    assert_eq!(again[0].status.available_replicas, 3);

    let out = kubectl::run(&mut c, "delete deployment test-deployment");
    assert_eq!(
        out.stdout,
        "deployment.apps \"test-deployment\" deleted from default namespace\n"
    );
    assert!(c.deployment("test-deployment").is_none());
    assert!(c.replica_sets_of("test-deployment").is_empty());
    c.settle(600_000).unwrap();
    assert!(c.replica_sets().is_empty());
    assert_eq!(
        kubectl::run(&mut c, "get pods").stderr,
        "No resources found in default namespace.\n"
    );
}

#[test]
fn a_terminating_pod_can_be_forced_out_and_the_other_names_still_go() {
    let mut c = seed_cluster();
    let names: Vec<String> = pods(&c).into_iter().map(|(n, _)| n).collect();
    kubectl::run(&mut c, &format!("delete pod {}", names[0]));
    assert!(pods(&c).contains(&(names[0].clone(), PodState::Terminating)));
    let out = kubectl::run(
        &mut c,
        &format!("delete pod {} --force --grace-period=0", names[0]),
    );
    assert_eq!(out.exit_code, 0);
    assert!(
        pods(&c).iter().all(|(n, _)| *n != names[0]),
        "a force delete ends a Terminating pod now"
    );
    // kubectl deletes every name it can and reports the others.
    let out = kubectl::run(
        &mut c,
        &format!("delete pod {} missing {}", names[1], names[2]),
    );
    assert_eq!(out.stdout, format!("pod \"{}\" deleted from default namespace\npod \"{}\" deleted from default namespace\n", names[1], names[2]));
    assert_eq!(
        (out.stderr.as_str(), out.exit_code),
        (
            "Error from server (NotFound): pods \"missing\" not found\n",
            1
        )
    );
}

#[test]
fn a_replica_set_deleted_with_cascade_orphan_leaves_its_pods_and_the_new_one_adopts_them() {
    let mut c = seed_cluster();
    let before = pods(&c);
    let rs = c.replica_sets_of("test-deployment")[0].name().to_string();
    let out = kubectl::run(&mut c, &format!("delete rs {rs} --cascade=orphan"));
    assert_eq!(
        (out.stdout.as_str(), out.exit_code),
        (
            format!("replicaset.apps \"{rs}\" deleted from default namespace\n").as_str(),
            0
        )
    );
    // The Deployment makes its ReplicaSet again (same template, same name); it adopts the running pods
    // instead of creating new ones, and no pod was ever deleted.
    c.settle(600_000).unwrap();
    assert_eq!(pods(&c), before);
    assert!(c.events().iter().all(|e| e.reason != "SuccessfulDelete"));
    let again = c.replica_sets_of("test-deployment")[0].clone();
    assert_eq!(again.name(), rs);
    assert_eq!(
        (again.status.replicas, again.status.available_replicas),
        (3, 3)
    );
    // Killing them now is the new ReplicaSet's job: scaling down deletes adopted pods.
    kubectl::run(&mut c, "scale deployment/test-deployment --replicas=1");
    c.settle(600_000).unwrap();
    assert_eq!(pods(&c).len(), 1);
}

#[test]
fn a_deployment_deleted_with_cascade_orphan_leaves_its_replica_sets_for_the_next_to_adopt() {
    let mut c = seed_cluster();
    let before = pods(&c);
    let manifest = kubectl::run(&mut c, "get deployment test-deployment -o json").stdout;
    let out = kubectl::run(&mut c, "delete deployment test-deployment --cascade=orphan");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    c.settle(600_000).unwrap();
    let rss = c.replica_sets();
    assert_eq!(rss.len(), 1, "the ReplicaSet stays");
    assert!(
        rss[0].metadata.owner_references.is_empty(),
        "without its owner"
    );
    assert_eq!(c.pods().len(), 3, "and so do its pods");
    // The same Deployment applied again adopts the ReplicaSet: same pods, no new ReplicaSet.
    let mut d: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    for key in ["uid", "resourceVersion", "creationTimestamp", "generation"] {
        d["metadata"].as_object_mut().unwrap().remove(key);
    }
    d.as_object_mut().unwrap().remove("status");
    let applied = kubectl::apply::apply_object(&mut c, &d, "STDIN");
    assert!(applied.is_ok(), "{applied:?}");
    c.settle(600_000).unwrap();
    assert_eq!(c.replica_sets().len(), 1);
    assert_eq!(c.replica_sets_of("test-deployment").len(), 1, "adopted");
    assert_eq!(pods(&c), before);
}

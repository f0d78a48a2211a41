//! kubectl emulation: outputs and errors, byte for byte, on small clusters.

use rollout_lab::kubectl::{self, Output};
use rollout_lab::scenario::{self, Runner};
use rollout_lab::sim::Cluster;

/// The seed note's Deployment: test-deployment, 3 replicas of test_web:v1, rolled out.
pub fn seed_cluster() -> Cluster {
    let text =
        std::fs::read_to_string(crate::support::local_scenarios_dir().join("seed-note.json"))
            .unwrap();
    let s = scenario::load(&text).unwrap();
    Runner::new(&s).unwrap().cluster
}

#[track_caller]
fn check(c: &mut Cluster, line: &str, stdout: &str, stderr: &str, exit_code: i32) {
    let out = kubectl::run(c, line);
    assert_eq!(
        out,
        Output {
            stdout: stdout.into(),
            stderr: stderr.into(),
            exit_code
        },
        "kubectl {line}"
    );
}

/// Replaces the generated hash and pod suffixes so golden text stays readable.
fn masked(c: &Cluster, text: &str) -> String {
    let mut text = text.to_string();
    for (i, rs) in c.replica_sets().iter().enumerate() {
        text = text.replace(rs.name(), &format!("test-deployment-RS{}", i + 1));
    }
    text
}

#[test]
fn the_seed_typo_gets_kubectls_resource_builder_error() {
    let mut c = seed_cluster();
    check(
        &mut c,
        "kubectl rollout resume deploy deployment/test-deployment",
        "",
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
        1,
    );
}

#[test]
fn the_seed_commands_work_verbatim() {
    let mut c = seed_cluster();
    check(
        &mut c,
        "kubectl set image deployment/test-deployment web=test_web:v2",
        "deployment.apps/test-deployment image updated\n",
        "",
        0,
    );
    check(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
        "",
        "",
        0,
    );
    check(
        &mut c,
        "kubectl rollout pause deployment/test-deployment",
        "deployment.apps/test-deployment paused\n",
        "",
        0,
    );
    check(
        &mut c,
        "kubectl rollout pause deployment/test-deployment",
        "",
        "error: deployments.apps \"test-deployment\" is already paused\n",
        1,
    );
    check(
        &mut c,
        "kubectl rollout resume deployment/test-deployment",
        "deployment.apps/test-deployment resumed\n",
        "",
        0,
    );
    check(
        &mut c,
        "kubectl scale deployment test-deployment --replicas 10",
        "deployment.apps/test-deployment scaled\n",
        "",
        0,
    );
    check(
        &mut c,
        "kubectl scale deployment/test-deployment --replicas=10",
        "deployment.apps/test-deployment scaled\n",
        "",
        0,
    );
}

#[test]
fn a_watching_rollout_status_lets_time_pass_and_prints_each_change() {
    let mut c = seed_cluster();
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
    );
    let out = kubectl::run(&mut c, "rollout status deployment/test-deployment");
    assert_eq!(out.exit_code, 0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"Waiting for deployment spec update to be observed...")
    );
    assert_eq!(
        lines.last(),
        Some(&"deployment \"test-deployment\" successfully rolled out")
    );
    assert!(lines.contains(&"Waiting for deployment \"test-deployment\" rollout to finish: 1 old replicas are pending termination..."));
    assert_eq!(
        c.now().secs(),
        6,
        "three pods, each Ready 2 s after creation, one at a time"
    );
}

#[test]
fn rollout_status_times_out_on_a_stuck_rollout() {
    let mut c = seed_cluster();
    // The seed scenario lists test_web:broken among the images that cannot be pulled.
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:broken",
    );
    let out = kubectl::run(
        &mut c,
        "rollout status deployment/test-deployment --timeout=30s",
    );
    assert_eq!(out.exit_code, 1);
    assert_eq!(out.stderr, "error: timed out waiting for the condition\n");
    assert_eq!(c.now().secs(), 30);
    let once = kubectl::run(
        &mut c,
        "rollout status deployment/test-deployment --watch=false",
    );
    assert_eq!(once.stdout, "Waiting for deployment \"test-deployment\" rollout to finish: 1 out of 3 new replicas have been updated...\n");
}

#[test]
fn get_tables_have_kubectls_columns() {
    let mut c = seed_cluster();
    let out = kubectl::run(&mut c, "get deployments");
    assert_eq!(out.stdout, "NAME              READY   UP-TO-DATE   AVAILABLE   AGE\ntest-deployment   3/3     3            3           0s\n");
    let out = kubectl::run(&mut c, "get rs -o wide");
    let rs = c.replica_sets()[0].name().to_string();
    let hash = rs.rsplit('-').next().unwrap();
    let pad = " ".repeat(rs.len() + 3 - 4);
    assert_eq!(
        out.stdout,
        format!("NAME{pad}DESIRED   CURRENT   READY   AGE    CONTAINERS   IMAGES        SELECTOR\n{rs}   3         3         3       100s   web          test_web:v1   app=web,pod-template-hash={hash}\n")
    );
    let pods = kubectl::run(&mut c, "get pods").stdout;
    assert_eq!(pods.lines().count(), 4);
    assert!(
        pods.lines()
            .skip(1)
            .all(|l| l.contains("1/1     Running   0")),
        "{pods}"
    );
    check(
        &mut c,
        "get deploy nope",
        "",
        "Error from server (NotFound): deployments.apps \"nope\" not found\n",
        1,
    );
    // Names are quoted as Go's %q quotes them: \xNN for control characters, other text as it is.
    check(
        &mut c,
        "get deploy 'a\u{1b}b\"部署'",
        "",
        "Error from server (NotFound): deployments.apps \"a\\x1bb\\\"部署\" not found\n",
        1,
    );
    check(
        &mut c,
        "get pods -o name",
        &pods
            .lines()
            .skip(1)
            .map(|l| format!("pod/{}\n", l.split(' ').next().unwrap()))
            .collect::<String>(),
        "",
        0,
    );
}

#[test]
fn describe_shows_the_event_table_like_the_seed_note() {
    let mut c = seed_cluster();
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
    );
    c.settle(600_000).unwrap();
    let out = kubectl::run(&mut c, "describe deployment test-deployment");
    let text = masked(&c, &out.stdout);
    let expected_tail = "\
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  test-deployment-RS1 (0/0 replicas created)
NewReplicaSet:   test-deployment-RS2 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  7s    deployment-controller  Scaled up replica set test-deployment-RS2 from 0 to 1
  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled down replica set test-deployment-RS1 from 3 to 2
  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled up replica set test-deployment-RS2 from 1 to 2
  Normal  ScalingReplicaSet  3s    deployment-controller  Scaled down replica set test-deployment-RS1 from 2 to 1
  Normal  ScalingReplicaSet  3s    deployment-controller  Scaled up replica set test-deployment-RS2 from 2 to 3
  Normal  ScalingReplicaSet  1s    deployment-controller  Scaled down replica set test-deployment-RS1 from 1 to 0
";
    assert!(text.ends_with(expected_tail), "{text}");
    assert!(text.starts_with("Name:                   test-deployment\nNamespace:              default\nCreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000\n"), "{text}");
    assert!(text.contains(
        "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n"
    ));
    assert!(
        !text.contains("last-applied-configuration"),
        "describe hides the apply annotation"
    );
}

#[test]
fn history_undo_and_change_cause() {
    let mut c = seed_cluster();
    check(
        &mut c,
        "annotate deployment/test-deployment kubernetes.io/change-cause='image to v2'",
        "deployment.apps/test-deployment annotated\n",
        "",
        0,
    );
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
    );
    c.settle(600_000).unwrap();
    check(
        &mut c,
        "rollout history deployment/test-deployment",
        "deployment.apps/test-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image to v2\n\n",
        "",
        0,
    );
    check(
        &mut c,
        "rollout history deployment/test-deployment --revision=7",
        "",
        "error: unable to find the specified revision\n",
        1,
    );
    let undo = kubectl::run(&mut c, "rollout undo deployment/test-deployment");
    assert_eq!(undo.stdout, "deployment.apps/test-deployment rolled back\n");
    assert!(undo.stderr.starts_with("Warning: resource deployments/test-deployment was previously managed with 'kubectl apply'."));
    c.settle(600_000).unwrap();
    // The old ReplicaSet is re-used: revision 1 becomes 3, revision numbers only grow.
    check(
        &mut c,
        "rollout history deployment/test-deployment",
        "deployment.apps/test-deployment \nREVISION  CHANGE-CAUSE\n2         image to v2\n3         <none>\n\n",
        "",
        0,
    );
    let again = kubectl::run(
        &mut c,
        "rollout undo deployment/test-deployment --to-revision=3",
    );
    assert_eq!(again.stdout, "deployment.apps/test-deployment skipped rollback (current template already matches revision 3)\n");
}

#[test]
fn errors_are_kubectls() {
    let mut c = seed_cluster();
    check(
        &mut c,
        "rollot status",
        "",
        "error: unknown command \"rollot\" for \"kubectl\"\n\nDid you mean this?\n\trollout\n",
        1,
    );
    check(&mut c, "scale deployment/test-deployment --replicas=-1", "", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n", 1);
    check(
        &mut c,
        "scale deployment/test-deployment",
        "",
        "error: required flag(s) \"replicas\" not set\n",
        1,
    );
    check(
        &mut c,
        "scale deployment/test-deployment --replicas=2 --bogus",
        "",
        "error: unknown flag: --bogus\nSee 'kubectl scale --help' for usage.\n",
        1,
    );
    check(
        &mut c,
        "rollout status",
        "",
        "error: required resource not specified\n",
        1,
    );
    check(&mut c, "rollout undo deployment/test-deployment --to-revision=9", "", "Warning: resource deployments/test-deployment was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\nerror: unable to find specified revision 9 in history\n", 1);
    check(
        &mut c,
        "set image deployment/test-deployment app=x:1",
        "",
        "error: unable to find container named \"app\"\n",
        1,
    );
    check(
        &mut c,
        "rollout restart deployment/nope",
        "",
        "Error from server (NotFound): deployments.apps \"nope\" not found\n",
        1,
    );
    check(
        &mut c,
        "get frobs",
        "",
        "error: the server doesn't have a resource type \"frobs\"\n",
        1,
    );
    check(
        &mut c,
        "annotate deployment/test-deployment a=1",
        "deployment.apps/test-deployment annotated\n",
        "",
        0,
    );
    check(&mut c, "annotate deployment/test-deployment a=2", "", "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1)\n", 1);
    check(
        &mut c,
        "annotate deployment/test-deployment a=2 --overwrite",
        "deployment.apps/test-deployment annotated\n",
        "",
        0,
    );
    check(
        &mut c,
        "echo 'oops",
        "",
        "error: unterminated ' quote in the command line\n",
        1,
    );
}

#[test]
fn an_invalid_update_is_refused_with_the_api_servers_message() {
    let mut c = seed_cluster();
    let before = c.deployment("test-deployment").cloned();
    let manifest = serde_json::json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "test-deployment"},
        "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                 "strategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": 0}},
                 "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "test_web:v1"}]}}}});
    let err = kubectl::apply::apply_object(&mut c, &manifest, "STDIN").unwrap_err();
    assert_eq!(err.0, "The Deployment \"test-deployment\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0");
    assert_eq!(
        c.deployment("test-deployment").cloned(),
        before,
        "nothing changed"
    );
}

#[test]
fn restart_rolls_out_the_same_image_and_refuses_twice_in_a_second() {
    let mut c = seed_cluster();
    check(
        &mut c,
        "rollout restart deployment/test-deployment",
        "deployment.apps/test-deployment restarted\n",
        "",
        0,
    );
    check(
        &mut c,
        "rollout restart deployment/test-deployment",
        "",
        "error: failed to create patch for test-deployment: if restart has already been triggered within the past second, please wait before attempting to trigger another\n",
        1,
    );
    c.settle(600_000).unwrap();
    let rss = c.replica_sets_of("test-deployment");
    assert_eq!(rss.len(), 2);
    assert!(rss
        .iter()
        .all(|rs| rs.spec.template.first_image() == "test_web:v1"));
    assert_eq!(
        rss.iter().map(|rs| rs.spec.replicas).collect::<Vec<_>>(),
        vec![0, 3]
    );
}

#[test]
fn create_deployment_from_the_console() {
    let mut c = Cluster::new(Default::default());
    check(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
        "deployment.apps/web created\n",
        "",
        0,
    );
    c.settle(60_000).unwrap();
    check(
        &mut c,
        "get deploy web",
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           2s\n",
        "",
        0,
    );
    check(
        &mut c,
        "get deploy nope web",
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           2s\n",
        "Error from server (NotFound): deployments.apps \"nope\" not found\n",
        1,
    );
}

#[test]
fn patch_changes_the_strategy_and_validates_like_the_api_server() {
    let mut c = seed_cluster();
    check(
        &mut c,
        r#"patch deployment/test-deployment -p '{"spec":{"strategy":{"type":"Recreate"}}}'"#,
        "",
        "The Deployment \"test-deployment\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'\n",
        1,
    );
    check(
        &mut c,
        r#"patch deployment/test-deployment -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'"#,
        "deployment.apps/test-deployment patched\n",
        "",
        0,
    );
    check(
        &mut c,
        r#"patch deployment/test-deployment -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'"#,
        "deployment.apps/test-deployment patched (no change)\n",
        "",
        0,
    );
    assert_eq!(
        c.deployment("test-deployment").unwrap().strategy_type(),
        "Recreate"
    );
    check(
        &mut c,
        r#"patch deployment/test-deployment --type merge -p '{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}'"#,
        "",
        "The Deployment \"test-deployment\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n",
        1,
    );
    check(
        &mut c,
        "patch deployment/test-deployment -p '{bad'",
        "",
        "error: unable to parse \"{bad\": key must be a string at line 1 column 2\n",
        1,
    );
}

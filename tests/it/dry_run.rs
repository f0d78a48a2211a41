//! `--dry-run=client|server` writes nothing and prints what kubectl 1.37.1
//! prints (the golden text below was taken from the real binary, run against
//! the simulator's objects served over the Kubernetes API).

use crate::kubectl::seed_cluster;
use rollout_lab::kubectl::{self, Output};
use rollout_lab::sim::Cluster;

/// Everything a dry run must leave as it was.
fn snapshot(c: &Cluster) -> String {
    let d = c.deployment("test-deployment").unwrap();
    format!(
        "{d:?} {:?} {}",
        c.replica_sets_of("test-deployment"),
        c.events().len()
    )
}

/// The seed Deployment was created by `kubectl apply`: undo warns first, dry run or not.
const APPLY_WARNING: &str = "Warning: resource deployments/test-deployment was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n";

fn rolled_out_to_v2() -> Cluster {
    let mut c = seed_cluster();
    kubectl::run(
        &mut c,
        "set image deployment/test-deployment web=test_web:v2",
    );
    c.settle(600_000).unwrap();
    c
}

#[track_caller]
fn dry(c: &mut Cluster, line: &str, stdout: &str, stderr: &str, exit_code: i32) {
    let before = snapshot(c);
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
    assert_eq!(snapshot(c), before, "kubectl {line} wrote to the cluster");
}

#[test]
fn a_dry_run_writes_nothing_and_says_so() {
    let mut c = rolled_out_to_v2();
    dry(
        &mut c,
        "set image deployment/test-deployment web=test_web:v3 --dry-run=client",
        "deployment.apps/test-deployment image updated (dry run)\n",
        "",
        0,
    );
    dry(
        &mut c,
        "set image deployment/test-deployment web=test_web:v3 --dry-run=server",
        "deployment.apps/test-deployment image updated (server dry run)\n",
        "",
        0,
    );
    // `--dry-run` alone is the client strategy.
    dry(
        &mut c,
        "set image deployment/test-deployment web=test_web:v3 --dry-run",
        "deployment.apps/test-deployment image updated (dry run)\n",
        "",
        0,
    );
    dry(
        &mut c,
        "scale deployment/test-deployment --replicas=5 --dry-run=client",
        "deployment.apps/test-deployment scaled (dry run)\n",
        "",
        0,
    );
    dry(
        &mut c,
        "annotate deployment/test-deployment a=b --dry-run=client",
        "deployment.apps/test-deployment annotated (dry run)\n",
        "",
        0,
    );
    dry(
        &mut c,
        "create deployment x --image=nginx --dry-run=client",
        "deployment.apps/x created (dry run)\n",
        "",
        0,
    );
    // kubectl patch loses the suffix (it sets its operation after the dry-run wording).
    dry(
        &mut c,
        r#"patch deployment/test-deployment -p '{"spec":{"replicas":2}}' --dry-run=client"#,
        "deployment.apps/test-deployment patched\n",
        "",
        0,
    );
    dry(
        &mut c,
        r#"patch deployment/test-deployment -p '{"spec":{"replicas":3}}' --dry-run=client"#,
        "deployment.apps/test-deployment patched (no change)\n",
        "",
        0,
    );
    dry(
        &mut c,
        "rollout undo deployment/test-deployment --dry-run=server",
        "deployment.apps/test-deployment rolled back (server dry run)\n",
        APPLY_WARNING,
        0,
    );
    // The command's own checks still answer.
    dry(&mut c, "scale deployment/test-deployment --replicas=-1 --dry-run=client", "", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n", 1);
}

#[test]
fn rollout_undo_with_a_client_dry_run_prints_the_template_it_would_roll_back_to() {
    let mut c = rolled_out_to_v2();
    let hash = c
        .replica_sets_of("test-deployment")
        .iter()
        .find(|rs| rs.spec.template.first_image() == "test_web:v1")
        .unwrap()
        .name()
        .rsplit('-')
        .next()
        .unwrap()
        .to_string();
    let template = format!(
        "deployment.apps/test-deployment Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash={hash}\n  Containers:\n   web:\n    Image:\ttest_web:v1\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n (dry run)\n"
    );
    dry(
        &mut c,
        "rollout undo deployment/test-deployment --dry-run=client",
        &template,
        APPLY_WARNING,
        0,
    );
    // A paused Deployment is not checked by the client dry run (the real rollback refuses it).
    kubectl::run(&mut c, "rollout pause deployment/test-deployment");
    dry(
        &mut c,
        "rollout undo deployment/test-deployment --dry-run=client",
        &template,
        APPLY_WARNING,
        0,
    );
    dry(
        &mut c,
        "rollout undo deployment/test-deployment --to-revision=7 --dry-run=client",
        "",
        &format!("{APPLY_WARNING}error: unable to find specified revision 7 in history\n"),
        1,
    );
}

#[test]
fn dry_run_values_and_commands_without_the_flag_answer_as_kubectl_does() {
    let mut c = rolled_out_to_v2();
    dry(
        &mut c,
        "rollout undo deployment/test-deployment --dry-run=bogus",
        "",
        "error: Invalid dry-run value (bogus). Must be \"none\", \"server\", or \"client\".\n",
        1,
    );
    for sub in ["pause", "resume", "restart"] {
        dry(
            &mut c,
            &format!("rollout {sub} deployment/test-deployment --dry-run=client"),
            "",
            &format!(
                "error: unknown flag: --dry-run\nSee 'kubectl rollout {sub} --help' for usage.\n"
            ),
            1,
        );
    }
    // --dry-run=none is a real write.
    let out = kubectl::run(
        &mut c,
        "scale deployment/test-deployment --replicas=4 --dry-run=none",
    );
    assert_eq!(out.stdout, "deployment.apps/test-deployment scaled\n");
    assert_eq!(
        c.deployment("test-deployment").unwrap().spec.replicas,
        Some(4)
    );
}

//! Fuzzing on stable with proptest: the kubectl parser and the scenario
//! loader take any input without panicking, answer with kubectl's exit codes
//! or the loader's typed errors, and leave the cluster usable.

use proptest::prelude::*;
use rollout_lab::kubectl;
use rollout_lab::scenario::{self, Runner};

const WORDS: &[&str] = &[
    "kubectl",
    "get",
    "describe",
    "scale",
    "set",
    "image",
    "rollout",
    "status",
    "history",
    "undo",
    "pause",
    "resume",
    "restart",
    "annotate",
    "delete",
    "--force",
    "--now",
    "--grace-period=0",
    "--grace-period=2",
    "--cascade=orphan",
    "--ignore-not-found",
    "cordon",
    "uncordon",
    "node-1",
    "nodes",
    "node/node-1",
    "quota",
    "resourcequota",
    "--hard=pods=2",
    "--hard=requests.cpu=1",
    "--hard=pods",
    "events",
    "ev",
    "apply",
    "edit",
    "create",
    "deployment",
    "deploy",
    "deployments",
    "rs",
    "replicaset",
    "pods",
    "po",
    "all",
    "deployment/test-deployment",
    "deploy/test-deployment",
    "test-deployment",
    "deployment/nope",
    "rs/x",
    "web=test_web:v2",
    "*=test_web:v3",
    "web=",
    "=x",
    "--replicas",
    "--replicas=3",
    "--replicas=-1",
    "--replicas=99999999999",
    "--replicas=1e3",
    "--to-revision=0",
    "--dry-run",
    "--dry-run=client",
    "--dry-run=server",
    "--dry-run=maybe",
    "--to-revision=2",
    "--to-revision=-4",
    "--revision=1",
    "--watch=false",
    "-w",
    "--timeout=5s",
    "--timeout=bogus",
    "-o",
    "wide",
    "yaml",
    "json",
    "name",
    "-n",
    "default",
    "--overwrite",
    "a=b",
    "a-",
    "--",
    "-",
    "'",
    "\"",
    "--current-replicas=3",
    "--image=nginx",
    "kubernetes.io/change-cause=x",
    "\\",
    "é",
    "",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn seed_runner() -> Runner {
    let text =
        std::fs::read_to_string(crate::support::local_scenarios_dir().join("seed-note.json"))
            .unwrap();
    Runner::new(&scenario::load(&text).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn kubectl_never_panics_on_arbitrary_text(line in "\\PC{0,80}") {
        let mut r = seed_runner();
        let out = kubectl::run(&mut r.cluster, &line);
        prop_assert!(out.exit_code == 0 || out.exit_code == 1);
        prop_assert!(out.exit_code == 0 || !out.stderr.is_empty(), "a failure says why: {line:?}");
    }

    #[test]
    fn kubectl_sequences_keep_the_cluster_consistent(lines in prop::collection::vec(token_soup(), 1..6)) {
        let mut r = seed_runner();
        for line in &lines {
            let out = kubectl::run(&mut r.cluster, line);
            prop_assert!(out.exit_code == 0 || out.exit_code == 1, "{line:?}: {out:?}");
            r.cluster.advance(1500).unwrap();
        }
        r.cluster.settle(3_600_000).unwrap();
        // Whatever was typed, the Deployment is still valid and its controller converged.
        if let Some(d) = r.cluster.deployment("test-deployment") {
            prop_assert!(rollout_lab::api::validation::validate_deployment(d, None).is_ok());
            // A quota may leave no room for the pods (they wait for its retries, not converge).
            if !d.spec.paused && !d.spec.template.first_image().contains("broken") && r.cluster.quota().is_none() {
                let s = &d.status;
                prop_assert_eq!(s.updated_replicas, d.replicas(), "after {:?}", lines);
            }
        }
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = scenario::load(&text);
    }

    #[test]
    fn the_loader_and_runner_never_panic_on_mutated_fixtures(
        file in 0usize..1000,
        path_pick in 0usize..10_000,
        replacement in json_value(),
    ) {
        // The shared fixtures, and this repository's scenarios (which use the v1.1 keys: cluster.images).
        let mut files = crate::support::json_files(&crate::support::shared_conformance_dir());
        files.extend(crate::support::json_files(&crate::support::local_scenarios_dir()));
        let text = std::fs::read_to_string(&files[file % files.len()]).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut paths = Vec::new();
        collect_paths(&value, String::new(), &mut paths);
        let target = &paths[path_pick % paths.len()];
        if let Some(slot) = value.pointer_mut(target) {
            *slot = replacement;
        }
        if let Ok(s) = scenario::load(&value.to_string()) {
            let _ = scenario::run_scenario(&s);
        }
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        prop::sample::select(vec![
            0i64,
            -1,
            1,
            3,
            100,
            100_001,
            i32::MAX as i64,
            i64::MAX,
            i64::MIN
        ])
        .prop_map(|n| json!(n)),
        prop::sample::select(vec![0.5f64, -2.5, 1e300]).prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "",
            "25%",
            "200%",
            "-1%",
            "x",
            "Recreate",
            "nginx:bad",
            "deployment/web"
        ])
        .prop_map(|s| json!(s)),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"kubectl": "rollout undo deployment/web"})),
    ]
}

fn collect_paths(v: &serde_json::Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        serde_json::Value::Object(m) => {
            for (k, child) in m {
                collect_paths(
                    child,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                collect_paths(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Lines of kubectl edit's file, each mutated or not: removed, its value
/// swapped for another line's, cut short, or given a stray character.
fn mutated_edit_file() -> impl Strategy<Value = (Vec<(u8, usize)>, String)> {
    let ops = prop::collection::vec((0u8..6, any::<usize>()), 1..5);
    (
        ops,
        prop::sample::select(vec![
            "",
            ":",
            "- ",
            "{",
            "'",
            "\t",
            "null",
            "7",
            "Deployment",
            "v1",
        ]),
    )
        .prop_map(|(ops, stray)| (ops, stray.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// kubectl edit's save takes any mutation of the file without panicking:
    /// either the editor reopens and the cluster is untouched, or the edit
    /// ends with kubectl's exit codes and a valid Deployment.
    #[test]
    fn an_edited_file_never_panics_and_a_reopened_editor_changes_nothing((ops, stray) in mutated_edit_file()) {
        let mut r = seed_runner();
        let name = "test-deployment";
        let original = kubectl::apply::edit_file(&r.cluster, name).unwrap();
        let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
        for (op, at) in ops {
            if lines.is_empty() {
                break;
            }
            let i = at % lines.len();
            match op {
                0 => drop(lines.remove(i)),
                1 => {
                    let other = lines[at / 7 % lines.len()].clone();
                    let value = other.split_once(": ").map_or(other.as_str(), |(_, v)| v).to_string();
                    if let Some((key, _)) = lines[i].clone().split_once(": ") {
                        lines[i] = format!("{key}: {value}");
                    }
                }
                2 => {
                    let cut = lines[i].len() / 2;
                    lines[i] = lines[i].chars().take(cut).collect();
                }
                3 => lines[i].push_str(&stray),
                4 => lines[i].insert_str(0, &stray),
                _ => lines.insert(i, stray.clone()),
            }
        }
        let saved = lines.join("\n") + "\n";
        let before = rollout_lab::api::to_json(r.cluster.deployment(name).unwrap());
        let result = kubectl::apply::edit_saved(&mut r.cluster, name, &original, &saved, None);
        let after = r.cluster.deployment(name).map(rollout_lab::api::to_json);
        prop_assert!(result.output.exit_code == 0 || result.output.exit_code == 1, "{result:?}");
        if let Some(file) = &result.reopen {
            prop_assert!(file.starts_with(kubectl::apply::EDIT_HEADER), "{file}");
            prop_assert_eq!(after.as_deref(), Some(before.as_str()), "a reopened editor wrote nothing");
            // Saved again unchanged, kubectl gives up, still without writing.
            let again = kubectl::apply::edit_saved(&mut r.cluster, name, &original, file, Some(file));
            prop_assert_eq!(again.output.exit_code, 1);
            prop_assert!(again.reopen.is_none());
        }
        if let Some(d) = r.cluster.deployment(name) {
            prop_assert!(rollout_lab::api::validation::validate_deployment(d, None).is_ok());
        }
    }
}

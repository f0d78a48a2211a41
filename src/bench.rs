//! `rollout bench`: wall-clock figures for settling full rollouts of large
//! Deployments. Prints numbers; it is not a pass/fail test.

use crate::kubectl;
use crate::scenario::{self, Runner};
use std::time::Instant;

fn scenario_json(replicas: i32, surge: &str, unavailable: &str) -> String {
    format!(
        r#"{{"deployment": {{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {{"name": "web"}},
            "spec": {{"replicas": {replicas}, "selector": {{"matchLabels": {{"app": "web"}}}},
              "strategy": {{"type": "RollingUpdate", "rollingUpdate": {{"maxSurge": {surge}, "maxUnavailable": {unavailable}}}}},
              "template": {{"metadata": {{"labels": {{"app": "web"}}}}, "spec": {{"containers": [{{"name": "web", "image": "nginx:1.0"}}]}}}}}}}},
          "replicaSets": [{{"image": "nginx:1.0", "replicas": {replicas}, "available": {replicas}}}],
          "steps": []}}"#
    )
}

/// Settles `set image` on a fully rolled-out Deployment; returns (ms, simulated seconds, instants).
pub fn time_rollout(replicas: i32, surge: &str, unavailable: &str) -> (f64, f64, u64) {
    let s = scenario::load(&scenario_json(replicas, surge, unavailable))
        .expect("bench scenario is valid");
    let mut runner = Runner::new(&s).expect("bench scenario builds");
    let start = Instant::now();
    kubectl::run(
        &mut runner.cluster,
        "set image deployment/web web=nginx:2.0",
    );
    runner
        .cluster
        .settle(i64::MAX / 4)
        .expect("bench rollout settles");
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    let d = runner.cluster.deployment("web").expect("exists");
    assert_eq!(d.status.updated_replicas, replicas, "rollout completed");
    (
        elapsed,
        runner.cluster.now().0 as f64 / 1000.0,
        runner.cluster.stats().instants,
    )
}

/// One case, `REPLICAS:MAXSURGE:MAXUNAVAILABLE` (`10000:1:0`, `10000:25%:25%`).
pub fn run_case(case: &str) -> Result<String, String> {
    let parts: Vec<&str> = case.split(':').collect();
    let [n, surge, unavailable] = parts.as_slice() else {
        return Err(format!(
            "rollout bench: --case wants N:SURGE:UNAVAILABLE, got {case:?}"
        ));
    };
    let n: i32 = n
        .parse()
        .map_err(|_| format!("rollout bench: {n:?} is not a replica count"))?;
    if !(1..=100_000).contains(&n) {
        return Err("rollout bench: replicas must be 1 to 100000".into());
    }
    let quote = |v: &str| {
        if v.ends_with('%') {
            format!("{v:?}")
        } else {
            v.to_string()
        }
    };
    let (ms, sim_s, instants) = time_rollout(n, &quote(surge), &quote(unavailable));
    Ok(format!("{n} replicas, maxSurge {surge}, maxUnavailable {unavailable}: settled in {ms:.1} ms ({sim_s:.0} simulated s, {instants} instants)\n"))
}

pub fn run(quick: bool) -> String {
    let sizes: &[i32] = if quick {
        &[1_000, 2_000]
    } else {
        &[1_000, 10_000, 20_000]
    };
    let mut out = String::from(
        "replicas  strategy            settle (ms, median of 3)  simulated (s)  instants\n",
    );
    for (surge, unavailable, label) in [
        ("1", "0", "maxSurge 1/maxUnav 0"),
        ("\"25%\"", "\"25%\"", "25%/25%            "),
    ] {
        let mut by_size = Vec::new();
        for &n in sizes {
            // The median of three runs: the figure is a wall-clock time on a shared machine.
            let mut runs: Vec<(f64, f64, u64)> = (0..3)
                .map(|_| time_rollout(n, surge, unavailable))
                .collect();
            runs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (ms, sim_s, instants) = runs[1];
            out.push_str(&format!(
                "{n:>8}  {label}  {ms:>24.1}  {sim_s:>13.0}  {instants:>8}\n"
            ));
            by_size.push((n, ms));
        }
        if let (Some(a), Some(b)) = (
            by_size.iter().find(|(n, _)| *n == 10_000),
            by_size.iter().find(|(n, _)| *n == 20_000),
        ) {
            out.push_str(&format!("          ratio 20k/10k: {:.2}\n", b.1 / a.1));
        }
    }
    out
}

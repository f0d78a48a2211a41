//! "Pods over time" (`scenario::chart::PodsChart`) on the seed rollout.

use crate::session::{play, session};
use rollout_lab::scenario::chart::PodsChart;

#[test]
fn the_seed_rollout_stacks_available_pods_per_revision_under_the_budget_lines() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    let end = s.cluster().now().0;
    let chart = PodsChart::of(s.frames(), end + 2_000);
    assert_eq!(
        chart.replica_sets.len(),
        2,
        "the old ReplicaSet, then the new one"
    );
    assert!(chart.replica_sets[1].starts_with("test-deployment-"));
    // One sample per moment something changed, in time order.
    assert!(chart
        .samples
        .windows(2)
        .all(|w| w[0].time_ms < w[1].time_ms));
    let first = &chart.samples[0];
    let last = chart.samples.last().unwrap();
    assert_eq!(
        (first.pods[0], last.pods[0]),
        ((3, 0), (0, 0)),
        "the old ReplicaSet goes from 3 available to none"
    );
    assert_eq!(last.pods[1], (3, 0), "the new one ends with 3 available");
    assert!(chart
        .samples
        .iter()
        .all(|s| s.max_pods == 4 && s.min_available == Some(3)));
    // Never more pods than replicas + maxSurge, never fewer available than the floor.
    for sample in &chart.samples {
        let pods: i32 = sample.pods.iter().map(|(a, u)| a + u).sum();
        let available: i32 = sample.pods.iter().map(|(a, _)| a).sum();
        assert!(pods <= 4 && available >= 3, "{sample:?}");
    }
    // The bands stack: each starts where the one below ends.
    for i in 0..chart.samples.len() {
        let edges: Vec<(i32, i32)> = chart
            .bands
            .iter()
            .map(|b| (b.steps[i].1, b.steps[i].2))
            .collect();
        assert!(edges.windows(2).all(|w| w[0].1 == w[1].0), "{edges:?}");
    }
    assert_eq!(
        chart.end_ms,
        end + 2_000,
        "the chart runs to the clock shown"
    );
    assert_eq!(
        (chart.top, chart.pod_ticks.clone()),
        (4, vec![0, 1, 2, 3, 4])
    );
    assert_eq!(chart.second_ticks.first(), Some(&0));
}

//! "Pods over time": the session's frames as a stacked chart. Each
//! ReplicaSet's available pods are stacked from the bottom (oldest
//! ReplicaSet first), its pods not yet available on top of them; the
//! budgets are two step lines, "max pods" and "min available". Plain data
//! in whole pods and milliseconds: the UI draws it (`ui/chart.rs`) and its
//! table lists it.

use super::session::Frame;

/// One stacked band: a ReplicaSet's available pods, or its unavailable ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub replica_set: String,
    pub available: bool,
    /// From each sample's time on: the band's bottom and top, in pods.
    pub steps: Vec<(i64, i32, i32)>,
}

/// The state after the last change at one time.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub time_ms: i64,
    /// Per ReplicaSet, in the chart's order: available and unavailable pods.
    pub pods: Vec<(i32, i32)>,
    pub max_pods: i32,
    pub min_available: Option<i32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PodsChart {
    /// The ReplicaSets, oldest first (the order they first appear).
    pub replica_sets: Vec<String>,
    pub samples: Vec<Sample>,
    /// Every ReplicaSet's available band, then every unavailable band.
    pub bands: Vec<Band>,
    /// The right edge, in ms (at least 1 s).
    pub end_ms: i64,
    /// The top of the pod axis: a whole number of ticks.
    pub top: i32,
    pub pod_ticks: Vec<i32>,
    pub second_ticks: Vec<i64>,
}

/// A tick step of 1, 2 or 5 times a power of ten, giving at most `most` ticks over `range`.
fn tick_step(range: i64, most: i64) -> i64 {
    let mut unit = 1;
    loop {
        for step in [unit, 2 * unit, 5 * unit] {
            if range <= step * most {
                return step;
            }
        }
        unit *= 10;
    }
}

impl PodsChart {
    /// The chart of `frames` up to `now_ms` (the clock shown, which may be later than the last frame).
    pub fn of(frames: &[Frame], now_ms: i64) -> PodsChart {
        // The state after the last change of each instant.
        let mut at_time: Vec<&Frame> = Vec::new();
        for f in frames {
            match at_time.last_mut() {
                Some(last) if last.time == f.time => *last = f,
                _ => at_time.push(f),
            }
        }
        let mut replica_sets: Vec<String> = Vec::new();
        for f in &at_time {
            for name in f.pods.keys() {
                if !replica_sets.contains(name) {
                    replica_sets.push(name.clone());
                }
            }
        }
        // Oldest first: a ReplicaSet that appears earlier is older (names sort by hash, not age).
        let samples: Vec<Sample> = at_time
            .iter()
            .map(|f| Sample {
                time_ms: f.time.0,
                pods: replica_sets
                    .iter()
                    .map(|name| {
                        f.pods
                            .get(name)
                            .map_or((0, 0), |p| (p.available, p.unavailable))
                    })
                    .collect(),
                max_pods: f.max_pods,
                min_available: f.min_available,
            })
            .collect();
        let mut bands: Vec<Band> = [true, false]
            .into_iter()
            .flat_map(|available| {
                replica_sets.iter().map(move |name| Band {
                    replica_set: name.clone(),
                    available,
                    steps: Vec::new(),
                })
            })
            .collect();
        let count = replica_sets.len();
        for sample in &samples {
            let mut height = 0;
            for (j, band) in bands.iter_mut().enumerate() {
                let (available, unavailable) = sample.pods[j % count];
                let size = if band.available {
                    available
                } else {
                    unavailable
                };
                band.steps.push((sample.time_ms, height, height + size));
                height += size;
            }
        }
        let end_ms = samples
            .last()
            .map_or(0, |s| s.time_ms)
            .max(now_ms)
            .max(1_000);
        let highest = samples
            .iter()
            .map(|s| {
                s.pods
                    .iter()
                    .map(|(a, u)| a + u)
                    .sum::<i32>()
                    .max(s.max_pods)
            })
            .max()
            .unwrap_or(1)
            .max(1);
        let pod_step = tick_step(i64::from(highest), 5) as i32;
        let top = (highest + pod_step - 1) / pod_step * pod_step;
        let second_step = tick_step((end_ms + 999) / 1000, 8);
        PodsChart {
            replica_sets,
            samples,
            bands,
            end_ms,
            top,
            pod_ticks: (0..=top).step_by(pod_step as usize).collect(),
            second_ticks: (0..=end_ms / 1000).step_by(second_step as usize).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(tick_step(3, 5), 1);
        assert_eq!(tick_step(7, 5), 2);
        assert_eq!(tick_step(13, 5), 5);
        assert_eq!(tick_step(1000, 5), 200);
        assert_eq!(tick_step(45, 8), 10);
    }
}

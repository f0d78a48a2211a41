//! The rollout's budgets drawn as slots: one per pod the ReplicaSets ask
//! for (Σ spec.replicas, what maxSurge caps), up to replicas + maxSurge with
//! the surge slots marked, the availability floor (replicas −
//! maxUnavailable) as a line, terminating pods outside the slots, and the
//! limit that holds the controller back when it cannot act.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use crate::scenario::Session;
use crate::sim::deployment::rolling::{rolling_holds, Holds};
use crate::sim::deployment::sync::find_new_replica_set;
use crate::sim::deployment::util::{max_surge, max_unavailable};
use leptos::prelude::*;

/// Above this many slots, runs of equal slots are drawn as one bar each.
const MAX_SLOTS_DRAWN: i32 = 60;

/// What fills a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    Available,
    /// A pod that is not available yet (starting, not ready, failing).
    Unavailable,
    /// Asked for by a ReplicaSet's spec.replicas, no pod yet.
    Reserved,
    /// Room left under the cap.
    Free,
}

/// Consecutive slots that look the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    fill: Fill,
    /// Whose slots: the Deployment's new ReplicaSet or an old one.
    new: bool,
    count: i32,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Budget {
    replicas: i32,
    /// Resolved maxSurge and maxUnavailable; `None` for Recreate.
    rolling: Option<(i32, i32)>,
    runs: Vec<Run>,
    /// All slots drawn: the cap, or more when the ReplicaSets ask for more.
    slots: i32,
    terminating: i32,
    holds: Holds,
}

impl Budget {
    fn of(s: &Session) -> Option<Budget> {
        let c = s.cluster();
        let d = c.deployment(s.deployment_name())?;
        let rss = c.replica_sets_of(s.deployment_name());
        let new_rs = find_new_replica_set(d, &rss);
        let replicas = d.replicas();
        let rolling = d
            .is_rolling_update()
            .then(|| (max_surge(d), max_unavailable(d)));
        // Available slots first (the floor counts them), then the rest.
        let mut runs = Vec::new();
        let mut terminating = 0;
        let mut per_rs = Vec::new();
        for rs in &rss {
            // The store's running counts: the lanes already list every pod.
            let counts = c.pod_counts_of(rs.name());
            terminating += counts.terminating;
            let new = new_rs.is_some_and(|n| n.name() == rs.name());
            per_rs.push((
                new,
                counts.available,
                counts.active - counts.available,
                (rs.spec.replicas - counts.active).max(0),
            ));
        }
        // Old ReplicaSets before the new one within each kind, as the lanes read bottom-up.
        per_rs.sort_by_key(|(new, ..)| *new);
        for fill in [Fill::Available, Fill::Unavailable, Fill::Reserved] {
            for &(new, available, unavailable, reserved) in &per_rs {
                let count = match fill {
                    Fill::Available => available,
                    Fill::Unavailable => unavailable,
                    _ => reserved,
                };
                push_run(&mut runs, Run { fill, new, count });
            }
        }
        let used: i32 = runs.iter().map(|r| r.count).sum();
        let cap = replicas + rolling.map_or(0, |(surge, _)| surge);
        push_run(
            &mut runs,
            Run {
                fill: Fill::Free,
                new: false,
                count: cap - used,
            },
        );
        let holds = match (new_rs, rollout_phase(d)) {
            (
                Some(new_rs),
                RolloutPhase::Progressing { .. } | RolloutPhase::DeadlineExceeded { .. },
            ) => {
                let old: Vec<_> = rss
                    .iter()
                    .copied()
                    .filter(|rs| rs.name() != new_rs.name())
                    .collect();
                rolling_holds(d, new_rs, &old)
            }
            _ => Holds::default(),
        };
        Some(Budget {
            replicas,
            rolling,
            runs,
            slots: used.max(cap),
            terminating,
            holds,
        })
    }
}

fn push_run(runs: &mut Vec<Run>, run: Run) {
    if run.count <= 0 {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.fill == run.fill && last.new == run.new => last.count += run.count,
        _ => runs.push(run),
    }
}

/// A position along the slots, as a CSS percentage.
fn at(slot: i32, slots: i32) -> String {
    format!(
        "{}%",
        crate::text::fixed(i64::from(slot) * 10_000 / i64::from(slots.max(1)), 2)
    )
}

#[component]
pub fn BudgetView() -> impl IntoView {
    let h = SimHandle::expect();
    let b = Memo::new(move |_| h.with(Budget::of).unwrap_or_default());
    let cap_name = move || {
        b.with(|b| match b.rolling {
            Some((surge, _)) => h.t(Msg::AtMostPods {
                replicas: b.replicas,
                surge,
            }),
            None => h.t(Msg::AtMostPodsRecreate {
                replicas: b.replicas,
            }),
        })
    };
    let slots = move || {
        b.with(|b| {
            let dense = b.slots > MAX_SLOTS_DRAWN;
            b.runs
                .iter()
                .flat_map(|run| {
                    let (each, times) = if dense { (run.count, 1) } else { (1, run.count) };
                    let class = format!(
                        "slot slot--{} slot--{}",
                        match run.fill {
                            Fill::Available => "available",
                            Fill::Unavailable => "unavailable",
                            Fill::Reserved => "reserved",
                            Fill::Free => "free",
                        },
                        if run.new { "new" } else { "old" }
                    );
                    (0..times).map(move |_| view! { <span class=class.clone() style:flex-grow=each.to_string()></span> })
                })
                .collect_view()
        })
    };
    let surge = move || {
        b.with(|b| {
            let (surge, _) = b.rolling.filter(|(surge, _)| *surge > 0)?;
            let (left, width) = (at(b.replicas, b.slots), at(surge, b.slots));
            Some(view! {
                <span class="budget__surge" style:left=left style:width=width aria-hidden="true">
                    <span class="budget__surge-label">{h.t(Msg::SurgeSlots(surge))}</span>
                </span>
            })
        })
    };
    let floor_name = move || {
        b.with(|b| {
            b.rolling.map(|(_, unavailable)| {
                h.t(Msg::AtLeastAvailable {
                    replicas: b.replicas,
                    unavailable,
                })
            })
        })
    };
    let floor = move || {
        b.with(|b| {
            let (_, unavailable) = b.rolling?;
            let left = at(b.replicas - unavailable, b.slots);
            Some(view! { <span class="budget__floor" role="img" aria-label=floor_name style:left=left></span> })
        })
    };
    let terminating = move || {
        b.with(|b| {
            (b.terminating > 0).then(|| view! { <span class="budget__terminating">{h.t(Msg::TerminatingPods(b.terminating))}</span> })
        })
    };
    let holds = move || {
        b.with(|b| {
            let add = b.holds.surge_cap.map(|_| h.t(Msg::CantAdd));
            let remove = b
                .holds
                .availability_floor
                .map(|min| h.t(Msg::CantRemove { min_available: min }));
            add.into_iter()
                .chain(remove)
                .map(|line| view! { <li>{line}</li> })
                .collect_view()
        })
    };
    view! {
        <section class="budget" aria-label=h.tr(Msg::Budget)>
            // The same words as the names below, for the eye.
            <p class="budget__legend" aria-hidden="true">
                <span class="budget__legend-cap">{cap_name}</span>
                <span class="budget__legend-floor">{floor_name}</span>
            </p>
            <div class="budget__row">
                <div class="budget__bar">
                    <div class="budget__slots" role="img" aria-label=cap_name>{slots}</div>
                    {surge}
                    {floor}
                </div>
                {terminating}
            </div>
            <ul class="budget__holds">{holds}</ul>
        </section>
    }
}

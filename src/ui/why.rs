//! "Why this step": the computation behind the last action, with its numbers.

use super::state::SimHandle;
use crate::scenario::{Action, Happened};
use crate::sim::UnitKind;
use leptos::prelude::*;

#[component]
pub fn Why() -> impl IntoView {
    let h = SimHandle::expect();
    let lines = move || {
        if h.idle.get() {
            return vec!["Nothing is left to happen.".to_string()];
        }
        h.with(|s| {
            let Some((_, happened)) = s.history().last() else {
                return vec!["Nothing has happened yet. Change the Deployment (Set image, Replicas…) or press Play.".to_string()];
            };
            let events = s.cluster().events();
            match happened {
                Happened::Command { line, output, .. } if output.exit_code != 0 => {
                    vec![format!("kubectl {line} was refused; nothing changed."), output.stderr.trim_end().to_string()]
                }
                Happened::Command { line, .. } => vec![format!(
                    "kubectl {line} wrote the object. Controllers never run inside kubectl: they react on the next step."
                )],
                Happened::Change { what, events: range, created, deleted } => {
                    let mut lines: Vec<String> = events.get(range.clone()).unwrap_or(&[]).iter().map(|e| format!("{} {}", e.message, e.why)).collect();
                    if lines.is_empty() {
                        lines.push(match what {
                            UnitKind::PodTransitions => "Pods changed state: a pod became Ready or available, or finished terminating.".into(),
                            UnitKind::ReplicaSetSync(rs) => {
                                let work = match (created, deleted) {
                                    (0, 0) => "reported its status from the pods it saw (pods it creates or deletes show in its next sync)".to_string(),
                                    (n, 0) => format!("created {n} pod{} so that live pods match spec.replicas", if *n == 1 { "" } else { "s" }),
                                    (0, n) => format!("deleted {n} pod{} so that live pods match spec.replicas, not-ready ones first, then the most recently ready", if *n == 1 { "" } else { "s" }),
                                    (c, d) => format!("created {c} and deleted {d} pods"),
                                };
                                format!("The ReplicaSet controller synced {rs}: it {work}.")
                            }
                            UnitKind::DeploymentSync(d) => format!("The Deployment controller synced {d}: no scaling was needed; it updated the Deployment's status and conditions."),
                        });
                    }
                    lines
                }
                Happened::Waited { until } => vec![format!("Time passed until t = {:.1} s with nothing to do.", until.0 as f64 / 1000.0)],
                Happened::Checked { failures } if failures.is_empty() => vec!["The scenario's expectation holds.".into()],
                Happened::Checked { failures } => failures.iter().map(|f| format!("Expectation failed: {f}")).collect(),
                Happened::Setting => match s.history().last().map(|(a, _)| a) {
                    Some(Action::PodStart { ms }) => vec![format!("New pods now take {:.1} s to become Ready.", *ms as f64 / 1000.0)],
                    Some(Action::ImageFails { image, .. }) => vec![format!("The kubelet cannot pull {image}: its pods never become Ready.")],
                    _ => vec![],
                },
                Happened::Idle => vec!["Nothing is left to happen.".into()],
            }
        })
    };
    view! {
        <section class="why" aria-label="Why this step">
            <h2>"Why this step"</h2>
            {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </section>
    }
}

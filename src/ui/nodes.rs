//! The cluster's nodes, where a scenario has them: what the pods on each
//! request out of what it can give, whether it is cordoned, and how many
//! pods wait for room. A cluster without node limits shows nothing.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::sim::scheduler::Usage;
use leptos::prelude::*;

/// One node's line.
#[derive(Clone, Debug, PartialEq)]
struct NodeLine {
    name: String,
    cordoned: bool,
    /// (requested, allocatable) in millicores, where the node has a limit.
    cpu: Option<(i64, i64)>,
    /// (requested, allocatable) in bytes.
    memory: Option<(i64, i64)>,
    pods: Option<(i64, i64)>,
}

#[component]
pub fn Nodes() -> impl IntoView {
    let h = SimHandle::expect();
    let lines = Memo::new(move |_| {
        h.with(|s| {
            let c = s.cluster();
            if !c.has_node_limits() {
                return (Vec::new(), 0);
            }
            let usage = c.node_usage();
            let lines = c
                .nodes()
                .iter()
                .zip(usage)
                .map(|(n, u): (_, Usage)| NodeLine {
                    name: n.name.clone(),
                    cordoned: n.unschedulable,
                    cpu: n.cpu.map(|a| (u.cpu, a)),
                    memory: n.memory.map(|a| (u.memory, a)),
                    pods: n.pods.map(|a| (u.pods, a)),
                })
                .collect();
            (lines, c.unscheduled_pods())
        })
    });
    let words = move |line: &NodeLine| {
        let lang = h.lang.get();
        lang.say(Msg::NodeLine {
            name: &line.name,
            cpu: line.cpu,
            memory: line.memory,
            pods: line.pods,
            cordoned: line.cordoned,
        })
        .into_owned()
    };
    view! {
        <Show when=move || lines.with(|(l, _)| !l.is_empty())>
            <section class="nodes" aria-label=h.tr(Msg::Nodes)>
                <ul class="nodes__list">
                    {move || lines.get().0.iter().map(|l| view! { <li class="nodes__node" class:nodes__node--cordoned=l.cordoned>{words(l)}</li> }).collect_view()}
                </ul>
                {move || {
                    let waiting = lines.with(|(_, w)| *w);
                    (waiting > 0).then(|| view! { <p class="nodes__waiting">{h.lang.get().say(Msg::PodsWaitingForNode(waiting)).into_owned()}</p> })
                }}
            </section>
        </Show>
    }
}

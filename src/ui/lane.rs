//! One ReplicaSet's lane: revision, name, image, counts, and its pods as
//! chips (or, when there are many, one block per state).

use super::lanes::Lane;
use super::pod::{look, Look, Pod, StateIcon};
use super::state::SimHandle;
use crate::api::{PodState, PodView};
use crate::i18n::Msg;
use leptos::prelude::*;

/// Above this many pods a lane shows counts per state instead of chips.
const MAX_CHIPS: usize = 120;

#[component]
pub fn LaneView(name: String, lanes: Memo<Vec<Lane>>) -> impl IntoView {
    let h = SimHandle::expect();
    let lane = {
        let name = name.clone();
        Memo::new(move |_| lanes.with(|all| all.iter().find(|l| l.name == name).cloned()))
    };
    let pods =
        Memo::new(move |_| lane.with(|l| l.as_ref().map(|l| l.pods.clone()).unwrap_or_default()));
    let counts = move || {
        lane.with(|l| {
            l.as_ref().map(|l| {
                h.t(Msg::LaneCounts {
                    desired: l.desired,
                    current: l.current,
                    ready: l.ready,
                    available: l.available,
                })
            })
        })
    };
    let pods_label = {
        let name = name.clone();
        move || h.t(Msg::PodsOf(&name))
    };
    let group_name = {
        let name = name.clone();
        move || {
            lane.with(|l| {
                l.as_ref().map(|l| {
                    h.t(Msg::LaneName {
                        name: &name,
                        revision: &l.revision,
                        image: &l.image,
                    })
                    .into_owned()
                })
            })
        }
    };
    view! {
        <div
            role="group"
            aria-label=group_name
            class="lane"
            class:lane--new=move || lane.with(|l| l.as_ref().is_some_and(|l| l.is_new))
            // A ReplicaSet scaled to 0 with no pod left collapses to a thin row.
            class:lane--empty=move || lane.with(|l| l.as_ref().is_some_and(|l| l.desired == 0 && l.pods.is_empty()))
        >
            <div class="lane__head">
                <span class="lane__revision">
                    {move || lane.with(|l| l.as_ref().map(|l| h.t(Msg::Revision { revision: &l.revision, image: &l.image }).into_owned()))}
                </span>
                <span class="lane__name">{name.clone()}</span>
                <span class="lane__counts">
                    {counts}
                    <Show when=move || lane.with(|l| l.as_ref().is_some_and(|l| l.status_behind))>
                        <span class="lane__behind" title=h.tr(Msg::StatusBehind)>" · " {h.tr(Msg::StatusBehindShort)}</span>
                    </Show>
                </span>
            </div>
            <Show when=move || pods.with(Vec::len) <= MAX_CHIPS fallback=move || view! { <Compact pods /> }>
                <ul class="lane__pods" aria-label=pods_label.clone()>
                    // Keyed by name and state: a pod that changes state is drawn anew (its
                    // entrance animation belongs to new pods only, see style/app.css).
                    <For each=move || pods.get() key=|p: &PodView| (p.name.clone(), p.state, p.restarts) let(pod)>
                        <Pod pod />
                    </For>
                </ul>
            </Show>
        </div>
    }
}

/// Many pods: one block per state with its count.
#[component]
fn Compact(pods: Memo<Vec<PodView>>) -> impl IntoView {
    let counts = move || {
        let mut counts: Vec<(PodState, usize)> = Vec::new();
        for p in pods.get() {
            match counts.iter_mut().find(|(s, _)| *s == p.state) {
                Some((_, n)) => *n += 1,
                None => counts.push((p.state, 1)),
            }
        }
        counts.sort_by_key(|(state, _)| *state);
        counts
    };
    view! {
        <ul class="lane__compact">
            {move || {
                counts()
                    .into_iter()
                    .map(|(state, n)| {
                        let Look { modifier, .. } = look(state);
                        let label = format!("{n} pod{} {}", if n == 1 { "" } else { "s" }, state.label());
                        view! {
                            <li class=format!("pod pod--{modifier} pod--block") aria-label=label.clone() title=label style:flex-grow=n.to_string()>
                                <StateIcon state />
                                <span aria-hidden="true">{n}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

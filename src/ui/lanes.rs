//! One lane per ReplicaSet, newest on top: revision, image, counts, pods.

use super::pod::{look, Pod};
use super::state::SimHandle;
use crate::api::{keys, PodView};
use crate::sim::deployment::sync::find_new_replica_set;
use leptos::prelude::*;

/// Above this many pods a lane shows counts per state instead of chips.
const MAX_CHIPS: usize = 120;

#[derive(Clone, Debug, PartialEq)]
struct Lane {
    name: String,
    revision: String,
    image: String,
    desired: i32,
    current: i32,
    ready: i32,
    available: i32,
    is_new: bool,
    pods: Vec<PodView>,
}

#[component]
pub fn Lanes() -> impl IntoView {
    let h = SimHandle::expect();
    let lanes = Memo::new(move |_| {
        h.with(|s| {
            let c = s.cluster();
            let rss = c.replica_sets_of(s.deployment_name());
            let new_name = c
                .deployment(s.deployment_name())
                .and_then(|d| find_new_replica_set(d, &rss).map(|rs| rs.name().to_string()));
            let mut lanes: Vec<Lane> = rss
                .iter()
                .map(|rs| Lane {
                    name: rs.name().to_string(),
                    revision: rs
                        .metadata
                        .annotation(keys::REVISION)
                        .unwrap_or("")
                        .to_string(),
                    image: rs.spec.template.images(),
                    desired: rs.spec.replicas,
                    current: rs.status.replicas,
                    ready: rs.status.ready_replicas,
                    available: rs.status.available_replicas,
                    is_new: Some(rs.name()) == new_name.as_deref(),
                    pods: c.pods_of(rs.name()),
                })
                .collect();
            lanes.reverse();
            lanes
        })
    });
    view! {
        <div class="lanes">
            <For each=move || lanes.get() key=|lane| lane.name.clone() let(lane)>
                <LaneView name=lane.name.clone() lanes=lanes />
            </For>
        </div>
    }
}

#[component]
fn LaneView(name: String, lanes: Memo<Vec<Lane>>) -> impl IntoView {
    let lane_name = name.clone();
    let lane = Memo::new(move |_| lanes.get().into_iter().find(|l| l.name == lane_name));
    let pods = move || lane.get().map(|l| l.pods).unwrap_or_default();
    let field = move |f: fn(&Lane) -> String| move || lane.get().map(|l| f(&l)).unwrap_or_default();
    let h = super::state::SimHandle::expect();
    let pods_label = {
        let name = name.clone();
        move || match h.lang.get() {
            crate::i18n::Lang::En => format!("pods of {name}"),
            crate::i18n::Lang::Zh => format!("{name} 的 Pod"),
        }
    };
    view! {
        <div role="group" aria-label=name.clone() class="lane" class:lane--new=move || lane.get().is_some_and(|l| l.is_new)>
            <div class="lane__head">
                <span class="lane__revision">{field(|l| format!("rev {}", l.revision))}</span>
                <span class="lane__name">{name.clone()}</span>
                <span class="lane__image">{field(|l| l.image.clone())}</span>
                <span class="lane__counts">
                    {move || lane.get().map(|l| match h.lang.get() {
                        crate::i18n::Lang::En => format!("desired {} · current {} · ready {} · available {}", l.desired, l.current, l.ready, l.available),
                        crate::i18n::Lang::Zh => format!("期望 {} · 当前 {} · 就绪 {} · 可用 {}", l.desired, l.current, l.ready, l.available),
                    }).unwrap_or_default()}
                </span>
            </div>
            <Show
                when=move || pods().len() <= MAX_CHIPS
                fallback=move || view! { <Compact lane /> }
            >
                <ul class="lane__pods" aria-label=pods_label.clone()>
                    // Keyed by name and state: a pod that changes state is drawn anew (its
                    // entrance animation belongs to new pods only, see style/app.css).
                    <For each=pods key=|p: &PodView| format!("{} {}", p.name, p.state.label()) let(pod)>
                        <Pod pod />
                    </For>
                </ul>
            </Show>
        </div>
    }
}

/// Many pods: one block per state with its count. (It reads the lane's memo: a `Signal::derive` of the
/// pods would be the app's only `Signal`, whose code costs 0.5 KB of gzip.)
#[component]
fn Compact(lane: Memo<Option<Lane>>) -> impl IntoView {
    let counts = move || {
        let mut counts: Vec<(crate::api::PodState, usize)> = Vec::new();
        for p in lane.get().map(|l| l.pods).unwrap_or_default() {
            match counts.iter_mut().find(|(s, _)| *s == p.state) {
                Some((_, n)) => *n += 1,
                None => counts.push((p.state, 1)),
            }
        }
        counts.sort_by_key(|(s, _)| *s);
        counts
    };
    view! {
        <ul class="lane__compact">
            {move || {
                counts()
                    .into_iter()
                    .map(|(state, n)| {
                        let (modifier, glyph) = look(state);
                        let label = format!("{n} pods {}", state.label());
                        view! {
                            <li class=format!("pod pod--{modifier} pod--block") aria-label=label.clone() title=label style:flex-grow=n.to_string()>
                                <span aria-hidden="true">{format!("{glyph} {n}")}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

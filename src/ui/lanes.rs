//! One lane per ReplicaSet, newest on top (`lane.rs` draws one).

use super::lane::LaneView;
use super::state::SimHandle;
use crate::api::{keys, PodView};
use crate::scenario::Session;
use crate::sim::deployment::sync::find_new_replica_set;
use leptos::prelude::*;

/// What a lane shows of its ReplicaSet.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub revision: String,
    pub image: String,
    pub desired: i32,
    pub current: i32,
    pub ready: i32,
    pub available: i32,
    /// The Deployment's new ReplicaSet (the one its template matches).
    pub is_new: bool,
    /// The status (current, ready) does not count the pods drawn yet: the
    /// ReplicaSet controller writes it at its next sync.
    pub status_behind: bool,
    pub pods: Vec<PodView>,
}

impl Lane {
    /// The lanes of the session's Deployment, newest first.
    fn all(s: &Session) -> Vec<Lane> {
        let c = s.cluster();
        let rss = c.replica_sets_of(s.deployment_name());
        let new_name = c
            .deployment(s.deployment_name())
            .and_then(|d| find_new_replica_set(d, &rss).map(|rs| rs.name().to_string()));
        rss.iter()
            .rev()
            .map(|rs| {
                let counts = c.pod_counts_of(rs.name());
                Lane {
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
                    status_behind: (counts.active, counts.ready)
                        != (rs.status.replicas, rs.status.ready_replicas),
                    pods: c.pods_of(rs.name()),
                }
            })
            .collect()
    }
}

#[component]
pub fn Lanes() -> impl IntoView {
    let h = SimHandle::expect();
    let lanes = Memo::new(move |_| h.with(Lane::all));
    view! {
        <div class="lanes">
            <For each=move || lanes.get() key=|lane| lane.name.clone() let(lane)>
                <LaneView name=lane.name lanes />
            </For>
        </div>
    }
}

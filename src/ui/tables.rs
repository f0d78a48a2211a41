//! `kubectl get rs` and `kubectl rollout history` as tables.

use super::state::SimHandle;
use crate::api::keys;
use crate::kubectl::printers::age;
use crate::kubectl::rollout::history::history_info;
use leptos::prelude::*;

#[component]
pub fn ReplicaSetTable() -> impl IntoView {
    let h = SimHandle::expect();
    let rows = move || {
        h.with(|s| {
            let c = s.cluster();
            c.replica_sets_of(s.deployment_name())
                .iter()
                .map(|rs| {
                    (
                        rs.name().to_string(),
                        rs.spec.replicas,
                        rs.status.replicas,
                        rs.status.ready_replicas,
                        age(rs.metadata.creation_timestamp, c.now()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="table" aria-label=h.tr("ReplicaSets")>
            <caption>{h.tr("ReplicaSets (kubectl get rs)")}</caption>
            <thead>
                <tr><th>"NAME"</th><th>"DESIRED"</th><th>"CURRENT"</th><th>"READY"</th><th>"AGE"</th></tr>
            </thead>
            <tbody>
                {move || {
                    rows()
                        .into_iter()
                        .map(|(n, d, c, r, a)| view! { <tr><td>{n}</td><td>{d}</td><td>{c}</td><td>{r}</td><td>{a}</td></tr> })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

#[component]
pub fn HistoryTable() -> impl IntoView {
    let h = SimHandle::expect();
    let rows = move || {
        h.with(|s| {
            history_info(s.cluster(), s.deployment_name())
                .into_iter()
                .map(|(rev, t)| {
                    (
                        rev,
                        t.metadata
                            .annotation(keys::CHANGE_CAUSE)
                            .unwrap_or("<none>")
                            .to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="table" aria-label=h.tr("Rollout history")>
            <caption>{h.tr("Rollout history (kubectl rollout history)")}</caption>
            <thead>
                <tr><th>"REVISION"</th><th>"CHANGE-CAUSE"</th></tr>
            </thead>
            <tbody>
                {move || rows().into_iter().map(|(r, c)| view! { <tr><td>{r}</td><td>{c}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

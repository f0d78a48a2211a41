//! `kubectl get rs` and `kubectl rollout history` as tables.

use super::state::SimHandle;
use crate::api::{keys, Time};
use crate::i18n::Msg;
use crate::kubectl::printers::age;
use crate::kubectl::rollout::history::history_info;
use crate::scenario::Session;
use leptos::prelude::*;

/// A row of `kubectl get rs`.
#[derive(Clone, PartialEq)]
struct ReplicaSetRow {
    name: String,
    desired: i32,
    current: i32,
    ready: i32,
    age: String,
}

impl ReplicaSetRow {
    /// The rows, aged at `now` (the clock shown).
    fn all(s: &Session, now: Time) -> Vec<ReplicaSetRow> {
        let c = s.cluster();
        c.replica_sets_of(s.deployment_name())
            .iter()
            .map(|rs| ReplicaSetRow {
                name: rs.name().to_string(),
                desired: rs.spec.replicas,
                current: rs.status.replicas,
                ready: rs.status.ready_replicas,
                age: age(rs.metadata.creation_timestamp, now),
            })
            .collect()
    }
}

#[component]
pub fn ReplicaSetTable() -> impl IntoView {
    let h = SimHandle::expect();
    // The ages move a second at a time: the rows are not rebuilt on every tick of Play.
    let now = Memo::new(move |_| h.now_shown());
    let data = Memo::new(move |_| {
        let now = now.get();
        h.with(|s| ReplicaSetRow::all(s, now))
    });
    let rows = move || {
        data.get()
            .into_iter()
            .map(|row| view! { <tr><td>{row.name}</td><td>{row.desired}</td><td>{row.current}</td><td>{row.ready}</td><td>{row.age}</td></tr> })
            .collect_view()
    };
    view! {
        <table class="table" aria-label=h.tr(Msg::ReplicaSets)>
            <caption>{h.tr(Msg::ReplicaSetsCaption)}</caption>
            <thead>
                <tr><th>"NAME"</th><th>"DESIRED"</th><th>"CURRENT"</th><th>"READY"</th><th>"AGE"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A row of `kubectl rollout history`.
struct RevisionRow {
    revision: i64,
    change_cause: String,
}

impl RevisionRow {
    fn all(s: &Session) -> Vec<RevisionRow> {
        history_info(s.cluster(), s.deployment_name())
            .into_iter()
            .map(|(revision, template)| RevisionRow {
                revision,
                change_cause: template
                    .metadata
                    .annotation(keys::CHANGE_CAUSE)
                    .unwrap_or("<none>")
                    .to_string(),
            })
            .collect()
    }
}

#[component]
pub fn HistoryTable() -> impl IntoView {
    let h = SimHandle::expect();
    let rows = move || {
        h.with(RevisionRow::all)
            .into_iter()
            .map(|row| view! { <tr><td>{row.revision}</td><td>{row.change_cause}</td></tr> })
            .collect_view()
    };
    view! {
        <table class="table" aria-label=h.tr(Msg::RolloutHistory)>
            <caption>{h.tr(Msg::RolloutHistoryCaption)}</caption>
            <thead>
                <tr><th>"REVISION"</th><th>"CHANGE-CAUSE"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

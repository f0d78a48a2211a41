//! The Deployment's events, worded and aged as `kubectl describe` shows them.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::kubectl::printers::human_duration;
use crate::api::Time;
use crate::scenario::Session;
use leptos::prelude::*;

/// A row of the events table.
#[derive(Clone, PartialEq)]
struct EventRow {
    type_: &'static str,
    reason: &'static str,
    age: String,
    message: String,
}

impl EventRow {
    /// The rows, aged at `now` (the clock shown).
    fn all(s: &Session, now: Time) -> Vec<EventRow> {
        let c = s.cluster();
        let object = format!("deployment/{}", s.deployment_name());
        c.events()
            .iter()
            .filter(|e| e.object == object)
            .map(|e| EventRow {
                type_: e.type_,
                reason: e.reason,
                age: human_duration(now.0 - e.time.truncated().0),
                message: e.message.clone(),
            })
            .collect()
    }
}

#[component]
pub fn Events() -> impl IntoView {
    let h = SimHandle::expect();
    let now = Memo::new(move |_| h.now_shown());
    let rows = Memo::new(move |_| {
        let now = now.get();
        h.with(|s| EventRow::all(s, now))
    });
    let table = move || {
        rows.get()
            .into_iter()
            .map(|e| view! { <tr><td>{e.type_}</td><td>{e.reason}</td><td>{e.age}</td><td>"deployment-controller"</td><td>{e.message}</td></tr> })
            .collect_view()
    };
    view! {
        <section class="events">
            <h2>{h.tr(Msg::Events)}</h2>
            <div role="log" aria-label=h.tr(Msg::Events) class="events__log" tabindex="0">
                <Show when=move || rows.with(|rows| !rows.is_empty()) fallback=move || view! { <p class="muted">{h.tr(Msg::NoEventsYet)}</p> }>
                    <table class="events__table">
                        <thead>
                            <tr><th>"Type"</th><th>"Reason"</th><th>"Age"</th><th>"From"</th><th>"Message"</th></tr>
                        </thead>
                        <tbody>{table}</tbody>
                    </table>
                </Show>
            </div>
        </section>
    }
}

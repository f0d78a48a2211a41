//! The events, worded and aged as `kubectl describe` shows them: the
//! Deployment's (its controller's decisions), or those of every object
//! (`kubectl get events`: the ReplicaSets', the scheduler's, the kubelet's).

use super::state::SimHandle;
use crate::api::Time;
use crate::i18n::Msg;
use crate::kubectl::describe::{event_age, event_message};
use crate::scenario::Session;
use leptos::prelude::*;

/// A row of the events table.
#[derive(Clone, PartialEq)]
struct EventRow {
    type_: &'static str,
    reason: &'static str,
    age: String,
    object: String,
    source: &'static str,
    message: String,
}

impl EventRow {
    /// The rows, aged at `now` (the clock shown): the Deployment's, or every object's.
    fn all(s: &Session, now: Time, every_object: bool) -> Vec<EventRow> {
        let c = s.cluster();
        let deployment = format!("deployment/{}", s.deployment_name());
        let events = if every_object {
            c.all_events()
        } else {
            c.events_of(&deployment)
        };
        events
            .into_iter()
            .map(|e| EventRow {
                age: event_age(&e, now),
                message: event_message(&e),
                type_: e.type_,
                reason: e.reason,
                object: e.object,
                source: e.source,
            })
            .collect()
    }
}

#[component]
pub fn Events() -> impl IntoView {
    let h = SimHandle::expect();
    let now = Memo::new(move |_| h.now_shown());
    let every_object = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let (now, every_object) = (now.get(), every_object.get());
        h.with(|s| EventRow::all(s, now, every_object))
    });
    let table = move || {
        let every_object = every_object.get();
        rows.get()
            .into_iter()
            .map(|e| {
                if every_object {
                    // Three columns in the narrow panel: type and source under the reason, the object over the message.
                    view! {
                        <tr class:events__warning=e.type_ == "Warning">
                            <td>{e.age}</td>
                            <td>{e.reason}<span class="events__from">{format!("{} · {}", e.type_, e.source)}</span></td>
                            <td><span class="events__object">{e.object}</span>{e.message}</td>
                        </tr>
                    }
                    .into_any()
                } else {
                    view! { <tr><td>{e.type_}</td><td>{e.reason}</td><td>{e.age}</td><td>{e.source}</td><td>{e.message}</td></tr> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <section class="events">
            <h2>{h.tr(Msg::Events)}</h2>
            <label class="field field--check">
                <input type="checkbox" aria-label=h.tr(Msg::EveryObjectsEvents) prop:checked=every_object on:change=move |ev| every_object.set(event_target_checked(&ev)) />
                <span>{h.tr(Msg::EveryObjectsEvents)}</span>
            </label>
            <div role="log" aria-label=h.tr(Msg::Events) class="events__log" tabindex="0">
                <Show when=move || rows.with(|rows| !rows.is_empty()) fallback=move || view! { <p class="muted">{h.tr(Msg::NoEventsYet)}</p> }>
                    <table class="events__table">
                        <thead>
                            {move || if every_object.get() {
                                view! { <tr><th>"Age"</th><th>"Reason"</th><th>"Object and message"</th></tr> }.into_any()
                            } else {
                                view! { <tr><th>"Type"</th><th>"Reason"</th><th>"Age"</th><th>"From"</th><th>"Message"</th></tr> }.into_any()
                            }}
                        </thead>
                        <tbody>{table}</tbody>
                    </table>
                </Show>
            </div>
        </section>
    }
}

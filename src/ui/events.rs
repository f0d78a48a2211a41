//! The Deployment's events, worded and aged as `kubectl describe` shows them.

use super::state::SimHandle;
use crate::kubectl::printers::human_duration;
use leptos::prelude::*;

#[component]
pub fn Events() -> impl IntoView {
    let h = SimHandle::expect();
    let rows = move || {
        h.with(|s| {
            let c = s.cluster();
            let object = format!("deployment/{}", s.deployment_name());
            let now = c.now();
            c.events()
                .iter()
                .filter(|e| e.object == object)
                .map(|e| {
                    (
                        e.type_,
                        e.reason,
                        human_duration(now.0 - e.time.truncated().0),
                        e.message.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="events">
            <h2>{h.tr("Events")}</h2>
            <div role="log" aria-label=h.tr("Events") class="events__log">
                <Show when=move || !rows().is_empty() fallback=move || view! { <p class="muted">{h.tr("No events yet.")}</p> }>
                    <table class="events__table">
                        <thead>
                            <tr><th>"Type"</th><th>"Reason"</th><th>"Age"</th><th>"From"</th><th>"Message"</th></tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows()
                                    .into_iter()
                                    .map(|(t, r, age, m)| view! { <tr><td>{t}</td><td>{r}</td><td>{age}</td><td>"deployment-controller"</td><td>{m}</td></tr> })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </Show>
            </div>
        </section>
    }
}

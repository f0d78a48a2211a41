//! The Timeline: a slider over the session's simulated time, with a mark at
//! each moment something happened; moving it replays the session to there.

use super::state::SimHandle;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    let h = SimHandle::expect();
    let end = Memo::new(move |_| h.with(|s| s.timeline_end().0).max(h.clock.get()));
    let markers = move || {
        let end = end.get().max(1);
        h.with(|s| s.event_times())
            .into_iter()
            .map(|t| format!("{}%", crate::text::fixed(t.0 * 10_000 / end, 2)))
            .map(|left| view! { <span class="timeline__marker" style:left=left></span> })
            .collect_view()
    };
    view! {
        <div class="timeline">
            <span class="timeline__label" aria-hidden="true">{h.tr(Msg::Timeline)}</span>
            <input
                type="range"
                min="0"
                max=move || end.get().to_string()
                step="100"
                aria-label=h.tr(Msg::Timeline)
                aria-valuetext=move || h.t(Msg::Seconds(&crate::text::seconds(h.clock.get(), 1)))
                prop:value=move || h.clock.get().to_string()
                on:input=move |ev| {
                    if let Ok(ms) = event_target_value(&ev).parse::<i64>() {
                        h.seek(ms);
                    }
                }
            />
            <div class="timeline__markers" aria-hidden="true">{markers}</div>
        </div>
    }
}

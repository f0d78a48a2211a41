//! Playback of simulated time: Play/Pause, Step, Step back, Reset, Speed,
//! and the Timeline. Keyboard: Space plays or pauses, Right steps, Left
//! steps back (unless a text field has focus).

use super::state::{SimHandle, SPEEDS};
use leptos::ev;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::time::Duration;

/// How often Play moves the clock, in real milliseconds.
const TICK_MS: u64 = 50;

/// "0.25x", "1x", "8x" for an index into `SPEEDS`.
fn speed_label(index: usize) -> String {
    format!("{}x", crate::text::trimmed(SPEEDS[index.min(SPEEDS.len() - 1)], 2))
}

#[component]
pub fn Playback() -> impl IntoView {
    let h = SimHandle::expect();
    if let Ok(interval) = set_interval_with_handle(
        move || h.tick(TICK_MS as i64),
        Duration::from_millis(TICK_MS),
    ) {
        on_cleanup(move || interval.clear());
    }
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        match e.key().as_str() {
            " " => {
                e.prevent_default();
                h.playing.update(|p| *p = !*p);
            }
            "ArrowRight" => {
                e.prevent_default();
                h.step();
            }
            "ArrowLeft" => {
                e.prevent_default();
                h.step_back();
            }
            _ => {}
        }
    });
    let keys = SendWrapper::new(keys);
    on_cleanup(move || keys.take().remove());

    let end = move || h.with(|s| s.timeline_end().0).max(h.clock.get());
    let markers = move || {
        let end = end().max(1);
        h.with(|s| s.event_times())
            .into_iter()
            .map(move |t| format!("{}%", crate::text::fixed(t.0 * 10_000 / end, 2)))
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="playback">
            <legend>{h.tr("Time")}</legend>
            <div class="playback__buttons">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| h.playing.update(|p| *p = !*p)
                >
                    {move || h.t(if h.playing.get() { "Pause" } else { "Play" })}
                </button>
                <button type="button" on:click=move |_| { h.step(); }>{h.tr("Step")}</button>
                <button type="button" prop:disabled=move || !h.with(|s| s.can_step_back()) on:click=move |_| h.step_back()>
                    {h.tr("Step back")}
                </button>
                <button type="button" on:click=move |_| h.reset()>{h.tr("Reset")}</button>
            </div>
            <p class="playback__clock" aria-live="off">
                {move || format!("t = {} s", crate::text::seconds(h.clock.get(), 1))}
            </p>
            <label class="field">
                <span>{move || format!("{} {}", h.t("Speed"), speed_label(h.speed.get()))}</span>
                <input
                    type="range"
                    min="0"
                    max=(SPEEDS.len() - 1).to_string()
                    step="1"
                    aria-label=h.tr("Speed")
                    aria-valuetext=move || speed_label(h.speed.get())
                    prop:value=move || h.speed.get().to_string()
                    on:input=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            h.speed.set(i.min(SPEEDS.len() - 1));
                        }
                    }
                />
            </label>
            <div class="timeline">
                <span class="timeline__label" aria-hidden="true">{h.tr("Timeline")}</span>
                <input
                    type="range"
                    min="0"
                    max=move || end().to_string()
                    step="100"
                    aria-label=h.tr("Timeline")
                    aria-valuetext=move || {
                        let seconds = crate::text::seconds(h.clock.get(), 1);
                        match h.lang.get() {
                            crate::i18n::Lang::En => format!("{seconds} seconds"),
                            crate::i18n::Lang::Zh => format!("{seconds} 秒"),
                        }
                    }
                    prop:value=move || h.clock.get().to_string()
                    on:input=move |ev| {
                        if let Ok(ms) = event_target_value(&ev).parse::<i64>() {
                            h.seek(ms);
                        }
                    }
                />
                <div class="timeline__markers" aria-hidden="true">
                    {move || markers().into_iter().map(|left| view! { <span class="timeline__marker" style:left=left></span> }).collect_view()}
                </div>
            </div>
        </fieldset>
    }
}

//! The transport bar under the stage: Step back, Play/Pause, Step, the
//! simulated clock, the Timeline (`timeline.rs`), Speed and Reset. Keyboard: Space plays or pauses, Right
//! steps, Left steps back (unless a text field has focus).

use super::shortcuts::Shortcuts;
use super::state::{SimHandle, SPEEDS};
use super::timeline::Timeline;
use crate::i18n::Msg;
use gloo_timers::callback::Interval;
use leptos::ev;
use leptos::prelude::*;

/// How often Play moves the clock, in real milliseconds.
const TICK_MS: u32 = 50;

/// "0.25x", "1x", "8x" for an index into `SPEEDS`.
fn speed_label(index: usize) -> String {
    format!(
        "{}x",
        crate::text::trimmed(SPEEDS[index.min(SPEEDS.len() - 1)], 2)
    )
}

#[component]
pub fn Playback() -> impl IntoView {
    let h = SimHandle::expect();
    // The clock's tick, stopped (dropped) with the component.
    StoredValue::new_local(Interval::new(TICK_MS, move || h.tick(i64::from(TICK_MS))));
    keyboard(h);
    let speed = move || speed_label(h.speed.get());
    view! {
        <section class="transport" aria-label=h.tr(Msg::Time)>
            <div class="transport__bar">
                <button type="button" prop:disabled=move || !h.with(|s| s.can_step_back()) on:click=move |_| h.step_back()>
                    {h.tr(Msg::StepBack)}
                </button>
                <button type="button" class="primary transport__play" on:click=move |_| h.toggle_play()>
                    {move || h.t(if h.playing.get() { Msg::Pause } else { Msg::Play })}
                </button>
                <button type="button" on:click=move |_| { h.step(); }>{h.tr(Msg::Step)}</button>
                <p class="transport__clock" role="timer" aria-label=h.tr(Msg::SimulatedTime)>
                    {move || format!("t = {} s", crate::text::seconds(h.clock.get(), 1))}
                </p>
                <Timeline />
                <label class="transport__speed">
                    <span aria-hidden="true">{speed}</span>
                    <input
                        type="range"
                        min="0"
                        max=(SPEEDS.len() - 1).to_string()
                        step="1"
                        aria-label=h.tr(Msg::Speed)
                        aria-valuetext=speed
                        prop:value=move || h.speed.get().to_string()
                        on:input=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                h.speed.set(i.min(SPEEDS.len() - 1));
                            }
                        }
                    />
                </label>
                <label class="transport__fine">
                    <input type="checkbox" prop:checked=move || h.fine_steps.get() on:change=move |ev| h.fine_steps.set(event_target_checked(&ev)) />
                    {h.tr(Msg::FineSteps)}
                </label>
                <button type="button" class="transport__reset" on:click=move |_| h.reset()>{h.tr(Msg::Reset)}</button>
                <Shortcuts />
                <super::sheets::SheetButtons />
            </div>
        </section>
    }
}

/// Whether the keys go to a field being typed in or a menu being chosen
/// from (a text box, a number, a slider, a text area, a select), not to
/// playback. After a button or a checkbox they drive playback.
pub fn typing() -> bool {
    document()
        .active_element()
        .is_some_and(|el| match el.tag_name().as_str() {
            "TEXTAREA" | "SELECT" => true,
            "INPUT" => !matches!(
                el.get_attribute("type").as_deref(),
                Some("checkbox" | "radio" | "button")
            ),
            _ => el.closest("[role=dialog]").ok().flatten().is_some(),
        })
}

/// Space, Right and Left, while the component lives (a focused button's own
/// Space is taken over: Enter still presses it).
fn keyboard(h: SimHandle) {
    let keys = window_event_listener(ev::keydown, move |e| {
        if typing() || e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        // Shift makes the arrows take fine steps whatever the box says.
        let fine = e.shift_key() || h.fine_steps.get_untracked();
        match e.key().as_str() {
            " " => h.toggle_play(),
            "ArrowRight" => {
                h.step_by(fine);
            }
            "ArrowLeft" => h.step_back_by(fine),
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());
}

//! Play: the shown clock runs at a chosen speed and every step that falls
//! due is taken; an embed with `loop` starts again after a pause.

use super::SimHandle;
use crate::api::Time;
use crate::scenario::Happened;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// The speeds Play offers, in percent of real time (Speed slider, 0.25x to 8x).
pub const SPEEDS: [i64; 6] = [25, 50, 100, 200, 400, 800];
/// The index of 1x in `SPEEDS`.
pub(super) const SPEED_1X: usize = 2;
/// The most steps one tick takes (a fast speed over a busy moment).
const MAX_STEPS_PER_TICK: usize = 200;
/// How long a looping embed rests after a rollout ends, in real milliseconds.
const LOOP_PAUSE_MS: u32 = 1500;

impl SimHandle {
    /// Play: move the shown clock by `real_ms` × speed and take every step
    /// that falls due; stops when nothing is left to happen.
    pub fn tick(&self, real_ms: i64) {
        if !self.playing.get_untracked() {
            return;
        }
        let percent = SPEEDS[self.speed.get_untracked().min(SPEEDS.len() - 1)];
        let target = self.clock.get_untracked() + real_ms * percent / 100;
        for _ in 0..MAX_STEPS_PER_TICK {
            let Some(due) = self
                .session
                .try_update_value(|s| s.next_change_at())
                .flatten()
            else {
                return self.ended();
            };
            if due.0 > target {
                break;
            }
            // Nothing changes by the clock's new time: the cluster waits for it.
            if self.step_until(Time(target)) == Happened::Idle {
                break;
            }
        }
        self.clock.set(target);
    }

    /// Nothing is left to happen: Play stops (and a looping embed starts again).
    fn ended(&self) {
        self.playing.set(false);
        self.replay_if_looped();
    }

    /// An embed with `loop`: after a rollout ends, a pause, then from the start again.
    fn replay_if_looped(&self) {
        if !self
            .embed
            .with_value(|e| e.as_ref().is_some_and(|e| e.looped))
        {
            return;
        }
        let h = *self;
        let ended = self.version.get_untracked();
        Timeout::new(LOOP_PAUSE_MS, move || {
            // The reader may have taken over (pressed Play, Step or Reset) meanwhile.
            if !h.playing.get_untracked() && h.version.get_untracked() == ended {
                h.reset();
                h.playing.set(true);
            }
        })
        .forget();
    }
}

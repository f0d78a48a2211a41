//! What the buttons and the console do to the session: kubectl lines,
//! `kubectl edit`'s saves, simulator settings, Step, Step back, Reset,
//! scrubbing the Timeline and loading a preset.

use super::{load_preset, Dialog, SimHandle};
use crate::api::Time;
use crate::i18n::Msg;
use crate::kubectl::Output;
use crate::scenario::{Action, Happened, Session};
use leptos::prelude::*;

/// What `kubectl edit`'s editor gets back from a save.
pub struct EditOutcome {
    /// What kubectl printed.
    pub output: Output,
    /// The file the editor reopens on when kubectl retries (a failed save).
    pub reopened: Option<String>,
}

impl SimHandle {
    /// Runs a kubectl line (console or button); a failure shows as an alert.
    pub fn kubectl(&self, line: &str) -> Output {
        let out = self.command(|s| s.kubectl(line));
        self.alert
            .set((out.exit_code != 0).then(|| out.stderr.trim_end().to_string()));
        out
    }

    /// A console line: `kubectl edit` opens the editor (the manifest dialog,
    /// on the full page); everything else runs at once.
    pub fn console(&self, line: &str) {
        let editing = self
            .embed
            .with_value(Option::is_none)
            .then(|| self.with(|s| crate::kubectl::apply::edit_target(s.cluster(), line)));
        match editing.flatten() {
            Some(Ok(name)) => self.dialog.set(Some(Dialog::Edit(name))),
            _ => {
                self.kubectl(line);
            }
        }
    }

    /// `kubectl edit`'s editor, opened on `original`, saving `text` (from
    /// the file it `reopened` on, if so).
    pub fn edit(
        &self,
        name: &str,
        original: &str,
        text: &str,
        reopened: Option<&str>,
    ) -> EditOutcome {
        self.alert.set(None);
        let output = self.command(|s| s.edit(name, original, text, reopened));
        let reopened = self.with(|s| s.reopened_editor().map(str::to_string));
        EditOutcome { output, reopened }
    }

    /// `kubectl apply -f FILE` of a manifest (Import YAML, whose dialog shows a failure).
    pub fn apply_file(&self, file: &str, text: &str) -> Output {
        self.alert.set(None);
        self.command(|s| s.apply_file(file, text))
    }

    /// Brings the cluster to the clock shown (Play or the Timeline may show
    /// a moment between two changes), so what the user does next happens
    /// at the time on screen, to the objects on screen.
    fn catch_up(&self) {
        let shown = Time(self.clock.get_untracked());
        self.session.update_value(|s| {
            let _ = s.catch_up(shown);
        });
    }

    /// A command against the session, its output (a simulator failure as an error line).
    fn command(
        &self,
        run: impl FnOnce(&mut Session) -> Result<Output, crate::sim::SimError>,
    ) -> Output {
        self.catch_up();
        let out = self.session.try_update_value(run).map(|result| {
            result.unwrap_or_else(|e| Output {
                stderr: format!("error: {e}\n"),
                exit_code: 1,
                ..Default::default()
            })
        });
        self.changed();
        out.unwrap_or_default()
    }

    /// A simulated-cluster setting (pod start time, failing images).
    pub fn set(&self, setting: Action) {
        self.catch_up();
        self.session.update_value(|s| {
            let _ = s.set(setting);
        });
        self.changed();
    }

    /// Step: to the next decision (`Session::step_decision`), or one fine
    /// step when `fine_steps` is on.
    pub fn step(&self) -> Happened {
        self.step_by(self.fine_steps.get_untracked())
    }

    /// One step: `fine`, the next script command, controller action or pod
    /// transition; else on to the next decision.
    pub fn step_by(&self, fine: bool) -> Happened {
        self.dismiss_stale_alert();
        let happened = self.stepped(if fine {
            Session::step
        } else {
            Session::step_decision
        });
        self.changed();
        self.idle.set(happened == Happened::Idle);
        happened
    }

    /// The Play/Pause button and the space bar.
    pub fn toggle_play(&self) {
        if !self.playing.get_untracked() {
            self.dismiss_stale_alert();
        }
        self.playing.update(|p| *p = !*p);
    }

    /// Play's step: no change after `limit`, the clock it is about to show.
    pub fn step_until(&self, limit: Time) -> Happened {
        let happened = self.stepped(|s| s.step_until(limit));
        if happened != Happened::Idle {
            self.changed();
        }
        happened
    }

    /// Runs a step of the session; a simulator error stops it with an alert.
    fn stepped(
        &self,
        step: impl FnOnce(&mut Session) -> Result<Happened, crate::sim::SimError>,
    ) -> Happened {
        match self.session.try_update_value(step) {
            Some(Ok(happened)) => happened,
            Some(Err(e)) => {
                self.alert
                    .set(Some(self.say(Msg::SimulationStopped(&e.to_string()))));
                Happened::Idle
            }
            None => Happened::Idle,
        }
    }

    /// The last failure is not news once the user moves the session on (Step,
    /// Play, Step back, the Timeline): its banner goes. (An embed's autoplay
    /// leaves it: it may say why the embed's options were not taken.)
    fn dismiss_stale_alert(&self) {
        if self.alert.with_untracked(Option::is_some) {
            self.alert.set(None);
        }
    }

    /// Step back: to the decision before (or one fine step with `fine_steps`).
    pub fn step_back(&self) {
        self.step_back_by(self.fine_steps.get_untracked());
    }

    pub fn step_back_by(&self, fine: bool) {
        self.playing.set(false);
        self.dismiss_stale_alert();
        self.session.update_value(|s| {
            let _ = if fine {
                s.step_back()
            } else {
                s.step_back_decision()
            };
        });
        self.clock.set(self.read(|s| s.cluster().now().0));
        self.changed();
    }

    pub fn reset(&self) {
        self.playing.set(false);
        self.alert.set(None);
        self.session.update_value(|s| {
            let _ = s.reset();
        });
        self.clock.set(0);
        self.changed();
    }

    /// The Timeline: the session as it was at `ms`.
    pub fn seek(&self, ms: i64) {
        self.playing.set(false);
        self.dismiss_stale_alert();
        self.session.update_value(|s| {
            let _ = s.seek_time(Time(ms));
        });
        // After changed(), which would show the cluster's time: the scrubbed
        // moment may lie between two actions.
        self.changed();
        self.clock.set(ms.max(self.read(|s| s.cluster().now().0)));
    }

    /// The Scenario menu: a bundled scenario from its start.
    pub fn load(&self, preset: usize) {
        if let Ok(session) = load_preset(preset) {
            self.playing.set(false);
            self.alert.set(None);
            self.session.set_value(session);
            self.preset.set(preset);
            self.clock.set(0);
            self.changed();
        }
    }
}

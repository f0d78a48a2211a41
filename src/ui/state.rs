//! The UI's one handle on the session: every user action goes through it,
//! and components read projections of the session through it. Buttons
//! issue the same kubectl lines the console does. Its parts: `commands`
//! (what the buttons and the console do), `playing` (Play's clock),
//! `opening` (start-up, links, autosave) and `storage` (localStorage).

mod commands;
mod opening;
mod playing;
mod storage;

use crate::api::Time;
use crate::i18n::{Lang, Msg};
use crate::scenario::embed::Embed;
use crate::scenario::Session;
use leptos::prelude::*;
use std::borrow::Cow;

pub use crate::scenario::presets::PRESETS;
pub use playing::SPEEDS;

/// `Copy` handle to the session and the playback state, provided as context.
#[derive(Clone, Copy)]
pub struct SimHandle {
    session: StoredValue<Session>,
    /// Bumped after every change to the session: what projections track.
    version: RwSignal<i64>,
    pub playing: RwSignal<bool>,
    /// Play's speed: an index into `SPEEDS`.
    pub speed: RwSignal<usize>,
    /// The clock shown, in simulated ms (runs ahead of the cluster while playing).
    pub clock: RwSignal<i64>,
    /// The API server's or kubectl's message for the last failed action.
    pub alert: RwSignal<Option<String>>,
    pub preset: RwSignal<usize>,
    pub presenter: RwSignal<bool>,
    /// On a phone: the panel open as a sheet over the stage (ui/sheets.rs).
    pub sheet: RwSignal<Option<Sheet>>,
    /// The last Step found nothing left to happen.
    pub idle: RwSignal<bool>,
    /// Step and Step back move one controller action or pod transition
    /// (the `Fine steps` box) instead of one decision.
    pub fine_steps: RwSignal<bool>,
    /// The link last opened or autosaved (a `hashchange` to it is our own write).
    last_saved: StoredValue<String>,
    /// Set when the page runs embedded (`?embed`): compact layout, no autosave.
    embed: StoredValue<Option<Embed>>,
    /// The UI's language (kubectl output and events stay English).
    pub lang: RwSignal<Lang>,
    /// The manifest dialog, when open: Import YAML, or `kubectl edit`'s editor.
    pub dialog: RwSignal<Option<Dialog>>,
}

/// The panels a phone opens as sheets over the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// Settings, rollout actions, import and export.
    Controls,
    /// The console, events, ReplicaSets, history and YAML.
    Details,
}

/// What the manifest dialog is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Import YAML: `kubectl apply -f FILE`.
    Import,
    /// `kubectl edit deployment/NAME`: the editor's file, saved on Save.
    Edit(String),
}

impl SimHandle {
    pub fn new(preset: usize) -> SimHandle {
        let session = load_preset(preset).expect("the bundled presets are valid scenarios");
        SimHandle::with_session(session, preset)
    }

    fn with_session(session: Session, preset: usize) -> SimHandle {
        SimHandle {
            clock: RwSignal::new(session.cluster().now().0),
            session: StoredValue::new(session),
            version: RwSignal::new(0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(playing::SPEED_1X),
            alert: RwSignal::new(None),
            preset: RwSignal::new(preset),
            presenter: RwSignal::new(false),
            sheet: RwSignal::new(None),
            idle: RwSignal::new(false),
            fine_steps: RwSignal::new(false),
            last_saved: StoredValue::new(String::new()),
            embed: StoredValue::new(None),
            lang: RwSignal::new(storage::initial_lang()),
            dialog: RwSignal::new(None),
        }
    }

    /// The handle provided by `App`.
    #[track_caller]
    pub fn expect() -> SimHandle {
        expect_context::<SimHandle>()
    }

    /// A message in the current language (tracked: the view follows a switch).
    pub fn t(&self, msg: Msg<'_>) -> Cow<'static, str> {
        self.lang.get().say(msg)
    }

    /// A message in the current language, untracked (an alert, worded once).
    pub fn say(&self, msg: Msg<'_>) -> String {
        self.lang.get_untracked().say(msg).into_owned()
    }

    /// A label that follows the language, as a view or an attribute value.
    pub fn tr(
        self,
        msg: Msg<'static>,
    ) -> impl Fn() -> Cow<'static, str> + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// Subscribes the caller to every change of the session (the autosave, the settings' fields).
    pub fn track_changes(&self) {
        self.version.track();
        self.presenter.track();
    }

    /// Reads the session, tracking changes.
    pub fn with<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.version.track();
        self.read(f)
    }

    /// Reads the session, untracked.
    fn read<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.session.with_value(f)
    }

    /// The Deployment's name in this session.
    /// The time on screen, in whole seconds (Play's clock may run ahead of the
    /// cluster between two changes): what ages are counted to. Tracks the
    /// clock: read it through a `Memo`, which changes once a second.
    pub fn now_shown(&self) -> Time {
        let second = self.clock.get() / 1000 * 1000;
        Time(second.max(self.with(|s| s.cluster().now().0)))
    }

    pub fn deployment(&self) -> String {
        self.with(|s| s.deployment_name().to_string())
    }

    /// The embed options when the page runs embedded.
    pub fn embed(&self) -> Option<Embed> {
        self.embed.get_value()
    }

    /// After every change to the session: projections redraw, the clock
    /// catches up with the cluster's.
    fn changed(&self) {
        self.idle.set(false);
        let now = self.read(|s| s.cluster().now().0);
        if !self.playing.get_untracked() || self.clock.get_untracked() < now {
            self.clock.set(now);
        }
        self.version.update(|v| *v += 1);
    }
}

fn load_preset(index: usize) -> Result<Session, String> {
    let preset = PRESETS.get(index).ok_or("no such preset")?;
    Session::new(preset.scenario()).map_err(|e| e.to_string())
}

//! The UI's one handle on the session: every user action goes through it,
//! and components read projections of the session through it. Buttons
//! issue the same kubectl lines the console does.

use crate::api::Time;
use crate::kubectl::Output;
use crate::i18n::Lang;
use crate::scenario::embed::Embed;
use crate::scenario::share::{self, View};
use crate::scenario::{Action, Happened, Session};
use leptos::prelude::*;

pub use crate::scenario::presets::PRESETS;
use crate::text::quoted;

/// One line of the console: a command (typed or clicked) and what it printed.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub id: usize,
    pub command: String,
    pub output: Output,
    pub scripted: bool,
}

/// The speeds Play offers, in percent of real time (Speed slider, 0.25x to 8x).
pub const SPEEDS: [i64; 6] = [25, 50, 100, 200, 400, 800];
/// The index of 1x in `SPEEDS`.
const SPEED_1X: usize = 2;

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
    /// The last Step found nothing left to happen.
    pub idle: RwSignal<bool>,
    /// The link last opened or autosaved (a `hashchange` to it is our own write).
    last_saved: StoredValue<String>,
    /// Set when the page runs embedded (`?embed`): compact layout, no autosave.
    embed: StoredValue<Option<Embed>>,
    /// The UI's language (kubectl output and events stay English).
    pub lang: RwSignal<Lang>,
    /// The manifest dialog, when open: Import YAML, or `kubectl edit`'s editor.
    pub dialog: RwSignal<Option<Dialog>>,
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
            speed: RwSignal::new(SPEED_1X),
            alert: RwSignal::new(None),
            preset: RwSignal::new(preset),
            presenter: RwSignal::new(false),
            idle: RwSignal::new(false),
            last_saved: StoredValue::new(String::new()),
            embed: StoredValue::new(None),
            lang: RwSignal::new(initial_lang()),
            dialog: RwSignal::new(None),
        }
    }

    /// The session at start-up: the page's share link (`#s1.…`), else the
    /// last autosaved session, else the first preset. A link or save that
    /// cannot be opened leaves the default and says why (role alert).
    pub fn at_start() -> SimHandle {
        let query = window().location().search().unwrap_or_default();
        match Embed::from_query(&query) {
            Ok(None) => SimHandle::page_at_start(),
            Ok(Some(embed)) => SimHandle::embed_at_start(embed),
            Err(e) => {
                let h = SimHandle::embed_at_start(Embed::default());
                h.alert.set(Some(match h.lang.get_untracked() {
                    Lang::En => format!("{e}; using the defaults"),
                    Lang::Zh => format!("嵌入选项 {}={} 应为 1、0、true 或 false；改用默认值", e.key, quoted(&e.value)),
                }));
                h
            }
        }
    }

    /// An embed opens its share link, else its `scenario=` preset: never the
    /// visitor's own autosave, which it also never overwrites.
    fn embed_at_start(embed: Embed) -> SimHandle {
        let h = match (page_fragment(), &embed.scenario) {
            (Some(link), _) => SimHandle::opened(link, "the embedded link", false),
            (None, Some(id)) => match PRESETS.iter().position(|p| p.id == id) {
                Some(preset) => SimHandle::new(preset),
                None => {
                    let h = SimHandle::new(0);
                    let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
                    let ids = ids.join(", ");
                    h.alert.set(Some(match h.lang.get_untracked() {
                        Lang::En => format!("Unknown scenario {id} (one of: {ids}). Showing the default scenario instead.", id = quoted(id)),
                        Lang::Zh => format!("未知场景 {id}（可选：{ids}）。改为显示默认场景。", id = quoted(id)),
                    }));
                    h
                }
            },
            (None, None) => SimHandle::new(0),
        };
        h.playing.set(embed.autoplay);
        h.embed.set_value(Some(embed));
        h
    }

    fn page_at_start() -> SimHandle {
        let from_link = page_fragment().map(|link| (link, "the shared link"));
        let from_save = || saved_session().map(|link| (link, "the last saved session"));
        match from_link.or_else(from_save) {
            None => SimHandle::new(0),
            Some((link, what)) => SimHandle::opened(link, what, true),
        }
    }

    /// The session of a link, or the default with an alert saying why not.
    /// `keep`: store it as the autosave (the page; never an embed).
    fn opened(link: String, what: &'static str, keep: bool) -> SimHandle {
        match share::decode(&link) {
            Ok((session, view)) => {
                let h = SimHandle::with_session(session, 0);
                h.show_opened(view);
                // An opened link is the working session from now on, also for
                // crash recovery (a link that fails to open leaves the save alone).
                h.remember(link, keep);
                h
            }
            Err(e) => {
                let h = SimHandle::new(0);
                h.failed_to_open(what, &e);
                h
            }
        }
    }

    /// The embed options when the page runs embedded.
    pub fn embed(&self) -> Option<Embed> {
        self.embed.get_value()
    }

    /// The iframe snippet that embeds this session: the preset by id, and
    /// the session's link when it has moved on from the preset.
    pub fn embed_code(&self) -> Result<String, String> {
        let preset = &PRESETS[self.preset.get_untracked().min(PRESETS.len() - 1)];
        let options = Embed {
            scenario: Some(preset.id.to_string()),
            ..Embed::default()
        };
        let href = window()
            .location()
            .href()
            .map_err(|_| "the page has no address".to_string())?;
        let page = href.split(['?', '#']).next().unwrap_or_default();
        // The preset alone, unless the session moved on or did not start from it.
        let moved_on = self.read(|s| !s.history().is_empty() || crate::scenario::presets::preset_of(s.scenario()).is_none());
        let fragment = if moved_on { format!("#{}", self.link()?) } else { String::new() };
        Ok(format!(
            "<iframe src=\"{page}{}{fragment}\" title=\"Rollout Lab: {}\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\"></iframe>",
            options.to_query(),
            preset.title
        ))
    }

    /// Opens a link pasted into the address bar of this page (`hashchange`).
    /// Ignores the fragment the autosave itself wrote.
    pub fn open_fragment(&self) {
        let Some(link) = page_fragment() else { return };
        if self.last_saved.with_value(|l| *l == link) {
            return;
        }
        match share::decode(&link) {
            Ok((session, view)) => {
                self.playing.set(false);
                self.alert.set(None);
                self.session.set_value(session);
                self.changed();
                self.show_opened(view);
                self.remember(link, true);
            }
            Err(e) => self.failed_to_open("the shared link", &e),
        }
    }

    /// After a session was opened from a link or a save: its view options,
    /// its clock, and the Scenario menu on the preset it started from.
    fn show_opened(&self, view: View) {
        let (title, now) = self.read(|s| (s.scenario().title.clone(), s.cluster().now().0));
        let preset = PRESETS.iter().position(|p| Some(p.title) == title.as_deref());
        self.preset.set(preset.unwrap_or(0));
        self.presenter.set(view.presenter);
        self.clock.set(view.clock_ms.map_or(now, |ms| ms.max(now)));
    }

    fn link(&self) -> Result<String, String> {
        let now = self.read(|s| s.cluster().now().0);
        let clock = self.clock.get_untracked();
        let view = View {
            presenter: self.presenter.get_untracked(),
            // A moment between two actions (a scrubbed timeline, a paused Play).
            clock_ms: (clock > now).then_some(clock),
        };
        self.read(|s| share::encode(s, view))
            .map_err(|e| e.to_string())
    }

    /// The page address with this session in its fragment.
    /// It is also saved: the `hashchange` that Copy link's new fragment
    /// fires then finds its own link and leaves the session (and Play) alone.
    pub fn share_link(&self) -> Result<String, String> {
        let link = self.link()?;
        self.remember(link.clone(), self.embed.with_value(Option::is_none));
        let href = window()
            .location()
            .href()
            .map_err(|_| "the page has no address".to_string())?;
        let page = href.split('#').next().unwrap_or_default();
        Ok(format!("{page}#{link}"))
    }

    /// Autosave: the session's link into localStorage and the page's fragment
    /// (replaceState, so no history entry), which a reload or a crash
    /// recovery opens again. A session too long for a link is not saved.
    pub fn save(&self) {
        if self.embed.with_value(Option::is_some) {
            return;
        }
        let Ok(link) = self.link() else { return };
        if self.last_saved.with_value(|l| *l == link) {
            return;
        }
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{link}")));
        }
        self.remember(link, true);
    }

    /// The link of the session as it is now: a `hashchange` to it is ours;
    /// `store`: also the autosave (never from an embed).
    fn remember(&self, link: String, store: bool) {
        if store {
            store_session(&link);
        }
        self.last_saved.set_value(link);
    }

    /// Says why a link or save could not be opened (the default is shown).
    fn failed_to_open(&self, what: &'static str, e: &share::ShareError) {
        let message = match self.lang.get_untracked() {
            Lang::En => format!("Could not open {what}: {e}. Showing the default scenario instead."),
            Lang::Zh => format!("无法打开{}：{e}。改为显示默认场景。", Lang::Zh.t(what)),
        };
        self.alert.set(Some(message));
    }

    /// Subscribes the caller to every change of the session (the autosave).
    pub fn track_changes(&self) {
        self.version.track();
        self.presenter.track();
    }

    /// A UI string in the current language (tracked: the view follows a switch).
    pub fn t(&self, en: &'static str) -> &'static str {
        self.lang.get().t(en)
    }

    /// `en` in the UI language, as a reactive view or attribute value. One
    /// function, one closure type: every translated label shares the same
    /// rendering code (a closure per label would be monomorphised per label).
    pub fn tr(self, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(en)
    }

    /// Switches the UI language, remembered for the next visit.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    }

    /// The handle provided by `App`.
    #[track_caller]
    pub fn expect() -> SimHandle {
        expect_context::<SimHandle>()
    }

    /// Reads the session, tracking changes.
    pub fn with<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        self.version.track();
        self.read(f)
    }

    /// `f` of the session, untracked. Through `read_value`'s one guard type rather than `with_value`,
    /// which the framework instantiates again for every closure (-0.2 KB of gzip).
    fn read<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        f(&self.session.read_value())
    }

    fn changed(&self) {
        self.idle.set(false);
        let now = self.read(|s| s.cluster().now().0);
        if !self.playing.get_untracked() || self.clock.get_untracked() < now {
            self.clock.set(now);
        }
        self.version.update(|v| *v += 1);
    }

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
        let editing = self.embed.with_value(Option::is_none).then(|| {
            self.with(|s| crate::kubectl::apply::edit_target(s.cluster(), line))
        });
        match editing.flatten() {
            Some(Ok(name)) => self.dialog.set(Some(Dialog::Edit(name))),
            _ => {
                self.kubectl(line);
            }
        }
    }

    /// `kubectl edit`'s editor, opened on `original`, saving `text` (from
    /// the file it `reopened` on, if so): what kubectl printed, and the file
    /// the editor reopens on when kubectl retries.
    pub fn edit(&self, name: &str, original: &str, text: &str, reopened: Option<&str>) -> (Output, Option<String>) {
        self.alert.set(None);
        let out = self.command(|s| s.edit(name, original, text, reopened));
        (out, self.with(|s| s.reopened_editor().map(str::to_string)))
    }

    /// `kubectl apply -f FILE` of a manifest (Import YAML, whose dialog shows a failure).
    pub fn apply_file(&self, file: &str, text: &str) -> Output {
        self.alert.set(None);
        self.command(|s| s.apply_file(file, text))
    }

    /// A command against the session, its output (a simulator failure as an error line).
    fn command(&self, run: impl FnOnce(&mut Session) -> Result<Output, crate::sim::SimError>) -> Output {
        let mut out = Output::default();
        self.session.update_value(|s| {
            out = run(s).unwrap_or_else(|e| Output {
                stderr: format!("error: {e}\n"),
                exit_code: 1,
                ..Default::default()
            })
        });
        self.changed();
        out
    }

    /// A simulated-cluster setting (pod start time, failing images).
    pub fn set(&self, setting: Action) {
        self.session.update_value(|s| {
            let _ = s.set(setting);
        });
        self.changed();
    }

    /// One step: the next script command, controller action or pod transition.
    pub fn step(&self) -> Happened {
        let mut happened = Happened::Idle;
        self.session.update_value(|s| match s.step() {
            Ok(h) => happened = h,
            Err(e) => self.alert.set(Some(format!("simulation stopped: {e}"))),
        });
        self.changed();
        self.idle.set(happened == Happened::Idle);
        happened
    }

    pub fn step_back(&self) {
        self.playing.set(false);
        self.session.update_value(|s| {
            let _ = s.step_back();
        });
        self.clock
            .set(self.read(|s| s.cluster().now().0));
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

    pub fn seek(&self, ms: i64) {
        self.playing.set(false);
        self.session.update_value(|s| {
            let _ = s.seek_time(Time(ms));
        });
        // After changed(), which would show the cluster's time: the scrubbed
        // moment may lie between two actions.
        self.changed();
        self.clock
            .set(ms.max(self.read(|s| s.cluster().now().0)));
    }

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

    /// Play: move the shown clock by `real_ms` × speed and take every step
    /// that falls due; stops when nothing is left to happen.
    pub fn tick(&self, real_ms: i64) {
        if !self.playing.get_untracked() {
            return;
        }
        let percent = SPEEDS[self.speed.get_untracked().min(SPEEDS.len() - 1)];
        let target = self.clock.get_untracked() + real_ms * percent / 100;
        let mut steps = 0;
        loop {
            let next = self
                .session
                .try_update_value(|s| s.next_change_at())
                .flatten();
            match next {
                Some(t) if t.0 <= target && steps < 200 => {
                    steps += 1;
                    if self.step() == Happened::Idle {
                        // Something was due, yet nothing changed: the end, as below.
                        self.playing.set(false);
                        self.replay_if_looped();
                        return;
                    }
                }
                Some(_) => {
                    self.clock.set(target);
                    return;
                }
                None => {
                    self.playing.set(false);
                    self.replay_if_looped();
                    return;
                }
            }
        }
    }

    /// An embed with `loop`: after a rollout ends, a pause, then from the start again.
    fn replay_if_looped(&self) {
        const PAUSE: std::time::Duration = std::time::Duration::from_millis(1500);
        if !self.embed.with_value(|e| e.as_ref().is_some_and(|e| e.looped)) {
            return;
        }
        let h = *self;
        let ended = self.version.get_untracked();
        set_timeout(
            move || {
                // The reader may have taken over (pressed Play, Step or Reset) meanwhile.
                if !h.playing.get_untracked() && h.version.get_untracked() == ended {
                    h.reset();
                    h.playing.set(true);
                }
            },
            PAUSE,
        );
    }

    /// The Deployment's name in this session.
    pub fn deployment(&self) -> String {
        self.with(|s| s.deployment_name().to_string())
    }
}

/// localStorage key of the autosaved session (a share link without the page address).
pub const SAVE_KEY: &str = "rollout-lab/session";

fn page_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    Some(hash.strip_prefix('#')?.to_string()).filter(|l| !l.is_empty())
}

fn saved_session() -> Option<String> {
    window().local_storage().ok()??.get_item(SAVE_KEY).ok()?
}

fn store_session(link: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        // Full or forbidden storage (private mode): the fragment still holds it.
        let _ = storage.set_item(SAVE_KEY, link);
    }
}

/// localStorage key of the chosen UI language.
pub const LANG_KEY: &str = "rollout-lab/lang";

/// The saved choice, else the browser's preferred languages.
fn initial_lang() -> Lang {
    let saved = window().local_storage().ok().flatten().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let lang = match saved {
        Some(tag) => Lang::from_tags([tag.as_str()]),
        None => {
            let navigator = window().navigator();
            let preferred: Vec<String> = navigator
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .chain(navigator.language())
                .collect();
            Lang::from_tags(preferred.iter().map(String::as_str))
        }
    };
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    lang
}

fn load_preset(index: usize) -> Result<Session, String> {
    let preset = PRESETS.get(index).ok_or("no such preset")?;
    Session::new(preset.scenario()).map_err(|e| e.to_string())
}

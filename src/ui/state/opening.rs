//! The session a visit starts with (a share link, the autosave, an embed's
//! preset), links pasted into the address bar, Copy link, the embed code,
//! and the autosave itself.

use super::storage::{page_fragment, saved_session, store_session};
use super::{SimHandle, PRESETS};
use crate::i18n::{Msg, Source};
use crate::scenario::embed::Embed;
use crate::scenario::share::{self, View};
use leptos::prelude::*;

impl SimHandle {
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
                h.alert.set(Some(h.say(Msg::BadEmbedOption(&e))));
                h
            }
        }
    }

    /// An embed opens its share link, else its `scenario=` preset: never the
    /// visitor's own autosave, which it also never overwrites.
    fn embed_at_start(embed: Embed) -> SimHandle {
        let h = match (page_fragment(), &embed.scenario) {
            (Some(link), _) => SimHandle::opened(link, Source::EmbeddedLink, false),
            (None, Some(id)) => match PRESETS.iter().position(|p| p.id == id) {
                Some(preset) => SimHandle::new(preset),
                None => {
                    let h = SimHandle::new(0);
                    let ids = PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", ");
                    h.alert
                        .set(Some(h.say(Msg::UnknownScenario { id, ids: &ids })));
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
        let from_link = page_fragment().map(|link| (link, Source::SharedLink));
        let from_save = || saved_session().map(|link| (link, Source::SavedSession));
        match from_link.or_else(from_save) {
            None => SimHandle::new(0),
            Some((link, source)) => SimHandle::opened(link, source, true),
        }
    }

    /// The session of a link, or the default with an alert saying why not.
    /// `keep`: store it as the autosave (the page; never an embed).
    fn opened(link: String, source: Source, keep: bool) -> SimHandle {
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
                h.failed_to_open(source, &e);
                h
            }
        }
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
            Err(e) => self.failed_to_open(Source::SharedLink, &e),
        }
    }

    /// After a session was opened from a link or a save: its view options,
    /// its clock, and the Scenario menu on the preset it started from.
    fn show_opened(&self, view: View) {
        let (title, now) = self.read(|s| (s.scenario().title.clone(), s.cluster().now().0));
        let preset = PRESETS
            .iter()
            .position(|p| Some(p.title) == title.as_deref());
        self.preset.set(preset.unwrap_or(0));
        self.presenter.set(view.presenter);
        self.clock.set(view.clock_ms.map_or(now, |ms| ms.max(now)));
    }

    /// Says why a link or save could not be opened (the default is shown).
    fn failed_to_open(&self, source: Source, e: &share::ShareError) {
        let error = e.to_string();
        self.alert.set(Some(self.say(Msg::CouldNotOpen {
            source,
            error: &error,
        })));
    }

    /// The session as a link (no page address), with the moment shown.
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
        let href = page_href()?;
        let page = href.split('#').next().unwrap_or_default();
        Ok(format!("{page}#{link}"))
    }

    /// The full page (no `?embed`) opened on this session: the embed's
    /// "Open in Rollout Lab".
    pub fn full_page_link(&self) -> Result<String, String> {
        let link = self.link()?;
        let href = page_href()?;
        let page = href.split(['?', '#']).next().unwrap_or_default();
        Ok(format!("{page}#{link}"))
    }

    /// The iframe snippet that embeds this session: the preset by id, and
    /// the session's link when it has moved on from the preset.
    pub fn embed_code(&self) -> Result<String, String> {
        let preset = &PRESETS[self.preset.get_untracked().min(PRESETS.len() - 1)];
        let options = Embed {
            scenario: Some(preset.id.to_string()),
            ..Embed::default()
        };
        // The preset alone, unless the session moved on or did not start from it.
        let moved_on = self.read(|s| {
            !s.history().is_empty() || crate::scenario::presets::preset_of(s.scenario()).is_none()
        });
        let fragment = if moved_on {
            format!("#{}", self.link()?)
        } else {
            String::new()
        };
        let href = page_href()?;
        let page = href.split(['?', '#']).next().unwrap_or_default();
        Ok(format!(
            "<iframe src=\"{page}{}{fragment}\" title=\"Rollout Lab: {}\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\"></iframe>",
            options.to_query(),
            preset.title
        ))
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
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{link}")),
            );
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
}

/// The page's address.
fn page_href() -> Result<String, String> {
    window()
        .location()
        .href()
        .map_err(|_| "the page has no address".to_string())
}

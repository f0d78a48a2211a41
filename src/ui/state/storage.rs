//! What the page keeps between visits: the autosaved session (localStorage
//! and the address's fragment) and the chosen language.

use super::SimHandle;
use crate::i18n::Lang;
use leptos::prelude::*;

/// localStorage key of the autosaved session (a share link without the page address).
pub const SAVE_KEY: &str = "rollout-lab/session";
/// localStorage key of the chosen UI language.
pub const LANG_KEY: &str = "rollout-lab/lang";

/// The page address's fragment without its `#`, if any.
pub(super) fn page_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    Some(hash.strip_prefix('#')?.to_string()).filter(|l| !l.is_empty())
}

pub(super) fn saved_session() -> Option<String> {
    window().local_storage().ok()??.get_item(SAVE_KEY).ok()?
}

pub(super) fn store_session(link: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        // Full or forbidden storage (private mode): the fragment still holds it.
        let _ = storage.set_item(SAVE_KEY, link);
    }
}

/// The saved choice, else the browser's preferred languages.
pub(super) fn initial_lang() -> Lang {
    let saved = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
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
    mark_page_lang(lang);
    lang
}

/// `<html lang>`, for screen readers and fonts.
fn mark_page_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

impl SimHandle {
    /// Switches the UI language, remembered for the next visit.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        mark_page_lang(lang);
    }
}

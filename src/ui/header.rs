//! Title, the Scenario menu, the language, the presenter toggle and sharing
//! (what to try first is on the goal card, `goal_card.rs`).

use super::share::ShareLink;
use super::state::{SimHandle, PRESETS};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let h = SimHandle::expect();
    // Escape leaves presenter mode (a dialog or the shortcuts list closes first).
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape"
            && h.presenter.get_untracked()
            && !super::playback::typing()
            && document()
                .query_selector("[role=dialog]")
                .ok()
                .flatten()
                .is_none()
        {
            h.presenter.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <header class="header">
            <div class="header__title">
                <h1>"Rollout Lab"</h1>
            </div>
            <ScenarioMenu />
            <button
                type="button"
                class="toggle"
                aria-pressed=move || h.presenter.get().to_string()
                on:click=move |_| h.presenter.update(|p| *p = !*p)
            >
                {h.tr(Msg::PresenterMode)}
            </button>
            <LanguageMenu />
            <ShareLink />
        </header>
    }
}

/// The bundled scenarios; choosing one loads it from its start.
#[component]
fn ScenarioMenu() -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <label class="field scenario-menu">
            <span>{h.tr(Msg::Scenario)}</span>
            <select
                aria-label=h.tr(Msg::Scenario)
                prop:value=move || h.preset.get().to_string()
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        h.load(i);
                    }
                    // The choice is made: Space and the arrows drive playback again.
                    let _ = event_target::<web_sys::HtmlElement>(&ev).blur();
                }
            >
                {PRESETS
                    .iter()
                    .enumerate()
                    .map(|(i, preset)| view! { <option value=i.to_string()>{h.tr(Msg::Preset(preset))}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The UI's language; its accessible name stays "Language" in every language.
#[component]
fn LanguageMenu() -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <label class="field">
            <span>{h.tr(Msg::Language)}</span>
            <select
                aria-label="Language"
                prop:value=move || h.lang.get().tag()
                on:change=move |ev| h.set_lang(Lang::from_tags([event_target_value(&ev).as_str()]))
            >
                {Lang::ALL.into_iter().map(|lang| view! { <option value=lang.tag()>{lang.name()}</option> }).collect_view()}
            </select>
        </label>
    }
}

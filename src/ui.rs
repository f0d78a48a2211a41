//! The Leptos UI (wasm32 only): a projection of one `Session`. Every
//! component renders from `SimHandle` reads and acts through `SimHandle`
//! calls, which issue the same kubectl lines the console takes.

mod actions;
mod alert;
mod budget;
mod chart;
mod chart_plot;
mod chart_table;
mod console;
mod details;
mod dialog;
mod embed_title;
mod events;
mod export;
mod fencepost_hint;
mod goal_card;
mod header;
mod image;
mod lane;
mod lanes;
mod manifests;
mod nodes;
mod playback;
mod pod;
mod quota;
mod rolling_field;
mod rollout_status;
mod settings;
mod share;
mod sheets;
mod shortcuts;
pub mod state;
mod story;
mod tables;
mod timeline;
mod why;
mod yaml_view;

use crate::i18n::Msg;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
pub use state::SimHandle;

/// The root component, mounted on `<body>` by `src/main.rs`.
#[component]
pub fn App() -> impl IntoView {
    let handle = SimHandle::at_start();
    provide_context(handle);
    if let Some(embed) = handle.embed() {
        return view! { <EmbeddedApp console=embed.console readonly=embed.readonly /> }.into_any();
    }
    autosave(handle);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| handle.open_fragment());
    view! {
        <div
            class="app"
            class:app--presenter=move || handle.presenter.get()
            class:app--sheet-controls=move || handle.sheet.get() == Some(state::Sheet::Controls)
            class:app--sheet-details=move || handle.sheet.get() == Some(state::Sheet::Details)
        >
            <header::Header />
            <alert::Alert />
            <main class="layout">
                // The stage comes first: on a phone it is on top, on a wide screen in the middle.
                <section class="stage" aria-label=handle.tr(Msg::Stage)>
                    <goal_card::GoalCard />
                    <rollout_status::RolloutStatus />
                    <budget::BudgetView />
                    <nodes::Nodes />
                    <quota::Quota />
                    <lanes::Lanes />
                    <div class="stage__text">
                        <why::Why />
                        <story::Story />
                    </div>
                    <playback::Playback />
                    <chart::Chart />
                </section>
                <aside class="panel panel--controls" aria-label=handle.tr(Msg::Controls)>
                    <sheets::CloseSheet />
                    <settings::Settings />
                    <actions::Actions />
                    <export::Export />
                </aside>
                <details::Details />
            </main>
        </div>
    }
    .into_any()
}

/// The page in an iframe (`?embed`): lanes and playback, the console if
/// asked for, no page chrome. Its height goes to the parent page by
/// postMessage (src/ui/embed.js).
#[component]
fn EmbeddedApp(console: bool, readonly: bool) -> impl IntoView {
    let handle = SimHandle::expect();
    view! {
        <div class="app app--embed" class:app--presenter=move || handle.presenter.get()>
            <embed_title::EmbedTitle />
            <alert::Alert />
            <main class="embed" aria-label="Rollout Lab">
                <rollout_status::RolloutStatus />
                <budget::BudgetView />
                <nodes::Nodes />
                <lanes::Lanes />
                <playback::Playback />
                {console.then(|| view! { <console::Console readonly /> })}
            </main>
        </div>
    }
}

/// Saves the session (localStorage and the page's fragment) shortly after it
/// changes: at most one save per `AUTOSAVE_DELAY_MS` while a rollout plays.
fn autosave(handle: SimHandle) {
    const AUTOSAVE_DELAY_MS: u32 = 300;
    let pending = StoredValue::new(false);
    Effect::new(move |opened: Option<()>| {
        handle.track_changes();
        // The session as opened needs no save (and a fresh visit keeps a bare address).
        if opened.is_some() && !pending.get_value() {
            pending.set_value(true);
            Timeout::new(AUTOSAVE_DELAY_MS, move || {
                pending.set_value(false);
                handle.save();
            })
            .forget();
        }
    });
}

//! The Leptos UI (wasm32 only): a projection of one `Session`. Every
//! component renders from `SimHandle` reads and acts through `SimHandle`
//! calls, which issue the same kubectl lines the console takes.

mod actions;
mod alert;
mod chart;
mod console;
mod events;
mod gauges;
mod header;
mod lanes;
mod playback;
mod pod;
mod settings;
mod share;
pub mod state;
mod tables;
mod why;

use leptos::prelude::*;
pub use state::SimHandle;

/// The root component, mounted on `<body>` by `src/main.rs`.
#[component]
pub fn App() -> impl IntoView {
    let handle = SimHandle::from_location();
    provide_context(handle);
    view! {
        <div class="app" class:app--presenter=move || handle.presenter.get()>
            <header::Header />
            <alert::Alert />
            <main class="layout">
                <section class="panel panel--controls" aria-label="Controls">
                    <settings::Settings />
                    <actions::Actions />
                    <playback::Playback />
                </section>
                <section class="panel panel--cluster" aria-label="Cluster">
                    <gauges::Gauges />
                    <lanes::Lanes />
                    <why::Why />
                    <chart::Chart />
                </section>
                <section class="panel panel--text" aria-label="Text">
                    <console::Console />
                    <events::Events />
                    <tables::ReplicaSetTable />
                    <tables::HistoryTable />
                </section>
            </main>
        </div>
    }
}

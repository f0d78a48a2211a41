//! The text views beside the stage, one tab each: the kubectl console,
//! the Deployment's events, `kubectl get rs`, `kubectl rollout history` and
//! the Deployment's YAML. Every panel stays mounted (the console keeps its
//! draft); the ones not chosen are hidden.

use super::console::Console;
use super::events::Events;
use super::state::SimHandle;
use super::tables::{HistoryTable, ReplicaSetTable};
use super::yaml_view::YamlView;
use crate::i18n::Msg;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Console,
    Events,
    ReplicaSets,
    History,
    Yaml,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Console,
        Tab::Events,
        Tab::ReplicaSets,
        Tab::History,
        Tab::Yaml,
    ];

    fn id(self) -> &'static str {
        match self {
            Tab::Console => "console",
            Tab::Events => "events",
            Tab::ReplicaSets => "replicasets",
            Tab::History => "history",
            Tab::Yaml => "yaml",
        }
    }

    fn msg(self) -> Msg<'static> {
        match self {
            Tab::Console => Msg::ConsoleTab,
            Tab::Events => Msg::Events,
            Tab::ReplicaSets => Msg::ReplicaSets,
            Tab::History => Msg::HistoryTab,
            Tab::Yaml => Msg::YamlTab,
        }
    }
}

#[component]
pub fn Details() -> impl IntoView {
    let h = SimHandle::expect();
    let chosen = RwSignal::new(Tab::Console);
    let tabs = Tab::ALL.map(|tab| {
        view! {
            <button
                type="button"
                role="tab"
                class="tabs__tab"
                id=format!("tab-{}", tab.id())
                aria-controls=format!("panel-{}", tab.id())
                aria-selected=move || (chosen.get() == tab).to_string()
                on:click=move |_| chosen.set(tab)
            >
                {h.tr(tab.msg())}
            </button>
        }
    });
    let panel = move |tab: Tab, body: AnyView| {
        view! {
            <div
                role="tabpanel"
                class="tabs__panel"
                id=format!("panel-{}", tab.id())
                aria-labelledby=format!("tab-{}", tab.id())
                hidden=move || chosen.get() != tab
            >
                {body}
            </div>
        }
    };
    view! {
        <section class="details" aria-label=h.tr(Msg::Details)>
            <super::sheets::CloseSheet />
            <div class="tabs" role="tablist" aria-label=h.tr(Msg::Details)>{tabs}</div>
            {panel(Tab::Console, view! { <Console readonly=false /> }.into_any())}
            {panel(Tab::Events, view! { <Events /> }.into_any())}
            {panel(Tab::ReplicaSets, view! { <ReplicaSetTable /> }.into_any())}
            {panel(Tab::History, view! { <HistoryTable /> }.into_any())}
            {panel(Tab::Yaml, view! { <YamlView /> }.into_any())}
        </section>
    }
}

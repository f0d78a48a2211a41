//! The Story: each decision of the session so far (`Session::decisions`),
//! with its time and its explanation; the one the clock is at is marked.
//! "Why this step" beside it gives the numbers of the latest.

use super::state::SimHandle;
use super::why::explain_action;
use crate::i18n::{Lang, Msg};
use crate::scenario::Session;
use leptos::prelude::*;

/// The most entries drawn (the newest): a long session keeps the page light.
const MAX_ENTRIES: usize = 100;

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    /// The decision's position in the session's history.
    position: usize,
    time: String,
    text: String,
    current: bool,
}

fn entries(s: &Session, lang: Lang) -> Vec<Entry> {
    let decisions = s.decisions();
    let now = s.history().len();
    let skip = decisions.len().saturating_sub(MAX_ENTRIES);
    decisions[skip..]
        .iter()
        .map(|&k| {
            let time = crate::text::seconds(s.frames()[k].time.0, 1);
            Entry {
                position: k,
                time,
                text: explain_action(s, k - 1, lang).join(" "),
                current: k == now,
            }
        })
        .collect()
}

#[component]
pub fn Story() -> impl IntoView {
    let h = SimHandle::expect();
    let list = NodeRef::<leptos::html::Div>::new();
    let story = Memo::new(move |_| {
        let lang = h.lang.get();
        h.with(|s| entries(s, lang))
    });
    // The newest decision stays in view.
    Effect::new(move |_| {
        story.track();
        if let Some(list) = list.get() {
            list.set_scroll_top(list.scroll_height());
        }
    });
    view! {
        <section class="story">
            <h2>{h.tr(Msg::Story)}</h2>
            // Scrollable, so focusable (keyboard users scroll it too).
            <div class="story__log" role="log" aria-label=h.tr(Msg::Story) node_ref=list tabindex="0">
                <Show when=move || story.with(Vec::is_empty)>
                    <p class="muted story__empty">{h.tr(Msg::StoryEmpty)}</p>
                </Show>
                <ol class="story__list">
                <For each=move || story.get() key=|e| (e.position, e.text.clone(), e.current) let(entry)>
                    <li class="story__entry" class:story__entry--current=entry.current aria-current=entry.current.then_some("step")>
                        <span class="story__time">{format!("t = {} s", entry.time)}</span>
                        " "
                        {entry.text}
                    </li>
                </For>
                </ol>
            </div>
        </section>
    }
}

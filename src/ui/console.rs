//! The kubectl console: a textbox with history (Up/Down) and Tab
//! completion, and the output exactly as the runner records it.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::kubectl::complete::complete;
use crate::kubectl::Output;
use crate::scenario::{Action, Happened, Session};
use leptos::prelude::*;

/// `readonly`: the output only, no prompt (a doc page's embed).
#[component]
pub fn Console(readonly: bool) -> impl IntoView {
    let h = SimHandle::expect();
    let log = NodeRef::<leptos::html::Div>::new();
    // The newest output stays in view: after each change, the log scrolls to its end.
    Effect::new(move |_| {
        h.with(|s| s.history().len());
        if let Some(log) = log.get() {
            log.set_scroll_top(log.scroll_height());
        }
    });
    view! {
        <section class="console">
            <h2>"kubectl"</h2>
            <div role="log" aria-label=h.tr(Msg::KubectlOutput) class="console__log" node_ref=log tabindex="0">
                {move || h.with(Entry::all).into_iter().map(Entry::view).collect_view()}
            </div>
            <Show when=move || !readonly>
                <Prompt />
            </Show>
        </section>
    }
}

/// A command of the session (typed, clicked or scripted) and what it printed.
struct Entry {
    line: String,
    output: Output,
    scripted: bool,
}

impl Entry {
    fn all(s: &Session) -> Vec<Entry> {
        s.history()
            .iter()
            .filter_map(|(action, happened)| match (action, happened) {
                (
                    _,
                    Happened::Command {
                        line,
                        output,
                        scripted,
                        ..
                    },
                ) => Some(Entry {
                    line: line.clone(),
                    output: output.clone(),
                    scripted: *scripted,
                }),
                // Logged, not yet run (a replay stopped before it).
                (Action::Kubectl(line), _) => Some(Entry {
                    line: line.clone(),
                    output: Output::default(),
                    scripted: false,
                }),
                _ => None,
            })
            .collect()
    }

    fn view(self) -> impl IntoView {
        let command = crate::kubectl::shown_line(&self.line);
        view! {
            <div class="console__entry" class:console__entry--scripted=self.scripted>
                <pre class="console__command">{format!("$ kubectl {command}")}</pre>
                <pre class="console__stdout">{self.output.stdout}</pre>
                <pre class="console__stderr">{self.output.stderr}</pre>
            </div>
        }
    }
}

/// The prompt: Enter runs the line, Tab completes it, Up and Down browse the lines typed.
#[component]
fn Prompt() -> impl IntoView {
    let h = SimHandle::expect();
    let input = RwSignal::new(String::new());
    // Plain state, not a signal: nothing renders it.
    let typed = StoredValue::new(Typed::default());
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            let line = input.get_untracked().trim().to_string();
            if !line.is_empty() {
                typed.update_value(|typed| typed.push(line.clone()));
                input.set(String::new());
                h.console(&line);
            }
        }
        "Tab" => {
            ev.prevent_default();
            if let Some(done) = h.with(|s| complete(s.cluster(), &input.get_untracked())) {
                input.set(done);
            }
        }
        key @ ("ArrowUp" | "ArrowDown") => {
            ev.prevent_default();
            if let Some(line) = typed
                .try_update_value(|typed| typed.browse(key == "ArrowUp"))
                .flatten()
            {
                input.set(line);
            }
        }
        _ => {}
    };
    view! {
        <div class="console__prompt">
            <span aria-hidden="true">"$ kubectl"</span>
            <input
                type="text"
                aria-label="kubectl"
                autocomplete="off"
                spellcheck="false"
                placeholder="get pods"
                prop:value=input
                on:input=move |ev| input.set(event_target_value(&ev))
                on:keydown=on_key
            />
        </div>
    }
}

/// The console's own history of typed lines (the session's history also has scripted and clicked commands).
#[derive(Default)]
struct Typed {
    lines: Vec<String>,
    /// Index into `lines` while browsing them with Up/Down.
    browsing: Option<usize>,
}

impl Typed {
    fn push(&mut self, line: String) {
        self.lines.push(line);
        self.browsing = None;
    }

    /// One line back (`up`) or forward; past the newest, an empty line. `None` with nothing typed.
    fn browse(&mut self, up: bool) -> Option<String> {
        let count = self.lines.len();
        if count == 0 {
            return None;
        }
        self.browsing = match (up, self.browsing) {
            (true, None) => Some(count - 1),
            (true, Some(i)) => Some(i.saturating_sub(1)),
            (false, Some(i)) if i + 1 < count => Some(i + 1),
            _ => None,
        };
        Some(
            self.browsing
                .map(|i| self.lines[i].clone())
                .unwrap_or_default(),
        )
    }
}

//! The kubectl console: a textbox with history (Up/Down) and Tab
//! completion, and the output exactly as the runner records it.

use super::state::SimHandle;
use crate::kubectl::complete::complete;
use crate::scenario::{Action, Happened};
use leptos::prelude::*;

/// `readonly`: the output only, no prompt (a doc page's embed).
#[component]
pub fn Console(readonly: bool) -> impl IntoView {
    let h = SimHandle::expect();
    let input = RwSignal::new(String::new());
    // The lines typed, and where Up/Down is in them. Plain state, not signals: nothing renders it.
    let typed = StoredValue::new(Typed::default());
    let entries = move || {
        h.with(|s| {
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
                    ) => Some((line.clone(), output.clone(), *scripted)),
                    (Action::Kubectl(line), _) => Some((line.clone(), Default::default(), false)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            let line = input.get_untracked().trim().to_string();
            if line.is_empty() {
                return;
            }
            typed.update_value(|typed| {
                typed.lines.push(line.clone());
                typed.browsing = None;
            });
            input.set(String::new());
            h.console(&line);
        }
        "Tab" => {
            ev.prevent_default();
            let line = input.get_untracked();
            if let Some(done) = h.with(|s| complete(s.cluster(), &line)) {
                input.set(done);
            }
        }
        "ArrowUp" | "ArrowDown" => {
            ev.prevent_default();
            let key = ev.key();
            let line = typed.try_update_value(|typed| {
                let count = typed.lines.len();
                if count == 0 {
                    return None;
                }
                typed.browsing = match (key.as_str(), typed.browsing) {
                    ("ArrowUp", None) => Some(count - 1),
                    ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                    ("ArrowDown", Some(i)) if i + 1 < count => Some(i + 1),
                    _ => None,
                };
                Some(typed.browsing.map(|i| typed.lines[i].clone()).unwrap_or_default())
            });
            if let Some(Some(line)) = line {
                input.set(line);
            }
        }
        _ => {}
    };
    view! {
        <section class="console">
            <h2>"kubectl"</h2>
            <div role="log" aria-label=h.tr("kubectl output") class="console__log">
                {move || {
                    entries()
                        .into_iter()
                        .map(|(line, out, scripted)| {
                            view! {
                                <div class="console__entry" class:console__entry--scripted=scripted>
                                    <pre class="console__command">{format!("$ kubectl {line}")}</pre>
                                    <pre class="console__stdout">{out.stdout}</pre>
                                    <pre class="console__stderr">{out.stderr}</pre>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <Show when=move || !readonly>
            <div class="console__prompt">
                <span aria-hidden="true">"$ kubectl"</span>
                <input
                    type="text"
                    aria-label="kubectl"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="get pods"
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev))
                    on:keydown=on_key
                />
            </div>
            </Show>
        </section>
    }
}

/// The console's own history of typed lines (the session's history also has scripted and clicked commands).
#[derive(Default)]
struct Typed {
    lines: Vec<String>,
    /// Index into `lines` while browsing them with Up/Down.
    browsing: Option<usize>,
}

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
    // Index into the typed history while browsing it with Up/Down.
    let browsing = RwSignal::new(None::<usize>);
    let typed = RwSignal::new(Vec::<String>::new());
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
                        },
                    ) => Some((line.clone(), output.clone(), *scripted)),
                    (Action::Kubectl(line), _) => Some((line.clone(), Default::default(), false)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let submit = move || {
        let line = input.get_untracked().trim().to_string();
        if line.is_empty() {
            return;
        }
        typed.update(|t| t.push(line.clone()));
        browsing.set(None);
        input.set(String::new());
        h.console(&line);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => submit(),
        "Tab" => {
            ev.prevent_default();
            let line = input.get_untracked();
            if let Some(done) = h.with(|s| complete(s.cluster(), &line)) {
                input.set(done);
            }
        }
        "ArrowUp" | "ArrowDown" => {
            ev.prevent_default();
            let list = typed.get_untracked();
            if list.is_empty() {
                return;
            }
            let next = match (ev.key().as_str(), browsing.get_untracked()) {
                ("ArrowUp", None) => Some(list.len() - 1),
                ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                ("ArrowDown", Some(i)) if i + 1 < list.len() => Some(i + 1),
                _ => None,
            };
            browsing.set(next);
            input.set(next.map(|i| list[i].clone()).unwrap_or_default());
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

//! The keyboard shortcuts: shown as one line under the transport, and as a
//! list that `?` opens (Escape or Close shuts it). Space, → and ← themselves
//! are handled by `playback.rs`.

use super::state::SimHandle;
use crate::i18n::Msg;
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn Shortcuts() -> impl IntoView {
    let h = SimHandle::expect();
    let open = RwSignal::new(false);
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && open.get_untracked() {
            open.set(false);
        } else if e.key() == "?"
            && !super::playback::typing()
            && !(e.alt_key() || e.ctrl_key() || e.meta_key())
        {
            open.update(|o| *o = !*o);
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    let rows = [
        ("Space", Msg::KeyPlayPause),
        ("→", Msg::KeyStep),
        ("←", Msg::KeyStepBack),
        ("Shift+→", Msg::KeyFineStep),
        ("Shift+←", Msg::KeyFineStepBack),
        ("?", Msg::KeyShortcuts),
        ("Esc", Msg::KeyClose),
    ];
    view! {
        <p class="shortcuts__line muted">{h.tr(Msg::ShortcutsLine)}</p>
        <Show when=move || open.get()>
            <div class="shortcuts" role="dialog" aria-label=h.tr(Msg::KeyboardShortcuts)>
                <h2>{h.tr(Msg::KeyboardShortcuts)}</h2>
                <dl>
                    {rows
                        .into_iter()
                        .map(|(key, what)| view! { <dt><kbd>{key}</kbd></dt><dd>{h.tr(what)}</dd> })
                        .collect_view()}
                </dl>
                <p>{h.tr(Msg::KeyConsole)}</p>
                <button type="button" on:click=move |_| open.set(false)>{h.tr(Msg::Close)}</button>
            </div>
        </Show>
    }
}

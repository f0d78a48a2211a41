//! The manifest dialog: Import YAML, a real Deployment manifest pasted or
//! from a file and applied as `kubectl apply -f FILE` (the console shows the
//! command and what it printed); and `kubectl edit`'s editor, opened from
//! the console on the object as kubectl writes it.

use super::state::{Dialog, SimHandle};
use crate::i18n::Msg;
use crate::kubectl::apply::{edit_file, EDIT_HEADER};
use gloo_timers::callback::Timeout;
use leptos::html;
use leptos::prelude::*;

/// The dialog's text and what it knows about it; kept while it is closed.
#[derive(Clone, Copy)]
pub struct Editor {
    text: RwSignal<String>,
    /// The file as the editor opened it: saving sends only what changed since.
    opened: RwSignal<String>,
    /// The file the editor reopened on after a failed save (kubectl retries).
    reopened: RwSignal<Option<String>>,
    /// The file name `kubectl apply -f` is given.
    file: RwSignal<String>,
    /// What the last Apply or Save printed when it failed.
    error: RwSignal<Option<String>>,
}

impl Editor {
    /// The editor, loaded with the object whenever `kubectl edit` opens it.
    pub fn new(h: SimHandle) -> Editor {
        let editor = Editor {
            text: RwSignal::new(String::new()),
            opened: RwSignal::new(String::new()),
            reopened: RwSignal::new(None),
            file: RwSignal::new("manifest.yaml".into()),
            error: RwSignal::new(None),
        };
        Effect::new(move || match h.dialog.get() {
            Some(Dialog::Edit(name)) => {
                // Untracked: saving changes the session, and must not reset the editor.
                let file =
                    untrack(|| h.with(|s| edit_file(s.cluster(), &name))).unwrap_or_default();
                editor.opened.set(file.clone());
                editor.text.set(file);
                editor.reopened.set(None);
                editor.error.set(None);
            }
            // Import starts empty rather than on a file the editor left.
            Some(Dialog::Import) if editor.text.with_untracked(|t| t.starts_with(EDIT_HEADER)) => {
                editor.text.set(String::new())
            }
            _ => {}
        });
        editor
    }

    pub fn open_import(&self, h: SimHandle) {
        self.error.set(None);
        h.dialog.set(Some(Dialog::Import));
    }

    /// Apply (Import) or Save (edit): closes the dialog, or shows why not.
    fn submit(&self, h: SimHandle, editing: Option<String>) {
        let Some(name) = editing else {
            let out = h.apply_file(&self.file.get_untracked(), &self.text.get_untracked());
            self.error
                .set((out.exit_code != 0).then(|| out.stderr.trim_end().to_string()));
            if out.exit_code == 0 {
                h.dialog.set(None);
            }
            return;
        };
        let before = self.reopened.get_untracked();
        let saved = h.edit(
            &name,
            &self.opened.get_untracked(),
            &self.text.get_untracked(),
            before.as_deref(),
        );
        let said = saved.output.stderr.trim_end().to_string();
        match saved.reopened {
            // kubectl reopens the editor, the failures in the file's header.
            Some(file) => {
                self.text.set(file.clone());
                self.reopened.set(Some(file));
                self.error.set((!said.is_empty()).then_some(said));
            }
            // The edit is over; what kubectl printed is in the console (a failure also in the alert).
            None => {
                h.dialog.set(None);
                self.error.set(None);
                if saved.output.exit_code != 0 {
                    h.alert.set(Some(said));
                }
            }
        }
    }
}

#[component]
pub fn ManifestDialog(editor: Editor) -> impl IntoView {
    let h = SimHandle::expect();
    let Editor {
        text,
        file,
        error,
        reopened,
        ..
    } = editor;
    let editing = Memo::new(move |_| match h.dialog.get() {
        Some(Dialog::Edit(name)) => Some(name),
        _ => None,
    });
    let title = move || match editing.get() {
        Some(name) => format!("kubectl edit deployment/{name}"),
        None => h.t(Msg::ImportYaml).into_owned(),
    };
    let text_area = NodeRef::<html::Textarea>::new();
    // The focus and the caret at the top of the text, scrolled there, as an editor opens a file (a
    // screen reader announces the dialog; a reopened file's reasons are in its header). After a zero
    // timeout: the new text is drawn first, and setting a textarea's value moves its caret to the end.
    Effect::new(move || {
        reopened.track();
        if let Some(area) = text_area.get() {
            Timeout::new(0, move || {
                let _ = area.set_selection_range(0, 0);
                let _ = area.focus();
                area.set_scroll_top(0);
            })
            .forget();
        }
    });
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-label=title on:keydown=move |ev| if ev.key() == "Escape" { h.dialog.set(None) }>
            <h2>{title}</h2>
            <Show
                when=move || editing.with(Option::is_none)
                fallback=move || view! { <p class="muted">{h.tr(Msg::EditHelp)}</p> }
            >
                <p class="muted">{h.tr(Msg::ImportHelp)}</p>
                <label class="field">
                    <span>{h.tr(Msg::ManifestFile)}</span>
                    <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" on:change=move |ev| read_chosen_file(&ev, editor) />
                </label>
            </Show>
            <label class="field">
                <span>{h.tr(Msg::Manifest)}</span>
                <textarea
                    node_ref=text_area
                    class="dialog__text"
                    rows="14"
                    spellcheck="false"
                    prop:value=text
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        file.set("manifest.yaml".into());
                    }
                ></textarea>
            </label>
            <Show when=move || error.with(Option::is_some)>
                <pre class="dialog__error" role="alert">{move || error.get().unwrap_or_default()}</pre>
            </Show>
            <div class="dialog__buttons">
                <button type="button" class="primary" on:click=move |_| editor.submit(h, editing.get_untracked())>
                    {move || h.t(if editing.with(Option::is_some) { Msg::Save } else { Msg::Apply })}
                </button>
                <button type="button" on:click=move |_| h.dialog.set(None)>{h.tr(Msg::Cancel)}</button>
            </div>
        </div>
    }
}

/// The manifest file chosen in the dialog, read into the text (its name is `apply -f`'s).
fn read_chosen_file(ev: &leptos::ev::Event, editor: Editor) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(chosen) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let name = chosen.name();
    let done = Closure::once(move |ev: web_sys::ProgressEvent| {
        let content = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::FileReader>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.as_string());
        match content {
            Some(content) => {
                editor.text.set(content);
                editor.file.set(name);
                editor.error.set(None);
            }
            None => editor.error.set(Some(format!(
                "error: the file {} could not be read as text",
                crate::text::quoted(&name)
            ))),
        }
    });
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    done.forget(); // one small closure per chosen file
    let _ = reader.read_as_text(&chosen);
}

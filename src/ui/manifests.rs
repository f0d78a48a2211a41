//! Import YAML: a real Deployment manifest, pasted or from a file, applied
//! as `kubectl apply -f FILE` (the console shows the command and what it
//! printed). The same dialog is `kubectl edit`'s editor, opened from the
//! console with the object as kubectl writes it. Export YAML: the
//! Deployment and its ReplicaSets now, as `kubectl get -o yaml` prints them.

use super::export::download;
use super::state::{Dialog, SimHandle};
use crate::scenario::export;
use leptos::prelude::*;
use crate::text::quoted;

#[component]
pub fn Manifests() -> impl IntoView {
    let h = SimHandle::expect();
    // Closures, not memos: a memo per derived value costs 0.3 KB of gzip, and these are cheap.
    let editing = move || match h.dialog.get() {
        Some(Dialog::Edit(name)) => Some(name),
        _ => None,
    };
    let text = RwSignal::new(String::new());
    // The file as the editor opened it: saving sends only what changed since.
    let opened = RwSignal::new(String::new());
    // The file the editor reopened on after a failed save (kubectl retries).
    let reopened = RwSignal::new(None::<String>);
    let file = RwSignal::new(String::from("manifest.yaml"));
    let error = RwSignal::new(None::<String>);
    // When the dialog opens: the editor on the object as kubectl edit writes it, and the focus on the
    // text (a screen reader announces the dialog). One effect for both, and a RenderEffect (kept until the
    // component goes): the app's only `Effect`s would bring the framework's deferred-effect code.
    let effect = RenderEffect::new(move |_| {
        let dialog = h.dialog.get();
        match &dialog {
            Some(Dialog::Edit(name)) => {
                // Untracked: saving changes the session, and must not reset the editor.
                let file = untrack(|| h.with(|s| crate::kubectl::apply::edit_file(s.cluster(), name)));
                let file = file.unwrap_or_default();
                opened.set(file.clone());
                text.set(file);
                reopened.set(None);
                error.set(None);
            }
            // Import starts empty rather than on a file the editor left.
            Some(Dialog::Import) if text.get_untracked().starts_with(crate::kubectl::apply::EDIT_HEADER) => text.set(String::new()),
            _ => {}
        }
        if dialog.is_some() {
            focus_text_at_top();
        }
    });
    on_cleanup(move || drop(effect));
    let close = move || h.dialog.set(None);
    let apply = move |_| {
        let Some(name) = untrack(editing) else {
            let out = h.apply_file(&file.get_untracked(), &text.get_untracked());
            if out.exit_code == 0 {
                close();
                error.set(None);
            } else {
                error.set(Some(out.stderr.trim_end().to_string()));
            }
            return;
        };
        let before = reopened.get_untracked();
        let (out, reopen) = h.edit(&name, &opened.get_untracked(), &text.get_untracked(), before.as_deref());
        match reopen {
            // kubectl reopens the editor, the failures in the file's header.
            Some(file) => {
                text.set(file.clone());
                reopened.set(Some(file));
                focus_text_at_top();
                let said = out.stderr.trim_end();
                error.set((!said.is_empty()).then(|| said.to_string()));
            }
            // The edit is over; what kubectl printed is in the console (a failure also in the alert).
            None => {
                close();
                error.set(None);
                if out.exit_code != 0 {
                    h.alert.set(Some(out.stderr.trim_end().to_string()));
                }
            }
        }
    };
    let title = move || match editing() {
        Some(name) => format!("kubectl edit deployment/{name}"),
        None => h.t("Import YAML").to_string(),
    };
    let export_yaml = move |_| {
        let name = format!("{}.yaml", h.deployment());
        if let Err(e) = download(&name, "application/yaml", &h.with(export::manifests_yaml)) {
            h.alert.set(Some(format!("{}: {e}", h.lang.get_untracked().t("Could not export"))));
        }
    };
    let choose_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::{closure::Closure, JsCast};
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(chosen) = input.files().and_then(|f| f.get(0)) else { return };
        let Ok(reader) = web_sys::FileReader::new() else { return };
        let name = chosen.name();
        let done = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            let result = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::FileReader>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.as_string());
            match result {
                Some(content) => {
                    text.set(content);
                    file.set(name.clone());
                    error.set(None);
                }
                None => error.set(Some(format!("error: the file {name} could not be read as text", name = quoted(&name)))),
            }
        });
        reader.set_onload(Some(done.as_ref().unchecked_ref()));
        done.forget(); // one small closure per chosen file
        let _ = reader.read_as_text(&chosen);
    };
    view! {
        <div class="manifests">
            <button type="button" on:click=move |_| { error.set(None); h.dialog.set(Some(Dialog::Import)) }>{h.tr("Import YAML")}</button>
            <button type="button" on:click=export_yaml>{h.tr("Export YAML")}</button>
        </div>
        <Show when=move || h.dialog.get().is_some()>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-label=title
                on:keydown=move |ev| if ev.key() == "Escape" { close() }
            >
                <h2>{title}</h2>
                <Show
                    when=move || editing().is_none()
                    fallback=move || view! { <p class="muted">{h.tr("Edit the object and save it, as in kubectl edit's editor.")}</p> }
                >
                    <p class="muted">{h.tr("A Deployment manifest, applied as kubectl apply -f would.")}</p>
                    <label class="field">
                        <span>{h.tr("Manifest file")}</span>
                        <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" on:change=choose_file />
                    </label>
                </Show>
                <label class="field">
                    <span>{h.tr("Manifest")}</span>
                    <textarea
                        class="dialog__text"
                        rows="14"
                        spellcheck="false"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            file.set("manifest.yaml".into());
                        }
                    ></textarea>
                </label>
                <Show when=move || error.get().is_some()>
                    <pre class="dialog__error" role="alert">{move || error.get().unwrap_or_default()}</pre>
                </Show>
                <div class="dialog__buttons">
                    <button type="button" class="primary" on:click=apply>
                        {move || h.t(if editing().is_some() { "Save" } else { "Apply" })}
                    </button>
                    <button type="button" on:click=move |_| close()>{h.tr("Cancel")}</button>
                </div>
            </div>
        </Show>
    }
}

/// Puts the focus and the caret at the top of the dialog's text, scrolled there, as an editor opens a
/// file: a reopened file's reasons are in its header. Found by class, not a NodeRef (the app's only
/// NodeRef would cost 0.5 KB of gzip), after a zero timeout, when the dialog and its text are drawn.
fn focus_text_at_top() {
    set_timeout(
        || {
            use wasm_bindgen::JsCast;
            if let Ok(Some(area)) = document().query_selector(".dialog__text") {
                let area = area.unchecked_into::<web_sys::HtmlTextAreaElement>();
                let _ = area.set_selection_range(0, 0);
                let _ = area.focus();
                area.set_scroll_top(0);
            }
        },
        std::time::Duration::ZERO,
    );
}

//! Import YAML and Export YAML. Import opens the manifest dialog
//! (`dialog.rs`), which is also `kubectl edit`'s editor; Export YAML
//! downloads the Deployment and its ReplicaSets now, as `kubectl get -o yaml`
//! prints them.

use super::dialog::{Editor, ManifestDialog};
use super::export::download;
use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::export;
use leptos::prelude::*;

#[component]
pub fn Manifests() -> impl IntoView {
    let h = SimHandle::expect();
    // Outside the dialog: a draft stays while the dialog is closed.
    let editor = Editor::new(h);
    let export_yaml = move |_| {
        let name = format!("{}.yaml", h.deployment());
        if let Err(e) = download(&name, "application/yaml", &h.with(export::manifests_yaml)) {
            h.alert.set(Some(h.say(Msg::CouldNotExport(&e))));
        }
    };
    view! {
        <div class="manifests">
            <button type="button" on:click=move |_| editor.open_import(h)>{h.tr(Msg::ImportYaml)}</button>
            <button type="button" on:click=export_yaml>{h.tr(Msg::ExportYaml)}</button>
        </div>
        <Show when=move || h.dialog.with(Option::is_some)>
            <ManifestDialog editor />
        </Show>
    }
}

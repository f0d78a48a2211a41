//! Export the run: the scenario file (for `rollout run`), the events as
//! text, the chart as SVG, and a shell script of the kubectl commands.
//! Each button downloads a file made by `scenario::export`.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::export;
use crate::scenario::Session;
use leptos::prelude::*;

/// One Export button: its label, the file it downloads and how that is made.
struct Exporter {
    label: Msg<'static>,
    /// The file name after the Deployment's name.
    suffix: &'static str,
    mime: &'static str,
    make: fn(&Session) -> Result<String, String>,
}

static EXPORTS: [Exporter; 4] = [
    Exporter {
        label: Msg::ExportScenario,
        suffix: "scenario.json",
        mime: "application/json",
        make: |s| export::scenario_file(s).map_err(|e| e.to_string()),
    },
    Exporter {
        label: Msg::ExportEvents,
        suffix: "events.txt",
        mime: "text/plain",
        make: |s| Ok(export::events_text(s)),
    },
    Exporter {
        label: Msg::ExportChart,
        suffix: "chart.svg",
        mime: "image/svg+xml",
        make: |s| Ok(export::chart_svg(s)),
    },
    Exporter {
        label: Msg::ExportShellScript,
        suffix: "lesson.sh",
        mime: "text/x-shellscript",
        make: |s| Ok(export::shell_script(s)),
    },
];

#[component]
pub fn Export() -> impl IntoView {
    let h = SimHandle::expect();
    let button = move |exporter: &'static Exporter| {
        let click = move |_| {
            let name = format!("{}-{}", h.deployment(), exporter.suffix);
            match h
                .with(exporter.make)
                .and_then(|text| download(&name, exporter.mime, &text))
            {
                Ok(()) => h.alert.set(None),
                Err(e) => h.alert.set(Some(h.say(Msg::CouldNotExport(&e)))),
            }
        };
        view! { <button type="button" on:click=click>{h.tr(exporter.label)}</button> }
    };
    view! {
        <fieldset class="export">
            <legend>{h.tr(Msg::ImportAndExport)}</legend>
            <super::manifests::Manifests />
            <div class="export__buttons">{EXPORTS.iter().map(button).collect_view()}</div>
        </fieldset>
    }
}

/// Saves text as a file: a Blob behind a temporary link with `download`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::{JsCast, JsValue};
    let fail = |_| "the browser refused the download".to_string();
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

//! Export the run: the scenario file (for `rollout run`), the events as
//! text, the chart as SVG, and a shell script of the kubectl commands.
//! Each button downloads a file made by `scenario::export`.

use super::state::SimHandle;
use crate::scenario::export;
use crate::scenario::Session;
use leptos::prelude::*;

/// What a button exports: a file name suffix, its MIME type, and how it is made.
type Maker = fn(&Session) -> Result<String, String>;

const EXPORTS: [(&str, &str, &str, Maker); 4] = [
    ("Export scenario", "scenario.json", "application/json", |s| {
        export::scenario_file(s).map_err(|e| e.to_string())
    }),
    ("Export events", "events.txt", "text/plain", |s| Ok(export::events_text(s))),
    ("Export chart", "chart.svg", "image/svg+xml", |s| Ok(export::chart_svg(s))),
    ("Export shell script", "lesson.sh", "text/x-shellscript", |s| Ok(export::shell_script(s))),
];

#[component]
pub fn Export() -> impl IntoView {
    let h = SimHandle::expect();
    view! {
        <fieldset class="export">
            <legend>{h.tr("Import and export")}</legend>
            <super::manifests::Manifests />
            <div class="export__buttons">
                {EXPORTS
                    .iter()
                    .map(|&(label, suffix, mime, make)| {
                        let click = move |_| {
                            let name = format!("{}-{suffix}", h.deployment());
                            match h.with(make).and_then(|text| download(&name, mime, &text)) {
                                Ok(()) => h.alert.set(None),
                                Err(e) => h.alert.set(Some(format!("{}: {e}", h.lang.get_untracked().t("Could not export")))),
                            }
                        };
                        view! { <button type="button" on:click=click>{move || h.t(label)}</button> }
                    })
                    .collect_view()}
            </div>
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

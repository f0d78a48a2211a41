//! Rollout actions: pause, resume, undo (optionally to a revision), restart.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::kubectl::rollout::history::history_info;
use leptos::prelude::*;

#[component]
pub fn Actions() -> impl IntoView {
    let h = SimHandle::expect();
    let to_revision = RwSignal::new(String::new());
    // The revisions `rollout undo --to-revision` can go to, with their images.
    let revisions = move || {
        h.with(|s| {
            history_info(s.cluster(), s.deployment_name())
                .into_iter()
                .map(|(revision, template)| (revision, template.first_image().to_string()))
                .collect::<Vec<_>>()
        })
    };
    let run = move |verb: &str| {
        let d = h.deployment();
        let line = match verb {
            "undo" => match to_revision.get_untracked().as_str() {
                "" => format!("rollout undo deployment/{d}"),
                r => format!("rollout undo deployment/{d} --to-revision={r}"),
            },
            other => format!("rollout {other} deployment/{d}"),
        };
        h.kubectl(&line);
    };
    view! {
        <fieldset class="actions">
            <legend>{h.tr(Msg::Rollout)}</legend>
            <button type="button" on:click=move |_| run("pause")>{h.tr(Msg::PauseRollout)}</button>
            <button type="button" on:click=move |_| run("resume")>{h.tr(Msg::ResumeRollout)}</button>
            <div class="actions__undo">
                <button type="button" on:click=move |_| run("undo")>{h.tr(Msg::Undo)}</button>
                <select aria-label=h.tr(Msg::ToRevision) on:change=move |ev| to_revision.set(event_target_value(&ev))>
                    <option value="">{h.tr(Msg::PreviousRevision)}</option>
                    {move || {
                        revisions()
                            .into_iter()
                            .map(|(r, image)| {
                                let label = h.t(Msg::Revision { revision: &r.to_string(), image: &image });
                                view! { <option value=r.to_string()>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="button" on:click=move |_| run("restart")>{h.tr(Msg::Restart)}</button>
        </fieldset>
    }
}

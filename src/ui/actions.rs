//! Rollout actions: pause, resume, undo (optionally to a revision), restart.

use super::state::SimHandle;
use leptos::prelude::*;

#[component]
pub fn Actions() -> impl IntoView {
    let h = SimHandle::expect();
    let to_revision = RwSignal::new(String::new());
    let revisions = move || {
        h.with(|s| {
            let mut revs: Vec<i64> = s
                .cluster()
                .replica_sets_of(s.deployment_name())
                .iter()
                .filter_map(|rs| rs.revision().ok())
                .collect();
            revs.sort();
            revs.dedup();
            revs
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
            <legend>{h.tr("Rollout")}</legend>
            <button type="button" on:click=move |_| run("pause")>{h.tr("Pause rollout")}</button>
            <button type="button" on:click=move |_| run("resume")>{h.tr("Resume rollout")}</button>
            <div class="actions__undo">
                <button type="button" on:click=move |_| run("undo")>{h.tr("Undo")}</button>
                <select aria-label=h.tr("To revision") on:change=move |ev| to_revision.set(event_target_value(&ev))>
                    <option value="">{h.tr("previous revision")}</option>
                    {move || {
                        revisions()
                            .into_iter()
                            .map(|r| view! { <option value=r.to_string()>{move || if h.lang.get() == crate::i18n::Lang::Zh { format!("版本 {r}") } else { format!("revision {r}") }}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="button" on:click=move |_| run("restart")>{h.tr("Restart")}</button>
        </fieldset>
    }
}

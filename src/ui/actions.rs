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
            crate::sort::sort(&mut revs);
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
            <legend>{move || h.t("Rollout")}</legend>
            <button type="button" on:click=move |_| run("pause")>{move || h.t("Pause rollout")}</button>
            <button type="button" on:click=move |_| run("resume")>{move || h.t("Resume rollout")}</button>
            <div class="actions__undo">
                <button type="button" on:click=move |_| run("undo")>{move || h.t("Undo")}</button>
                <select aria-label=move || h.t("To revision") on:change=move |ev| to_revision.set(event_target_value(&ev))>
                    <option value="">{move || h.t("previous revision")}</option>
                    {move || {
                        revisions()
                            .into_iter()
                            .map(|r| view! { <option value=r.to_string()>{move || if h.lang.get() == crate::i18n::Lang::Zh { format!("版本 {r}") } else { format!("revision {r}") }}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="button" on:click=move |_| run("restart")>{move || h.t("Restart")}</button>
        </fieldset>
    }
}

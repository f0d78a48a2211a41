//! Title, the Scenario menu, the language, the presenter toggle and sharing.

use super::share::ShareLink;
use super::state::{SimHandle, PRESETS};
use crate::i18n::{Lang, LANGUAGES};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let h = SimHandle::expect();
    let hint = move || {
        h.with(|s| {
            let d = s.deployment_name().to_string();
            let container = s.cluster().deployment(&d).and_then(|d| d.spec.template.spec.containers.first().map(|c| c.name.clone())).unwrap_or_default();
            match (h.lang.get(), s.script_remaining()) {
                (Lang::En, 0) => format!("Try kubectl set image deployment/{d} {container}=test_web:v2, or type test_web:v2 in Image and press Set image."),
                (Lang::Zh, 0) => format!("试试 kubectl set image deployment/{d} {container}=test_web:v2，或在“镜像”中填入 test_web:v2 再点击“设置镜像”。"),
                (Lang::En, n) => format!("This scenario has {n} scripted steps: press Play or Step."),
                (Lang::Zh, n) => format!("此场景有 {n} 个脚本步骤：按“播放”或“单步”。"),
            }
        })
    };
    view! {
        <header class="header">
            <div class="header__title">
                <h1>"Rollout Lab"</h1>
                <p class="header__hint">{hint}</p>
            </div>
            <label class="field">
                <span>{h.tr("Scenario")}</span>
                <select
                    aria-label=h.tr("Scenario")
                    prop:value=move || h.preset.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            h.load(i);
                        }
                    }
                >
                    {PRESETS
                        .iter()
                        .enumerate()
                        .map(|(i, p)| view! { <option value=i.to_string()>{move || h.t(p.title)}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                class="toggle"
                aria-pressed=move || h.presenter.get().to_string()
                on:click=move |_| h.presenter.update(|p| *p = !*p)
            >
                {h.tr("Presenter mode")}
            </button>
            <label class="field">
                <span>{move || if h.lang.get() == Lang::En { "Language" } else { "语言 Language" }}</span>
                <select
                    aria-label="Language"
                    prop:value=move || h.lang.get().tag()
                    on:change=move |ev| h.set_lang(Lang::from_tags([event_target_value(&ev).as_str()]))
                >
                    {LANGUAGES.iter().map(|(_, tag, name)| view! { <option value=*tag>{*name}</option> }).collect_view()}
                </select>
            </label>
            <ShareLink />
        </header>
    }
}

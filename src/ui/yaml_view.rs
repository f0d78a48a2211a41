//! The Deployment as `kubectl get deployment NAME -o yaml` prints it now.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::export::deployment_yaml;
use leptos::prelude::*;

#[component]
pub fn YamlView() -> impl IntoView {
    let h = SimHandle::expect();
    let yaml = Memo::new(move |_| h.with(deployment_yaml));
    view! {
        <section class="yaml-view">
            <h2><code>{move || format!("kubectl get deployment {} -o yaml", h.deployment())}</code></h2>
            <pre class="yaml-view__text" tabindex="0" aria-label=h.tr(Msg::DeploymentYaml)>{yaml}</pre>
        </section>
    }
}

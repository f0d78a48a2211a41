//! Budget gauges: pods against replicas + maxSurge, available pods against
//! replicas − maxUnavailable, with the resolved numbers and their rounding.

use super::state::SimHandle;
use crate::sim::deployment::util::{max_surge, max_unavailable};
use crate::sim::why::Fencepost;
use crate::i18n::Lang;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Budget {
    replicas: i32,
    surge: i32,
    unavailable: i32,
    pods: i32,
    terminating: i32,
    available: i32,
    surge_text: String,
    unavailable_text: String,
}

#[component]
pub fn Gauges() -> impl IntoView {
    let h = SimHandle::expect();
    // A closure, not a memo: the sums are cheap, and a memo of this type costs 0.4 KB of gzip.
    let budget = move || {
        h.with(|s| {
            let c = s.cluster();
            let d = c.deployment(s.deployment_name())?;
            let rss = c.replica_sets_of(s.deployment_name());
            let recreate = !d.is_rolling_update();
            let lang = h.lang.get();
            Some(Budget {
                replicas: d.replicas(),
                surge: max_surge(d),
                unavailable: max_unavailable(d),
                pods: rss.iter().map(|rs| rs.status.replicas).sum(),
                terminating: rss
                    .iter()
                    .map(|rs| rs.status.terminating_replicas.unwrap_or(0))
                    .sum(),
                available: d.status.available_replicas,
                surge_text: if recreate {
                    lang.t("Recreate: no surge").into()
                } else {
                    Fencepost::of(d, true).describe_in(true, lang)
                },
                unavailable_text: if recreate {
                    lang.t("Recreate: every replica must be available").into()
                } else {
                    Fencepost::of(d, false).describe_in(false, lang)
                },
            })
        })
    };
    let b = move || {
        budget().unwrap_or(Budget {
            replicas: 0,
            surge: 0,
            unavailable: 0,
            pods: 0,
            terminating: 0,
            available: 0,
            surge_text: String::new(),
            unavailable_text: String::new(),
        })
    };
    view! {
        <div class="gauges">
            <div class="gauge">
                <label>
                    <span class="gauge__title">
                        {move || {
                            let b = b();
                            match h.lang.get() {
                                Lang::En => format!("Total pods {} of at most {} (replicas {} + maxSurge {})", b.pods, b.replicas + b.surge, b.replicas, b.surge),
                                Lang::Zh => format!("Pod 总数 {}，上限 {}（replicas {} + maxSurge {}）", b.pods, b.replicas + b.surge, b.replicas, b.surge),
                            }
                        }}
                    </span>
                    <meter
                        aria-label=h.tr("Total pods")
                        min="0"
                        max=move || (b().replicas + b().surge).max(1).to_string()
                        high=move || b().replicas.to_string()
                        value=move || b().pods.to_string()
                    ></meter>
                </label>
                <p class="gauge__note">
                    {move || {
                        let b = b();
                        match h.lang.get() {
                            Lang::En => format!("maxSurge: {}. Terminating pods ({}) are outside the budget.", b.surge_text, b.terminating),
                            Lang::Zh => format!("maxSurge：{}。终止中的 Pod（{} 个）不计入预算。", b.surge_text, b.terminating),
                        }
                    }}
                </p>
            </div>
            <div class="gauge">
                <label>
                    <span class="gauge__title">
                        {move || {
                            let b = b();
                            match h.lang.get() {
                                Lang::En => format!("Available pods {} of at least {} (replicas {} − maxUnavailable {})", b.available, b.replicas - b.unavailable, b.replicas, b.unavailable),
                                Lang::Zh => format!("可用 Pod {}，下限 {}（replicas {} − maxUnavailable {}）", b.available, b.replicas - b.unavailable, b.replicas, b.unavailable),
                            }
                        }}
                    </span>
                    <meter
                        aria-label=h.tr("Available pods")
                        min="0"
                        max=move || b().replicas.max(1).to_string()
                        low=move || (b().replicas - b().unavailable).to_string()
                        optimum=move || b().replicas.to_string()
                        value=move || b().available.to_string()
                    ></meter>
                </label>
                <p class="gauge__note">
                    {move || match h.lang.get() {
                        Lang::En => format!("maxUnavailable: {}.", b().unavailable_text),
                        Lang::Zh => format!("maxUnavailable：{}。", b().unavailable_text),
                    }}
                </p>
            </div>
        </div>
    }
}

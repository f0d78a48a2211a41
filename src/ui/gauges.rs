//! Budget gauges: pods against replicas + maxSurge, available pods against
//! replicas − maxUnavailable, with the resolved numbers and their rounding.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::Session;
use crate::sim::deployment::util::{max_surge, max_unavailable};
use crate::sim::why::Fencepost;
use leptos::prelude::*;

/// The numbers both gauges show.
#[derive(Clone, Debug, Default, PartialEq)]
struct Budget {
    replicas: i32,
    surge: i32,
    unavailable: i32,
    pods: i32,
    terminating: i32,
    available: i32,
    /// maxSurge and maxUnavailable as written; `None` for Recreate.
    surge_spec: Option<Fencepost>,
    unavailable_spec: Option<Fencepost>,
}

impl Budget {
    fn of(s: &Session) -> Option<Budget> {
        let c = s.cluster();
        let d = c.deployment(s.deployment_name())?;
        let rss = c.replica_sets_of(s.deployment_name());
        let rolling = d.is_rolling_update();
        Some(Budget {
            replicas: d.replicas(),
            surge: max_surge(d),
            unavailable: max_unavailable(d),
            pods: rss.iter().map(|rs| rs.status.replicas).sum(),
            terminating: rss.iter().map(|rs| rs.status.terminating_replicas.unwrap_or(0)).sum(),
            available: d.status.available_replicas,
            surge_spec: rolling.then(|| Fencepost::of(d, true)),
            unavailable_spec: rolling.then(|| Fencepost::of(d, false)),
        })
    }

    /// No Deployment (deleted): nothing counted, nothing set.
    fn none() -> Budget {
        let not_set = Some(Fencepost::Absent);
        Budget { surge_spec: not_set, unavailable_spec: not_set, ..Budget::default() }
    }
}

#[component]
pub fn Gauges() -> impl IntoView {
    let h = SimHandle::expect();
    let b = Memo::new(move |_| h.with(Budget::of).unwrap_or_else(Budget::none));
    let number = move |f: fn(&Budget) -> i32| move || b.with(f).to_string();
    view! {
        <div class="gauges">
            <div class="gauge">
                <label>
                    <span class="gauge__title">
                        {move || b.with(|b| h.t(Msg::PodsOfAtMost { pods: b.pods, replicas: b.replicas, surge: b.surge }))}
                    </span>
                    <meter
                        aria-label=h.tr(Msg::TotalPods)
                        min="0"
                        max=number(|b| (b.replicas + b.surge).max(1))
                        high=number(|b| b.replicas)
                        value=number(|b| b.pods)
                    ></meter>
                </label>
                <p class="gauge__note">
                    {move || b.with(|b| h.t(Msg::SurgeNote { spec: b.surge_spec, terminating: b.terminating }))}
                </p>
            </div>
            <div class="gauge">
                <label>
                    <span class="gauge__title">
                        {move || b.with(|b| h.t(Msg::AvailableOfAtLeast { available: b.available, replicas: b.replicas, unavailable: b.unavailable }))}
                    </span>
                    <meter
                        aria-label=h.tr(Msg::AvailablePods)
                        min="0"
                        max=number(|b| b.replicas.max(1))
                        low=number(|b| b.replicas - b.unavailable)
                        optimum=number(|b| b.replicas)
                        value=number(|b| b.available)
                    ></meter>
                </label>
                <p class="gauge__note">{move || b.with(|b| h.t(Msg::UnavailableNote { spec: b.unavailable_spec }))}</p>
            </div>
        </div>
    }
}

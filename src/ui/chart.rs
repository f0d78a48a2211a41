//! Replicas of each ReplicaSet and available pods over simulated time (SVG),
//! with the current moment marked.

use super::state::SimHandle;
use crate::scenario::export::{chart, CHART_H as H, CHART_W as W};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Chart() -> impl IntoView {
    let h = SimHandle::expect();
    let data = Memo::new(move |_| h.with(|s| chart(s.frames())));
    let now_x = move || crate::text::one_decimal(h.clock.get() as f64 / data.with(|c| c.end_ms) as f64 * W);
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", W as i64, H as i64) role="img" aria-label=h.tr(Msg::ChartLabel) preserveAspectRatio="none">
                {move || {
                    data.get()
                        .lines
                        .into_iter()
                        .map(|line| {
                            let dashed = line.dashed;
                            view! {
                                <polyline points=line.points fill="none" stroke=line.colour stroke-width=if dashed { "2.5" } else { "2" } stroke-dasharray=if dashed { "6 4" } else { "" }>
                                    <title>{if line.dashed { h.t(Msg::Available).into_owned() } else { line.name }}</title>
                                </polyline>
                            }
                        })
                        .collect_view()
                }}
                <line x1=now_x x2=now_x y1="0" y2=(H as i64).to_string() class="chart__now"></line>
            </svg>
            <figcaption>
                {move || {
                    data.get()
                        .lines
                        .into_iter()
                        .map(|line| {
                            let name = if line.dashed { h.t(Msg::Available).into_owned() } else { line.name };
                            view! { <span class="chart__key"><span class="chart__swatch" style:background=line.colour></span>{name}</span> }
                        })
                        .collect_view()
                }}
            </figcaption>
        </figure>
    }
}

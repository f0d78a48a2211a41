//! "Pods over time" (`scenario::chart::PodsChart`) as SVG: seconds and
//! whole pods on the axes, each revision's available pods stacked with its
//! unavailable ones hatched above, the budgets as labelled lines, and the
//! playhead, which drags like the Timeline. "View as table" shows the data.
//! The drawing is `chart_plot.rs`.

use super::chart_table::ChartTable;
use super::state::SimHandle;
use crate::api::keys;
use crate::i18n::Msg;
use crate::scenario::chart::PodsChart;
use leptos::prelude::*;

use super::chart_plot::{ChartPlot, Scale, H, PALETTE, W};

#[component]
pub fn Chart() -> impl IntoView {
    let h = SimHandle::expect();
    // The right edge moves in whole seconds: while playing, the chart is
    // rebuilt once a simulated second (or when the session changes), not on
    // every tick.
    let edge = Memo::new(move |_| (h.clock.get() + 999) / 1000 * 1000);
    let data = Memo::new(move |_| {
        let edge = edge.get();
        h.with(|s| PodsChart::of(s.frames(), edge))
    });
    // "rev 2 · test_web:v2" for each ReplicaSet still there; its name otherwise.
    let names = Memo::new(move |_| {
        let lang = h.lang.get();
        let sets = data.with(|c| c.replica_sets.clone());
        h.with(|s| {
            let c = s.cluster();
            sets.iter()
                .map(|name| match c.replica_set(name) {
                    Some(rs) => lang
                        .say(Msg::Revision {
                            revision: rs.metadata.annotation(keys::REVISION).unwrap_or(""),
                            image: &rs.spec.template.images(),
                        })
                        .into_owned(),
                    None => name.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let table = RwSignal::new(false);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    // The playhead drags like the Timeline: a press or a drag on the chart moves the clock there.
    let scrub = move |ev: leptos::ev::PointerEvent| {
        if ev.buttons() & 1 == 0 {
            return;
        }
        let Some(svg) = svg.get() else { return };
        let rect = svg.get_bounding_client_rect();
        let at = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * W;
        let ms = data.with(|c| Scale::of(c).time_at(at));
        h.seek(ms / 100 * 100);
    };
    let legend = move || {
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, name)| view! { <span class="chart__key"><span class=format!("chart__swatch chart__rs--{}", i % PALETTE)></span>{name}</span> })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <svg
                node_ref=svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-label=h.tr(Msg::ChartLabel)
                on:pointerdown=move |ev| {
                    if let Some(svg) = svg.get() {
                        let _ = svg.set_pointer_capture(ev.pointer_id());
                    }
                    scrub(ev);
                }
                on:pointermove=scrub
            >
                <defs>
                    {(0..PALETTE)
                        .map(|i| {
                            view! {
                                <pattern id=format!("chart-hatch-{i}") class=format!("chart__rs--{i}") width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                    <rect width="6" height="6" class="chart__hatch-ground"></rect>
                                    <line x1="0" y1="0" x2="0" y2="6" class="chart__hatch-line"></line>
                                </pattern>
                            }
                        })
                        .collect_view()}
                </defs>
                <ChartPlot data />
            </svg>
            <figcaption>
                {legend}
                <span class="chart__key"><span class="chart__swatch chart__swatch--hatched"></span>{h.tr(Msg::NotYetAvailable)}</span>
                <button type="button" class="chart__toggle" aria-pressed=move || table.get().to_string() on:click=move |_| table.update(|t| *t = !*t)>
                    {h.tr(Msg::ViewAsTable)}
                </button>
            </figcaption>
            <Show when=move || table.get()>
                <ChartTable data names />
            </Show>
        </figure>
    }
}

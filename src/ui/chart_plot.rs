//! The drawing of "Pods over time" inside its SVG (`chart.rs` holds the
//! figure): axes with ticks, the stacked bands, the budget lines with their
//! labels, and the playhead.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::chart::{Band, PodsChart};
use leptos::prelude::*;

pub const W: f64 = 640.0;
pub const H: f64 = 220.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 84.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;
/// Revisions take these colours in turn (style/app.css: `.chart__rs--N`).
pub const PALETTE: usize = 6;

/// Maps the chart's data onto the SVG box.
#[derive(Clone, Copy)]
pub struct Scale {
    end_ms: i64,
    top: i32,
}

impl Scale {
    pub fn of(c: &PodsChart) -> Scale {
        Scale {
            end_ms: c.end_ms,
            top: c.top,
        }
    }

    /// The time at `x` in the SVG box (the playhead being dragged), within the chart.
    pub fn time_at(self, x: f64) -> i64 {
        ((x - LEFT) / (W - LEFT - RIGHT) * self.end_ms as f64).clamp(0.0, self.end_ms as f64) as i64
    }

    fn x(self, ms: i64) -> f64 {
        LEFT + ms as f64 / self.end_ms as f64 * (W - LEFT - RIGHT)
    }
    fn y(self, pods: i32) -> f64 {
        TOP + (1.0 - f64::from(pods) / f64::from(self.top.max(1))) * (H - TOP - BOTTOM)
    }
}

fn num(v: f64) -> String {
    crate::text::one_decimal(v)
}

/// A step function's points from each step's time on, held to the right edge.
fn step_points(scale: Scale, steps: impl Iterator<Item = (i64, i32)>) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for (t, v) in steps {
        let (x, y) = (scale.x(t), scale.y(v));
        if let Some(&(_, last_y)) = points.last() {
            points.push((x, last_y));
        }
        points.push((x, y));
    }
    if let Some(&(_, last_y)) = points.last() {
        points.push((scale.x(scale.end_ms), last_y));
    }
    points
}

fn band_polygon(scale: Scale, band: &Band) -> String {
    let upper = step_points(scale, band.steps.iter().map(|&(t, _, high)| (t, high)));
    let lower = step_points(scale, band.steps.iter().map(|&(t, low, _)| (t, low)));
    upper
        .iter()
        .chain(lower.iter().rev())
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn ChartPlot(data: Memo<PodsChart>) -> impl IntoView {
    let h = SimHandle::expect();
    let plot = move || {
        let c = data.get();
        let scale = Scale::of(&c);
        let count = c.replica_sets.len().max(1);
        let bands = c
            .bands
            .iter()
            .enumerate()
            .map(|(j, band)| {
                let colour = (j % count) % PALETTE;
                let class = if band.available { format!("chart__band chart__rs--{colour}") } else { format!("chart__band chart__band--unavailable chart__rs--{colour}") };
                let fill = if band.available { String::new() } else { format!("url(#chart-hatch-{colour})") };
                view! { <polygon class=class points=band_polygon(scale, band) style:fill=(!fill.is_empty()).then_some(fill)></polygon> }
            })
            .collect_view();
        let max_line = step_points(scale, c.samples.iter().map(|s| (s.time_ms, s.max_pods)));
        let min_line = step_points(
            scale,
            c.samples
                .iter()
                .filter_map(|s| s.min_available.map(|m| (s.time_ms, m))),
        );
        let label = |points: &[(f64, f64)], text: String| {
            points.last().map(|&(x, y)| view! { <text class="chart__line-label" x=num(x + 4.0) y=num(y + 4.0)>{text}</text> })
        };
        let pod_ticks = c
            .pod_ticks
            .iter()
            .map(|&v| {
                let y = num(scale.y(v));
                view! {
                    <line class="chart__grid" x1=num(LEFT) x2=num(W - RIGHT) y1=y.clone() y2=y.clone()></line>
                    <text class="chart__tick" x=num(LEFT - 5.0) y=num(scale.y(v) + 4.0) text-anchor="end">{v}</text>
                }
            })
            .collect_view();
        let second_ticks = c
            .second_ticks
            .iter()
            .map(|&s| {
                let x = scale.x(s * 1000);
                view! {
                    <line class="chart__axis" x1=num(x) x2=num(x) y1=num(H - BOTTOM) y2=num(H - BOTTOM + 4.0)></line>
                    <text class="chart__tick" x=num(x) y=num(H - BOTTOM + 15.0) text-anchor="middle">{format!("{s}")}</text>
                }
            })
            .collect_view();
        view! {
            {pod_ticks}
            {bands}
            <polyline class="chart__max" points=polyline(&max_line)></polyline>
            <polyline class="chart__min" points=polyline(&min_line)></polyline>
            {label(&max_line, h.t(Msg::MaxPods).into_owned())}
            {label(&min_line, h.t(Msg::MinAvailable).into_owned())}
            <line class="chart__axis" x1=num(LEFT) x2=num(W - RIGHT) y1=num(H - BOTTOM) y2=num(H - BOTTOM)></line>
            <line class="chart__axis" x1=num(LEFT) x2=num(LEFT) y1=num(TOP) y2=num(H - BOTTOM)></line>
            {second_ticks}
            <text class="chart__tick" x=num(W - RIGHT) y=num(H - 2.0) text-anchor="end">{h.t(Msg::TimeAxis)}</text>
        }
    };
    // The playhead alone follows the clock every frame; the drawing above
    // changes with the data (at most once a simulated second while playing).
    let now_x = move || num(data.with(|c| Scale::of(c).x(h.clock.get())));
    view! {
        {plot}
        <line class="chart__now" x1=now_x x2=now_x y1=num(TOP) y2=num(H - BOTTOM)></line>
    }
}

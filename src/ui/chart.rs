//! Replicas of each ReplicaSet and available pods over simulated time (SVG),
//! with the current moment marked.

use super::state::SimHandle;
use leptos::prelude::*;

const W: f64 = 600.0;
const H: f64 = 160.0;
const COLOURS: [&str; 6] = [
    "#64748b", "#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626",
];

#[component]
pub fn Chart() -> impl IntoView {
    let h = SimHandle::expect();
    let data = Memo::new(move |_| {
        h.with(|s| {
            let frames = s.frames();
            let end = frames.last().map_or(1, |f| f.time.0).max(1) as f64;
            let top = frames
                .iter()
                .flat_map(|f| f.replicas.values().copied().chain([f.available]))
                .max()
                .unwrap_or(1)
                .max(1) as f64;
            let x = |t: i64| t as f64 / end * W;
            let y = |v: i32| H - 8.0 - v as f64 / top * (H - 16.0);
            let mut names: Vec<String> = Vec::new();
            for f in frames {
                for n in f.replicas.keys() {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
            }
            let step_line = |values: &dyn Fn(&crate::scenario::Frame) -> Option<i32>| {
                let mut points = String::new();
                let mut last: Option<(f64, f64)> = None;
                for f in frames {
                    let Some(v) = values(f) else { continue };
                    let (px, py) = (x(f.time.0), y(v));
                    if let Some((_, ly)) = last {
                        points.push_str(&format!("{px:.1},{ly:.1} "));
                    }
                    points.push_str(&format!("{px:.1},{py:.1} "));
                    last = Some((px, py));
                }
                // Hold the last value to the right edge (now).
                if let Some((_, ly)) = last {
                    points.push_str(&format!("{W:.1},{ly:.1}"));
                }
                points
            };
            let mut lines: Vec<(String, String, &'static str)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    (
                        n.clone(),
                        step_line(&|f| f.replicas.get(n).copied()),
                        COLOURS[i % COLOURS.len()],
                    )
                })
                .collect();
            lines.push((
                "available".into(),
                step_line(&|f| Some(f.available)),
                "#0f172a",
            ));
            (lines, end)
        })
    });
    let now_x = move || format!("{:.1}", h.clock.get() as f64 / data.get().1 * W);
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label="Chart: replicas of each ReplicaSet and available pods over time" preserveAspectRatio="none">
                {move || {
                    data.get()
                        .0
                        .into_iter()
                        .map(|(name, points, colour)| {
                            let dashed = name == "available";
                            view! {
                                <polyline points=points fill="none" stroke=colour stroke-width=if dashed { "2.5" } else { "2" } stroke-dasharray=if dashed { "6 4" } else { "" }>
                                    <title>{name}</title>
                                </polyline>
                            }
                        })
                        .collect_view()
                }}
                <line x1=now_x x2=now_x y1="0" y2=H.to_string() class="chart__now"></line>
            </svg>
            <figcaption>
                {move || {
                    data.get()
                        .0
                        .into_iter()
                        .map(|(name, _, colour)| view! { <span class="chart__key"><span class="chart__swatch" style:background=colour></span>{name}</span> })
                        .collect_view()
                }}
            </figcaption>
        </figure>
    }
}

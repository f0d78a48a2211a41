//! The chart's data as a table ("View as table"): the pods of each revision
//! and the budgets after each moment something changed.

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::scenario::chart::PodsChart;
use leptos::prelude::*;

/// The newest rows shown (a long session has thousands).
const MAX_ROWS: usize = 200;

#[component]
pub fn ChartTable(data: Memo<PodsChart>, names: Memo<Vec<String>>) -> impl IntoView {
    let h = SimHandle::expect();
    let head = move || {
        names.get().into_iter().map(|name| view! { <th scope="col">{h.t(Msg::AvailableOf(&name)).into_owned()}</th><th scope="col">{h.t(Msg::UnavailableOf(&name)).into_owned()}</th> }).collect_view()
    };
    let rows = move || {
        data.with(|c| {
            let skip = c.samples.len().saturating_sub(MAX_ROWS);
            c.samples[skip..]
                .iter()
                .map(|s| {
                    let cells = s
                        .pods
                        .iter()
                        .map(|(a, u)| view! { <td>{*a}</td><td>{*u}</td> })
                        .collect_view();
                    let min = s
                        .min_available
                        .map_or_else(|| "–".to_string(), |m| m.to_string());
                    view! {
                        <tr>
                            <th scope="row">{crate::text::seconds(s.time_ms, 1)}</th>
                            {cells}
                            <td>{s.max_pods}</td>
                            <td>{min}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="chart__table" tabindex="0">
            <table class="table">
                <caption>{h.tr(Msg::ChartLabel)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{h.tr(Msg::TimeAxis)}</th>
                        {head}
                        <th scope="col">{h.tr(Msg::MaxPods)}</th>
                        <th scope="col">{h.tr(Msg::MinAvailable)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

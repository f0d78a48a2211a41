//! "Why this step": the computation behind the last action, with its numbers.
//! The session says what happened; the catalogue (`crate::i18n`) words it.

use super::state::SimHandle;
use crate::i18n::{Lang, Msg, PodWork};
use crate::scenario::{Action, Happened, Session};
use crate::sim::UnitKind;
use leptos::prelude::*;

#[component]
pub fn Why() -> impl IntoView {
    let h = SimHandle::expect();
    let lines = move || {
        let lang = h.lang.get();
        if h.idle.get() {
            return vec![lang.say(Msg::NothingLeft).into_owned()];
        }
        h.with(|s| explain(s, lang))
    };
    view! {
        <section class="why" aria-label=h.tr(Msg::WhyThisStep)>
            <h2>{h.tr(Msg::WhyThisStep)}</h2>
            {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </section>
    }
}

/// The last thing that happened in the session, line by line.
fn explain(s: &Session, lang: Lang) -> Vec<String> {
    let say = |msg| lang.say(msg).into_owned();
    let Some((action, happened)) = s.history().last() else {
        return vec![say(Msg::NothingYet)];
    };
    match happened {
        Happened::Command { line, output, wrote, .. } if output.exit_code != 0 || !wrote => {
            let first = match (output.exit_code != 0, wrote) {
                (true, true) => Msg::CommandWroteThenFailed(line),
                (true, false) => Msg::CommandFailed(line),
                (false, _) => Msg::CommandWroteNothing(line),
            };
            std::iter::once(say(first)).chain(output.stderr.lines().map(str::to_string)).collect()
        }
        Happened::Command { line, .. } => vec![say(Msg::CommandWrote(line))],
        Happened::Change { what, events, created, deleted } => {
            let events = s.cluster().events().get(events.clone()).unwrap_or(&[]);
            let explained: Vec<String> = events.iter().map(|e| format!("{} {}", e.message, lang.say(Msg::Why(&e.why)))).collect();
            if !explained.is_empty() {
                return explained;
            }
            vec![say(match what {
                UnitKind::PodTransitions => Msg::PodsChanged,
                UnitKind::ReplicaSetSync(name) => Msg::ReplicaSetSynced { name, work: PodWork { created: *created, deleted: *deleted } },
                UnitKind::DeploymentSync(d) => Msg::DeploymentSynced(d),
            })]
        }
        Happened::Waited { until } => vec![say(Msg::Waited { seconds: &crate::text::seconds(until.0, 1) })],
        Happened::Checked { failures } if failures.is_empty() => vec![say(Msg::ExpectationHolds)],
        Happened::Checked { failures } => failures.iter().map(|f| say(Msg::ExpectationFailed(f))).collect(),
        Happened::Setting => match action {
            Action::PodStart { ms } => vec![say(Msg::PodStartNow { seconds: &crate::text::seconds(*ms, 1) })],
            Action::ImageFails { image, .. } => vec![say(Msg::ImageFails(image))],
            _ => vec![],
        },
        Happened::Idle => vec![say(Msg::NothingLeft)],
    }
}

//! "Why this step": the computation behind the last action, with its numbers.
//! The session says what happened; the catalogue (`crate::i18n`) words it.

use super::state::SimHandle;
use crate::i18n::{Lang, Msg, PodWork};
use crate::scenario::{Action, Happened, Outcome, Session};
use crate::sim::UnitKind;
use leptos::prelude::*;

#[component]
pub fn Why() -> impl IntoView {
    let h = SimHandle::expect();
    let lines = move || {
        let lang = h.lang.get();
        if h.idle.get() {
            // Paused mid-rollout, nothing happens until it is resumed: say so, not "nothing is left".
            let paused = h.with(|s| {
                s.cluster()
                    .deployment(s.deployment_name())
                    .is_some_and(|d| d.spec.paused)
            });
            let msg = if paused {
                Msg::NothingWhilePaused
            } else {
                Msg::NothingLeft
            };
            return vec![lang.say(msg).into_owned()];
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
    match s.history().len() {
        0 => vec![lang.say(Msg::NothingYet).into_owned()],
        n => explain_action(s, n - 1, lang),
    }
}

/// The `index`th action of the session's history (one already applied), line by line.
pub fn explain_action(s: &Session, index: usize, lang: Lang) -> Vec<String> {
    let say = |msg| lang.say(msg).into_owned();
    let (action, happened) = &s.history()[index];
    let (before, after) = (&s.frames()[index], &s.frames()[index + 1]);
    // The sync that first shows the rollout's outcome recorded no event: say the outcome.
    if let Some(outcome) = after
        .outcome
        .filter(|_| before.outcome != after.outcome && before.events == after.events)
    {
        return vec![say(match outcome {
            Outcome::Complete => Msg::StoryComplete,
            Outcome::DeadlineExceeded => Msg::StoryDeadlineExceeded,
        })];
    }
    match happened {
        Happened::Command {
            line,
            output,
            wrote,
            ..
        } if output.exit_code != 0 || !wrote => {
            let line = crate::kubectl::shown_line(line);
            let first = match (output.exit_code != 0, wrote) {
                (true, true) => Msg::CommandWroteThenFailed(line),
                (true, false) => Msg::CommandFailed(line),
                (false, _) => Msg::CommandWroteNothing(line),
            };
            std::iter::once(say(first))
                .chain(output.stderr.lines().map(str::to_string))
                .collect()
        }
        Happened::Command { line, .. } => {
            vec![say(Msg::CommandWrote(crate::kubectl::shown_line(line)))]
        }
        Happened::Change {
            what,
            events,
            created,
            deleted,
        } => {
            let events = s.cluster().events().get(events.clone()).unwrap_or(&[]);
            let explained: Vec<String> = events
                .iter()
                // The event as the controller recorded it, then what the lab makes of it.
                .map(|e| format!("{} — {}", e.message, lang.say(Msg::Why(&e.why))))
                .collect();
            if !explained.is_empty() {
                return explained;
            }
            let exits = s
                .cluster()
                .container_exits()
                .get(before.exits..after.exits)
                .unwrap_or(&[]);
            if !exits.is_empty() {
                return exits.iter().map(|e| say(Msg::ContainerExited(e))).collect();
            }
            vec![say(match what {
                UnitKind::PodTransitions => Msg::PodsChanged,
                UnitKind::ReplicaSetSync(name) => Msg::ReplicaSetSynced {
                    name,
                    work: PodWork {
                        created: *created,
                        deleted: *deleted,
                    },
                },
                UnitKind::DeploymentSync(d) => Msg::DeploymentSynced(d),
            })]
        }
        Happened::Waited { until } => {
            let seconds = &crate::text::seconds(until.0, 1);
            vec![say(if before.time == after.time {
                Msg::WaitedNoTime { seconds }
            } else {
                Msg::Waited { seconds }
            })]
        }
        Happened::Checked { failures } if failures.is_empty() => vec![say(Msg::ExpectationHolds)],
        Happened::Checked { failures } => failures
            .iter()
            .map(|f| say(Msg::ExpectationFailed(f)))
            .collect(),
        Happened::Setting => match action {
            Action::PodStart { ms } => vec![say(Msg::PodStartNow {
                seconds: &crate::text::seconds(*ms, 1),
            })],
            Action::ImageFails { image, .. } => vec![say(Msg::ImageFails(image))],
            Action::ImageUnready { image, .. } => vec![say(Msg::ImageUnready(image))],
            Action::ImageCrashes { image, after_ms } => {
                vec![say(Msg::ImageCrashes {
                    image,
                    seconds: after_ms.map(|ms| ms / 1000),
                })]
            }
            _ => vec![],
        },
        Happened::Idle => vec![say(Msg::NothingLeft)],
    }
}

//! `kubectl rollout status` (polymorphichelpers/rollout_status.go). A
//! watching status is the one kubectl command that lets simulated time pass.

use crate::api::{reasons, Deployment, Time};
use crate::kubectl::{get_deployment, Failure, Output};
use crate::sim::Cluster;
use crate::text::quoted;

/// How long a watch without `--timeout` may let pass before giving up.
pub const WATCH_LIMIT_MS: i64 = 3_600_000;

/// DeploymentStatusViewer.Status: (message, done) or an error.
pub fn status_message(d: &Deployment, revision: i64) -> Result<(String, bool), Failure> {
    if revision > 0 {
        let current = d.revision().map_err(|e| {
            Failure::error(format!(
                "cannot get the revision of deployment {}: {e}",
                quoted(d.name())
            ))
        })?;
        if revision != current {
            return Err(Failure::error(format!(
                "desired revision ({revision}) is different from the running revision ({current})"
            )));
        }
    }
    if d.metadata.generation > d.status.observed_generation {
        return Ok((
            "Waiting for deployment spec update to be observed...\n".into(),
            false,
        ));
    }
    let s = &d.status;
    if s.condition(reasons::PROGRESSING)
        .is_some_and(|c| c.reason == reasons::TIMED_OUT_REASON)
    {
        return Err(Failure::error(format!(
            "deployment {} exceeded its progress deadline",
            quoted(d.name())
        )));
    }
    let name = d.name();
    if s.updated_replicas < d.replicas() {
        return Ok((format!("Waiting for deployment {name} rollout to finish: {} out of {} new replicas have been updated...\n", s.updated_replicas, d.replicas(), name = quoted(name)), false));
    }
    if s.replicas > s.updated_replicas {
        return Ok((format!("Waiting for deployment {name} rollout to finish: {} old replicas are pending termination...\n", s.replicas - s.updated_replicas, name = quoted(name)), false));
    }
    if s.available_replicas < s.updated_replicas {
        return Ok((format!("Waiting for deployment {name} rollout to finish: {} of {} updated replicas are available...\n", s.available_replicas, s.updated_replicas, name = quoted(name)), false));
    }
    Ok((
        format!(
            "deployment {name} successfully rolled out\n",
            name = quoted(name)
        ),
        true,
    ))
}

/// Where a rollout stands, as the page's Rollout status shows it: kubectl's
/// verdict (`status_message`) and, while it goes on, when the Deployment
/// controller will call it stuck.
#[derive(Clone, Debug, PartialEq)]
pub enum RolloutPhase {
    /// Going on; `deadline` is when the Progressing condition times out if
    /// nothing moves before (lastUpdateTime + progressDeadlineSeconds;
    /// `DeploymentTimedOut`), `None` without a deadline or before the
    /// controller has seen the change.
    Progressing {
        message: String,
        deadline: Option<Time>,
    },
    Complete {
        message: String,
    },
    /// `spec.paused`: the controller neither rolls out nor times out.
    Paused {
        message: String,
    },
    /// Progressing False, ProgressDeadlineExceeded.
    DeadlineExceeded {
        message: String,
    },
}

pub fn rollout_phase(d: &Deployment) -> RolloutPhase {
    // With no revision asked for, the only error is the exceeded deadline.
    let (message, done) = match status_message(d, 0) {
        Ok((message, done)) => (message.trim_end().to_string(), done),
        Err(failure) => {
            return RolloutPhase::DeadlineExceeded {
                message: failure.to_string(),
            }
        }
    };
    if d.spec.paused {
        return RolloutPhase::Paused { message };
    }
    if done {
        return RolloutPhase::Complete { message };
    }
    let deadline = d
        .spec
        .progress_deadline_seconds
        // HasProgressDeadline: math.MaxInt32 means none.
        .filter(|seconds| *seconds != i32::MAX)
        .zip(d.status.condition(reasons::PROGRESSING))
        .filter(|(_, c)| {
            c.status == "True" && d.metadata.generation == d.status.observed_generation
        })
        .map(|(seconds, c)| Time(c.last_update_time.0 + i64::from(seconds) * 1000));
    RolloutPhase::Progressing { message, deadline }
}

/// Prints the status once (`--watch=false`), or watches: one line now and
/// one per instant at which the Deployment changed, until done, an error,
/// `--timeout`, or an hour of simulated time.
pub fn run(c: &mut Cluster, name: &str, watch: bool, revision: i64, timeout_ms: i64) -> Output {
    let mut stdout = String::new();
    let mut d = match get_deployment(c, name) {
        Ok(d) => d,
        Err(f) => return Output::failed(stdout, f),
    };
    let limit = Time(
        c.now().0
            + if timeout_ms > 0 {
                timeout_ms
            } else {
                WATCH_LIMIT_MS
            },
    );
    let mut first = true;
    loop {
        match status_message(&d, revision) {
            Err(f) => return Output::failed(stdout, f),
            Ok((msg, done)) => {
                stdout.push_str(&msg);
                if done || !watch {
                    return Output {
                        stdout,
                        ..Default::default()
                    };
                }
            }
        }
        // Wait for the next change of the Deployment.
        loop {
            let progressed = if first {
                first = false;
                c.run_instant().map(|_| true)
            } else {
                c.step_until(limit)
            };
            match progressed {
                Err(e) => return Output::failed(stdout, Failure::error(e)),
                Ok(false) => {
                    return Output::failed(
                        stdout,
                        Failure::error("timed out waiting for the condition"),
                    )
                }
                Ok(true) => {}
            }
            match c.deployment(name) {
                None => {
                    return Output::failed(
                        stdout,
                        Failure::error(format!(
                            "deployments.apps {name} was deleted",
                            name = quoted(name)
                        )),
                    )
                }
                Some(now) if *now != d => {
                    d = now.clone();
                    break;
                }
                Some(_) => {}
            }
        }
    }
}

//! Executing a scenario's steps against a simulated cluster.

use super::expect::check_step;
use super::format::{Scenario, Step};
use super::initial;
use super::load::LoadError;
use super::report::*;
use crate::kubectl::{self, Output};
use crate::sim::{Cluster, SimError};
use std::fmt;

/// Why a scenario could not be run to the end.
#[derive(Clone, Debug, PartialEq)]
pub enum RunError {
    /// The scenario itself is invalid (exit code 2).
    Invalid(LoadError),
    /// The simulation ran away at a step (exit code 1).
    Simulation { step: usize, error: SimError },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Invalid(e) => write!(f, "{e}"),
            RunError::Simulation { step, error } => {
                write!(f, "steps[{step}]: simulation error {error}")
            }
        }
    }
}

/// A scenario in progress: the cluster and what the last kubectl step printed.
#[derive(Clone, Debug)]
pub struct Runner {
    pub cluster: Cluster,
    /// The scenario's Deployment, the one reports and expectations look at.
    pub deployment: String,
    last: Output,
}

/// What one step did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepOutcome {
    pub output: Output,
    pub expect: Option<ExpectReport>,
}

impl Runner {
    pub fn new(scenario: &Scenario) -> Result<Runner, LoadError> {
        let cluster = initial::build(scenario)?;
        let deployment = scenario.deployment_name();
        Ok(Runner {
            cluster,
            deployment,
            last: Output::default(),
        })
    }

    pub fn step(&mut self, step: &Step) -> Result<StepOutcome, SimError> {
        let mut outcome = StepOutcome::default();
        match step {
            Step::Kubectl(line) => outcome.output = kubectl::run(&mut self.cluster, line),
            Step::Apply(object) => {
                outcome.output =
                    match kubectl::apply::apply_object(&mut self.cluster, object, "STDIN") {
                        Ok(stdout) => Output::ok(stdout),
                        Err(f) => Output::failed(String::new(), f),
                    }
            }
            Step::Sync(n) => self.cluster.sync_deployments(*n),
            Step::Advance(s) => self.cluster.advance((s * 1000.0).round() as i64)?,
            Step::Settle(s) => {
                self.cluster.settle((s * 1000.0).round() as i64)?;
            }
            Step::Expect(e) => {
                let failures = check_step(e, &self.cluster, &self.deployment, &self.last);
                outcome.expect = Some(ExpectReport {
                    ok: failures.is_empty(),
                    failures,
                });
            }
        }
        if matches!(step, Step::Kubectl(_) | Step::Apply(_)) {
            self.last = outcome.output.clone();
        }
        Ok(outcome)
    }

    /// The state after a step, for the result document.
    pub fn report(&self, index: usize, outcome: StepOutcome) -> StepReport {
        let c = &self.cluster;
        StepReport {
            index,
            time: seconds(c.now().0),
            stdout: outcome.output.stdout,
            stderr: outcome.output.stderr,
            exit_code: outcome.output.exit_code,
            deployment: c.deployment(&self.deployment).map(deployment_report),
            replica_sets: c
                .replica_sets_of(&self.deployment)
                .into_iter()
                .map(replica_set_report)
                .collect(),
            pods: pods_report(c),
            event_count: c.event_count(),
            expect: outcome.expect,
        }
    }
}

/// Runs every step and returns the result document.
pub fn run_scenario(scenario: &Scenario) -> Result<RunReport, RunError> {
    let mut runner = Runner::new(scenario).map_err(RunError::Invalid)?;
    let mut steps = Vec::with_capacity(scenario.steps.len());
    for (index, step) in scenario.steps.iter().enumerate() {
        let outcome = runner
            .step(step)
            .map_err(|error| RunError::Simulation { step: index, error })?;
        steps.push(runner.report(index, outcome));
    }
    let events = runner
        .cluster
        .all_events()
        .iter()
        .map(event_report)
        .collect();
    Ok(RunReport { steps, events })
}

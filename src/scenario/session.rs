//! A live session over a scenario: what the web app drives. Every change
//! is an `Action` (a kubectl line or one step of the cluster), kept in a log
//! so that Step back and the timeline replay it exactly (the simulation is
//! deterministic). The scenario's own steps are a script that Step and Play
//! walk through.

use super::expect::check_step;
use super::format::{Scenario, Step};
use super::initial::build;
use super::load::LoadError;
use crate::api::Time;
use crate::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use crate::kubectl::{self, Output};
use crate::sim::deployment::util::{max_surge, max_unavailable};
use crate::sim::{Cluster, SimError, UnitKind};
use std::collections::BTreeMap;

/// One thing the user (or the script) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A kubectl line, typed in the console or issued by a button.
    Kubectl(String),
    /// `kubectl apply -f FILE` of a manifest's text (Import YAML).
    Apply { file: String, text: String },
    /// `kubectl edit deployment/NAME`: the file the editor opened, what was
    /// saved, and the file the editor had reopened on after a failed save.
    Edit {
        name: String,
        original: String,
        text: String,
        reopened: Option<String>,
    },
    /// Advance to the next change: the next script step, or one controller
    /// action or pod transition.
    Step,
    /// Time passes to `until` (the clock Play showed when a command was
    /// typed: the command runs at the time on screen).
    Wait { until: Time },
    /// A simulated-cluster setting (not an API object): how long new pods take to start.
    PodStart { ms: i64 },
    /// A simulated-cluster setting: whether the kubelet can pull this image.
    ImageFails { image: String, fails: bool },
    /// A simulated-cluster setting: whether this image's readiness probe never passes.
    ImageUnready { image: String, unready: bool },
    /// A simulated-cluster setting: this image's container exits with code 1
    /// this long after each start (`None`: it does not crash).
    ImageCrashes {
        image: String,
        after_ms: Option<i64>,
    },
}

/// What an action did, for the console and the "Why this step" panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Happened {
    /// A kubectl command, what it printed, and whether it wrote to the
    /// cluster (a read, a `rollout status` watching the controllers, a
    /// refused or cancelled write, an edit whose editor reopens, a patch
    /// with no change: not).
    Command {
        line: String,
        output: Output,
        scripted: bool,
        wrote: bool,
    },
    /// A controller sync or pod transitions, with the events it recorded
    /// and the pods it created and deleted.
    Change {
        what: UnitKind,
        events: std::ops::Range<usize>,
        created: u64,
        deleted: u64,
    },
    /// Time passed with nothing to do (a scripted wait).
    Waited { until: Time },
    /// A scripted expectation was checked.
    Checked { failures: Vec<String> },
    /// A simulated-cluster setting changed.
    Setting,
    /// Nothing is left to happen.
    Idle,
}

/// The state after an action, for the chart and the timeline's markers.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub time: Time,
    /// spec.replicas of each ReplicaSet (by name).
    pub replicas: BTreeMap<String, i32>,
    /// The Deployment's available replicas.
    pub available: i32,
    /// Each ReplicaSet's pods as its status counts them (by name).
    pub pods: BTreeMap<String, PodCounts>,
    /// The budgets: replicas + maxSurge, and replicas − maxUnavailable
    /// (`None` for Recreate).
    pub max_pods: i32,
    pub min_available: Option<i32>,
    /// Events recorded so far.
    pub events: usize,
    /// ScalingReplicaSet events recorded so far: the controllers' decisions.
    pub scalings: usize,
    /// Container exits so far (`Cluster::container_exits`): each is a moment a Step stops at.
    pub exits: usize,
    /// The rollout's outcome, once it shows.
    pub outcome: Option<Outcome>,
}

/// A ReplicaSet's pods in a frame: status.availableReplicas, and the rest
/// of status.replicas (pods not yet available; terminating ones are not counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PodCounts {
    pub available: i32,
    pub unavailable: i32,
}

/// How a rollout ended, as `kubectl rollout status` judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Complete,
    /// The Progressing condition is False with ProgressDeadlineExceeded.
    DeadlineExceeded,
}

/// The reason of the Deployment controller's scaling events (`EventReasonScalingReplicaSet`).
const SCALING_REPLICA_SET: &str = "ScalingReplicaSet";

/// The most fine steps one Step runs looking for the next decision (a
/// very large cluster's pod transitions between two decisions).
const MAX_FINE_STEPS_PER_DECISION: usize = 10_000;

/// Where a scripted wait ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Wait {
    Until(Time),
    Settled,
}

/// The part of the state the log replays: the cluster and the script's position.
#[derive(Clone, Debug)]
struct Live {
    cluster: Cluster,
    script_pos: usize,
    wait: Option<Wait>,
    last_output: Output,
    /// The Deployment the lab shows: the scenario's, until an imported
    /// manifest applies another one.
    focus: String,
    /// The file kubectl edit's editor reopened on after the last save failed.
    reopened_editor: Option<String>,
}

/// Actions between stored checkpoints (replay cost vs memory).
const CHECKPOINT_EVERY: usize = 32;
/// Most pods all checkpoints together may hold. Past it every other
/// checkpoint is dropped: stepping back stays exact, it replays further.
/// (A session that scales to 100,000 replicas and plays would otherwise
/// keep a 100,000-pod copy every 32 actions: gigabytes.)
pub const MAX_CHECKPOINT_PODS: usize = 1_000_000;
/// The most actions a session keeps (older history is dropped from the start).
const MAX_ACTIONS: usize = 100_000;

pub struct Session {
    scenario: Scenario,
    deployment: String,
    live: Live,
    /// Every action since the start; `position` of them are applied (the
    /// rest is the future after a step back, redone by Step).
    log: Vec<(Action, Happened)>,
    position: usize,
    frames: Vec<Frame>,
    checkpoints: Vec<(usize, Live)>,
    /// `MAX_CHECKPOINT_PODS` (tests lower it to exercise thinning on small clusters).
    checkpoint_pods_budget: usize,
    /// Whether the oldest actions were dropped (the log no longer starts at the scenario).
    forgot_oldest: bool,
}

impl Session {
    pub fn new(scenario: Scenario) -> Result<Session, LoadError> {
        let cluster = build(&scenario)?;
        let deployment = scenario.deployment_name();
        let live = Live {
            cluster,
            script_pos: 0,
            wait: None,
            last_output: Output::default(),
            focus: deployment.clone(),
            reopened_editor: None,
        };
        let mut s = Session {
            scenario,
            deployment,
            live: live.clone(),
            log: Vec::new(),
            position: 0,
            frames: Vec::new(),
            checkpoints: vec![(0, live)],
            checkpoint_pods_budget: MAX_CHECKPOINT_PODS,
            forgot_oldest: false,
        };
        s.frames.push(s.frame(None));
        Ok(s)
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn cluster(&self) -> &Cluster {
        &self.live.cluster
    }

    pub fn deployment_name(&self) -> &str {
        &self.live.focus
    }

    /// The actions applied so far, with what each did.
    pub fn history(&self) -> &[(Action, Happened)] {
        &self.log[..self.position]
    }

    /// Whether replaying `history()` on `scenario()` gives this state (false
    /// once a very long session dropped its oldest actions).
    pub fn history_is_complete(&self) -> bool {
        !self.forgot_oldest
    }

    /// One frame per applied action (and one for the start).
    pub fn frames(&self) -> &[Frame] {
        &self.frames[..=self.position]
    }

    /// The time of the last recorded action, the future after a step back included.
    pub fn timeline_end(&self) -> Time {
        self.frames.last().map_or(Time::ZERO, |f| f.time)
    }

    /// Times at which events were recorded (the timeline's markers).
    pub fn event_times(&self) -> Vec<Time> {
        self.frames
            .windows(2)
            .filter(|w| w[1].events > w[0].events)
            .map(|w| w[1].time)
            .collect()
    }

    pub fn can_step_back(&self) -> bool {
        self.position > 0
    }

    /// Scripted steps not yet run.
    pub fn script_remaining(&self) -> usize {
        self.scenario
            .steps
            .len()
            .saturating_sub(self.live.script_pos)
    }

    /// `kubectl apply -f FILE` of a manifest (YAML or JSON, one or more documents).
    pub fn apply_file(&mut self, file: &str, text: &str) -> Result<Output, SimError> {
        self.act(Action::Apply {
            file: file.to_string(),
            text: text.to_string(),
        })
    }

    /// `kubectl edit deployment/NAME`: the editor opened `original` and saved
    /// `text` (from a file it `reopened` on after a failed save, if so).
    /// What kubectl printed; [`Session::reopened_editor`] says whether the
    /// editor reopens.
    pub fn edit(
        &mut self,
        name: &str,
        original: &str,
        text: &str,
        reopened: Option<&str>,
    ) -> Result<Output, SimError> {
        self.act(Action::Edit {
            name: name.to_string(),
            original: original.to_string(),
            text: text.to_string(),
            reopened: reopened.map(str::to_string),
        })
    }

    /// The file kubectl edit's editor reopened on, with the failures in its
    /// header, when the last save was retried; `None` when that edit is over.
    pub fn reopened_editor(&self) -> Option<&str> {
        self.live.reopened_editor.as_deref()
    }

    /// Runs a kubectl line now (the console and every button).
    pub fn kubectl(&mut self, line: &str) -> Result<Output, SimError> {
        self.act(Action::Kubectl(line.to_string()))
    }

    /// Applies and logs any action (what replaying a log does); what a
    /// command printed. `step` is the one to use for a new Step: it redoes
    /// the logged future and leaves idle steps out of the log.
    pub fn act(&mut self, action: Action) -> Result<Output, SimError> {
        let happened = self.apply(&action)?;
        self.record(action, happened.clone());
        Ok(match happened {
            Happened::Command { output, .. } => output,
            _ => Output::default(),
        })
    }

    /// Lets time pass to `t` (logged; nothing if `t` is not ahead of the
    /// cluster): what Play showed becomes the time the next action runs at.
    pub fn wait_until(&mut self, t: Time) -> Result<(), SimError> {
        if t > self.live.cluster.now() {
            self.act(Action::Wait { until: t })?;
        }
        Ok(())
    }

    /// Before a command at the clock a page `shown`: the changes due before
    /// then, as logged steps (Play may have stopped short of its clock), then
    /// the clock moves on to it. After a Step the page rests between two
    /// syncs of the instant it shows (`next_change_at` is that instant's
    /// time, the time shown): the rest of it waits for the next Step, and
    /// the command lands there, as "controllers react on the next step" says.
    pub fn catch_up(&mut self, shown: Time) -> Result<(), SimError> {
        let before_shown = Time(shown.0 - 1);
        while self.next_change_at().is_some_and(|t| t <= before_shown) {
            if self.step_until(before_shown)? == Happened::Idle {
                break;
            }
        }
        self.wait_until(shown)
    }

    /// Changes a setting of the simulated cluster (logged, so replay sees it).
    pub fn set(&mut self, setting: Action) -> Result<(), SimError> {
        self.act(setting).map(drop)
    }

    /// Advances to the next change. Redoes the next logged action after a
    /// step back, so stepping forward again revisits the same history.
    pub fn step(&mut self) -> Result<Happened, SimError> {
        if self.position < self.log.len() {
            let action = self.log[self.position].0.clone();
            let happened = self.apply(&action)?;
            self.log[self.position].1 = happened.clone();
            self.position += 1;
            // The logged future keeps its frames (their times are where Play
            // and the Timeline find the actions still to redo).
            let frame = self.frame(self.frames.get(self.position - 1));
            match self.frames.get_mut(self.position) {
                Some(stored) => *stored = frame,
                None => self.frames.push(frame),
            }
            self.checkpoint();
            return Ok(happened);
        }
        let before = (
            self.live.script_pos,
            self.live.wait,
            self.live.cluster.now(),
        );
        let happened = self.apply(&Action::Step)?;
        // An idle step can still end a scripted wait or move the clock: the
        // log must hold it, or replay (step back, share links) would differ.
        let after = (
            self.live.script_pos,
            self.live.wait,
            self.live.cluster.now(),
        );
        if happened != Happened::Idle || after != before {
            self.record(Action::Step, happened.clone());
        }
        Ok(happened)
    }

    /// Play's step: as `step`, but it takes no change that falls after
    /// `limit` (the clock Play shows), so the pods and the counts shown are
    /// never ahead of that clock. `Idle` when nothing changes by `limit`;
    /// then nothing is logged, and only changeless syncs of the current
    /// instant ran, so a later Step replays exactly as this one would have.
    pub fn step_until(&mut self, limit: Time) -> Result<Happened, SimError> {
        if self.position < self.log.len() {
            return if self.redo_at() <= limit {
                self.step()
            } else {
                Ok(Happened::Idle)
            };
        }
        let (script_pos, wait) = (self.live.script_pos, self.live.wait);
        let happened = self.apply_step(limit)?;
        if happened == Happened::Idle {
            self.live.script_pos = script_pos;
            self.live.wait = wait;
        } else {
            self.record(Action::Step, happened.clone());
        }
        Ok(happened)
    }

    /// Step: fine steps (`step`) until the next decision point
    /// (`is_decision`): a ReplicaSet's replicas changed, a command ran, or
    /// the rollout's outcome showed. What the last fine step did; `Idle`
    /// when it ran until nothing was left to happen.
    pub fn step_decision(&mut self) -> Result<Happened, SimError> {
        let mut last = Happened::Idle;
        for _ in 0..MAX_FINE_STEPS_PER_DECISION {
            let start = self.position;
            let happened = self.step()?;
            if self.position == start {
                // Changes that led to no decision (status syncs after the
                // outcome) are applied; what is left is nothing.
                return Ok(Happened::Idle);
            }
            last = happened;
            if self.is_decision(self.position) {
                break;
            }
        }
        Ok(last)
    }

    /// Step back: to the decision point before this one (the start at the
    /// earliest), so that Step comes back here.
    pub fn step_back_decision(&mut self) -> Result<(), SimError> {
        let target = (0..self.position)
            .rev()
            .find(|&k| self.is_decision(k))
            .unwrap_or(0);
        self.seek_position(target)
    }

    /// Whether the state after `k` applied actions is one a Step stops at:
    /// the start; after a command (typed, clicked or scripted), an import,
    /// an edit or a setting; after a sync that changed a ReplicaSet's
    /// replicas (a ScalingReplicaSet event); after a container exits (a
    /// crash loop's every turn); or where the rollout's outcome first shows
    /// (complete, or ProgressDeadlineExceeded).
    fn is_decision(&self, k: usize) -> bool {
        let Some(k_1) = k.checked_sub(1) else {
            return true;
        };
        let (action, happened) = &self.log[k_1];
        // A Wait is only time passing, unless changes were due within it.
        if !matches!(action, Action::Step | Action::Wait { .. })
            || matches!(happened, Happened::Command { .. })
        {
            return true;
        }
        let (before, after) = (&self.frames[k_1], &self.frames[k]);
        after.scalings > before.scalings
            || after.exits > before.exits
            || (after.outcome.is_some() && after.outcome != before.outcome)
    }

    /// The decision points applied so far (positions, oldest first; see
    /// `is_decision`), without the start: the story of the session.
    pub fn decisions(&self) -> Vec<usize> {
        (1..=self.position)
            .filter(|&k| self.is_decision(k))
            .collect()
    }

    /// When the next logged action (after a step back) took place.
    fn redo_at(&self) -> Time {
        self.frames
            .get(self.position + 1)
            .map_or(self.live.cluster.now(), |f| f.time)
    }

    /// When the next Step would change something (for Play's clock): now for
    /// a scripted command, else the next due change or the end of a wait.
    pub fn next_change_at(&mut self) -> Option<Time> {
        if self.position < self.log.len() {
            return Some(self.redo_at());
        }
        let now = self.live.cluster.now();
        let due = self.live.cluster.next_due_or_now();
        match self.scenario.steps.get(self.live.script_pos) {
            Some(Step::Kubectl(_) | Step::Apply(_) | Step::Expect(_) | Step::Sync(_)) => Some(now),
            Some(Step::Advance(s)) => {
                let until = match self.live.wait {
                    Some(Wait::Until(t)) => t,
                    _ => Time(now.0 + (s * 1000.0).round() as i64),
                };
                Some(due.map_or(until, |d| d.min(until)))
            }
            _ => due,
        }
    }

    /// Goes back to the state before the last action.
    pub fn step_back(&mut self) -> Result<(), SimError> {
        if self.position == 0 {
            return Ok(());
        }
        self.seek_position(self.position - 1)
    }

    /// Shows the state at simulated time `t`: after the last action that
    /// ended at or before it (the timeline's scrubbing).
    pub fn seek_time(&mut self, t: Time) -> Result<(), SimError> {
        let target = self.frames[1..].iter().take_while(|f| f.time <= t).count();
        let target = target.min(self.log.len());
        self.seek_position(target)
    }

    /// Back to the start: the scenario's initial cluster, the log kept as future.
    pub fn reset(&mut self) -> Result<(), SimError> {
        self.seek_position(0)
    }

    /// Replays the log up to `target` actions, from the nearest checkpoint.
    fn seek_position(&mut self, target: usize) -> Result<(), SimError> {
        let (at, live) = self
            .checkpoints
            .iter()
            .rev()
            .find(|(at, _)| *at <= target)
            .cloned()
            .expect("a checkpoint at 0");
        self.live = live;
        for i in at..target {
            let action = self.log[i].0.clone();
            self.apply(&action)?;
        }
        self.position = target;
        Ok(())
    }

    fn record(&mut self, action: Action, happened: Happened) {
        // A new action after a step back replaces the old future.
        self.log.truncate(self.position);
        self.checkpoints.retain(|(at, _)| *at <= self.position);
        self.log.push((action, happened));
        self.position += 1;
        self.frames.truncate(self.position);
        self.frames.push(self.frame(self.frames.last()));
        self.checkpoint();
        if self.log.len() > MAX_ACTIONS {
            self.forget_oldest();
        }
    }

    fn checkpoint(&mut self) {
        if self.position.is_multiple_of(CHECKPOINT_EVERY)
            && !self.checkpoints.iter().any(|(at, _)| *at == self.position)
        {
            self.checkpoints.push((self.position, self.live.clone()));
            while self.checkpoints.len() > 2
                && checkpoint_pods(&self.checkpoints) > self.checkpoint_pods_budget
            {
                self.thin_checkpoints();
            }
        }
    }

    /// Drops every other checkpoint, keeping the first (the start) and the newest.
    fn thin_checkpoints(&mut self) {
        let last = self.checkpoints.len() - 1;
        let mut i = 0;
        self.checkpoints.retain(|_| {
            let keep = i == 0 || i == last || i % 2 == 0;
            i += 1;
            keep
        });
    }

    /// Keeps memory bounded in very long sessions: the oldest half of the
    /// history becomes the new start.
    fn forget_oldest(&mut self) {
        let cut = self
            .checkpoints
            .iter()
            .map(|(at, _)| *at)
            .filter(|at| *at <= self.position / 2)
            .max()
            .unwrap_or(0);
        if cut == 0 {
            return;
        }
        self.forgot_oldest = true;
        self.log.drain(..cut);
        self.frames.drain(..cut);
        self.position -= cut;
        self.checkpoints.retain(|(at, _)| *at >= cut);
        for (at, _) in &mut self.checkpoints {
            *at -= cut;
        }
    }

    /// How many checkpoints are stored, and the pods they hold (tests of the memory bound).
    pub fn checkpoint_load(&self) -> (usize, usize) {
        (self.checkpoints.len(), checkpoint_pods(&self.checkpoints))
    }

    /// Lowers the checkpoint memory bound (`MAX_CHECKPOINT_PODS`).
    pub fn set_checkpoint_budget(&mut self, pods: usize) {
        self.checkpoint_pods_budget = pods;
    }

    /// The frame after the last action; `previous` is the one before it
    /// (events are counted from there on).
    fn frame(&self, previous: Option<&Frame>) -> Frame {
        let c = &self.live.cluster;
        let mut replicas = BTreeMap::new();
        let mut pods = BTreeMap::new();
        for rs in c.replica_sets_of(&self.live.focus).iter() {
            replicas.insert(rs.name().to_string(), rs.spec.replicas);
            let available = rs.status.available_replicas;
            pods.insert(
                rs.name().to_string(),
                PodCounts {
                    available,
                    unavailable: (rs.status.replicas - available).max(0),
                },
            );
        }
        let deployment = c.deployment(&self.live.focus);
        let rolling = deployment.filter(|d| d.is_rolling_update());
        let (counted, scalings) = previous.map_or((0, 0), |f| (f.events, f.scalings));
        let new_scalings = c
            .events()
            .get(counted..)
            .unwrap_or(&[])
            .iter()
            .filter(|e| e.reason == SCALING_REPLICA_SET)
            .count();
        Frame {
            time: c.now(),
            replicas,
            available: deployment.map_or(0, |d| d.status.available_replicas),
            pods,
            max_pods: deployment.map_or(0, |d| d.replicas() + max_surge(d)),
            min_available: rolling.map(|d| d.replicas() - max_unavailable(d)),
            events: c.events().len(),
            scalings: scalings + new_scalings,
            exits: c.container_exits().len(),
            outcome: deployment.and_then(|d| match rollout_phase(d) {
                RolloutPhase::Complete { .. } => Some(Outcome::Complete),
                RolloutPhase::DeadlineExceeded { .. } => Some(Outcome::DeadlineExceeded),
                _ => None,
            }),
        }
    }

    /// Applies one action to the live state (also used by replay), and
    /// notes whether a kubectl command in it wrote to the cluster.
    fn apply(&mut self, action: &Action) -> Result<Happened, SimError> {
        let before = self.live.cluster.user_writes();
        let mut happened = self.apply_action(action)?;
        if let Happened::Command { wrote, .. } = &mut happened {
            *wrote = self.live.cluster.user_writes() != before;
        }
        Ok(happened)
    }

    /// `apply` but for `wrote`, which the commands here leave false.
    fn apply_action(&mut self, action: &Action) -> Result<Happened, SimError> {
        match action {
            Action::Kubectl(line) => {
                let output = kubectl::run(&mut self.live.cluster, line);
                self.live.last_output = output.clone();
                Ok(Happened::Command {
                    line: line.clone(),
                    output,
                    scripted: false,
                    wrote: false,
                })
            }
            Action::Apply { file, text } => {
                let (output, applied) =
                    kubectl::apply::apply_file(&mut self.live.cluster, file, text);
                self.live.last_output = output.clone();
                // The lab follows the Deployment the manifest applied (the last one, if several).
                if let Some(name) = applied {
                    self.live.focus = name;
                }
                Ok(Happened::Command {
                    line: format!("apply -f {file}"),
                    output,
                    scripted: false,
                    wrote: false,
                })
            }
            Action::Edit {
                name,
                original,
                text,
                reopened,
            } => {
                let saved = kubectl::apply::edit_saved(
                    &mut self.live.cluster,
                    name,
                    original,
                    text,
                    reopened.as_deref(),
                );
                let output = saved.output;
                self.live.reopened_editor = saved.reopen;
                self.live.last_output = output.clone();
                Ok(Happened::Command {
                    line: format!("edit deployment/{name}"),
                    output,
                    scripted: false,
                    wrote: false,
                })
            }
            Action::Step => self.apply_step(Time(i64::MAX)),
            Action::Wait { until } => {
                self.live.cluster.advance_to(*until)?;
                Ok(Happened::Waited { until: *until })
            }
            Action::PodStart { ms } => {
                self.live.cluster.set_pod_start(*ms);
                Ok(Happened::Setting)
            }
            Action::ImageUnready { image, unready } => {
                self.live.cluster.set_image_unready(image, *unready);
                Ok(Happened::Setting)
            }
            Action::ImageFails { image, fails } => {
                self.live.cluster.set_image_failing(image, *fails);
                Ok(Happened::Setting)
            }
            Action::ImageCrashes { image, after_ms } => {
                self.live.cluster.set_image_crash_after(image, *after_ms);
                Ok(Happened::Setting)
            }
        }
    }

    /// The next script step or cluster change, taking no change after `limit`.
    fn apply_step(&mut self, limit: Time) -> Result<Happened, SimError> {
        let live = &mut self.live;
        loop {
            match self.scenario.steps.get(live.script_pos) {
                Some(Step::Kubectl(line)) => {
                    live.script_pos += 1;
                    let output = kubectl::run(&mut live.cluster, line);
                    live.last_output = output.clone();
                    return Ok(Happened::Command {
                        line: line.clone(),
                        output,
                        scripted: true,
                        wrote: false,
                    });
                }
                Some(Step::Apply(object)) => {
                    live.script_pos += 1;
                    let output =
                        match kubectl::apply::apply_object(&mut live.cluster, object, "STDIN") {
                            Ok(stdout) => Output::ok(stdout),
                            Err(f) => Output::failed(String::new(), f),
                        };
                    live.last_output = output.clone();
                    return Ok(Happened::Command {
                        line: "apply -f -".into(),
                        output,
                        scripted: true,
                        wrote: false,
                    });
                }
                Some(Step::Sync(n)) => {
                    live.script_pos += 1;
                    let before = live.cluster.events().len();
                    live.cluster.sync_deployments(*n);
                    return Ok(Happened::Change {
                        what: UnitKind::DeploymentSync(self.deployment.clone()),
                        events: before..live.cluster.events().len(),
                        created: 0,
                        deleted: 0,
                    });
                }
                Some(Step::Expect(e)) => {
                    live.script_pos += 1;
                    let failures =
                        check_step(e, &live.cluster, &self.deployment, &live.last_output);
                    return Ok(Happened::Checked { failures });
                }
                Some(Step::Advance(s)) => {
                    let until = match live.wait {
                        Some(Wait::Until(t)) => t,
                        _ => Time(live.cluster.now().0 + (s * 1000.0).round() as i64),
                    };
                    live.wait = Some(Wait::Until(until));
                    if let Some(report) = live.cluster.step_change_until(until.min(limit))? {
                        return Ok(Happened::Change {
                            what: report.what,
                            events: report.events,
                            created: report.pods_created,
                            deleted: report.pods_deleted,
                        });
                    }
                    if until > limit {
                        return Ok(Happened::Idle);
                    }
                    live.cluster.advance_to(until)?;
                    live.wait = None;
                    live.script_pos += 1;
                    return Ok(Happened::Waited { until });
                }
                Some(Step::Settle(_)) => {
                    live.wait = Some(Wait::Settled);
                    if let Some(report) = live.cluster.step_change_until(limit)? {
                        return Ok(Happened::Change {
                            what: report.what,
                            events: report.events,
                            created: report.pods_created,
                            deleted: report.pods_deleted,
                        });
                    }
                    if live.cluster.next_due_or_now().is_some() {
                        // Settling goes on after `limit`.
                        return Ok(Happened::Idle);
                    }
                    live.wait = None;
                    live.script_pos += 1;
                }
                None => {
                    return Ok(match live.cluster.step_change_until(limit)? {
                        Some(report) => Happened::Change {
                            what: report.what,
                            events: report.events,
                            created: report.pods_created,
                            deleted: report.pods_deleted,
                        },
                        None => Happened::Idle,
                    })
                }
            }
        }
    }
}

fn checkpoint_pods(checkpoints: &[(usize, Live)]) -> usize {
    checkpoints
        .iter()
        .map(|(_, live)| live.cluster.pod_counts().0.max(0) as usize)
        .sum()
}

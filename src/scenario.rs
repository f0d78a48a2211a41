//! Scenario format v1 (shared/spec/scenario-format.md): load a scenario
//! file, build its initial cluster, run its steps, check its expectations,
//! and write the result document. The web app saves, shares and replays
//! the same format.

pub mod chart;
pub mod embed;
pub mod expect;
pub mod export;
pub mod format;
pub mod initial;
pub mod load;
pub mod presets;
pub mod report;
pub mod run;
pub mod session;
pub mod share;

pub use format::{Expect, InitialReplicaSet, Scenario, Step};
pub use load::{load, LoadError};
pub use report::{RunReport, StepReport};
pub use run::{run_scenario, Runner};
pub use session::{Action, Frame, Happened, Outcome, PodCounts, Session};

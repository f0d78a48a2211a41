//! The one native integration-test binary: a module per feature.

mod chart;
mod cli;
mod conformance;
mod decisions;
mod delete;
mod dry_run;
mod embed;
mod events;
mod export;
mod failure_lab;
mod fuzz;
mod i18n;
mod import;
mod kubectl;
mod properties;
mod quota;
mod real_kubectl;
mod rollout_status;
mod scheduler;
mod session;
mod share;
mod stepping;
mod support;
mod tidy;
mod yaml;

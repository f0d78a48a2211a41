//! `kubectl cordon|uncordon NODE` (`pkg/cmd/drain`, RunCordonOrUncordon):
//! marks a node unschedulable, or schedulable again.

use super::args;
use super::dry_run::DryRun;
use super::{Failure, Output};
use crate::sim::{ApiError, Cluster};

/// `cordon` (`desired` true) or `uncordon`; a dry run (on a copy of the
/// cluster) says so after the operation, as PrintFlagsWithDryRunStrategy does.
pub fn run(
    c: &mut Cluster,
    words: &[String],
    desired: bool,
    strategy: DryRun,
) -> Result<Output, Failure> {
    let verb = if desired { "cordon" } else { "uncordon" };
    let a = args::parse(words, &[], &format!("kubectl {verb}"))?;
    let Some(name) = a.positional.first() else {
        return Err(Failure::error(format!(
            "USAGE: {verb} NODE [flags]\nSee 'kubectl {verb} -h' for help and examples"
        )));
    };
    // The resource builder takes one node name (cmd.Use is `cordon NODE`).
    if a.positional.len() > 1 {
        return Err(Failure::error(format!(
            "USAGE: {verb} NODE [flags]\nSee 'kubectl {verb} -h' for help and examples"
        )));
    }
    let changed = c
        .set_node_unschedulable(name, desired)
        .map_err(|e| match e {
            ApiError::NotFound { .. } => Failure(format!(
                "Error from server (NotFound): nodes \"{name}\" not found"
            )),
            other => Failure::from(other),
        })?;
    // already() and changed() in drain.go.
    let operation = match (changed, desired) {
        (true, true) => "cordoned",
        (true, false) => "uncordoned",
        (false, true) => "already cordoned",
        (false, false) => "already uncordoned",
    };
    Ok(Output::ok(format!(
        "node/{name} {operation}{}\n",
        strategy.suffix()
    )))
}

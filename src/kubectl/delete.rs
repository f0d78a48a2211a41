//! `kubectl delete pod|replicaset|deployment NAME...` (pkg/cmd/delete):
//! the grace-period rules of `DeleteOptions.Complete` and `Validate`, the
//! garbage collector's background cascade, and `PrintObj`'s
//! `pod "NAME" deleted from default namespace`. kubectl then waits for the
//! objects to be gone (`--wait`); the console returns at once, and the
//! simulated clock moves on with Step or Play.

use super::args::{self, bool_flag, flag, short, Kind};
use super::dry_run::DryRun;
use super::{Failure, Output};
use crate::sim::Cluster;
use crate::text::quoted;

const IMMEDIATE_DELETION_WARNING: &str = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

pub fn run(c: &mut Cluster, words: &[String], strategy: DryRun) -> Result<Output, Failure> {
    let a = args::parse(
        words,
        &[
            flag("grace-period"),
            bool_flag("now"),
            bool_flag("force"),
            bool_flag("wait"),
            bool_flag("ignore-not-found"),
            flag("cascade"),
            short(flag("output"), 'o'),
        ],
        "kubectl delete",
    )?;
    let name_only = match a.get("output") {
        None => false,
        Some("name") => true,
        Some(other) => {
            return Err(Failure::error(format!(
                "unexpected -o output mode: {other}. We only support '-o name'"
            )))
        }
    };
    // GetCascadingStrategy (foreground deletes as background does here: the dependents go at once).
    let orphan = match a.get("cascade").unwrap_or("background") {
        "background" | "foreground" | "true" | "" => false,
        "orphan" | "false" => true,
        other => {
            return Err(Failure::error(format!(
                r#"invalid cascade value ({other}). Must be "background", "foreground", or "orphan""#
            )))
        }
    };
    // Complete: --now is a grace period of 1; 0 without --force becomes 1; --force alone is 0.
    let force = a.bool("force", false)?;
    // A bad number is pflag's error, with cobra's usage hint.
    let mut grace = a
        .int("grace-period")
        .map_err(|f| Failure(format!("{}\nSee 'kubectl delete --help' for usage.", f.0)))?
        .unwrap_or(-1);
    if a.bool("now", false)? {
        if grace != -1 {
            return Err(Failure::error(
                "--now and --grace-period cannot be specified together",
            ));
        }
        grace = 1;
    }
    if grace == 0 && !force {
        grace = 1;
    }
    if force && grace < 0 {
        grace = 0;
    }
    // Validate.
    if force && grace > 0 {
        return Err(Failure::error(
            "--force and --grace-period greater than 0 cannot be specified together",
        ));
    }
    let mut out = Output::default();
    if force && grace == 0 {
        out.stderr.push_str(IMMEDIATE_DELETION_WARNING);
    }
    let (kind, names) = args::resources(&a.positional)?;
    if names.is_empty() {
        return Err(Failure::error(
            "resource(s) were provided, but no name was specified",
        ));
    }
    let ignore_not_found = a.bool("ignore-not-found", false)?;
    // The resource builder continues on error: the other names are still deleted.
    for name in &names {
        let deleted = match kind {
            Kind::Pod => c.delete_pod_named(name, (grace >= 0).then_some(grace)),
            Kind::ReplicaSet => c.delete_replica_set_by_user(name, orphan),
            Kind::Deployment => c.delete_deployment(name, orphan),
            Kind::Node => Err(crate::sim::ApiError::Controller(format!(
                "error: deleting nodes is not modelled by this simulator (cordon {name} keeps new pods off it)"
            ))),
            Kind::ResourceQuota => c.delete_quota(name),
            Kind::Event => Err(crate::sim::ApiError::Controller("error: deleting events is not modelled by this simulator".into())),
        };
        match deleted {
            Ok(()) => out
                .stdout
                .push_str(&printed(kind, name, grace, strategy, name_only)),
            Err(crate::sim::ApiError::NotFound { .. }) if ignore_not_found => {}
            Err(e) => {
                out.stderr.push_str(&Failure::from(e).0);
                out.stderr.push('\n');
                out.exit_code = 1;
            }
        }
    }
    Ok(out)
}

/// DeleteOptions.PrintObj.
fn printed(kind: Kind, name: &str, grace: i64, strategy: DryRun, name_only: bool) -> String {
    if name_only {
        return format!("{}/{name}\n", kind.prefix());
    }
    let operation = if grace == 0 {
        "force deleted"
    } else {
        "deleted"
    };
    format!(
        "{} {} {operation} from default namespace{}\n",
        kind.prefix(),
        quoted(name),
        strategy.suffix()
    )
}

//! `kubectl rollout undo` (polymorphichelpers/rollback.go): client side.
//! It copies the chosen ReplicaSet's template into the Deployment; the
//! controller then treats that ReplicaSet as the new one and rolls it out.

use crate::api::{keys, ReplicaSet};
use crate::kubectl::describe::describe_pod_template;
use crate::kubectl::{get_deployment, printed, Failure, Output};
use crate::sim::deployment::util::equal_ignore_hash;
use crate::sim::Cluster;
use crate::text::quoted;

const APPLY_WARNING: &str = "Warning: resource deployments/{NAME} was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n";

pub fn run(c: &mut Cluster, name: &str, to_revision: i64) -> Output {
    with_apply_warning(c, name, |c| rollback(c, name, to_revision))
}

/// `--dry-run=client`: the template of the revision it would roll back to,
/// as `printTemplate` describes it, in the name printer's operation (so
/// kubectl prints `deployment.apps/NAME Pod Template: … (dry run)`). Not
/// checked: a paused Deployment, a template that already matches.
pub fn dry_run_client(c: &mut Cluster, name: &str, to_revision: i64) -> Output {
    with_apply_warning(c, name, |c| {
        let rss: Vec<ReplicaSet> = c.replica_sets_of(name).into_iter().cloned().collect();
        let target = revision_to_roll_back_to(&rss, name, to_revision)?;
        Ok(printed(
            name,
            &format!("{} (dry run)", describe_pod_template(&target.spec.template)),
        ))
    })
}

/// RunUndo: the warning for a Deployment `kubectl apply` manages comes
/// first, whatever the rollback then does.
fn with_apply_warning(
    c: &mut Cluster,
    name: &str,
    undo: impl FnOnce(&mut Cluster) -> Result<String, Failure>,
) -> Output {
    let d = match get_deployment(c, name) {
        Ok(d) => d,
        Err(f) => return Output::failed(String::new(), f),
    };
    let warning = if d.metadata.annotations.contains_key(keys::LAST_APPLIED) {
        APPLY_WARNING.replace("{NAME}", name)
    } else {
        String::new()
    };
    let mut out = match undo(c) {
        Ok(stdout) => Output::ok(stdout),
        Err(f) => Output::failed(String::new(), f),
    };
    out.stderr = warning + &out.stderr;
    out
}

/// deploymentRevision's errors around `rollback_target`.
fn revision_to_roll_back_to<'a>(
    rss: &'a [ReplicaSet],
    name: &str,
    to_revision: i64,
) -> Result<&'a ReplicaSet, Failure> {
    if to_revision < 0 {
        return Err(Failure::error(format!(
            "unable to find specified revision {to_revision} in history"
        )));
    }
    rollback_target(rss, to_revision).ok_or_else(|| {
        if to_revision == 0 {
            Failure::error(format!(
                "no rollout history found for deployment {name}",
                name = quoted(name)
            ))
        } else {
            Failure::error(format!(
                "unable to find specified revision {to_revision} in history"
            ))
        }
    })
}

fn rollback(c: &mut Cluster, name: &str, to_revision: i64) -> Result<String, Failure> {
    let mut d = get_deployment(c, name)?;
    let rss: Vec<ReplicaSet> = c.replica_sets_of(name).into_iter().cloned().collect();
    let target = revision_to_roll_back_to(&rss, name, to_revision)?;
    if d.spec.paused {
        return Err(Failure::error(
            "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
        ));
    }
    if equal_ignore_hash(&target.spec.template, &d.spec.template) {
        return Ok(printed(
            name,
            &format!("skipped rollback (current template already matches revision {to_revision})"),
        ));
    }
    // The patch: the template without the hash label, and the annotations
    // replaced wholesale by the Deployment's skip-list ones plus the RS's others.
    let mut template = (*target.spec.template).clone();
    template.metadata.labels.remove(keys::POD_TEMPLATE_HASH);
    d.spec.template = std::sync::Arc::new(template);
    let mut annotations = std::collections::BTreeMap::new();
    for (k, v) in &d.metadata.annotations {
        if keys::skip_copy_annotation(k) {
            annotations.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in &target.metadata.annotations {
        if !keys::skip_copy_annotation(k) {
            annotations.insert(k.clone(), v.clone());
        }
    }
    d.metadata.annotations = annotations;
    c.update_deployment(d)?;
    Ok(printed(name, "rolled back"))
}

/// deploymentRevision: the ReplicaSet of revision N, or for 0 the one with
/// the second-highest revision (ties keep the first seen).
fn rollback_target(rss: &[ReplicaSet], to_revision: i64) -> Option<&ReplicaSet> {
    if to_revision > 0 {
        return rss
            .iter()
            .find(|rs| rs.revision().ok() == Some(to_revision));
    }
    let (mut latest_revision, mut previous_revision) = (-1i64, -1i64);
    let (mut latest, mut previous): (Option<&ReplicaSet>, Option<&ReplicaSet>) = (None, None);
    for rs in rss {
        let Ok(v) = rs.revision() else { continue };
        if latest_revision < v {
            previous_revision = latest_revision;
            previous = latest;
            latest_revision = v;
            latest = Some(rs);
        } else if previous_revision < v {
            previous_revision = v;
            previous = Some(rs);
        }
    }
    previous
}

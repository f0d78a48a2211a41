//! Port of `pkg/controller/deployment/rollback.go`: the legacy rollback
//! request, an annotation (`deprecated.deployment.rollback.to`) left by
//! old extensions/v1beta1 clients. `kubectl rollout undo` does not use it
//! (undo is client side); it is here so such objects behave as upstream.

use super::sync::get_all_replica_sets_and_sync_revision;
use super::util::{equal_ignore_hash, last_revision, refs};
use crate::api::{keys, Deployment, ReplicaSet};
use crate::sim::why::Why;
use crate::sim::{ApiError, Cluster};
use crate::text::quoted;
use std::sync::Arc;

/// getRollbackTo: the requested revision, if the annotation parses.
pub fn get_rollback_to(d: &Deployment) -> Option<i64> {
    d.metadata
        .annotation(keys::ROLLBACK_TO)
        .filter(|v| !v.is_empty())?
        .parse()
        .ok()
}

/// rollback: copy the chosen revision's template back (or give up with a
/// warning) and clear the request; the rollout itself happens later.
pub fn rollback(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
) -> Result<(), ApiError> {
    let (new_rs, old_rss) = get_all_replica_sets_and_sync_revision(c, d, rs_list, true)?;
    let all: Vec<Arc<ReplicaSet>> = old_rss.into_iter().chain(new_rs).collect();
    let mut revision = get_rollback_to(d).unwrap_or(0);
    if revision == 0 {
        revision = last_revision(refs(&all));
        if revision == 0 {
            warn(
                c,
                d,
                "DeploymentRollbackRevisionNotFound",
                "Unable to find last revision.".into(),
            );
            return update_deployment_and_clear_rollback_to(c, d);
        }
    }
    let Some(rs) = all.iter().find(|rs| rs.revision().ok() == Some(revision)) else {
        warn(
            c,
            d,
            "DeploymentRollbackRevisionNotFound",
            "Unable to find the revision to rollback to.".into(),
        );
        return update_deployment_and_clear_rollback_to(c, d);
    };
    if rollback_to_template(c, d, rs)? {
        let message = format!(
            "Rolled back deployment {} to revision {revision}",
            quoted(d.name())
        );
        c.record_event(d, "Normal", "DeploymentRollback", message, Why::Unexplained);
    }
    Ok(())
}

/// rollbackToTemplate: true if the template changed.
fn rollback_to_template(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs: &ReplicaSet,
) -> Result<bool, ApiError> {
    if equal_ignore_hash(&d.spec.template, &rs.spec.template) {
        let message = format!(
            "The rollback revision contains the same template as current deployment {}",
            quoted(d.name())
        );
        warn(c, d, "DeploymentRollbackTemplateUnchanged", message);
        update_deployment_and_clear_rollback_to(c, d)?;
        return Ok(false);
    }
    let dm = Arc::make_mut(d);
    // SetFromReplicaSetTemplate: the template without the hash label.
    let mut template = (*rs.spec.template).clone();
    template.metadata.labels.remove(keys::POD_TEMPLATE_HASH);
    dm.spec.template = Arc::new(template);
    // SetDeploymentAnnotationsTo: the skip-list annotations kept, the rest from the RS.
    dm.metadata
        .annotations
        .retain(|k, _| keys::skip_copy_annotation(k));
    for (k, v) in &rs.metadata.annotations {
        if !keys::skip_copy_annotation(k) {
            dm.metadata.annotations.insert(k.clone(), v.clone());
        }
    }
    update_deployment_and_clear_rollback_to(c, d)?;
    Ok(true)
}

fn update_deployment_and_clear_rollback_to(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
) -> Result<(), ApiError> {
    Arc::make_mut(d)
        .metadata
        .annotations
        .remove(keys::ROLLBACK_TO);
    c.update_held_deployment(d);
    Ok(())
}

fn warn(c: &mut Cluster, d: &Deployment, reason: &'static str, message: String) {
    c.record_event(d, "Warning", reason, message, Why::Unexplained);
}

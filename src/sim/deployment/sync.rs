//! Port of `pkg/controller/deployment/sync.go`: the mechanics every strategy
//! shares — finding and creating the new ReplicaSet, revisions, scaling
//! (proportional scaling included), history cleanup and status.

use super::util::*;
use crate::api::{
    keys, reasons, Deployment, DeploymentStatus, OwnerReference, PodTemplateSpec, ReplicaSet,
    ReplicaSetSpec, Time,
};
use crate::sim::controller_utils::{self, sort_by_size_newer, sort_by_size_older};
use crate::sim::hash::compute_hash;
use crate::sim::why::{Fencepost, Why};
use crate::sim::{ApiError, Cluster};
use crate::text::quoted;
use std::sync::Arc;

/// New ReplicaSet (if any) and all old ones, as upstream returns them.
pub type Split = (Option<Arc<ReplicaSet>>, Vec<Arc<ReplicaSet>>);

/// syncStatusOnly: status only, no mutation (a Deployment being deleted).
pub fn sync_status_only(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
) -> Result<(), ApiError> {
    let (new_rs, old_rss) = get_all_replica_sets_and_sync_revision(c, d, rs_list, false)?;
    sync_deployment_status(c, &old_rss, new_rs.as_deref(), d);
    Ok(())
}

/// sync: reconcile a scaling event or a paused Deployment — scale, clean up
/// history when paused, write status. Never rolls anything out.
pub fn sync(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
) -> Result<(), ApiError> {
    let (new_rs, mut old_rss) = get_all_replica_sets_and_sync_revision(c, d, rs_list, false)?;
    scale(c, d, new_rs.as_ref(), &mut old_rss)?;
    // Clean up the deployment when it's paused and no rollback is in flight.
    if d.spec.paused && super::rollback::get_rollback_to(d).is_none() {
        cleanup_deployment(c, &old_rss, d);
    }
    sync_deployment_status(c, &old_rss, new_rs.as_deref(), d);
    Ok(())
}

/// checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed,
/// never over a ProgressDeadlineExceeded. Written on its own.
pub fn check_paused_conditions(c: &mut Cluster, d: &mut Arc<Deployment>) {
    if !has_progress_deadline(d) {
        return;
    }
    let cond = d.status.condition(reasons::PROGRESSING);
    if cond.is_some_and(|c| c.reason == reasons::TIMED_OUT_REASON) {
        return;
    }
    let paused_cond_exists = cond.is_some_and(|c| c.reason == reasons::PAUSED_DEPLOY_REASON);
    let condition = if d.spec.paused && !paused_cond_exists {
        new_deployment_condition(
            reasons::PROGRESSING,
            "Unknown",
            reasons::PAUSED_DEPLOY_REASON,
            "Deployment is paused".into(),
            c.now(),
        )
    } else if !d.spec.paused && paused_cond_exists {
        new_deployment_condition(
            reasons::PROGRESSING,
            "Unknown",
            reasons::RESUMED_DEPLOY_REASON,
            "Deployment is resumed".into(),
            c.now(),
        )
    } else {
        return;
    };
    set_deployment_condition(&mut Arc::make_mut(d).status, condition);
    c.update_deployment_status(d);
}

/// FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's.
pub fn find_new_replica_set<'a, R: std::ops::Deref<Target = ReplicaSet>>(
    d: &Deployment,
    rs_list: &'a [R],
) -> Option<&'a R> {
    rs_list.iter().find(|rs| {
        rs.template_sans_hash
            .as_ref()
            .is_some_and(|t| Arc::ptr_eq(t, &d.spec.template))
            || equal_ignore_hash(&rs.spec.template, &d.spec.template)
    })
}

/// FindOldReplicaSets: every ReplicaSet but the new one (including those at 0).
pub fn find_old_replica_sets(d: &Deployment, rs_list: &[Arc<ReplicaSet>]) -> Vec<Arc<ReplicaSet>> {
    let new_uid = find_new_replica_set(d, rs_list).map(|rs| rs.metadata.uid.clone());
    rs_list
        .iter()
        .filter(|rs| Some(&rs.metadata.uid) != new_uid.as_ref())
        .cloned()
        .collect()
}

/// getAllReplicaSetsAndSyncRevision.
pub fn get_all_replica_sets_and_sync_revision(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
    create_if_not_existed: bool,
) -> Result<Split, ApiError> {
    // FindOldReplicaSets and FindNewReplicaSet, with one template comparison per ReplicaSet.
    let existing = find_new_replica_set(d, rs_list).cloned();
    let all_old_rss: Vec<Arc<ReplicaSet>> = rs_list
        .iter()
        .filter(|rs| existing.as_ref().is_none_or(|n| !Arc::ptr_eq(n, rs)))
        .cloned()
        .collect();
    let new_rs = get_new_replica_set(c, d, existing.as_ref(), &all_old_rss, create_if_not_existed)?;
    Ok((new_rs, all_old_rss))
}

/// getNewReplicaSet: sync an existing new RS's annotations and revision, or
/// create it (sized by NewRSNewReplicas) when allowed.
fn get_new_replica_set(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    existing: Option<&Arc<ReplicaSet>>,
    old_rss: &[Arc<ReplicaSet>],
    create_if_not_existed: bool,
) -> Result<Option<Arc<ReplicaSet>>, ApiError> {
    let new_revision = max_revision(refs(old_rss)).saturating_add(1);

    if let Some(existing) = existing {
        // Checked before copying: this runs on every sync, the update rarely.
        let annotations_updated =
            new_replica_set_annotations_would_change(d, existing, new_revision);
        let min_ready_needs_update = existing.spec.min_ready_seconds != d.spec.min_ready_seconds;
        if annotations_updated || min_ready_needs_update {
            let mut rs_copy = ReplicaSet::clone(existing);
            set_new_replica_set_annotations(d, &mut rs_copy, new_revision, true);
            // The Deployment's own revision follows in a later sync.
            rs_copy.spec.min_ready_seconds = d.spec.min_ready_seconds;
            return c.update_replica_set(rs_copy).map(Some);
        }
        let revision = existing.metadata.annotation(keys::REVISION).unwrap_or("");
        let mut needs_update = false;
        if d.metadata.annotation(keys::REVISION) != Some(revision) {
            needs_update |= set_deployment_revision(Arc::make_mut(d), revision);
        }
        if has_progress_deadline(d) && d.status.condition(reasons::PROGRESSING).is_none() {
            let msg = format!("Found new replica set {}", quoted(existing.name()));
            set_deployment_condition(
                &mut Arc::make_mut(d).status,
                new_deployment_condition(
                    reasons::PROGRESSING,
                    "True",
                    reasons::FOUND_NEW_RS_REASON,
                    msg,
                    c.now(),
                ),
            );
            needs_update = true;
        }
        if needs_update {
            c.update_deployment_status(d);
        }
        return Ok(Some(existing.clone()));
    }
    if !create_if_not_existed {
        return Ok(None);
    }
    create_new_replica_set(c, d, old_rss, new_revision).map(Some)
}

fn create_new_replica_set(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    old_rss: &[Arc<ReplicaSet>],
    new_revision: i64,
) -> Result<Arc<ReplicaSet>, ApiError> {
    let hash = compute_hash(&d.spec.template, d.status.collision_count);
    let name = generate_replica_set_name(d.name(), &hash);
    let mut new_rs = replica_set_from_template(d, d.spec.template.clone(), &hash, name);
    let new_replicas_count = new_rs_new_replicas(d, refs(old_rss).chain([&new_rs]), &new_rs);
    new_rs.spec.replicas = new_replicas_count;
    set_new_replica_set_annotations(d, &mut new_rs, new_revision, false);

    let (created, already_exists) = match c.create_replica_set(new_rs.clone()) {
        Ok(rs) => (rs, false),
        Err(ApiError::AlreadyExists { .. }) => {
            let Some(existing) = c.replica_sets.get(new_rs.name()).cloned() else {
                return Err(ApiError::Controller(format!(
                    "replica set {} vanished",
                    new_rs.name()
                )));
            };
            let owned = existing
                .metadata
                .owner_references
                .iter()
                .any(|o| o.controller && o.uid == d.metadata.uid);
            if owned && equal_ignore_hash(&d.spec.template, &existing.spec.template) {
                (existing, true)
            } else {
                // A hash collision: bump collisionCount so the next sync hashes differently.
                *Arc::make_mut(d).status.collision_count.get_or_insert(0) += 1;
                c.update_deployment_status(d);
                return Err(ApiError::AlreadyExists {
                    resource: "replicasets.apps",
                    name: new_rs.name().to_string(),
                });
            }
        }
        Err(e) => return Err(e),
    };
    if !already_exists && new_replicas_count > 0 {
        let why = Why::NewReplicaSet {
            rolling: d.is_rolling_update(),
            replicas: d.replicas(),
            surge: max_surge(d),
            surge_spec: Fencepost::of(d, true),
            old_total: old_rss.iter().map(|rs| rs.spec.replicas).sum(),
            size: new_replicas_count,
        };
        c.record_event(
            d,
            "Normal",
            "ScalingReplicaSet",
            format!(
                "Scaled up replica set {} from 0 to {new_replicas_count}",
                created.name()
            ),
            why,
        );
    }
    let mut needs_update = set_deployment_revision(Arc::make_mut(d), &new_revision.to_string());
    if !already_exists && has_progress_deadline(d) {
        let msg = format!("Created new replica set {}", quoted(created.name()));
        set_deployment_condition(
            &mut Arc::make_mut(d).status,
            new_deployment_condition(
                reasons::PROGRESSING,
                "True",
                reasons::NEW_REPLICA_SET_REASON,
                msg,
                c.now(),
            ),
        );
        needs_update = true;
    }
    if needs_update {
        c.update_deployment_status(d);
    }
    Ok(created)
}

/// The ReplicaSet a Deployment owns for a template (the body of
/// getNewReplicaSet's create): the hash label on its labels, selector and
/// template, owned by the Deployment, at 0 replicas, no annotations yet.
pub fn replica_set_from_template(
    d: &Deployment,
    template_sans_hash: Arc<PodTemplateSpec>,
    hash: &str,
    name: String,
) -> ReplicaSet {
    let mut template = (*template_sans_hash).clone();
    template
        .metadata
        .labels
        .insert(keys::POD_TEMPLATE_HASH.into(), hash.to_string());
    let mut selector = d.selector().clone();
    selector
        .match_labels
        .insert(keys::POD_TEMPLATE_HASH.into(), hash.to_string());
    let mut rs = ReplicaSet {
        api_version: "apps/v1",
        kind: "ReplicaSet",
        template_sans_hash: Some(template_sans_hash),
        ..Default::default()
    };
    rs.metadata.name = name;
    rs.metadata.labels = template.metadata.labels.clone();
    rs.metadata.owner_references = Arc::new([controller_ref(d)]);
    rs.spec = ReplicaSetSpec {
        replicas: 0,
        min_ready_seconds: d.spec.min_ready_seconds,
        selector: Arc::new(selector),
        template: Arc::new(template),
    };
    rs
}

/// generateReplicaSetName: `<deployment>-<hash>`, the Deployment name cut to fit 253 characters.
fn generate_replica_set_name(deployment: &str, hash: &str) -> String {
    let max = 253 - 1 - hash.len();
    let prefix: String = deployment.chars().take(max).collect();
    format!("{prefix}-{hash}")
}

/// isScalingEvent: an active ReplicaSet's desired-replicas annotation
/// differs from spec.replicas (RSs at 0 and unannotated RSs are ignored).
///
/// Also returns the ReplicaSets it found: the rollout that follows would
/// find the same ones (upstream looks again with the same stale list and
/// repeats the same writes, which change nothing the second time).
pub fn is_scaling_event(
    c: &mut Cluster,
    d: &mut Arc<Deployment>,
    rs_list: &[Arc<ReplicaSet>],
) -> Result<(bool, Split), ApiError> {
    let (new_rs, old_rss) = get_all_replica_sets_and_sync_revision(c, d, rs_list, false)?;
    let scaling = refs(&old_rss)
        .chain(new_rs.as_deref())
        .filter(|rs| rs.spec.replicas > 0)
        .filter_map(get_desired_replicas_annotation)
        .any(|desired| desired != d.replicas());
    Ok((scaling, (new_rs, old_rss)))
}

/// scale: one active RS takes the whole count; a saturated new RS empties
/// the old ones; otherwise (RollingUpdate only) proportional scaling.
pub fn scale(
    c: &mut Cluster,
    d: &Deployment,
    new_rs: Option<&Arc<ReplicaSet>>,
    old_rss: &mut [Arc<ReplicaSet>],
) -> Result<(), ApiError> {
    if let Some(rs) = find_active_or_latest(new_rs, old_rss) {
        if rs.spec.replicas == d.replicas() {
            return Ok(());
        }
        let why = Why::SingleActive {
            replicas: d.replicas(),
        };
        scale_replica_set_and_record_event(c, &rs, d.replicas(), d, why)?;
        return Ok(());
    }
    if is_saturated(d, new_rs.map(|rs| &**rs)) {
        let active: Vec<Arc<ReplicaSet>> = old_rss
            .iter()
            .filter(|rs| rs.spec.replicas > 0)
            .cloned()
            .collect();
        for old in active {
            let why = Why::Saturated;
            scale_replica_set_and_record_event(c, &old, 0, d, why)?;
        }
        return Ok(());
    }
    if !d.is_rolling_update() {
        return Ok(());
    }
    let mut all: Vec<Arc<ReplicaSet>> = old_rss
        .iter()
        .chain(new_rs)
        .filter(|rs| rs.spec.replicas > 0)
        .cloned()
        .collect();
    let all_rss_replicas: i32 = all.iter().map(|rs| rs.spec.replicas).sum();
    let allowed_size = if d.replicas() > 0 {
        d.replicas() + max_surge(d)
    } else {
        0
    };
    let to_add = allowed_size - all_rss_replicas;
    match to_add.cmp(&0) {
        std::cmp::Ordering::Greater => sort_by_size_newer(&mut all),
        std::cmp::Ordering::Less => sort_by_size_older(&mut all),
        std::cmp::Ordering::Equal => {}
    }
    let mut added = 0;
    let mut sizes: Vec<i32> = Vec::with_capacity(all.len());
    for rs in &all {
        if to_add != 0 {
            let proportion = get_replica_set_proportion(rs, d, to_add, added);
            sizes.push(rs.spec.replicas + proportion);
            added += proportion;
        } else {
            sizes.push(rs.spec.replicas);
        }
    }
    for (i, rs) in all.iter().enumerate() {
        if i == 0 && to_add != 0 {
            sizes[0] = (sizes[0] + to_add - added).max(0);
        }
        let why = Why::Proportional {
            replicas: d.replicas(),
            surge: max_surge(d),
            allowed: allowed_size,
            total: all_rss_replicas,
            to_add,
            size: rs.spec.replicas,
            max_replicas: rs
                .metadata
                .annotation(keys::MAX_REPLICAS)
                .and_then(|v| v.parse().ok()),
        };
        scale_replica_set(c, rs, sizes[i], d, why)?;
    }
    Ok(())
}

/// FindActiveOrLatest: the only active RS, or the newest if none is active;
/// None when several are active. Sorts `old_rss` newest first, in place.
fn find_active_or_latest(
    new_rs: Option<&Arc<ReplicaSet>>,
    old_rss: &mut [Arc<ReplicaSet>],
) -> Option<Arc<ReplicaSet>> {
    if new_rs.is_none() && old_rss.is_empty() {
        return None;
    }
    old_rss.sort_by(|a, b| controller_utils::by_creation_timestamp(b, a));
    let active: Vec<&Arc<ReplicaSet>> = old_rss
        .iter()
        .chain(new_rs)
        .filter(|rs| rs.spec.replicas > 0)
        .collect();
    match active.len() {
        0 => new_rs.cloned().or_else(|| old_rss.first().cloned()),
        1 => Some(active[0].clone()),
        _ => None,
    }
}

/// scaleReplicaSetAndRecordEvent: lazy — nothing if the size is already right.
pub fn scale_replica_set_and_record_event(
    c: &mut Cluster,
    rs: &Arc<ReplicaSet>,
    new_scale: i32,
    d: &Deployment,
    why: Why,
) -> Result<(bool, Arc<ReplicaSet>), ApiError> {
    if rs.spec.replicas == new_scale {
        return Ok((false, rs.clone()));
    }
    scale_replica_set(c, rs, new_scale, d, why)
}

/// scaleReplicaSet: write the size and refresh desired/max-replicas; an
/// event only when the size changed.
pub fn scale_replica_set(
    c: &mut Cluster,
    rs: &Arc<ReplicaSet>,
    new_scale: i32,
    d: &Deployment,
    why: Why,
) -> Result<(bool, Arc<ReplicaSet>), ApiError> {
    let size_needs_update = rs.spec.replicas != new_scale;
    let max = d.replicas() + max_surge(d);
    let annotations_need_update = replicas_annotations_need_update(rs, d.replicas(), max);
    if !size_needs_update && !annotations_need_update {
        return Ok((false, rs.clone()));
    }
    let old_scale = rs.spec.replicas;
    let mut rs_copy = ReplicaSet::clone(rs);
    rs_copy.spec.replicas = new_scale;
    set_replicas_annotations(&mut rs_copy, d.replicas(), max);
    let updated = c.update_replica_set(rs_copy)?;
    if size_needs_update {
        let op = if old_scale < new_scale { "up" } else { "down" };
        let message = format!(
            "Scaled {op} replica set {} from {old_scale} to {new_scale}",
            updated.name()
        );
        c.record_event(d, "Normal", "ScalingReplicaSet", message, why);
    }
    Ok((size_needs_update, updated))
}

/// cleanupDeployment: delete the oldest revisions beyond revisionHistoryLimit,
/// only those fully scaled down and observed; a blocked one keeps its slot.
pub fn cleanup_deployment(c: &mut Cluster, old_rss: &[Arc<ReplicaSet>], d: &Deployment) {
    if !has_revision_history_limit(d) {
        return;
    }
    let mut cleanable: Vec<&ReplicaSet> = refs(old_rss)
        .filter(|rs| rs.metadata.deletion_timestamp.is_none())
        .collect();
    let diff = cleanable.len() as i64 - d.spec.revision_history_limit.unwrap_or(0) as i64;
    if diff <= 0 {
        return;
    }
    cleanable.sort_by(|a, b| controller_utils::by_revision_and_creation_timestamp(a, b));
    for rs in cleanable.into_iter().take(diff as usize) {
        if rs.status.replicas != 0
            || rs.spec.replicas != 0
            || rs.metadata.generation > rs.status.observed_generation
        {
            continue;
        }
        c.delete_replica_set(rs.name());
    }
}

/// syncDeploymentStatus: write calculateStatus if it differs.
pub fn sync_deployment_status(
    c: &mut Cluster,
    old_rss: &[Arc<ReplicaSet>],
    new_rs: Option<&ReplicaSet>,
    d: &mut Arc<Deployment>,
) {
    let new_status = calculate_status(old_rss, new_rs, d, c.now());
    if d.status == new_status {
        return;
    }
    Arc::make_mut(d).status = new_status;
    c.update_deployment_status(d);
}

/// calculateStatus: counts from the ReplicaSets' status (as listed at the
/// start of the sync), and the Available condition.
pub fn calculate_status(
    old_rss: &[Arc<ReplicaSet>],
    new_rs: Option<&ReplicaSet>,
    d: &Deployment,
    now: Time,
) -> DeploymentStatus {
    let all = refs(old_rss).chain(new_rs);
    let available = get_available_replica_count_for_replica_sets(all.clone());
    let total = get_replica_count_for_replica_sets(all.clone());
    let mut status = DeploymentStatus {
        observed_generation: d.metadata.generation,
        replicas: get_actual_replica_count_for_replica_sets(all.clone()),
        updated_replicas: new_rs.map_or(0, |rs| rs.status.replicas),
        ready_replicas: get_ready_replica_count_for_replica_sets(all.clone()),
        available_replicas: available,
        unavailable_replicas: (total - available).max(0),
        terminating_replicas: get_terminating_replica_count_for_replica_sets(all),
        conditions: d.status.conditions.clone(),
        collision_count: d.status.collision_count,
    };
    if available >= d.replicas() - max_unavailable(d) {
        let msg = || "Deployment has minimum availability.".to_string();
        set_deployment_condition_lazily(
            &mut status,
            reasons::AVAILABLE,
            "True",
            reasons::MINIMUM_REPLICAS_AVAILABLE,
            msg,
            now,
        );
    } else {
        let msg = || "Deployment does not have minimum availability.".to_string();
        set_deployment_condition_lazily(
            &mut status,
            reasons::AVAILABLE,
            "False",
            reasons::MINIMUM_REPLICAS_UNAVAILABLE,
            msg,
            now,
        );
    }
    status
}

/// metav1.NewControllerRef: the Deployment as a ReplicaSet's controller.
pub fn controller_ref(d: &Deployment) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        name: d.name().to_string(),
        uid: d.metadata.uid.clone(),
        controller: true,
        block_owner_deletion: true,
    }
}

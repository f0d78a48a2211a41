//! Port of `pkg/controller/deployment/util/deployment_util.go`: the pure
//! helpers every strategy shares. Function names are upstream's in snake_case.

use crate::api::{
    keys, reasons, Deployment, DeploymentCondition, DeploymentStatus, PodTemplateSpec, ReplicaSet,
    Time,
};
use std::sync::Arc;

/// Longest revision-history annotation kept (`maxRevHistoryLengthInChars`).
pub const MAX_REV_HISTORY_LENGTH_IN_CHARS: usize = 2000;

/// The largest maxSurge the simulator honours (in pods): big enough to mean
/// "unlimited" for any Deployment it runs, small enough that sums never overflow.
pub const MAX_SURGE_PODS: i32 = 1 << 29;

/// ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and
/// if both come out 0, maxUnavailable becomes 1 so a rollout can progress.
///
/// | desired | maxSurge | maxUnavailable | result |
/// | 3 | 25% | 25% | 1, 0 |
/// | 10 | 0% | 9% | 0, 1 (both 0 -> unavailable 1) |
pub fn resolve_fenceposts(d: &Deployment, desired: i32) -> (i32, i32) {
    let ru = d.spec.strategy.rolling_update.as_ref();
    let scaled = |v: Option<&crate::api::IntOrString>, up: bool| {
        v.map(|v| v.scaled_value(desired, up).unwrap_or(0))
            .unwrap_or(0)
    };
    // Go would wrap int32 sums of replicas + an absurd maxSurge; the simulator caps it instead.
    let surge = scaled(ru.and_then(|r| r.max_surge.as_ref()), true).clamp(0, MAX_SURGE_PODS);
    let unavailable = scaled(ru.and_then(|r| r.max_unavailable.as_ref()), false);
    if surge == 0 && unavailable == 0 {
        return (0, 1);
    }
    (surge, unavailable)
}

/// MaxSurge: the resolved surge for RollingUpdate, 0 otherwise (never clamped).
pub fn max_surge(d: &Deployment) -> i32 {
    if !d.is_rolling_update() {
        return 0;
    }
    resolve_fenceposts(d, d.replicas()).0
}

/// MaxUnavailable: the resolved value clamped to spec.replicas; 0 for
/// Recreate and for a Deployment scaled to 0.
pub fn max_unavailable(d: &Deployment) -> i32 {
    if !d.is_rolling_update() || d.replicas() == 0 {
        return 0;
    }
    resolve_fenceposts(d, d.replicas()).1.min(d.replicas())
}

/// NewRSNewReplicas: how big the new RS may be now. RollingUpdate grows it
/// by at most the room left under replicas + maxSurge, never past replicas.
pub fn new_rs_new_replicas<'a>(
    d: &Deployment,
    all_rss: impl IntoIterator<Item = &'a ReplicaSet>,
    new_rs: &ReplicaSet,
) -> i32 {
    if !d.is_rolling_update() {
        return d.replicas();
    }
    let surge = d
        .spec
        .strategy
        .rolling_update
        .as_ref()
        .and_then(|r| r.max_surge.as_ref())
        .map(|v| v.scaled_value(d.replicas(), true).unwrap_or(0))
        .unwrap_or(0)
        .clamp(0, MAX_SURGE_PODS);
    let current_pod_count = get_replica_count_for_replica_sets(all_rss);
    let max_total_pods = d.replicas() + surge;
    if current_pod_count >= max_total_pods {
        return new_rs.spec.replicas;
    }
    let scale_up_count =
        (max_total_pods - current_pod_count).min(d.replicas() - new_rs.spec.replicas);
    new_rs.spec.replicas + scale_up_count
}

/// EqualIgnoreHash: templates equal once the pod-template-hash label is dropped from both.
pub fn equal_ignore_hash(a: &PodTemplateSpec, b: &PodTemplateSpec) -> bool {
    fn labels(t: &PodTemplateSpec) -> impl Iterator<Item = (&String, &String)> {
        t.metadata
            .labels
            .iter()
            .filter(|(k, _)| k.as_str() != keys::POD_TEMPLATE_HASH)
    }
    a.spec == b.spec
        && a.metadata.annotations == b.metadata.annotations
        && labels(a).eq(labels(b))
        && a.metadata.name == b.metadata.name
        && a.metadata.namespace == b.metadata.namespace
}

/// Borrowed views of shared ReplicaSets, for the counting helpers below
/// (an iterator: these run on every sync and allocate nothing).
pub fn refs(rss: &[Arc<ReplicaSet>]) -> impl Iterator<Item = &ReplicaSet> + Clone {
    rss.iter().map(|rs| &**rs)
}

/// MaxRevision over a set of ReplicaSets (unparseable revisions are skipped).
pub fn max_revision<'a>(rss: impl IntoIterator<Item = &'a ReplicaSet>) -> i64 {
    rss.into_iter()
        .filter_map(|rs| rs.revision().ok())
        .max()
        .unwrap_or(0)
        .max(0)
}

/// LastRevision: the second-highest revision.
pub fn last_revision<'a>(rss: impl IntoIterator<Item = &'a ReplicaSet>) -> i64 {
    let (mut max, mut sec_max) = (0i64, 0i64);
    for v in rss.into_iter().filter_map(|rs| rs.revision().ok()) {
        if v >= max {
            sec_max = max;
            max = v;
        } else if v > sec_max {
            sec_max = v;
        }
    }
    sec_max
}

/// copyDeploymentAnnotationsToReplicaSet: add or overwrite, never delete, skip the skip list.
fn copy_deployment_annotations_to_replica_set(d: &Deployment, rs: &mut ReplicaSet) -> bool {
    let mut changed = false;
    for (k, v) in &d.metadata.annotations {
        if keys::skip_copy_annotation(k) || rs.metadata.annotations.get(k) == Some(v) {
            continue;
        }
        rs.metadata.annotations.insert(k.clone(), v.clone());
        changed = true;
    }
    changed
}

/// SetNewReplicaSetAnnotations: copy annotations, raise the revision (never
/// lower it) remembering the old one in revision-history, and for a new RS
/// set desired/max-replicas.
pub fn set_new_replica_set_annotations(
    d: &Deployment,
    rs: &mut ReplicaSet,
    new_revision: i64,
    exists: bool,
) -> bool {
    let mut changed = copy_deployment_annotations_to_replica_set(d, rs);
    let old = rs.metadata.annotations.get(keys::REVISION).cloned();
    let old_int = match &old {
        None => 0,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => n,
            Err(_) => return false,
        },
    };
    if old_int < new_revision {
        rs.metadata
            .annotations
            .insert(keys::REVISION.into(), new_revision.to_string());
        changed = true;
        if let Some(old) = old {
            append_revision_history(rs, &old);
        }
    }
    if !exists && set_replicas_annotations(rs, d.replicas(), d.replicas() + max_surge(d)) {
        changed = true;
    }
    changed
}

fn append_revision_history(rs: &mut ReplicaSet, old_revision: &str) {
    let history = rs
        .metadata
        .annotations
        .get(keys::REVISION_HISTORY)
        .cloned()
        .unwrap_or_default();
    if history.is_empty() {
        rs.metadata
            .annotations
            .insert(keys::REVISION_HISTORY.into(), old_revision.to_string());
        return;
    }
    let old: Vec<&str> = history.split(',').collect();
    let mut total = history.len() + old_revision.len() + 1;
    let mut start = 0;
    while total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.len() {
        total -= old[start].len() + 1;
        start += 1;
    }
    if total <= MAX_REV_HISTORY_LENGTH_IN_CHARS {
        let mut kept: Vec<&str> = old[start..].to_vec();
        kept.push(old_revision);
        rs.metadata
            .annotations
            .insert(keys::REVISION_HISTORY.into(), kept.join(","));
    }
}

/// Whether SetNewReplicaSetAnnotations(d, rs, new_revision, exists = true)
/// would report a change, without copying the ReplicaSet.
pub fn new_replica_set_annotations_would_change(
    d: &Deployment,
    rs: &ReplicaSet,
    new_revision: i64,
) -> bool {
    let copy_changes =
        d.metadata.annotations.iter().any(|(k, v)| {
            !keys::skip_copy_annotation(k) && rs.metadata.annotations.get(k) != Some(v)
        });
    let old = match rs.metadata.annotation(keys::REVISION) {
        None => 0,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => n,
            Err(_) => return false,
        },
    };
    copy_changes || old < new_revision
}

/// SetDeploymentRevision: true if the Deployment's revision annotation changed.
pub fn set_deployment_revision(d: &mut Deployment, revision: &str) -> bool {
    if d.metadata.annotation(keys::REVISION) == Some(revision) {
        return false;
    }
    d.metadata
        .annotations
        .insert(keys::REVISION.into(), revision.to_string());
    true
}

/// SetReplicasAnnotations: desired-replicas and max-replicas; true if either changed.
pub fn set_replicas_annotations(rs: &mut ReplicaSet, desired: i32, max: i32) -> bool {
    let mut changed = false;
    for (key, value) in [(keys::DESIRED_REPLICAS, desired), (keys::MAX_REPLICAS, max)] {
        if !is_annotation(rs, key, value) {
            rs.metadata
                .annotations
                .insert(key.into(), value.to_string());
            changed = true;
        }
    }
    changed
}

/// ReplicasAnnotationsNeedUpdate.
pub fn replicas_annotations_need_update(rs: &ReplicaSet, desired: i32, max: i32) -> bool {
    !is_annotation(rs, keys::DESIRED_REPLICAS, desired)
        || !is_annotation(rs, keys::MAX_REPLICAS, max)
}

/// Whether the annotation is `value` as Go's strconv.Itoa writes it,
/// compared without writing it: it parses to `value` and has no sign or
/// zero the decimal form would not have.
fn is_annotation(rs: &ReplicaSet, key: &str, value: i32) -> bool {
    rs.metadata.annotation(key).is_some_and(|text| {
        let digits = text.strip_prefix('-').unwrap_or(text);
        (text.parse() == Ok(value) && !digits.starts_with(['+', '0']))
            || (text == "0" && value == 0)
    })
}

/// An int32 annotation: missing or invalid is None (getIntFromAnnotation).
fn int_annotation(rs: &ReplicaSet, key: &str) -> Option<i32> {
    rs.metadata.annotation(key)?.parse::<i32>().ok()
}

/// GetDesiredReplicasAnnotation.
pub fn get_desired_replicas_annotation(rs: &ReplicaSet) -> Option<i32> {
    int_annotation(rs, keys::DESIRED_REPLICAS)
}

fn get_max_replicas_annotation(rs: &ReplicaSet) -> Option<i32> {
    int_annotation(rs, keys::MAX_REPLICAS)
}

/// IsSaturated: the new RS has all replicas, knows it, and all are available.
pub fn is_saturated(d: &Deployment, rs: Option<&ReplicaSet>) -> bool {
    let Some(rs) = rs else { return false };
    let Some(desired) = get_desired_replicas_annotation(rs) else {
        return false;
    };
    rs.spec.replicas == d.replicas()
        && desired == d.replicas()
        && rs.status.available_replicas == d.replicas()
}

/// GetReplicaSetProportion: this RS's share of `to_add`, bounded by what is left.
pub fn get_replica_set_proportion(rs: &ReplicaSet, d: &Deployment, to_add: i32, added: i32) -> i32 {
    if rs.spec.replicas == 0 || to_add == 0 || to_add == added {
        return 0;
    }
    let fraction = get_replica_set_fraction(rs, d);
    let allowed = to_add - added;
    if to_add > 0 {
        fraction.min(allowed)
    } else {
        fraction.max(allowed)
    }
}

/// getReplicaSetFraction: round(rs × newMax / oldMax) − rs, rounding half
/// away from zero as `integer.RoundToInt32` does.
pub fn get_replica_set_fraction(rs: &ReplicaSet, d: &Deployment) -> i32 {
    if d.replicas() == 0 {
        return -rs.spec.replicas;
    }
    let new_max = (d.replicas() + max_surge(d)) as i64;
    let mut old_max = get_max_replicas_annotation(rs).unwrap_or(0) as i64;
    if old_max == 0 {
        old_max = d.status.replicas as i64;
        if old_max == 0 {
            return 0;
        }
    }
    let size = round_half_away_from_zero(rs.spec.replicas as i64 * new_max, old_max);
    (size - rs.spec.replicas as i64) as i32
}

/// round(a / b) with halves away from zero, in integers (b != 0).
pub fn round_half_away_from_zero(a: i64, b: i64) -> i64 {
    let (a, b) = if b < 0 { (-a, -b) } else { (a, b) };
    if a >= 0 {
        (2 * a + b) / (2 * b)
    } else {
        -((-2 * a + b) / (2 * b))
    }
}

/// Σ spec.replicas.
pub fn get_replica_count_for_replica_sets<'a>(
    rss: impl IntoIterator<Item = &'a ReplicaSet>,
) -> i32 {
    rss.into_iter().map(|rs| rs.spec.replicas).sum()
}

/// Σ status.replicas.
pub fn get_actual_replica_count_for_replica_sets<'a>(
    rss: impl IntoIterator<Item = &'a ReplicaSet>,
) -> i32 {
    rss.into_iter().map(|rs| rs.status.replicas).sum()
}

pub fn get_ready_replica_count_for_replica_sets<'a>(
    rss: impl IntoIterator<Item = &'a ReplicaSet>,
) -> i32 {
    rss.into_iter().map(|rs| rs.status.ready_replicas).sum()
}

pub fn get_available_replica_count_for_replica_sets<'a>(
    rss: impl IntoIterator<Item = &'a ReplicaSet>,
) -> i32 {
    rss.into_iter().map(|rs| rs.status.available_replicas).sum()
}

/// GetTerminatingReplicaCountForReplicaSets: None if a synced RS did not report the field.
pub fn get_terminating_replica_count_for_replica_sets<'a>(
    rss: impl IntoIterator<Item = &'a ReplicaSet>,
) -> Option<i32> {
    let mut total = 0;
    for rs in rss {
        match rs.status.terminating_replicas {
            None if rs.status.observed_generation == 0 => {}
            None => return None,
            Some(n) => total += n,
        }
    }
    Some(total)
}

pub fn has_progress_deadline(d: &Deployment) -> bool {
    d.spec
        .progress_deadline_seconds
        .is_some_and(|s| s != i32::MAX)
}

pub fn has_revision_history_limit(d: &Deployment) -> bool {
    d.spec.revision_history_limit.is_some_and(|l| l != i32::MAX)
}

/// DeploymentComplete: every replica updated and available, spec observed.
pub fn deployment_complete(d: &Deployment, s: &DeploymentStatus) -> bool {
    let n = d.replicas();
    s.updated_replicas == n
        && s.replicas == n
        && s.available_replicas == n
        && s.observed_generation >= d.metadata.generation
}

/// DeploymentProgressing: more updated, fewer old, more ready or more available than stored.
pub fn deployment_progressing(d: &Deployment, new: &DeploymentStatus) -> bool {
    let old = &d.status;
    let old_old = old.replicas - old.updated_replicas;
    let new_old = new.replicas - new.updated_replicas;
    new.updated_replicas > old.updated_replicas
        || new_old < old_old
        || new.ready_replicas > old.ready_replicas
        || new.available_replicas > old.available_replicas
}

/// DeploymentTimedOut: lastUpdateTime + deadline strictly before now.
pub fn deployment_timed_out(d: &Deployment, new: &DeploymentStatus, now: Time) -> bool {
    if !has_progress_deadline(d) {
        return false;
    }
    let Some(c) = new.condition(reasons::PROGRESSING) else {
        return false;
    };
    match c.reason.as_str() {
        reasons::NEW_RS_AVAILABLE_REASON => false,
        reasons::TIMED_OUT_REASON => true,
        _ => {
            let deadline = d.spec.progress_deadline_seconds.unwrap_or(0) as i64 * 1000;
            c.last_update_time.0 + deadline < now.0
        }
    }
}

/// NewDeploymentCondition, stamped with `now` truncated to whole seconds.
pub fn new_deployment_condition(
    type_: &str,
    status: &str,
    reason: &str,
    message: String,
    now: Time,
) -> DeploymentCondition {
    DeploymentCondition {
        type_: type_.into(),
        status: status.into(),
        last_update_time: now.truncated(),
        last_transition_time: now.truncated(),
        reason: reason.into(),
        message,
    }
}

/// SetDeploymentCondition: same status and reason is no change at all; same
/// status keeps lastTransitionTime; the new condition goes to the end.
/// Like SetDeploymentCondition, but builds the condition only when it would
/// change something (the common case on every sync is "no change").
pub fn set_deployment_condition_lazily(
    status: &mut DeploymentStatus,
    type_: &str,
    cond_status: &str,
    reason: &str,
    message: impl FnOnce() -> String,
    now: Time,
) {
    if status
        .condition(type_)
        .is_some_and(|c| c.status == cond_status && c.reason == reason)
    {
        return;
    }
    set_deployment_condition(
        status,
        new_deployment_condition(type_, cond_status, reason, message(), now),
    );
}

pub fn set_deployment_condition(status: &mut DeploymentStatus, mut condition: DeploymentCondition) {
    if let Some(current) = status.condition(&condition.type_) {
        if current.status == condition.status && current.reason == condition.reason {
            return;
        }
        if current.status == condition.status {
            condition.last_transition_time = current.last_transition_time;
        }
    }
    remove_deployment_condition(status, &condition.type_.clone());
    Arc::make_mut(&mut status.conditions).push(condition);
}

pub fn remove_deployment_condition(status: &mut DeploymentStatus, type_: &str) {
    if status.conditions.iter().any(|c| c.type_ == type_) {
        Arc::make_mut(&mut status.conditions).retain(|c| c.type_ != type_);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{IntOrString, RollingUpdateDeployment};

    fn deployment(replicas: i32, surge: IntOrString, unavailable: IntOrString) -> Deployment {
        let mut d = Deployment::default();
        d.spec.replicas = Some(replicas);
        d.spec.strategy.type_ = Some("RollingUpdate".into());
        d.spec.strategy.rolling_update = Some(RollingUpdateDeployment {
            max_surge: Some(surge),
            max_unavailable: Some(unavailable),
        });
        d
    }

    fn rs(replicas: i32) -> ReplicaSet {
        let mut rs = ReplicaSet::default();
        rs.spec.replicas = replicas;
        rs
    }

    #[test]
    fn resolve_fenceposts_table() {
        use IntOrString::Int;
        let p = IntOrString::percent;
        // TestResolveFenceposts and R5.5.
        for (surge, unavailable, desired, want) in [
            (p(25), p(25), 3, (1, 0)),
            (p(25), p(25), 4, (1, 1)),
            (p(25), p(25), 10, (3, 2)),
            (p(39), p(39), 10, (4, 3)),
            (p(0), p(9), 10, (0, 1)),
            (Int(0), Int(0), 10, (0, 1)),
            (p(100), p(100), 0, (0, 1)),
        ] {
            let d = deployment(desired, surge.clone(), unavailable.clone());
            assert_eq!(
                resolve_fenceposts(&d, desired),
                want,
                "{surge}/{unavailable} of {desired}"
            );
        }
    }

    #[test]
    fn max_unavailable_is_clamped_to_replicas_and_zero_when_scaled_to_zero() {
        use IntOrString::Int;
        let p = IntOrString::percent;
        for (replicas, unavailable, want) in [
            (10, Int(5), 5),
            (10, Int(10), 10),
            (5, Int(10), 5),
            (10, p(50), 5),
            (10, p(100), 10),
            (5, p(100), 5),
            (0, Int(10), 0),
        ] {
            assert_eq!(
                max_unavailable(&deployment(replicas, Int(1), unavailable.clone())),
                want,
                "{unavailable} of {replicas}"
            );
        }
        let mut recreate = deployment(10, Int(1), Int(5));
        recreate.spec.strategy.type_ = Some("Recreate".into());
        assert_eq!(max_unavailable(&recreate), 0);
        assert_eq!(max_surge(&recreate), 0);
    }

    #[test]
    fn new_rs_new_replicas_respects_surge_room_and_replicas() {
        use IntOrString::Int;
        // TestNewRSNewReplicas-style cases: (replicas, surge, old, new) -> new size.
        for (replicas, surge, old, new, want) in [
            (1, 1, 1, 0, 1),
            (3, 1, 3, 0, 1),
            (3, 1, 3, 1, 1),
            (10, 3, 8, 5, 5),
            (4, 4, 0, 0, 4),
            (3, 1, 2, 1, 2),
        ] {
            let d = deployment(replicas, Int(surge), Int(0));
            let (o, n) = (rs(old), rs(new));
            assert_eq!(
                new_rs_new_replicas(&d, [&o, &n], &n),
                want,
                "replicas {replicas} surge {surge} old {old} new {new}"
            );
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_half_away_from_zero(5, 2), 3);
        assert_eq!(round_half_away_from_zero(-5, 2), -3);
        assert_eq!(round_half_away_from_zero(4, 3), 1);
        assert_eq!(round_half_away_from_zero(32, 9), 4);
        assert_eq!(round_half_away_from_zero(7, 2), 4);
    }

    #[test]
    fn revision_history_trims_from_the_front() {
        let mut r = rs(1);
        r.metadata
            .annotations
            .insert(keys::REVISION.into(), "1".into());
        let d = Deployment::default();
        assert!(set_new_replica_set_annotations(&d, &mut r, 3, true));
        assert_eq!(r.metadata.annotation(keys::REVISION), Some("3"));
        assert_eq!(r.metadata.annotation(keys::REVISION_HISTORY), Some("1"));
        assert!(set_new_replica_set_annotations(&d, &mut r, 5, true));
        assert_eq!(r.metadata.annotation(keys::REVISION_HISTORY), Some("1,3"));
        assert!(
            !set_new_replica_set_annotations(&d, &mut r, 4, true),
            "revisions never go down"
        );
    }

    #[test]
    fn replicas_annotations_match_only_the_decimal_form() {
        for text in [
            "0",
            "-0",
            "00",
            "+0",
            "5",
            "+5",
            "05",
            "-5",
            "-05",
            "--5",
            "",
            " 5",
            "2147483647",
            "-2147483648",
            "2147483648",
        ] {
            let mut r = rs(0);
            r.metadata
                .annotations
                .insert(keys::DESIRED_REPLICAS.into(), text.into());
            for value in [0, 5, -5, i32::MAX, i32::MIN] {
                assert_eq!(
                    is_annotation(&r, keys::DESIRED_REPLICAS, value),
                    text == value.to_string(),
                    "{text:?} {value}"
                );
            }
        }
    }

    #[test]
    fn last_revision_is_the_second_highest() {
        let with_rev = |n: i64| {
            let mut r = rs(0);
            r.metadata
                .annotations
                .insert(keys::REVISION.into(), n.to_string());
            r
        };
        let (a, b, c) = (with_rev(3), with_rev(1), with_rev(4));
        assert_eq!(last_revision([&a, &b, &c]), 3);
        assert_eq!(max_revision([&a, &b, &c]), 4);
        assert_eq!(last_revision([&a]), 0);
    }
}

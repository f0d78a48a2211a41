//! Why the controller did what it did: the numbers behind each scaling
//! decision, kept as plain data (cheap enough to record with every event).
//! The UI words them in its language (`crate::i18n`, "Why this step").

use crate::api::{Deployment, IntOrString};

/// How a maxSurge or maxUnavailable value was written, to show its rounding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fencepost {
    /// An absolute number of pods.
    Int(i32),
    /// A percentage of `of` replicas.
    Percent { percent: i64, of: i32 },
    /// Not set (Recreate, or an unparsable value).
    Absent,
}

impl Fencepost {
    /// maxSurge (`surge = true`) or maxUnavailable of a Deployment, as written.
    pub fn of(d: &Deployment, surge: bool) -> Fencepost {
        let ru = d.spec.strategy.rolling_update.as_ref();
        let value = ru.and_then(|r| {
            if surge {
                r.max_surge.as_ref()
            } else {
                r.max_unavailable.as_ref()
            }
        });
        Fencepost::of_value(value, d.replicas())
    }

    /// An IntOrString of `replicas` (a Deployment's, or one being typed).
    pub fn of_value(value: Option<&IntOrString>, replicas: i32) -> Fencepost {
        match value {
            Some(IntOrString::Int(v)) => Fencepost::Int(*v),
            Some(IntOrString::Str(s)) => match s.strip_suffix('%').and_then(|p| p.parse().ok()) {
                Some(percent) => Fencepost::Percent {
                    percent,
                    of: replicas,
                },
                None => Fencepost::Absent,
            },
            None => Fencepost::Absent,
        }
    }

    /// A percentage's exact value in hundredths of a pod (25% of 3 is 75).
    pub fn hundredths(&self) -> Option<i64> {
        match *self {
            Fencepost::Percent { percent, of } => Some(percent * i64::from(of)),
            _ => None,
        }
    }

    /// The pods it stands for, rounded as ResolveFenceposts rounds: maxSurge
    /// (`round_up`) up, maxUnavailable down. `None` when not set.
    pub fn resolve(&self, round_up: bool) -> Option<i64> {
        match *self {
            Fencepost::Int(v) => Some(i64::from(v)),
            Fencepost::Percent { .. } => {
                let hundredths = self.hundredths()?;
                let whole = hundredths / 100;
                Some(if round_up {
                    whole + i64::from(hundredths % 100 != 0)
                } else {
                    whole
                })
            }
            Fencepost::Absent => None,
        }
    }
}

/// The computation behind one controller action.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Why {
    #[default]
    Unexplained,
    /// A new template made a new ReplicaSet, sized by NewRSNewReplicas.
    NewReplicaSet {
        rolling: bool,
        replicas: i32,
        surge: i32,
        surge_spec: Fencepost,
        old_total: i32,
        size: i32,
    },
    /// The new ReplicaSet had more than spec.replicas.
    ShrinkNew { replicas: i32 },
    /// reconcileNewReplicaSet: room under replicas + maxSurge.
    ScaleUp {
        replicas: i32,
        surge: i32,
        surge_spec: Fencepost,
        current: i32,
        from: i32,
        to: i32,
    },
    /// cleanupUnhealthyReplicas: unavailable old pods go first.
    CleanupUnhealthy {
        all_pods: i32,
        min_available: i32,
        new_unavailable: i32,
        max_scaled_down: i32,
        unhealthy: i32,
    },
    /// scaleDownOldReplicaSetsForRollingUpdate: what availability allows.
    ScaleDownOld {
        replicas: i32,
        max_unavailable: i32,
        unavailable_spec: Fencepost,
        /// maxSurge and maxUnavailable both resolved to 0, which would block
        /// the rollout, so maxUnavailable became 1 (ResolveFenceposts).
        raised_to_one: bool,
        available: i32,
        budget: i32,
    },
    /// scale(): one active ReplicaSet takes the whole count.
    SingleActive { replicas: i32 },
    /// scale(): the new ReplicaSet is saturated; old ones go to 0.
    Saturated,
    /// scale(): proportional scaling of a scaling event mid-rollout.
    Proportional {
        replicas: i32,
        surge: i32,
        allowed: i32,
        total: i32,
        to_add: i32,
        size: i32,
        max_replicas: Option<i32>,
    },
    /// Recreate: old pods go before any new one starts.
    RecreateDown,
    /// Recreate: no old pod is left; the new ReplicaSet gets everything.
    RecreateUp { replicas: i32 },
    /// The scheduler found no node with room: what the pod requests (cpu in
    /// millicores, memory in bytes) and the most any schedulable node has
    /// left (`None`: no node limits it, or none is schedulable).
    NoNodeFits {
        cpu: i64,
        most_cpu_left: Option<i64>,
        memory: i64,
        most_memory_left: Option<i64>,
        cordoned: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_resolve_as_resolve_fenceposts_rounds() {
        let p = |percent, of| Fencepost::Percent { percent, of };
        assert_eq!(p(25, 3).hundredths(), Some(75));
        assert_eq!(p(25, 3).resolve(true), Some(1));
        assert_eq!(p(25, 3).resolve(false), Some(0));
        assert_eq!(p(50, 4).resolve(false), Some(2));
        assert_eq!(p(50, 4).resolve(true), Some(2));
        assert_eq!(Fencepost::Int(2).resolve(true), Some(2));
        assert_eq!(Fencepost::Int(2).hundredths(), None);
        assert_eq!(Fencepost::Absent.resolve(false), None);
    }
}

//! Why the controller did what it did: the numbers behind each scaling
//! decision, kept as plain data (cheap enough to record with every event)
//! and written out in plain words on demand (the UI's "Why this step").

use crate::api::{Deployment, IntOrString};
use crate::i18n::Lang;
use std::fmt;

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
        match value {
            Some(IntOrString::Int(v)) => Fencepost::Int(*v),
            Some(IntOrString::Str(s)) => match s.strip_suffix('%').and_then(|p| p.parse().ok()) {
                Some(percent) => Fencepost::Percent {
                    percent,
                    of: d.replicas(),
                },
                None => Fencepost::Absent,
            },
            None => Fencepost::Absent,
        }
    }

    /// "25% of 3 = 0.75, rounded up to 1", in a UI language.
    pub fn describe_in(&self, round_up: bool, lang: Lang) -> String {
        if lang == Lang::En {
            return self.describe(round_up);
        }
        match *self {
            Fencepost::Int(v) => format!("{v}（直接给定）"),
            Fencepost::Percent { percent, of } => {
                let (exact, rounded) = Fencepost::rounding(percent, of, round_up);
                format!("{of} 的 {percent}% = {exact}，{}取整为 {rounded}", if round_up { "向上" } else { "向下" })
            }
            Fencepost::Absent => "未设置".into(),
        }
    }

    /// The exact value of a percentage (as text) and its rounding.
    fn rounding(percent: i64, of: i32, round_up: bool) -> (String, i64) {
        let hundredths = percent * of as i64;
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        let exact = if frac == 0 {
            whole.to_string()
        } else {
            crate::text::trimmed(hundredths, 2)
        };
        (exact, if round_up { whole + i64::from(frac != 0) } else { whole })
    }

    /// "25% of 3 = 0.75, rounded up to 1".
    pub fn describe(&self, round_up: bool) -> String {
        match *self {
            Fencepost::Int(v) => format!("{v}, as given"),
            Fencepost::Percent { percent, of } => {
                let (exact, rounded) = Fencepost::rounding(percent, of, round_up);
                format!(
                    "{percent}% of {of} = {exact}, rounded {} to {rounded}",
                    if round_up { "up" } else { "down" }
                )
            }
            Fencepost::Absent => "not set".into(),
        }
    }
}

/// The computation behind one controller action.
#[derive(Clone, Debug, Default, PartialEq)]
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
        surge_is_zero: bool,
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
}

impl Why {
    /// The explanation in a UI language (Display is the English one).
    pub fn explain(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let d = |f: &Fencepost, up: bool| f.describe_in(up, lang);
        match *self {
            Why::Unexplained => String::new(),
            Why::NewReplicaSet { rolling: false, size, .. } => {
                format!("模板变了，所以创建了新的 ReplicaSet。Recreate 在旧 Pod 全部消失后才把它设为 spec.replicas = {size}。")
            }
            Why::NewReplicaSet { replicas, surge, surge_spec, old_total, size, .. } => format!(
                "模板变了，所以创建了新的 ReplicaSet。maxSurge = {surge}（{}），所以最多可有 replicas + maxSurge = {replicas} + {surge} = {} 个 Pod；旧 ReplicaSet 占 {old_total} 个，所以新的从 min({} − {old_total}, {replicas}) = {size} 开始。",
                d(&surge_spec, true),
                replicas + surge,
                replicas + surge,
            ),
            Why::ShrinkNew { replicas } => format!("新 ReplicaSet 的 Pod 多于 spec.replicas = {replicas}：缩减到该值。"),
            Why::ScaleUp { replicas, surge, surge_spec, current, from, to } => format!(
                "扩容：maxSurge = {surge}（{}），所以最多可有 replicas + maxSurge = {replicas} + {surge} = {} 个 Pod。各 ReplicaSet 共要求 {current} 个，所以新 ReplicaSet 增加 min({} − {current}, {replicas} − {from}) = {} 个，从 {from} 到 {to}。",
                d(&surge_spec, true),
                replicas + surge,
                replicas + surge,
                to - from,
            ),
            Why::CleanupUnhealthy { all_pods, min_available, new_unavailable, max_scaled_down, unhealthy } => format!(
                "先清理不健康的 Pod：maxScaledDown = 要求的 Pod 数 {all_pods} − minAvailable {min_available} − 不可用的新 Pod {new_unavailable} = {max_scaled_down}。这个旧 ReplicaSet 有 {unhealthy} 个不可用的 Pod；删除它们不会降低可用性。"
            ),
            Why::ScaleDownOld { replicas, max_unavailable, unavailable_spec, surge_is_zero, available, budget } => {
                let mut text = format!("缩容：maxUnavailable = {max_unavailable}（{}", d(&unavailable_spec, false));
                if surge_is_zero && matches!(unavailable_spec, Fencepost::Percent { .. } | Fencepost::Int(0)) && max_unavailable == 1 {
                    text.push_str("；maxSurge 也是 0，两者都为 0 会卡住发布，所以 maxUnavailable 取 1");
                }
                text.push_str(&format!(
                    "），所以 minAvailable = replicas − maxUnavailable = {replicas} − {max_unavailable} = {}。有 {available} 个 Pod 可用，所以现在可以删除 {budget} 个旧 Pod，从最旧的 ReplicaSet 开始。",
                    replicas - max_unavailable
                ));
                text
            }
            Why::SingleActive { replicas } => format!("只有一个 ReplicaSet 有 Pod，所以它承担全部 spec.replicas = {replicas}。"),
            Why::Saturated => "新 ReplicaSet 已饱和（副本全部可用），所以所有旧 ReplicaSet 缩到 0。".into(),
            Why::Proportional { replicas, surge, allowed, total, to_add, size, max_replicas } => {
                let mut text = format!(
                    "按比例扩缩：允许 replicas + maxSurge = {replicas} + {surge} = {allowed} 个 Pod，活跃的 ReplicaSet 共有 {total} 个，所以 {to_add:+} 个按各 ReplicaSet 的大小按比例分配"
                );
                match max_replicas {
                    Some(m) if m > 0 => text.push_str(&format!("（这一个：round({size} × {allowed} / {m}) − {size}，余数给最大的）。")),
                    _ => text.push_str("（余数给最大的）。"),
                }
                text
            }
            Why::RecreateDown => "Recreate：先删除所有旧 Pod，再创建新 Pod。".into(),
            Why::RecreateUp { replicas } => format!("Recreate：旧 Pod 已全部消失，所以新 ReplicaSet 直接设为 spec.replicas = {replicas}。"),
        }
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Why::Unexplained => Ok(()),
            Why::NewReplicaSet { rolling: false, size, .. } => {
                write!(f, "The template changed, so a new ReplicaSet was created. Recreate starts it at spec.replicas = {size} once no old pod is left.")
            }
            Why::NewReplicaSet { replicas, surge, surge_spec, old_total, size, .. } => write!(
                f,
                "The template changed, so a new ReplicaSet was created. maxSurge = {surge} ({}), so at most replicas + maxSurge = {replicas} + {surge} = {} pods may exist; the old ReplicaSets hold {old_total}, so the new one starts at min({} − {old_total}, {replicas}) = {size}.",
                surge_spec.describe(true),
                replicas + surge,
                replicas + surge,
            ),
            Why::ShrinkNew { replicas } => write!(f, "The new ReplicaSet has more pods than spec.replicas = {replicas}: it shrinks to it."),
            Why::ScaleUp { replicas, surge, surge_spec, current, from, to } => write!(
                f,
                "Scale up: maxSurge = {surge} ({}), so at most replicas + maxSurge = {replicas} + {surge} = {} pods may exist. The ReplicaSets ask for {current}, so the new ReplicaSet grows by min({} − {current}, {replicas} − {from}) = {}, from {from} to {to}.",
                surge_spec.describe(true),
                replicas + surge,
                replicas + surge,
                to - from,
            ),
            Why::CleanupUnhealthy { all_pods, min_available, new_unavailable, max_scaled_down, unhealthy } => write!(
                f,
                "Unhealthy pods go first: maxScaledDown = pods asked for {all_pods} − minAvailable {min_available} − unavailable new pods {new_unavailable} = {max_scaled_down}. This old ReplicaSet has {unhealthy} pods that are not available; removing them costs no availability."
            ),
            Why::ScaleDownOld { replicas, max_unavailable, unavailable_spec, surge_is_zero, available, budget } => {
                write!(f, "Scale down: maxUnavailable = {max_unavailable} ({}", unavailable_spec.describe(false))?;
                if surge_is_zero && matches!(unavailable_spec, Fencepost::Percent { .. } | Fencepost::Int(0)) && max_unavailable == 1 {
                    f.write_str("; maxSurge is 0 too, and both 0 would block the rollout, so maxUnavailable becomes 1")?;
                }
                write!(
                    f,
                    "), so minAvailable = replicas − maxUnavailable = {replicas} − {max_unavailable} = {}. {available} pods are available, so {budget} old pods may go now, oldest ReplicaSet first.",
                    replicas - max_unavailable
                )
            }
            Why::SingleActive { replicas } => write!(f, "Only one ReplicaSet has pods, so it takes the whole spec.replicas = {replicas}."),
            Why::Saturated => f.write_str("The new ReplicaSet is saturated (all its replicas available), so every old ReplicaSet goes to 0."),
            Why::Proportional { replicas, surge, allowed, total, to_add, size, max_replicas } => {
                write!(
                    f,
                    "Proportional scaling: replicas + maxSurge = {replicas} + {surge} = {allowed} pods are allowed and the active ReplicaSets hold {total}, so {to_add:+} are shared in proportion to each ReplicaSet's size"
                )?;
                match max_replicas {
                    Some(m) if m > 0 => write!(f, " (this one: round({size} × {allowed} / {m}) − {size}, leftovers to the largest)."),
                    _ => f.write_str(" (leftovers go to the largest)."),
                }
            }
            Why::RecreateDown => f.write_str("Recreate: every old pod is removed before any new pod is created."),
            Why::RecreateUp { replicas } => write!(f, "Recreate: no old pod is left, so the new ReplicaSet goes straight to spec.replicas = {replicas}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_spelled_out() {
        assert_eq!(
            Fencepost::Percent { percent: 25, of: 3 }.describe(true),
            "25% of 3 = 0.75, rounded up to 1"
        );
        assert_eq!(
            Fencepost::Percent { percent: 25, of: 3 }.describe(false),
            "25% of 3 = 0.75, rounded down to 0"
        );
        assert_eq!(
            Fencepost::Percent { percent: 50, of: 4 }.describe(false),
            "50% of 4 = 2, rounded down to 2"
        );
        assert_eq!(Fencepost::Int(2).describe(true), "2, as given");
    }

    #[test]
    fn the_seed_scale_up_reads_with_its_numbers() {
        let why = Why::ScaleUp {
            replicas: 3,
            surge: 1,
            surge_spec: Fencepost::Percent { percent: 25, of: 3 },
            current: 3,
            from: 0,
            to: 1,
        };
        assert_eq!(
            why.to_string(),
            "Scale up: maxSurge = 1 (25% of 3 = 0.75, rounded up to 1), so at most replicas + maxSurge = 3 + 1 = 4 pods may exist. The ReplicaSets ask for 3, so the new ReplicaSet grows by min(4 − 3, 3 − 0) = 1, from 0 to 1."
        );
    }
}

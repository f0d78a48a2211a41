//! The catalogue's wording of the simulator's explanations: the numbers of
//! a controller decision (`sim::why`) as sentences, in both languages.

use super::{en_zh, Lang, PodWork};
use crate::api::quantity::format_millicores as millicores;
use crate::sim::why::{Fencepost, Why};
use crate::sim::ContainerExit;
use std::borrow::Cow;

/// "25% of 3 = 0.75, rounded up to 1", "2, as given".
pub(super) fn fencepost(spec: Fencepost, round_up: bool, lang: Lang) -> Cow<'static, str> {
    match spec {
        Fencepost::Int(v) => en_zh!(lang, format!("{v}, as given"), format!("{v}（直接给定）")),
        Fencepost::Percent { percent, of } => {
            let hundredths = spec.hundredths().unwrap_or_default();
            let exact = crate::text::trimmed(hundredths, 2);
            let rounded = spec.resolve(round_up).unwrap_or_default();
            en_zh!(
                lang,
                format!(
                    "{percent}% of {of} = {exact}, rounded {} to {rounded}",
                    if round_up { "up" } else { "down" }
                ),
                format!(
                    "{of} 的 {percent}% = {exact}，{}取整为 {rounded}",
                    if round_up { "向上" } else { "向下" }
                ),
            )
        }
        Fencepost::Absent => en_zh!(lang, "not set", "未设置"),
    }
}

/// One controller decision with its numbers.
pub(super) fn why(why: &Why, lang: Lang) -> Cow<'static, str> {
    let spec = |spec, round_up| fencepost(spec, round_up, lang);
    match *why {
        Why::Unexplained => Cow::Borrowed(""),
        Why::NoNodeFits { cpu, most_cpu_left, memory, most_memory_left, cordoned } => {
            let mut short = Vec::new();
            if let Some(left) = most_cpu_left.filter(|&left| cpu > left) {
                short.push(en_zh!(lang, format!("it requests {} of CPU and the most any node has left is {}", millicores(cpu), millicores(left)), format!("它请求 {} CPU，而任何节点最多只剩 {}", millicores(cpu), millicores(left))));
            }
            if let Some(left) = most_memory_left.filter(|&left| memory > left) {
                short.push(en_zh!(lang, format!("it requests {} of memory and the most any node has left is {}", mebibytes(memory), mebibytes(left)), format!("它请求 {} 内存，而任何节点最多只剩 {}", mebibytes(memory), mebibytes(left))));
            }
            if cordoned > 0 {
                short.push(en_zh!(lang, format!("{cordoned} node(s) are cordoned"), format!("{cordoned} 个节点已被 cordon")));
            }
            let short = short.join(if lang == Lang::Zh { "；" } else { "; " });
            en_zh!(
                lang,
                format!("No node has room for the pod: {short}. It stays Pending, and not available, until a pod on a node is gone or a node is uncordoned."),
                format!("没有节点能容纳这个 Pod：{short}。它保持 Pending，也不可用，直到某个节点上的 Pod 消失或节点被 uncordon。"),
            )
        }
        Why::NewReplicaSet { rolling: false, size, .. } => en_zh!(
            lang,
            format!("The template changed, so a new ReplicaSet was created. Recreate starts it at spec.replicas = {size} once no old pod is left."),
            format!("模板变了，所以创建了新的 ReplicaSet。Recreate 在旧 Pod 全部消失后才把它设为 spec.replicas = {size}。"),
        ),
        Why::NewReplicaSet { replicas, surge, surge_spec, old_total, size, .. } => {
            let (how, most) = (spec(surge_spec, true), replicas + surge);
            en_zh!(
                lang,
                format!("The template changed, so a new ReplicaSet was created. maxSurge = {surge} ({how}), so at most replicas + maxSurge = {replicas} + {surge} = {} may exist; the old ReplicaSets hold {old_total}, so the new one starts at min({most} − {old_total}, {replicas}) = {size}.", pods(most)),
                format!("模板变了，所以创建了新的 ReplicaSet。maxSurge = {surge}（{how}），所以最多可有 replicas + maxSurge = {replicas} + {surge} = {most} 个 Pod；旧 ReplicaSet 占 {old_total} 个，所以新的从 min({most} − {old_total}, {replicas}) = {size} 开始。"),
            )
        }
        Why::ShrinkNew { replicas } => en_zh!(
            lang,
            format!("The new ReplicaSet has more pods than spec.replicas = {replicas}: it shrinks to it."),
            format!("新 ReplicaSet 的 Pod 多于 spec.replicas = {replicas}：缩减到该值。"),
        ),
        Why::ScaleUp { replicas, surge, surge_spec, current, from, to } => {
            let (how, most, grows) = (spec(surge_spec, true), replicas + surge, to - from);
            en_zh!(
                lang,
                format!("Scale up: maxSurge = {surge} ({how}), so at most replicas + maxSurge = {replicas} + {surge} = {} may exist. The ReplicaSets ask for {current}, so the new ReplicaSet grows by min({most} − {current}, {replicas} − {from}) = {grows}, from {from} to {to}.", pods(most)),
                format!("扩容：maxSurge = {surge}（{how}），所以最多可有 replicas + maxSurge = {replicas} + {surge} = {most} 个 Pod。各 ReplicaSet 共要求 {current} 个，所以新 ReplicaSet 增加 min({most} − {current}, {replicas} − {from}) = {grows} 个，从 {from} 到 {to}。"),
            )
        }
        Why::CleanupUnhealthy { all_pods, min_available, new_unavailable, max_scaled_down, unhealthy } => en_zh!(
            lang,
            format!("Unhealthy pods go first: maxScaledDown = pods asked for {all_pods} − minAvailable {min_available} − unavailable new pods {new_unavailable} = {max_scaled_down}. This old ReplicaSet has {} not available; removing {} costs no availability.", pods_that_are(unhealthy), if unhealthy == 1 { "it" } else { "them" }),
            format!("先清理不健康的 Pod：maxScaledDown = 要求的 Pod 数 {all_pods} − minAvailable {min_available} − 不可用的新 Pod {new_unavailable} = {max_scaled_down}。这个旧 ReplicaSet 有 {unhealthy} 个不可用的 Pod；删除它们不会降低可用性。"),
        ),
        Why::ScaleDownOld { replicas, max_unavailable: most, unavailable_spec, raised_to_one, available, budget } => {
            let how = spec(unavailable_spec, false);
            let min_available = replicas - most;
            let raised = match (raised_to_one, lang) {
                (false, _) => "",
                (true, Lang::En) => "; maxSurge is 0 too, and both 0 would block the rollout, so maxUnavailable becomes 1",
                (true, Lang::Zh) => "；maxSurge 也是 0，两者都为 0 会卡住发布，所以 maxUnavailable 取 1",
            };
            en_zh!(
                lang,
                format!("Scale down: maxUnavailable = {most} ({how}{raised}), so minAvailable = replicas − maxUnavailable = {replicas} − {most} = {min_available}. {} available, so {} may go now, oldest ReplicaSet first.", pods_are(available), old_pods(budget)),
                format!("缩容：maxUnavailable = {most}（{how}{raised}），所以 minAvailable = replicas − maxUnavailable = {replicas} − {most} = {min_available}。有 {available} 个 Pod 可用，所以现在可以删除 {budget} 个旧 Pod，从最旧的 ReplicaSet 开始。"),
            )
        }
        Why::SingleActive { replicas } => en_zh!(
            lang,
            format!("Only one ReplicaSet has pods, so it takes the whole spec.replicas = {replicas}."),
            format!("只有一个 ReplicaSet 有 Pod，所以它承担全部 spec.replicas = {replicas}。"),
        ),
        Why::Saturated => en_zh!(
            lang,
            "The new ReplicaSet is saturated (all its replicas available), so every old ReplicaSet goes to 0.",
            "新 ReplicaSet 已饱和（副本全部可用），所以所有旧 ReplicaSet 缩到 0。",
        ),
        Why::Proportional { replicas, surge, allowed, total, to_add, size, max_replicas } => {
            let share = match (max_replicas, lang) {
                (Some(m), Lang::En) if m > 0 => format!(" (this one: round({size} × {allowed} / {m}) − {size}, leftovers to the largest)."),
                (Some(m), Lang::Zh) if m > 0 => format!("（这一个：round({size} × {allowed} / {m}) − {size}，余数给最大的）。"),
                (_, Lang::En) => " (leftovers go to the largest).".to_string(),
                (_, Lang::Zh) => "（余数给最大的）。".to_string(),
            };
            en_zh!(
                lang,
                format!("Proportional scaling: replicas + maxSurge = {replicas} + {surge} = {} allowed and the active ReplicaSets hold {total}, so {to_add:+} are shared in proportion to each ReplicaSet's size{share}", pods_are(allowed)),
                format!("按比例扩缩：允许 replicas + maxSurge = {replicas} + {surge} = {allowed} 个 Pod，活跃的 ReplicaSet 共有 {total} 个，所以 {to_add:+} 个按各 ReplicaSet 的大小按比例分配{share}"),
            )
        }
        Why::RecreateDown => en_zh!(
            lang,
            "Recreate: every old pod is removed before any new pod is created.",
            "Recreate：先删除所有旧 Pod，再创建新 Pod。",
        ),
        Why::RecreateUp { replicas } => en_zh!(
            lang,
            format!("Recreate: no old pod is left, so the new ReplicaSet goes straight to spec.replicas = {replicas}."),
            format!("Recreate：旧 Pod 已全部消失，所以新 ReplicaSet 直接设为 spec.replicas = {replicas}。"),
        ),
    }
}

/// A ReplicaSet sync that no event explains: what it did to its pods.
pub(super) fn replica_set_synced(name: &str, work: PodWork, lang: Lang) -> Cow<'static, str> {
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    let did = match (work.created, work.deleted) {
        (0, 0) => en_zh!(
            lang,
            "reported its status from the pods it saw (pods it creates or deletes show in its next sync)",
            "根据它看到的 Pod 上报了状态（它创建或删除的 Pod 在下一次同步时才会体现）",
        ),
        (n, 0) => en_zh!(
            lang,
            format!("created {n} pod{} so that live pods match spec.replicas", plural(n)),
            format!("创建了 {n} 个 Pod，使存活的 Pod 数等于 spec.replicas"),
        ),
        (0, n) => en_zh!(
            lang,
            format!("deleted {n} pod{} so that live pods match spec.replicas, not-ready ones first, then the most recently ready", plural(n)),
            format!("删除了 {n} 个 Pod，使存活的 Pod 数等于 spec.replicas：先删未就绪的，再删最近就绪的"),
        ),
        (c, d) => en_zh!(lang, format!("created {c} and deleted {d} pods"), format!("创建了 {c} 个、删除了 {d} 个 Pod")),
    };
    en_zh!(
        lang,
        format!("The ReplicaSet controller synced {name}: it {did}."),
        format!("ReplicaSet 控制器同步了 {name}：{did}。"),
    )
}

pub(super) fn container_exited(e: &ContainerExit, lang: Lang) -> Cow<'static, str> {
    let ContainerExit {
        pod,
        restarts,
        min_ready_seconds: min_ready,
        ..
    } = e;
    let (ran, wait) = (e.ran / 1000, e.restart_in / 1000);
    let next = if *restarts == 0 {
        en_zh!(
            lang,
            format!("The kubelet restarts it at its next check ({wait} s): a first crash has no back-off yet."),
            format!("kubelet 在下一次检查时（{wait} 秒后）重启它：第一次崩溃还没有退避。"),
        )
    } else {
        let times = if *restarts == 1 {
            "once".to_string()
        } else {
            format!("{restarts} times")
        };
        en_zh!(
            lang,
            format!("It has been restarted {times}, so the kubelet waits {wait} s (CrashLoopBackOff): the wait doubles after each crash, up to 5 min."),
            format!("它已被重启 {restarts} 次，所以 kubelet 等待 {wait} 秒（CrashLoopBackOff）：每次崩溃后等待翻倍，最长 5 分钟。"),
        )
    };
    let available = if *min_ready > 0 && ran < *min_ready as i64 {
        en_zh!(
            lang,
            format!(" It ran {ran} s, less than minReadySeconds ({min_ready} s), so it never counted as available and no old pod went for it."),
            format!("它只运行了 {ran} 秒，少于 minReadySeconds（{min_ready} 秒），所以从未算作可用，也没有旧 Pod 因它而被删除。"),
        )
    } else {
        Cow::from("")
    };
    en_zh!(
        lang,
        format!("The container of {pod} exited with code 1 after running {ran} s, and the pod is no longer Ready. {next}{available}"),
        format!("{pod} 的容器运行 {ran} 秒后以退出码 1 退出，Pod 不再就绪。{next}{available}"),
    )
}

/// Memory for people, rounded to Mi unless it is whole Gi: `4Gi`, `128Mi`, `0Mi`
/// (the API's exact form is `quantity::format_bytes`).
fn mebibytes(bytes: i64) -> String {
    const MI: i64 = 1024 * 1024;
    if bytes != 0 && bytes % (1024 * MI) == 0 {
        format!("{}Gi", bytes / (1024 * MI))
    } else {
        format!("{}Mi", bytes.div_euclid(MI))
    }
}

/// "node-1: 900m of 1 CPU · 0Mi of 4096Mi memory · 3 of 110 pods requested".
pub(super) fn node_line(
    name: &str,
    cpu: Option<(i64, i64)>,
    memory: Option<(i64, i64)>,
    pods: Option<(i64, i64)>,
    cordoned: bool,
    lang: Lang,
) -> Cow<'static, str> {
    let mut parts = Vec::new();
    if let Some((used, of)) = cpu {
        parts.push(en_zh!(
            lang,
            format!("{} of {} CPU", millicores(used), millicores(of)),
            format!("CPU {} / {}", millicores(used), millicores(of))
        ));
    }
    if let Some((used, of)) = memory {
        parts.push(en_zh!(
            lang,
            format!("{} of {} memory", mebibytes(used), mebibytes(of)),
            format!("内存 {} / {}", mebibytes(used), mebibytes(of))
        ));
    }
    if let Some((used, of)) = pods {
        parts.push(en_zh!(
            lang,
            format!("{used} of {of} pods"),
            format!("Pod {used} / {of}")
        ));
    }
    let parts = parts.join(" · ");
    match (cordoned, lang) {
        (false, Lang::En) => Cow::from(format!("{name}: {parts} requested")),
        (true, Lang::En) => Cow::from(format!("{name} (cordoned: no new pods): {parts} requested")),
        (false, Lang::Zh) => Cow::from(format!("{name}：已请求 {parts}")),
        (true, Lang::Zh) => Cow::from(format!("{name}（已 cordon：不接收新 Pod）：已请求 {parts}")),
    }
}

/// English agrees with the number: `1 pod`, `3 pods`.
fn pods(n: i32) -> String {
    if n == 1 {
        "1 pod".into()
    } else {
        format!("{n} pods")
    }
}

/// `1 pod is`, `3 pods are`.
fn pods_are(n: i32) -> String {
    format!("{} {}", pods(n), if n == 1 { "is" } else { "are" })
}

/// `1 pod that is`, `3 pods that are`.
fn pods_that_are(n: i32) -> String {
    format!("{} that {}", pods(n), if n == 1 { "is" } else { "are" })
}

/// `1 old pod`, `2 old pods`.
fn old_pods(n: i32) -> String {
    format!("{n} old pod{}", if n == 1 { "" } else { "s" })
}

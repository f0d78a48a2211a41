//! "Why this step": the computation behind the last action, with its numbers.

use super::state::SimHandle;
use crate::i18n::Lang;
use crate::scenario::{Action, Happened};
use crate::sim::UnitKind;
use leptos::prelude::*;

#[component]
pub fn Why() -> impl IntoView {
    let h = SimHandle::expect();
    let lines = move || {
        let lang = h.lang.get();
        let zh = lang == Lang::Zh;
        if h.idle.get() {
            return vec![lang.t("Nothing is left to happen.").to_string()];
        }
        h.with(|s| {
            let Some((_, happened)) = s.history().last() else {
                return vec![lang.t("Nothing has happened yet. Change the Deployment (Set image, Replicas…) or press Play.").to_string()];
            };
            let events = s.cluster().events();
            match happened {
                Happened::Command { line, output, wrote, .. } if output.exit_code != 0 || !wrote => {
                    let first = match (output.exit_code != 0, wrote, zh) {
                        (true, true, true) => format!("kubectl {line} 写入了集群，然后失败了。"),
                        (true, true, false) => format!("kubectl {line} wrote to the cluster, then failed."),
                        (true, false, true) => format!("kubectl {line} 失败了，没有写入任何东西。"),
                        (true, false, false) => format!("kubectl {line} failed and wrote nothing."),
                        (false, _, true) => format!("kubectl {line} 没有向集群写入任何东西。"),
                        (false, _, false) => format!("kubectl {line} wrote nothing to the cluster."),
                    };
                    std::iter::once(first).chain(output.stderr.lines().map(str::to_string)).collect()
                }
                Happened::Command { line, .. } => vec![if zh {
                    format!("kubectl {line} 写入了对象。控制器从不在 kubectl 内运行：它们在下一步才作出反应。")
                } else {
                    format!("kubectl {line} wrote the object. Controllers never run inside kubectl: they react on the next step.")
                }],
                Happened::Change { what, events: range, created, deleted } => {
                    let mut lines: Vec<String> = events.get(range.clone()).unwrap_or(&[]).iter().map(|e| format!("{} {}", e.message, e.why.explain(lang))).collect();
                    if lines.is_empty() {
                        lines.push(match what {
                            UnitKind::PodTransitions => lang.t("Pods changed state: a pod became Ready or available, or finished terminating.").into(),
                            UnitKind::ReplicaSetSync(rs) if zh => {
                                let work = match (created, deleted) {
                                    (0, 0) => "根据它看到的 Pod 上报了状态（它创建或删除的 Pod 在下一次同步时才会体现）".to_string(),
                                    (n, 0) => format!("创建了 {n} 个 Pod，使存活的 Pod 数等于 spec.replicas"),
                                    (0, n) => format!("删除了 {n} 个 Pod，使存活的 Pod 数等于 spec.replicas：先删未就绪的，再删最近就绪的"),
                                    (c, d) => format!("创建了 {c} 个、删除了 {d} 个 Pod"),
                                };
                                format!("ReplicaSet 控制器同步了 {rs}：{work}。")
                            }
                            UnitKind::ReplicaSetSync(rs) => {
                                let work = match (created, deleted) {
                                    (0, 0) => "reported its status from the pods it saw (pods it creates or deletes show in its next sync)".to_string(),
                                    (n, 0) => format!("created {n} pod{} so that live pods match spec.replicas", if *n == 1 { "" } else { "s" }),
                                    (0, n) => format!("deleted {n} pod{} so that live pods match spec.replicas, not-ready ones first, then the most recently ready", if *n == 1 { "" } else { "s" }),
                                    (c, d) => format!("created {c} and deleted {d} pods"),
                                };
                                format!("The ReplicaSet controller synced {rs}: it {work}.")
                            }
                            UnitKind::DeploymentSync(d) if zh => format!("Deployment 控制器同步了 {d}：无需扩缩容，只更新了 Deployment 的状态和条件。"),
                            UnitKind::DeploymentSync(d) => format!("The Deployment controller synced {d}: no scaling was needed; it updated the Deployment's status and conditions."),
                        });
                    }
                    lines
                }
                Happened::Waited { until } => {
                    let t = crate::text::seconds(until.0, 1);
                    vec![if zh { format!("时间流逝到 t = {t} s，期间无事发生。") } else { format!("Time passed until t = {t} s with nothing to do.") }]
                }
                Happened::Checked { failures } if failures.is_empty() => vec![lang.t("The scenario's expectation holds.").into()],
                Happened::Checked { failures } => failures.iter().map(|f| if zh { format!("预期不成立：{f}") } else { format!("Expectation failed: {f}") }).collect(),
                Happened::Setting => match s.history().last().map(|(a, _)| a) {
                    Some(Action::PodStart { ms }) => {
                        let t = crate::text::seconds(*ms, 1);
                        vec![if zh { format!("新 Pod 现在需要 {t} 秒才能就绪。") } else { format!("New pods now take {t} s to become Ready.") }]
                    }
                    Some(Action::ImageFails { image, .. }) => vec![if zh {
                        format!("kubelet 无法拉取 {image}：它的 Pod 永远不会就绪。")
                    } else {
                        format!("The kubelet cannot pull {image}: its pods never become Ready.")
                    }],
                    _ => vec![],
                },
                Happened::Idle => vec![lang.t("Nothing is left to happen.").into()],
            }
        })
    };
    view! {
        <section class="why" aria-label=h.tr("Why this step")>
            <h2>{h.tr("Why this step")}</h2>
            {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </section>
    }
}

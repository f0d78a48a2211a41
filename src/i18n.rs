//! The UI's languages: English and Simplified Chinese (the seed note is
//! Chinese). Strings are looked up by their English text, so components
//! read as English and a missing translation falls back to it (the tidy
//! test checks that every `t("…")` in the UI has one). kubectl output and
//! event messages stay in English, as real kubectl prints them.
//!
//! Hand-written rather than leptos_i18n: its ICU-based runtime alone is
//! larger than this table, and the bundle is over its budget already.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

/// The languages offered, as (tag, name in that language).
pub const LANGUAGES: [(Lang, &str, &str); 2] = [(Lang::En, "en", "English"), (Lang::Zh, "zh-CN", "简体中文")];

impl Lang {
    /// The first of the browser's preferred languages that the lab has
    /// (`zh`, `zh-CN`, `zh-Hans-SG`... are Chinese); English otherwise.
    pub fn from_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Lang::Zh,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }

    /// The BCP 47 tag (`<html lang>`, the saved choice).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// A UI string in this language, looked up by its English text.
    pub fn t(self, en: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh(en).unwrap_or(en),
        }
    }

    /// Whether the Chinese table has this string (the tidy test's check).
    pub fn has_translation(en: &str) -> bool {
        zh(en).is_some()
    }
}

/// English, a tab, Chinese: one pair per line. A table in one string rather than a `match` on the
/// English text, which compiled to a comparison per arm (0.3 KB more gzip).
const ZH: &str = concat!(
    // header
    "Scenario\t场景\n",
    "Presenter mode\t演示模式\n",
    "Language\t语言\n",
    "Copy link\t复制链接\n",
    "Copy embed code\t复制嵌入代码\n",
    "Share link\t分享链接\n",
    "Embed code\t嵌入代码\n",
    "Rolling update (the seed note)\t滚动更新（种子笔记的例子）\n",
    "Rollover: a second update mid-rollout\t翻转更新：发布中途再次更新\n",
    "Rollback with undo --to-revision\t用 undo --to-revision 回滚\n",
    "Canary: pause after the first new pod\t金丝雀：第一个新 Pod 出现后暂停\n",
    "Recreate: all old pods go first\t重建：先删除所有旧 Pod\n",
    "Stuck rollout: deadline exceeded, then undo\t卡住的发布：超过进度期限，然后回滚\n",
    "Proportional scaling mid-rollout\t发布中途的按比例扩缩容\n",
    // settings
    "Deployment\tDeployment 设置\n",
    "Replicas\t副本数\n",
    "Strategy\t策略\n",
    "Pod start seconds\tPod 启动秒数\n",
    "Image\t镜像\n",
    "Set image\t设置镜像\n",
    "New image fails to pull\t新镜像拉取失败\n",
    // rollout actions
    "Rollout\t发布\n",
    "Pause rollout\t暂停发布\n",
    "Resume rollout\t恢复发布\n",
    "Undo\t回滚\n",
    "To revision\t目标版本\n",
    "previous revision\t上一个版本\n",
    "Restart\t重启\n",
    // playback
    "Time\t时间\n",
    "Play\t播放\n",
    "Pause\t暂停\n",
    "Step\t单步\n",
    "Step back\t后退一步\n",
    "Reset\t重置\n",
    "Speed\t速度\n",
    "Timeline\t时间线\n",
    // gauges
    "Total pods\tPod 总数\n",
    "Available pods\t可用 Pod\n",
    "Recreate: no surge\t重建：不超量\n",
    "Recreate: every replica must be available\t重建：Available 条件要求所有副本可用\n",
    // why
    "Why this step\t为什么这样做\n",
    "Nothing is left to happen.\t没有待发生的事情了。\n",
    "Nothing has happened yet. Change the Deployment (Set image, Replicas…) or press Play.\t尚未发生任何事。修改 Deployment（设置镜像、副本数……）或按“播放”。\n",
    "Pods changed state: a pod became Ready or available, or finished terminating.\tPod 状态变化：某个 Pod 变为就绪或可用，或已终止完毕。\n",
    "The scenario's expectation holds.\t场景的预期成立。\n",
    // chart, events, tables, console
    "Chart: replicas of each ReplicaSet and available pods over time\t图表：各 ReplicaSet 的副本数与可用 Pod 随时间的变化\n",
    "available\t可用\n",
    "Events\t事件\n",
    "No events yet.\t暂无事件。\n",
    "ReplicaSets\tReplicaSet 列表\n",
    "ReplicaSets (kubectl get rs)\tReplicaSet 列表（kubectl get rs）\n",
    "Rollout history\t发布历史\n",
    "Rollout history (kubectl rollout history)\t发布历史（kubectl rollout history）\n",
    "kubectl output\tkubectl 输出\n",
    "Dismiss\t关闭\n",
    // import and export
    "Import and export\t导入与导出\n",
    "Export scenario\t导出场景\n",
    "Export events\t导出事件\n",
    "Export chart\t导出图表\n",
    "Export shell script\t导出 Shell 脚本\n",
    "Import YAML\t导入 YAML\n",
    "Export YAML\t导出 YAML\n",
    "A Deployment manifest, applied as kubectl apply -f would.\t一个 Deployment 清单，按 kubectl apply -f 的方式应用。\n",
    "Manifest file\t清单文件\n",
    "Manifest\t清单\n",
    "Apply\t应用\n",
    "Save\t保存\n",
    "Edit the object and save it, as in kubectl edit's editor.\t编辑对象并保存，如同在 kubectl edit 的编辑器中。\n",
    "Cancel\t取消\n",
    "Could not export\t无法导出\n",
    // opening links and saves
    "the shared link\t分享的链接\n",
    "the last saved session\t上次保存的会话\n",
    "the embedded link\t嵌入的链接\n",
);

fn zh(en: &str) -> Option<&'static str> {
    ZH.lines().find_map(|pair| pair.split_once('\t').filter(|(english, _)| *english == en).map(|(_, chinese)| chinese))
}

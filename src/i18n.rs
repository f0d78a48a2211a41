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

fn zh(en: &str) -> Option<&'static str> {
    Some(match en {
        // header
        "Scenario" => "场景",
        "Presenter mode" => "演示模式",
        "Language" => "语言",
        "Copy link" => "复制链接",
        "Copy embed code" => "复制嵌入代码",
        "Share link" => "分享链接",
        "Embed code" => "嵌入代码",
        "Rolling update (the seed note)" => "滚动更新（种子笔记的例子）",
        "Rollover: a second update mid-rollout" => "翻转更新：发布中途再次更新",
        "Rollback with undo --to-revision" => "用 undo --to-revision 回滚",
        "Canary: pause after the first new pod" => "金丝雀：第一个新 Pod 出现后暂停",
        "Recreate: all old pods go first" => "重建：先删除所有旧 Pod",
        "Stuck rollout: deadline exceeded, then undo" => "卡住的发布：超过进度期限，然后回滚",
        "Proportional scaling mid-rollout" => "发布中途的按比例扩缩容",
        // settings
        "Deployment" => "Deployment 设置",
        "Replicas" => "副本数",
        "Strategy" => "策略",
        "Pod start seconds" => "Pod 启动秒数",
        "Image" => "镜像",
        "Set image" => "设置镜像",
        "New image fails to pull" => "新镜像拉取失败",
        // rollout actions
        "Rollout" => "发布",
        "Pause rollout" => "暂停发布",
        "Resume rollout" => "恢复发布",
        "Undo" => "回滚",
        "To revision" => "目标版本",
        "previous revision" => "上一个版本",
        "Restart" => "重启",
        // playback
        "Time" => "时间",
        "Play" => "播放",
        "Pause" => "暂停",
        "Step" => "单步",
        "Step back" => "后退一步",
        "Reset" => "重置",
        "Speed" => "速度",
        "Timeline" => "时间线",
        // gauges
        "Total pods" => "Pod 总数",
        "Available pods" => "可用 Pod",
        "Recreate: no surge" => "重建：不超量",
        "Recreate: every replica must be available" => "重建：Available 条件要求所有副本可用",
        // why
        "Why this step" => "为什么这样做",
        "Nothing is left to happen." => "没有待发生的事情了。",
        "Nothing has happened yet. Change the Deployment (Set image, Replicas…) or press Play." => {
            "尚未发生任何事。修改 Deployment（设置镜像、副本数……）或按“播放”。"
        }
        "Pods changed state: a pod became Ready or available, or finished terminating." => {
            "Pod 状态变化：某个 Pod 变为就绪或可用，或已终止完毕。"
        }
        "The scenario's expectation holds." => "场景的预期成立。",
        // chart, events, tables, console
        "Chart: replicas of each ReplicaSet and available pods over time" => "图表：各 ReplicaSet 的副本数与可用 Pod 随时间的变化",
        "available" => "可用",
        "Events" => "事件",
        "No events yet." => "暂无事件。",
        "ReplicaSets" => "ReplicaSet 列表",
        "ReplicaSets (kubectl get rs)" => "ReplicaSet 列表（kubectl get rs）",
        "Rollout history" => "发布历史",
        "Rollout history (kubectl rollout history)" => "发布历史（kubectl rollout history）",
        "kubectl output" => "kubectl 输出",
        "Dismiss" => "关闭",
        // import and export
        "Import and export" => "导入与导出",
        "Export scenario" => "导出场景",
        "Export events" => "导出事件",
        "Export chart" => "导出图表",
        "Export shell script" => "导出 Shell 脚本",
        "Import YAML" => "导入 YAML",
        "Export YAML" => "导出 YAML",
        "A Deployment manifest, applied as kubectl apply -f would." => "一个 Deployment 清单，按 kubectl apply -f 的方式应用。",
        "Manifest file" => "清单文件",
        "Manifest" => "清单",
        "Apply" => "应用",
        "Save" => "保存",
        "Edit the object and save it, as in kubectl edit's editor." => "编辑对象并保存，如同在 kubectl edit 的编辑器中。",
        "Cancel" => "取消",
        "Could not export" => "无法导出",
        // opening links and saves
        "the shared link" => "分享的链接",
        "the last saved session" => "上次保存的会话",
        "the embedded link" => "嵌入的链接",
        _ => return None,
    })
}

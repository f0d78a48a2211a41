//! The UI's languages, English and Simplified Chinese, and its one message
//! catalogue. `Msg` names every string the UI shows, with the numbers and
//! names it carries; `Lang::say` words it. Each message has its English and
//! its Chinese side by side, so a message without a translation does not
//! compile. The simulator's explanations (`sim::why`) are data, worded here
//! too (`explain.rs`). kubectl output and event messages stay English, as
//! real kubectl prints them. Plain Rust: the native tests read it as well.

mod explain;

use crate::scenario::embed::EmbedError;
use crate::scenario::presets::Preset;
use crate::sim::why::{Fencepost, Why};
use crate::sim::ContainerExit;
use crate::text::quoted;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The languages offered, in the Language menu's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The first of the browser's preferred languages that the lab has
    /// (`zh`, `zh-CN`, `zh-Hans-SG`... are Chinese); English otherwise.
    pub fn from_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
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

    /// The language's name in itself (the Language menu).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// A message in this language.
    pub fn say(self, msg: Msg<'_>) -> Cow<'static, str> {
        msg.words(self)
    }
}

/// Where a session that could not be opened came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    SharedLink,
    SavedSession,
    EmbeddedLink,
}

/// What a ReplicaSet sync did to its pods (the Why panel, when no event explains it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PodWork {
    pub created: u64,
    pub deleted: u64,
}

/// Every string of the UI. Labels are plain variants; messages with
/// numbers or names carry them.
#[derive(Clone, Copy)]
pub enum Msg<'a> {
    // header
    Scenario,
    Preset(&'a Preset),
    /// What to watch for in a bundled scenario (its goal card).
    Goal(&'a Preset),
    GoalCard,
    GotIt,
    OpenInRolloutLab,
    PresenterMode,
    Language,
    CopyLink,
    CopyEmbedCode,
    ShareLink,
    EmbedCode,
    /// The hint under the title for a scenario without a script.
    TryHint {
        deployment: &'a str,
        container: &'a str,
    },
    /// The hint under the title for a scripted scenario.
    ScriptedSteps {
        steps: usize,
    },
    // settings
    Deployment,
    Replicas,
    Strategy,
    PodStartSeconds,
    Image,
    SetImage,
    NewImageFailsToPull,
    NewImageNeverReady,
    /// The nodes panel.
    Nodes,
    /// The Events tab's switch to every object's events.
    EveryObjectsEvents,
    /// The quota line on the stage: (resource, used, hard) as printed.
    QuotaLine(&'a str),
    /// A node's line: (requested, allocatable) per resource it limits.
    NodeLine {
        name: &'a str,
        cpu: Option<(i64, i64)>,
        memory: Option<(i64, i64)>,
        pods: Option<(i64, i64)>,
        cordoned: bool,
    },
    PodsWaitingForNode(usize),
    /// The checkbox: the new image's container exits this many seconds after each start.
    NewImageCrashes {
        seconds: i64,
    },
    // the rollout's status
    RolloutStatus,
    Progressing,
    /// The time left before the progress deadline (already printed).
    DeadlineIn(&'a str),
    Complete,
    Paused,
    DeadlineExceededMeans,
    /// The Deployment's ReplicaFailure condition, which rollout status does not print.
    ReplicaFailureMeans,
    UndoThisRollout,
    /// Why maxSurge 0 with maxUnavailable 0 is refused.
    ZeroZeroMeans,
    // rollout actions
    Rollout,
    PauseRollout,
    ResumeRollout,
    Undo,
    ToRevision,
    PreviousRevision,
    /// A revision and its image, as lanes, the undo menu and the chart name it ("rev 2 · test_web:v2").
    Revision {
        revision: &'a str,
        image: &'a str,
    },
    /// A lane's accessible name.
    LaneName {
        name: &'a str,
        revision: &'a str,
        image: &'a str,
    },
    Restart,
    // playback
    Time,
    Play,
    Pause,
    Step,
    StepBack,
    Reset,
    FineSteps,
    /// The clock's accessible name.
    SimulatedTime,
    Speed,
    Timeline,
    /// The Timeline's value, in seconds (already printed).
    Seconds(&'a str),
    // budget
    Budget,
    /// The slots' accessible name: `at most 13 pods (replicas 10 + maxSurge 3)`.
    AtMostPods {
        replicas: i32,
        surge: i32,
    },
    AtMostPodsRecreate {
        replicas: i32,
    },
    /// The floor's accessible name: `at least 8 available (replicas 10 − maxUnavailable 2)`.
    AtLeastAvailable {
        replicas: i32,
        unavailable: i32,
    },
    /// The mark over maxSurge's slots ("+3 surge").
    SurgeSlots(i32),
    TerminatingPods(i32),
    /// rolling_holds: the surge cap stops the new ReplicaSet growing.
    CantAdd,
    /// rolling_holds: the availability floor stops the old ReplicaSets shrinking.
    CantRemove {
        min_available: i32,
    },
    /// A maxSurge (`round_up`) or maxUnavailable value and its rounding.
    Fencepost {
        spec: Fencepost,
        round_up: bool,
    },
    // lanes
    PodsOf(&'a str),
    /// A lane's status counts lag its pods (short, and what it means).
    StatusBehindShort,
    StatusBehind,
    LaneCounts {
        desired: i32,
        current: i32,
        ready: i32,
        available: i32,
    },
    /// The simulator failed a step (its error, in English).
    SimulationStopped(&'a str),
    // why
    WhyThisStep,
    NothingLeft,
    /// Idle because the Deployment is paused.
    NothingWhilePaused,
    NothingYet,
    /// A controller decision's numbers (`sim::why`).
    Why(&'a Why),
    PodsChanged,
    /// A container exited with code 1 (a crash loop), with the numbers behind what comes next.
    ContainerExited(&'a ContainerExit),
    ReplicaSetSynced {
        name: &'a str,
        work: PodWork,
    },
    DeploymentSynced(&'a str),
    CommandWrote(&'a str),
    CommandWroteThenFailed(&'a str),
    CommandFailed(&'a str),
    CommandWroteNothing(&'a str),
    Waited {
        seconds: &'a str,
    },
    /// A wait that ended where it began (a script's `advance: 0`).
    WaitedNoTime {
        seconds: &'a str,
    },
    ExpectationHolds,
    ExpectationFailed(&'a str),
    PodStartNow {
        seconds: &'a str,
    },
    ImageFails(&'a str),
    ImageUnready(&'a str),
    ImageCrashes {
        image: &'a str,
        seconds: Option<i64>,
    },
    // the page's parts
    Stage,
    Controls,
    Details,
    ConsoleTab,
    HistoryTab,
    YamlTab,
    DeploymentYaml,
    // the story
    Story,
    StoryEmpty,
    StoryComplete,
    StoryDeadlineExceeded,
    // chart, events, tables, console
    ChartLabel,
    MaxPods,
    MinAvailable,
    TimeAxis,
    NotYetAvailable,
    ViewAsTable,
    AvailableOf(&'a str),
    UnavailableOf(&'a str),
    Available,
    Events,
    NoEventsYet,
    ReplicaSets,
    ReplicaSetsCaption,
    RolloutHistory,
    RolloutHistoryCaption,
    KubectlOutput,
    // keyboard shortcuts
    KeyboardShortcuts,
    ShortcutsLine,
    KeyPlayPause,
    KeyStep,
    KeyStepBack,
    KeyFineStep,
    KeyFineStepBack,
    KeyShortcuts,
    KeyClose,
    KeyConsole,
    Close,
    Dismiss,
    // import and export
    ImportAndExport,
    ExportScenario,
    ExportEvents,
    ExportChart,
    ExportShellScript,
    ImportYaml,
    ExportYaml,
    ImportHelp,
    ManifestFile,
    Manifest,
    Apply,
    Save,
    EditHelp,
    Cancel,
    CouldNotExport(&'a str),
    // opening links and saves
    CouldNotOpen {
        source: Source,
        error: &'a str,
    },
    BadEmbedOption(&'a EmbedError),
    UnknownScenario {
        id: &'a str,
        ids: &'a str,
    },
}

/// One message in the language asked for: English first, then Chinese.
/// Only the chosen side is formatted.
macro_rules! en_zh {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => Cow::from($en),
            Lang::Zh => Cow::from($zh),
        }
    };
}
use en_zh;

impl Msg<'_> {
    fn words(self, lang: Lang) -> Cow<'static, str> {
        match self {
            Msg::Scenario => en_zh!(lang, "Scenario", "场景"),
            Msg::Preset(preset) => preset_title(preset, lang),
            Msg::Goal(preset) => preset_goal(preset, lang),
            Msg::GoalCard => en_zh!(lang, "What to watch for", "看点"),
            Msg::GotIt => en_zh!(lang, "Got it", "知道了"),
            Msg::OpenInRolloutLab => en_zh!(lang, "Open in Rollout Lab", "在 Rollout Lab 中打开"),
            Msg::PresenterMode => en_zh!(lang, "Presenter mode", "演示模式"),
            Msg::Language => en_zh!(lang, "Language", "语言 Language"),
            Msg::CopyLink => en_zh!(lang, "Copy link", "复制链接"),
            Msg::CopyEmbedCode => en_zh!(lang, "Copy embed code", "复制嵌入代码"),
            Msg::ShareLink => en_zh!(lang, "Share link", "分享链接"),
            Msg::EmbedCode => en_zh!(lang, "Embed code", "嵌入代码"),
            Msg::TryHint { deployment: d, container: c } => en_zh!(
                lang,
                format!("Try kubectl set image deployment/{d} {c}=test_web:v2, or type test_web:v2 in Image and press Set image."),
                format!("试试 kubectl set image deployment/{d} {c}=test_web:v2，或在“镜像”中填入 test_web:v2 再点击“设置镜像”。"),
            ),
            Msg::ScriptedSteps { steps: n } => en_zh!(
                lang,
                format!("This scenario has {n} scripted steps: press Play or Step."),
                format!("此场景有 {n} 个脚本步骤：按“播放”或“单步”。"),
            ),
            Msg::Deployment => en_zh!(lang, "Deployment", "Deployment 设置"),
            Msg::Replicas => en_zh!(lang, "Replicas", "副本数"),
            Msg::Strategy => en_zh!(lang, "Strategy", "策略"),
            Msg::PodStartSeconds => en_zh!(lang, "Pod start seconds", "Pod 启动秒数"),
            Msg::Image => en_zh!(lang, "Image", "镜像"),
            Msg::SetImage => en_zh!(lang, "Set image", "设置镜像"),
            Msg::NewImageFailsToPull => en_zh!(lang, "New image fails to pull", "新镜像拉取失败"),
            Msg::NewImageNeverReady => en_zh!(lang, "New image never becomes ready", "新镜像始终不就绪"),
            Msg::Nodes => en_zh!(lang, "Nodes", "节点"),
            Msg::EveryObjectsEvents => en_zh!(lang, "Every object's events (kubectl get events)", "所有对象的事件（kubectl get events）"),
            Msg::QuotaLine(used) => en_zh!(lang, format!("ResourceQuota quota: {used}"), format!("ResourceQuota quota：{used}")),
            Msg::NodeLine { name, cpu, memory, pods, cordoned } => explain::node_line(name, cpu, memory, pods, cordoned, lang),
            Msg::PodsWaitingForNode(n) => en_zh!(
                lang,
                if n == 1 { "1 pod waits for a node with room (Pending).".to_string() } else { format!("{n} pods wait for a node with room (Pending).") },
                format!("{n} 个 Pod 在等待有空间的节点（Pending）。"),
            ),
            Msg::NewImageCrashes { seconds } => en_zh!(
                lang,
                format!("New image crashes {seconds} s after it starts"),
                format!("新镜像启动 {seconds} 秒后崩溃"),
            ),
            Msg::RolloutStatus => en_zh!(lang, "Rollout status", "发布状态"),
            Msg::Progressing => en_zh!(lang, "Progressing", "进行中"),
            Msg::DeadlineIn(t) => en_zh!(lang, format!("progress deadline in {t}"), format!("距进度期限还有 {t}")),
            Msg::Complete => en_zh!(lang, "Complete", "已完成"),
            Msg::Paused => en_zh!(lang, "Paused", "已暂停"),
            Msg::DeadlineExceededMeans => en_zh!(
                lang,
                "No progress within progressDeadlineSeconds. The controller keeps trying, kubectl rollout status exits 1, and nothing rolls back by itself: undo it, or fix what holds it.",
                "在 progressDeadlineSeconds 内没有进展。控制器会继续尝试，kubectl rollout status 以 1 退出，不会自动回滚：请回滚，或修复阻碍发布的原因。"
            ),
            Msg::ReplicaFailureMeans => en_zh!(
                lang,
                "The ReplicaSet controller cannot create pods. kubectl rollout status does not say so; kubectl describe deployment lists it under Conditions.",
                "ReplicaSet 控制器无法创建 Pod。kubectl rollout status 不会提示这一点；kubectl describe deployment 在 Conditions 中列出它。"
            ),
            Msg::UndoThisRollout => en_zh!(lang, "Undo this rollout", "回滚本次发布"),
            Msg::ZeroZeroMeans => en_zh!(
                lang,
                "With no pod above the desired count and none below it, a rolling update could neither add a new pod nor remove an old one.",
                "既不能多出一个 Pod，也不能少于期望数，滚动更新就既无法新增 Pod，也无法删除旧 Pod。"
            ),
            Msg::Rollout => en_zh!(lang, "Rollout", "发布"),
            Msg::PauseRollout => en_zh!(lang, "Pause rollout", "暂停发布"),
            Msg::ResumeRollout => en_zh!(lang, "Resume rollout", "恢复发布"),
            Msg::Undo => en_zh!(lang, "Undo", "回滚"),
            Msg::ToRevision => en_zh!(lang, "To revision", "目标版本"),
            Msg::PreviousRevision => en_zh!(lang, "previous revision", "上一个版本"),
            Msg::Revision { revision, image } => en_zh!(lang, format!("rev {revision} · {image}"), format!("版本 {revision} · {image}")),
            Msg::LaneName { name, revision, image } => en_zh!(
                lang,
                format!("ReplicaSet {name} (revision {revision}, {image})"),
                format!("ReplicaSet {name}（版本 {revision}，{image}）")
            ),
            Msg::Restart => en_zh!(lang, "Restart", "重启"),
            Msg::Time => en_zh!(lang, "Time", "时间"),
            Msg::Play => en_zh!(lang, "Play", "播放"),
            Msg::Pause => en_zh!(lang, "Pause", "暂停"),
            Msg::Step => en_zh!(lang, "Step", "单步"),
            Msg::StepBack => en_zh!(lang, "Step back", "后退一步"),
            Msg::Reset => en_zh!(lang, "Reset", "重置"),
            Msg::FineSteps => en_zh!(lang, "Fine steps", "细步"),
            Msg::SimulatedTime => en_zh!(lang, "Simulated time", "模拟时间"),
            Msg::Speed => en_zh!(lang, "Speed", "速度"),
            Msg::Timeline => en_zh!(lang, "Timeline", "时间线"),
            Msg::Seconds(s) => en_zh!(lang, format!("{s} seconds"), format!("{s} 秒")),
            Msg::Stage => en_zh!(lang, "Stage", "舞台"),
            Msg::Controls => en_zh!(lang, "Controls", "控制"),
            Msg::Details => en_zh!(lang, "Details", "详情"),
            Msg::ConsoleTab => en_zh!(lang, "Console", "控制台"),
            Msg::HistoryTab => en_zh!(lang, "History", "历史"),
            Msg::YamlTab => en_zh!(lang, "YAML", "YAML"),
            Msg::DeploymentYaml => en_zh!(lang, "The Deployment's YAML", "Deployment 的 YAML"),
            Msg::Story => en_zh!(lang, "Story", "经过"),
            Msg::StoryEmpty => en_zh!(lang, "The controllers' decisions appear here as they happen.", "控制器的每个决策会在这里依次列出。"),
            Msg::StoryComplete => en_zh!(
                lang,
                "The rollout is complete: every replica runs the new template and is available.",
                "发布完成：所有副本都运行新模板，并且可用。"
            ),
            Msg::StoryDeadlineExceeded => en_zh!(
                lang,
                "ProgressDeadlineExceeded: no progress within progressDeadlineSeconds. The controller keeps trying; it does not roll back.",
                "ProgressDeadlineExceeded：在 progressDeadlineSeconds 内没有进展。控制器会继续尝试，但不会自动回滚。"
            ),
            Msg::Budget => en_zh!(lang, "Budget", "预算"),
            Msg::AtMostPods { replicas, surge } => en_zh!(
                lang,
                format!("at most {} pod{} (replicas {replicas} + maxSurge {surge})", replicas + surge, if replicas + surge == 1 { "" } else { "s" }),
                format!("最多 {} 个 Pod（replicas {replicas} + maxSurge {surge}）", replicas + surge),
            ),
            Msg::AtMostPodsRecreate { replicas } => en_zh!(
                lang,
                format!("at most {replicas} pod{} (Recreate: old pods go before new ones start)", if replicas == 1 { "" } else { "s" }),
                format!("最多 {replicas} 个 Pod（Recreate：旧 Pod 先删除，新 Pod 再启动）"),
            ),
            Msg::AtLeastAvailable { replicas, unavailable } => en_zh!(
                lang,
                format!("at least {} available (replicas {replicas} − maxUnavailable {unavailable})", replicas - unavailable),
                format!("至少 {} 个可用（replicas {replicas} − maxUnavailable {unavailable}）", replicas - unavailable),
            ),
            Msg::SurgeSlots(n) => en_zh!(lang, format!("+{n} surge"), format!("+{n} 超量")),
            Msg::TerminatingPods(n) => en_zh!(lang, format!("{n} terminating"), format!("{n} 个终止中")),
            Msg::CantAdd => en_zh!(lang, "can't add: surge cap reached", "无法新增：已达超量上限"),
            Msg::CantRemove { min_available } => en_zh!(
                lang,
                format!("can't remove: would go below {min_available} available"),
                format!("无法删除：可用 Pod 将少于 {min_available} 个"),
            ),
            Msg::Fencepost { spec, round_up } => explain::fencepost(spec, round_up, lang),
            Msg::PodsOf(name) => en_zh!(lang, format!("pods of {name}"), format!("{name} 的 Pod")),
            Msg::StatusBehindShort => en_zh!(lang, "status syncs next", "状态待同步"),
            Msg::StatusBehind => en_zh!(
                lang,
                "These counts are the ReplicaSet's status, which its controller writes when it syncs: they do not count the pods drawn yet. Its next sync will.",
                "这些数字是 ReplicaSet 的 status，由其控制器在同步时写入：它们还没有反映图中的 Pod。它的下一次同步会反映。"
            ),
            Msg::LaneCounts { desired, current, ready, available } => en_zh!(
                lang,
                format!("desired {desired} · current {current} · ready {ready} · available {available}"),
                format!("期望 {desired} · 当前 {current} · 就绪 {ready} · 可用 {available}"),
            ),
            Msg::SimulationStopped(e) => en_zh!(lang, format!("simulation stopped: {e}"), format!("模拟已停止：{e}")),
            Msg::WhyThisStep => en_zh!(lang, "Why this step", "为什么这样做"),
            Msg::NothingLeft => en_zh!(lang, "Nothing is left to happen.", "没有待发生的事情了。"),
            Msg::NothingWhilePaused => en_zh!(
                lang,
                "The rollout is paused: it goes no further until kubectl rollout resume.",
                "发布已暂停：在 kubectl rollout resume 之前不会继续。"
            ),
            Msg::NothingYet => en_zh!(
                lang,
                "Nothing has happened yet. Change the Deployment (Set image, Replicas…) or press Play.",
                "尚未发生任何事。修改 Deployment（设置镜像、副本数……）或按“播放”。",
            ),
            Msg::Why(why) => explain::why(why, lang),
            Msg::ContainerExited(e) => explain::container_exited(e, lang),
            Msg::PodsChanged => en_zh!(
                lang,
                "Pods changed state: a pod became Ready or available, or finished terminating.",
                "Pod 状态变化：某个 Pod 变为就绪或可用，或已终止完毕。",
            ),
            Msg::ReplicaSetSynced { name, work } => explain::replica_set_synced(name, work, lang),
            Msg::DeploymentSynced(d) => en_zh!(
                lang,
                format!("The Deployment controller synced {d}: no scaling was needed; it updated the Deployment's status and conditions."),
                format!("Deployment 控制器同步了 {d}：无需扩缩容，只更新了 Deployment 的状态和条件。"),
            ),
            Msg::CommandWrote(line) => en_zh!(
                lang,
                format!("kubectl {line} wrote the object. Controllers never run inside kubectl: they react on the next step."),
                format!("kubectl {line} 写入了对象。控制器从不在 kubectl 内运行：它们在下一步才作出反应。"),
            ),
            Msg::CommandWroteThenFailed(line) => en_zh!(
                lang,
                format!("kubectl {line} wrote to the cluster, then failed."),
                format!("kubectl {line} 写入了集群，然后失败了。"),
            ),
            Msg::CommandFailed(line) => en_zh!(
                lang,
                format!("kubectl {line} failed and wrote nothing."),
                format!("kubectl {line} 失败了，没有写入任何东西。"),
            ),
            Msg::CommandWroteNothing(line) => en_zh!(
                lang,
                format!("kubectl {line} wrote nothing to the cluster."),
                format!("kubectl {line} 没有向集群写入任何东西。"),
            ),
            Msg::Waited { seconds: t } => en_zh!(
                lang,
                format!("Time passed until t = {t} s with nothing to do."),
                format!("时间流逝到 t = {t} s，期间无事发生。"),
            ),
            Msg::WaitedNoTime { seconds: t } => en_zh!(
                lang,
                format!("No time passes (the script advances 0 s): at t = {t} s nothing is left for the controllers to do."),
                format!("时间没有流逝（脚本前进 0 秒）：在 t = {t} s，控制器已无事可做。"),
            ),
            Msg::ExpectationHolds => en_zh!(lang, "The scenario's expectation holds.", "场景的预期成立。"),
            Msg::ExpectationFailed(f) => en_zh!(lang, format!("Expectation failed: {f}"), format!("预期不成立：{f}")),
            Msg::PodStartNow { seconds: t } => en_zh!(
                lang,
                format!("New pods now take {t} s to become Ready."),
                format!("新 Pod 现在需要 {t} 秒才能就绪。"),
            ),
            Msg::ImageFails(image) => en_zh!(
                lang,
                format!("The kubelet cannot pull {image}: its pods never become Ready."),
                format!("kubelet 无法拉取 {image}：它的 Pod 永远不会就绪。"),
            ),
            Msg::ImageUnready(image) => en_zh!(
                lang,
                format!("The readiness probe of {image} never passes: its pods run but never become Ready."),
                format!("{image} 的就绪探针始终不通过：它的 Pod 在运行，但永远不会就绪。"),
            ),
            Msg::ImageCrashes { image, seconds: Some(t) } => en_zh!(
                lang,
                format!("The container of {image} exits with code 1 {t} s after each start; the kubelet restarts it, waiting 10 s, 20 s, 40 s … up to 5 min between crashes."),
                format!("{image} 的容器每次启动 {t} 秒后以退出码 1 退出；kubelet 会重启它，两次崩溃之间依次等待 10 秒、20 秒、40 秒……最长 5 分钟。"),
            ),
            Msg::ImageCrashes { image, seconds: None } => en_zh!(
                lang,
                format!("The container of {image} no longer crashes (from its next start)."),
                format!("{image} 的容器不再崩溃（从下次启动起）。"),
            ),
            Msg::ChartLabel => en_zh!(lang, "Pods over time", "Pod 随时间的变化"),
            Msg::MaxPods => en_zh!(lang, "max pods", "Pod 上限"),
            Msg::MinAvailable => en_zh!(lang, "min available", "最少可用"),
            Msg::TimeAxis => en_zh!(lang, "time (s)", "时间（秒）"),
            Msg::NotYetAvailable => en_zh!(lang, "hatched: not yet available", "斜线：尚不可用"),
            Msg::ViewAsTable => en_zh!(lang, "View as table", "以表格查看"),
            Msg::AvailableOf(name) => en_zh!(lang, format!("{name} available"), format!("{name} 可用")),
            Msg::UnavailableOf(name) => en_zh!(lang, format!("{name} not available"), format!("{name} 不可用")),
            Msg::Available => en_zh!(lang, "available", "可用"),
            Msg::Events => en_zh!(lang, "Events", "事件"),
            Msg::NoEventsYet => en_zh!(lang, "No events yet.", "暂无事件。"),
            Msg::ReplicaSets => en_zh!(lang, "ReplicaSets", "ReplicaSet 列表"),
            Msg::ReplicaSetsCaption => en_zh!(lang, "ReplicaSets (kubectl get rs)", "ReplicaSet 列表（kubectl get rs）"),
            Msg::RolloutHistory => en_zh!(lang, "Rollout history", "发布历史"),
            Msg::RolloutHistoryCaption => en_zh!(lang, "Rollout history (kubectl rollout history)", "发布历史（kubectl rollout history）"),
            Msg::KubectlOutput => en_zh!(lang, "kubectl output", "kubectl 输出"),
            Msg::KeyboardShortcuts => en_zh!(lang, "Keyboard shortcuts", "键盘快捷键"),
            Msg::ShortcutsLine => en_zh!(lang, "Keys: Space play · → step · ← back · Shift fine · ? all", "按键：空格 播放 · → 单步 · ← 后退 · Shift 细步 · ? 全部"),
            Msg::KeyPlayPause => en_zh!(lang, "Play or pause", "播放或暂停"),
            Msg::KeyStep => en_zh!(lang, "Step: on to the next decision", "单步：前进到下一个决策"),
            Msg::KeyStepBack => en_zh!(lang, "Step back: to the decision before", "后退一步：回到上一个决策"),
            Msg::KeyFineStep => en_zh!(lang, "One controller action or pod change forward", "前进一个控制器动作或 Pod 变化"),
            Msg::KeyFineStepBack => en_zh!(lang, "One controller action or pod change back", "后退一个控制器动作或 Pod 变化"),
            Msg::KeyShortcuts => en_zh!(lang, "Show or hide this list", "显示或隐藏此列表"),
            Msg::KeyClose => en_zh!(lang, "Close this list or a dialog", "关闭此列表或对话框"),
            Msg::KeyConsole => en_zh!(lang, "In the console: Enter runs, ↑ and ↓ go through history, Tab completes", "在控制台中：回车执行，↑ 和 ↓ 浏览历史，Tab 补全"),
            Msg::Close => en_zh!(lang, "Close", "关闭"),
            Msg::Dismiss => en_zh!(lang, "Dismiss", "关闭"),
            Msg::ImportAndExport => en_zh!(lang, "Import and export", "导入与导出"),
            Msg::ExportScenario => en_zh!(lang, "Export scenario", "导出场景"),
            Msg::ExportEvents => en_zh!(lang, "Export events", "导出事件"),
            Msg::ExportChart => en_zh!(lang, "Export chart", "导出图表"),
            Msg::ExportShellScript => en_zh!(lang, "Export shell script", "导出 Shell 脚本"),
            Msg::ImportYaml => en_zh!(lang, "Import YAML", "导入 YAML"),
            Msg::ExportYaml => en_zh!(lang, "Export YAML", "导出 YAML"),
            Msg::ImportHelp => en_zh!(
                lang,
                "A Deployment manifest, applied as kubectl apply -f would.",
                "一个 Deployment 清单，按 kubectl apply -f 的方式应用。",
            ),
            Msg::ManifestFile => en_zh!(lang, "Manifest file", "清单文件"),
            Msg::Manifest => en_zh!(lang, "Manifest", "清单"),
            Msg::Apply => en_zh!(lang, "Apply", "应用"),
            Msg::Save => en_zh!(lang, "Save", "保存"),
            Msg::EditHelp => en_zh!(
                lang,
                "Edit the object and save it, as in kubectl edit's editor.",
                "编辑对象并保存，如同在 kubectl edit 的编辑器中。",
            ),
            Msg::Cancel => en_zh!(lang, "Cancel", "取消"),
            Msg::CouldNotExport(e) => en_zh!(lang, format!("Could not export: {e}"), format!("无法导出: {e}")),
            Msg::CouldNotOpen { source, error } => {
                let what = match source {
                    Source::SharedLink => en_zh!(lang, "the shared link", "分享的链接"),
                    Source::SavedSession => en_zh!(lang, "the last saved session", "上次保存的会话"),
                    Source::EmbeddedLink => en_zh!(lang, "the embedded link", "嵌入的链接"),
                };
                en_zh!(
                    lang,
                    format!("Could not open {what}: {error}. Showing the default scenario instead."),
                    format!("无法打开{what}：{error}。改为显示默认场景。"),
                )
            }
            Msg::BadEmbedOption(e) => en_zh!(
                lang,
                format!("{e}; using the defaults"),
                format!("嵌入选项 {}={} 应为 1、0、true 或 false；改用默认值", e.key, quoted(&e.value)),
            ),
            Msg::UnknownScenario { id, ids } => en_zh!(
                lang,
                format!("Unknown scenario {} (one of: {ids}). Showing the default scenario instead.", quoted(id)),
                format!("未知场景 {}（可选：{ids}）。改为显示默认场景。", quoted(id)),
            ),
        }
    }
}

/// A preset's title (the Scenario menu). Presets are named by id; one
/// without a Chinese title here shows its English one (a test checks there is none).
/// A bundled scenario's goal card: what it shows and what to watch for.
fn preset_goal(preset: &Preset, lang: Lang) -> Cow<'static, str> {
    let (en, zh) = match preset.id {
        "seed" => (
            "Set the image to test_web:v2 and Step: the new ReplicaSet grows one pod at a time as the old one shrinks, never more than 4 pods, never fewer than 3 available.",
            "把镜像设为 test_web:v2 后单步：新 ReplicaSet 每次增加一个 Pod，旧的随之减少；Pod 总数不超过 4，可用 Pod 不少于 3。",
        ),
        "rollover" => (
            "A second update arrives mid-rollout: the half-finished ReplicaSet is scaled down like any old one, and the newest takes over.",
            "发布进行中又来了一次更新：做了一半的 ReplicaSet 会像旧的一样被缩容，由最新的接管。",
        ),
        "rollback" => (
            "A typo in the image (nginx:1.161) never becomes available; rollout undo --to-revision=2 brings nginx:1.16.1 back as revision 4 and reuses its ReplicaSet.",
            "镜像名写错（nginx:1.161）的 Pod 永远不会可用；rollout undo --to-revision=2 让 nginx:1.16.1 以修订版本 4 回来，并复用它原来的 ReplicaSet。",
        ),
        "canary" => (
            "The rollout is paused right after its first new pod: one new pod serves beside three old ones, and the status reads Paused until you resume.",
            "发布在第一个新 Pod 出现后立即暂停：一个新 Pod 与三个旧 Pod 一起提供服务，状态显示“已暂停”，直到恢复。",
        ),
        "recreate" => (
            "Recreate removes every old pod before any new one starts: watch the available pods drop to 0 before the new ones come up.",
            "重建会在启动任何新 Pod 之前删除所有旧 Pod：注意可用 Pod 先降到 0，新 Pod 才启动。",
        ),
        "stuck" => (
            "The new image cannot be pulled: the rollout stops at its budgets, then exceeds its progress deadline. Nothing rolls back by itself; rollout undo does.",
            "新镜像无法拉取：发布停在预算的界限上，随后超过进度期限。它不会自动回滚，要靠 rollout undo。",
        ),
        "proportional" => (
            "Scaling the Deployment mid-rollout shares the new replicas between the old and new ReplicaSets in proportion to their size.",
            "在发布中途扩缩 Deployment：新增的副本按新旧 ReplicaSet 的大小按比例分配。",
        ),
        "readiness" => (
            "The new pod runs but its readiness probe never passes (Running, 0/1): it never counts as available, so no old pod may go and the rollout stops at 1 of 3 until its progress deadline. Then rollout undo.",
            "新 Pod 在运行，但就绪探针始终不通过（Running，0/1）：它永远不算可用，旧 Pod 一个也不能删除，发布停在 3 个中的 1 个，直到超过进度期限。然后执行 rollout undo。",
        ),
        "crashloop" => (
            "The new app passes its readiness probe, then crashes 5 s after each start. minReadySeconds 10 asks for 10 s Ready without a crash, so the pod never counts as available: the old pods stay and the crash loop (RESTARTS, CrashLoopBackOff) hurts nobody. Try minReadySeconds 0 to see what it saved you from.",
            "新应用能通过就绪探针，但每次启动 5 秒后就崩溃。minReadySeconds 10 要求连续就绪 10 秒不崩溃，所以这个 Pod 永远不算可用：旧 Pod 都留着，崩溃循环（RESTARTS、CrashLoopBackOff）不影响任何人。把 minReadySeconds 设为 0 试试，看看它帮你挡住了什么。",
        ),
        "unschedulable" => (
            "node-1 has 1 CPU and the three old pods request 300m each: the surge pod needs 300m, only 100m is left, so it stays Pending (FailedScheduling) and maxUnavailable 0 lets no old pod go. The rollout waits until its deadline. The script then sets maxUnavailable to 1: an old pod goes first, and its room lets the new one in.",
            "node-1 有 1 个 CPU，三个旧 Pod 各请求 300m：surge Pod 需要 300m，只剩 100m，所以它一直 Pending（FailedScheduling），而 maxUnavailable 为 0 不允许删除任何旧 Pod。发布一直等到超过期限。然后脚本把 maxUnavailable 设为 1：先删一个旧 Pod，腾出的空间让新 Pod 进来。",
        ),
        "quota" => (
            "The namespace's ResourceQuota allows 3 pods and 3 run: the API server refuses the surge pod (FailedCreate: exceeded quota), the ReplicaSet and the Deployment show ReplicaFailure, and the controller retries with a growing back-off. Setting maxUnavailable to 1 lets an old pod go first; once it is gone (a terminating pod still counts), the next retry creates the new one.",
            "命名空间的 ResourceQuota 只允许 3 个 Pod，而已经有 3 个在运行：API 服务器拒绝创建 surge Pod（FailedCreate：exceeded quota），ReplicaSet 和 Deployment 显示 ReplicaFailure，控制器以逐渐增长的退避重试。把 maxUnavailable 设为 1 会先删除一个旧 Pod；它消失后（终止中的 Pod 仍然计入配额），下一次重试就能创建新 Pod。",
        ),
        _ => ("", ""),
    };
    en_zh!(lang, en, zh)
}

fn preset_title(preset: &Preset, lang: Lang) -> Cow<'static, str> {
    let zh = match preset.id {
        "seed" => "滚动更新（种子笔记的例子）",
        "rollover" => "翻转更新：发布中途再次更新",
        "rollback" => "用 undo --to-revision 回滚",
        "canary" => "金丝雀：第一个新 Pod 出现后暂停",
        "recreate" => "重建：先删除所有旧 Pod",
        "stuck" => "卡住的发布：超过进度期限，然后回滚",
        "proportional" => "发布中途的按比例扩缩容",
        "readiness" => "就绪探针始终不通过，然后回滚",
        "crashloop" => "崩溃的应用被 minReadySeconds 拦下",
        "unschedulable" => "节点已满：surge Pod 等待，maxUnavailable 腾出空间",
        "quota" => "配额没有给 surge Pod 留出空间",
        _ => preset.title,
    };
    en_zh!(lang, preset.title, zh)
}

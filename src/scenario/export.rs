//! Exports of a session: the scenario file (runnable with `rollout run`),
//! the events as text, the chart as SVG, and a shell script of the kubectl
//! commands taken, to replay the lesson on a real cluster.

use super::format::{Scenario, Step};
use super::session::{Action, Frame, Happened, Session};
use crate::api::{to_json_pretty, to_value};
use crate::text::one_decimal;
use std::fmt::{self, Write};

/// Why a session cannot be written as a scenario file.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportError {
    /// A simulated-cluster setting changed after the start in a way the
    /// scenario format (settings only in `cluster`, at the start) cannot say.
    SettingMidway { setting: String, at_ms: i64 },
    /// The session dropped its oldest actions.
    HistoryTooLong,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::SettingMidway { setting, at_ms } => write!(
                f,
                "{setting} changed at {} s, after pods had started; a scenario file sets it once, in \"cluster\" (reset and set it first)",
                seconds(*at_ms)
            ),
            ExportError::HistoryTooLong => {
                f.write_str("this session is too long to export; its oldest actions were dropped")
            }
        }
    }
}

impl std::error::Error for ExportError {}

/// The session as a scenario file: its starting cluster, then its actions as
/// steps. Runs of Steps become `advance` steps to the time they reached (a
/// session stopped between two controller actions of one instant ends that
/// instant in the file). Settings made before any pod of theirs existed move
/// into `cluster`.
pub fn scenario_file(session: &Session) -> Result<String, ExportError> {
    if !session.history_is_complete() {
        return Err(ExportError::HistoryTooLong);
    }
    let mut scenario: Scenario = session.scenario().clone();
    let script: Vec<Step> = std::mem::take(&mut scenario.steps)
        .into_iter()
        .filter(|s| matches!(s, Step::Kubectl(_) | Step::Apply(_)))
        .collect();
    let mut script = script.into_iter();
    let frames = session.frames();
    let mut steps: Vec<Step> = Vec::new();
    let mut written_ms = 0; // the time the steps so far reach
    let mut pending: Option<i64> = None; // Steps taken since, up to this time
    let mut pods_started = false;
    // A replay beside the walk: whether an image is in use when its setting changes.
    let mut replay = Session::new(session.scenario().clone()).ok();
    for (i, (action, happened)) in session.history().iter().enumerate() {
        let before_ms = frames[i].time.0;
        let after_ms = frames[i + 1].time.0;
        let mut flush = |steps: &mut Vec<Step>, written_ms: &mut i64| {
            if let Some(until) = pending.take() {
                steps.push(Step::Advance((until - *written_ms) as f64 / 1000.0));
                *written_ms = until;
            }
        };
        match (action, happened) {
            // An edit is what kubectl sends for it: a merge patch of what changed.
            (
                Action::Edit {
                    name,
                    original,
                    text,
                    ..
                },
                happened,
            ) => {
                flush(&mut steps, &mut written_ms);
                steps.extend(edit_as_patch(name, original, text, happened).map(Step::Kubectl));
            }
            (Action::Apply { text, .. }, _) => {
                flush(&mut steps, &mut written_ms);
                // A file that is not YAML changed nothing: the file leaves it out.
                let documents = crate::kubectl::yaml::parse_documents(text).unwrap_or_default();
                steps.extend(documents.into_iter().map(Step::Apply));
            }
            (_, Happened::Command { line, scripted, .. }) => {
                flush(&mut steps, &mut written_ms);
                let scripted_step = if *scripted { script.next() } else { None };
                steps.push(
                    scripted_step
                        .unwrap_or_else(|| Step::Kubectl(without_kubectl(line).to_string())),
                );
            }
            (Action::PodStart { ms }, _) => {
                if pods_started {
                    return Err(ExportError::SettingMidway {
                        setting: "The pod start time".into(),
                        at_ms: before_ms,
                    });
                }
                scenario.cluster.pod_start_seconds = *ms as f64 / 1000.0;
            }
            (Action::ImageFails { image, fails }, _) => {
                if image_in_use(replay.as_ref(), image) {
                    return Err(ExportError::SettingMidway {
                        setting: format!("Whether {image} fails to pull"),
                        at_ms: before_ms,
                    });
                }
                scenario.cluster.failing_images.retain(|f| f != image);
                if *fails {
                    scenario.cluster.failing_images.push(image.clone());
                }
            }
            (Action::ImageUnready { image, unready }, _) => {
                if image_in_use(replay.as_ref(), image) {
                    return Err(ExportError::SettingMidway {
                        setting: format!("Whether {image} becomes ready"),
                        at_ms: before_ms,
                    });
                }
                set_image_behaviour(&mut scenario.cluster.images, image, |b| b.ready = !unready);
            }
            (Action::ImageCrashes { image, after_ms }, _) => {
                if image_in_use(replay.as_ref(), image) {
                    return Err(ExportError::SettingMidway {
                        setting: format!("Whether {image} crashes"),
                        at_ms: before_ms,
                    });
                }
                let seconds = after_ms.map(|ms| ms as f64 / 1000.0);
                set_image_behaviour(&mut scenario.cluster.images, image, |b| {
                    b.crash_after_seconds = seconds
                });
            }
            (_, Happened::Change { created, .. }) => {
                pods_started |= *created > 0;
                pending = Some(after_ms);
            }
            _ => pending = Some(after_ms),
        }
        if let Some(r) = replay.as_mut() {
            let replayed = match action {
                Action::Step => r.step().map(drop),
                other => r.act(other.clone()).map(drop),
            };
            if replayed.is_err() {
                replay = None;
            }
        }
    }
    if let Some(until) = pending {
        steps.push(Step::Advance((until - written_ms) as f64 / 1000.0));
    }
    scenario.steps = steps;
    let mut text = to_json_pretty(&scenario);
    text.push('\n');
    Ok(text)
}

fn without_kubectl(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix("kubectl ").unwrap_or(line).trim_start()
}

/// Whether the session's ReplicaSets run `image` (its behaviour can no longer
/// move into the file's `cluster`); without a replay, assume so.
fn image_in_use(replay: Option<&Session>, image: &str) -> bool {
    replay.is_none_or(|r| {
        r.cluster()
            .replica_sets_of(r.deployment_name())
            .iter()
            .any(|rs| {
                rs.spec
                    .template
                    .spec
                    .containers
                    .iter()
                    .any(|c| c.image == image)
            })
    })
}

/// Milliseconds as seconds with at most three decimals ("1.5", "12").
fn seconds(ms: i64) -> String {
    crate::text::trimmed(ms, 3)
}

/// The lab's Deployment and its ReplicaSets at this moment, as
/// `kubectl get deployment,replicaset -o yaml` prints them (a List).
pub fn manifests_yaml(session: &Session) -> String {
    let c = session.cluster();
    let name = session.deployment_name();
    let mut items: Vec<serde_json::Value> = Vec::new();
    items.extend(c.deployment(name).map(to_value));
    items.extend(c.replica_sets_of(name).into_iter().map(to_value));
    let list = serde_json::json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}});
    crate::kubectl::yaml::to_yaml(&list)
}

/// The lab's Deployment at this moment, as `kubectl get deployment NAME
/// -o yaml` prints it (empty once it is deleted).
pub fn deployment_yaml(session: &Session) -> String {
    let c = session.cluster();
    c.deployment(session.deployment_name())
        .map(|d| crate::kubectl::yaml::to_yaml(&to_value(d)))
        .unwrap_or_default()
}

/// Every event so far, one line each: time, type, reason, object, message.
pub fn events_text(session: &Session) -> String {
    let events = session.cluster().events();
    let mut text =
        String::from("TIME(s)  TYPE     REASON             OBJECT                      MESSAGE\n");
    for e in events {
        let _ = writeln!(
            text,
            "{:<8} {:<8} {:<18} {:<27} {}",
            seconds(e.time.0),
            e.type_,
            e.reason,
            e.object,
            e.message
        );
    }
    text
}

/// The kubectl commands taken, as a shell script for a real cluster. It
/// first builds the scenario's starting point (the Deployment, and one
/// rollout per older ReplicaSet so `rollout history` has the same
/// revisions), then runs the commands with the simulated pauses between.
pub fn shell_script(session: &Session) -> String {
    let scenario = session.scenario();
    let name = scenario.deployment_name();
    let mut manifest = scenario.deployment.clone();
    if let Some(annotations) = manifest
        .pointer_mut("/metadata/annotations")
        .and_then(|a| a.as_object_mut())
    {
        annotations.remove(crate::api::keys::LAST_APPLIED);
    }
    let container = manifest
        .pointer("/spec/template/spec/containers/0/name")
        .and_then(|c| c.as_str())
        .unwrap_or("app")
        .to_string();
    let mut older = scenario.replica_sets.iter().map(|rs| rs.image.clone());
    let first_image = older.next();
    if let Some(image) = &first_image {
        if let Some(slot) = manifest.pointer_mut("/spec/template/spec/containers/0/image") {
            *slot = image.clone().into();
        }
    }
    let mut out = String::new();
    let title = scenario.title.as_deref().unwrap_or("a Rollout Lab session");
    let title: String = title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let _ = writeln!(out, "#!/bin/sh");
    let _ = writeln!(out, "# Rollout Lab: {title}");
    out.push_str("# Replays this lesson's kubectl commands on a real cluster (the current\n");
    out.push_str(
        "# kubectl context, namespace default). Pauses are the simulated time between them.\n",
    );
    out.push_str("set -eu\n\n");
    out.push_str("# The starting point.\n");
    heredoc(&mut out, "kubectl apply -f -", &to_json_pretty(&manifest));
    let _ = writeln!(out, "kubectl rollout status deployment/{name}");
    let final_image = scenario
        .deployment
        .pointer("/spec/template/spec/containers/0/image")
        .and_then(|i| i.as_str())
        .map(str::to_string);
    for image in older.chain(first_image.is_some().then_some(final_image).flatten()) {
        let _ = writeln!(
            out,
            "kubectl set image deployment/{name} {container}={image}"
        );
        let _ = writeln!(out, "kubectl rollout status deployment/{name}");
    }
    out.push_str("\n# The lesson.\n");
    let frames = session.frames();
    let mut last_ms = frames.first().map_or(0, |f| f.time.0);
    for (i, (action, happened)) in session.history().iter().enumerate() {
        if let Happened::Command { line, .. } = happened {
            let at = frames[i].time.0;
            if at > last_ms {
                let _ = writeln!(out, "sleep {}", seconds(at - last_ms));
                last_ms = at;
            }
            match action {
                Action::Apply { file, text } => {
                    // One comment line, whatever the name holds (a link can carry any text).
                    let name: String = file
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect();
                    let _ = writeln!(out, "# {name}");
                    heredoc(&mut out, "kubectl apply -f -", text.trim_end());
                }
                // What the editor saved replaces the object, as kubectl replace does.
                Action::Edit {
                    name,
                    original,
                    text,
                    ..
                } => {
                    if let Some(patch) = edit_as_patch(name, original, text, happened) {
                        let _ = writeln!(out, "kubectl {patch}");
                    }
                }
                _ => {
                    let _ = writeln!(out, "kubectl {}", shell_quote_line(without_kubectl(line)));
                }
            }
        }
    }
    out
}

/// `command <<'MANIFEST'` with the text, under a delimiter the text has no line of.
fn heredoc(out: &mut String, command: &str, text: &str) {
    let mut delimiter = String::from("MANIFEST");
    while text.lines().any(|l| l == delimiter) {
        delimiter.push('_');
    }
    let _ = writeln!(out, "{command} <<'{delimiter}'\n{text}\n{delimiter}");
}

/// A console line for sh: the console splits words like a shell, so the
/// line is written as typed, except that characters sh would expand are
/// kept literal by quoting the words that contain them.
fn shell_quote_line(line: &str) -> String {
    match crate::kubectl::words::split_words(line) {
        Ok(words) => words
            .iter()
            .map(|w| shell_word(w))
            .collect::<Vec<_>>()
            .join(" "),
        // Left out: not even its text goes into the script.
        Err(_) => "# (a command line with an unclosed quote, left out)".to_string(),
    }
}

/// A word as sh (and the console's word splitting) reads it back.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

/// A `kubectl edit` as the command line of its merge patch (without
/// `kubectl`); `None` when it changed nothing or could not be saved.
/// The `kubectl patch` an edit sent, if it was saved ("edited"); a failed
/// or cancelled save sent nothing.
fn edit_as_patch(name: &str, original: &str, text: &str, happened: &Happened) -> Option<String> {
    let Happened::Command { output, .. } = happened else {
        return None;
    };
    if !output.stdout.ends_with(" edited\n") {
        return None;
    }
    let patch = crate::kubectl::apply::edit_patch(name, original, text)?;
    if patch.as_object().is_some_and(|fields| fields.is_empty()) {
        return None; // only fields the API server ignores changed
    }
    Some(format!(
        "patch deployment {} --type merge -p {}",
        shell_word(name),
        shell_word(&patch.to_string())
    ))
}

/// The chart's lines: spec.replicas of each ReplicaSet and the available
/// pods, as step functions over simulated time (what the UI draws and the
/// SVG export writes).
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub lines: Vec<ChartLine>,
    /// The time at the right edge, in ms (at least 1).
    pub end_ms: i64,
    /// The value at the top edge (at least 1).
    pub top: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartLine {
    /// A ReplicaSet's name, or "available".
    pub name: String,
    /// SVG polyline points in a `CHART_W` x `CHART_H` box.
    pub points: String,
    pub colour: &'static str,
    pub dashed: bool,
}

pub const CHART_W: f64 = 600.0;
pub const CHART_H: f64 = 160.0;
const COLOURS: [&str; 6] = [
    "#64748b", "#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626",
];

pub fn chart(frames: &[Frame]) -> Chart {
    let end_ms = frames.last().map_or(1, |f| f.time.0).max(1);
    let top = frames
        .iter()
        .flat_map(|f| f.replicas.values().copied().chain([f.available]))
        .max()
        .unwrap_or(1)
        .max(1);
    let x = |t: i64| t as f64 / end_ms as f64 * CHART_W;
    let y = |v: i32| CHART_H - 8.0 - v as f64 / top as f64 * (CHART_H - 16.0);
    let step_line = |value: &dyn Fn(&Frame) -> Option<i32>| {
        let mut points = String::new();
        let mut last: Option<f64> = None;
        for f in frames {
            let Some(v) = value(f) else { continue };
            let (px, py) = (x(f.time.0), y(v));
            if let Some(ly) = last {
                let _ = write!(points, "{},{} ", one_decimal(px), one_decimal(ly));
            }
            let _ = write!(points, "{},{} ", one_decimal(px), one_decimal(py));
            last = Some(py);
        }
        // Hold the last value to the right edge (now).
        if let Some(ly) = last {
            let _ = write!(points, "{},{}", one_decimal(CHART_W), one_decimal(ly));
        }
        points
    };
    let mut names: Vec<&String> = Vec::new();
    for f in frames {
        for n in f.replicas.keys() {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    let mut lines: Vec<ChartLine> = names
        .iter()
        .enumerate()
        .map(|(i, n)| ChartLine {
            name: n.to_string(),
            points: step_line(&|f| f.replicas.get(*n).copied()),
            colour: COLOURS[i % COLOURS.len()],
            dashed: false,
        })
        .collect();
    lines.push(ChartLine {
        name: "available".into(),
        points: step_line(&|f| Some(f.available)),
        colour: "#0f172a",
        dashed: true,
    });
    Chart { lines, end_ms, top }
}

/// The chart as a standalone SVG file, with a title, axes and a legend.
pub fn chart_svg(session: &Session) -> String {
    let c = chart(session.frames());
    // Whole-pixel geometry (the lines' points come from `chart`).
    let (w, h) = (CHART_W as i64, CHART_H as i64);
    let (left, top_margin, legend_h) = (48, 28, 18 * c.lines.len() as i64 + 30);
    let width = w + left + 16;
    let height = top_margin + h + legend_h;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
    );
    let title = escape_xml(session.scenario().title.as_deref().unwrap_or("Rollout Lab"));
    let _ = writeln!(
        svg,
        r#"<title>{title}: replicas of each ReplicaSet and available pods</title>"#
    );
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        svg,
        r##"<text x="{left}" y="18" font-weight="bold" fill="#1b1f24">{title}</text>"##
    );
    let _ = writeln!(svg, r#"<g transform="translate({left} {top_margin})">"#);
    let _ = writeln!(svg, r##"<rect width="{w}" height="{h}" fill="#f1f3f5"/>"##);
    let _ = writeln!(
        svg,
        r##"<text x="-6" y="12" text-anchor="end" fill="#57606a">{}</text>"##,
        c.top
    );
    let _ = writeln!(
        svg,
        r##"<text x="-6" y="{}" text-anchor="end" fill="#57606a">0</text>"##,
        h - 4
    );
    let _ = writeln!(
        svg,
        r##"<text x="0" y="{}" fill="#57606a">0 s</text>"##,
        h + 14
    );
    let _ = writeln!(
        svg,
        r##"<text x="{w}" y="{}" text-anchor="end" fill="#57606a">{} s</text>"##,
        h + 14,
        seconds(c.end_ms)
    );
    for line in &c.lines {
        let dash = if line.dashed {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{dash}><title>{}</title></polyline>"#,
            line.points,
            line.colour,
            escape_xml(&line.name)
        );
    }
    for (i, line) in c.lines.iter().enumerate() {
        let y = h + 34 + 18 * i as i64;
        let dash = if line.dashed {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r##"<line x1="0" x2="24" y1="{}" y2="{}" stroke="{}" stroke-width="3"{dash}/><text x="30" y="{y}" fill="#1b1f24">{}</text>"##,
            y - 4,
            y - 4,
            line.colour,
            escape_xml(&line.name)
        );
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Changes how an image behaves in `cluster.images`, leaving out an image that behaves as any other.
fn set_image_behaviour(
    images: &mut std::collections::BTreeMap<String, super::format::ImageBehaviour>,
    image: &str,
    edit: impl FnOnce(&mut super::format::ImageBehaviour),
) {
    let behaviour = images.entry(image.to_string()).or_default();
    edit(behaviour);
    if *behaviour == super::format::ImageBehaviour::default() {
        images.remove(image);
    }
}

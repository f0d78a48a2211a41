//! Share links: a session as `s1.` + base64url(raw deflate(JSON)).
//!
//! The JSON is `{"scenario": <scenario file>, "actions": [...], "view": {...}}`:
//! the scenario the session started from (or `"preset": ID` for a bundled
//! one), the actions applied since, and the view options. Opening a link
//! replays them through a new `Session`; the simulation is deterministic, so
//! the state, the time and the history are exactly the sender's. Nothing in
//! a link is executed except as kubectl lines against the simulated cluster.
//!
//! Actions in the JSON: a string is a kubectl line, a number n is n Steps in a
//! row (run-length, which keeps played rollouts short), `{"podStartMs": n}` and
//! `{"image": "...", "fails": bool}` are the simulated-cluster settings,
//! `{"apply": FILE, "text": MANIFEST}` is an imported manifest and
//! `{"edit": NAME, "original": FILE, "text": FILE}` a `kubectl edit` saving the second file.

use super::load::{from_value, LoadError};
use super::session::{Action, Session};
use crate::json::{json, Map, Value};
use std::fmt;
use crate::text::quoted;

/// The link format's version tag (the part before the first '.').
pub const PREFIX: &str = "s1.";
/// Longest link text accepted (browsers cap URLs near 64 KB anyway).
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// Most bytes a link may inflate to (a guard against deflate bombs).
pub const MAX_JSON_BYTES: usize = 1 << 20;
/// Most actions a link may replay (Steps counted one by one).
pub const MAX_ACTIONS: u64 = 50_000;
/// Most pods a link's replay may create and delete in all. A link of 1 KB
/// can scale to 100,000 replicas and back a thousand times; opening it must
/// not freeze the tab (this budget is ~1.5 s natively, a few in a browser).
/// A lesson that scales to 100,000 replicas and rolls out once (300,000)
/// fits; lessons at the UI's usual sizes are far below.
pub const MAX_REPLAY_POD_CHANGES: u64 = 500_000;

/// The latest moment a link may show (the scenario format's year, twice).
const MAX_CLOCK_MS: i64 = 2 * 31_536_000_000;

/// The view options a link carries besides the session.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct View {
    pub presenter: bool,
    /// The moment shown, in ms, when the timeline was scrubbed past the last
    /// action (the cluster is as after that action; the clock shows this).
    pub clock_ms: Option<i64>,
}

/// Why a link could not be opened; shown to the user, who gets the default scenario instead.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// Not `s1.` followed by the payload.
    UnknownFormat,
    TooLong {
        chars: usize,
    },
    /// A character outside base64url, or a length no encoder writes.
    NotBase64 {
        at: usize,
    },
    /// The payload is not deflate data (a truncated or altered link).
    Corrupt,
    TooLarge,
    NotJson(String),
    /// The `actions` list, with the JSON path of the bad entry.
    BadAction {
        path: String,
        message: String,
    },
    Scenario(LoadError),
    /// An action the simulator refused while replaying.
    Replay {
        index: usize,
        message: String,
    },
    /// Encoding only: the session dropped its oldest actions.
    HistoryTooLong,
    /// Replaying would create and delete more pods than a link may ask for.
    TooMuchWork {
        index: usize,
        budget: u64,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::UnknownFormat => {
                f.write_str("this is not a Rollout Lab link (it should start with \"s1.\")")
            }
            ShareError::TooLong { chars } => write!(
                f,
                "the link is too long ({chars} characters; at most {MAX_LINK_CHARS})"
            ),
            ShareError::NotBase64 { at } => write!(
                f,
                "the link is damaged: unexpected character at position {at}"
            ),
            ShareError::Corrupt => f.write_str("the link is damaged or cut short"),
            ShareError::TooLarge => write!(f, "the link holds more than {MAX_JSON_BYTES} bytes"),
            ShareError::NotJson(e) => write!(f, "the link is damaged: {e}"),
            ShareError::BadAction { path, message } => write!(f, "the link's {path}: {message}"),
            ShareError::Scenario(e) => write!(f, "the link's scenario is invalid: {e}"),
            ShareError::Replay { index, message } => {
                write!(f, "the link's actions[{index}] failed: {message}")
            }
            ShareError::TooMuchWork { index, budget } => write!(
                f,
                "the link asks for too much work (at actions[{index}], more than {budget} pods created and deleted)"
            ),
            ShareError::HistoryTooLong => {
                f.write_str("this session is too long to share; reset it or export the scenario")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// The link text for a session (without the page address). A session that
/// `decode` would refuse (too long, too many actions, too much work to
/// replay) is refused here, so no link or autosave is written that cannot
/// be opened.
pub fn encode(session: &Session, view: View) -> Result<String, ShareError> {
    if !session.history_is_complete() || session.history().len() as u64 > MAX_ACTIONS {
        return Err(ShareError::HistoryTooLong);
    }
    if session.cluster().stats().pod_changes() > MAX_REPLAY_POD_CHANGES {
        return Err(ShareError::TooMuchWork {
            index: session.history().len(),
            budget: MAX_REPLAY_POD_CHANGES,
        });
    }
    let mut actions: Vec<Value> = Vec::new();
    for (action, _) in session.history() {
        match action {
            Action::Step => match actions.last_mut() {
                Some(Value::Number(n)) => *n = (n.as_u64().unwrap_or(0) + 1).into(),
                _ => actions.push(1.into()),
            },
            Action::Kubectl(line) => actions.push(line.as_str().into()),
            Action::Apply { file, text } => actions.push(json!({ "apply": file, "text": text })),
            Action::Edit { name, original, text, reopened } => {
                let mut edit = json!({ "edit": name, "original": original, "text": text });
                if let (Some(fields), Some(reopened)) = (edit.as_object_mut(), reopened) {
                    fields.insert("reopened".into(), reopened.as_str().into());
                }
                actions.push(edit)
            }
            Action::PodStart { ms } => actions.push(json!({ "podStartMs": ms })),
            Action::ImageFails { image, fails } => {
                actions.push(json!({ "image": image, "fails": fails }))
            }
        }
    }
    // A bundled scenario goes by its id: the link carries only what was done.
    let mut doc = Map::new();
    match super::presets::preset_of(session.scenario()) {
        Some(preset) => doc.insert("preset".into(), preset.id.into()),
        None => doc.insert("scenario".into(), crate::json::to_value(session.scenario())),
    };
    doc.insert("actions".into(), actions.into());
    if view != View::default() {
        let mut options = Map::new();
        options.insert("presenter".into(), view.presenter.into());
        if let Some(ms) = view.clock_ms {
            options.insert("clockMs".into(), ms.into());
        }
        doc.insert("view".into(), options.into());
    }
    let doc = Value::Object(doc);
    let link = pack(&doc.to_string());
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(link)
}

/// The link text carrying this JSON text (what `decode` unpacks first).
pub fn pack(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{}", base64url_encode(&packed))
}

/// Opens a link: the session it describes, with its actions replayed, and its view.
pub fn decode(link: &str) -> Result<(Session, View), ShareError> {
    decode_within(link, MAX_REPLAY_POD_CHANGES)
}

/// `decode` with another work budget (pods created and deleted while replaying).
pub fn decode_within(link: &str, max_pod_changes: u64) -> Result<(Session, View), ShareError> {
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    let payload = link.strip_prefix(PREFIX).ok_or(ShareError::UnknownFormat)?;
    let packed = base64url_decode(payload).map_err(|at| ShareError::NotBase64 {
        at: at + PREFIX.len(),
    })?;
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::Corrupt,
    })?;
    let value: Value =
        crate::json::from_slice(&text).map_err(|e| ShareError::NotJson(e.to_string()))?;
    let top = value
        .as_object()
        .ok_or_else(|| ShareError::NotJson("expected an object".into()))?;
    if let Some(key) = top
        .keys()
        .find(|k| !["scenario", "preset", "actions", "view"].contains(&k.as_str()))
    {
        return Err(ShareError::NotJson(format!("unknown field {key}", key = quoted(key))));
    }
    let view = parse_view(top.get("view"))?;
    let scenario = match (top.get("preset"), top.get("scenario")) {
        (Some(id), None) => {
            let id = id.as_str().unwrap_or_default();
            super::presets::preset(id)
                .ok_or_else(|| ShareError::NotJson(format!("unknown preset {id}", id = quoted(id))))?
                .scenario()
        }
        (None, scenario) => from_value(scenario.unwrap_or(&Value::Null)).map_err(ShareError::Scenario)?,
        (Some(_), Some(_)) => {
            return Err(ShareError::NotJson("a preset and a scenario both".into()))
        }
    };
    let actions = parse_actions(top.get("actions").unwrap_or(&Value::Null))?;
    let mut session = Session::new(scenario).map_err(ShareError::Scenario)?;
    for (index, action) in actions.into_iter().enumerate() {
        let replay = |message: String| ShareError::Replay { index, message };
        let within_budget = |session: &Session| {
            if session.cluster().stats().pod_changes() > max_pod_changes {
                return Err(ShareError::TooMuchWork { index, budget: max_pod_changes });
            }
            Ok(())
        };
        match action {
            Entry::Steps(n) => {
                for _ in 0..n {
                    session.step().map_err(|e| replay(e.to_string()))?;
                    within_budget(&session)?;
                }
            }
            Entry::One(action) => {
                session.act(action).map_err(|e| replay(e.to_string()))?;
            }
        }
        within_budget(&session)?;
    }
    Ok((session, view))
}

fn parse_view(value: Option<&Value>) -> Result<View, ShareError> {
    let Some(value) = value else {
        return Ok(View::default());
    };
    let bad = || {
        ShareError::NotJson("view: expected {\"presenter\": true or false, \"clockMs\": milliseconds}".into())
    };
    let o = value.as_object().ok_or_else(bad)?;
    if o.keys().any(|k| k != "presenter" && k != "clockMs") {
        return Err(bad());
    }
    Ok(View {
        presenter: match o.get("presenter") {
            None => false,
            Some(p) => p.as_bool().ok_or_else(bad)?,
        },
        clock_ms: match o.get("clockMs") {
            None => None,
            Some(ms) => Some(ms.as_i64().filter(|ms| (0..=MAX_CLOCK_MS).contains(ms)).ok_or_else(bad)?),
        },
    })
}

enum Entry {
    Steps(u64),
    One(Action),
}

fn parse_actions(value: &Value) -> Result<Vec<Entry>, ShareError> {
    let bad = |i: usize, message: &str| ShareError::BadAction {
        path: format!("actions[{i}]"),
        message: message.to_string(),
    };
    let list = value.as_array().ok_or_else(|| ShareError::BadAction {
        path: "actions".into(),
        message: "expected a list".into(),
    })?;
    let mut total = 0u64;
    let mut entries = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let entry = match item {
            Value::String(line) => Entry::One(Action::Kubectl(line.clone())),
            Value::Number(n) => match n.as_u64() {
                Some(n) if n > 0 => Entry::Steps(n),
                _ => return Err(bad(i, "a step count must be a positive integer")),
            },
            Value::Object(o) => Entry::One(setting(o).ok_or_else(|| bad(i, "unknown action"))?),
            _ => return Err(bad(i, "unknown action")),
        };
        total += match entry {
            Entry::Steps(n) => n,
            Entry::One(_) => 1,
        };
        if total > MAX_ACTIONS {
            return Err(bad(i, &format!("more than {MAX_ACTIONS} actions")));
        }
        entries.push(entry);
    }
    Ok(entries)
}

fn setting(o: &Map) -> Option<Action> {
    match (o.len(), o.get("podStartMs"), o.get("image"), o.get("fails")) {
        (1, Some(ms), None, None) => Some(Action::PodStart {
            ms: ms.as_i64().filter(|ms| *ms >= 0)?,
        }),
        (2, None, Some(image), Some(fails)) => Some(Action::ImageFails {
            image: image.as_str()?.to_string(),
            fails: fails.as_bool()?,
        }),
        (2..=4, None, None, None) => {
            let text = o.get("text")?.as_str()?.to_string();
            let reopened = match o.get("reopened") {
                None => None,
                Some(file) => Some(file.as_str()?.to_string()),
            };
            match (o.get("apply"), o.get("edit"), o.get("original")) {
                (Some(file), None, None) if o.len() == 2 => Some(Action::Apply { file: file.as_str()?.to_string(), text }),
                (None, Some(name), Some(original)) if o.len() == 3 + usize::from(reopened.is_some()) => {
                    Some(Action::Edit {
                        name: name.as_str()?.to_string(),
                        original: original.as_str()?.to_string(),
                        text,
                        reopened,
                    })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Unpadded base64url; the error is the byte offset of the first bad character.
fn base64url_decode(text: &str) -> Result<Vec<u8>, usize> {
    if text.len() % 4 == 1 {
        return Err(text.len() - 1);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for (c, chunk) in text.as_bytes().chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, b) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == b).ok_or(c * 4 + i)?;
            n |= (v as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for len in 0..40 {
            let text = base64url_encode(&bytes[200..200 + len]);
            assert!(!text.contains('='));
            assert_eq!(base64url_decode(&text), Ok(bytes[200..200 + len].to_vec()));
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("ab+d"), Err(2));
        assert_eq!(base64url_decode("abcde"), Err(4));
    }
}

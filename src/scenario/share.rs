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

use super::load::{from_value, read, LoadError};
use super::session::{Action, Session};
use crate::api::Time;
use crate::text::quoted;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::{alphabet, DecodeError, Engine};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// base64url without padding. A link cut short mid-character keeps the bits it
/// has, so that the inflater, not the decoder, says it is cut short.
const LINK_BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct View {
    // Fields in key order, as links were first written.
    /// The moment shown, in ms, when the timeline was scrubbed past the last
    /// action (the cluster is as after that action; the clock shows this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock_ms: Option<i64>,
    #[serde(default)]
    pub presenter: bool,
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
    let mut actions: Vec<LinkAction> = Vec::new();
    for (action, _) in session.history() {
        match (action, actions.last_mut()) {
            (Action::Step, Some(LinkAction::Steps(n))) => *n += 1,
            (Action::Step, _) => actions.push(LinkAction::Steps(1)),
            (action, _) => actions.push(LinkAction::from(action.clone())),
        }
    }
    // A bundled scenario goes by its id: the link carries only what was done.
    let (preset, scenario) = match super::presets::preset_of(session.scenario()) {
        Some(preset) => (Some(preset.id.to_string()), None),
        None => (None, Some(crate::api::to_value(session.scenario()))),
    };
    let payload = Payload {
        actions: actions
            .into_iter()
            .map(|a| crate::api::to_value(&a))
            .collect(),
        preset,
        scenario,
        view: (view != View::default()).then_some(view),
    };
    let link = pack(&crate::api::to_json(&payload));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(link)
}

/// The link text carrying this JSON text (what `decode` unpacks first).
pub fn pack(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{}", LINK_BASE64.encode(packed))
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
    let packed = LINK_BASE64
        .decode(payload)
        .map_err(|e| ShareError::NotBase64 {
            at: PREFIX.len()
                + match e {
                    DecodeError::InvalidByte(at, _) | DecodeError::InvalidLastSymbol(at, _) => at,
                    DecodeError::InvalidLength(_) | DecodeError::InvalidPadding => {
                        payload.len().saturating_sub(1)
                    }
                },
        })?;
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupt,
        })?;
    let text = String::from_utf8(text).map_err(|_| ShareError::NotJson("not UTF-8 text".into()))?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| ShareError::NotJson(e.to_string()))?;
    let payload: Payload = read(&value).map_err(|e| ShareError::NotJson(e.to_string()))?;
    let view = payload.view.unwrap_or_default();
    if view
        .clock_ms
        .is_some_and(|ms| !(0..=MAX_CLOCK_MS).contains(&ms))
    {
        return Err(ShareError::NotJson(format!(
            "view.clockMs: out of range (0 to {MAX_CLOCK_MS})"
        )));
    }
    let scenario = match (payload.preset, payload.scenario) {
        (Some(id), None) => super::presets::preset(&id)
            .ok_or_else(|| ShareError::NotJson(format!("unknown preset {id}", id = quoted(&id))))?
            .scenario(),
        (None, scenario) => {
            from_value(&scenario.unwrap_or_default()).map_err(ShareError::Scenario)?
        }
        (Some(_), Some(_)) => {
            return Err(ShareError::NotJson("a preset and a scenario both".into()))
        }
    };
    let actions = parse_actions(&payload.actions)?;
    let mut session = Session::new(scenario).map_err(ShareError::Scenario)?;
    for (index, action) in actions.into_iter().enumerate() {
        let replay = |message: String| ShareError::Replay { index, message };
        let within_budget = |session: &Session| {
            if session.cluster().stats().pod_changes() > max_pod_changes {
                return Err(ShareError::TooMuchWork {
                    index,
                    budget: max_pod_changes,
                });
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

/// A link's JSON: the scenario (or a preset's id), the actions, the view.
/// Keys in alphabetical order, as links were first written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    /// Read one by one, so that a bad one is named by its index.
    actions: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preset: Option<String>,
    /// Read by `load::from_value`, which names what is wrong in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scenario: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    view: Option<View>,
}

/// An entry of a link's `actions`: a number n is n Steps in a row.
#[derive(Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum LinkAction {
    Steps(u64),
    Kubectl(String),
    PodStart {
        #[serde(rename = "podStartMs")]
        ms: u64,
    },
    Wait {
        #[serde(rename = "waitUntilMs")]
        until: u64,
    },
    ImageFails {
        fails: bool,
        image: String,
    },
    ImageUnready {
        image: String,
        unready: bool,
    },
    /// `crashAfterMs` 0: the image does not crash.
    ImageCrashes {
        #[serde(rename = "crashAfterMs")]
        after_ms: u64,
        image: String,
    },
    Apply {
        apply: String,
        text: String,
    },
    Edit {
        edit: String,
        original: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reopened: Option<String>,
        text: String,
    },
}

impl From<Action> for LinkAction {
    fn from(action: Action) -> LinkAction {
        match action {
            Action::Step => LinkAction::Steps(1),
            Action::Kubectl(line) => LinkAction::Kubectl(line),
            Action::PodStart { ms } => LinkAction::PodStart {
                ms: u64::try_from(ms).unwrap_or(0),
            },
            Action::Wait { until } => LinkAction::Wait {
                until: u64::try_from(until.0).unwrap_or(0),
            },
            Action::ImageFails { image, fails } => LinkAction::ImageFails { fails, image },
            Action::ImageUnready { image, unready } => LinkAction::ImageUnready { image, unready },
            Action::ImageCrashes { image, after_ms } => LinkAction::ImageCrashes {
                after_ms: after_ms.map_or(0, |ms| ms.max(1) as u64),
                image,
            },
            Action::Apply { file, text } => LinkAction::Apply { apply: file, text },
            Action::Edit {
                name,
                original,
                text,
                reopened,
            } => LinkAction::Edit {
                edit: name,
                original,
                reopened,
                text,
            },
        }
    }
}

enum Entry {
    Steps(u64),
    One(Action),
}

fn parse_actions(list: &[Value]) -> Result<Vec<Entry>, ShareError> {
    let bad = |i: usize, message: &str| ShareError::BadAction {
        path: format!("actions[{i}]"),
        message: message.to_string(),
    };
    let mut total = 0u64;
    let mut entries = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let entry = match read::<LinkAction>(item) {
            Ok(LinkAction::Steps(0)) => {
                return Err(bad(i, "a step count must be a positive integer"))
            }
            Ok(LinkAction::Steps(n)) => Entry::Steps(n),
            Ok(LinkAction::Kubectl(line)) => Entry::One(Action::Kubectl(line)),
            Ok(LinkAction::PodStart { ms }) => match i64::try_from(ms) {
                Ok(ms) => Entry::One(Action::PodStart { ms }),
                Err(_) => return Err(bad(i, "unknown action")),
            },
            Ok(LinkAction::Wait { until }) => match i64::try_from(until) {
                Ok(ms) if ms <= MAX_CLOCK_MS => Entry::One(Action::Wait { until: Time(ms) }),
                _ => {
                    return Err(bad(
                        i,
                        &format!("waitUntilMs: out of range (0 to {MAX_CLOCK_MS})"),
                    ))
                }
            },
            Ok(LinkAction::ImageFails { fails, image }) => {
                Entry::One(Action::ImageFails { image, fails })
            }
            Ok(LinkAction::ImageUnready { image, unready }) => {
                Entry::One(Action::ImageUnready { image, unready })
            }
            Ok(LinkAction::ImageCrashes { after_ms, image }) => Entry::One(Action::ImageCrashes {
                image,
                after_ms: (after_ms > 0).then(|| after_ms.min(i64::MAX as u64) as i64),
            }),
            Ok(LinkAction::Apply { apply, text }) => {
                Entry::One(Action::Apply { file: apply, text })
            }
            Ok(LinkAction::Edit {
                edit,
                original,
                reopened,
                text,
            }) => Entry::One(Action::Edit {
                name: edit,
                original,
                text,
                reopened,
            }),
            Err(_) if item.is_number() => {
                return Err(bad(i, "a step count must be a positive integer"))
            }
            Err(_) => return Err(bad(i, "unknown action")),
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

//! Embed options: the page's query string when the lab runs in an iframe.
//!
//! `?embed` turns the compact layout on; the other flags are
//! `scenario=ID` (a preset's id), `autoplay`, `loop`, `console` and
//! `readonly`. A flag is on when present (`autoplay`, `autoplay=1`,
//! `autoplay=true`) and off with `=0` or `=false`. Keys the lab does not
//! know are left alone: host pages add their own (tracking, cache busting).

use crate::text::quoted;
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Embed {
    /// The preset to open (`scenario=canary`), when no share link is given.
    pub scenario: Option<String>,
    /// Start playing as soon as the page is shown.
    pub autoplay: bool,
    /// When nothing is left to happen, start over and play again.
    pub looped: bool,
    /// Show the kubectl console under the lanes.
    pub console: bool,
    /// A doc page's embed: playback only; nothing can change the Deployment.
    pub readonly: bool,
}

/// A flag with a value that is not a yes or a no.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedError {
    pub key: String,
    pub value: String,
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the embed option {}={} should be 1, 0, true or false",
            self.key,
            quoted(&self.value)
        )
    }
}

impl std::error::Error for EmbedError {}

impl Embed {
    /// The options in a query string (with or without its leading `?`);
    /// `None` when it has no `embed` key (the full page).
    pub fn from_query(query: &str) -> Result<Option<Embed>, EmbedError> {
        let pairs = || {
            query
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k, Some(v)),
                    None => (p, None),
                })
        };
        let flag = |key: &str| -> Result<Option<bool>, EmbedError> {
            let Some((_, value)) = pairs().rfind(|(k, _)| *k == key) else {
                return Ok(None);
            };
            match value.map(percent_decode).as_deref() {
                None | Some("") | Some("1") | Some("true") => Ok(Some(true)),
                Some("0") | Some("false") => Ok(Some(false)),
                Some(other) => Err(EmbedError {
                    key: key.to_string(),
                    value: other.to_string(),
                }),
            }
        };
        if flag("embed")? != Some(true) {
            return Ok(None);
        }
        let scenario = pairs()
            .rfind(|(k, _)| *k == "scenario")
            .and_then(|(_, v)| v)
            .map(percent_decode)
            .filter(|s| !s.is_empty());
        Ok(Some(Embed {
            scenario,
            autoplay: flag("autoplay")?.unwrap_or(false),
            looped: flag("loop")?.unwrap_or(false),
            console: flag("console")?.unwrap_or(false),
            readonly: flag("readonly")?.unwrap_or(false),
        }))
    }

    /// The query string for these options (what "Copy embed code" writes).
    pub fn to_query(&self) -> String {
        let mut query = String::from("?embed");
        if let Some(id) = &self.scenario {
            query.push_str("&scenario=");
            query.push_str(id);
        }
        for (on, key) in [
            (self.autoplay, "autoplay"),
            (self.looped, "loop"),
            (self.console, "console"),
            (self.readonly, "readonly"),
        ] {
            if on {
                query.push('&');
                query.push_str(key);
            }
        }
        query
    }
}

/// `%XX` escapes and `+` as a space, as in form-encoded query strings; a
/// malformed escape is kept as typed.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

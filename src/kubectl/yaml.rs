//! YAML as kubectl reads and writes it: manifests in (`kubectl apply -f`),
//! `kubectl get -o yaml` out.
//!
//! kubectl turns YAML into JSON with sigs.k8s.io/yaml, which parses with a
//! fork of go-yaml v2. The grammar is saphyr-parser's (a maintained YAML
//! 1.2 event parser; see BENCHMARKS.md, "YAML parser crate"); this module is
//! what go-yaml v2 does differently on top of it: plain scalars resolve as
//! YAML 1.1 does (`yes`, `on`, `y` are booleans, `0777` is octal), duplicate
//! keys are an error, syntax errors carry go-yaml's (libyaml's) wording and
//! line. Anchors, aliases, tags and complex keys are refused with a message
//! rather than misread.
//!
//! Output sorts keys, writes sequences at their key's indentation,
//! double-quotes strings that would read back as another type, and wraps
//! long plain strings at 80 columns, as go-yaml v2's emitter does for
//! `get -o yaml`: that printer is this module's own (shorter than a crate).

use serde_json::{Number, Value};

type Map = serde_json::Map<String, Value>;
use crate::text::quoted;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use std::borrow::Cow;
use std::fmt::{self, Write};

/// A YAML syntax error, worded as go-yaml words it.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    /// 1-based line.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "yaml: line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for YamlError {}

/// Longest input accepted (a manifest, not a data dump).
pub const MAX_YAML_BYTES: usize = 1 << 20;
/// Deepest nesting accepted (go-yaml's own limit is 10,000; manifests are < 20).
const MAX_DEPTH: usize = 100;

const REFUSED: &str = "anchors, aliases and tags are not supported by Rollout Lab";
const COMPLEX_KEY: &str = "complex mapping keys are not supported by Rollout Lab";
/// libyaml's scanner error for a tab where a token should start (indentation).
const CANNOT_START: &str = "found character that cannot start any token";
/// How many places `mend` mends before the parser's error stands.
const MAX_MENDS: usize = 64;

/// Every document in the text, as JSON values (empty documents skipped).
pub fn parse_documents(text: &str) -> Result<Vec<Value>, YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(err(
            1,
            format!("input is larger than {MAX_YAML_BYTES} bytes"),
        ));
    }
    // go-yaml's reader skips a byte-order mark.
    let mut text = Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text));
    let mut mends = 0;
    loop {
        let failure = match read_stream(&text) {
            Ok(documents) => return Ok(documents),
            Err(Failure::Layer(e)) => return Err(e),
            Err(Failure::Syntax(e)) => e,
        };
        if mends < MAX_MENDS {
            if let Some(mended) = mend(&text, &failure) {
                text = Cow::Owned(mended);
                mends += 1;
                continue;
            }
        }
        return Err(syntax_error(&text, &failure));
    }
}

fn err(line: usize, message: impl Into<String>) -> YamlError {
    YamlError {
        line,
        message: message.into(),
    }
}

enum Failure {
    /// The parser's: worded by `syntax_error`.
    Syntax(ScanError),
    /// This module's: duplicate keys, refused features, depth.
    Layer(YamlError),
}

/// A collection being read: a sequence's items, or a mapping's entries and
/// the key (and its line) waiting for its value.
enum Frame {
    Sequence(Vec<Value>),
    Mapping(Map, Option<(String, usize)>),
}

/// The documents of a stream, built from saphyr-parser's events.
fn read_stream(text: &str) -> Result<Vec<Value>, Failure> {
    let mut documents = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // go-yaml finds repeated keys when it decodes a document it has parsed:
    // a syntax error anywhere in the document comes first.
    let mut repeated: Option<YamlError> = None;
    let mut root: Option<Value> = None;
    let layer = |line: usize, message: &str| Failure::Layer(err(line, message));
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(Failure::Syntax)?;
        let line = span.start.line();
        let value = match event {
            Event::DocumentStart(_) => {
                root = None;
                continue;
            }
            Event::DocumentEnd => {
                if let Some(e) = repeated.take() {
                    return Err(Failure::Layer(e));
                }
                documents.extend(root.take());
                continue;
            }
            Event::Alias(_) => return Err(layer(line, REFUSED)),
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() =>
            {
                return Err(layer(line, REFUSED))
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if matches!(stack.last(), Some(Frame::Mapping(_, None))) {
                    return Err(layer(line, COMPLEX_KEY));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(layer(line, "exceeded max depth"));
                }
                stack.push(match event {
                    Event::SequenceStart(..) => Frame::Sequence(Vec::new()),
                    _ => Frame::Mapping(Map::new(), None),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Sequence(items)) => Value::Array(items),
                Some(Frame::Mapping(map, _)) => Value::Object(map),
                None => continue,
            },
            Event::Scalar(text, style, ..) => {
                // An empty document is an empty plain scalar: no value at all.
                if stack.is_empty() && style == ScalarStyle::Plain && text.is_empty() {
                    continue;
                }
                match style {
                    ScalarStyle::Plain => resolve_plain(&text),
                    _ => Value::String(text.into_owned()),
                }
            }
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
        };
        match stack.last_mut() {
            None => root = Some(value),
            Some(Frame::Sequence(items)) => items.push(value),
            Some(Frame::Mapping(_, key @ None)) => *key = Some((key_text(value), line)),
            Some(Frame::Mapping(map, key)) => {
                let (key, key_line) = key.take().unwrap_or_default();
                if repeated.is_none() && map.contains_key(&key) {
                    let message = format!(
                        "unmarshal errors:\n  line {key_line}: key {} already set in map",
                        quoted(&key)
                    );
                    repeated = Some(err(key_line, message));
                }
                map.insert(key, value);
            }
        }
    }
    Ok(documents)
}

/// A scalar key as sigs.k8s.io/yaml writes it in JSON: non-string keys become their text.
fn key_text(key: Value) -> String {
    match key {
        Value::String(s) => s,
        Value::Null => "null".to_string(),
        other => other.to_string(),
    }
}

/// What go-yaml (libyaml) reads and saphyr-parser, after YAML 1.2, refuses:
/// `key:<TAB>value`, and flow collections or quoted scalars whose lines are
/// less indented than their parent. The text mended so that saphyr-parser
/// reads the same values on the same lines: tabs become spaces, and those
/// lines get leading spaces (which flow collections and quoted scalars fold away).
fn mend(text: &str, e: &ScanError) -> Option<String> {
    let mark = e.marker();
    let at = byte_at(text, mark.index());
    match e.info() {
        "':' must be followed by a valid YAML whitespace" => {
            let separator = text[..at].trim_end_matches([' ', '\t']);
            let blanks = &text[separator.len()..at];
            (separator.ends_with(':') && blanks.contains('\t'))
                .then(|| format!("{separator}{}{}", " ".repeat(blanks.len()), &text[at..]))
        }
        "invalid indentation" | "invalid indentation in flow construct" => {
            // Deeper than every bracket before it is deeper than the one it is in.
            let deepest = text[..at]
                .lines()
                .filter_map(|line| line.rfind(['[', '{']).map(|b| line[..b].chars().count()))
                .max()?;
            let end = flow_end(text, at).unwrap_or(text.len());
            indent_lines(
                text,
                text[..at].rfind('\n').map_or(0, |i| i + 1),
                end,
                deepest + 1,
            )
        }
        "invalid indentation in quoted scalar" => {
            // The mark is the opening quote.
            let end = quoted_end(text, at)?;
            let next_line = at + text[at..end].find('\n')? + 1;
            indent_lines(text, next_line, end, mark.col() + 1)
        }
        _ => None,
    }
}

/// The byte offset of a character index.
fn byte_at(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(at, _)| at)
}

/// The text with the lines that start in `from..=to` (`from` a line's
/// start) given at least `column` leading spaces; `None` when none needed more.
fn indent_lines(text: &str, from: usize, to: usize, column: usize) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 256);
    out.push_str(&text[..from]);
    let mut start = from;
    let mut mended = false;
    for line in text[from..].split_inclusive('\n') {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        if start <= to && spaces < column && !line.trim().is_empty() {
            out.extend(std::iter::repeat_n(' ', column - spaces));
            mended = true;
        }
        out.push_str(line);
        start += line.len();
    }
    mended.then_some(out)
}

/// Where the flow collection around `at` closes: brackets counted outside
/// quoted scalars and comments.
fn flow_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 1;
    let mut i = at;
    while i < bytes.len() {
        let after_blank = i == 0 || b" \t\r\n[{,:".contains(&bytes[i - 1]);
        match bytes[i] {
            b'"' | b'\'' if after_blank => i = quoted_end(text, i)?,
            b'#' if after_blank => i = text[i..].find('\n').map_or(text.len(), |n| i + n),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The closing quote of the quoted scalar whose opening quote is at `at`.
fn quoted_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = *bytes.get(at).filter(|q| matches!(q, b'"' | b'\''))?;
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            c if c == quote => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// A parser error in go-yaml's words: libyaml's problem without its
/// context ("while parsing a block mapping, "), and the line go-yaml gives.
fn syntax_error(text: &str, e: &ScanError) -> YamlError {
    let info = e.info();
    let problem = match info.split_once(", ") {
        Some((context, problem)) if context.starts_with("while ") => problem,
        _ => info,
    };
    let mark = e.marker();
    let at = byte_at(text, mark.index());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    // YAML's line breaks: `\n`, `\r\n` and a lone `\r`.
    let line_of = |byte: usize| {
        1 + text[..byte].matches('\n').count() + text[..byte].matches('\r').count()
            - text[..byte].matches("\r\n").count()
    };
    let problem = match problem {
        "expected ',' or ']'" => "did not find expected ',' or ']'",
        "did not find expected <document-start>" => "did not find expected <document start>",
        "did not find expected hexadecimal number" => "did not find expected hexdecimal number",
        "simple key expect ':'" => "could not find expected ':'",
        "recursion limit exceeded" => "exceeded max depth",
        "invalid indentation in quoted scalar" if quoted_end(text, at).is_none() => {
            "found unexpected end of stream"
        }
        // libyaml scans a stray `]` or `}` as a token the block mapping did not expect.
        "invalid trailing content after double-quoted scalar" | "misplaced bracket" => {
            "did not find expected key"
        }
        // Anchors are refused, so every alias is to an unknown one.
        "found unknown anchor" => REFUSED,
        p if p.contains("tab")
            || p.starts_with("unexpected character")
            || p.ends_with("must be followed by a valid YAML whitespace") =>
        {
            CANNOT_START
        }
        p => p,
    };
    // libyaml stops at the first line indented with a tab: a scanner error there.
    if let Some(tab) = first_tab_indented_line(text, line_start) {
        if problem == CANNOT_START || tab == line_start {
            return err(line_of(tab), CANNOT_START);
        }
    }
    // An error at the end of the stream: go-yaml names the last line with content.
    let line = if text[at..].trim().is_empty() && problem != CANNOT_START {
        line_of(text.trim_end().len())
    } else {
        mark.line()
    };
    err(line.max(1), problem)
}

/// The start of the first line from `from` on whose indentation has a tab before its content.
fn first_tab_indented_line(text: &str, from: usize) -> Option<usize> {
    let mut start = from;
    for line in text[from..].split_inclusive('\n') {
        let content = line.trim_start_matches([' ', '\t']);
        if line.len() > content.len()
            && line[..line.len() - content.len()].contains('\t')
            && !content.trim().is_empty()
        {
            return Some(start);
        }
        start += line.len();
    }
    None
}

/// A plain scalar's value under go-yaml v2's (YAML 1.1) resolution.
pub fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Value::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Value::Bool(false)
        }
        _ => {}
    }
    if let Some(n) = resolve_int(text) {
        return Value::Number(n.into());
    }
    if let Some(f) = resolve_float(text) {
        // sigs.k8s.io/yaml writes float64(1) as JSON 1, so `replicas: 1.0` is a valid int32.
        if f.fract() == 0.0 && f.abs() < 9.0e15 {
            return Value::Number((f as i64).into());
        }
        if let Some(n) = Number::from_f64(f) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

/// go-yaml v2: underscores removed, then Go's `strconv.ParseInt(s, 0, 64)`
/// (a sign, then `0x`, `0o`, `0b`, a leading `0` for octal, or decimal).
fn resolve_int(text: &str) -> Option<i64> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, body) = match clean.as_bytes().first()? {
        b'-' => (true, &clean[1..]),
        b'+' => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, &lower[..])
    };
    // from_str_radix would take a second sign ("0x-5"); Go does not.
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

fn resolve_float(text: &str) -> Option<f64> {
    match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => {
            // JSON has no infinities: sigs.k8s.io/yaml fails on them; keep the text.
            return None;
        }
        _ => {}
    }
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let body = clean.trim_start_matches(['-', '+']);
    let looks_numeric = body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || ".eE+-".contains(c))
        && body.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        return None;
    }
    // Go's strconv.ParseFloat and Rust's FromStr agree on this syntax.
    clean.parse().ok()
}

// ---- output ------------------------------------------------------------------

/// A JSON value as `kubectl get -o yaml` prints it.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(m) if !m.is_empty() => write_mapping(&mut out, m, 0),
        Value::Array(a) if !a.is_empty() => write_sequence(&mut out, a, 0),
        scalar => {
            out.push_str(&scalar_text(scalar, 0, 0));
            out.push('\n');
        }
    }
    out
}

fn write_mapping(out: &mut String, m: &Map, indent: usize) {
    // serde_json's Map keeps keys sorted, as go-yaml prints them.
    for (i, (key, value)) in m.iter().enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(indent));
        }
        let key_text = string_text(key, indent, 0, true);
        let column = indent + key_text.chars().count() + 2;
        out.push_str(&key_text);
        out.push(':');
        match value {
            Value::Object(child) if !child.is_empty() => {
                out.push('\n');
                out.push_str(&" ".repeat(indent + 2));
                write_mapping(out, child, indent + 2);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                write_sequence(out, items, indent);
            }
            scalar => {
                out.push(' ');
                out.push_str(&scalar_text(scalar, indent + 2, column));
                out.push('\n');
            }
        }
    }
}

fn write_sequence(out: &mut String, items: &[Value], indent: usize) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str("- ");
        match item {
            Value::Object(child) if !child.is_empty() => write_mapping(out, child, indent + 2),
            Value::Array(inner) if !inner.is_empty() => write_sequence(out, inner, indent + 2),
            scalar => {
                out.push_str(&scalar_text(scalar, indent + 2, indent + 2));
                out.push('\n');
            }
        }
    }
}

/// `indent`: where continuation lines start; `column`: where the value starts.
fn scalar_text(value: &Value, indent: usize, column: usize) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_text(s, indent, column, false),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// go-yaml v2's choice for a string: plain when it reads back as the same
/// string, double-quoted when it would read as another type, a literal
/// block for several lines, single-quoted when plain is not allowed.
fn string_text(s: &str, indent: usize, column: usize, is_key: bool) -> String {
    if s.contains('\n') && !is_key && literal_allowed(s) {
        let chomp = if s.ends_with('\n') { "" } else { "-" };
        let pad = " ".repeat(indent.max(2));
        let mut text = format!("|{chomp}");
        for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
            text.push('\n');
            if !line.is_empty() {
                text.push_str(&pad);
                text.push_str(line);
            }
        }
        return text;
    }
    if !matches!(resolve_plain(s), Value::String(_))
        || s.is_empty()
        || looks_like_timestamp(s)
        || is_base60_float(s)
    {
        return double_quoted(s);
    }
    if plain_allowed(s) {
        return if is_key {
            s.to_string()
        } else {
            wrap_plain(s, indent, column)
        };
    }
    if s.chars().all(|c| !c.is_control()) && !s.starts_with(' ') && !s.ends_with(' ') {
        return if is_key {
            format!("'{}'", s.replace('\'', "''"))
        } else {
            single_quoted(s, indent, column)
        };
    }
    double_quoted(s)
}

/// A literal block keeps the string exactly only without leading spaces
/// or breaks, spaces before a break, or several trailing breaks (go-yaml
/// then double-quotes).
fn literal_allowed(s: &str) -> bool {
    !s.starts_with([' ', '\n'])
        && !s.contains(" \n")
        && !s.ends_with(' ')
        && !s.ends_with("\n\n")
        && s.chars().all(|c| c == '\n' || !c.is_control())
}

/// yaml.v2's `isBase60Float`: `1:20`, `-190:20:30.15` are quoted (YAML 1.1
/// sexagesimal numbers).
fn is_base60_float(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (whole, _fraction) = match body.split_once('.') {
        Some((w, f)) if f.chars().all(|c| c.is_ascii_digit() || c == '_') => (w, f),
        Some(_) => return false,
        None => (body, ""),
    };
    let mut parts = whole.split(':');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && first.starts_with(|c: char| c.is_ascii_digit())
        && first.chars().all(|c| c.is_ascii_digit() || c == '_')
        && rest.iter().all(|p| {
            (1..=2).contains(&p.len())
                && p.chars().all(|c| c.is_ascii_digit())
                && (p.len() == 1 || p.as_bytes()[0] <= b'5')
        })
}

/// go-yaml v2 quotes strings that its resolver reads as timestamps.
fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

fn plain_allowed(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    let last = s.chars().last().unwrap_or(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        // `-x`, `?x` and `:x` are plain when not followed by a space.
        let second = s.chars().nth(1);
        if !("-?:".contains(first) && second.is_some_and(|c| c != ' ')) {
            return false;
        }
    }
    if first == ' ' || last == ' ' || s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    s.chars().all(|c| !c.is_control() && c != '\u{feff}')
}

/// Plain strings longer than go-yaml's 80-column width break at a space,
/// the continuation indented under the value.
fn wrap_plain(s: &str, indent: usize, start_column: usize) -> String {
    folded(s, indent, start_column, false)
}

/// yaml_emitter_write_single_quoted: as a plain scalar, a line past 80
/// columns breaks at its next single space (a value, not a key, may break).
fn single_quoted(s: &str, indent: usize, start_column: usize) -> String {
    format!("'{}'", folded(s, indent, start_column + 1, true))
}

/// libyaml's writers of plain and single-quoted scalars: past the 80-column
/// best width, the next single space (not the first character, not the
/// last, not one of several) becomes a line break indented to `indent`; a
/// single-quoted scalar doubles its quotes.
fn folded(s: &str, indent: usize, start_column: usize, doubling_quotes: bool) -> String {
    const BEST_WIDTH: usize = 80;
    let mut out = String::new();
    let mut column = start_column;
    let mut prev_space = false;
    for (i, c) in s.char_indices() {
        if c == ' '
            && !prev_space
            && column > BEST_WIDTH
            && i != 0
            && i + 1 < s.len()
            && !s[i + 1..].starts_with(' ')
        {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
            prev_space = true;
            continue;
        }
        if doubling_quotes && c == '\'' {
            out.push_str("''");
            column += 2;
        } else {
            out.push(c);
            column += 1;
        }
        prev_space = c == ' ';
    }
    out
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

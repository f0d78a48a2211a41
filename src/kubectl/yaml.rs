//! YAML as kubectl reads and writes it: manifests in (`kubectl apply -f`),
//! `kubectl get -o yaml` out.
//!
//! kubectl turns YAML into JSON with sigs.k8s.io/yaml, which parses with a
//! fork of go-yaml v2: YAML 1.1 scalars (`yes`, `on`, `y` are booleans,
//! `0777` is octal), duplicate keys are an error, and output sorts keys,
//! writes sequences at their key's indentation, double-quotes strings that
//! would read back as another type, and wraps long plain strings at 80
//! columns. This module does the same for the block and flow YAML that
//! manifests use. Anchors, aliases, tags and complex keys are refused with
//! a message rather than misread. Errors carry go-yaml's wording and line.
//!
//! (A YAML crate would cost ~60 KB gzip of the app's 250 KB budget and
//! reads YAML 1.2, where `replicas: yes` means something else than in kubectl.)

use serde_json::{Map, Number, Value};
use std::fmt::{self, Write};
use crate::text::quoted;

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

/// YAML's white space: only these (not NBSP or ideographic space, which `str::trim` would take).
const YAML_SPACE: [char; 2] = [' ', '\t'];

/// Longest input accepted (a manifest, not a data dump).
pub const MAX_YAML_BYTES: usize = 1 << 20;
/// Deepest nesting accepted (go-yaml's own limit is 10,000; manifests are < 20).
const MAX_DEPTH: usize = 100;

/// Every document in the text, as JSON values (empty documents skipped).
pub fn parse_documents(text: &str) -> Result<Vec<Value>, YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(YamlError {
            line: 1,
            message: format!("input is larger than {MAX_YAML_BYTES} bytes"),
        });
    }
    // go-yaml's reader skips a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = split_lines(text)?;
    let mut docs = Vec::new();
    let mut start = 0;
    for i in 0..=lines.len() {
        let boundary = i == lines.len()
            || (lines[i].indent == 0 && (is_marker(&lines[i].text, "---") || is_marker(&lines[i].text, "...")));
        if boundary {
            let mut p = Parser {
                lines: lines[start..i].to_vec(),
                pos: 0,
                depth: 0,
            };
            if let Some(v) = p.document()? {
                docs.push(v);
            }
            // Content after `--- ` on the marker line starts the next document.
            start = i + 1;
            if i < lines.len() && lines[i].text.len() > 3 && is_marker(&lines[i].text, "---") {
                return Err(err(lines[i].number, "content on a document start line is not supported"));
            }
        }
    }
    Ok(docs)
}

fn is_marker(text: &str, marker: &str) -> bool {
    text == marker || (text.starts_with(marker) && text[marker.len()..].starts_with(' '))
}

fn err(line: usize, message: impl Into<String>) -> YamlError {
    YamlError {
        line,
        message: message.into(),
    }
}

/// One source line: its number, indentation and text (comments removed).
#[derive(Clone, Debug)]
struct Line {
    number: usize,
    indent: usize,
    text: String,
    /// The raw text after the indentation (block scalars keep comments and spaces).
    raw: String,
}

fn split_lines(text: &str) -> Result<Vec<Line>, YamlError> {
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let rest = &raw[indent..];
        let text = strip_comment(rest).trim_end_matches(YAML_SPACE).to_string();
        if rest.starts_with('\t') && !text.is_empty() {
            return Err(err(number, "found character that cannot start any token"));
        }
        lines.push(Line {
            number,
            indent,
            text,
            raw: rest.to_string(),
        });
    }
    Ok(lines)
}

/// The text before a comment: `#` at the start or after a space, outside quotes.
fn strip_comment(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match quote {
            // `\x` in double quotes and `''` in single quotes are not the end.
            Some('"') if c == '\\' => i += 1,
            Some('\'') if c == '\'' && chars.get(i + 1).is_some_and(|n| n.1 == '\'') => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && (prev == ' ' || prev == '\t' || at == 0) => return &text[..at],
            None if (c == '"' || c == '\'') && (at == 0 || " [{,:-".contains(prev)) => quote = Some(c),
            None => {}
        }
        prev = c;
        i += 1;
    }
    text
}

struct Parser {
    lines: Vec<Line>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn document(&mut self) -> Result<Option<Value>, YamlError> {
        self.skip_blank();
        if self.pos >= self.lines.len() {
            return Ok(None);
        }
        let indent = self.lines[self.pos].indent;
        let value = self.node(indent)?;
        self.skip_blank();
        if let Some(line) = self.lines.get(self.pos) {
            let message = if line.indent < indent {
                "did not find expected key"
            } else {
                "did not find expected <document start>"
            };
            return Err(err(line.number, message));
        }
        Ok(Some(value))
    }

    fn skip_blank(&mut self) {
        while self.pos < self.lines.len() && self.lines[self.pos].text.is_empty() {
            self.pos += 1;
        }
    }

    fn last_line(&self) -> usize {
        self.lines.last().map_or(1, |l| l.number)
    }

    /// The node starting at the current line, whose lines are at `indent`.
    fn node(&mut self, indent: usize) -> Result<Value, YamlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let line = self.lines.get(self.pos).map_or(self.last_line(), |l| l.number);
            return Err(err(line, "exceeded max depth"));
        }
        let line = &self.lines[self.pos];
        let value = if line.text == "-" || line.text.starts_with("- ") {
            self.sequence(indent)
        } else if find_key(&line.text, line.number)?.is_some() {
            self.mapping(indent)
        } else {
            let (text, number) = (line.text.clone(), line.number);
            self.pos += 1;
            self.inline_value(&text, number, indent)
        };
        self.depth -= 1;
        value
    }

    fn sequence(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(line) = self.lines.get(self.pos) else { break };
            if line.indent != indent || !(line.text == "-" || line.text.starts_with("- ")) {
                if line.indent > indent {
                    return Err(err(line.number, "did not find expected '-' indicator"));
                }
                break;
            }
            let rest = line.text[1..].trim_start_matches(YAML_SPACE);
            let nested_node = rest == "-" || rest.starts_with("- ") || find_key(rest, line.number)?.is_some();
            if rest.is_empty() {
                self.pos += 1;
                items.push(self.nested(indent, false)?);
            } else if !nested_node {
                // A scalar or flow item: block scalars and continuation lines
                // are indented relative to the sequence.
                let (rest, number) = (rest.to_string(), line.number);
                self.pos += 1;
                items.push(self.inline_value(&rest, number, indent)?);
            } else {
                // `- key: value` and `- - x`: the rest is a node at its own
                // column, as if the dash were a space.
                let column = indent + line.text.len() - rest.len();
                let rest = rest.to_string();
                let dash = line.raw.len() - line.raw.trim_start_matches(['-', ' ']).len();
                let line = &mut self.lines[self.pos];
                line.raw = line.raw[dash.min(line.raw.len())..].to_string();
                line.indent = column;
                line.text = rest;
                items.push(self.node(column)?);
            }
        }
        Ok(Value::Array(items))
    }

    fn mapping(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            let Some(line) = self.lines.get(self.pos) else { break };
            if line.indent < indent {
                break;
            }
            // Deeper than the keys here, after a value that ended: a key
            // at an indentation no mapping has.
            if line.indent > indent || line.text == "-" || line.text.starts_with("- ") {
                return Err(err(line.number, "did not find expected key"));
            }
            let (number, text) = (line.number, line.text.clone());
            let Some((key, rest)) = find_key(&text, number)? else {
                return Err(err(number + 1, "could not find expected ':'"));
            };
            self.pos += 1;
            let value = if rest.is_empty() {
                self.nested(indent, true)?
            } else {
                self.inline_value(rest, number, indent)?
            };
            entries.push((key, value, number));
        }
        into_map(entries)
    }

    /// The value on the lines after `key:` or `-`: more indented, or (for a
    /// mapping's key) a sequence at the key's own indentation; else null.
    fn nested(&mut self, indent: usize, sequence_may_align: bool) -> Result<Value, YamlError> {
        self.skip_blank();
        match self.lines.get(self.pos) {
            Some(l) if l.indent > indent => {
                let i = l.indent;
                self.node(i)
            }
            Some(l) if sequence_may_align && l.indent == indent && (l.text == "-" || l.text.starts_with("- ")) => {
                self.sequence(indent)
            }
            _ => Ok(Value::Null),
        }
    }

    /// A value written after `key: ` (or alone on its line): a block scalar,
    /// a flow collection, a quoted or a plain scalar (which may go on over
    /// more indented lines).
    fn inline_value(&mut self, text: &str, number: usize, indent: usize) -> Result<Value, YamlError> {
        let first = text.chars().next().unwrap_or(' ');
        match first {
            '|' | '>' => self.block_scalar(text, number, indent),
            '[' | '{' => {
                let mut flow = text.to_string();
                let mut scan = FlowScan::default();
                scan.feed(text);
                // A flow collection may go on over the next lines.
                while !scan.closed() {
                    let Some(l) = self.lines.get(self.pos) else {
                        return Err(err(self.last_line(), "did not find expected ',' or ']'"));
                    };
                    flow.push(' ');
                    flow.push_str(&l.text);
                    scan.feed(" ");
                    scan.feed(&l.text);
                    self.pos += 1;
                }
                let mut f = Flow {
                    chars: flow.chars().collect(),
                    at: 0,
                    line: number,
                    depth: self.depth,
                };
                let v = f.value()?;
                f.skip_spaces();
                if f.at < f.chars.len() {
                    return Err(err(number, "did not find expected <document start>"));
                }
                Ok(v)
            }
            '&' | '*' | '!' => Err(err(
                number,
                "anchors, aliases and tags are not supported by Rollout Lab",
            )),
            '"' | '\'' => {
                // A quoted scalar may go on over the next lines: a line break
                // folds to a space, a blank line is a line break.
                let mut joined = text.to_string();
                let mut scan = FlowScan::default();
                scan.feed(text);
                while scan.in_quote() {
                    let Some(l) = self.lines.get(self.pos) else { break };
                    let more = l.raw.trim_matches(YAML_SPACE);
                    if more.is_empty() {
                        joined.push('\n');
                    } else {
                        if !joined.ends_with('\n') {
                            joined.push(' ');
                        }
                        joined.push_str(more);
                        scan.feed(" ");
                        scan.feed(more);
                    }
                    self.pos += 1;
                }
                let mut f = Flow {
                    chars: joined.chars().collect(),
                    at: 0,
                    line: number,
                    depth: self.depth,
                };
                let v = Value::String(f.quoted()?);
                f.skip_spaces();
                if f.at < f.chars.len() && f.peek() != Some('#') {
                    return Err(err(number, "did not find expected key"));
                }
                Ok(v)
            }
            _ => {
                if text.contains(": ") || text.ends_with(':') {
                    return Err(err(number, "mapping values are not allowed in this context"));
                }
                // Plain scalars continue on more indented lines, folded with
                // spaces (a blank line between them is a line break).
                let mut plain = text.to_string();
                loop {
                    let blanks = self.lines[self.pos.min(self.lines.len())..]
                        .iter()
                        .take_while(|l| l.text.is_empty())
                        .count();
                    let Some(l) = self.lines.get(self.pos + blanks) else { break };
                    if l.indent <= indent {
                        break;
                    }
                    if find_key(&l.text, l.number)?.is_some() {
                        return Err(err(l.number, "mapping values are not allowed in this context"));
                    }
                    if blanks == 0 {
                        plain.push(' ');
                    }
                    for _ in 0..blanks {
                        plain.push('\n');
                    }
                    plain.push_str(&l.text);
                    self.pos += blanks + 1;
                }
                Ok(resolve_plain(&plain))
            }
        }
    }

    /// `|` literal or `>` folded, with `-` strip or `+` keep chomping.
    fn block_scalar(&mut self, header: &str, number: usize, indent: usize) -> Result<Value, YamlError> {
        let style = header.as_bytes()[0];
        let mut chomp = b' ';
        let mut explicit: Option<usize> = None;
        for c in header[1..].chars() {
            match c {
                '-' | '+' => chomp = c as u8,
                '1'..='9' => explicit = Some(c as usize - '0' as usize),
                _ => return Err(err(number, "did not find expected comment or line break")),
            }
        }
        let mut rows: Vec<String> = Vec::new();
        let mut block_indent = explicit.map(|e| indent + e);
        while let Some(l) = self.lines.get(self.pos) {
            if l.raw.trim_matches(YAML_SPACE).is_empty() {
                rows.push(String::new());
                self.pos += 1;
                continue;
            }
            let bi = *block_indent.get_or_insert(l.indent);
            if l.indent < bi || l.indent <= indent {
                break;
            }
            // Indentation beyond the block's own is content.
            rows.push(" ".repeat(l.indent - bi) + &l.raw);
            self.pos += 1;
        }
        let trailing_blank = rows.iter().rev().take_while(|r| r.is_empty()).count();
        let content = &rows[..rows.len() - trailing_blank];
        let mut text = String::new();
        for (i, row) in content.iter().enumerate() {
            if i > 0 {
                let prev = &content[i - 1];
                if style == b'|' || row.is_empty() {
                    text.push('\n');
                } else if prev.is_empty() {
                    // The blank lines before already gave the line breaks.
                } else if row.starts_with(' ') || prev.starts_with(' ') {
                    text.push('\n');
                } else {
                    text.push(' ');
                }
            }
            text.push_str(row);
        }
        match chomp {
            b'-' => {}
            b'+' => {
                text.push('\n');
                for _ in 0..trailing_blank {
                    text.push('\n');
                }
            }
            _ => {
                if !content.is_empty() {
                    text.push('\n');
                }
            }
        }
        Ok(Value::String(text))
    }
}

/// Whether a flow collection's brackets and braces have closed, fed line by
/// line (so a collection over many lines is read in linear time).
#[derive(Default)]
struct FlowScan {
    depth: i64,
    quote: Option<char>,
    escaped: bool,
    /// The previous character: a quote starts a quoted scalar only at a token's start.
    prev: Option<char>,
    /// A `'` inside single quotes: the end, unless another `'` follows.
    maybe_closed: bool,
}

impl FlowScan {
    fn feed(&mut self, text: &str) {
        for c in text.chars() {
            // `''` inside single quotes is a quote, not the end.
            if self.maybe_closed {
                self.maybe_closed = false;
                if c == '\'' {
                    self.prev = Some(c);
                    continue;
                }
                self.quote = None;
            }
            match self.quote {
                Some('\'') if c == '\'' => self.maybe_closed = true,
                Some('"') if self.escaped => self.escaped = false,
                Some('"') if c == '\\' => self.escaped = true,
                Some(q) if c == q => self.quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if self.prev.is_none_or(|p| " \t[{,:".contains(p)) => self.quote = Some(c),
                    '[' | '{' => self.depth += 1,
                    ']' | '}' => self.depth -= 1,
                    _ => {}
                },
            }
            self.prev = Some(c);
        }
    }

    fn closed(&self) -> bool {
        self.depth <= 0 && !self.in_quote()
    }

    fn in_quote(&self) -> bool {
        self.quote.is_some() && !self.maybe_closed
    }
}

/// `key: rest` on a line: the key (unquoted) and the text after `: `.
fn find_key(text: &str, number: usize) -> Result<Option<(String, &str)>, YamlError> {
    let first = text.chars().next().unwrap_or(' ');
    if first == '"' || first == '\'' {
        let mut f = Flow {
            chars: text.chars().collect(),
            at: 0,
            line: number,
            depth: 0,
        };
        let Ok(key) = f.quoted() else { return Ok(None) };
        f.skip_spaces();
        let used: usize = f.chars[..f.at].iter().map(|c| c.len_utf8()).sum();
        let rest = &text[used..];
        return Ok(match rest.strip_prefix(':') {
            Some(after) if after.is_empty() || after.starts_with(YAML_SPACE) => {
                Some((key, after.trim_start_matches(YAML_SPACE)))
            }
            _ => None,
        });
    }
    if matches!(first, '[' | '{' | '|' | '>' | '#' | '%' | '@' | '`') {
        return Ok(None);
    }
    if first == '?' && (text.len() == 1 || text.as_bytes()[1] == b' ') {
        return Err(err(number, "complex mapping keys are not supported by Rollout Lab"));
    }
    let mut search = 0;
    while let Some(i) = text[search..].find(':') {
        let at = search + i;
        let after = &text[at + 1..];
        if after.is_empty() || after.starts_with(YAML_SPACE) {
            let key = text[..at].trim_end_matches(YAML_SPACE);
            if key.is_empty() {
                return Ok(None);
            }
            if matches!(first, '&' | '*' | '!') {
                return Err(err(number, "anchors, aliases and tags are not supported by Rollout Lab"));
            }
            // sigs.k8s.io/yaml writes non-string keys as their text.
            let key = match resolve_plain(key) {
                Value::String(s) => s,
                Value::Null => "null".to_string(),
                other => other.to_string(),
            };
            return Ok(Some((key, after.trim_start_matches(YAML_SPACE))));
        }
        search = at + 1;
    }
    Ok(None)
}

/// Flow collections and quoted scalars, read character by character.
struct Flow {
    chars: Vec<char>,
    at: usize,
    line: usize,
    depth: usize,
}

impl Flow {
    fn skip_spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| *c == ' ' || *c == '\t') {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn value(&mut self) -> Result<Value, YamlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(self.line, "exceeded max depth"));
        }
        self.skip_spaces();
        let v = match self.peek() {
            Some('[') => self.flow_sequence(),
            Some('{') => self.flow_mapping(),
            Some('"' | '\'') => self.quoted().map(Value::String),
            Some('&' | '*' | '!') => Err(err(self.line, "anchors, aliases and tags are not supported by Rollout Lab")),
            _ => Ok(resolve_plain(&self.plain())),
        };
        self.depth -= 1;
        v
    }

    fn plain(&mut self) -> String {
        let start = self.at;
        while let Some(c) = self.peek() {
            let ends_key = c == ':' && self.chars.get(self.at + 1).is_none_or(|n| " ,]}".contains(*n));
            if ",]}".contains(c) || ends_key {
                break;
            }
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect::<String>().trim_matches(YAML_SPACE).to_string()
    }

    fn flow_sequence(&mut self) -> Result<Value, YamlError> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(err(self.line, "did not find expected ',' or ']'")),
                _ => {}
            }
            items.push(self.value()?);
            self.skip_spaces();
            match self.peek() {
                Some(',') => self.at += 1,
                Some(']') => {}
                _ => return Err(err(self.line, "did not find expected ',' or ']'")),
            }
        }
    }

    fn flow_mapping(&mut self) -> Result<Value, YamlError> {
        self.at += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_spaces();
            match self.peek() {
                Some('}') => {
                    self.at += 1;
                    return into_map(entries);
                }
                None => return Err(err(self.line, "did not find expected ',' or '}'")),
                _ => {}
            }
            let key = match self.value()? {
                Value::String(s) => s,
                Value::Null => "null".to_string(),
                Value::Array(_) | Value::Object(_) => {
                    return Err(err(self.line, "complex mapping keys are not supported by Rollout Lab"))
                }
                other => other.to_string(),
            };
            self.skip_spaces();
            let value = if self.peek() == Some(':') {
                self.at += 1;
                self.skip_spaces();
                if matches!(self.peek(), Some(',' | '}')) {
                    Value::Null
                } else {
                    self.value()?
                }
            } else {
                Value::Null
            };
            entries.push((key, value, self.line));
            self.skip_spaces();
            match self.peek() {
                Some(',') => self.at += 1,
                Some('}') => {}
                _ => return Err(err(self.line, "did not find expected ',' or '}'")),
            }
        }
    }

    /// A single- or double-quoted scalar starting at the cursor.
    fn quoted(&mut self) -> Result<String, YamlError> {
        let quote = self.peek().unwrap_or('"');
        self.at += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(err(self.line, "found unexpected end of stream"));
            };
            self.at += 1;
            match (quote, c) {
                ('\'', '\'') if self.peek() == Some('\'') => {
                    self.at += 1;
                    out.push('\'');
                }
                (q, c) if c == q => return Ok(out),
                ('"', '\\') => {
                    let Some(e) = self.peek() else {
                        return Err(err(self.line, "found unexpected end of stream"));
                    };
                    self.at += 1;
                    let hex = |f: &mut Flow, n: usize| -> Result<char, YamlError> {
                        let digits: String = f.chars.get(f.at..f.at + n).map(|s| s.iter().collect()).unwrap_or_default();
                        f.at += n;
                        u32::from_str_radix(&digits, 16)
                            .ok()
                            .filter(|_| digits.len() == n)
                            .and_then(char::from_u32)
                            .ok_or_else(|| err(f.line, "did not find expected hexdecimal number"))
                    };
                    out.push(match e {
                        '0' => '\0',
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        't' | '\t' => '\t',
                        'n' => '\n',
                        'v' => '\u{b}',
                        'f' => '\u{c}',
                        'r' => '\r',
                        'e' => '\u{1b}',
                        ' ' => ' ',
                        '"' => '"',
                        '/' => '/',
                        '\\' => '\\',
                        'N' => '\u{85}',
                        '_' => '\u{a0}',
                        'x' => hex(self, 2)?,
                        'u' => hex(self, 4)?,
                        'U' => hex(self, 8)?,
                        _ => return Err(err(self.line, "found unknown escape character while parsing a quoted scalar")),
                    });
                }
                _ => out.push(c),
            }
        }
    }
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
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN" | ".NAN" => {
            // JSON has no infinities: sigs.k8s.io/yaml fails on them; keep the text.
            return None;
        }
        _ => {}
    }
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let body = clean.trim_start_matches(['-', '+']);
    let looks_numeric = body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body.chars().all(|c| c.is_ascii_digit() || ".eE+-".contains(c))
        && body.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        return None;
    }
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

/// A mapping's keys and values (with the line of each key) as an object,
/// unless a key is repeated: go-yaml's unmarshal error for the first repeat.
/// Sorting finds repeats in O(n log n): a pasted or linked document may have
/// tens of thousands of keys.
fn into_map(entries: Vec<(String, Value, usize)>) -> Result<Value, YamlError> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].0.cmp(&entries[b].0).then(a.cmp(&b)));
    let repeat = order.windows(2).filter(|w| entries[w[0]].0 == entries[w[1]].0).map(|w| w[1]).min();
    if let Some(i) = repeat {
        let (key, _, line) = &entries[i];
        return Err(YamlError {
            line: *line,
            message: format!("unmarshal errors:\n  line {line}: key {key} already set in map", key = quoted(key)),
        });
    }
    Ok(Value::Object(entries.into_iter().map(|(k, v, _)| (k, v)).collect()))
}

fn sorted(m: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = m.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

fn write_mapping(out: &mut String, m: &Map<String, Value>, indent: usize) {
    for (i, (key, value)) in sorted(m).into_iter().enumerate() {
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
    if !matches!(resolve_plain(s), Value::String(_)) || s.is_empty() || looks_like_timestamp(s) || is_base60_float(s) {
        return double_quoted(s);
    }
    if plain_allowed(s) {
        return if is_key { s.to_string() } else { wrap_plain(s, indent, column) };
    }
    if s.chars().all(|c| !c.is_control()) && !s.starts_with(' ') && !s.ends_with(' ') {
        return format!("'{}'", s.replace('\'', "''"));
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
    const BEST_WIDTH: usize = 80;
    let mut out = String::new();
    let mut column = start_column;
    let mut prev_space = false;
    for (i, c) in s.char_indices() {
        if c == ' ' && !prev_space && column > BEST_WIDTH && i + 1 < s.len() && !s[i + 1..].starts_with(' ') {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
            prev_space = true;
            continue;
        }
        out.push(c);
        column += 1;
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

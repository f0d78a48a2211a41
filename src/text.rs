//! Text as Go and the UI print it: decimals of integer quantities (the
//! simulated clock is whole milliseconds, so "1.6 s" is exact and never a
//! float's rounding), and strings quoted as Go's `%q` quotes them (Rust's
//! `{:?}` escapes differently).

/// `scaled / 10^places` with exactly `places` decimals: `fixed(1234, 1)` is "123.4".
pub fn fixed(scaled: i64, places: u32) -> String {
    let unit = 10i64.pow(places);
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / unit as u64, magnitude % unit as u64);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// Like `fixed`, without trailing zeros: `trimmed(1500, 3)` is "1.5", `trimmed(2000, 3)` is "2".
pub fn trimmed(scaled: i64, places: u32) -> String {
    let text = fixed(scaled, places);
    if places == 0 {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Milliseconds as seconds with `places` (at most 3) decimals, rounded half away from zero.
pub fn seconds(ms: i64, places: u32) -> String {
    let places = places.min(3);
    let step = 10i64.pow(3 - places);
    let rounded = (ms.abs() + step / 2) / step * ms.signum();
    fixed(rounded, places)
}

/// A coordinate or ratio to one decimal place.
pub fn one_decimal(value: f64) -> String {
    fixed((value * 10.0).round() as i64, 1)
}

/// `s` quoted as Go's `strconv.Quote` (and so `%q`) writes it: `"`, `\\` and
/// control characters escaped (`\n`, `\t`, `\x1b`, `\u0085`), everything else
/// as it is. Go also escapes the rare non-printable characters above U+00A0
/// (unassigned, format and separator characters); only U+00AD, U+2028 and
/// U+2029 of those are escaped here.
pub fn quoted(s: &str) -> Quoted<'_> {
    Quoted(s)
}

/// A string to print as Go's `%q` would (see [`quoted`]).
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        // Runs of characters that need no escape are written whole.
        let mut plain_from = 0;
        for (at, c) in self.0.char_indices() {
            let short = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\u{7}' => "\\a",
                '\u{8}' => "\\b",
                '\u{c}' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u{b}' => "\\v",
                _ => "",
            };
            let coded = matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{a0}' | '\u{ad}' | '\u{2028}' | '\u{2029}');
            if short.is_empty() && !coded {
                continue;
            }
            f.write_str(&self.0[plain_from..at])?;
            plain_from = at + c.len_utf8();
            match c as u32 {
                _ if !short.is_empty() => f.write_str(short)?,
                code @ 0..=0x7f => write!(f, "\\x{code:02x}")?,
                code => write!(f, "\\u{code:04x}")?,
            }
        }
        f.write_str(&self.0[plain_from..])?;
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_without_floating_point_formatting() {
        assert_eq!(fixed(1234, 1), "123.4");
        assert_eq!(fixed(-5, 2), "-0.05");
        assert_eq!(fixed(7, 0), "7");
        assert_eq!(trimmed(1500, 3), "1.5");
        assert_eq!(trimmed(2000, 3), "2");
        assert_eq!(trimmed(75, 2), "0.75");
        assert_eq!(seconds(2950, 1), "3.0");
        assert_eq!(seconds(2949, 1), "2.9");
        assert_eq!(seconds(-1250, 1), "-1.3");
        assert_eq!(seconds(12_345, 3), "12.345");
        assert_eq!(one_decimal(599.96), "600.0");
        assert_eq!(one_decimal(0.04), "0.0");
    }

    #[test]
    fn strings_quoted_as_gos_percent_q() {
        let q = |s: &str| quoted(s).to_string();
        assert_eq!(q("web"), r#""web""#);
        assert_eq!(q("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(
            q("tab\tnl\ncr\r\u{7}\u{8}\u{b}\u{c}"),
            r#""tab\tnl\ncr\r\a\b\v\f""#
        );
        // Go writes other control characters as \xNN (Rust's {:?} writes \u{1b} and \0).
        assert_eq!(q("\u{1b}[0m\0\u{7f}"), r#""\x1b[0m\x00\x7f""#);
        assert_eq!(
            q("\u{85}\u{a0}\u{ad}\u{2028}"),
            r#""\u0085\u00a0\u00ad\u2028""#
        );
        assert_eq!(q("部署 é ✔"), "\"部署 é ✔\"");
    }
}

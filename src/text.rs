//! Numbers as text with integer arithmetic: the app prints decimals (times,
//! percentages, chart coordinates) without core's floating-point formatter,
//! which is ~10 KB of the web bundle.

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
}

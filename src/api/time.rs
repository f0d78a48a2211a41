//! `Time`: a point of simulated time in integer milliseconds, written as
//! RFC 3339 with second precision as metav1.Time is. Scenario time 0 is
//! 2026-01-01T00:00:00Z wherever a wall clock shows.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// Milliseconds since scenario time 0 (may be negative: objects that existed before the scenario).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub i64);

/// Seconds from the Unix epoch to 2026-01-01T00:00:00Z.
pub const EPOCH_UNIX_SECONDS: i64 = 1_767_225_600;

impl Time {
    pub const ZERO: Time = Time(0);

    pub fn from_secs(s: i64) -> Time {
        Time(s * 1000)
    }

    /// Truncated to whole seconds, as the API server stores metav1.Time.
    pub fn truncated(self) -> Time {
        Time(self.0.div_euclid(1000) * 1000)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// Whole seconds since scenario time 0 (floor).
    pub fn secs(self) -> i64 {
        self.0.div_euclid(1000)
    }

    fn civil(self) -> (i64, u32, u32, u32, u32, u32, u32) {
        let unix = EPOCH_UNIX_SECONDS + self.secs();
        let days = unix.div_euclid(86_400);
        let rem = unix.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let weekday = (days + 4).rem_euclid(7) as u32; // 1970-01-01 was a Thursday
        (
            y,
            m,
            d,
            (rem / 3600) as u32,
            ((rem / 60) % 60) as u32,
            (rem % 60) as u32,
            weekday,
        )
    }

    /// RFC 3339, second precision: `2026-01-01T00:00:05Z`.
    pub fn rfc3339(self) -> String {
        let (y, mo, d, h, mi, s, _) = self.civil();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    /// RFC 1123 with a numeric zone, as `kubectl describe` prints CreationTimestamp.
    pub fn rfc1123z(self) -> String {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (y, mo, d, h, mi, s, wd) = self.civil();
        format!(
            "{}, {d:02} {} {y:04} {h:02}:{mi:02}:{s:02} +0000",
            DAYS[wd as usize],
            MONTHS[(mo - 1) as usize]
        )
    }

    /// Parses RFC 3339 (`2026-01-01T00:00:05Z`, fractional seconds and offsets allowed).
    pub fn parse_rfc3339(text: &str) -> Option<Time> {
        let b = text.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b'T' || b[10] == b't') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<i64>().ok();
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if b[13] != b':' || b[16] != b':' || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return None;
        }
        let mut rest = &text[19..];
        let mut millis = 0i64;
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            let ms: String = frac[..digits]
                .chars()
                .chain("000".chars())
                .take(3)
                .collect();
            millis = ms.parse().ok()?;
            rest = &frac[digits..];
        }
        let offset = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) => {
                let sign = if rest.starts_with('-') { -1 } else { 1 };
                let oh: i64 = rest.get(1..3)?.parse().ok()?;
                let om: i64 = rest.get(4..6)?.parse().ok()?;
                sign * (oh * 3600 + om * 60)
            }
            _ => return None,
        };
        let unix =
            days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + s - offset;
        Some(Time((unix - EPOCH_UNIX_SECONDS) * 1000 + millis))
    }
}

/// Howard Hinnant's days-from-civil (proleptic Gregorian), days since 1970-01-01.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// RFC 3339 text, as metav1.Time marshals.
impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let text = String::deserialize(d)?;
        Time::parse_rfc3339(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "parsing time {}: not RFC 3339",
                crate::text::quoted(&text)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_time_zero_is_new_year_2026() {
        assert_eq!(Time(0).rfc3339(), "2026-01-01T00:00:00Z");
        assert_eq!(Time(0).rfc1123z(), "Thu, 01 Jan 2026 00:00:00 +0000");
        assert_eq!(Time(-100_000).rfc3339(), "2025-12-31T23:58:20Z");
        assert_eq!(Time(61_999).rfc3339(), "2026-01-01T00:01:01Z");
    }

    #[test]
    fn rfc3339_round_trips() {
        for ms in [0, 1000, -1000, 86_400_000 * 400, -5_000_000_000] {
            assert_eq!(Time::parse_rfc3339(&Time(ms).rfc3339()), Some(Time(ms)));
        }
        assert_eq!(
            Time::parse_rfc3339("2026-01-01T01:00:00+01:00"),
            Some(Time(0))
        );
        assert_eq!(
            Time::parse_rfc3339("2026-01-01T00:00:00.25Z"),
            Some(Time(250))
        );
        assert_eq!(Time::parse_rfc3339("2026-13-01T00:00:00Z"), None);
        assert_eq!(Time::parse_rfc3339("garbage"), None);
    }
}

//! Decimal text to `f64` and back, without core's float parser and
//! formatter: to be exact at every digit those carry tables of powers of
//! five and ten (17 KB of the web bundle's gzip with their code, mostly random
//! bytes that do not compress). The numbers this lab reads and writes as
//! floats are seconds, durations and the odd float in a manifest, so:
//!
//! - [`parse`] is correctly rounded for up to 15 significant digits with a
//!   decimal exponent up to ±22 (the fast path of Clinger's algorithm: one
//!   exact integer, one exact power of ten, one rounding), and beyond that
//!   computes in double-double arithmetic: only a number within about
//!   10^-28 (relative) of halfway between two floats can round the wrong
//!   way. Digits past the 38th are dropped.
//! - [`format`] writes the shortest digits that [`parse`] reads back as the
//!   same value (the nearest such, ties to even), laid out as serde_json
//!   1.0.154 lays them out: `1.0`, `0.25`, `1e-7`, `1.5e+300`.

/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept from a long mantissa (the 39th would overflow
/// u128); the ones after them move the value by less than 10^-37 of it.
const MAX_DIGITS: u32 = 38;

/// A decimal number as Rust's `f64::from_str` reads it (`-1.5`, `.5`, `2.`,
/// `1e3`, `1.5E-3`), without `inf` and `nan`. `None` for anything else, and
/// for a value too large for an `f64`.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u128 = 0;
    let mut kept = 0u32;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa == 0 && b == b'0' {
                    // A leading zero: only the point's position matters.
                    if seen_point {
                        exponent -= 1;
                    }
                } else if kept < MAX_DIGITS {
                    mantissa = mantissa * 10 + u128::from(b - b'0');
                    kept += 1;
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // A digit past the kept ones, before the point: one more power of ten.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let negative_exponent = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let start = at;
        let mut written: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(at) {
            written = (written * 10 + i64::from(b - b'0')).min(1 << 40);
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent += if negative_exponent { -written } else { written };
    }
    if at != bytes.len() {
        return None;
    }
    let magnitude = from_parts(mantissa, exponent);
    if !magnitude.is_finite() {
        return None;
    }
    Some(if negative { -magnitude } else { magnitude })
}

/// `mantissa × 10^exponent`. Correctly rounded, with one exact operation,
/// when the mantissa is below 2^53 and the exponent within ±22; otherwise
/// computed in double-double arithmetic (about 100 bits after the powers of
/// ten), so only a value within about 10^-28 (relative) of halfway between
/// two floats can round the wrong way.
fn from_parts(mantissa: u128, exponent: i64) -> f64 {
    if mantissa < 1 << 53 && exponent.unsigned_abs() <= 22 {
        let (m, power) = (mantissa as f64, EXACT_POWERS[exponent.unsigned_abs() as usize]);
        return if exponent < 0 { m / power } else { m * power };
    }
    // Results near the bottom of the range are computed 2^200 higher: the
    // double-double's low half would otherwise fall into subnormals and lose
    // its bits. Results near the top are computed 2^64 lower, so that no
    // intermediate product overflows before the last rounding. Scaling back
    // by a power of two is exact (or overflows, where the value does).
    let lift = lift_for(exponent);
    let Double(high, low) = from_parts_double(mantissa, exponent, lift);
    if !high.is_finite() {
        return high;
    }
    let value = (high + low) * two_to(-lift);
    // Below 2^-1021 floats are 2^-1074 apart (the subnormals and the first
    // normal binade): rounding the sum first and scaling it after would round
    // twice, so such a result is rounded once, on that grid.
    if lift <= 0 || value.abs() >= 2.0 * f64::MIN_POSITIVE {
        return value;
    }
    let step = f64::from_bits(1); // 2^-1074
    // `high` rounded onto the grid, then corrected by what `low` adds: the
    // differences are taken before adding `low`, which can be far below
    // `high`'s last bit and still decide a near-tie.
    let mut rounded = high * two_to(-lift);
    let off = high - rounded * two_to(lift); // exact
    let half = step * two_to(lift) / 2.0;
    if (off - half) + low > 0.0 {
        rounded += step;
    } else if (off + half) + low < 0.0 {
        rounded -= step;
    }
    rounded
}

/// The power of two `from_parts` computes `× 10^exponent` at (see there).
fn lift_for(exponent: i64) -> i32 {
    match exponent {
        ..-250 => 200,
        251.. => -64,
        _ => 0,
    }
}

/// `mantissa × 10^exponent × 2^lift` in double-double arithmetic.
fn from_parts_double(mantissa: u128, exponent: i64, lift: i32) -> Double {
    if mantissa == 0 {
        return Double(0.0, 0.0);
    }
    let high = mantissa as f64;
    // The part of the mantissa the f64 above rounded away.
    let low = (mantissa as i128 - high as i128) as f64;
    let power = two_to(lift);
    scaled(Double(high * power, low * power), exponent)
}

/// `value × 10^exponent` in double-double arithmetic.
fn scaled(mut value: Double, exponent: i64) -> Double {
    // 10^±300 per step keeps every intermediate within f64's range.
    let mut left = exponent.clamp(-700, 700);
    while left != 0 && value.0.is_finite() && value.0 != 0.0 {
        let step = left.clamp(-300, 300);
        let power = Double::power_of_ten(step.unsigned_abs() as u32);
        value = if step < 0 { value.div(power) } else { value.mul(power) };
        left -= step;
    }
    value
}

/// 2^n for a normal exponent, exactly (`powi` may go through 2^-n and lose it).
fn two_to(n: i32) -> f64 {
    f64::from_bits(((1023 + n) as u64) << 52)
}

/// A double-double: an unevaluated sum of two f64s, the second below half
/// a unit in the last place of the first.
#[derive(Clone, Copy)]
struct Double(f64, f64);

impl Double {
    /// 10^n by squaring (a dozen products at most).
    fn power_of_ten(mut n: u32) -> Double {
        let mut result = Double(1.0, 0.0);
        let mut base = Double(10.0, 0.0);
        while n > 0 {
            if n & 1 == 1 {
                result = result.mul(base);
            }
            n >>= 1;
            if n > 0 {
                base = base.mul(base);
            }
        }
        result
    }

    fn mul(self, other: Double) -> Double {
        let (product, error) = two_product(self.0, other.0);
        let error = error + (self.0 * other.1 + self.1 * other.0);
        quick_sum(product, error)
    }

    fn div(self, other: Double) -> Double {
        let first = self.0 / other.0;
        let (product, error) = two_product(first, other.0);
        let remainder = ((self.0 - product) - error + self.1 - first * other.1) / other.0;
        quick_sum(first, remainder)
    }
}

/// a + b as a double-double, when |a| >= |b|.
fn quick_sum(a: f64, b: f64) -> Double {
    let sum = a + b;
    Double(sum, b - (sum - a))
}

/// a × b and its rounding error, exactly (Dekker's product).
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let product = a * b;
    if !product.is_finite() {
        return (product, 0.0);
    }
    if product.abs() > 1e300 {
        // Near f64::MAX the halves' products could overflow: work 2^64 lower
        // (scaling by a power of two changes no bit of the result).
        let (product, error) = two_product(a * two_to(-64), b);
        return (product * two_to(64), error * two_to(64));
    }
    let (a_high, a_low) = split(a);
    let (b_high, b_low) = split(b);
    let error = ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low;
    (product, error)
}

/// `a` as two halves of 26 bits each.
fn split(a: f64) -> (f64, f64) {
    // Large values are scaled down first so the splitting product cannot overflow.
    if a.abs() > 1e300 {
        let (high, low) = split(a * two_to(-28));
        return (high * two_to(28), low * two_to(28));
    }
    let c = 134_217_729.0 * a; // 2^27 + 1
    let high = c - (c - a);
    (high, a - high)
}

/// 10^exponent, to find a float's leading digit (exact within ±22).
fn power_of_ten(exponent: i32) -> f64 {
    from_parts(1, i64::from(exponent))
}

/// A finite `f64` as serde_json writes it: the shortest digits that read
/// back as the same value, `.0` on whole numbers below 10^16, an exponent
/// from 10^16 up and below 10^-5.
pub fn format(x: f64) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (digits, exponent) = shortest(x.abs());
    let sign = if x < 0.0 { "-" } else { "" };
    layout(sign, &digits.to_string(), exponent)
}

/// The fewest significant digits `d` with `d × 10^k` reading back as `x`
/// (positive, finite): (d, k).
fn shortest(x: f64) -> (u64, i32) {
    // The decimal exponent of the leading digit, from the binary exponent
    // (times log10 2), corrected by a comparison or two.
    let binary = ((x.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mut lead = (f64::from(binary) * std::f64::consts::LOG10_2).floor() as i32;
    while lead > -330 && power_of_ten(lead) > x {
        lead -= 1;
    }
    while lead < 310 && power_of_ten(lead + 1) <= x {
        lead += 1;
    }
    let mut best = (0, 0);
    for precision in 1..=17 {
        let k = lead - precision + 1;
        // x / 10^k, rounded to an integer (beyond 2^53, only the double-double holds it).
        let Double(high, low) = scaled(Double(x, 0.0), -i64::from(k));
        let whole = high.round();
        let mut d = (whole as i128 + ((high - whole) + low).round() as i128) as u64;
        let mut k = k;
        if d >= 10u64.pow(precision as u32) {
            d /= 10;
            k += 1;
        }
        best = (d, k);
        // Of the neighbours that read back as x, the one nearest to it (as ryu picks).
        // Measured at from_parts' scale, where the low halves keep their bits.
        let lift = lift_for(i64::from(k));
        let lifted = x * two_to(lift);
        let distance = |candidate: u64| {
            let Double(high, low) = from_parts_double(u128::from(candidate), i64::from(k), lift);
            ((high - lifted) + low).abs()
        };
        // An exact tie (x halfway between two candidates) goes to the even one,
        // as serde_json's does; "exact" allows for the double-double's error.
        let nearer = |a: u64, b: u64| {
            let (da, db) = (distance(a), distance(b));
            if (da - db).abs() <= lifted * 1e-25 {
                (a % 2).cmp(&(b % 2))
            } else {
                da.total_cmp(&db)
            }
        };
        let found = [d, d.wrapping_sub(1), d + 1]
            .into_iter()
            .filter(|&c| c != 0 && from_parts(u128::from(c), i64::from(k)) == x)
            .min_by(|&a, &b| nearer(a, b));
        if let Some(candidate) = found {
            return trim((candidate, k));
        }
    }
    trim(best)
}

/// Trailing zero digits moved into the exponent.
fn trim((mut d, mut k): (u64, i32)) -> (u64, i32) {
    while d != 0 && d % 10 == 0 {
        d /= 10;
        k += 1;
    }
    (d, k)
}

/// serde_json's layout of `digits × 10^exponent` (ryu's, with `e+` for
/// positive exponents).
fn layout(sign: &str, digits: &str, exponent: i32) -> String {
    let length = digits.len() as i32;
    let point = length + exponent; // where the decimal point goes
    if exponent >= 0 && point <= 16 {
        format!("{sign}{digits}{}.0", "0".repeat(exponent as usize))
    } else if 0 < point && point <= 16 {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{sign}{whole}.{fraction}")
    } else if -5 < point && point <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let (first, rest) = digits.split_at(1);
        let exponent = point - 1;
        let exponent_sign = if exponent > 0 { "+" } else { "" };
        let point = if rest.is_empty() { "" } else { "." };
        format!("{sign}{first}{point}{rest}e{exponent_sign}{exponent}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_rust_reads_them() {
        for text in ["0", "1", "-1.5", "+2.25", ".5", "2.", "1e3", "1E-3", "0.1", "0.30000000000000004", "123456789012345", "1e22", "1e-22", "000.000", "-0"] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", "-", ".", "e3", "1e", "1e+", "1.2.3", "1x", "inf", "NaN", " 1", "1 ", "--1", "1e400"] {
            assert_eq!(parse(text), None, "{text}");
        }
        assert_eq!(parse("1e-400"), Some(0.0));
        // Beyond the fast path: double-double arithmetic.
        for text in ["1.7976931348623157e308", "2.2250738585072014e-308", "4.9e-324", "3.141592653589793238462643383279", "1e100", "1e-100", "123456789012345678901234567890", "8.66372583730624e290", "0.1e308", "1000e-330",
            // The bottom and top of the range (found in review: rounded twice, overflowed).
            "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.4501477170144023e-308",
            "1.797693134862315708e308", "1.7976931348623158e308", "1.7976931348623157e308"] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
    }

    #[test]
    fn floats_written_as_serde_json_writes_them() {
        let cases = [
            (1.0, "1.0"),
            (-1.0, "-1.0"),
            (0.25, "0.25"),
            (1.5, "1.5"),
            (2.001, "2.001"),
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e300, "1.5e+300"),
            (1e-7, "1e-7"),
            (1.25e-5, "0.0000125"),
            (1.5e-6, "1.5e-6"),
            (1e21, "1e+21"),
            (12345678901234567890.0, "1.2345678901234567e+19"),
            (0.0001, "0.0001"),
            (123.456, "123.456"),
            (0.30000000000000004, "0.30000000000000004"),
            (-0.0, "-0.0"),
            // Exact ties between two shortest candidates go to the even digit
            // (639943452718977.25 and 2198198068470.28125, exactly representable).
            (639_943_452_718_977.0 + 0.25, "639943452718977.2"),
            (2_198_198_068_470.0 + 0.281_25, "2198198068470.2812"),
        ];
        for (x, text) in cases {
            assert_eq!(format(x), text, "{x}");
        }
    }

    #[test]
    fn written_floats_read_back_the_same() {
        // A deterministic spread of bit patterns over the whole finite range.
        let mut bits = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            let x = f64::from_bits(bits);
            if !x.is_finite() {
                continue;
            }
            let text = format(x);
            assert_eq!(parse(&text), Some(x), "{x:e} wrote {text}");
            assert_eq!(text.parse::<f64>(), Ok(x), "{x:e} wrote {text}: Rust reads it otherwise");
            // The shortest: as many significant digits as Rust's own shortest form
            // (subnormals, below 2.2e-308, may get one more).
            let digits = |t: &str| t.split(['e', 'E']).next().unwrap().trim_start_matches(['-', '0', '.']).replace('.', "").trim_end_matches('0').len();
            if x.is_normal() {
                assert_eq!(digits(&text), digits(&format!("{x:e}")), "{x:e} wrote {text}");
            }
        }
    }

    #[test]
    fn random_decimals_read_as_rust_reads_them() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let digits = 1 + next() % 20;
            let mantissa: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            let point = (next() % (digits + 1)) as usize;
            let exponent = (next() % 660) as i64 - 330;
            let text = format!("{}.{}e{exponent}", &mantissa[..point], &mantissa[point..]);
            let rust = text.parse::<f64>().ok().filter(|f| f.is_finite());
            assert_eq!(parse(&text), rust, "{text}");
        }
    }
}

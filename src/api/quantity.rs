//! resource.Quantity (k8s.io/apimachinery/pkg/api/resource): `500m`, `2`,
//! `1.5Gi`, `1e3`, read into whole milli-units or units, rounded up as
//! `MilliValue()` and `Value()` round. (The Rust crates for this wrap
//! k8s-openapi's whole API, which the simulator does not use.)

/// A parsed quantity, exactly: `mantissa × 10^exp10 × 2^exp2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    mantissa: i128,
    exp10: i32,
    exp2: u32,
}

impl Quantity {
    /// ParseQuantity's grammar: `<signedNumber><suffix>`, where the suffix
    /// is binary SI (`Ki` … `Ei`), decimal SI (`n u m k M G T P E`) or an
    /// exponent (`e3`, `E-2`). `None` where Go returns ErrFormatWrong.
    pub fn parse(text: &str) -> Option<Quantity> {
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let number_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let (number, suffix) = rest.split_at(number_end);
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if (whole.is_empty() && fraction.is_empty()) || fraction.contains('.') {
            return None;
        }
        let mut mantissa: i128 = 0;
        for digit in whole.bytes().chain(fraction.bytes()) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit - b'0'))?;
        }
        let mut exp10 = -i32::try_from(fraction.len()).ok()?;
        let mut exp2 = 0;
        match suffix {
            "" => {}
            "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei" => {
                exp2 = 10 * (1 + "KMGTPE".find(&suffix[..1])? as u32);
            }
            "n" => exp10 -= 9,
            "u" => exp10 -= 6,
            "m" => exp10 -= 3,
            "k" => exp10 += 3,
            "M" => exp10 += 6,
            "G" => exp10 += 9,
            "T" => exp10 += 12,
            "P" => exp10 += 15,
            "E" => exp10 += 18,
            _ => {
                let exponent = suffix.strip_prefix(['e', 'E'])?;
                let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                exp10 = exp10.checked_add(exponent.parse::<i32>().ok()?)?;
            }
        }
        Some(Quantity { mantissa: if negative { -mantissa } else { mantissa }, exp10, exp2 })
    }

    /// The value in units of 10^`scale`, rounded up (ScaledValue); `None` if
    /// it does not fit an i64.
    fn scaled(self, scale: i32) -> Option<i64> {
        let mut numerator = self.mantissa.checked_mul(1i128.checked_shl(self.exp2)?)?;
        let mut denominator: i128 = 1;
        let shift = self.exp10.checked_sub(scale)?;
        if shift >= 0 {
            numerator = numerator.checked_mul(10i128.checked_pow(shift as u32)?)?;
        } else {
            // A divisor beyond i128 leaves less than one unit: 0, or 1 rounded up.
            denominator = 10i128.checked_pow(shift.unsigned_abs()).unwrap_or(i128::MAX);
        }
        let rounded_up = numerator.div_euclid(denominator) + i128::from(numerator.rem_euclid(denominator) != 0);
        i64::try_from(rounded_up).ok()
    }

    /// MilliValue: CPU in millicores.
    pub fn milli_value(self) -> Option<i64> {
        self.scaled(-3)
    }

    /// Value: memory in bytes, pods as a count.
    pub fn value(self) -> Option<i64> {
        self.scaled(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn milli(text: &str) -> Option<i64> {
        Quantity::parse(text).and_then(Quantity::milli_value)
    }

    fn units(text: &str) -> Option<i64> {
        Quantity::parse(text).and_then(Quantity::value)
    }

    #[test]
    fn cpu_reads_in_millicores() {
        assert_eq!(milli("500m"), Some(500));
        assert_eq!(milli("2"), Some(2000));
        assert_eq!(milli("0.25"), Some(250));
        assert_eq!(milli(".5"), Some(500));
        assert_eq!(milli("1.0005"), Some(1001), "rounded up, as MilliValue does");
        assert_eq!(milli("100u"), Some(1));
        assert_eq!(milli("1e3"), Some(1_000_000));
    }

    #[test]
    fn memory_reads_in_bytes() {
        assert_eq!(units("128Mi"), Some(128 * 1024 * 1024));
        assert_eq!(units("1Gi"), Some(1 << 30));
        assert_eq!(units("1.5Gi"), Some(3 << 29));
        assert_eq!(units("4G"), Some(4_000_000_000));
        assert_eq!(units("1k"), Some(1000));
        assert_eq!(units("129e6"), Some(129_000_000));
        assert_eq!(units("-1"), Some(-1));
    }

    #[test]
    fn malformed_quantities_are_refused() {
        for text in ["", "m", "1..2", "1.2.3", "abc", "1Kb", "1e", "1e+", "2 Gi", "1ki", "--1"] {
            assert_eq!(Quantity::parse(text), None, "{text}");
        }
        assert_eq!(units("10E"), None, "beyond an i64");
        assert_eq!(milli("1e2147483647"), None, "an exponent at the edge of i32");
        assert_eq!(milli("1e-2147483648"), Some(1), "a tiny amount rounds up, as MilliValue does");
    }
}

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
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, suffix) = rest.split_at(number_end);
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if (whole.is_empty() && fraction.is_empty()) || fraction.contains('.') {
            return None;
        }
        let mut mantissa: i128 = 0;
        for digit in whole.bytes().chain(fraction.bytes()) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(digit - b'0'))?;
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
        Some(Quantity {
            mantissa: if negative { -mantissa } else { mantissa },
            exp10,
            exp2,
        })
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
            denominator = 10i128
                .checked_pow(shift.unsigned_abs())
                .unwrap_or(i128::MAX);
        }
        let rounded_up =
            numerator.div_euclid(denominator) + i128::from(numerator.rem_euclid(denominator) != 0);
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

/// Quantity.String() of millicores (DecimalSI): `300m`, `2`.
pub fn format_millicores(m: i64) -> String {
    if m % 1000 == 0 {
        (m / 1000).to_string()
    } else {
        format!("{m}m")
    }
}

/// Quantity.String() of bytes (BinarySI): the largest binary suffix that
/// divides them, else the plain number: `4Gi`, `384Mi`, `1000`.
pub fn format_bytes(bytes: i64) -> String {
    const UNITS: [(&str, i64); 6] = [
        ("Ei", 1 << 60),
        ("Pi", 1 << 50),
        ("Ti", 1 << 40),
        ("Gi", 1 << 30),
        ("Mi", 1 << 20),
        ("Ki", 1 << 10),
    ];
    UNITS
        .iter()
        .find(|(_, size)| bytes != 0 && bytes % size == 0)
        .map_or(bytes.to_string(), |(unit, size)| {
            format!("{}{unit}", bytes / size)
        })
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
    fn formats_as_quantity_string_does() {
        assert_eq!(format_millicores(300), "300m");
        assert_eq!(format_millicores(2000), "2");
        assert_eq!(format_bytes(4 << 30), "4Gi");
        assert_eq!(format_bytes(384 << 20), "384Mi");
        assert_eq!(format_bytes(1 << 40), "1Ti");
        assert_eq!(format_bytes(1000), "1000");
        assert_eq!(format_bytes(0), "0");
        for bytes in [1536, 3 << 29, 5 << 40, 123_456_789] {
            assert_eq!(units(&format_bytes(bytes)), Some(bytes));
        }
    }

    #[test]
    fn cpu_reads_in_millicores() {
        assert_eq!(milli("500m"), Some(500));
        assert_eq!(milli("2"), Some(2000));
        assert_eq!(milli("0.25"), Some(250));
        assert_eq!(milli(".5"), Some(500));
        assert_eq!(
            milli("1.0005"),
            Some(1001),
            "rounded up, as MilliValue does"
        );
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
        for text in [
            "", "m", "1..2", "1.2.3", "abc", "1Kb", "1e", "1e+", "2 Gi", "1ki", "--1",
        ] {
            assert_eq!(Quantity::parse(text), None, "{text}");
        }
        assert_eq!(units("10E"), None, "beyond an i64");
        assert_eq!(
            milli("1e2147483647"),
            None,
            "an exponent at the edge of i32"
        );
        assert_eq!(
            milli("1e-2147483648"),
            Some(1),
            "a tiny amount rounds up, as MilliValue does"
        );
    }
}

//! `rollout_lab::float` held to the references it stands in for: Rust's
//! `str::parse::<f64>` for reading and serde_json for writing.

use proptest::prelude::*;
use rollout_lab::float::{format, parse};

fn writes_as_serde_json(x: f64) -> Result<(), TestCaseError> {
    let ours = format(x);
    prop_assert_eq!(&ours, &serde_json::to_string(&x).unwrap(), "{:e}", x);
    prop_assert_eq!(parse(&ours), Some(x), "{} reads back", ours);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Any finite f64, by its bits: the same text as serde_json, read back as itself.
    #[test]
    fn any_float_is_written_as_serde_json_writes_it(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        if x.is_finite() {
            writes_as_serde_json(x)?;
        }
    }

    /// Numbers with few decimals, as scenarios and manifests hold them.
    #[test]
    fn short_decimals_round_trip(whole in 0i64..100_000_000, places in 0u32..7) {
        let x = whole as f64 / 10f64.powi(places as i32);
        writes_as_serde_json(x)?;
    }

    /// Decimal text as Rust reads it (finite results), including long mantissas and far exponents.
    #[test]
    fn decimal_text_is_read_as_rust_reads_it(mantissa in "[0-9]{1,30}", point in 0usize..31, exponent in -340i32..320) {
        let point = point.min(mantissa.len());
        let text = format!("{}.{}e{exponent}", &mantissa[..point], &mantissa[point..]);
        let rust = text.parse::<f64>().ok().filter(|f| f.is_finite());
        prop_assert_eq!(parse(&text), rust, "{}", text);
    }

    /// Arbitrary text never panics, and what it reads is what Rust reads.
    #[test]
    fn arbitrary_text_never_panics(text in "[-+0-9.eE]{0,40}") {
        if let Some(ours) = parse(&text) {
            prop_assert_eq!(Some(ours), text.parse::<f64>().ok(), "{}", text);
        }
    }
}

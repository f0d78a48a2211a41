//! Embed options from the page's query string (scenario::embed).

use proptest::prelude::*;
use rollout_lab::scenario::embed::{Embed, EmbedError};

#[test]
fn no_embed_key_is_the_full_page() {
    for query in [
        "",
        "?",
        "?scenario=canary&autoplay",
        "?embedded",
        "?embed=0",
        "?embed=false",
    ] {
        assert_eq!(Embed::from_query(query), Ok(None), "{query}");
    }
}

#[test]
fn flags_are_on_when_present_and_off_with_0_or_false() {
    let e = Embed::from_query(
        "?embed&scenario=canary&autoplay&loop=1&console=true&readonly=0&utm_source=docs",
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        e,
        Embed {
            scenario: Some("canary".into()),
            autoplay: true,
            looped: true,
            console: true,
            readonly: false,
        }
    );
    // The last occurrence wins: a host page that appends an override gets it.
    let e = Embed::from_query("embed=1&readonly&readonly=false&scenario=a%20b&scenario=stuck")
        .unwrap()
        .unwrap();
    assert!(!e.readonly);
    assert_eq!(e.scenario.as_deref(), Some("stuck"));
    assert_eq!(
        Embed::from_query("?embed&scenario=")
            .unwrap()
            .unwrap()
            .scenario,
        None
    );
    assert_eq!(
        Embed::from_query("?embed&scenario=roll%2Bout+x")
            .unwrap()
            .unwrap()
            .scenario
            .as_deref(),
        Some("roll+out x")
    );
}

#[test]
fn a_flag_that_is_neither_yes_nor_no_is_an_error_naming_it() {
    let e = Embed::from_query("?embed&autoplay=sometimes").unwrap_err();
    assert_eq!(
        e,
        EmbedError {
            key: "autoplay".into(),
            value: "sometimes".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "the embed option autoplay=\"sometimes\" should be 1, 0, true or false"
    );
}

#[test]
fn to_query_round_trips() {
    let e = Embed {
        scenario: Some("recreate".into()),
        autoplay: true,
        looped: false,
        console: true,
        readonly: true,
    };
    assert_eq!(
        e.to_query(),
        "?embed&scenario=recreate&autoplay&console&readonly"
    );
    assert_eq!(Embed::from_query(&e.to_query()), Ok(Some(e)));
    assert_eq!(Embed::default().to_query(), "?embed");
}

proptest! {
    #[test]
    fn arbitrary_query_strings_never_panic(query in ".{0,80}") {
        let _ = Embed::from_query(&query);
    }

    #[test]
    fn percent_escapes_of_any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let escaped: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        let query = format!("?embed&scenario={escaped}%&x=%Z1%");
        let _ = Embed::from_query(&query);
    }
}

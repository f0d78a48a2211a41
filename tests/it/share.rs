//! Share links: a session survives encode → decode exactly; damaged or
//! hostile links give a typed error, never a panic.

use crate::session::{observable, play, session};
use proptest::prelude::*;
use rollout_lab::scenario::share::{
    decode, decode_within, encode, pack, ShareError, View, MAX_ACTIONS, MAX_JSON_BYTES, PREFIX,
};
use rollout_lab::scenario::{Action, Session, Step};

fn same_session(a: &Session, b: &Session) {
    assert_eq!(observable(a), observable(b));
    assert_eq!(a.history().len(), b.history().len());
    assert_eq!(a.frames(), b.frames());
}

#[test]
fn the_seed_rolling_update_round_trips_in_under_600_characters() {
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    s.kubectl("kubectl rollout history deployment/test-deployment")
        .unwrap();
    let link = encode(&s, View::default()).unwrap();
    assert!(link.starts_with(PREFIX), "{link}");
    assert!(link.len() < 600, "{} characters", link.len());
    let (opened, view) = decode(&link).unwrap();
    same_session(&s, &opened);
    assert_eq!(view, View::default());
}

#[test]
fn a_link_taken_mid_rollout_after_a_step_back_holds_that_moment() {
    let mut s = session("ui-06-stuck.json");
    s.set(Action::PodStart { ms: 3500 }).unwrap();
    let out = s
        .kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    assert_eq!(out.exit_code, 0, "{out:?}");
    for _ in 0..5 {
        s.step().unwrap();
    }
    s.step_back().unwrap();
    let view = View {
        presenter: true,
        clock_ms: Some(123_456),
    };
    let (opened, opened_view) = decode(&encode(&s, view).unwrap()).unwrap();
    assert_eq!(opened_view, view);
    same_session(&s, &opened);
    assert_eq!(opened.history().len(), 6);
}

#[test]
fn a_script_played_to_its_end_reopens_at_its_end() {
    for file in [
        "ui-02-rollover.json",
        "ui-03-rollback.json",
        "ui-05-recreate.json",
    ] {
        // Two trailing settles: the second has nothing left to wait for.
        let mut scenario = crate::support::local_scenario(file);
        scenario
            .steps
            .extend([Step::Settle(60.0), Step::Settle(60.0)]);
        let mut s = Session::new(scenario).unwrap();
        play(&mut s);
        let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
        same_session(&s, &opened);
        assert_eq!(opened.script_remaining(), s.script_remaining(), "{file}");
        assert_eq!(s.script_remaining(), 0, "{file}");
    }
}

#[test]
fn scripted_scenarios_replay_their_script_position() {
    let mut s = session("ui-04-canary.json");
    for _ in 0..7 {
        s.step().unwrap();
    }
    let (mut opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
    same_session(&s, &opened);
    assert_eq!(opened.script_remaining(), s.script_remaining());
    play(&mut s);
    play(&mut opened);
    same_session(&s, &opened);
}

fn seed_scenario_json() -> String {
    std::fs::read_to_string(crate::support::local_scenarios_dir().join("ui-01-seed.json")).unwrap()
}

fn error(link: &str) -> ShareError {
    decode(link).err().expect("the link is refused")
}

#[test]
fn damaged_and_hostile_links_say_what_is_wrong() {
    let s = session("ui-01-seed.json");
    let link = encode(&s, View::default()).unwrap();
    assert_eq!(error(""), ShareError::UnknownFormat);
    assert_eq!(error("s2.AAAA"), ShareError::UnknownFormat);
    assert_eq!(
        error(&format!("{link}*")),
        ShareError::NotBase64 { at: link.len() }
    );
    assert!(matches!(
        error(&link[..link.len() * 2 / 3]),
        ShareError::Corrupt | ShareError::NotBase64 { .. }
    ));
    // A deflate bomb: 2 MB of spaces.
    assert_eq!(error(&pack(&" ".repeat(2 << 20))), ShareError::TooLarge);
    let scenario = seed_scenario_json();
    let too_many = format!(
        r#"{{"scenario": {scenario}, "actions": [{}]}}"#,
        MAX_ACTIONS + 1
    );
    assert!(matches!(
        error(&pack(&too_many)),
        ShareError::BadAction { path, .. } if path == "actions[0]"
    ));
    let script = format!(
        r#"{{"scenario": {scenario}, "actions": ["kubectl get pods", {{"run": "rm -rf /"}}]}}"#
    );
    assert_eq!(
        error(&pack(&script)).to_string(),
        "the link's actions[1]: unknown action"
    );
    let bad_scenario = r#"{"scenario": {"deployment": 3}, "actions": []}"#;
    assert!(matches!(
        error(&pack(bad_scenario)),
        ShareError::Scenario(_)
    ));
    // Settings out of range are clamped: the simulated clock cannot overflow.
    let slow = format!(
        r#"{{"scenario": {scenario}, "actions": [{{"podStartMs": {}}}, "kubectl scale deployment test-deployment --replicas 5", 30]}}"#,
        i64::MAX
    );
    let (opened, _) = decode(&pack(&slow)).unwrap();
    let c = opened.cluster();
    assert_eq!(
        c.now().0,
        rollout_lab::sim::MAX_POD_START_MS,
        "the new pods start a year later"
    );
    assert_eq!(
        c.deployment("test-deployment")
            .unwrap()
            .status
            .available_replicas,
        5
    );
    // A short link that scales to 100,000 replicas and back again and again is refused, not replayed for minutes.
    let churn = r#""kubectl scale deployment test-deployment --replicas 100000", 20, "kubectl scale deployment test-deployment --replicas 1", 20"#;
    let hostile = format!(
        r#"{{"preset": "seed", "actions": [{}]}}"#,
        vec![churn; 1000].join(", ")
    );
    let link = pack(&hostile);
    assert!(link.len() < 2_500, "{} characters", link.len());
    // (A lower budget than MAX_REPLAY_POD_CHANGES keeps this quick in a debug build.)
    let e = decode_within(&link, 50_000).err().expect("refused");
    assert!(
        matches!(e, ShareError::TooMuchWork { index, budget: 50_000 } if index < 100),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .starts_with("the link asks for too much work (at actions["),
        "{e}"
    );
    assert!(
        e.to_string()
            .ends_with("more than 50000 pods created and deleted)"),
        "{e}"
    );
    // kubectl lines are only ever kubectl against the simulated cluster: a typo is replayed as a typo.
    let typo = format!(
        r#"{{"scenario": {scenario}, "actions": ["kubectl rollout resume deploy deployment/test-deployment"]}}"#
    );
    let (opened, _) = decode(&pack(&typo)).unwrap();
    assert_eq!(opened.history().len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_link_text_never_panics(text in "s1\\.[A-Za-z0-9_*=-]{0,400}") {
        let _ = decode(&text);
    }

    #[test]
    fn altered_links_never_panic(at in 0usize..10_000, byte in 0u8..128, cut in 0usize..10_000) {
        let mut s = session("ui-01-seed.json");
        s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2").unwrap();
        s.step().unwrap();
        let mut link = encode(&s, View::default()).unwrap().into_bytes();
        let at = at % link.len();
        link[at] = byte;
        link.truncate(link.len() - cut % link.len());
        let _ = decode(&String::from_utf8_lossy(&link));
    }

    #[test]
    fn arbitrary_payload_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&pack(&String::from_utf8_lossy(&bytes)));
    }
}

#[test]
fn a_bundled_scenario_goes_by_its_id_and_an_unknown_id_is_refused() {
    let mut s = session("ui-04-canary.json");
    play(&mut s);
    let link = encode(&s, View::default()).unwrap();
    assert!(link.len() < 120, "{} characters: {link}", link.len());
    let (opened, _) = decode(&link).unwrap();
    same_session(&s, &opened);
    assert_eq!(
        error(&pack(r#"{"preset": "nope", "actions": []}"#)).to_string(),
        "the link is damaged: unknown preset \"nope\""
    );
    let both = format!(
        r#"{{"preset": "seed", "scenario": {}, "actions": []}}"#,
        seed_scenario_json()
    );
    assert!(matches!(error(&pack(&both)), ShareError::NotJson(_)));
    // A scenario that is not a preset (edited) still travels whole.
    let mut custom = crate::support::local_scenario("ui-01-seed.json");
    custom.title = Some("My own".into());
    let mut s = Session::new(custom).unwrap();
    s.kubectl("kubectl scale deployment/test-deployment --replicas=2")
        .unwrap();
    let link = encode(&s, View::default()).unwrap();
    let (opened, _) = decode(&link).unwrap();
    assert_eq!(opened.scenario().title.as_deref(), Some("My own"));
    same_session(&s, &opened);
}

#[test]
fn a_session_no_link_could_reopen_is_refused_when_encoding() {
    let mut s = session("ui-01-seed.json");
    // A large manifest imported: its text would not fit in a link.
    let big = format!(
        "{}\n# {}\n",
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/manifests/nginx-deployment.yaml"
        ))
        .unwrap(),
        // 120,000 characters that deflate cannot shrink much (xorshift noise)
        (0..120_000u64)
            .scan(0x9e37_79b9_7f4a_7c15u64, |x, _| {
                *x ^= *x << 13;
                *x ^= *x >> 7;
                *x ^= *x << 17;
                Some(char::from(b'a' + (*x % 26) as u8))
            })
            .collect::<String>()
    );
    s.apply_file("big.yaml", &big).unwrap();
    assert!(matches!(
        encode(&s, View::default()),
        Err(ShareError::TooLong { .. })
    ));
}

#[test]
fn the_inflate_limit_and_damage_are_told_apart() {
    // A link may inflate to MAX_JSON_BYTES and not a byte more (a deflate bomb is refused before it is read).
    let at_limit = error(&pack(&" ".repeat(MAX_JSON_BYTES)));
    assert!(
        matches!(at_limit, ShareError::NotJson(_)),
        "read, and not JSON: {at_limit:?}"
    );
    assert_eq!(
        error(&pack(&" ".repeat(MAX_JSON_BYTES + 1))),
        ShareError::TooLarge
    );
    // Not deflate: block type 3 (0b111 = final, type 11) does not exist; a stream cut short.
    assert_eq!(error("s1.Bw"), ShareError::Corrupt);
    let link = pack(&seed_scenario_json());
    let cut = &link[..link.len() - 8];
    assert_eq!(error(cut), ShareError::Corrupt);
}

/// Links written by the build before share links used miniz_oxide (its own deflate encoder): every link
/// already shared or autosaved must keep opening to the same state. Each fixture is the link that build
/// wrote for the session `written` rebuilds.
mod links_already_written {
    use super::same_session;
    use crate::session::{play, session};
    use rollout_lab::kubectl::apply::edit_file;
    use rollout_lab::scenario::share::{decode, View};
    use rollout_lab::scenario::{Action, Session};

    /// The sessions, by the name of their fixture.
    fn written(name: &str) -> (Session, View) {
        let mut s;
        let mut view = View::default();
        match name {
            "seed opened" => s = session("ui-01-seed.json"),
            "seed rolled out" => {
                s = session("ui-01-seed.json");
                s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
                    .unwrap();
                play(&mut s);
                s.kubectl("kubectl rollout history deployment/test-deployment")
                    .unwrap();
            }
            "several actions" => {
                s = session("ui-01-seed.json");
                s.set(Action::PodStart { ms: 2500 }).unwrap();
                s.set(Action::ImageFails {
                    image: "test_web:v3".into(),
                    fails: true,
                })
                .unwrap();
                s.kubectl("kubectl scale deployment test-deployment --replicas=5")
                    .unwrap();
                for _ in 0..3 {
                    s.step().unwrap();
                }
                s.kubectl("kubectl set image deployment/test-deployment web=test_web:v3")
                    .unwrap();
                for _ in 0..10 {
                    s.step().unwrap();
                }
                s.kubectl("kubectl rollout undo deployment/test-deployment")
                    .unwrap();
                play(&mut s);
                s.kubectl("kubectl get pods").unwrap();
            }
            "an edit" => {
                s = session("ui-01-seed.json");
                let file = edit_file(s.cluster(), "test-deployment").unwrap();
                let edited = file
                    .replace("image: test_web:v1", "image: test_web:v2")
                    .replace("  replicas: 3", "  replicas: 4");
                s.edit("test-deployment", &file, &edited, None).unwrap();
                play(&mut s);
            }
            "presenter mode mid-rollout" => {
                s = session("ui-06-stuck.json");
                s.set(Action::PodStart { ms: 3500 }).unwrap();
                s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
                    .unwrap();
                for _ in 0..5 {
                    s.step().unwrap();
                }
                s.step_back().unwrap();
                view = View {
                    presenter: true,
                    clock_ms: Some(123_456),
                };
            }
            "an imported manifest in a scenario of its own" => {
                let mut custom = crate::support::local_scenario("ui-02-rollover.json");
                custom.title = Some("My own".into());
                s = Session::new(custom).unwrap();
                let manifest = std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/manifests/nginx-deployment.yaml"
                ))
                .unwrap();
                s.apply_file("nginx-deployment.yaml", &manifest).unwrap();
                play(&mut s);
            }
            _ => unreachable!("{name}"),
        }
        (s, view)
    }

    /// (name, link) as the build before miniz_oxide wrote them (`encode` at commit 1944e0d).
    const LINKS: [(&str, &str); 6] = [
        ("seed opened", "s1.q1ZKTC7JzM8rVrKKjtVRKihKLU4tUbJSKk5NTVGqBQA"),
        ("seed rolled out", "s1.q1ZKTC7JzM8rVrKKVsouTUpNLslRKE4tUcjMTUxPVUhJLcjJr8xNzSvRL0ktLtFF8BXKU5NsQWLxQIZVmZGSjrGlDtyEovycnPzSEoWMzOKS_KJKPOYoxeooFRSlAq1UslIqTk1NUaoFAA"),
        ("several actions", "s1.q1ZKTC7JzM8rVrKKrlYqyE8JLkksKvEFco1MDQxqdaqV0hIzc4DckqLSVB2lzNzE9FQlK6WS1OKS-PLUJKsyY6VaHaXs0qTU5JIcheLkxJxUhZTUgpz8ytzUvBIFkDpdJL6ubhGQk5mcWGxrqqRjjKQztUQBbDiSbn103UALbZFt1jE0QJhQlJ-Tk19aolCal5KPxxAlHSMjhKZ0oLVATxcrxeooFRSlAl0B9FxxamqKUi0A"),
        ("an edit", "s1.q1ZKTC7JzM8rVrKKrlZKTcksUbJSKkktLtFNSS3Iya_MTc0rUdJRyi_KTM_MS8wBSiorBOSkJhanKoAUK5RkpCrkJ2WlJpcoJKXm5JfrKfhk5qUWAzlA9XmZeekK5ZklGQqJCurK6kBmTg5QRiEzPS-_KDVFJyZPWSExLwWIFVJzC0oqFdIyc1IhqhKT8osgpoOs0VPwTAOrKirKL1LIT04uLSpWKM8AqS5OLAPZUpKRWYykPSkVZHZRan5Bal5qCsQNIMOKUnNSyxLzShTSEjNzSotSi_WA6mLyEgsyw1KLioHhYKWQWFBQrF9mGJOXnZmXYqXgAg-GmLzc1JLElMSSRKuYPAWgc_LySxLBYQfmKyggQkwvuzQptSgvFRiQepn5-kWpZZkQw2OUDGOUIKpBSpJLctCU5iQCgx7ohJzM1BTd5Py8tMz00iKwLVYKNRCNCgrVMUoIF8coWYG4EEcr6cQogdwNFkRyOkgc5nqgHNCAnERgfBVD2EDdYA1o8R6jVAvUlpeYm4pbtrggNRliSBFQJjM5EWSkMUgCGNLJJflFEMncxJLkDB-irASZWgJMDjmJJalQzWQ4HNVtwIAsSQSmyyKQvmigQGZuYjrCV_HlqUlW0NCDexcoBjQnthYIQOGeXJQKjoaQzFygjsTcAlBkGhkYmekaGAJRiIGBFRhFQeI3HZjuYPFmCBKAOBuaUoDutlJAdzRQBmQ5TonigsRkoGxKalpiaQ5YFJh-80uLklPhaReevEozgUk3KTU1ySIl0dDM1CI1NdnMPCYPFCJgJxQU5acDdRe7pCam5AADJjgVGEQpxVYKZgYGEJMhkWmlYAzhQhKwR2YxMEorfTJzM0uA_gIrhUU01GtIMW0FS6-4vFtcAgyi1PRKqMKi_BygW9JDC4CRnQrXnJtYEVxalA70uZGpKpJgaF5iGTATJyblIEuVVBYAuUHIJoEkYAkK5kjkjAwCOagOxu1koKNhYQgCiIQFF9JVACcuiG5YyoKbC5YLKM3JCcgHBnClFbBg88svCQDGBdwCEIAkBFAShAvBIhsYJ9W1COGS1KJcYMkMSmm-wAgFmZ5YkmGloJ-SWqaPJKmbk5-OVxfUPW7AMhSmLiWvGCbsnFNaDNTklllUDHdmESgjFJXAlDjmlCdWFsMki5MzUlNKc1KL_MBegaZaXbgwXF0qsDDPLKl0BoZkakUJsueQHOleBEz7AalFmfkp8KRqDEx-QAeUlELCHp4aglDTLkh1JqKY1lUAFbEhRYl5xZmw_Iw_KyuAdUDSEjGqcyEBilx1KGQkFisA_ZKZW5oLc2hmDtDXetCUD6xQQfnXF6IE5gNHmJegKQ_iWaD1IUWlqTDrICkeRSkd_Qh1anBqiQJGMaxrYZpskZScZJ5sFqMEDoLi0mRgAi5OA6b_SngZlJqCFgp-qeUIY0kIgwCogcCcDxLOTypOLSpLTXFHL4qB9qRUBqGXcChceNLLS0coBBd3peAwSkHRDmwggdLuaONotHE02jgaSY0jk9HGEcWNI6PRxtFo42i0cTQ0GkcmZDSOanWMzWJ1lApA2RjURipOTU1RqgUA"),
        ("presenter mode mid-rollout", "s1.q1ZKTC7JzM8rVrKKrlYqyE8JLkksKvEFco1NDQxqdZSyS5NSk0tyFIpTSxQycxPTUxVSUgty8itzU_NK9EtSi0t0EXyF8tQkW5BYPJBhVWakpGMSq6NUnJyal1iUma9kVa2UnFNaXJJaBGKmJWbmZOale4LMBNmuBNeYVJSfnZqnBNQKc09wanJ-XgpQlZGeAVQ0vwAuaAgSLE5NTVGyMgO6GOEekDWJBZlhqUXFQC8qWQE5BcX6ZYZKQG9l5gGVK7kg1Ooo5aaWJKYkliSCtOUkJqXmFEMMKAAqRPOpEtCevMTcVOwyxQWpySCtBUX56UWpxcUuqYkpQL-mwl1sDHRwEVBLZnIiiAdyfQ4wlPPBAZObWJKc4UPIfqA1Jam5BTmJJalgTaS4HcmJQAeVJAKdVgRJAOAYhmqBRCIosKA-BfKVamNra0H6oa4PTi2BaEwsA0ZnYlJOKtg72I1B8nEtKF3klxYlg1SBklhRXipQsT5QbXFmCXIa08tNUYhRcgOanpqigIiuGCUrhcQ8aIosyUgsUUhOzMvLL1FISlUoKM0BKrZWCIAGPzCVKZSUFuUVK7gl5hSnKpRnlmTAJWFx41qRDExBqSk6QNNSFUDBUpQPNKZIIS8VqBxIFySWFqcWK-TlFymAZIoVkhKTs60VSvNS8hVS8oFJGOijktQCSHBAcw3Qc6TnG2jyr9UBhmpKWWIeKIyMgWkcJJBaAYy3EmjEpWSWgJN1tRKST4FW4vKaEnq8VWPkOStDHZRIA8ZULchehH9Afs8vLVEoLkksKS3G5yld3XJQSrZNAwW6EnZTIKGH0wywLmAIloDSlZmBAQmB4JdaHgT3qyM8dRIRBAZYggCYXEsywa5QCi4pTc5WgHrACn86ygN7EGRpWWZqOaQAzE_OBhWvhkbGJqZmwMIMqBnoU1CZWFJUmlpbCwA"),
        ("an imported manifest in a scenario of its own", "s1.q1ZKTC7JzM8rVrKKBrILCnIqlayU8tIz8yp0U1ILcvIrc1PzSvQqE3NzlHSUSlIrSoDSiQWZYalFxUBtVgpALcX6ZYYxedmZeSlWCi5wPTF5uakliSmJJYlWMXkKCnmJualWCugGg2RyEpNSc4rBihRAxkFVxeQVF6Qmg4WLgOozkxOLrRSMQdzi1JzU5JL8IqiW3MSS5AwfZENQjVFQKEnNLchJLEmFaUB2FwjkoGpG1w60EeYSEEjOzytJzMwDBgBcSBfZewhjMnMT02GiVoZ6hiZ6RgjJgvyiEmQ7dREGBwClrBQsDGLylGp1zMxidZSKk1PzEosy85WsqpWSc0qLS1KLQMyC_JTgksSikuBUoN4UYBwa6xnoQETzC-CChiDB4tTUFCUro1odJUTog4xAxCU4YsGRCYxpUGwCBRDRCRSDhRtIGyTIIAYUYEkxQIcrgcIEhxQoQEGaYTGrZGUKciIkXkESSJGKz5JaUJqERC5YF0kuRHIHIk7B-QAccTA90JhTQvWQUm1sbS3ICKgXglNLoHmoLDETaHdOKthPOExC8nctKHrzS4uSQcqyS5NSi_JSS1KL9ctTk4ozS1IVkHJhbopCjFJQfk5OfllqkYJGYnaiQm5pTklmQU6qQmkB0OOpxQqZebppOZnpGSWaMUpWCiUZqeBkVQTUBNSSkg9UkZdfolCemFmikJZfBFaQlllUXKIAUpJfWmINFgoKVsgEqSpWKE5OzMnMSwear5AETFC5QAPy81IVcvOLUhXyc1KAKoHeAabHAojvQR5ILskBeqU4tQSSAZB8oI8eCZC8YQsPHTM9Q2DyAAZiSlliHihETPQMQHwKjTXXMwAbC9RcAooYMwMDiLmpFcAEUIKUEiHRWI0aX1bA_IPiRBQBkOHAaARFalkmJCMZ14JitSQTbJmSb6VCfjkwK9cCAA"),
    ];

    #[test]
    fn links_written_by_the_earlier_build_open_to_the_same_state() {
        for (name, link) in LINKS {
            let (s, view) = written(name);
            let (opened, opened_view) = decode(link).unwrap_or_else(|e| panic!("{name}: {e}"));
            same_session(&s, &opened);
            assert_eq!(opened_view, view, "{name}");
            assert_eq!(opened.scenario().title, s.scenario().title, "{name}");
        }
    }
}

#[test]
fn a_command_typed_while_playing_runs_at_the_time_shown_and_its_link_keeps_that_time() {
    use rollout_lab::api::Time;
    let mut s = session("ui-01-seed.json");
    s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
        .unwrap();
    play(&mut s);
    // Play went on showing the clock 5 s past the last change, then a command was typed.
    let last_change = s.cluster().now().0;
    s.wait_until(Time(last_change + 5_000)).unwrap();
    assert_eq!(s.cluster().now().0, last_change + 5_000);
    // Waiting again to the same time, or to an earlier one, logs nothing.
    let logged = s.history().len();
    s.wait_until(Time(last_change)).unwrap();
    assert_eq!(s.history().len(), logged);
    let out = s.kubectl("kubectl get rs").unwrap();
    let age = format!("{}s", (last_change + 5_000) / 1000);
    assert!(
        out.stdout
            .lines()
            .nth(1)
            .is_some_and(|row| row.ends_with(&age)),
        "ages count to {age}:\n{}",
        out.stdout
    );
    // A Wait is not a decision: the Story and Step back skip it.
    assert!(!s.decisions().contains(&logged));
    let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
    same_session(&s, &opened);
    // A wait beyond the clock's range is refused, not replayed.
    let far = pack(r#"{"actions":[{"waitUntilMs":9223372036854775807},5],"preset":"seed"}"#);
    assert!(
        matches!(error(&far), ShareError::BadAction { .. }),
        "{:?}",
        error(&far)
    );
}

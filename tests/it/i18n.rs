//! The UI languages (i18n): choice from the browser, the catalogue, explanations.

use rollout_lab::i18n::{Lang, Msg};
use rollout_lab::sim::why::{Fencepost, Why};

#[test]
fn the_browsers_first_known_language_wins_and_english_is_the_default() {
    assert_eq!(Lang::from_tags(["zh-CN", "en"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["fr-FR", "zh_TW", "en"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["de", "en-GB", "zh"]), Lang::En);
    assert_eq!(Lang::from_tags(["ZH-Hans-SG"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["fr", ""]), Lang::En);
    assert_eq!(
        Lang::from_tags([Lang::Zh.tag()]),
        Lang::Zh,
        "the saved tag reads back"
    );
    assert_eq!(Lang::Zh.say(Msg::StepBack), "后退一步");
    assert_eq!(Lang::En.say(Msg::StepBack), "Step back");
    // Revisions are named with their image (the stage issue): "rev 2 · test_web:v2".
    assert_eq!(
        Lang::Zh.say(Msg::Revision {
            revision: "2",
            image: "test_web:v2"
        }),
        "版本 2 · test_web:v2"
    );
    assert_eq!(
        Lang::En.say(Msg::Revision {
            revision: "2",
            image: "test_web:v2"
        }),
        "rev 2 · test_web:v2"
    );
    assert_eq!(
        Lang::En.say(Msg::LaneName {
            name: "web-6f9d",
            revision: "2",
            image: "test_web:v2"
        }),
        "ReplicaSet web-6f9d (revision 2, test_web:v2)"
    );
}

/// Every preset's title has its Chinese (the Scenario menu shows them).
#[test]
fn every_preset_title_has_a_translation() {
    use rollout_lab::scenario::presets::PRESETS;
    for preset in PRESETS {
        assert_eq!(Lang::En.say(Msg::Preset(preset)), preset.title);
        assert_ne!(
            Lang::Zh.say(Msg::Preset(preset)),
            preset.title,
            "no Chinese title for preset {}",
            preset.id
        );
    }
}

#[test]
fn rounding_is_spelled_out() {
    let say = |spec, round_up| Lang::En.say(Msg::Fencepost { spec, round_up });
    assert_eq!(
        say(Fencepost::Percent { percent: 25, of: 3 }, true),
        "25% of 3 = 0.75, rounded up to 1"
    );
    assert_eq!(
        say(Fencepost::Percent { percent: 25, of: 3 }, false),
        "25% of 3 = 0.75, rounded down to 0"
    );
    assert_eq!(
        say(Fencepost::Percent { percent: 50, of: 4 }, false),
        "50% of 4 = 2, rounded down to 2"
    );
    assert_eq!(say(Fencepost::Int(2), true), "2, as given");
}

#[test]
fn why_explains_in_chinese_with_the_same_numbers() {
    let why = Why::ScaleUp {
        replicas: 3,
        surge: 1,
        surge_spec: Fencepost::Percent { percent: 25, of: 3 },
        current: 3,
        from: 0,
        to: 1,
    };
    assert_eq!(
        Lang::Zh.say(Msg::Why(&why)),
        "扩容：maxSurge = 1（3 的 25% = 0.75，向上取整为 1），所以最多可有 replicas + maxSurge = 3 + 1 = 4 个 Pod。各 ReplicaSet 共要求 3 个，所以新 ReplicaSet 增加 min(4 − 3, 3 − 0) = 1 个，从 0 到 1。"
    );
    assert_eq!(
        Lang::En.say(Msg::Why(&why)),
        "Scale up: maxSurge = 1 (25% of 3 = 0.75, rounded up to 1), so at most replicas + maxSurge = 3 + 1 = 4 pods may exist. The ReplicaSets ask for 3, so the new ReplicaSet grows by min(4 − 3, 3 − 0) = 1, from 0 to 1."
    );
}

/// maxUnavailable is raised to 1 only when both fenceposts resolve to 0.
#[test]
fn a_raised_max_unavailable_says_why() {
    let why = |raised_to_one| Why::ScaleDownOld {
        replicas: 4,
        max_unavailable: 1,
        unavailable_spec: Fencepost::Percent { percent: 10, of: 4 },
        raised_to_one,
        available: 4,
        budget: 1,
    };
    assert_eq!(
        Lang::En.say(Msg::Why(&why(true))),
        "Scale down: maxUnavailable = 1 (10% of 4 = 0.4, rounded down to 0; maxSurge is 0 too, and both 0 would block the rollout, so maxUnavailable becomes 1), so minAvailable = replicas − maxUnavailable = 4 − 1 = 3. 4 pods are available, so 1 old pod may go now, oldest ReplicaSet first."
    );
    assert!(!Lang::En.say(Msg::Why(&why(false))).contains("block"));
}

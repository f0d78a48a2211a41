//! The UI languages (i18n): choice from the browser, lookups, explanations.

use rollout_lab::i18n::Lang;

#[test]
fn the_browsers_first_known_language_wins_and_english_is_the_default() {
    assert_eq!(Lang::from_tags(["zh-CN", "en"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["fr-FR", "zh_TW", "en"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["de", "en-GB", "zh"]), Lang::En);
    assert_eq!(Lang::from_tags(["ZH-Hans-SG"]), Lang::Zh);
    assert_eq!(Lang::from_tags(["fr", ""]), Lang::En);
    assert_eq!(Lang::from_tags([Lang::Zh.tag()]), Lang::Zh, "the saved tag reads back");
    assert_eq!(Lang::Zh.t("Step back"), "后退一步");
    assert_eq!(Lang::En.t("Step back"), "Step back");
    assert_eq!(Lang::Zh.t("not in the table"), "not in the table", "falls back to English");
}

#[test]
fn why_explains_in_chinese_with_the_same_numbers() {
    use rollout_lab::sim::why::{Fencepost, Why};
    let why = Why::ScaleUp { replicas: 3, surge: 1, surge_spec: Fencepost::Percent { percent: 25, of: 3 }, current: 3, from: 0, to: 1 };
    assert_eq!(
        why.explain(Lang::Zh),
        "扩容：maxSurge = 1（3 的 25% = 0.75，向上取整为 1），所以最多可有 replicas + maxSurge = 3 + 1 = 4 个 Pod。各 ReplicaSet 共要求 3 个，所以新 ReplicaSet 增加 min(4 − 3, 3 − 0) = 1 个，从 0 到 1。"
    );
    assert_eq!(why.explain(Lang::En), why.to_string());
}

//! kubectl's YAML (kubectl::yaml): manifests in, `get -o yaml` out.

use proptest::prelude::*;
use rollout_lab::kubectl::yaml::YamlError;
use serde_json::{json, Value};

use rollout_lab::kubectl::yaml::{parse_documents, to_yaml};

fn one(text: &str) -> Value {
    let mut docs = parse_documents(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(docs.len(), 1, "{text}");
    docs.remove(0)
}

fn error(text: &str) -> String {
    parse_documents(text).expect_err("a YAML error").to_string()
}

#[test]
fn the_kubernetes_docs_nginx_deployment_reads_as_its_json() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/manifests/nginx-deployment.yaml"
    ))
    .unwrap();
    assert_eq!(
        one(&text),
        json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "nginx-deployment", "labels": {"app": "nginx"}},
            "spec": {
                "replicas": 3,
                "selector": {"matchLabels": {"app": "nginx"}},
                "template": {
                    "metadata": {"labels": {"app": "nginx"}},
                    "spec": {"containers": [{"name": "nginx", "image": "nginx:1.14.2", "ports": [{"containerPort": 80}]}]}
                }
            }
        })
    );
}

#[test]
fn scalars_resolve_as_go_yaml_v2_does() {
    let v = one("a: yes\nb: off\nc: y\nd: ~\ne: 0777\nf: 0x1F\ng: 1_000\nh: 1.5\ni: -3\nj: '3'\nk: \"x\\ty\"\nl: 10Mi\nm: 2026-01-01\no: \nn: 1\nhttp://x: 1\n'it''s': [1, two, {k: v}]\n");
    assert_eq!(
        v,
        json!({"a": true, "b": false, "c": true, "d": null, "e": 511, "f": 31, "g": 1000, "h": 1.5, "i": -3,
               "j": "3", "k": "x\ty", "l": "10Mi", "m": "2026-01-01", "o": null, "false": 1, "http://x": 1, "it's": [1, "two", {"k": "v"}]})
    );
    // Non-string keys become their text, as sigs.k8s.io/yaml writes them.
    assert_eq!(one("1: a\ntrue: b\n"), json!({"1": "a", "true": "b"}));
}

#[test]
fn comments_documents_block_scalars_and_indented_sequences() {
    let text = "# a comment\n---\nkind: A # trailing\nlist:\n  - a\n  -   b\nlit: |\n  one\n    two\n\n  three\nfold: >-\n  a\n  b\n\n  c\nmsg: ReplicaSet \"x\" has successfully\n  progressed.\nurl: \"a # not a comment\"\n...\n---\n- - 1\n  - 2\n- {a: [x, w, y], 'b': \"q\"}\n";
    let docs = parse_documents(text).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0],
        json!({"kind": "A", "list": ["a", "b"], "lit": "one\n  two\n\nthree\n", "fold": "a b\nc",
               "msg": "ReplicaSet \"x\" has successfully progressed.", "url": "a # not a comment"})
    );
    assert_eq!(docs[1], json!([[1, 2], {"a": ["x", "w", true], "b": "q"}]));
    assert_eq!(parse_documents("").unwrap(), Vec::<Value>::new());
    assert_eq!(
        parse_documents("---\n# nothing\n---\n").unwrap(),
        Vec::<Value>::new()
    );
}

#[test]
fn syntax_errors_have_go_yamls_words_and_lines() {
    assert_eq!(
        error("a: 1\n\tb: 2\n"),
        "yaml: line 2: found character that cannot start any token"
    );
    assert_eq!(
        error("a: b: c\n"),
        "yaml: line 1: mapping values are not allowed in this context"
    );
    assert_eq!(
        error("a: 1\n  b: 2\n"),
        "yaml: line 2: mapping values are not allowed in this context"
    );
    assert_eq!(
        error("a: \"open\n"),
        "yaml: line 1: found unexpected end of stream"
    );
    assert_eq!(
        error("a: [1, 2\n"),
        "yaml: line 1: did not find expected ',' or ']'"
    );
    assert_eq!(
        error("a: 1\na: 2\n"),
        "yaml: line 2: unmarshal errors:\n  line 2: key \"a\" already set in map"
    );
    assert_eq!(
        error("a: &x 1\n"),
        "yaml: line 1: anchors, aliases and tags are not supported by Rollout Lab"
    );
    assert_eq!(
        error("spec:\n  a: 1\n b: 2\n"),
        "yaml: line 3: did not find expected key"
    );
    let deep = "[".repeat(500) + &"]".repeat(500);
    assert_eq!(error(&deep), "yaml: line 1: exceeded max depth");
}

#[test]
fn output_is_kubectl_get_o_yaml_style() {
    let v = json!({
        "metadata": {"name": "web", "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
                     "annotations": {"deployment.kubernetes.io/revision": "1",
                                     "kubectl.kubernetes.io/last-applied-configuration": "{\"a\":1}\n"}},
        "spec": {"replicas": 3, "paused": true, "template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.0", "ports": [], "resources": {}}]}}},
        "status": {"conditions": [{"message": "ReplicaSet \"web-5d4f8f8c7b\" has successfully progressed and this line is long.", "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"}],
                   "empty": "", "star": "*", "colon": "a: b", "yes": "yes", "null": null}
    });
    let text = to_yaml(&v);
    assert_eq!(
        text,
        r#"metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"a":1}
  creationTimestamp: "2026-01-01T00:00:00Z"
  generation: 1
  name: web
spec:
  paused: true
  replicas: 3
  template:
    spec:
      containers:
      - image: nginx:1.0
        name: web
        ports: []
        resources: {}
status:
  colon: 'a: b'
  conditions:
  - message: ReplicaSet "web-5d4f8f8c7b" has successfully progressed and this line
      is long.
    reason: NewReplicaSetAvailable
    status: "True"
    type: Progressing
  empty: ""
  "null": null
  star: '*'
  "yes": "yes"
"#
    );
    assert_eq!(one(&text), v, "reads back as the same JSON");
}

/// JSON values whose YAML round-trips: what `get -o yaml | apply -f` relies on.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[ -~]{0,30}".prop_map(Value::String),
        "[a-z0-9:#'\" -]{0,12}\n?[a-z ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-zA-Z0-9./_-]{1,12}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn output_reads_back_as_the_same_json(v in json_value()) {
        let text = to_yaml(&v);
        let docs = parse_documents(&text).map_err(|e: YamlError| TestCaseError::fail(format!("{e}\n{text}")))?;
        let back = docs.into_iter().next().unwrap_or(Value::Null);
        prop_assert_eq!(back, v, "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,300}") {
        let _ = parse_documents(&text);
    }

    #[test]
    fn yaml_token_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("- "), Just(": "), Just("\n"), Just("  "), Just("|"), Just(">-"), Just("["), Just("]"), Just("{"), Just("}"),
        Just(","), Just("'"), Just("\""), Just("#"), Just("---\n"), Just("key"), Just("\\"), Just("\t"), Just("&a"), Just("?"),
    ], 0..60)) {
        let _ = parse_documents(&parts.concat());
    }
}

#[test]
fn kubectl_get_o_yaml_prints_the_deployment_as_kubectl_does() {
    let mut s = crate::session::session("ui-01-seed.json");
    let out = s
        .kubectl("kubectl get deployment test-deployment -o yaml")
        .unwrap();
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(text.starts_with("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    deployment.kubernetes.io/revision: \"1\"\n"), "{text}");
    assert!(text.contains("\n  creationTimestamp: \""), "{text}");
    assert!(
        text.contains("\n      containers:\n      - image: test_web:v1\n"),
        "{text}"
    );
    assert!(
        text.contains("\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n"),
        "{text}"
    );
    // It is the same object as -o json.
    let json = s
        .kubectl("kubectl get deployment test-deployment -o json")
        .unwrap()
        .stdout;
    assert_eq!(one(&text), serde_json::from_str::<Value>(&json).unwrap());
    let rs = s.kubectl("kubectl get rs -o yaml").unwrap().stdout;
    assert!(
        rs.starts_with("apiVersion: apps/v1\nkind: ReplicaSet\n"),
        "{rs}"
    );
    let bad = s.kubectl("kubectl get deploy -o yml").unwrap();
    assert_eq!(bad.stderr, "error: unable to match a printer suitable for the output format \"yml\", allowed formats are: json,name,wide,yaml\n");
}

#[test]
fn integers_follow_gos_parse_int_and_whole_floats_become_integers() {
    let v = one("a: -0x-8000000000000000\nb: 0x+5\nc: 0-1\nd: 0o17\ne: -0x8000000000000000\nf: 1.0\ng: 1e1\nh: 08\ni: 0b101\nj: 1.5\nk: 99999999999999999999\n");
    assert_eq!(v["a"], json!("-0x-8000000000000000"));
    assert_eq!(v["b"], json!("0x+5"));
    assert_eq!(v["c"], json!("0-1"));
    assert_eq!(v["d"], json!(15));
    assert_eq!(v["e"], json!(i64::MIN));
    assert_eq!(
        (
            v["f"].clone(),
            v["g"].clone(),
            v["h"].clone(),
            v["i"].clone()
        ),
        (json!(1), json!(10), json!(8), json!(5))
    );
    assert_eq!(v["j"], json!(1.5));
    assert!(v["k"].is_number(), "{}", v["k"]);
}

#[test]
fn only_space_and_tab_are_white_space_and_a_bom_is_skipped() {
    assert_eq!(
        one("d: \"\u{a0}x\u{3000}\"\n"),
        json!({"d": "\u{a0}x\u{3000}"})
    );
    assert_eq!(one("e: \u{a0}x\n"), json!({"e": "\u{a0}x"}));
    assert_eq!(one("\u{feff}apiVersion: v1\n"), json!({"apiVersion": "v1"}));
    assert_eq!(one("a:\tb\n"), json!({"a": "b"}));
    let v = json!({"nbsp": "\u{a0}x", "ideographic": "x\u{3000}"});
    assert_eq!(one(&to_yaml(&v)), v);
}

#[test]
fn plain_scalars_fold_blank_lines_and_flow_lists_take_apostrophes() {
    assert_eq!(
        one("a: one\n  two\n\n  three\nb: 1\n"),
        json!({"a": "one two\nthree", "b": 1})
    );
    assert_eq!(
        one("args: [it's, x, 'q''s']\n"),
        json!({"args": ["it's", "x", "q's"]})
    );
    let long = format!("a: [\n{}]\n", "1,\n".repeat(5000));
    assert_eq!(one(&long)["a"].as_array().unwrap().len(), 5000);
}

#[test]
fn sexagesimal_looking_strings_are_quoted_as_yaml_v2_does() {
    assert_eq!(
        to_yaml(&json!({"t": "1:20", "u": "-190:20:30.15", "v": "10:70", "w": "a:1"})),
        "t: \"1:20\"\nu: \"-190:20:30.15\"\nv: 10:70\nw: a:1\n"
    );
}

#[test]
fn quoted_scalars_may_go_on_over_several_lines() {
    let v = one("a: \"one # not a comment\n  two\n\n  three\" # a comment\nb: 'x\n  y'\nc: 1\n");
    assert_eq!(
        v,
        json!({"a": "one # not a comment two\nthree", "b": "x y", "c": 1})
    );
    assert_eq!(
        error("a: \"never closed\n  b: 1\n"),
        "yaml: line 1: found unexpected end of stream"
    );
}

// The layer over saphyr-parser: what go-yaml reads that YAML 1.2 does not,
// and errors that always name a line of the text.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn go_yaml_layouts_read_as_their_tidy_form(
        first in "[a-z][a-z0-9]{0,5}",
        items in proptest::collection::vec("[a-z0-9]{1,6}", 1..8),
        indent in 0usize..3,
    ) {
        // `key:<TAB>value`, and a flow list whose lines are less indented than its key.
        let pad = " ".repeat(indent);
        let loose = format!("top:\n{pad}  a:\t{first}\n{pad}  b: [\n{}]\n", items.join(",\n"));
        let tidy = format!("top:\n{pad}  a: {first}\n{pad}  b: [{}]\n", items.join(", "));
        let read = parse_documents(&loose).map_err(|e| TestCaseError::fail(format!("{e}\n{loose}")))?;
        prop_assert_eq!(read, parse_documents(&tidy).unwrap(), "{}", loose);
    }

    #[test]
    fn errors_name_a_line_of_the_text(at in 0usize..400, len in 0usize..6, junk in "(?s).{0,8}") {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/manifests/nginx-deployment.yaml")).unwrap();
        let at = at.min(text.len());
        let end = (at + len).min(text.len());
        prop_assume!(text.is_char_boundary(at) && text.is_char_boundary(end));
        let damaged = format!("{}{}{}", &text[..at], junk, &text[end..]);
        if let Err(e) = rollout_lab::kubectl::yaml::parse_documents(&damaged) {
            let lines = damaged.replace("\r\n", "\n").split(['\n', '\r']).count();
            prop_assert!((1..=lines).contains(&e.line) && !e.message.is_empty(), "{e}\n{damaged}");
        }
    }
}

#[test]
fn block_nesting_past_the_depth_cap_is_an_error_not_a_stack_overflow() {
    assert_eq!(
        error(&"- ".repeat(5000)),
        "yaml: line 1: exceeded max depth"
    );
    let keys: String = (0..300)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    assert_eq!(error(&keys), "yaml: line 101: exceeded max depth");
}

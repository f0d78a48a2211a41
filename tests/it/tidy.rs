//! Architecture rules, checked on the source tree (rust-analyzer's tidy):
//! the sans-IO core has no web, process or clock dependencies, output order
//! never depends on hashing, every module says what it is for.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Source without comments, so doc text may mention what code may not use.
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(src())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

fn in_core(rel: &str) -> bool {
    ["api", "sim", "kubectl", "scenario"]
        .iter()
        .any(|m| rel == format!("{m}.rs") || rel.starts_with(&format!("{m}/")))
}

#[test]
fn every_module_starts_with_a_doc_line() {
    for path in rust_files(&src()) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must open with a //! line saying what it is for",
            relative(&path)
        );
    }
}

#[test]
fn the_core_has_no_web_process_or_clock_dependencies() {
    let banned = [
        "leptos",
        "web_sys",
        "wasm_bindgen",
        "gloo",
        "std::fs",
        "std::process",
        "std::io",
        "std::env",
        "Instant::now",
        "SystemTime",
        "std::thread",
    ];
    for path in rust_files(&src())
        .into_iter()
        .filter(|p| in_core(&relative(p)))
    {
        let code = code_of(&path);
        for word in banned {
            assert!(
                !code.contains(word),
                "{} uses {word}: api, sim, kubectl and scenario are sans-IO",
                relative(&path)
            );
        }
    }
}

#[test]
fn no_hash_map_where_order_could_show() {
    for path in rust_files(&src())
        .into_iter()
        .filter(|p| in_core(&relative(p)))
    {
        let code = code_of(&path);
        assert!(
            !code.contains("HashMap") && !code.contains("HashSet"),
            "{}: use BTreeMap/BTreeSet/Vec (deterministic order)",
            relative(&path)
        );
    }
}

#[test]
fn only_the_ui_touches_the_dom_and_only_cli_does_process_io() {
    for path in rust_files(&src()) {
        let rel = relative(&path);
        let code = code_of(&path);
        if !(rel == "ui.rs" || rel.starts_with("ui/") || rel == "main.rs") {
            assert!(
                !code.contains("web_sys") && !code.contains("leptos"),
                "{rel} touches the DOM"
            );
        }
        // main.rs: the web entry point, whose native stub exits with a hint.
        if !(rel == "cli.rs" || rel.starts_with("bin/") || rel == "bench.rs" || rel == "main.rs") {
            assert!(
                !code.contains("std::process") && !code.contains("std::fs"),
                "{rel} does process or file I/O"
            );
        }
    }
}

#[test]
fn no_should_panic_or_ignored_tests() {
    let tests = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    for path in rust_files(&src())
        .into_iter()
        .chain(rust_files(&tests))
        .filter(|p| !p.ends_with("tidy.rs"))
    {
        let code = code_of(&path);
        for word in ["#[should_panic", "#[ignore"] {
            assert!(
                !code.contains(word),
                "{} has {word}: assert the behaviour instead",
                path.display()
            );
        }
    }
}

/// Strings users see are quoted as Go's `%q` quotes them (`text::quoted`),
/// never with Rust's `{:?}`, which escapes differently (`\u{1b}` for `\x1b`).
/// Native-only code (cli, bench) and tests may.
#[test]
fn quoting_is_go_quoting() {
    let mut found = Vec::new();
    for path in rust_files(&src()) {
        let rel = relative(&path);
        if rel == "cli.rs" || rel == "bench.rs" || rel.starts_with("bin/") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests at the end of a file are not what users see.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim_start().starts_with("//"))
        {
            if line.contains(":?}") || line.contains(":#?}") {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use crate::text::quoted:\n{}",
        found.join("\n")
    );
}

//! Every conformance scenario passes through the runner: the shared ones
//! (upstream test tables and documented traces) and this repository's own.

use crate::support::{json_files, local_scenarios_dir, shared_conformance_dir};
use rollout_lab::scenario;

fn failures_in(dir: &std::path::Path) -> (usize, Vec<String>) {
    let files = json_files(dir);
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let scenario = match scenario::load(&text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: invalid scenario: {e}"));
                continue;
            }
        };
        match scenario::run_scenario(&scenario) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(report) => {
                for step in report
                    .steps
                    .iter()
                    .filter(|s| s.expect.as_ref().is_some_and(|e| !e.ok))
                {
                    failures.push(format!(
                        "{name}: steps[{}]: {}",
                        step.index,
                        step.expect.as_ref().unwrap().failures.join("; ")
                    ));
                }
            }
        }
    }
    (files.len(), failures)
}

#[test]
fn every_shared_conformance_scenario_passes() {
    let dir = shared_conformance_dir();
    let (count, failures) = failures_in(&dir);
    assert!(count > 0, "no scenarios found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {count} shared scenarios failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_local_scenario_passes() {
    let (_, failures) = failures_in(&local_scenarios_dir());
    assert!(
        failures.is_empty(),
        "local scenarios failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_same_scenario_twice_gives_byte_identical_output() {
    for path in json_files(&shared_conformance_dir())
        .iter()
        .chain(json_files(&local_scenarios_dir()).iter())
    {
        let text = std::fs::read_to_string(path).unwrap();
        let Ok(s) = scenario::load(&text) else {
            continue;
        };
        let a = scenario::run_scenario(&s).map(|r| r.to_text());
        let b = scenario::run_scenario(&s).map(|r| r.to_text());
        assert_eq!(a, b, "{} is not deterministic", path.display());
    }
}

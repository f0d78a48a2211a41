//! The native runner's command line: `rollout run SCENARIO.json [--check]`
//! and `rollout bench`. The only module that touches the process, stdio
//! and the file system (std only, so it compiles for every target).

use crate::scenario::{self, run::RunError};
use std::io::Write;

const USAGE: &str = "Usage:
  rollout run SCENARIO.json [--check]   run a scenario, print the result document
  rollout bench [--quick]               time full rollouts of large Deployments
  rollout bench --case N:SURGE:UNAVAIL  time one (e.g. 10000:25%:25%)

Exit codes: 0 ran (with --check: every expect held), 1 an expect failed, 2 invalid scenario or usage.
";

/// Runs the command line and returns the process exit code (never panics out).
pub fn main(args: Vec<String>) -> i32 {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let result = std::panic::catch_unwind(|| dispatch(&args));
    match result {
        Ok(Ok(CliOutput { out, err, code })) => {
            let _ = stdout.write_all(out.as_bytes());
            let _ = stderr.write_all(err.as_bytes());
            code
        }
        Ok(Err(usage)) => {
            let _ = writeln!(stderr, "{usage}\n{USAGE}");
            2
        }
        Err(_) => {
            let _ = writeln!(stderr, "rollout: internal error (a bug): the simulator panicked; please report the scenario");
            1
        }
    }
}

struct CliOutput {
    out: String,
    err: String,
    code: i32,
}

fn dispatch(args: &[String]) -> Result<CliOutput, String> {
    let words: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    match words.as_slice() {
        ["run", rest @ ..] => {
            let check = rest.contains(&"--check");
            let files: Vec<&&str> = rest.iter().filter(|w| **w != "--check").collect();
            if let Some(flag) = files.iter().find(|w| w.starts_with('-')) {
                return Err(format!("rollout run: unknown flag {flag}"));
            }
            match files.as_slice() {
                [path] => Ok(run_file(path, check)),
                _ => Err("rollout run: exactly one SCENARIO.json is required".into()),
            }
        }
        ["bench", "--case", case] => crate::bench::run_case(case).map(|out| CliOutput {
            out,
            err: String::new(),
            code: 0,
        }),
        ["bench", rest @ ..] => Ok(CliOutput {
            out: crate::bench::run(rest.contains(&"--quick")),
            err: String::new(),
            code: 0,
        }),
        ["--help" | "-h" | "help"] => Ok(CliOutput {
            out: USAGE.into(),
            err: String::new(),
            code: 0,
        }),
        [] => Err("rollout: a command is required".into()),
        [other, ..] => Err(format!("rollout: unknown command {other:?}")),
    }
}

fn run_file(path: &str, check: bool) -> CliOutput {
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return invalid(format!("{path}: not UTF-8 text")),
        },
        Err(e) => return invalid(format!("{path}: cannot read: {e}")),
    };
    let scenario = match scenario::load(&text) {
        Ok(s) => s,
        Err(e) => return invalid(format!("{path}: {e}")),
    };
    match scenario::run_scenario(&scenario) {
        Ok(report) => {
            let failed = check && !report.all_expectations_held();
            let err = if failed {
                report
                    .steps
                    .iter()
                    .filter_map(|s| {
                        s.expect
                            .as_ref()
                            .filter(|e| !e.ok)
                            .map(|e| format!("steps[{}]: {}\n", s.index, e.failures.join("; ")))
                    })
                    .collect()
            } else {
                String::new()
            };
            CliOutput {
                out: report.to_text(),
                err,
                code: i32::from(failed),
            }
        }
        Err(RunError::Invalid(e)) => invalid(format!("{path}: {e}")),
        Err(e @ RunError::Simulation { .. }) => CliOutput {
            out: String::new(),
            err: format!("{path}: {e}\n"),
            code: 1,
        },
    }
}

fn invalid(message: String) -> CliOutput {
    CliOutput {
        out: String::new(),
        err: message + "\n",
        code: 2,
    }
}

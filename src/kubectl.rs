//! kubectl emulation: the same command lines, outputs and errors as the
//! real kubectl, over the simulated cluster. The console, the UI's buttons
//! and the scenario runner all go through `run`.

pub mod apply;
pub mod args;
pub mod complete;
pub mod cordon;
pub mod delete;
pub mod describe;
pub mod describe_container;
pub mod describe_pod;
pub mod dry_run;
pub mod get;
pub mod printers;
pub mod rollout;
pub mod scale;
pub mod set_image;
pub mod words;
pub mod yaml;

use crate::api::Deployment;
use crate::sim::{ApiError, Cluster};
use crate::text::quoted;
use std::fmt;

/// What a kubectl invocation printed, and its exit code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

impl Output {
    pub fn ok(stdout: impl Into<String>) -> Output {
        Output {
            stdout: stdout.into(),
            ..Default::default()
        }
    }

    /// Output that ends in a failure (earlier stdout lines are kept).
    pub fn failed(stdout: String, failure: Failure) -> Output {
        let mut stderr = failure.0;
        stderr.push('\n');
        Output {
            stdout,
            stderr,
            exit_code: 1,
        }
    }
}

/// A kubectl failure: the stderr text (without the final newline).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure(pub String);

impl Failure {
    /// `error: MESSAGE`, as cmdutil.CheckErr prints most errors.
    pub fn error(message: impl fmt::Display) -> Failure {
        Failure(format!("error: {message}"))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<ApiError> for Failure {
    /// API status errors keep their own standard text (no `error: ` prefix).
    fn from(e: ApiError) -> Failure {
        match e {
            ApiError::Controller(m) => Failure::error(m),
            other => Failure(other.to_string()),
        }
    }
}

/// The top-level commands, for "unknown command" suggestions and completion.
pub const COMMANDS: &[&str] = &[
    "annotate", "apply", "cordon", "create", "delete", "describe", "edit", "get", "patch",
    "rollout", "scale", "set", "uncordon",
];

/// Runs one kubectl command line (with or without the leading `kubectl`).
pub fn run(c: &mut Cluster, line: &str) -> Output {
    let words = match words::split_words(line) {
        Ok(w) => w,
        Err(words::UnterminatedQuote(q)) => {
            return Output::failed(
                String::new(),
                Failure::error(format!("unterminated {q} quote in the command line")),
            )
        }
    };
    let words: &[String] = match words.first() {
        Some(first) if first == "kubectl" => &words[1..],
        _ => &words,
    };
    if words.is_empty() {
        return Output::ok(HELP);
    }
    if writes(words) {
        return match dry_run::take_flag(words) {
            Ok((words, dry_run::DryRun::None)) => run_words(c, &words),
            Ok((words, strategy)) => run_dry(c, &words, strategy),
            Err(f) => Output::failed(String::new(), f),
        };
    }
    run_words(c, words)
}

/// Whether a command takes `--dry-run` (cmdutil.AddDryRunFlag): not `edit`
/// or `rollout pause|resume|restart`, which answer `unknown flag: --dry-run`.
fn writes(words: &[String]) -> bool {
    match words.first().map(String::as_str) {
        Some(
            "set" | "scale" | "annotate" | "create" | "apply" | "patch" | "delete" | "cordon"
            | "uncordon",
        ) => true,
        Some("rollout") => words.get(1).is_some_and(|w| w == "undo"),
        _ => false,
    }
}

/// A dry run: the command against a copy of the cluster, which is then
/// dropped; `rollout undo --dry-run=client` prints the template instead.
fn run_dry(c: &Cluster, words: &[String], strategy: dry_run::DryRun) -> Output {
    if strategy == dry_run::DryRun::Client
        && words.first().is_some_and(|w| w == "rollout")
        && words.get(1).is_some_and(|w| w == "undo")
    {
        return rollout::undo_dry_run_client(c, &words[2..]);
    }
    let mut scratch = c.clone();
    let rest = &words[1..];
    let threaded = match words.first().map(String::as_str) {
        Some("delete") => Some(delete::run(&mut scratch, rest, strategy)),
        Some(verb @ ("cordon" | "uncordon")) => {
            Some(cordon::run(&mut scratch, rest, verb == "cordon", strategy))
        }
        _ => None,
    };
    if let Some(result) = threaded {
        return result.unwrap_or_else(|f| Output::failed(String::new(), f));
    }
    let mut out = run_words(&mut scratch, words);
    // `kubectl patch` sets its printer's operation after the dry-run suffix
    // was added to it, so its output says only "patched" (patch.go).
    if words.first().is_some_and(|w| w != "patch") {
        out.stdout = dry_run::mark_printed(&out.stdout, strategy);
    }
    out
}

/// A command line as a `$ kubectl` prompt shows it: without the `kubectl`
/// word a user may type first (it runs the same: `run` drops it).
pub fn shown_line(line: &str) -> &str {
    let line = line.trim_start();
    line.strip_prefix("kubectl")
        .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        .map_or(line, str::trim_start)
}

/// The Kubernetes release the lab is: kubectl's client, the API server and
/// the nodes' kubelets all report it (`version`, `get nodes`).
pub const KUBERNETES_VERSION: &str = "v1.37.1";

/// The kustomize kubectl 1.37.1 is built with (`kubectl version`).
const KUSTOMIZE_VERSION: &str = "v5.8.1";

/// One command line's words (without the leading `kubectl`).
fn run_words(c: &mut Cluster, words: &[String]) -> Output {
    let Some(verb) = words.first() else {
        return Output::ok(HELP);
    };
    let rest = &words[1..];
    let result: Result<Output, Failure> = match verb.as_str() {
        "get" => get::run(c, rest),
        "describe" => describe::run(c, rest).map(Output::ok),
        "delete" => delete::run(c, rest, dry_run::DryRun::None),
        "scale" => scale::run(c, rest).map(Output::ok),
        "set" => set_image::run(c, rest),
        "rollout" => return rollout::run(c, rest),
        "annotate" => apply::annotate(c, rest).map(Output::ok),
        "create" => apply::create(c, rest).map(Output::ok),
        "apply" => apply::apply_command(c, rest).map(Output::ok),
        "patch" => apply::patch(c, rest).map(Output::ok),
        "edit" => apply::edit_command(c, rest).map(Output::ok),
        "cordon" => cordon::run(c, rest, true, dry_run::DryRun::None),
        "uncordon" => cordon::run(c, rest, false, dry_run::DryRun::None),
        "help" | "--help" | "-h" => Ok(Output::ok(HELP)),
        "version" => Ok(Output::ok(format!(
            "Client Version: {KUBERNETES_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}\nServer Version: {KUBERNETES_VERSION}\n"
        ))),
        other => Err(unknown_command(other, "kubectl", COMMANDS)),
    };
    result.unwrap_or_else(|f| Output::failed(String::new(), f))
}

/// cobra's `unknown command "X" for "kubectl"` with its "Did you mean this?" suggestions.
pub fn unknown_command(word: &str, path: &str, known: &[&str]) -> Failure {
    let suggestions: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| levenshtein(word, k) <= 2 || k.starts_with(word))
        .collect();
    let mut msg = format!(
        "unknown command {word} for {path}",
        path = quoted(path),
        word = quoted(word)
    );
    if !suggestions.is_empty() {
        msg.push_str("\n\nDid you mean this?\n");
        for s in suggestions {
            msg.push_str(&format!("\t{s}\n"));
        }
    }
    Failure::error(msg.trim_end_matches('\n'))
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Looks a Deployment up, or kubectl's NotFound error.
pub fn get_deployment(c: &Cluster, name: &str) -> Result<Deployment, Failure> {
    c.deployment(name)
        .cloned()
        .ok_or_else(|| not_found(args::Kind::Deployment, name))
}

pub fn not_found(kind: args::Kind, name: &str) -> Failure {
    Failure(format!(
        "Error from server (NotFound): {} {name} not found",
        kind.resource(),
        name = quoted(name)
    ))
}

/// `deployment.apps/web OPERATION` + newline: the name printer.
pub fn printed(name: &str, operation: &str) -> String {
    format!("deployment.apps/{name} {operation}\n")
}

const HELP: &str = "kubectl controls the Kubernetes cluster manager.

 This simulator understands:
  get           Display one or many resources (deployments, replicasets, pods, nodes)
  describe      Show details of a deployment
  delete        Delete pods, replicasets or deployments by name
  create        Create a deployment (create deployment NAME --image=IMAGE)
  apply         Apply a configuration to a resource
  annotate      Update the annotations on a resource
  patch         Update fields of a deployment (strategic merge or JSON merge patch)
  scale         Set a new size for a deployment
  set image     Update the image of a pod template
  rollout       Manage the rollout of a deployment (status, history, undo, pause, resume, restart)
  cordon        Mark a node as unschedulable
  uncordon      Mark a node as schedulable

Usage:
  kubectl [flags] [options]
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_shown_without_the_kubectl_word_typed_before_it() {
        assert_eq!(shown_line("kubectl get deploy"), "get deploy");
        assert_eq!(shown_line("  kubectl   get deploy"), "get deploy");
        assert_eq!(shown_line("get deploy"), "get deploy");
        assert_eq!(shown_line("kubectl"), "");
        // Only the word: a plugin-like first word is kept.
        assert_eq!(shown_line("kubectl-foo get"), "kubectl-foo get");
    }

    #[test]
    fn unknown_commands_suggest_close_ones() {
        let f = unknown_command("rollot", "kubectl", COMMANDS);
        assert_eq!(
            f.0,
            "error: unknown command \"rollot\" for \"kubectl\"\n\nDid you mean this?\n\trollout"
        );
        assert_eq!(
            unknown_command("xyzzy", "kubectl", COMMANDS).0,
            "error: unknown command \"xyzzy\" for \"kubectl\""
        );
    }
}

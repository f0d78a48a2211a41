//! `kubectl rollout SUBCOMMAND`: one file per subcommand, as in
//! kubectl's `pkg/cmd/rollout`, with the behaviour of `pkg/polymorphichelpers`.

pub mod history;
pub mod pause_resume;
pub mod restart;
pub mod status;
pub mod undo;

use super::args::{self, bool_flag, flag, short, Kind};
use super::{Failure, Output};
use crate::sim::Cluster;
use crate::text::quoted;

pub const SUBCOMMANDS: &[&str] = &["history", "pause", "restart", "resume", "status", "undo"];

pub fn run(c: &mut Cluster, words: &[String]) -> Output {
    let Some(sub) = words.first() else {
        // DefaultSubCommandRun: the help, then exit 1.
        return Output {
            stdout: HELP.into(),
            exit_code: 1,
            ..Default::default()
        };
    };
    let rest = &words[1..];
    let path = format!("kubectl rollout {sub}");
    let result = match sub.as_str() {
        "status" => return status_command(c, rest, &path),
        "history" => for_each(c, rest, &[flag("revision")], &path, |c, a, name| {
            let revision = a.int("revision")?.unwrap_or(0);
            if revision < 0 {
                return Err(Failure::error(format!(
                    "revision must be a positive integer: {revision}"
                )));
            }
            history::run(c, name, revision).map(Output::ok)
        }),
        "undo" => for_each(c, rest, &[flag("to-revision")], &path, |c, a, name| {
            let to = a.int("to-revision")?.unwrap_or(0);
            Ok(undo::run(c, name, to))
        }),
        "pause" => for_each(c, rest, &[], &path, |c, _, name| {
            pause_resume::pause(c, name).map(Output::ok)
        }),
        "resume" => for_each(c, rest, &[], &path, |c, _, name| {
            pause_resume::resume(c, name).map(Output::ok)
        }),
        "restart" => for_each(c, rest, &[], &path, |c, _, name| {
            restart::run(c, name).map(Output::ok)
        }),
        other if other.starts_with('-') => Err(Failure::error(format!(
            "unknown flag: {other}\nSee 'kubectl rollout --help' for usage."
        ))),
        _ => Err(Failure::error(format!(
            "unknown command {}\nSee 'kubectl rollout -h' for help and examples",
            quoted(&words.join(" "))
        ))),
    };
    result.unwrap_or_else(|f| Output::failed(String::new(), f))
}

/// `rollout undo --dry-run=client`: for each Deployment, the template it
/// would roll back to (nothing is written).
pub fn undo_dry_run_client(c: &Cluster, words: &[String]) -> Output {
    let mut scratch = c.clone();
    let result = for_each(
        &mut scratch,
        words,
        &[flag("to-revision")],
        "kubectl rollout undo",
        |c, a, name| {
            let to = a.int("to-revision")?.unwrap_or(0);
            Ok(undo::dry_run_client(c, name, to))
        },
    );
    result.unwrap_or_else(|f| Output::failed(String::new(), f))
}

fn status_command(c: &mut Cluster, rest: &[String], path: &str) -> Output {
    let spec = [
        short(bool_flag("watch"), 'w'),
        flag("revision"),
        flag("timeout"),
    ];
    let parsed = targets(c, rest, &spec, path).and_then(|(a, names)| {
        if names.len() != 1 {
            return Err(Failure::error(format!(
                "rollout status is only supported on individual resources and resource collections - {} resources were found",
                names.len()
            )));
        }
        let watch = a.bool("watch", true)?;
        let revision = a.int("revision")?.unwrap_or(0);
        let timeout = a.get("timeout").map(parse_duration).transpose()?.unwrap_or(0);
        Ok((names[0].clone(), watch, revision, timeout))
    });
    match parsed {
        Ok((name, watch, revision, timeout)) => status::run(c, &name, watch, revision, timeout),
        Err(f) => Output::failed(String::new(), f),
    }
}

/// Flags, then the Deployments named (`deployment/web`, `deployment web`),
/// or every Deployment for a bare `deployment` (ResourceTypeOrNameArgs).
fn targets(
    c: &Cluster,
    words: &[String],
    spec: &[args::Flag],
    path: &str,
) -> Result<(args::Args, Vec<String>), Failure> {
    let a = args::parse(words, spec, path)?;
    if a.positional.is_empty() {
        return Err(Failure::error("required resource not specified"));
    }
    let (kind, names) = args::resources(&a.positional)?;
    if kind != Kind::Deployment {
        return Err(Failure::error(format!(
            "rollout is supported for deployments here, not {}",
            kind.resource()
        )));
    }
    if names.is_empty() {
        return Ok((a, c.deployments().map(|d| d.name().to_string()).collect()));
    }
    for name in &names {
        super::get_deployment(c, name)?;
    }
    Ok((a, names))
}

/// Runs a subcommand on every target, as kubectl does: outputs in order,
/// failures aggregated on stderr.
fn for_each(
    c: &mut Cluster,
    words: &[String],
    spec: &[args::Flag],
    path: &str,
    mut op: impl FnMut(&mut Cluster, &args::Args, &str) -> Result<Output, Failure>,
) -> Result<Output, Failure> {
    let (a, names) = targets(c, words, spec, path)?;
    let mut out = Output::default();
    for name in names {
        let one = op(c, &a, &name).unwrap_or_else(|f| Output::failed(String::new(), f));
        out.stdout.push_str(&one.stdout);
        out.stderr.push_str(&one.stderr);
        out.exit_code = out.exit_code.max(one.exit_code);
    }
    Ok(out)
}

/// A Go duration as `--timeout` takes it: `30s`, `5m`, `1h30m`, `0`.
pub fn parse_duration(text: &str) -> Result<i64, Failure> {
    let bad = || {
        Failure::error(format!(
            "invalid argument {text} for \"--timeout\" flag: time: invalid duration {text}",
            text = quoted(text)
        ))
    };
    if text == "0" {
        return Ok(0);
    }
    let mut total = 0f64;
    let mut rest = text;
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let n = rest
            .find(|ch: char| !(ch.is_ascii_digit() || ch == '.'))
            .ok_or_else(bad)?;
        let value = rest[..n].parse::<f64>().map_err(|_| bad())?;
        rest = &rest[n..];
        let unit_len = rest
            .find(|ch: char| ch.is_ascii_digit() || ch == '.')
            .unwrap_or(rest.len());
        let factor = match &rest[..unit_len] {
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return Err(bad()),
        };
        total += value * factor;
        rest = &rest[unit_len..];
    }
    Ok(total as i64)
}

const HELP: &str = "Manage the rollout of one or many resources.

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]
";

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

pub const SUBCOMMANDS: &[&str] = &["history", "pause", "restart", "resume", "status", "undo"];

pub fn run(c: &mut Cluster, words: &[String]) -> Output {
    let Some(sub) = words.first() else {
        return Output::ok(HELP);
    };
    let rest = &words[1..];
    let path = format!("kubectl rollout {sub}");
    let result = match sub.as_str() {
        "status" => return status_command(c, rest, &path),
        "history" => parse_named(rest, &[flag("revision")], &path).and_then(|(a, name)| {
            let revision = a.int("revision")?.unwrap_or(0);
            history::run(c, &name, revision).map(Output::ok)
        }),
        "undo" => parse_named(rest, &[flag("to-revision"), flag("dry-run")], &path).and_then(|(a, name)| {
            let to = a.int("to-revision")?.unwrap_or(0);
            Ok(undo::run(c, &name, to))
        }),
        "pause" => parse_named(rest, &[], &path).and_then(|(_, name)| pause_resume::pause(c, &name).map(Output::ok)),
        "resume" => parse_named(rest, &[], &path).and_then(|(_, name)| pause_resume::resume(c, &name).map(Output::ok)),
        "restart" => parse_named(rest, &[], &path).and_then(|(_, name)| restart::run(c, &name).map(Output::ok)),
        other if other.starts_with('-') => Err(Failure::error(format!("unknown flag: {other}\nSee 'kubectl rollout --help' for usage."))),
        other => Err(Failure::error(format!("unknown command {other:?}\nSee 'kubectl rollout -h' for help and examples"))),
    };
    result.unwrap_or_else(|f| Output::failed(String::new(), f))
}

fn status_command(c: &mut Cluster, rest: &[String], path: &str) -> Output {
    let spec = [short(bool_flag("watch"), 'w'), flag("revision"), flag("timeout")];
    let parsed = parse_named(rest, &spec, path).and_then(|(a, name)| {
        let watch = a.bool("watch", true)?;
        let revision = a.int("revision")?.unwrap_or(0);
        let timeout = a.get("timeout").map(parse_duration).transpose()?.unwrap_or(0);
        Ok((name, watch, revision, timeout))
    });
    match parsed {
        Ok((name, watch, revision, timeout)) => status::run(c, &name, watch, revision, timeout),
        Err(f) => Output::failed(String::new(), f),
    }
}

/// Flags, then exactly one Deployment named in either resource form.
fn parse_named(words: &[String], spec: &[args::Flag], path: &str) -> Result<(args::Args, String), Failure> {
    let a = args::parse(words, spec, path)?;
    let name = args::one_named(&a.positional, Kind::Deployment, "rollout")?;
    Ok((a, name))
}

/// A Go duration as `--timeout` takes it: `30s`, `5m`, `1h30m`, `0`.
pub fn parse_duration(text: &str) -> Result<i64, Failure> {
    let bad = || Failure::error(format!("invalid argument {text:?} for \"--timeout\" flag: time: invalid duration {text:?}"));
    if text == "0" {
        return Ok(0);
    }
    let mut total = 0f64;
    let mut rest = text;
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let n = rest.find(|ch: char| !(ch.is_ascii_digit() || ch == '.')).ok_or_else(bad)?;
        let value: f64 = rest[..n].parse().map_err(|_| bad())?;
        rest = &rest[n..];
        let unit_len = rest.find(|ch: char| ch.is_ascii_digit() || ch == '.').unwrap_or(rest.len());
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

//! `--dry-run=client|server` on every command that writes (cmdutil's
//! `AddDryRunFlag`, `GetDryRunStrategy`, `PrintFlagsWithDryRunStrategy`):
//! the command runs against a copy of the cluster, so nothing is written,
//! and the name printer's operation gains " (dry run)" or " (server dry
//! run)". `rollout undo --dry-run=client` prints the template it would roll
//! back to instead (`undo::dry_run_client`).

use super::Failure;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DryRun {
    None,
    Client,
    Server,
}

impl DryRun {
    /// GetDryRunStrategy: `--dry-run` alone is client (the flag's
    /// NoOptDefVal; kubectl also logs a deprecation warning through klog,
    /// which the lab leaves out), booleans are the old spelling.
    pub fn parse(value: Option<&str>) -> Result<DryRun, Failure> {
        match value {
            None | Some("none" | "false" | "0" | "f" | "F" | "FALSE" | "False") => Ok(DryRun::None),
            Some("client" | "true" | "1" | "t" | "T" | "TRUE" | "True") => Ok(DryRun::Client),
            Some("server") => Ok(DryRun::Server),
            Some(other) => Err(Failure::error(format!(
                r#"Invalid dry-run value ({other}). Must be "none", "server", or "client"."#
            ))),
        }
    }

    /// PrintFlagsWithDryRunStrategy: what the name printer's operation ends with.
    pub fn suffix(self) -> &'static str {
        match self {
            DryRun::None => "",
            DryRun::Client => " (dry run)",
            DryRun::Server => " (server dry run)",
        }
    }
}

/// Takes `--dry-run` out of a command's words: the words left and the
/// strategy. pflag reads the flag's value only after `=` (it has a
/// NoOptDefVal), and `--` ends the flags.
pub fn take_flag(words: &[String]) -> Result<(Vec<String>, DryRun), Failure> {
    let mut rest = Vec::with_capacity(words.len());
    let mut value: Option<Option<&str>> = None;
    let mut flags_over = false;
    for word in words {
        if !flags_over {
            if word == "--" {
                flags_over = true;
            } else if word == "--dry-run" {
                value = Some(Some("unchanged"));
                continue;
            } else if let Some(v) = word.strip_prefix("--dry-run=") {
                value = Some(Some(v));
                continue;
            }
        }
        rest.push(word.clone());
    }
    let strategy = match value {
        None => DryRun::None,
        Some(Some("unchanged")) => DryRun::Client,
        Some(v) => DryRun::parse(v)?,
    };
    Ok((rest, strategy))
}

/// The name printer's lines (`deployment.apps/NAME OPERATION`) with the
/// strategy's suffix; other output (a warning, `-o yaml`) as it is.
pub fn mark_printed(stdout: &str, strategy: DryRun) -> String {
    let mut out = String::with_capacity(stdout.len() + 16);
    for line in stdout.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let printed = body.split_once('/').is_some_and(|(kind, _)| {
            kind.ends_with(".apps") || kind == "pod" || kind == "resourcequota"
        });
        if printed && !body.is_empty() {
            out.push_str(body);
            out.push_str(strategy.suffix());
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_flag_comes_out_with_its_strategy() {
        assert_eq!(
            take_flag(&words("scale deployment/web --replicas=3"))
                .unwrap()
                .1,
            DryRun::None
        );
        assert_eq!(
            take_flag(&words("scale deployment/web --dry-run=client")).unwrap(),
            (words("scale deployment/web"), DryRun::Client)
        );
        assert_eq!(
            take_flag(&words("scale --dry-run=server deployment/web")).unwrap(),
            (words("scale deployment/web"), DryRun::Server)
        );
        assert_eq!(
            take_flag(&words("scale --dry-run deployment/web")).unwrap(),
            (words("scale deployment/web"), DryRun::Client)
        );
        assert_eq!(
            take_flag(&words("scale --dry-run=none deployment/web"))
                .unwrap()
                .1,
            DryRun::None
        );
        assert_eq!(
            take_flag(&words("scale --dry-run=true deployment/web"))
                .unwrap()
                .1,
            DryRun::Client
        );
        assert_eq!(
            take_flag(&words("scale --dry-run=sever deployment/web"))
                .unwrap_err()
                .0,
            r#"error: Invalid dry-run value (sever). Must be "none", "server", or "client"."#
        );
        // After `--`, it is an argument.
        assert_eq!(
            take_flag(&words("scale -- --dry-run")).unwrap(),
            (words("scale -- --dry-run"), DryRun::None)
        );
    }

    #[test]
    fn only_the_name_printers_lines_are_marked() {
        assert_eq!(
            mark_printed("deployment.apps/web scaled\n", DryRun::Server),
            "deployment.apps/web scaled (server dry run)\n"
        );
        assert_eq!(
            mark_printed("apiVersion: apps/v1\nkind: Deployment\n", DryRun::Client),
            "apiVersion: apps/v1\nkind: Deployment\n"
        );
    }
}

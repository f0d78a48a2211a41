//! Tab completion for the console: commands, rollout subcommands, flags,
//! and resource names from the cluster.

use super::rollout::SUBCOMMANDS;
use super::COMMANDS;
use crate::sim::Cluster;

fn flags(command: &str, sub: Option<&str>) -> &'static [&'static str] {
    match (command, sub) {
        ("rollout", Some("status")) => &["--watch=false", "--revision=", "--timeout="],
        ("rollout", Some("history")) => &["--revision="],
        ("rollout", Some("undo")) => &["--to-revision="],
        ("scale", _) => &["--replicas=", "--current-replicas="],
        ("get", _) => &["--output=", "-o"],
        ("annotate", _) => &["--overwrite"],
        ("patch", _) => &["--patch=", "--type="],
        ("create", _) => &["--image=", "--replicas="],
        _ => &[],
    }
}

/// The line with its last word completed, when the completion is unique or
/// extends the word; None when there is nothing to add.
pub fn complete(c: &Cluster, line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let ends_with_space = line.ends_with(' ') || line.is_empty();
    let (done, partial) = if ends_with_space {
        (&words[..], "")
    } else {
        (&words[..words.len() - 1], words[words.len() - 1])
    };
    let done: Vec<&str> = done
        .iter()
        .copied()
        .skip_while(|w| *w == "kubectl")
        .collect();
    let names: Vec<String> = c.deployments().map(|d| d.name().to_string()).collect();
    let candidates: Vec<String> = if partial.starts_with('-') {
        flags(done.first().copied().unwrap_or(""), done.get(1).copied())
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        match done.as_slice() {
            [] => COMMANDS.iter().map(|s| s.to_string()).collect(),
            ["rollout"] => SUBCOMMANDS.iter().map(|s| s.to_string()).collect(),
            ["set"] => vec!["image".into()],
            ["create"] => vec!["deployment".into()],
            ["get"] | ["describe"] => ["deployments", "replicasets", "pods"]
                .iter()
                .map(|s| s.to_string())
                .chain(names.iter().map(|n| format!("deployment/{n}")))
                .collect(),
            [_, ..] => names.iter().map(|n| format!("deployment/{n}")).collect(),
        }
    };
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let completion = match matching.as_slice() {
        [] => return None,
        [one] => {
            let glue = if one.ends_with('=') { "" } else { " " };
            format!("{one}{glue}")
        }
        many => {
            let prefix = many.iter().skip(1).fold(many[0].clone(), |acc, m| {
                acc.chars()
                    .zip(m.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a)
                    .collect()
            });
            if prefix.len() <= partial.len() {
                return None;
            }
            prefix
        }
    };
    Some(format!(
        "{}{completion}",
        &line[..line.len() - partial.len()]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Deployment;

    fn cluster() -> Cluster {
        let mut c = Cluster::new(Default::default());
        let d = Deployment::from_json(
            &serde_json::from_str(
                r#"{"metadata":{"name":"test-deployment"},"spec":{"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"x:1"}]}}}}"#,
            )
            .unwrap(),
        )
        .unwrap();
        c.create_deployment(d).unwrap();
        c
    }

    #[test]
    fn completes_commands_subcommands_names_and_flags() {
        let c = cluster();
        assert_eq!(
            complete(&c, "kubectl roll").as_deref(),
            Some("kubectl rollout ")
        );
        assert_eq!(
            complete(&c, "rollout st").as_deref(),
            Some("rollout status ")
        );
        assert_eq!(
            complete(&c, "rollout status dep").as_deref(),
            Some("rollout status deployment/test-deployment ")
        );
        assert_eq!(
            complete(&c, "scale deployment/test-deployment --rep").as_deref(),
            Some("scale deployment/test-deployment --replicas=")
        );
        assert_eq!(
            complete(&c, "s").as_deref(),
            None,
            "scale and set share no longer prefix"
        );
        assert_eq!(complete(&c, "sc").as_deref(), Some("scale "));
        assert_eq!(complete(&c, "xyz"), None);
    }
}

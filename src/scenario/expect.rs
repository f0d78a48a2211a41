//! Checking an `expect` step against the cluster, and the `*` patterns it uses.

use super::format::Expect;
use crate::api::Deployment;
use crate::sim::Cluster;
use crate::text::quoted;

/// Whether `text` matches `pattern`, where `*` matches any run of
/// characters (including none) and everything else is literal.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The facts an expectation is checked against, gathered once.
pub struct Observed<'a> {
    pub cluster: &'a Cluster,
    pub deployment: Option<&'a Deployment>,
    /// The stdout of the last kubectl or apply step, or its stderr if it failed.
    pub last_output: &'a str,
    pub last_exit_code: i32,
}

/// Checks `e` against the cluster and the last kubectl output (stdout, or
/// stderr when it failed), as an `expect` step does.
pub fn check_step(
    e: &Expect,
    cluster: &Cluster,
    deployment: &str,
    last: &crate::kubectl::Output,
) -> Vec<String> {
    let last_output = if last.exit_code == 0 {
        &last.stdout
    } else {
        &last.stderr
    };
    let observed = Observed {
        cluster,
        deployment: cluster.deployment(deployment),
        last_output,
        last_exit_code: last.exit_code,
    };
    check(e, &observed)
}

/// Every failed check, as a sentence naming the key.
pub fn check(e: &Expect, o: &Observed) -> Vec<String> {
    let mut failures = Vec::new();
    let mut compare = |what: String, want: String, got: String| {
        if want != got {
            failures.push(format!("{what}: expected {want}, got {got}"));
        }
    };
    let d = o.deployment;
    let name = d.map(|d| d.name().to_string()).unwrap_or_default();
    let rss = o.cluster.replica_sets_of(&name);
    if let Some(map) = &e.replica_sets {
        for (image, want) in map {
            let got: i32 = rss
                .iter()
                .filter(|rs| rs.spec.template.first_image() == image)
                .map(|rs| rs.spec.replicas)
                .sum();
            compare(
                format!("replicaSets[{image}]", image = quoted(image)),
                want.to_string(),
                got.to_string(),
            );
        }
    }
    if let Some(map) = &e.replica_sets_by_revision {
        for (revision, want) in map {
            let got: i32 = rss
                .iter()
                .filter(|rs| rs.revision().ok().map(|r| r.to_string()).as_ref() == Some(revision))
                .map(|rs| rs.spec.replicas)
                .sum();
            compare(
                format!(
                    "replicaSetsByRevision[{revision}]",
                    revision = quoted(revision)
                ),
                want.to_string(),
                got.to_string(),
            );
        }
    }
    let status = d.map(|d| d.status.clone()).unwrap_or_default();
    for (key, want, got) in [
        ("available", e.available, status.available_replicas),
        (
            "updatedReplicas",
            e.updated_replicas,
            status.updated_replicas,
        ),
        ("readyReplicas", e.ready_replicas, status.ready_replicas),
        (
            "unavailableReplicas",
            e.unavailable_replicas,
            status.unavailable_replicas,
        ),
        (
            "terminatingReplicas",
            e.terminating_replicas,
            status.terminating_replicas.unwrap_or(0),
        ),
    ] {
        if let Some(want) = want {
            compare(key.into(), want.to_string(), got.to_string());
        }
    }
    if let Some(want) = e.paused {
        compare(
            "paused".into(),
            want.to_string(),
            d.is_some_and(|d| d.spec.paused).to_string(),
        );
    }
    if let Some(want) = &e.revision {
        let got = d
            .and_then(|d| d.metadata.annotation(crate::api::keys::REVISION))
            .map(str::to_string);
        let show = |v: Option<String>| v.unwrap_or_else(|| "null".into());
        compare(
            "revision".into(),
            show(want.map(|w| w.to_string())),
            show(got),
        );
    }
    if let Some(patterns) = &e.events {
        let object = format!("deployment/{name}");
        let messages: Vec<&str> = o
            .cluster
            .events()
            .iter()
            .filter(|ev| ev.object == object)
            .map(|ev| ev.message.as_str())
            .collect();
        let matched = patterns.len() == messages.len()
            && patterns
                .iter()
                .zip(&messages)
                .all(|(p, m)| glob_match(p, m));
        if !matched {
            compare(
                "events".into(),
                quoted_list(patterns.iter().map(String::as_str)),
                quoted_list(messages.iter().copied()),
            );
        }
    }
    for (key, map, pick) in [
        (
            "condition",
            &e.condition,
            (|c: &crate::api::DeploymentCondition| c.reason.clone())
                as fn(&crate::api::DeploymentCondition) -> String,
        ),
        (
            "conditionStatus",
            &e.condition_status,
            |c: &crate::api::DeploymentCondition| c.status.clone(),
        ),
    ] {
        if let Some(map) = map {
            for (type_, want) in map {
                let got = status.condition(type_).map(pick);
                let show = |v: Option<String>| v.unwrap_or_else(|| "null".into());
                compare(format!("{key}.{type_}"), show(want.clone()), show(got));
            }
        }
    }
    for map in e.conditions.iter().flat_map(|c| c.items()) {
        let selector = map.get("replicaSet").cloned().flatten();
        let conditions: Vec<(String, String)> = match &selector {
            Some(image) => rss
                .iter()
                .filter(|rs| rs.spec.template.first_image() == image)
                .flat_map(|rs| {
                    rs.status
                        .conditions
                        .iter()
                        .map(|c| (c.type_.clone(), c.reason.clone()))
                })
                .collect(),
            None => status
                .conditions
                .iter()
                .map(|c| (c.type_.clone(), c.reason.clone()))
                .collect(),
        };
        let whose = selector.as_ref().map_or(String::new(), |image| {
            format!("[replicaSet {}]", quoted(image))
        });
        for (type_, want) in map.iter().filter(|(k, _)| k.as_str() != "replicaSet") {
            let got = conditions
                .iter()
                .find(|(t, _)| t == type_)
                .map(|(_, r)| r.clone());
            let show = |v: Option<String>| v.unwrap_or_else(|| "null".into());
            compare(
                format!("conditions{whose}.{type_}"),
                show(want.clone()),
                show(got),
            );
        }
    }
    if let Some(map) = &e.pods {
        let by_status = crate::scenario::report::pods_by_status(o.cluster);
        for (status, want) in map {
            let got = by_status.get(status).copied().unwrap_or(0);
            compare(
                format!("pods[{}]", quoted(status)),
                want.to_string(),
                got.to_string(),
            );
        }
    }
    if let Some(pattern) = &e.output {
        if !glob_match(pattern, o.last_output) {
            compare(
                "output".into(),
                format!("{pattern}", pattern = quoted(pattern)),
                format!("{}", quoted(o.last_output)),
            );
        }
    }
    if let Some(want) = e.exit_code {
        compare(
            "exitCode".into(),
            want.to_string(),
            o.last_exit_code.to_string(),
        );
    }
    failures
}

/// `["a", "b"]`: strings quoted as Go quotes them, in brackets.
fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(|s| quoted(s).to_string()).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn star_matches_any_run() {
        assert!(glob_match(
            "Scaled up replica set * to 1",
            "Scaled up replica set web-7d9c6b5f4 from 0 to 1"
        ));
        assert!(glob_match("a*", "a"));
        assert!(glob_match("*", ""));
        assert!(
            glob_match("x\n* y\n", "x\n* y\n"),
            "literal bullets match themselves"
        );
        assert!(!glob_match(
            "Scaled up replica set * from 0 to 1",
            "Scaled down replica set web-x from 0 to 1"
        ));
        assert!(!glob_match("abc", "abcd"));
        assert!(!glob_match("", "a"));
    }
}

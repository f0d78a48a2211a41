//! Flag and resource-argument parsing with kubectl's (cobra's and the
//! resource builder's) error messages.

use super::Failure;
use crate::text::quoted;
use std::collections::BTreeMap;

/// One flag a command accepts.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    /// Boolean flags take no separate value (`--watch`, `--watch=false`).
    pub boolean: bool,
}

pub const fn flag(long: &'static str) -> Flag {
    Flag {
        long,
        short: None,
        boolean: false,
    }
}
pub const fn bool_flag(long: &'static str) -> Flag {
    Flag {
        long,
        short: None,
        boolean: true,
    }
}
pub const fn short(mut f: Flag, c: char) -> Flag {
    f.short = Some(c);
    f
}

/// Flags every command accepts (kubectl's global flags that matter here).
const GLOBAL: &[Flag] = &[
    short(flag("namespace"), 'n'),
    flag("context"),
    flag("cluster"),
    flag("user"),
    flag("request-timeout"),
    flag("kubeconfig"),
];

/// Positional arguments and flag values of one command.
#[derive(Clone, Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    pub flags: BTreeMap<String, String>,
}

impl Args {
    pub fn get(&self, long: &str) -> Option<&str> {
        self.flags.get(long).map(String::as_str)
    }

    /// A boolean flag's value (`--watch` = true, `--watch=false` = false).
    pub fn bool(&self, long: &str, default: bool) -> Result<bool, Failure> {
        match self.get(long) {
            None => Ok(default),
            Some("true") | Some("") => Ok(true),
            Some("false") => Ok(false),
            Some(v) => Err(Failure::error(format!("invalid argument {v} for \"--{long}\" flag: strconv.ParseBool: parsing {v}: invalid syntax", v = quoted(v)))),
        }
    }

    /// An integer flag (`--replicas=3`), with cobra's parse error.
    pub fn int(&self, long: &str) -> Result<Option<i64>, Failure> {
        match self.get(long) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| {
                Failure::error(format!("invalid argument {v} for \"--{long}\" flag: strconv.ParseInt: parsing {v}: invalid syntax", v = quoted(v)))
            }),
        }
    }
}

/// Splits `words` into positional arguments and the flags of `spec`.
/// `command` is the command path for the usage hint (`kubectl rollout status`).
pub fn parse(words: &[String], spec: &[Flag], command: &str) -> Result<Args, Failure> {
    let mut args = Args::default();
    let find_long = |name: &str| spec.iter().chain(GLOBAL).find(|f| f.long == name).copied();
    let find_short = |c: char| {
        spec.iter()
            .chain(GLOBAL)
            .find(|f| f.short == Some(c))
            .copied()
    };
    let usage = |msg: String| Failure::error(format!("{msg}\nSee '{command} --help' for usage."));
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        if word == "--" {
            args.positional.extend(words[i..].iter().cloned());
            break;
        }
        if let Some(body) = word.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let Some(f) = find_long(name) else {
                return Err(usage(format!("unknown flag: --{name}")));
            };
            let value = match (inline, f.boolean) {
                (Some(v), _) => v,
                (None, true) => "true".to_string(),
                (None, false) => match words.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => return Err(usage(format!("flag needs an argument: --{name}"))),
                },
            };
            args.flags.insert(f.long.to_string(), value);
        } else if let Some(body) = word.strip_prefix('-').filter(|b| !b.is_empty()) {
            let c = body.chars().next().unwrap_or('-');
            let Some(f) = find_short(c) else {
                return Err(usage(format!("unknown shorthand flag: '{c}' in {word}")));
            };
            let rest = &body[c.len_utf8()..];
            let value = if f.boolean {
                rest.strip_prefix('=').unwrap_or("true").to_string()
            } else if !rest.is_empty() {
                rest.strip_prefix('=').unwrap_or(rest).to_string()
            } else {
                match words.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => return Err(usage(format!("flag needs an argument: '{c}' in -{c}"))),
                }
            };
            args.flags.insert(f.long.to_string(), value);
        } else {
            args.positional.push(word.clone());
        }
    }
    Ok(args)
}

/// The kinds of object this cluster has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Deployment,
    ReplicaSet,
    Pod,
    Node,
    ResourceQuota,
    Event,
}

impl Kind {
    /// The resource name kubectl uses in messages (`deployments.apps`).
    pub fn resource(self) -> &'static str {
        match self {
            Kind::Deployment => "deployments.apps",
            Kind::ReplicaSet => "replicasets.apps",
            Kind::Pod => "pods",
            Kind::Node => "nodes",
            Kind::ResourceQuota => "resourcequotas",
            Kind::Event => "events",
        }
    }

    /// `deployment.apps/web`: the name printer's prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Deployment => "deployment.apps",
            Kind::ReplicaSet => "replicaset.apps",
            Kind::Pod => "pod",
            Kind::Node => "node",
            Kind::ResourceQuota => "resourcequota",
            Kind::Event => "event",
        }
    }
}

/// Resolves a resource type as the API discovery would (case-insensitive).
pub fn kind_of(word: &str) -> Result<Kind, Failure> {
    match word.to_ascii_lowercase().as_str() {
        "deployment" | "deployments" | "deploy" | "deployment.apps" | "deployments.apps" => {
            Ok(Kind::Deployment)
        }
        "replicaset" | "replicasets" | "rs" | "replicaset.apps" | "replicasets.apps" => {
            Ok(Kind::ReplicaSet)
        }
        "pod" | "pods" | "po" => Ok(Kind::Pod),
        "node" | "nodes" | "no" => Ok(Kind::Node),
        "resourcequota" | "resourcequotas" | "quota" => Ok(Kind::ResourceQuota),
        "event" | "events" | "ev" => Ok(Kind::Event),
        _ => Err(Failure::error(format!(
            "the server doesn't have a resource type {word}",
            word = quoted(word)
        ))),
    }
}

/// The resource builder's `TYPE NAME...` or `TYPE/NAME...` forms.
/// Returns the kind and the names (possibly none: "all of that kind").
pub fn resources(positional: &[String]) -> Result<(Kind, Vec<String>), Failure> {
    if positional.is_empty() {
        return Err(Failure::error(
            "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        ));
    }
    let slashed = positional.iter().filter(|a| a.contains('/')).count();
    if slashed > 0 && slashed != positional.len() {
        return Err(Failure::error("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"));
    }
    if slashed > 0 {
        let mut kind = None;
        let mut names = Vec::new();
        for arg in positional {
            let (t, name) = arg.split_once('/').unwrap_or((arg, ""));
            if t.is_empty() || name.is_empty() {
                return Err(Failure::error(
                    "arguments in resource/name form must have a single resource and name"
                        .to_string(),
                ));
            }
            let k = kind_of(t)?;
            if kind.is_some_and(|prev| prev != k) {
                return Err(Failure::error(
                    "this command supports one resource type at a time",
                ));
            }
            kind = Some(k);
            names.push(name.to_string());
        }
        return Ok((kind.unwrap_or(Kind::Deployment), names));
    }
    Ok((kind_of(&positional[0])?, positional[1..].to_vec()))
}

/// Exactly one named resource of the given kind (rollout, scale, set image).
pub fn one_named(positional: &[String], want: Kind, verb_object: &str) -> Result<String, Failure> {
    let (kind, names) = resources(positional)?;
    if kind != want {
        return Err(Failure::error(format!(
            "{verb_object} is not supported for {}",
            kind.resource()
        )));
    }
    match names.as_slice() {
        [] => Err(Failure::error(
            "resource(s) were provided, but no name was specified",
        )),
        [one] => Ok(one.clone()),
        _ => Err(Failure::error(
            "this simulator acts on one resource at a time",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn flags_in_every_form() {
        let spec = [
            flag("replicas"),
            short(bool_flag("watch"), 'w'),
            flag("to-revision"),
        ];
        let a = parse(
            &words("deployment web --replicas 3 -w=false --to-revision=2 -n default"),
            &spec,
            "kubectl x",
        )
        .unwrap();
        assert_eq!(a.positional, ["deployment", "web"]);
        assert_eq!(a.get("replicas"), Some("3"));
        assert!(!a.bool("watch", true).unwrap());
        assert_eq!(a.get("to-revision"), Some("2"));
        assert_eq!(a.get("namespace"), Some("default"));
    }

    #[test]
    fn unknown_flags_get_cobras_message() {
        let e = parse(&words("deploy/web --frobnicate"), &[], "kubectl scale").unwrap_err();
        assert_eq!(
            e.to_string(),
            "error: unknown flag: --frobnicate\nSee 'kubectl scale --help' for usage."
        );
        let e = parse(&words("-x"), &[], "kubectl get").unwrap_err();
        assert_eq!(
            e.to_string(),
            "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage."
        );
    }

    #[test]
    fn the_seed_typo_mixes_type_and_type_slash_name() {
        let e = resources(&words("deploy deployment/test-deployment")).unwrap_err();
        assert!(e.to_string().starts_with(
            "error: there is no need to specify a resource type as a separate argument"
        ));
        assert_eq!(
            resources(&words("deployment/web")).unwrap(),
            (Kind::Deployment, vec!["web".to_string()])
        );
        assert_eq!(
            resources(&words("deploy web")).unwrap(),
            (Kind::Deployment, vec!["web".to_string()])
        );
        assert!(resources(&words("frob web"))
            .unwrap_err()
            .to_string()
            .contains("doesn't have a resource type \"frob\""));
    }
}

//! `kubectl set image` (pkg/cmd/set/set_image.go).

use super::args::{self, bool_flag, Kind};
use super::{get_deployment, printed, Failure, Output};
use crate::api::keys;
use crate::sim::Cluster;
use crate::text::quoted;

pub fn run(c: &mut Cluster, words: &[String]) -> Result<Output, Failure> {
    match words.first().map(String::as_str) {
        Some("image") => {}
        None => {
            let help = "Configure application resources.\n\nAvailable Commands:\n  image           Update the image of a pod template\n";
            return Ok(Output {
                stdout: help.into(),
                exit_code: 1,
                ..Default::default()
            });
        }
        Some(_) => {
            return Err(Failure::error(format!(
                "unknown command {}\nSee 'kubectl set -h' for help and examples",
                quoted(&words.join(" "))
            )))
        }
    }
    let a = args::parse(
        &words[1..],
        &[bool_flag("record"), bool_flag("all")],
        "kubectl set image",
    )?;
    let (resources, pairs): (Vec<String>, Vec<String>) =
        a.positional.iter().cloned().partition(|w| !w.contains('='));
    if pairs.is_empty() {
        return Err(Failure::error("at least one image update is required"));
    }
    let name = args::one_named(&resources, Kind::Deployment, "set image")?;
    let mut d = get_deployment(c, &name)?;
    let mut errors = Vec::new();
    let mut changed = false;
    for pair in &pairs {
        let (container, image) = pair.split_once('=').unwrap_or((pair, ""));
        if image.is_empty() {
            return Err(Failure::error(format!(
                "invalid image update: {pair}",
                pair = quoted(pair)
            )));
        }
        let spec = &mut std::sync::Arc::make_mut(&mut d.spec.template).spec;
        let mut found = false;
        for ctr in spec
            .init_containers
            .iter_mut()
            .chain(spec.containers.iter_mut())
        {
            if container == "*" || ctr.name == container {
                found = true;
                if ctr.image != image {
                    ctr.image = image.to_string();
                    changed = true;
                }
            }
        }
        if !found {
            errors.push(format!(
                "error: unable to find container named {container}",
                container = quoted(container)
            ));
        }
    }
    let mut stdout = String::new();
    if changed {
        if a.bool("record", false)? {
            let line = format!(
                "kubectl set image {} --record=true",
                words[1..]
                    .iter()
                    .filter(|w| !w.starts_with("--record"))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            d.metadata
                .annotations
                .insert(keys::CHANGE_CAUSE.into(), line);
        }
        c.update_deployment(d)?;
        stdout = printed(&name, "image updated");
    }
    if errors.is_empty() {
        Ok(Output::ok(stdout))
    } else {
        Ok(Output {
            stdout,
            stderr: errors.join("\n") + "\n",
            exit_code: 1,
        })
    }
}

//! `kubectl rollout restart` (objectrestarter.go): a restartedAt
//! annotation on the pod template makes a new template, hence a rollout.

use crate::api::keys;
use crate::kubectl::{get_deployment, printed, Failure};
use crate::sim::Cluster;
use crate::text::quoted;

pub fn run(c: &mut Cluster, name: &str) -> Result<String, Failure> {
    let mut d = get_deployment(c, name)?;
    if d.spec.paused {
        return Err(Failure::error(format!(
            "deployments.apps {name} can't restart paused deployment (run rollout resume first)",
            name = quoted(name)
        )));
    }
    let stamp = c.now().rfc3339();
    let annotations = &mut std::sync::Arc::make_mut(&mut d.spec.template)
        .metadata
        .annotations;
    if annotations.get(keys::RESTARTED_AT) == Some(&stamp) {
        return Err(Failure::error(format!(
            "failed to create patch for {name}: if restart has already been triggered within the past second, please wait before attempting to trigger another"
        )));
    }
    annotations.insert(keys::RESTARTED_AT.into(), stamp);
    c.update_deployment(d)?;
    Ok(printed(name, "restarted"))
}

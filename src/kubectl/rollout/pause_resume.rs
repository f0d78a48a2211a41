//! `kubectl rollout pause|resume` (objectpauser.go, objectresumer.go).

use crate::kubectl::{get_deployment, printed, Failure};
use crate::sim::Cluster;
use crate::text::quoted;

pub fn pause(c: &mut Cluster, name: &str) -> Result<String, Failure> {
    set_paused(c, name, true)
}

pub fn resume(c: &mut Cluster, name: &str) -> Result<String, Failure> {
    set_paused(c, name, false)
}

fn set_paused(c: &mut Cluster, name: &str, paused: bool) -> Result<String, Failure> {
    let mut d = get_deployment(c, name)?;
    if d.spec.paused == paused {
        let state = if paused {
            "is already paused"
        } else {
            "is not paused"
        };
        return Err(Failure::error(format!(
            "deployments.apps {name} {state}",
            name = quoted(name)
        )));
    }
    d.spec.paused = paused;
    c.update_deployment(d)?;
    Ok(printed(name, if paused { "paused" } else { "resumed" }))
}

//! `kubectl scale` (pkg/cmd/scale/scale.go): writes spec.replicas through
//! the scale subresource.

use super::args::{self, flag, Kind};
use super::{get_deployment, not_found, Failure};
use crate::sim::Cluster;

pub fn run(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(
        words,
        &[flag("replicas"), flag("current-replicas"), flag("timeout")],
        "kubectl scale",
    )?;
    let replicas = a
        .int("replicas")?
        .ok_or_else(|| Failure::error("required flag(s) \"replicas\" not set"))?;
    let current = a.int("current-replicas")?.unwrap_or(-1);
    if replicas < 0 {
        return Err(Failure::error(
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
        ));
    }
    let (kind, names) = args::resources(&a.positional)?;
    if names.is_empty() {
        return Err(Failure::error(
            "resource(s) were provided, but no name was specified",
        ));
    }
    let replicas = i32::try_from(replicas).map_err(|_| {
        Failure::error(format!(
            "invalid argument \"{replicas}\" for \"--replicas\" flag: value out of range"
        ))
    })?;
    let mut out = String::new();
    for name in names {
        match kind {
            Kind::Deployment => {
                let mut d = get_deployment(c, &name)?;
                if current >= 0 && d.replicas() as i64 != current {
                    return Err(Failure::error(format!(
                        "Expected replicas to be {current}, was {}",
                        d.replicas()
                    )));
                }
                d.spec.replicas = Some(replicas);
                c.update_deployment(d)?;
                out.push_str(&format!("deployment.apps/{name} scaled\n"));
            }
            Kind::ReplicaSet => {
                let mut rs = c
                    .replica_set(&name)
                    .cloned()
                    .ok_or_else(|| not_found(Kind::ReplicaSet, &name))?;
                if current >= 0 && rs.spec.replicas as i64 != current {
                    return Err(Failure::error(format!(
                        "Expected replicas to be {current}, was {}",
                        rs.spec.replicas
                    )));
                }
                rs.spec.replicas = replicas;
                c.scale_replica_set_by_user(&rs)?;
                out.push_str(&format!("replicaset.apps/{name} scaled\n"));
            }
            Kind::Pod => return Err(Failure::error("cannot scale pods: no scale subresource")),
            Kind::Node => return Err(Failure::error("cannot scale nodes: no scale subresource")),
            Kind::ResourceQuota => {
                return Err(Failure::error(
                    "cannot scale resourcequotas: no scale subresource",
                ))
            }
            Kind::Event => return Err(Failure::error("cannot scale events: no scale subresource")),
        }
    }
    Ok(out)
}

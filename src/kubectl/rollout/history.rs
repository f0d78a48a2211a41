//! `kubectl rollout history` (polymorphichelpers/history.go).

use super::super::printers::DESCRIBE;
use crate::api::{keys, PodTemplateSpec};
use crate::kubectl::describe::describe_pod_template;
use crate::kubectl::{get_deployment, printed, Failure};
use crate::sim::Cluster;
use std::collections::BTreeMap;

/// The revisions of a Deployment's ReplicaSets, each with its template and
/// change-cause (`historyInfo`: a later ReplicaSet with the same revision wins).
pub fn history_info(c: &Cluster, name: &str) -> BTreeMap<i64, PodTemplateSpec> {
    let mut info = BTreeMap::new();
    for rs in c.replica_sets_of(name) {
        // Unparseable revisions are skipped (with a warning in the log).
        let Ok(revision) = rs.revision() else {
            continue;
        };
        let mut template = (*rs.spec.template).clone();
        if let Some(cause) = rs
            .metadata
            .annotation(keys::CHANGE_CAUSE)
            .filter(|c| !c.is_empty())
        {
            template
                .metadata
                .annotations
                .insert(keys::CHANGE_CAUSE.into(), cause.to_string());
        }
        info.insert(revision, template);
    }
    info
}

pub fn run(c: &Cluster, name: &str, revision: i64) -> Result<String, Failure> {
    get_deployment(c, name)?;
    let info = history_info(c, name);
    let body = if info.is_empty() {
        "No rollout history found.".to_string()
    } else if revision > 0 {
        let template = info
            .get(&revision)
            .ok_or_else(|| Failure::error("unable to find the specified revision"))?;
        describe_pod_template(template)
    } else {
        let mut table = String::from("REVISION\tCHANGE-CAUSE\n");
        for (r, template) in &info {
            let cause = template
                .metadata
                .annotation(keys::CHANGE_CAUSE)
                .filter(|c| !c.is_empty())
                .unwrap_or("<none>");
            table.push_str(&format!("{r}\t{cause}\n"));
        }
        DESCRIBE.format(&table)
    };
    let with_revision = if revision > 0 {
        format!("with revision #{revision}")
    } else {
        String::new()
    };
    Ok(printed(name, &format!("{with_revision}\n{body}")))
}

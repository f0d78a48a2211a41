//! ResourceQuota admission for pod creates (the API server's
//! `admission/plugin/resourcequota` CheckRequest, with the pod evaluator of
//! `pkg/quota/v1/evaluator/core/pods.go`): one quota, named `quota`, whose
//! `hard` limits the pods of the namespace. A pod counts from its create
//! until it is gone (a terminating pod until its grace period is over).

use super::pods::Pod;
use super::Cluster;
use crate::api::quantity::{format_bytes, format_millicores};
use crate::api::{defaulted_requests, PodTemplateSpec, Time};

/// The quota's name (`kubectl create quota quota --hard=…`).
pub const QUOTA_NAME: &str = "quota";

/// The resources the pod evaluator counts that the simulator models.
pub const RESOURCES: &[&str] = &[
    "count/pods",
    "cpu",
    "limits.cpu",
    "limits.memory",
    "memory",
    "pods",
    "requests.cpu",
    "requests.memory",
];

/// A ResourceQuota's hard limits, by resource, in the resource's unit
/// (millicores for cpu, bytes for memory, a count for pods).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quota {
    pub hard: Vec<(String, i64)>,
    /// When it was created (its AGE).
    pub created: Time,
}

/// Whether a resource is measured in millicores.
fn is_cpu(resource: &str) -> bool {
    resource.ends_with("cpu")
}

/// A pod's usage of one resource, if it has any: podComputeUsageHelper.
/// `None` where the pod sets no such request or limit.
fn usage_of(
    resource: &str,
    requests: (Option<i64>, Option<i64>),
    limits: (Option<i64>, Option<i64>),
) -> Option<i64> {
    match resource {
        "pods" | "count/pods" => Some(1),
        "cpu" | "requests.cpu" => requests.0,
        "memory" | "requests.memory" => requests.1,
        "limits.cpu" => limits.0,
        "limits.memory" => limits.1,
        _ => None,
    }
}

/// What one pod of this template uses of each resource, summed over its
/// containers; and, for the resources the quota needs every container to
/// state (cpu and memory, of requests or limits), the containers that do not.
fn template_usage(template: &PodTemplateSpec, resource: &str) -> (i64, Vec<String>) {
    let requests = template.container_requests();
    let limits = template.container_limits();
    let mut total = 0;
    let mut missing = Vec::new();
    for ((req, lim), container) in requests
        .into_iter()
        .zip(limits)
        .zip(&template.spec.containers)
    {
        match usage_of(resource, defaulted_requests(req, lim), lim) {
            Some(amount) => total = i64::saturating_add(total, amount.max(0)),
            None => missing.push(container.name.clone()),
        }
    }
    if matches!(resource, "pods" | "count/pods") {
        total = 1;
        missing.clear();
    }
    (total, missing)
}

/// Quantity.String() of an amount of this resource: `300m`, `3`, `128Mi`.
pub fn format_amount(resource: &str, amount: i64) -> String {
    if is_cpu(resource) {
        format_millicores(amount)
    } else if resource.ends_with("memory") {
        format_bytes(amount)
    } else {
        amount.to_string()
    }
}

/// prettyPrint: `key=value` pairs, sorted by key, comma-separated.
fn pretty(items: &[(&str, i64)]) -> String {
    let mut items: Vec<String> = items
        .iter()
        .map(|(r, a)| format!("{r}={}", format_amount(r, *a)))
        .collect();
    items.sort();
    items.join(",")
}

impl Cluster {
    pub fn quota(&self) -> Option<&Quota> {
        self.quota.as_ref()
    }

    /// `kubectl create quota NAME --hard=…` (only the one named `quota` is modelled).
    pub fn create_quota(
        &mut self,
        name: &str,
        hard: Vec<(String, i64)>,
    ) -> Result<(), super::ApiError> {
        if self.quota.is_some() && name == QUOTA_NAME {
            return Err(super::ApiError::AlreadyExists {
                resource: "resourcequotas",
                name: name.to_string(),
            });
        }
        let mut hard = hard;
        hard.sort();
        self.quota = Some(Quota {
            hard,
            created: self.now,
        });
        self.user_writes += 1;
        self.settled = false;
        Ok(())
    }

    /// `kubectl delete quota NAME`.
    pub fn delete_quota(&mut self, name: &str) -> Result<(), super::ApiError> {
        if name != QUOTA_NAME || self.quota.is_none() {
            return Err(super::ApiError::NotFound {
                resource: "resourcequotas",
                name: name.to_string(),
            });
        }
        self.quota = None;
        self.user_writes += 1;
        self.settled = false;
        Ok(())
    }

    /// The quota's `used`: what the pods that exist use (terminating ones included).
    pub fn quota_used(&self) -> Vec<(String, i64)> {
        let Some(quota) = &self.quota else {
            return Vec::new();
        };
        let pods: Vec<&Pod> = self.pods.groups.values().flat_map(|g| g.pods()).collect();
        quota
            .hard
            .iter()
            .map(|(resource, _)| {
                let used = pods
                    .iter()
                    .fold(0i64, |sum, p| sum.saturating_add(p.quota_usage(resource)));
                (resource.clone(), used)
            })
            .collect()
    }

    /// CheckRequest for a pod of this template: `Err` with the API server's
    /// reason ("failed quota: …" or "exceeded quota: …") when the quota refuses it.
    pub(crate) fn admit_pod(&self, template: &PodTemplateSpec) -> Result<(), String> {
        let Some(quota) = &self.quota else {
            return Ok(());
        };
        // Constraints: a quota on cpu or memory needs every container to state it.
        let mut missing: Vec<(String, Vec<String>)> = Vec::new();
        for (resource, _) in &quota.hard {
            if !matches!(resource.as_str(), "pods" | "count/pods") {
                let (_, containers) = template_usage(template, resource);
                if !containers.is_empty() {
                    missing.push((resource.clone(), containers));
                }
            }
        }
        if !missing.is_empty() {
            missing.sort();
            let what: Vec<String> = missing
                .iter()
                .map(|(r, c)| format!("{r} for: {}", c.join(",")))
                .collect();
            return Err(format!(
                "failed quota: {QUOTA_NAME}: must specify {}",
                what.join("; ")
            ));
        }
        let used = self.quota_used();
        let mut requested = Vec::new();
        let mut exceeded_used = Vec::new();
        let mut exceeded_hard = Vec::new();
        for ((resource, hard), (_, used)) in quota.hard.iter().zip(&used) {
            let (amount, _) = template_usage(template, resource);
            if used.saturating_add(amount) > *hard {
                requested.push((resource.as_str(), amount));
                exceeded_used.push((resource.as_str(), *used));
                exceeded_hard.push((resource.as_str(), *hard));
            }
        }
        if requested.is_empty() {
            return Ok(());
        }
        Err(format!(
            "exceeded quota: {QUOTA_NAME}, requested: {}, used: {}, limited: {}",
            pretty(&requested),
            pretty(&exceeded_used),
            pretty(&exceeded_hard)
        ))
    }
}

impl Pod {
    /// What this pod counts against a quota resource.
    pub fn quota_usage(&self, resource: &str) -> i64 {
        match resource {
            "pods" | "count/pods" => 1,
            "cpu" | "requests.cpu" => self.requests.cpu,
            "memory" | "requests.memory" => self.requests.memory,
            "limits.cpu" => self.requests.limits_cpu,
            "limits.memory" => self.requests.limits_memory,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_as_quantities_do() {
        assert_eq!(format_amount("requests.cpu", 2700), "2700m");
        assert_eq!(format_amount("cpu", 3000), "3");
        assert_eq!(format_amount("requests.memory", 384 << 20), "384Mi");
        assert_eq!(format_amount("pods", 6), "6");
        assert_eq!(
            pretty(&[("requests.cpu", 300), ("pods", 1)]),
            "pods=1,requests.cpu=300m"
        );
    }
}

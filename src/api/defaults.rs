//! API-server defaulting of a Deployment (`pkg/apis/apps/v1/defaults.go`,
//! `pkg/apis/core/v1/defaults.go` for the pod template).

use super::{Deployment, IntOrString, RollingUpdateDeployment, ROLLING_UPDATE};
use serde_json::{Map, Value};

/// Applies SetDefaults_Deployment and the pod-template defaults, in place.
/// Idempotent: defaulting a defaulted object changes nothing.
pub fn set_defaults_deployment(d: &mut Deployment) {
    let spec = &mut d.spec;
    spec.replicas.get_or_insert(1);
    let strategy = &mut spec.strategy;
    if strategy.type_.as_deref().unwrap_or("").is_empty() {
        strategy.type_ = Some(ROLLING_UPDATE.to_string());
    }
    if strategy.type_.as_deref() == Some(ROLLING_UPDATE) {
        let ru = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDeployment::default);
        ru.max_unavailable.get_or_insert(IntOrString::percent(25));
        ru.max_surge.get_or_insert(IntOrString::percent(25));
    }
    spec.revision_history_limit.get_or_insert(10);
    spec.progress_deadline_seconds.get_or_insert(600);

    let pod = &mut std::sync::Arc::make_mut(&mut spec.template).spec;
    pod.restart_policy
        .get_or_insert_with(|| "Always".to_string());
    pod.termination_grace_period_seconds.get_or_insert(30);
    pod.dns_policy
        .get_or_insert_with(|| "ClusterFirst".to_string());
    pod.scheduler_name
        .get_or_insert_with(|| "default-scheduler".to_string());
    pod.security_context
        .get_or_insert_with(|| Value::Object(Map::new()));
    for c in pod
        .init_containers
        .iter_mut()
        .chain(pod.containers.iter_mut())
    {
        if c.image_pull_policy.is_none() {
            c.image_pull_policy = Some(default_pull_policy(&c.image).to_string());
        }
        c.termination_message_path
            .get_or_insert_with(|| "/dev/termination-log".to_string());
        c.termination_message_policy
            .get_or_insert_with(|| "File".to_string());
        c.resources.get_or_insert_with(|| Value::Object(Map::new()));
        for p in &mut c.ports {
            p.protocol.get_or_insert_with(|| "TCP".to_string());
        }
        for probe in [
            &mut c.liveness_probe,
            &mut c.readiness_probe,
            &mut c.startup_probe,
        ]
        .into_iter()
        .flatten()
        {
            set_defaults_probe(probe);
        }
        // SetDefaults_ObjectFieldSelector: a field reference reads v1 unless it says otherwise.
        for var in c.env.iter_mut().filter_map(Value::as_array_mut).flatten() {
            if let Some(field) = var
                .pointer_mut("/valueFrom/fieldRef")
                .and_then(Value::as_object_mut)
            {
                if field
                    .get("apiVersion")
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
                {
                    field.insert("apiVersion".into(), Value::from("v1"));
                }
            }
        }
    }
}

/// SetDefaults_Probe, and SetDefaults_HTTPGetAction for an httpGet probe.
fn set_defaults_probe(probe: &mut Value) {
    let Some(fields) = probe.as_object_mut() else {
        return;
    };
    for (key, default) in [
        ("timeoutSeconds", 1),
        ("periodSeconds", 10),
        ("successThreshold", 1),
        ("failureThreshold", 3),
    ] {
        let unset = fields
            .get(key)
            .is_none_or(|v| v.is_null() || v.as_i64() == Some(0));
        if unset {
            fields.insert(key.to_string(), Value::from(default));
        }
    }
    if let Some(http) = fields.get_mut("httpGet").and_then(Value::as_object_mut) {
        if http
            .get("path")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            http.insert("path".into(), Value::from("/"));
        }
        if http
            .get("scheme")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            http.insert("scheme".into(), Value::from("HTTP"));
        }
    }
}

/// `Always` for `:latest` or untagged images, else `IfNotPresent` (core/v1 SetDefaults_Container).
fn default_pull_policy(image: &str) -> &'static str {
    let last = image.rsplit('/').next().unwrap_or(image);
    let tag = if image.contains('@') {
        Some("digest")
    } else {
        last.split_once(':').map(|(_, t)| t)
    };
    match tag {
        None | Some("latest") => "Always",
        Some(_) => "IfNotPresent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_deployment_gets_the_api_servers_defaults() {
        let mut d = Deployment::default();
        set_defaults_deployment(&mut d);
        assert_eq!(d.spec.replicas, Some(1));
        assert_eq!(d.strategy_type(), "RollingUpdate");
        let ru = d.spec.strategy.rolling_update.clone().unwrap();
        assert_eq!(ru.max_surge, Some(IntOrString::percent(25)));
        assert_eq!(ru.max_unavailable, Some(IntOrString::percent(25)));
        assert_eq!(d.spec.revision_history_limit, Some(10));
        assert_eq!(d.spec.progress_deadline_seconds, Some(600));
        assert_eq!(d.spec.min_ready_seconds, 0);
        let again = d.clone();
        set_defaults_deployment(&mut d);
        assert_eq!(d, again, "defaulting is idempotent");
    }

    #[test]
    fn recreate_gets_no_rolling_update_block() {
        let mut d = Deployment::default();
        d.spec.strategy.type_ = Some("Recreate".into());
        set_defaults_deployment(&mut d);
        assert_eq!(d.spec.strategy.rolling_update, None);
    }

    #[test]
    fn pull_policy_follows_the_tag() {
        assert_eq!(default_pull_policy("nginx"), "Always");
        assert_eq!(default_pull_policy("nginx:latest"), "Always");
        assert_eq!(default_pull_policy("nginx:1.14.2"), "IfNotPresent");
        assert_eq!(default_pull_policy("localhost:5000/nginx"), "Always");
    }

    #[test]
    fn probes_get_the_api_servers_defaults() {
        let mut d = Deployment::default();
        let probe = serde_json::json!({"httpGet": {"port": 8080}});
        std::sync::Arc::make_mut(&mut d.spec.template)
            .spec
            .containers
            .push(crate::api::Container {
                name: "web".into(),
                image: "nginx:1.27".into(),
                readiness_probe: Some(probe),
                ..Default::default()
            });
        set_defaults_deployment(&mut d);
        let probe = d.spec.template.spec.containers[0]
            .readiness_probe
            .clone()
            .unwrap();
        assert_eq!(
            probe,
            serde_json::json!({"httpGet": {"port": 8080, "path": "/", "scheme": "HTTP"}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3})
        );
    }
}

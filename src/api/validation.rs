//! API-server validation of a Deployment, with the field paths and messages
//! of `pkg/apis/apps/validation/validation.go` and apimachinery's
//! `field.Error`, and the way kubectl prints an Invalid error.

use super::{Deployment, IntOrString, LabelSelector, RECREATE, ROLLING_UPDATE};
use crate::text::quoted;
use std::fmt;

/// One cause of an Invalid error (`field.Error`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub kind: FieldErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FieldErrorKind {
    /// `Invalid value: VALUE: DETAIL`, VALUE already rendered as ErrorBody renders it.
    Invalid {
        value: String,
        detail: String,
    },
    Required(String),
    Forbidden(String),
    NotSupported {
        value: String,
        supported: Vec<String>,
    },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.field)?;
        match &self.kind {
            FieldErrorKind::Invalid { value, detail } => {
                write!(f, "Invalid value: {value}: {detail}")
            }
            FieldErrorKind::Required(detail) if detail.is_empty() => f.write_str("Required value"),
            FieldErrorKind::Required(detail) => write!(f, "Required value: {detail}"),
            FieldErrorKind::Forbidden(detail) => write!(f, "Forbidden: {detail}"),
            FieldErrorKind::NotSupported { value, supported } => {
                let quoted: Vec<String> = supported
                    .iter()
                    .map(|s| format!("{s}", s = quoted(s)))
                    .collect();
                write!(
                    f,
                    "Unsupported value: {value}: supported values: {}",
                    quoted.join(", ")
                )
            }
        }
    }
}

/// An API `Invalid` status for one object, printed as kubectl prints it (R2.9).
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidError {
    pub kind: String,
    pub name: String,
    pub causes: Vec<FieldError>,
}

impl fmt::Display for InvalidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The {} {} is invalid: ", self.kind, quoted(&self.name))?;
        match self.causes.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                for cause in many {
                    write!(f, "\n* {cause}")?;
                }
                Ok(())
            }
        }
    }
}

/// How ErrorBody renders a bad value (R2.8): numbers plain, strings quoted, anything else as JSON.
fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    super::to_json(v)
}

fn invalid(field: &str, value: String, detail: &str) -> FieldError {
    FieldError {
        field: field.to_string(),
        kind: FieldErrorKind::Invalid {
            value,
            detail: detail.to_string(),
        },
    }
}

const PERCENT_MSG: &str = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const NON_NEGATIVE: &str = "must be greater than or equal to 0";

/// ValidateDeployment for a create (old = None) or an update (old = Some).
pub fn validate_deployment(d: &Deployment, old: Option<&Deployment>) -> Result<(), InvalidError> {
    let mut errs = Vec::new();
    validate_object_meta(d, &mut errs);
    validate_deployment_spec(d, &mut errs);
    if let Some(old) = old {
        if old.spec.selector != d.spec.selector {
            errs.push(invalid(
                "spec.selector",
                json(&d.spec.selector),
                "field is immutable",
            ));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(InvalidError {
            kind: "Deployment".into(),
            name: d.metadata.name.clone(),
            causes: errs,
        })
    }
}

const DNS1123_SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

pub fn is_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

pub fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(is_dns1123_label)
}

fn validate_object_meta(d: &Deployment, errs: &mut Vec<FieldError>) {
    let name = &d.metadata.name;
    if name.is_empty() {
        errs.push(FieldError {
            field: "metadata.name".into(),
            kind: FieldErrorKind::Required("name or generateName is required".into()),
        });
    } else if !is_dns1123_subdomain(name) {
        errs.push(invalid("metadata.name", json(name), DNS1123_SUBDOMAIN_MSG));
    }
}

fn validate_deployment_spec(d: &Deployment, errs: &mut Vec<FieldError>) {
    let spec = &d.spec;
    let replicas = d.replicas();
    if replicas < 0 {
        errs.push(invalid("spec.replicas", replicas.to_string(), NON_NEGATIVE));
    }
    match &spec.selector {
        None => errs.push(FieldError {
            field: "spec.selector".into(),
            kind: FieldErrorKind::Required(String::new()),
        }),
        Some(sel) if sel.is_empty() => errs.push(invalid(
            "spec.selector",
            json(sel),
            "empty selector is invalid for deployment",
        )),
        Some(_) => {}
    }
    validate_pod_template(spec.selector.as_ref(), d, errs);
    validate_strategy(d, errs);
    if spec.min_ready_seconds < 0 {
        errs.push(invalid(
            "spec.minReadySeconds",
            spec.min_ready_seconds.to_string(),
            NON_NEGATIVE,
        ));
    }
    if let Some(limit) = spec.revision_history_limit {
        if limit < 0 {
            errs.push(invalid(
                "spec.revisionHistoryLimit",
                limit.to_string(),
                NON_NEGATIVE,
            ));
        }
    }
    if let Some(deadline) = spec.progress_deadline_seconds {
        if deadline < 0 {
            errs.push(invalid(
                "spec.progressDeadlineSeconds",
                deadline.to_string(),
                NON_NEGATIVE,
            ));
        }
        if deadline <= spec.min_ready_seconds {
            errs.push(invalid(
                "spec.progressDeadlineSeconds",
                deadline.to_string(),
                "must be greater than minReadySeconds",
            ));
        }
    }
}

fn validate_pod_template(
    selector: Option<&LabelSelector>,
    d: &Deployment,
    errs: &mut Vec<FieldError>,
) {
    let template = &d.spec.template;
    if let Some(sel) = selector.filter(|s| !s.is_empty()) {
        if !sel.matches(&template.metadata.labels) {
            errs.push(invalid(
                "spec.template.metadata.labels",
                json(&template.metadata.labels),
                "`selector` does not match template `labels`",
            ));
        }
    }
    let pod = &template.spec;
    if pod.containers.is_empty() {
        errs.push(FieldError {
            field: "spec.template.spec.containers".into(),
            kind: FieldErrorKind::Required(String::new()),
        });
    }
    let mut seen = Vec::new();
    for (i, c) in pod.containers.iter().enumerate() {
        let path = format!("spec.template.spec.containers[{i}]");
        if c.name.is_empty() {
            errs.push(FieldError {
                field: format!("{path}.name"),
                kind: FieldErrorKind::Required(String::new()),
            });
        } else if !is_dns1123_label(&c.name) {
            errs.push(invalid(
                &format!("{path}.name"),
                json(&c.name),
                DNS1123_LABEL_MSG,
            ));
        } else if seen.contains(&&c.name) {
            errs.push(FieldError {
                field: format!("{path}.name"),
                kind: FieldErrorKind::Invalid {
                    value: json(&c.name),
                    detail: "Duplicate value".into(),
                },
            });
        }
        seen.push(&c.name);
        if c.image.trim().is_empty() {
            errs.push(FieldError {
                field: format!("{path}.image"),
                kind: FieldErrorKind::Required(String::new()),
            });
        }
    }
    if let Some(policy) = &pod.restart_policy {
        if policy != "Always" {
            errs.push(FieldError {
                field: "spec.template.spec.restartPolicy".into(),
                kind: FieldErrorKind::NotSupported {
                    value: json(policy),
                    supported: vec!["Always".into()],
                },
            });
        }
    }
    if pod.active_deadline_seconds.is_some() {
        errs.push(FieldError {
            field: "spec.template.spec.activeDeadlineSeconds".into(),
            kind: FieldErrorKind::Forbidden(
                "activeDeadlineSeconds in ReplicaSet is not Supported".into(),
            ),
        });
    }
}

fn validate_strategy(d: &Deployment, errs: &mut Vec<FieldError>) {
    let strategy = &d.spec.strategy;
    let type_ = strategy.type_.as_deref().unwrap_or("");
    match type_ {
        RECREATE => {
            if strategy.rolling_update.is_some() {
                errs.push(FieldError {
                    field: "spec.strategy.rollingUpdate".into(),
                    kind: FieldErrorKind::Forbidden(
                        "may not be specified when strategy `type` is 'Recreate'".into(),
                    ),
                });
            }
        }
        ROLLING_UPDATE => {
            // Defaulting fills rollingUpdate; an explicit null after defaulting is Required.
            match &strategy.rolling_update {
                None => errs.push(FieldError {
                    field: "spec.strategy.rollingUpdate".into(),
                    kind: FieldErrorKind::Required(
                        "this should be defaulted and never be nil".into(),
                    ),
                }),
                Some(ru) => validate_rolling_update(
                    ru.max_unavailable.as_ref(),
                    ru.max_surge.as_ref(),
                    errs,
                ),
            }
        }
        _ => errs.push(FieldError {
            field: "spec.strategy.type".into(),
            kind: FieldErrorKind::NotSupported {
                value: json(type_),
                supported: vec![RECREATE.into(), ROLLING_UPDATE.into()],
            },
        }),
    }
}

/// ValidatePositiveIntOrPercent: ints must be >= 0, strings must be `[0-9]+%`.
fn validate_int_or_percent(v: &IntOrString, field: &str, errs: &mut Vec<FieldError>) {
    match v {
        IntOrString::Int(i) if *i < 0 => errs.push(invalid(field, i.to_string(), NON_NEGATIVE)),
        IntOrString::Int(_) => {}
        IntOrString::Str(s) => {
            if !is_valid_percent(s) {
                errs.push(invalid(field, json(s), PERCENT_MSG));
            }
        }
    }
}

fn is_valid_percent(s: &str) -> bool {
    s.strip_suffix('%')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// getIntOrPercentValue: a valid percent's number, else the string's integer parse, else 0.
fn int_or_percent_value(v: &IntOrString) -> i64 {
    match v {
        IntOrString::Int(i) => *i as i64,
        IntOrString::Str(s) if is_valid_percent(s) => {
            s.trim_end_matches('%').parse().unwrap_or(i64::MAX)
        }
        IntOrString::Str(s) => s.parse().unwrap_or(0),
    }
}

fn validate_rolling_update(
    max_unavailable: Option<&IntOrString>,
    max_surge: Option<&IntOrString>,
    errs: &mut Vec<FieldError>,
) {
    const MU: &str = "spec.strategy.rollingUpdate.maxUnavailable";
    const MS: &str = "spec.strategy.rollingUpdate.maxSurge";
    let zero = IntOrString::Int(0);
    let mu = max_unavailable.unwrap_or(&zero);
    let ms = max_surge.unwrap_or(&zero);
    validate_int_or_percent(mu, MU, errs);
    validate_int_or_percent(ms, MS, errs);
    if int_or_percent_value(mu) == 0 && int_or_percent_value(ms) == 0 {
        errs.push(invalid(MU, json(mu), "may not be 0 when `maxSurge` is 0"));
    }
    if let IntOrString::Str(s) = mu {
        if is_valid_percent(s) && int_or_percent_value(mu) > 100 {
            errs.push(invalid(MU, json(s), "must not be greater than 100%"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::defaults::set_defaults_deployment;

    fn deployment(json_text: &str) -> Deployment {
        let mut d = Deployment::from_json(&serde_json::from_str(json_text).unwrap()).unwrap();
        set_defaults_deployment(&mut d);
        d
    }

    const BASE: &str = r#"{"metadata":{"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.0"}]}}}}"#;

    fn with_strategy(ms: &str, mu: &str) -> String {
        BASE.replacen(r#""replicas":3"#, &format!(r#""replicas":3,"strategy":{{"rollingUpdate":{{"maxSurge":{ms},"maxUnavailable":{mu}}}}}"#), 1)
    }

    fn message(d: &Deployment) -> String {
        validate_deployment(d, None).unwrap_err().to_string()
    }

    #[test]
    fn a_valid_deployment_passes() {
        assert_eq!(validate_deployment(&deployment(BASE), None), Ok(()));
    }

    #[test]
    fn both_zero_is_an_error_on_max_unavailable() {
        assert_eq!(
            message(&deployment(&with_strategy("0", "0"))),
            "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"
        );
        assert_eq!(
            message(&deployment(&with_strategy("\"0%\"", "0"))),
            "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"
        );
    }

    #[test]
    fn a_malformed_percent_with_a_zero_partner_reports_both_causes() {
        assert_eq!(
            message(&deployment(&with_strategy("\"0%\"", "\"urg\""))),
            format!("The Deployment \"web\" is invalid: \n* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"urg\": {PERCENT_MSG}\n* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"urg\": may not be 0 when `maxSurge` is 0")
        );
    }

    #[test]
    fn negative_and_over_100_percent_are_rejected() {
        assert!(message(&deployment(&with_strategy("-1", "1"))).ends_with("spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0"));
        assert!(message(&deployment(&with_strategy("1", "\"120%\"")))
            .ends_with("maxUnavailable: Invalid value: \"120%\": must not be greater than 100%"));
        assert_eq!(
            validate_deployment(&deployment(&with_strategy("\"200%\"", "0")), None),
            Ok(()),
            "maxSurge has no upper bound"
        );
    }

    #[test]
    fn recreate_with_rolling_update_is_forbidden() {
        let mut d = deployment(BASE);
        d.spec.strategy.type_ = Some("Recreate".into());
        assert!(message(&d).ends_with("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"));
    }

    #[test]
    fn selector_must_match_template_labels() {
        let d =
            deployment(&BASE.replace(r#""labels":{"app":"web"}"#, r#""labels":{"app":"other"}"#));
        assert_eq!(message(&d), "The Deployment \"web\" is invalid: spec.template.metadata.labels: Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`");
    }

    #[test]
    fn deadline_must_exceed_min_ready() {
        let mut d = deployment(BASE);
        d.spec.min_ready_seconds = 10;
        d.spec.progress_deadline_seconds = Some(10);
        assert!(message(&d).ends_with(
            "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds"
        ));
    }

    #[test]
    fn selector_is_immutable_on_update() {
        let old = deployment(BASE);
        let mut new = old.clone();
        new.spec
            .selector
            .as_mut()
            .unwrap()
            .match_labels
            .insert("tier".into(), "x".into());
        std::sync::Arc::make_mut(&mut new.spec.template)
            .metadata
            .labels
            .insert("tier".into(), "x".into());
        assert!(validate_deployment(&new, Some(&old))
            .unwrap_err()
            .to_string()
            .ends_with("field is immutable"));
    }
}

//! Commands that write a whole object or its metadata: `apply` (client-side
//! three-way merge), `edit`, `create deployment`, `annotate`.

use super::args::{self, bool_flag, flag, short, Kind};
use super::{get_deployment, printed, Failure, Output};
use crate::api::decode::decode_strict;
use crate::api::to_value;
use crate::api::{keys, Container, ContainerPort, Deployment, LabelSelector};
use crate::sim::{ApiError, Cluster};
use crate::text::quoted;
use serde_json::{Map, Value};
use std::fmt;

/// `kubectl apply -f FILE` of a YAML (or JSON) file: every document in it,
/// as kubectl applies them (it goes on after a failed one and exits 1).
/// Also the name of the last Deployment it applied.
pub fn apply_file(c: &mut Cluster, source: &str, text: &str) -> (super::Output, Option<String>) {
    let documents = match super::yaml::parse_documents(text) {
        // The stream visitor skips documents that are empty or `null`.
        Ok(mut d) => {
            d.retain(|document| !document.is_null());
            d
        }
        Err(e) => {
            let failed = super::Output {
                stderr: format!(
                    "error: error parsing {source}: error converting YAML to JSON: {e}\n"
                ),
                exit_code: 1,
                ..Default::default()
            };
            return (failed, None);
        }
    };
    let mut out = super::Output::default();
    let mut applied = None;
    if documents.is_empty() {
        out.stderr = "error: no objects passed to apply\n".into();
        out.exit_code = 1;
    }
    for doc in &documents {
        match apply_object(c, doc, source) {
            Ok(line) => {
                out.stdout.push_str(&line);
                applied = doc
                    .pointer("/metadata/name")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
            Err(Failure(message)) => {
                out.stderr.push_str(&message);
                if !message.ends_with('\n') {
                    out.stderr.push('\n');
                }
                out.exit_code = 1;
            }
        }
    }
    (out, applied)
}

/// `kubectl apply -f` of one object given as JSON (the scenario's `apply`
/// step reads it from "STDIN").
pub fn apply_object(c: &mut Cluster, manifest: &Value, source: &str) -> Result<String, Failure> {
    if let Some(errors) = object_kind_errors(manifest) {
        return Err(Failure::error(format!(
            "error validating {source}: error validating data: {errors}; if you choose to ignore these errors, turn validation off with --validate=false",
            source = quoted(source)
        )));
    }
    // The simulated cluster takes Deployments only: other kinds it does not serve.
    if let Some(error) = mapping_error(manifest, source, &[("apps/v1", "Deployment")]) {
        return Err(Failure::error(error));
    }
    let name = manifest
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if name.is_empty() {
        return Err(Failure::error(
            "error when retrieving current configuration: resource name may not be empty",
        ));
    }
    let mut new = manifest.clone();
    if let Some(annotations) = new
        .pointer_mut("/metadata/annotations")
        .and_then(Value::as_object_mut)
    {
        annotations.remove(keys::LAST_APPLIED);
    }
    let last_applied = new.to_string() + "\n";
    let exists = c.deployment(&name).is_some();
    let mut d: Deployment = decode_strict(&new).map_err(|message| {
        let verb = if exists { "patching" } else { "creating" };
        Failure(format!(
            "Error from server (BadRequest): error when {verb} {source}: Deployment in version \"v1\" cannot be handled as a Deployment: {message}", source = quoted(source)
        ))
    })?;
    let Some(live) = c.deployment(&name).cloned() else {
        d.metadata
            .annotations
            .insert(keys::LAST_APPLIED.into(), last_applied);
        c.create_deployment(d)?;
        return Ok(printed(&name, "created"));
    };
    let last: Option<Value> = live
        .metadata
        .annotation(keys::LAST_APPLIED)
        .and_then(|s| serde_json::from_str(s).ok());
    let mut merged = to_value(&live);
    three_way_merge(&mut merged, last.as_ref(), &new, "");
    if let Some(meta) = merged.get_mut("metadata").and_then(Value::as_object_mut) {
        let annotations = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(a) = annotations.as_object_mut() {
            a.insert(keys::LAST_APPLIED.into(), Value::String(last_applied));
        }
    }
    let updated = decode(&merged)?;
    let changed = c.update_deployment(updated)?;
    Ok(printed(
        &name,
        if changed { "configured" } else { "unchanged" },
    ))
}

fn decode(v: &Value) -> Result<Deployment, Failure> {
    Deployment::from_json(v).map_err(|e| {
        Failure(format!("Error from server (BadRequest): Deployment in version \"v1\" cannot be handled as a Deployment: {e}"))
    })
}

/// Client-side apply's merge: keys the last applied configuration had and
/// the new one lacks are deleted, the new one's keys are set (objects
/// merged recursively), everything else on the live object stays.
/// `spec.strategy` has patch strategy retainKeys: it is replaced whole.
fn three_way_merge(live: &mut Value, last: Option<&Value>, new: &Value, path: &str) {
    let (Value::Object(live_map), Value::Object(new_map)) = (&mut *live, new) else {
        *live = new.clone();
        return;
    };
    if let Some(Value::Object(last_map)) = last {
        for key in last_map.keys() {
            if !new_map.contains_key(key) {
                live_map.remove(key);
            }
        }
    }
    for (key, new_value) in new_map {
        let child_path = format!("{path}/{key}");
        if new_value.is_null() {
            live_map.remove(key);
            continue;
        }
        match live_map.get_mut(key) {
            Some(live_value)
                if live_value.is_object()
                    && new_value.is_object()
                    && child_path != "/spec/strategy" =>
            {
                three_way_merge(
                    live_value,
                    last.and_then(|l| l.get(key)),
                    new_value,
                    &child_path,
                )
            }
            _ => {
                live_map.insert(key.clone(), new_value.clone());
            }
        }
    }
}

/// `kubectl apply` typed in the console: there are no files to read.
pub fn apply_command(_c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(
        words,
        &[short(flag("filename"), 'f'), flag("validate")],
        "kubectl apply",
    )?;
    match a.get("filename") {
        None => Err(Failure::error("must specify one of -f and -k")),
        Some(path) => Err(Failure(format!(
            "error: the path {path} does not exist",
            path = quoted(path)
        ))),
    }
}

/// What kubectl's client-side validation (`GetObjectKind` in
/// `util/openapi/validation`) says of a manifest's apiVersion and kind, as a
/// Go error aggregate prints it: one error alone, several in brackets.
/// `None` when both are there and well-formed.
pub fn object_kind_errors(manifest: &Value) -> Option<String> {
    let Some(fields) = manifest.as_object() else {
        return Some("invalid object to validate".into());
    };
    let mut errors = Vec::new();
    match fields.get("apiVersion") {
        None | Some(Value::Null) => errors.push("apiVersion not set".to_string()),
        Some(Value::String(gv)) if gv.matches('/').count() > 1 => {
            errors.push(format!("unexpected GroupVersion string: {gv}"))
        }
        Some(Value::String(_)) => {}
        Some(_) => errors.push("apiVersion isn't string type".into()),
    }
    match fields.get("kind") {
        None | Some(Value::Null) => errors.push("kind not set".into()),
        Some(Value::String(_)) => {}
        Some(_) => errors.push("kind isn't string type".into()),
    }
    match errors.len() {
        0 => None,
        1 => errors.pop(),
        _ => Some(format!("[{}]", errors.join(", "))),
    }
}

/// `kubectl edit` typed in the console: no editor runs here.
pub fn edit_command(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(words, &[short(flag("output"), 'o')], "kubectl edit")?;
    let name = args::one_named(&a.positional, Kind::Deployment, "edit")?;
    get_deployment(c, &name)?;
    Err(Failure::error("no editor is available in this console: change the Deployment with set image, scale, annotate or apply"))
}

/// What `kubectl edit` writes into the editor's file above the object.
pub const EDIT_HEADER: &str = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/// The Deployment a `kubectl edit` line opens, checked as kubectl checks it
/// before starting the editor; `None` when the line is not `edit`.
pub fn edit_target(c: &Cluster, line: &str) -> Option<Result<String, Failure>> {
    let words = super::words::split_words(line).ok()?;
    let words: &[String] = match words.first() {
        Some(first) if first == "kubectl" => &words[1..],
        _ => &words,
    };
    if words.first().map(String::as_str) != Some("edit") {
        return None;
    }
    let check = || {
        let a = args::parse(&words[1..], &[short(flag("output"), 'o')], "kubectl edit")?;
        let name = args::one_named(&a.positional, Kind::Deployment, "edit")?;
        get_deployment(c, &name)?;
        Ok(name)
    };
    Some(check())
}

/// The editor's file for `kubectl edit deployment/NAME`: the header, then
/// the object as `get -o yaml` prints it.
pub fn edit_file(c: &Cluster, name: &str) -> Option<String> {
    let d = c.deployment(name)?;
    let yaml = super::yaml::to_yaml(&to_value(d));
    Some(format!("{EDIT_HEADER}{yaml}"))
}

/// What saving kubectl edit's file led to: what kubectl printed, and the
/// file the editor reopens on when kubectl retries (a syntax error, an
/// invalid object), with the failures in its header.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditSaved {
    pub output: Output,
    pub reopen: Option<String>,
}

/// `kubectl edit` saving the editor's file, as `editoptions.go` goes
/// through it. First client-side validation, which reads the file and
/// checks its apiVersion and kind: a YAML error, a missing or mistyped
/// apiVersion or kind, or an empty file (not an object) prints "is invalid"
/// and reopens the editor with "The edited file failed validation" in its
/// header. (So kubectl's "Edit cancelled, saved file was empty." is not
/// reached while validation is on, its default.) Then: the file unchanged
/// since the editor opened (`original`) cancels; a kind or version the
/// cluster does not serve reopens the editor ("had a syntax error", the
/// resource builder's mapping error); an object the API server finds
/// invalid reopens it with the reasons; a file reopened so and saved
/// unchanged (`reopened`) ends the edit; a renamed object or one the
/// server cannot decode ends it with the error.
///
/// Like kubectl, only what changed between the opened file and the saved
/// one goes to the server, as a merge patch: changes made to the object
/// while the editor was open (a rollout, a scale) are kept.
pub fn edit_saved(
    c: &mut Cluster,
    name: &str,
    original: &str,
    text: &str,
    reopened: Option<&str>,
) -> EditSaved {
    let kept = || temp_file_name(text);
    let done = |output: Output| EditSaved {
        output,
        reopen: None,
    };
    let failed = |stderr: String| {
        done(Output {
            stderr,
            exit_code: 1,
            ..Default::default()
        })
    };
    let saved = first_document(text);
    let saved_stripped = stripped(text, &saved);
    // Retrying after a failure: the reopened file saved as it was gives up.
    if reopened.is_some_and(|before| stripped(before, &first_document(before)) == saved_stripped) {
        return failed(format!(
            "A copy of your changes has been stored to {}\nerror: Edit cancelled, no valid changes were saved.\n",
            quoted(&kept())
        ));
    }
    // editResults.addError of an Invalid error: kubectl goes on and reopens the editor.
    let not_valid = |causes: &[String]| EditSaved {
        output: Output {
            stderr: format!("error: deployments.apps {} is invalid\n", quoted(name)),
            exit_code: 0,
            ..Default::default()
        },
        reopen: Some(reopened_file(
            &format!("deployments.apps {} was not valid", quoted(name)),
            causes,
            text,
        )),
    };
    // Client-side validation (a paramVerifyingSchema: the API server
    // validates fields itself, so only the apiVersion and kind are checked).
    let failed_validation = |error: &dyn fmt::Display| {
        not_valid(&[format!(
            "<nil>: Invalid value: \"The edited file failed validation\": {error}"
        )])
    };
    let document = match &saved {
        Err(e) => return failed_validation(e),
        Ok(document) => match object_kind_errors(document) {
            Some(error) => return failed_validation(&error),
            None => document,
        },
    };
    // Retrying or not, the file as the editor first opened it cancels.
    if stripped(original, &first_document(original)) == saved_stripped {
        return done(Output {
            stderr: "Edit cancelled, no changes made.\n".into(),
            ..Default::default()
        });
    }
    if let Some(error) = mapping_error(document, "edited-file", SERVED_KINDS) {
        let reason = format!("The edited file had a syntax error: {error}");
        return EditSaved {
            output: Output::default(),
            reopen: Some(reopened_file(&reason, &[], text)),
        };
    }
    let Some(patch) = patch_of(name, original, document) else {
        return failed(format!(
            "A copy of your changes has been stored to {}\nerror: At least one of apiVersion, kind and name was changed\n",
            quoted(&kept())
        ));
    };
    if patch.as_object().is_some_and(Map::is_empty) {
        // Only status or server-set fields changed: kubectl sends them, the API
        // server ignores them, and kubectl says "edited" (it prints "skipped"
        // only for an object whose JSON did not change, caught above).
        return done(Output::ok(printed(name, "edited")));
    }
    let could_not_be_patched = |reason: &dyn fmt::Display| {
        failed(format!(
            "error: deployments.apps {name} could not be patched: {reason}\nYou can run `kubectl replace -f {}` to try this update again.\n",
            kept(), name = quoted(name)
        ))
    };
    let Some(live) = c.deployment(name) else {
        return failed(format!(
            "error: deployments.apps {name} could not be found on the server\nThe edits you made on deleted resources have been saved to {}\n",
            quoted(&kept()), name = quoted(name)
        ));
    };
    let mut merged = to_value(live);
    merge_patch(&mut merged, &patch);
    let edited: Deployment = match decode_strict(&merged) {
        Ok(d) => d,
        Err(message) if message.starts_with("strict decoding error") => {
            return could_not_be_patched(&message)
        }
        Err(e) => {
            return could_not_be_patched(&format!(
                "Deployment in version \"v1\" cannot be handled as a Deployment: {e}"
            ))
        }
    };
    match c.update_deployment(edited) {
        Ok(_) => done(Output::ok(printed(name, "edited"))),
        Err(ApiError::Invalid(invalid)) => {
            let causes: Vec<String> = invalid.causes.iter().map(ToString::to_string).collect();
            not_valid(&causes)
        }
        Err(other) => could_not_be_patched(&other),
    }
}

/// The resource builder's error for an object from `source` it cannot read
/// (`mapper.infoForData`): an empty kind (the decoder's, over the document
/// as JSON), or an apiVersion and kind not among `served`. `None` when it
/// maps (for edit, kinds other than a Deployment map too, and kubectl then
/// refuses the changed kind: see `patch_of`).
fn mapping_error(document: &Value, source: &str, served: &[(&str, &str)]) -> Option<String> {
    let text = |pointer: &str| {
        document
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or("")
    };
    let (api_version, kind) = (text("/apiVersion"), text("/kind"));
    if kind.is_empty() {
        return Some(format!(
            "unable to decode {}: Object 'Kind' is missing in '{document}'",
            quoted(source)
        ));
    }
    if served
        .iter()
        .any(|(version, kinds)| *version == api_version && kinds.split(' ').any(|k| k == kind))
    {
        return None;
    }
    Some(format!(
        "resource mapping not found for name: {} namespace: {} from {}: no matches for kind {} in version {}\nensure CRDs are installed first",
        quoted(text("/metadata/name")), quoted(text("/metadata/namespace")), quoted(source), quoted(kind), quoted(api_version)
    ))
}

/// The built-in kinds a cluster of the newest release serves, by apiVersion
/// (the common ones: a typo in a kind or version is what this catches).
const SERVED_KINDS: &[(&str, &str)] = &[
    ("v1", "Pod Service ConfigMap Secret Namespace Node ServiceAccount PersistentVolume PersistentVolumeClaim ReplicationController Endpoints Event LimitRange ResourceQuota PodTemplate"),
    ("apps/v1", "Deployment ReplicaSet StatefulSet DaemonSet ControllerRevision"),
    ("batch/v1", "Job CronJob"),
    ("autoscaling/v1", "HorizontalPodAutoscaler"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("networking.k8s.io/v1", "Ingress NetworkPolicy IngressClass"),
    ("policy/v1", "PodDisruptionBudget"),
    ("rbac.authorization.k8s.io/v1", "Role ClusterRole RoleBinding ClusterRoleBinding"),
    ("storage.k8s.io/v1", "StorageClass"),
    ("discovery.k8s.io/v1", "EndpointSlice"),
    ("coordination.k8s.io/v1", "Lease"),
    ("scheduling.k8s.io/v1", "PriorityClass"),
];

/// The JSON merge patch an edit sends: what changed between the opened and
/// the saved file, status and server-set fields left out (the API server
/// ignores them). `None` for a file that is not YAML or that changes the
/// apiVersion, kind or name (kubectl sends nothing).
pub fn edit_patch(name: &str, original: &str, text: &str) -> Option<Value> {
    patch_of(name, original, &first_document(text).ok()?)
}

/// The first document of a file as kubectl edit reads it (`null` for none).
fn first_document(text: &str) -> Result<Value, super::yaml::YamlError> {
    super::yaml::parse_documents(text)
        .map(|documents| documents.into_iter().next().unwrap_or(Value::Null))
}

/// `edit_patch` of a saved file already read.
fn patch_of(name: &str, original: &str, edited: &Value) -> Option<Value> {
    let same = |pointer: &str, expected: &str| {
        edited.pointer(pointer).and_then(Value::as_str) == Some(expected)
    };
    if !(same("/apiVersion", "apps/v1")
        && same("/kind", "Deployment")
        && same("/metadata/name", name))
    {
        return None;
    }
    let opened = first_document(original).unwrap_or(Value::Null);
    let mut patch = merge_patch_between(&opened, edited);
    if let Some(fields) = patch.as_object_mut() {
        fields.remove("status");
        if let Some(Value::Object(meta)) = fields.get_mut("metadata") {
            for server_set in [
                "uid",
                "resourceVersion",
                "generation",
                "creationTimestamp",
                "managedFields",
            ] {
                meta.remove(server_set);
            }
            if meta.is_empty() {
                fields.remove("metadata");
            }
        }
    }
    Some(patch)
}

/// A file as kubectl compares saves (`cmdutil.StripComments`): its JSON
/// form, or, when it is not YAML, its lines without the comment lines.
#[derive(PartialEq)]
enum Stripped {
    Json(Value),
    Text(String),
}

fn stripped(text: &str, read: &Result<Value, super::yaml::YamlError>) -> Stripped {
    match read {
        Ok(value) => Stripped::Json(value.clone()),
        Err(_) => Stripped::Text(without_comments(text)),
    }
}

/// `cmdutil.ManualStrip`: the lines that are not comments (`#!` stays).
fn without_comments(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut kept = String::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with('#') && !t.starts_with("#!") {
            continue;
        }
        kept.push_str(line);
        // As ManualStrip: the line break after every line but the last kept.
        if i + 1 < lines.len() {
            kept.push('\n');
        }
    }
    kept
}

/// `hashOnLineBreak`: every line break not followed by `#` (nor ending the
/// text) starts a comment line, so a reason of several lines stays a comment.
fn commented(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' && chars.peek().is_some_and(|next| *next != '#') {
            out.push_str("\n# ");
        } else {
            out.push(c);
        }
    }
    out
}

/// The file the editor reopens on: kubectl's header with the reason (and
/// its causes), then what was saved without its comments (`editHeader.writeTo`).
fn reopened_file(head: &str, causes: &[String], saved: &str) -> String {
    let mut file = String::from(EDIT_HEADER);
    file.push_str(&format!(
        "# {}{}\n",
        commented(head),
        if causes.is_empty() { "" } else { ":" }
    ));
    for cause in causes {
        file.push_str(&format!("# * {}\n", commented(cause)));
    }
    file.push_str("#\n");
    file.push_str(&without_comments(saved));
    file
}

/// Where kubectl says it kept the edited file (`kubectl-edit-*.yaml` in
/// the temp directory; the digits here come from the file's text, so a
/// replay prints the same name).
fn temp_file_name(text: &str) -> String {
    let digits = text.bytes().fold(0x811C_9DC5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("/tmp/kubectl-edit-{digits}.yaml")
}

/// The RFC 7386 merge patch that turns `from` into `to` (lists are replaced whole).
fn merge_patch_between(from: &Value, to: &Value) -> Value {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (key, old) in a {
                match b.get(key) {
                    None => {
                        patch.insert(key.clone(), Value::Null);
                    }
                    Some(new) if new != old => {
                        patch.insert(key.clone(), merge_patch_between(old, new));
                    }
                    Some(_) => {}
                }
            }
            for (key, new) in b {
                if !a.contains_key(key) {
                    patch.insert(key.clone(), new.clone());
                }
            }
            Value::Object(patch)
        }
        _ => to.clone(),
    }
}

/// `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=N]`.
pub fn create(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    match words.first().map(String::as_str) {
        Some("deployment" | "deploy") => {}
        Some("quota" | "resourcequota") => return create_quota(c, &words[1..]),
        Some(other) => {
            return Err(Failure::error(format!(
                "unknown command {other}\nSee 'kubectl create -h' for help and examples",
                other = quoted(other)
            )))
        }
        None => return Err(Failure::error("must specify one of -f and -k")),
    }
    let a = args::parse(
        &words[1..],
        &[flag("image"), short(flag("replicas"), 'r'), flag("port")],
        "kubectl create deployment",
    )?;
    let [name] = a.positional.as_slice() else {
        return Err(Failure::error(
            "exactly one NAME is required, got ".to_string() + &a.positional.len().to_string(),
        ));
    };
    let image = a
        .get("image")
        .ok_or_else(|| Failure::error("required flag(s) \"image\" not set"))?;
    let replicas = a.int("replicas")?.unwrap_or(1) as i32;
    let mut d = Deployment {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        ..Default::default()
    };
    d.metadata.name = name.clone();
    d.metadata.labels.insert("app".into(), name.clone());
    d.spec.replicas = Some(replicas);
    d.spec.selector = Some(LabelSelector {
        match_labels: [("app".to_string(), name.clone())].into(),
        ..Default::default()
    });
    let template = std::sync::Arc::make_mut(&mut d.spec.template);
    template.metadata.labels.insert("app".into(), name.clone());
    let container_name = image
        .rsplit('/')
        .next()
        .unwrap_or(image)
        .split([':', '@'])
        .next()
        .unwrap_or("app")
        .to_ascii_lowercase();
    let mut container = Container {
        name: container_name,
        image: image.to_string(),
        ..Default::default()
    };
    if let Some(port) = a.int("port")? {
        container.ports.push(ContainerPort {
            container_port: port as i32,
            ..Default::default()
        });
    }
    template.spec.containers.push(container);
    c.create_deployment(d)?;
    Ok(printed(name, "created"))
}

/// `kubectl annotate TYPE NAME KEY=VALUE... KEY-... [--overwrite]`.
pub fn annotate(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(
        words,
        &[bool_flag("overwrite"), bool_flag("all")],
        "kubectl annotate",
    )?;
    // kubectl's parseAnnotations: KEY=VALUE sets, KEY- removes; the rest names resources.
    let (changes, resources): (Vec<String>, Vec<String>) = a
        .positional
        .iter()
        .cloned()
        .partition(|w| w.contains('=') || w.ends_with('-'));
    if resources.is_empty() {
        return Err(Failure::error(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if changes.is_empty() {
        return Err(Failure::error("at least one annotation update is required"));
    }
    let name = args::one_named(&resources, Kind::Deployment, "annotate")?;
    let mut d = get_deployment(c, &name)?;
    if !a.bool("overwrite", false)? {
        // validateNoAnnotationOverwrites: any existing key, same value or not
        // (the change-cause annotation is exempt).
        let conflicts: Vec<String> = changes
            .iter()
            .filter_map(|change| change.split_once('=').map(|(k, _)| k))
            .filter(|k| *k != keys::CHANGE_CAUSE)
            .filter_map(|k| {
                d.metadata
                    .annotations
                    .get(k)
                    .map(|old| format!("'{k}' already has a value ({old})"))
            })
            .collect();
        if !conflicts.is_empty() {
            return Err(Failure::error(format!(
                "--overwrite is false but found the following declared annotation(s): {}",
                conflicts.join("; ")
            )));
        }
    }
    for change in &changes {
        if let Some((key, value)) = change.split_once('=') {
            d.metadata
                .annotations
                .insert(key.to_string(), value.to_string());
        } else if let Some(key) = change.strip_suffix('-') {
            d.metadata.annotations.remove(key);
        }
    }
    c.update_deployment(d)?;
    Ok(printed(&name, "annotated"))
}

/// `kubectl patch deployment NAME -p PATCH [--type strategic|merge]`. For
/// the fields a Deployment patch touches here, a strategic merge patch
/// merges like a JSON merge patch (RFC 7386): objects merge, `null` deletes.
pub fn patch(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    let a = args::parse(
        words,
        &[short(flag("patch"), 'p'), flag("type")],
        "kubectl patch",
    )?;
    let patch_text = a
        .get("patch")
        .ok_or_else(|| Failure::error("must specify -p to patch"))?;
    match a.get("type").unwrap_or("strategic") {
        "strategic" | "merge" => {}
        "json" => {
            return Err(Failure::error(
                "JSON patches (--type json) are not supported by this simulator; use --type merge",
            ))
        }
        other => {
            return Err(Failure::error(format!(
                "--type must be one of [json merge strategic], not {other}",
                other = quoted(other)
            )))
        }
    }
    let name = args::one_named(&a.positional, Kind::Deployment, "patch")?;
    let live = get_deployment(c, &name)?;
    let patch: Value = serde_json::from_str(patch_text).map_err(|e| {
        Failure::error(format!(
            "unable to parse {patch_text}: {e}",
            patch_text = quoted(patch_text)
        ))
    })?;
    let mut merged = to_value(&live);
    merge_patch(&mut merged, &patch);
    let changed = c.update_deployment(decode(&merged)?)?;
    Ok(printed(
        &name,
        if changed {
            "patched"
        } else {
            "patched (no change)"
        },
    ))
}

/// RFC 7386 JSON merge patch.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(target_map) = target else {
        return;
    };
    for (key, value) in patch_map {
        if value.is_null() {
            target_map.remove(key);
        } else {
            merge_patch(target_map.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

/// `kubectl create quota NAME --hard=pods=6,requests.cpu=3` (create_quota.go).
fn create_quota(c: &mut Cluster, words: &[String]) -> Result<String, Failure> {
    use crate::api::quantity::Quantity;
    use crate::sim::quota::{QUOTA_NAME, RESOURCES};
    let a = args::parse(
        words,
        &[flag("hard"), flag("scopes")],
        "kubectl create quota",
    )?;
    let [name] = a.positional.as_slice() else {
        return Err(Failure::error(
            "exactly one NAME is required, got ".to_string() + &a.positional.len().to_string(),
        ));
    };
    let mut hard = Vec::new();
    for statement in a
        .get("hard")
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let parts: Vec<&str> = statement.split('=').collect();
        let [resource, amount] = parts.as_slice() else {
            return Err(Failure::error(format!(
                "Invalid argument syntax {statement}, expected <resource>=<value>"
            )));
        };
        let read = if resource.ends_with("cpu") {
            Quantity::milli_value
        } else {
            Quantity::value
        };
        let Some(amount) = Quantity::parse(amount).and_then(read) else {
            return Err(Failure::error("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
        };
        if amount < 0 {
            return Err(Failure(format!(
                "The ResourceQuota {} is invalid: spec.hard[{resource}]: Invalid value: {}: must be greater than or equal to 0",
                quoted(name),
                quoted(parts[1])
            )));
        }
        if !RESOURCES.contains(resource) {
            return Err(Failure::error(format!(
                "{resource}: the simulator models a quota of {} only",
                RESOURCES.join(", ")
            )));
        }
        hard.push((resource.to_string(), amount));
    }
    if name != QUOTA_NAME {
        return Err(Failure::error(format!(
            "the simulator models one quota, named {}",
            quoted(QUOTA_NAME)
        )));
    }
    c.create_quota(name, hard)?;
    Ok(format!("resourcequota/{name} created\n"))
}

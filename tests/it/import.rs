//! Import YAML: `kubectl apply -f FILE` of a real manifest in a session,
//! with kubectl's and the API server's messages for bad ones.

use crate::session::{observable, play, session};
use rollout_lab::scenario::share::{decode, encode, View};

fn nginx() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/manifests/nginx-deployment.yaml"
    ))
    .unwrap()
}

#[test]
fn the_docs_nginx_deployment_is_created_rolled_out_and_followed_by_the_lab() {
    let mut s = session("ui-01-seed.json");
    let out = s.apply_file("nginx-deployment.yaml", &nginx()).unwrap();
    assert_eq!(
        (out.stdout.as_str(), out.exit_code),
        ("deployment.apps/nginx-deployment created\n", 0)
    );
    assert_eq!(s.deployment_name(), "nginx-deployment");
    play(&mut s);
    let d = s.cluster().deployment("nginx-deployment").unwrap();
    assert_eq!(d.status.available_replicas, 3);
    // The lab's own Deployment is still there, as on a real cluster.
    let listed = s.kubectl("kubectl get deployments").unwrap().stdout;
    assert!(
        listed.contains("nginx-deployment   3/3") && listed.contains("test-deployment    3/3"),
        "{listed}"
    );
    // Applying the same file again changes nothing; a new image rolls out.
    let again = s.apply_file("nginx-deployment.yaml", &nginx()).unwrap();
    assert_eq!(again.stdout, "deployment.apps/nginx-deployment unchanged\n");
    let v2 = nginx().replace("nginx:1.14.2", "nginx:1.16.1");
    assert_eq!(
        s.apply_file("nginx-deployment.yaml", &v2).unwrap().stdout,
        "deployment.apps/nginx-deployment configured\n"
    );
    play(&mut s);
    let rs = s.kubectl("kubectl get rs").unwrap().stdout;
    assert_eq!(
        rs.lines()
            .filter(|l| l.starts_with("nginx-deployment-"))
            .count(),
        2,
        "{rs}"
    );
    // The session's console shows the command as kubectl's.
    let history = s
        .kubectl("kubectl rollout history deployment/nginx-deployment")
        .unwrap()
        .stdout;
    assert!(
        history.contains("\n1         <none>\n2         <none>\n"),
        "{history}"
    );
}

#[test]
fn a_link_replays_the_import() {
    let mut s = session("ui-01-seed.json");
    s.apply_file("nginx-deployment.yaml", &nginx()).unwrap();
    play(&mut s);
    let link = encode(&s, View::default()).unwrap();
    let (opened, _) = decode(&link).unwrap();
    assert_eq!(opened.deployment_name(), "nginx-deployment");
    assert_eq!(observable(&opened), observable(&s));
    // Step back undoes the import, and the lab shows its own Deployment again.
    let mut back = opened;
    while !back.history().is_empty() {
        back.step_back().unwrap();
    }
    assert_eq!(back.deployment_name(), "test-deployment");
    assert!(back.cluster().deployment("nginx-deployment").is_none());
}

/// What `kubectl apply -f bad.yaml` prints for a manifest.
fn applying(text: &str) -> String {
    let mut s = session("ui-01-seed.json");
    let before = observable(&s);
    let out = s.apply_file("bad.yaml", text).unwrap();
    assert_eq!(out.exit_code, 1, "{}", out.stdout);
    assert_eq!(observable(&s), before, "a refused manifest changes nothing");
    out.stderr
}

#[test]
fn invalid_manifests_get_kubectls_and_the_api_servers_messages() {
    let cases: Vec<(String, &str)> = vec![
        (
            nginx().replace("  replicas: 3", "  replica: 3"),
            "Error from server (BadRequest): error when creating \"bad.yaml\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\"\n",
        ),
        (
            nginx().replace("        - containerPort: 80", "        - containerPort: 80\n          hostport: 8080").replace("        image:", "        imagePolicy: Always\n        image:"),
            "Error from server (BadRequest): error when creating \"bad.yaml\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.template.spec.containers[0].imagePolicy\", unknown field \"spec.template.spec.containers[0].ports[0].hostport\"\n",
        ),
        (
            nginx().replace("replicas: 3", "replicas: \"3\""),
            "Error from server (BadRequest): error when creating \"bad.yaml\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n",
        ),
        (
            nginx().replace("containerPort: 80", "containerPort: http"),
            "Error from server (BadRequest): error when creating \"bad.yaml\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32\n",
        ),
        (
            nginx().replace("apiVersion: apps/v1\nkind: Deployment\n", ""),
            "error: error validating \"bad.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n",
        ),
        (
            // One error alone prints without brackets (Go's error aggregate).
            nginx().replace("apiVersion: apps/v1\n", ""),
            "error: error validating \"bad.yaml\": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n",
        ),
        (
            nginx().replace("kind: Deployment", "kind: 7").replace("apiVersion: apps/v1", "apiVersion: apps/v1/x"),
            "error: error validating \"bad.yaml\": error validating data: [unexpected GroupVersion string: apps/v1/x, kind isn't string type]; if you choose to ignore these errors, turn validation off with --validate=false\n",
        ),
        (
            // The namespace in the message is the object's (infoForData).
            nginx().replace("kind: Deployment", "kind: Job").replace("apiVersion: apps/v1", "apiVersion: batch/v1").replace("  name: nginx-deployment\n", "  name: nginx-deployment\n  namespace: default\n"),
            "error: resource mapping not found for name: \"nginx-deployment\" namespace: \"default\" from \"bad.yaml\": no matches for kind \"Job\" in version \"batch/v1\"\nensure CRDs are installed first\n",
        ),
        (
            nginx().replace("kind: Deployment", "kind: Deploymnet"),
            "error: resource mapping not found for name: \"nginx-deployment\" namespace: \"\" from \"bad.yaml\": no matches for kind \"Deploymnet\" in version \"apps/v1\"\nensure CRDs are installed first\n",
        ),
        (
            nginx().replace("  replicas: 3\n", "  replicas: 3\n replicas: 4\n"),
            "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 9: did not find expected key\n",
        ),
        (
            nginx().replace("      app: nginx\n  template", "\tapp: nginx\n  template"),
            "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 11: found character that cannot start any token\n",
        ),
        (
            nginx().replace("app: nginx\n  template", "app: web\n  template"),
            "The Deployment \"nginx-deployment\" is invalid: spec.template.metadata.labels: Invalid value: {\"app\":\"nginx\"}: `selector` does not match template `labels`\n",
        ),
        (String::from("# nothing here\n"), "error: no objects passed to apply\n"),
        // The stream visitor skips `null` documents.
        (String::from("null\n---\n~\n"), "error: no objects passed to apply\n"),
    ];
    for (text, expected) in cases {
        assert_eq!(applying(&text), expected, "for\n{text}");
    }
}

#[test]
fn a_file_with_several_documents_applies_each_and_reports_the_bad_one() {
    let mut s = session("ui-01-seed.json");
    let second = nginx()
        .replace("nginx-deployment", "web-2")
        .replace("replicas: 3", "replica: 3");
    let text = format!("{}---\n{}", nginx(), second);
    let out = s.apply_file("two.yaml", &text).unwrap();
    assert_eq!(out.stdout, "deployment.apps/nginx-deployment created\n");
    assert!(
        out.stderr.contains("unknown field \"spec.replica\""),
        "{}",
        out.stderr
    );
    assert_eq!(out.exit_code, 1);
    assert!(s.cluster().deployment("nginx-deployment").is_some());
    // A `null` document among them is skipped.
    let out = s
        .apply_file(
            "three.yaml",
            &format!(
                "null\n---\n{}",
                nginx().replace("replicas: 3", "replicas: 4")
            ),
        )
        .unwrap();
    assert_eq!(
        (out.stdout.as_str(), out.exit_code),
        ("deployment.apps/nginx-deployment configured\n", 0),
        "{}",
        out.stderr
    );
}

mod fuzz {
    use super::{nginx, session};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Damaged manifests: a span replaced by arbitrary text; never a panic, always kubectl's exit code.
        #[test]
        fn damaged_manifests_never_panic(at in 0usize..400, len in 0usize..20, junk in "(?s).{0,12}") {
            let text = nginx();
            let at = at.min(text.len());
            let end = (at + len).min(text.len());
            if !text.is_char_boundary(at) || !text.is_char_boundary(end) {
                return Ok(());
            }
            let damaged = format!("{}{}{}", &text[..at], junk, &text[end..]);
            let mut s = session("ui-01-seed.json");
            let out = s.apply_file("x.yaml", &damaged).unwrap();
            prop_assert!(out.exit_code == 0 || !out.stderr.is_empty());
        }
    }
}

mod edit {
    use crate::session::{observable, play, session};
    use rollout_lab::kubectl::apply::{edit_file, edit_target, EDIT_HEADER};
    use rollout_lab::scenario::share::{decode, encode, View};

    #[test]
    fn kubectl_edit_opens_the_object_and_saving_a_new_image_rolls_out() {
        let mut s = session("ui-01-seed.json");
        assert_eq!(
            edit_target(s.cluster(), "kubectl edit deployment/test-deployment")
                .unwrap()
                .unwrap(),
            "test-deployment"
        );
        assert!(edit_target(s.cluster(), "kubectl get pods").is_none());
        let missing = edit_target(s.cluster(), "kubectl edit deploy nope")
            .unwrap()
            .unwrap_err();
        assert_eq!(
            missing.to_string(),
            "Error from server (NotFound): deployments.apps \"nope\" not found"
        );
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        assert!(
            file.starts_with(EDIT_HEADER)
                && file.contains("\napiVersion: apps/v1\nkind: Deployment\n"),
            "{file}"
        );
        // Saving it unchanged: kubectl's answer, no new revision.
        let out = s.edit("test-deployment", &file, &file, None).unwrap();
        assert_eq!(
            (out.stdout.as_str(), out.stderr.as_str()),
            ("", "Edit cancelled, no changes made.\n")
        );
        // Only comments or layout changed: the same object, the same answer (kubectl compares the JSON).
        let relaid = file
            .replace("# Please edit", "#   Please edit")
            .replace("image: test_web:v1", "image: \"test_web:v1\"");
        assert_eq!(
            s.edit("test-deployment", &file, &relaid, None)
                .unwrap()
                .stderr,
            "Edit cancelled, no changes made.\n"
        );
        let edited = file.replace("image: test_web:v1", "image: test_web:v2");
        let out = s.edit("test-deployment", &file, &edited, None).unwrap();
        assert_eq!(
            (out.stdout.as_str(), out.exit_code),
            ("deployment.apps/test-deployment edited\n", 0)
        );
        play(&mut s);
        assert_eq!(s.cluster().replica_sets_of("test-deployment").len(), 2);
        // A link replays the edit.
        let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
        assert_eq!(observable(&opened), observable(&s));
    }

    #[test]
    fn an_invalid_object_reopens_the_editor_with_the_reasons_in_its_header() {
        let mut s = session("ui-01-seed.json");
        let before = observable(&s);
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        let saved = file
            .replace("  replicas: 3", "  replicas: -1")
            .replace("image: test_web:v1", "image: test_web:v2");
        let out = s.edit("test-deployment", &file, &saved, None).unwrap();
        assert_eq!(
            (out.stderr.as_str(), out.exit_code),
            (
                "error: deployments.apps \"test-deployment\" is invalid\n",
                0
            )
        );
        let reopened = s.reopened_editor().expect("the editor reopens").to_string();
        let expected_header = format!(
            "{EDIT_HEADER}# deployments.apps \"test-deployment\" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n"
        );
        assert!(reopened.starts_with(&expected_header), "{reopened}");
        assert!(
            reopened.contains("image: test_web:v2"),
            "what was saved is kept: {reopened}"
        );
        assert_eq!(observable(&s), before, "nothing was changed");
        // Saved again unchanged: kubectl gives up.
        let out = s
            .edit("test-deployment", &file, &reopened, Some(&reopened))
            .unwrap();
        assert_eq!(out.exit_code, 1);
        assert!(
            out.stderr
                .starts_with("A copy of your changes has been stored to \"/tmp/kubectl-edit-"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with(".yaml\"\nerror: Edit cancelled, no valid changes were saved.\n"),
            "{}",
            out.stderr
        );
        assert_eq!(s.reopened_editor(), None);
        // Fixed in the reopened file: the patch is still against the object as first opened.
        let out = s
            .edit(
                "test-deployment",
                &file,
                &reopened.replace("  replicas: -1", "  replicas: 4"),
                Some(&reopened),
            )
            .unwrap();
        assert_eq!(out.stdout, "deployment.apps/test-deployment edited\n");
        let d = s.cluster().deployment("test-deployment").unwrap();
        assert_eq!(
            (
                d.spec.replicas,
                d.spec.template.spec.containers[0].image.as_str()
            ),
            (Some(4), "test_web:v2")
        );
        // Only the save that went through was sent: the exported script has one patch.
        let script = rollout_lab::scenario::export::shell_script(&s);
        assert_eq!(
            script.matches("kubectl patch deployment").count(),
            1,
            "{script}"
        );
        assert!(script.contains(r#"{"spec":{"replicas":4,"#), "{script}");
    }

    /// Client-side validation comes first: what it refuses is "invalid", and
    /// the editor reopens with the reason as a cause of "The edited file
    /// failed validation".
    #[test]
    fn a_file_that_fails_validation_reopens_the_editor() {
        let mut s = session("ui-01-seed.json");
        let before = observable(&s);
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        let failed = |reason: &str| {
            format!(
                "{EDIT_HEADER}# deployments.apps \"test-deployment\" was not valid:\n# * <nil>: Invalid value: \"The edited file failed validation\": {reason}"
            )
        };
        for (saved, reason) in [
            (
                file.replace("  replicas: 3", "  replicas: [3"),
                "yaml: line ",
            ),
            (
                file.replace("apiVersion: apps/v1\n", ""),
                "apiVersion not set\n#\n",
            ),
            (
                file.replace("apiVersion: apps/v1\n", "")
                    .replace("kind: Deployment\n", "kind: 3\n"),
                "[apiVersion not set, kind isn't string type]\n#\n",
            ),
            // An empty file is not an object: with validation on (kubectl's
            // default) it does not reach "Edit cancelled, saved file was empty.".
            (EDIT_HEADER.to_string(), "invalid object to validate\n#\n"),
        ] {
            let out = s.edit("test-deployment", &file, &saved, None).unwrap();
            assert_eq!(
                (out.stderr.as_str(), out.exit_code),
                (
                    "error: deployments.apps \"test-deployment\" is invalid\n",
                    0
                )
            );
            let reopened = s.reopened_editor().expect("the editor reopens");
            assert!(reopened.starts_with(&failed(reason)), "{reopened}");
        }
        assert_eq!(observable(&s), before);
    }

    #[test]
    fn a_kind_the_cluster_does_not_serve_reopens_the_editor_and_other_failures_end_the_edit() {
        let mut s = session("ui-01-seed.json");
        let before = observable(&s);
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        for (saved, kind, version) in [
            (
                file.replace("kind: Deployment\n", "kind: Deploymnet\n"),
                "Deploymnet",
                "apps/v1",
            ),
            (
                file.replace("apiVersion: apps/v1\n", "apiVersion: apps/v1beta1\n"),
                "Deployment",
                "apps/v1beta1",
            ),
        ] {
            let out = s.edit("test-deployment", &file, &saved, None).unwrap();
            assert_eq!(
                out,
                Default::default(),
                "kubectl prints nothing, the editor reopens"
            );
            let reopened = s.reopened_editor().unwrap();
            let reason = format!(
                "# The edited file had a syntax error: resource mapping not found for name: \"test-deployment\" namespace: \"default\" from \"edited-file\": no matches for kind \"{kind}\" in version \"{version}\"\n# ensure CRDs are installed first\n#\n"
            );
            assert!(
                reopened.starts_with(&format!("{EDIT_HEADER}{reason}")),
                "{reopened}"
            );
        }
        // An empty kind: the decoder's error, over the document as JSON (keys sorted, as Go writes a map).
        s.edit(
            "test-deployment",
            &file,
            &file.replace("kind: Deployment\n", "kind: \"\"\n"),
            None,
        )
        .unwrap();
        let reopened = s.reopened_editor().unwrap();
        assert!(
            reopened.starts_with(&format!("{EDIT_HEADER}# The edited file had a syntax error: unable to decode \"edited-file\": Object 'Kind' is missing in '{{\"apiVersion\":\"apps/v1\",\"kind\":\"\",\"metadata\":{{")),
            "{reopened}"
        );
        // A kind the cluster serves, but not the one opened: kubectl gives up.
        let out = s
            .edit(
                "test-deployment",
                &file,
                &file.replace("kind: Deployment\n", "kind: ReplicaSet\n"),
                None,
            )
            .unwrap();
        assert!(
            out.stderr
                .ends_with("\nerror: At least one of apiVersion, kind and name was changed\n"),
            "{}",
            out.stderr
        );
        assert_eq!(s.reopened_editor(), None);
        // A field the API server does not know: strict decoding refuses the patch, and kubectl stops.
        let out = s
            .edit(
                "test-deployment",
                &file,
                &file.replace("  replicas: 3", "  replica: 3"),
                None,
            )
            .unwrap();
        assert_eq!(out.exit_code, 1);
        assert!(
            out.stderr.starts_with("error: deployments.apps \"test-deployment\" could not be patched: strict decoding error: unknown field \"spec.replica\"\nYou can run `kubectl replace -f /tmp/kubectl-edit-"),
            "{}",
            out.stderr
        );
        assert_eq!(s.reopened_editor(), None);
        let out = s
            .edit(
                "test-deployment",
                &file,
                &file.replace("  replicas: 3", "  replicas: three"),
                None,
            )
            .unwrap();
        assert!(out.stderr.contains("could not be patched: Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n"), "{}", out.stderr);
        let out = s
            .edit(
                "test-deployment",
                &file,
                &file.replace("name: test-deployment\n", "name: other\n"),
                None,
            )
            .unwrap();
        assert!(
            out.stderr
                .ends_with("\nerror: At least one of apiVersion, kind and name was changed\n"),
            "{}",
            out.stderr
        );
        assert_eq!(observable(&s), before);
    }

    #[test]
    fn a_status_only_edit_is_edited_and_changes_nothing() {
        let mut s = session("ui-01-seed.json");
        let before = observable(&s);
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        let status = file.find("\nstatus:\n").expect("a status block");
        let (spec, status_block) = file.split_at(status);
        assert!(
            status_block.contains("\n  observedGeneration: 1\n"),
            "{status_block}"
        );
        let status_only = format!(
            "{spec}{}",
            status_block.replace(
                "\n  observedGeneration: 1\n",
                "\n  observedGeneration: 99\n"
            )
        );
        let out = s
            .edit("test-deployment", &file, &status_only, None)
            .unwrap();
        assert_eq!(
            (out.stdout.as_str(), out.exit_code),
            ("deployment.apps/test-deployment edited\n", 0),
            "{}",
            out.stderr
        );
        assert_eq!(
            observable(&s),
            before,
            "the API server ignores status sent to the main resource"
        );
        let script = rollout_lab::scenario::export::shell_script(&s);
        assert!(
            !script.contains("kubectl patch"),
            "nothing to replay: {script}"
        );
    }

    #[test]
    fn the_reopened_file_keeps_what_was_saved_without_its_comments() {
        let mut s = session("ui-01-seed.json");
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        // A saved file that ends with a comment line: ManualStrip keeps the line break before it.
        let saved = format!(
            "{}# a last comment",
            file.replace("  replicas: 3", "  replicas: -1")
        );
        s.edit("test-deployment", &file, &saved, None).unwrap();
        let reopened = s.reopened_editor().unwrap();
        assert!(
            reopened.ends_with("\n") && !reopened.contains("a last comment"),
            "{reopened:?}"
        );
        assert_eq!(
            reopened.matches("# Please edit the object below").count(),
            1,
            "the new header only: {reopened}"
        );
    }

    #[test]
    fn a_retried_edit_travels_in_a_link() {
        let mut s = session("ui-01-seed.json");
        let file = edit_file(s.cluster(), "test-deployment").unwrap();
        s.edit(
            "test-deployment",
            &file,
            &file.replace("  replicas: 3", "  replicas: -1"),
            None,
        )
        .unwrap();
        let reopened = s.reopened_editor().unwrap().to_string();
        s.edit(
            "test-deployment",
            &file,
            &reopened.replace("  replicas: -1", "  replicas: 2"),
            Some(&reopened),
        )
        .unwrap();
        let (opened, _) = decode(&encode(&s, View::default()).unwrap()).unwrap();
        assert_eq!(observable(&opened), observable(&s));
        assert_eq!(
            opened
                .cluster()
                .deployment("test-deployment")
                .unwrap()
                .spec
                .replicas,
            Some(2)
        );
    }

    #[test]
    fn an_edit_sends_only_what_changed_since_the_editor_opened() {
        use crate::session::play;
        let mut s = session("ui-01-seed.json");
        let opened = edit_file(s.cluster(), "test-deployment").unwrap();
        // Meanwhile a rollout starts (a scripted set image, a colleague...).
        s.kubectl("kubectl set image deployment/test-deployment web=test_web:v2")
            .unwrap();
        play(&mut s);
        let saved = opened.replace("  replicas: 3", "  replicas: 4");
        assert_eq!(
            s.edit("test-deployment", &opened, &saved, None)
                .unwrap()
                .stdout,
            "deployment.apps/test-deployment edited\n"
        );
        let d = s.cluster().deployment("test-deployment").unwrap();
        assert_eq!(d.spec.replicas, Some(4));
        assert_eq!(
            d.spec.template.spec.containers[0].image, "test_web:v2",
            "the image set meanwhile stays"
        );
    }

    #[test]
    fn an_edit_exports_as_its_merge_patch_and_replays_the_same() {
        use crate::session::play;
        use rollout_lab::scenario::export::{scenario_file, shell_script};
        let mut s = session("ui-01-seed.json");
        s.kubectl("kubectl rollout pause deployment/test-deployment")
            .unwrap();
        let opened = edit_file(s.cluster(), "test-deployment").unwrap();
        let saved = opened
            .replace("  paused: true\n", "")
            .replace("image: test_web:v1", "image: test_web:v2");
        assert_eq!(
            s.edit("test-deployment", &opened, &saved, None)
                .unwrap()
                .exit_code,
            0
        );
        play(&mut s);
        let file = scenario_file(&s).unwrap();
        assert!(
            file.contains(r#"patch deployment test-deployment --type merge -p"#),
            "{file}"
        );
        let scenario = rollout_lab::scenario::load(&file).unwrap();
        let mut runner = rollout_lab::scenario::Runner::new(&scenario).unwrap();
        for step in &scenario.steps {
            runner.step(step).unwrap();
        }
        assert_eq!(
            crate::support::observable(&runner.cluster, &runner.deployment),
            observable(&s)
        );
        let script = shell_script(&s);
        assert!(script.contains("\nkubectl patch deployment test-deployment --type merge -p '{\"spec\":{\"paused\":null,"), "{script}");
        assert!(!script.contains("uid:"), "{script}");
    }
}

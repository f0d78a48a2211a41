//! Browser tests (wasm-bindgen-test in headless Chromium) of the UI's
//! components: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use rollout_lab::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `App` into a fresh element appended to `<body>`.
fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn button(host: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    let all = host.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

#[wasm_bindgen_test]
async fn the_first_visit_shows_the_seed_deployment_rolled_out() {
    let host = mount_app();
    leptos::task::tick().await;
    assert_eq!(find(&host, "h1").text_content().unwrap(), "Rollout Lab");
    assert_eq!(count(&host, "[role=group]"), 1, "one ReplicaSet lane");
    assert_eq!(
        count(&host, "li[aria-label$='Available']"),
        3,
        "three available pods"
    );
    let image: web_sys::HtmlInputElement = find(&host, "input[aria-label=Image]").unchecked_into();
    assert_eq!(image.value(), "test_web:v1");
}

#[wasm_bindgen_test]
async fn set_image_then_steps_roll_out_a_new_replica_set() {
    let host = mount_app();
    leptos::task::tick().await;
    let image: web_sys::HtmlInputElement = find(&host, "input[aria-label=Image]").unchecked_into();
    image.set_value("test_web:v2");
    image
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    button(&host, "Set image").click();
    leptos::task::tick().await;
    let console = find(&host, "[role=log][aria-label='kubectl output']");
    assert!(console
        .text_content()
        .unwrap()
        .contains("deployment.apps/test-deployment image updated"));
    for _ in 0..60 {
        button(&host, "Step").click();
    }
    leptos::task::tick().await;
    assert_eq!(
        count(&host, "[role=group]"),
        2,
        "old and new ReplicaSet lanes"
    );
    let events = find(&host, "[role=log][aria-label=Events]")
        .text_content()
        .unwrap();
    assert_eq!(events.matches("Scaled ").count(), 6, "{events}");
    // Step back undoes one change at a time.
    button(&host, "Step back").click();
    leptos::task::tick().await;
    let why = find(&host, "[aria-label='Why this step']")
        .text_content()
        .unwrap();
    assert!(!why.is_empty());
}

#[wasm_bindgen_test]
async fn an_invalid_strategy_shows_the_api_servers_message() {
    let host = mount_app();
    leptos::task::tick().await;
    for (field, value) in [("maxSurge", "0"), ("maxUnavailable", "0")] {
        let input: web_sys::HtmlInputElement =
            find(&host, &format!("input[aria-label={field}]")).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        leptos::task::tick().await;
    }
    let alert = find(&host, "[role=alert]").text_content().unwrap();
    assert!(
        alert.contains("may not be 0 when `maxSurge` is 0"),
        "{alert}"
    );
}

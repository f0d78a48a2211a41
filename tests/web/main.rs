//! Browser tests (wasm-bindgen-test in headless Chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
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
    // Keep the app mounted for the rest of the test run.
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn renders_heading_and_counts_steps() {
    let host = mount_app();
    assert_eq!(find(&host, "h1").text_content().unwrap(), "Rollout Lab");

    let status = find(&host, "[role=status]");
    assert_eq!(status.text_content().unwrap(), "0 steps");

    let button = find(&host, "button");
    assert_eq!(button.text_content().unwrap().trim(), "Step");
    button.click();
    leptos::task::tick().await; // DOM updates run on the executor: let it run once
    assert_eq!(status.text_content().unwrap(), "1 step");

    button.click();
    button.click();
    leptos::task::tick().await;
    assert_eq!(status.text_content().unwrap(), "3 steps");
}

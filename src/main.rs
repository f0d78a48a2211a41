//! `rollout-lab-web`: the browser entry point (built by Trunk, see index.html `data-bin`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // index.html's loading state and prerendered first view (build/prerender.js) have done their job.
    for id in ["loading", "first-view"] {
        if let Some(element) = leptos::prelude::document().get_element_by_id(id) {
            element.remove();
        }
    }
    leptos::mount::mount_to_body(rollout_lab::ui::App);
}

/// Test hook for the crash-recovery overlay (src/ui/crash.js): Playwright
/// calls `window.wasmBindings.simulate_crash()` to make the module panic the
/// way a bug would.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_crash() {
    panic!("simulated crash (the crash-recovery test hook)");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rollout-lab-web is the browser entry point: run `.ci/serve`");
    std::process::exit(2);
}

//! `rollout-lab-web`: the browser entry point (built by Trunk, see index.html `data-bin`).

/// Power-of-two size classes instead of std's dlmalloc: 2 KB less gzip (src/size_classes.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rollout_lab::size_classes::wasm::Allocator = rollout_lab::size_classes::wasm::Allocator::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
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

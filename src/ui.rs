//! The Leptos UI (wasm32 only). For now a placeholder page: a heading, a one-line description and a
//! "Step" button with a status line, so the browser tests have something to click.

use leptos::prelude::*;

/// The root component, mounted on `<body>` by `src/main.rs`.
#[component]
pub fn App() -> impl IntoView {
    let (steps, set_steps) = signal(0u32);
    view! {
        <main class="page">
            <header>
                <h1>"Rollout Lab"</h1>
                <p class="lede">
                    "Watch a Kubernetes Deployment roll out, one reconcile step at a time."
                </p>
            </header>
            <section class="card">
                <button type="button" class="primary" on:click=move |_| set_steps.update(|n| *n += 1)>
                    "Step"
                </button>
                <p class="status" role="status" aria-live="polite">
                    {move || match steps.get() {
                        1 => "1 step".to_string(),
                        n => format!("{n} steps"),
                    }}
                </p>
            </section>
        </main>
    }
}

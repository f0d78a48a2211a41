//! Rollout Lab: a faithful simulation of the Kubernetes Deployment and
//! ReplicaSet controllers, a kubectl emulation over it, the scenario runner,
//! and (on wasm32 only) the Leptos UI.
//!
//! Dependency direction: `api` ← `sim` ← `kubectl` ← `scenario` ← {`cli`, `ui`};
//! `i18n` (the UI's languages) is the message catalogue the `ui` shows; it words `sim::why`'s data.

pub mod api;
pub mod bench;
pub mod cli;
pub mod decode;
pub mod i18n;
pub mod kubectl;
pub mod scenario;
pub mod sim;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;

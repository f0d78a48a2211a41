//! One pod chip: its state shows as shape, glyph and label, not only colour.

use crate::api::{PodState, PodView};
use leptos::prelude::*;

/// How a pod state looks: its CSS modifier (`pod--ready`) and glyph.
pub struct Look {
    pub modifier: &'static str,
    pub glyph: &'static str,
}

pub fn look(state: PodState) -> Look {
    let (modifier, glyph) = match state {
        PodState::ContainerCreating => ("creating", "◌"),
        PodState::RunningNotReady => ("running", "◐"),
        PodState::Ready => ("ready", "●"),
        PodState::Available => ("available", "✔"),
        PodState::ErrImagePull => ("error", "✖"),
        PodState::ImagePullBackOff => ("backoff", "⟲"),
        PodState::Terminating => ("terminating", "⌛"),
    };
    Look { modifier, glyph }
}

#[component]
pub fn Pod(pod: PodView) -> impl IntoView {
    let Look { modifier, glyph } = look(pod.state);
    let label = format!("pod {} {}", pod.name, pod.state.label());
    let short = pod.name.rsplit('-').next().unwrap_or("").to_string();
    view! {
        <li class=format!("pod pod--{modifier}") aria-label=label.clone() title=label>
            <span class="pod__glyph" aria-hidden="true">{glyph}</span>
            <span class="pod__name" aria-hidden="true">{short}</span>
            <span class="pod__state" aria-hidden="true">{pod.state.label()}</span>
        </li>
    }
}

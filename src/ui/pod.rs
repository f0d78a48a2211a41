//! One pod chip: its state shows as shape, an icon and a label, not only
//! colour. The icons are inline SVG (an emoji glyph draws as an empty box
//! where the machine has no emoji font), and every chip has the same size.

use crate::api::{PodState, PodView};
use leptos::prelude::*;

/// How a pod state looks: its CSS modifier (`pod--ready`), its icon (SVG
/// path data in a 16×16 box: a stroked outline, and a filled part), and its
/// label in two parts, where the chip may break it.
pub struct Look {
    pub modifier: &'static str,
    pub stroke: &'static str,
    pub fill: &'static str,
    pub label: (&'static str, &'static str),
}

const CIRCLE: &str = "M8 2a6 6 0 1 0 0.01 0";

pub fn look(state: PodState) -> Look {
    let (modifier, stroke, fill, label) = match state {
        PodState::ContainerCreating => ("creating", CIRCLE, "", ("Container", "Creating")),
        PodState::RunningNotReady => (
            "running",
            CIRCLE,
            "M8 2a6 6 0 0 1 0 12z",
            // "not ready" on a line of its own, narrow enough for the oval's lower part
            // (the chip's accessible name keeps kubectl's words: Running (not ready)).
            ("Running", " not\u{a0}ready"),
        ),
        PodState::Ready => ("ready", "", "M8 2a6 6 0 1 0 0.01 0z", ("Ready", "")),
        PodState::Available => ("available", "M3 8.5l3.2 3.2L13 4.8", "", ("Available", "")),
        PodState::ErrImagePull => ("error", "M4 4l8 8M12 4l-8 8", "", ("ErrImage", "Pull")),
        PodState::ImagePullBackOff => (
            "backoff",
            "M13 8a5 5 0 1 1-1.5-3.6M11.8 1.6v3h-3",
            "",
            ("ImagePull", "BackOff"),
        ),
        PodState::Terminating => ("terminating", "M4 2h8L4 14h8z", "", ("Terminating", "")),
        // A lightning bolt: the container exited with code 1.
        PodState::Error => ("error", "", "M9 1L3 9h4l-1 6 6-8H8z", ("Error", "")),
        // An hourglass: waiting for a node with room.
        PodState::Pending => (
            "pending",
            "M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6",
            "",
            ("Pending", ""),
        ),
        PodState::CrashLoopBackOff => (
            "backoff",
            "M13 8a5 5 0 1 1-1.5-3.6M11.8 1.6v3h-3",
            "M9 4L6 8.5h2.2L7.5 12 10.5 7.5H8.3z",
            ("CrashLoop", "BackOff"),
        ),
    };
    Look {
        modifier,
        stroke,
        fill,
        label,
    }
}

/// A state's icon.
#[component]
pub fn StateIcon(state: PodState) -> impl IntoView {
    let Look { stroke, fill, .. } = look(state);
    view! {
        <svg class="pod__icon" viewBox="0 0 16 16" aria-hidden="true">
            <path class="pod__stroke" d=stroke />
            <path class="pod__fill" d=fill />
        </svg>
    }
}

#[component]
pub fn Pod(pod: PodView) -> impl IntoView {
    let Look {
        modifier,
        label: (first, rest),
        ..
    } = look(pod.state);
    // restartCount, where the kubelet has restarted the container.
    let restarts = (pod.restarts > 0).then(|| format!("↻{}", pod.restarts));
    let label = match pod.restarts {
        0 => format!("pod {} {}", pod.name, pod.state.label()),
        1 => format!("pod {} {}, 1 restart", pod.name, pod.state.label()),
        n => format!("pod {} {}, {n} restarts", pod.name, pod.state.label()),
    };
    let short = pod.name.rsplit('-').next().unwrap_or("").to_string();
    view! {
        <li class=format!("pod pod--{modifier}") aria-label=label.clone() title=label>
            <span class="pod__top">
                <StateIcon state=pod.state />
                {restarts.map(|r| view! { <span class="pod__restarts" aria-hidden="true">{r}</span> })}
            </span>
            <span class="pod__name" aria-hidden="true">{short}</span>
            <span class="pod__state" aria-hidden="true">{first}<wbr />{rest}</span>
        </li>
    }
}

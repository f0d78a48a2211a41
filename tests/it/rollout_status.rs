//! The page's Rollout status (`kubectl::rollout::status::rollout_phase`):
//! kubectl's verdict, the progress deadline, Paused and
//! ProgressDeadlineExceeded, on the bundled scenarios.

use rollout_lab::kubectl::rollout::status::{rollout_phase, RolloutPhase};
use rollout_lab::scenario::{presets, Action, Happened, Session};

fn phase(s: &Session) -> RolloutPhase {
    rollout_phase(s.cluster().deployment(s.deployment_name()).unwrap())
}

fn settle(s: &mut Session) {
    while s.step().unwrap() != Happened::Idle {}
}

#[test]
fn a_rollout_progresses_towards_its_deadline_then_completes() {
    let mut s = Session::new(presets::preset("seed").unwrap().scenario()).unwrap();
    settle(&mut s);
    assert!(
        matches!(phase(&s), RolloutPhase::Complete { .. }),
        "{:?}",
        phase(&s)
    );
    s.act(Action::Kubectl(
        "set image deployment/test-deployment web=test_web:v2".into(),
    ))
    .unwrap();
    // Before the controller has seen the new template there is no deadline yet.
    assert_eq!(
        phase(&s),
        RolloutPhase::Progressing {
            message: "Waiting for deployment spec update to be observed...".into(),
            deadline: None
        }
    );
    s.step().unwrap();
    let RolloutPhase::Progressing {
        deadline: Some(deadline),
        ..
    } = phase(&s)
    else {
        panic!("{:?}", phase(&s))
    };
    assert_eq!(
        deadline.0,
        s.cluster().now().0 + 600_000,
        "progressDeadlineSeconds defaults to 600"
    );
    settle(&mut s);
    assert_eq!(
        phase(&s),
        RolloutPhase::Complete {
            message: "deployment \"test-deployment\" successfully rolled out".into()
        }
    );
}

#[test]
fn a_stuck_rollout_exceeds_its_deadline_and_a_paused_one_says_so() {
    let mut stuck = Session::new(presets::preset("stuck").unwrap().scenario()).unwrap();
    let mut exceeded = false;
    while !exceeded && stuck.step().unwrap() != Happened::Idle {
        exceeded = matches!(phase(&stuck), RolloutPhase::DeadlineExceeded { .. });
    }
    assert_eq!(
        phase(&stuck),
        RolloutPhase::DeadlineExceeded {
            message: "error: deployment \"test-deployment\" exceeded its progress deadline".into()
        }
    );
    let mut canary = Session::new(presets::preset("canary").unwrap().scenario()).unwrap();
    let mut paused = false;
    while !paused && canary.step().unwrap() != Happened::Idle {
        paused = matches!(phase(&canary), RolloutPhase::Paused { .. });
    }
    assert!(paused, "the canary pauses after its first new pod");
}

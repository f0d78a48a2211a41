//! The bundled scenarios (the UI's Scenario menu, embeds' `?scenario=ID`).
//! A share link of a session that started from one names it by id instead
//! of carrying the whole scenario, which keeps links short.

use super::{load, Scenario};

/// A preset scenario the Scenario menu offers.
pub struct Preset {
    /// Its name in an embed's `?scenario=` (stable: embed codes in the wild use it).
    pub id: &'static str,
    pub title: &'static str,
    pub json: &'static str,
}

/// The presets: the seed note's rolling update first (what a first visit shows).
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "seed",
        title: "Rolling update (the seed note)",
        json: include_str!("../../tests/scenarios/ui-01-seed.json"),
    },
    Preset {
        id: "rollover",
        title: "Rollover: a second update mid-rollout",
        json: include_str!("../../tests/scenarios/ui-02-rollover.json"),
    },
    Preset {
        id: "rollback",
        title: "Rollback with undo --to-revision",
        json: include_str!("../../tests/scenarios/ui-03-rollback.json"),
    },
    Preset {
        id: "canary",
        title: "Canary: pause after the first new pod",
        json: include_str!("../../tests/scenarios/ui-04-canary.json"),
    },
    Preset {
        id: "recreate",
        title: "Recreate: all old pods go first",
        json: include_str!("../../tests/scenarios/ui-05-recreate.json"),
    },
    Preset {
        id: "stuck",
        title: "Stuck rollout: deadline exceeded, then undo",
        json: include_str!("../../tests/scenarios/ui-06-stuck.json"),
    },
    Preset {
        id: "proportional",
        title: "Proportional scaling mid-rollout",
        json: include_str!("../../tests/scenarios/ui-07-proportional.json"),
    },
    Preset {
        id: "readiness",
        title: "Readiness probe that never passes, then undo",
        json: include_str!("../../tests/scenarios/ui-08-readiness.json"),
    },
    Preset {
        id: "crashloop",
        title: "A crashing app that minReadySeconds catches",
        json: include_str!("../../tests/scenarios/ui-09-crashloop.json"),
    },
    Preset {
        id: "unschedulable",
        title: "A full node: the surge pod waits, then maxUnavailable makes room",
        json: include_str!("../../tests/scenarios/ui-10-unschedulable.json"),
    },
    Preset {
        id: "quota",
        title: "A quota without room for the surge pod",
        json: include_str!("../../tests/scenarios/ui-11-quota.json"),
    },
];

/// The preset a scenario is, if it is one (compared as loaded, so formatting does not matter).
pub fn preset_of(scenario: &Scenario) -> Option<&'static Preset> {
    PRESETS
        .iter()
        .find(|p| p.title_matches(scenario) && load(p.json).is_ok_and(|s| s == *scenario))
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// A cheap first test before loading the preset to compare.
    fn title_matches(&self, scenario: &Scenario) -> bool {
        scenario.title.as_deref() == Some(self.title)
    }

    pub fn scenario(&self) -> Scenario {
        load(self.json)
            .expect("the bundled presets are valid scenarios (tests/it/conformance.rs runs them)")
    }
}

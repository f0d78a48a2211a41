//! The namespace's ResourceQuota, where a scenario has one: what the pods
//! use of each limit (`kubectl get quota`'s numbers).

use super::state::SimHandle;
use crate::i18n::Msg;
use crate::sim::quota::format_amount;
use leptos::prelude::*;

#[component]
pub fn Quota() -> impl IntoView {
    let h = SimHandle::expect();
    let used = Memo::new(move |_| {
        h.with(|s| {
            let c = s.cluster();
            let quota = c.quota()?;
            let parts: Vec<String> = quota
                .hard
                .iter()
                .zip(c.quota_used())
                .map(|((resource, hard), (_, used))| {
                    format!(
                        "{resource} {}/{}",
                        format_amount(resource, used),
                        format_amount(resource, *hard)
                    )
                })
                .collect();
            Some(parts.join(", "))
        })
    });
    view! {
        {move || used.get().map(|used| view! {
            <p class="quota">{h.lang.get().say(Msg::QuotaLine(&used)).into_owned()}</p>
        })}
    }
}

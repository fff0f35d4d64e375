//! What the law requires the widget to say: who may give and how much (L52-8), and the
//! mentions every appeal for gifts must carry (L52-9), always visible, never behind a
//! click. Renderers of the core's page.

use yew::prelude::*;

use crate::donation::page::AccountPage;

use super::account::Dispatch;
use super::dom::{each, list, section, text};

/// Who may give, and the "already given elsewhere" field that the cap counts.
pub(crate) fn eligibility(page: &AccountPage, dispatch: &Dispatch) -> Html {
    let e = &page.eligibility;
    html! {
        <>
        { text("h3", "", &e.heading) }
        { list("cd-eligibility", &e.items) }
        { dispatch.field(&e.given_elsewhere, NodeRef::default()) }
        </>
    }
}

/// The L52-9 mentions: the candidate, the mandataire or association and its date, the
/// exclusivity of that channel, and the statutory texts (in French, the only version
/// with legal value, with the courtesy translation in English).
pub(crate) fn mentions(page: &AccountPage) -> Html {
    let m = &page.mentions;
    section("cd-legal", "cd-h-legal", "h3", &m.heading, vec![
        each("p", "", &m.lines),
        m.texts
            .iter()
            .map(|s| html! {
                <>
                <h4 lang="fr">{ s.citation.clone() }</h4>
                <blockquote lang="fr">{ each("p", "", &s.fr) }</blockquote>
                { for s.translation.iter().map(|p| html! { <p class="cd-muted" lang="en">{ p.clone() }</p> }) }
                </>
            })
            .collect(),
        text("p", "cd-source", &m.note),
    ])
}

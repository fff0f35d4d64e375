//! What the law requires the widget to say: who may give and how much (L52-8), and the
//! mentions every appeal for gifts must carry (L52-9), always visible, never behind a
//! click. Renderers of the core's page.

use yew::prelude::*;

use crate::donation::page::AccountPage;

use super::account::Dispatch;

/// Who may give, and the "already given elsewhere" field that the cap counts.
pub(crate) fn eligibility(page: &AccountPage, dispatch: &Dispatch) -> Html {
    let e = &page.eligibility;
    html! {
        <>
        <h3>{ e.heading.clone() }</h3>
        <ul class="cd-eligibility">
            { for e.items.iter().map(|t| html! { <li>{ t.clone() }</li> }) }
        </ul>
        { dispatch.field(&e.given_elsewhere, NodeRef::default()) }
        </>
    }
}

/// The L52-9 mentions: the candidate, the mandataire or association and its date, the
/// exclusivity of that channel, and the statutory texts (in French, the only version
/// with legal value, with the courtesy translation in English).
pub(crate) fn mentions(page: &AccountPage) -> Html {
    let m = &page.mentions;
    html! {
        <section class="cd-legal" aria-labelledby="cd-h-legal">
            <h3 id="cd-h-legal">{ m.heading.clone() }</h3>
            { for m.lines.iter().map(|t| html! { <p>{ t.clone() }</p> }) }
            { for m.texts.iter().map(|s| html! {
                <>
                <h4 lang="fr">{ s.citation.clone() }</h4>
                <blockquote lang="fr">{ for s.fr.iter().map(|p| html! { <p>{ p.clone() }</p> }) }</blockquote>
                { for s.translation.iter().map(|p| html! { <p class="cd-muted" lang="en">{ p.clone() }</p> }) }
                </>
            }) }
            <p class="cd-source">{ m.note.clone() }</p>
        </section>
    }
}

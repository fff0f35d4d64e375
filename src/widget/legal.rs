//! What the law requires the widget to say: who may give and how much (L52-8), and the
//! mentions every appeal for gifts must carry (L52-9), always visible, never behind a
//! click. The sentences and statutory texts come from the core.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::donation;
use crate::i18n::Lang;
use crate::law::texts;

use super::ui::text;

#[derive(Properties, PartialEq)]
pub struct EligibilityProps {
    pub lang: Lang,
}

/// The conditions a donor must meet, as a plain list.
#[function_component(Eligibility)]
pub fn eligibility(props: &EligibilityProps) -> Html {
    html! {
        <ul class="cd-eligibility">
            { for donation::eligibility().iter().map(|t| html! { <li>{ text(t, props.lang) }</li> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct MentionsProps {
    pub account: Rc<Account>,
    pub lang: Lang,
}

/// The L52-9 mentions: the candidate, the mandataire or association and its date, the
/// exclusivity of that channel, and the full text of L52-8 al. 1 to 3 and L113-1 III.
#[function_component(Mentions)]
pub fn mentions(props: &MentionsProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="cd-legal" aria-labelledby="cd-h-legal">
            <h3 id="cd-h-legal">{ text(&texts::heading(), lang) }</h3>
            { for donation::mentions(&props.account).iter().map(|t| html! { <p>{ text(t, lang) }</p> }) }
            { for texts::statutory_texts().iter().map(|s| html! {
                <>
                <h4 lang="fr">{ s.citation }</h4>
                <blockquote lang="fr">{ for s.fr.iter().map(|p| html! { <p>{ *p }</p> }) }</blockquote>
                if lang == Lang::En {
                    { for s.english().into_iter().map(|p| html! { <p class="cd-muted" lang="en">{ p }</p> }) }
                }
                </>
            }) }
            <p class="cd-source">{ donation::texts_version_note().get(lang).to_owned() }</p>
        </section>
    }
}

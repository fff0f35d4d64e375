//! One circo's account: who receives the money, the collection window, the goal, the
//! real cost of a gift, how to pay, the printable form and the mentions the law
//! requires. State is the donor's inputs; every figure and sentence comes from the core
//! (`crate::donation` assesses the inputs).

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::date::Date;
use crate::donation::{self, Field as F, Inputs, Mode, Outcome};
use crate::i18n::Lang;
use crate::law::tax::Method;

use super::form::Bulletin;
use super::legal::{Eligibility, Mentions};
use super::pay::PayMethods;
use super::ui::{checked, editor, focus, text, tr, Field};

#[derive(Properties, PartialEq)]
pub struct AccountProps {
    pub account: Rc<Account>,
    pub lang: Lang,
    /// The language switch, drawn in the header.
    pub switch: Html,
    /// Today, from the browser's clock (a parameter so that tests can fix it).
    #[prop_or_else(super::today)]
    pub today: Date,
    /// Focus the title once shown (after the donor chose this circo in a registry).
    #[prop_or_default]
    pub focus_title: bool,
}

#[function_component(AccountView)]
pub fn account_view(props: &AccountProps) -> Html {
    let lang = props.lang;
    let account = &props.account;
    let inputs = use_state(|| Inputs { method: donation::default_method(account), ..Inputs::default() });
    let amount_ref = use_node_ref();
    let title_ref = use_node_ref();
    let focus_amount = use_state(|| false);
    {
        let (amount_ref, focus_amount) = (amount_ref.clone(), focus_amount.clone());
        use_effect_with(*focus_amount, move |wanted| {
            if *wanted {
                focus(&amount_ref);
                focus_amount.set(false);
            }
        });
    }
    {
        let title_ref = title_ref.clone();
        use_effect_with(props.focus_title, move |wanted| {
            if *wanted {
                focus(&title_ref);
            }
        });
    }
    let assessment = donation::assess(&inputs);
    let window = donation::collection_state(account, props.today);
    let collecting = donation::accepts_gifts(&window);

    let edit = |set: fn(&mut Inputs, String)| editor(&inputs, set);
    let set_mode = |mode: Mode| {
        let inputs = inputs.clone();
        Callback::from(move |_| inputs.set(Inputs { mode, ..(*inputs).clone() }))
    };
    let on_method = {
        let inputs = inputs.clone();
        Callback::from(move |method: Method| inputs.set(Inputs { method, ..(*inputs).clone() }))
    };
    let on_not_taxable = {
        let inputs = inputs.clone();
        Callback::from(move |e: Event| inputs.set(Inputs { not_taxable: checked(&e), ..(*inputs).clone() }))
    };
    let use_gift = {
        let inputs = inputs.clone();
        let focus_amount = focus_amount.clone();
        let gift = assessment.gift();
        Callback::from(move |_| {
            if let Some(gift) = gift {
                inputs.set(Inputs { mode: Mode::Give, amount: donation::amount_text(gift), ..(*inputs).clone() });
                // The button disappears with the mode: the amount field takes the focus.
                focus_amount.set(true);
            }
        })
    };
    let err = |f: F| assessment.error(f).map(|t| AttrValue::from(t.get(lang).to_owned()));
    let gift = assessment.gift();

    html! {
        <>
        <div class="cd-top">
            <div class="cd-title">
                <h2 ref={title_ref} tabindex="-1">{ donation::title(account).get(lang).to_owned() }</h2>
                <p class="cd-sub">{ donation::subtitle(account).get(lang).to_owned() }</p>
            </div>
            { props.switch.clone() }
        </div>

        <p class="cd-window" data-state={donation::window_slug(&window)}>{ window.describe(lang) }</p>

        if let Some(goal) = donation::goal(account, props.today) {
            <div class="cd-goal">
                <p><strong>{ text(&goal.progress, lang) }</strong></p>
                <div class="cd-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow={goal.percent.to_string()} aria-label={goal.progress.get(lang).to_owned()}>
                    <span style={format!("width:{}%", goal.percent)}></span>
                </div>
                if let Some(plan) = &goal.plan { <p class="cd-muted">{ text(plan, lang) }</p> }
            </div>
        }

        <h3>{ tr(lang, "Combien coûte vraiment un don ?", "What does a gift really cost?") }</h3>
        <div class="cd-modes" role="group" aria-label={tr(lang, "Mode de calcul", "Calculation mode")}>
            <button type="button" aria-pressed={(inputs.mode == Mode::Give).to_string()} onclick={set_mode(Mode::Give)}>
                { tr(lang, "Je choisis mon don", "I choose my gift") }</button>
            <button type="button" aria-pressed={(inputs.mode == Mode::Cost).to_string()} onclick={set_mode(Mode::Cost)}>
                { tr(lang, "Je choisis ce qu’il me coûte", "I choose what it costs me") }</button>
        </div>

        if inputs.mode == Mode::Give {
            <fieldset class="cd-amount">
                <legend>{ tr(lang, "Montant", "Amount") }</legend>
                if !account.presets.is_empty() {
                    <div class="cd-presets" role="radiogroup" aria-label={tr(lang, "Montants suggérés", "Suggested amounts")}>
                        { for account.presets.iter().map(|&preset| {
                            let id = format!("cd-preset-{}", preset.get());
                            let inputs = inputs.clone();
                            let selected = assessment.typed == Some(preset);
                            html! {
                                <span class="cd-preset">
                                    <input type="radio" name="cd-preset" id={id.clone()} checked={selected}
                                        onchange={Callback::from(move |_| inputs.set(Inputs { amount: donation::amount_text(preset), ..(*inputs).clone() }))} />
                                    <label for={id}>{ preset.format(lang) }</label>
                                </span>
                            }
                        }) }
                    </div>
                }
                <Field id="cd-amount" node_ref={amount_ref.clone()} label={tr(lang, "Montant du don", "Donation amount")} value={inputs.amount.clone()}
                    on_input={edit(|i, v| i.amount = v)} error={err(F::Amount)}
                    hint={tr(lang, "En euros, par exemple 37 ou 37,50.", "In euros, for example 37 or 37.50.")} />
            </fieldset>
        } else {
            <Field id="cd-target" label={tr(lang, "Je veux que mon don me coûte", "I want my gift to cost me")}
                value={inputs.target.clone()} on_input={edit(|i, v| i.target = v)} error={err(F::Target)}
                hint={tr(lang, "Le coût réel après réduction d’impôt, en euros.", "The real cost after the tax reduction, in euros.")} />
        }

        <div class="cd-result" role="status" aria-live="polite" data-kind={assessment.kind()}>
            { result_view(&assessment, lang) }
            if inputs.mode == Mode::Cost && gift.is_some() {
                <button type="button" class="cd-primary" onclick={use_gift}>
                    { tr(lang, "Donner ce montant", "Give this amount") }</button>
            }
        </div>

        <details class="cd-household">
            <summary>{ tr(lang, "Affiner selon mon foyer fiscal (facultatif)", "Refine for my tax household (optional)") }</summary>
            <p class="cd-muted">{ tr(lang,
                "Ces informations restent sur votre appareil : rien n’est envoyé ni enregistré.",
                "This stays on your device: nothing is sent or stored.") }</p>
            <div class="cd-grid">
                <Field id="cd-income" label={tr(lang, "Revenu imposable du foyer", "Household’s taxable income")}
                    value={inputs.income.clone()} on_input={edit(|i, v| i.income = v)} error={err(F::Income)}
                    hint={tr(lang, "Sur votre dernier avis d’impôt (« revenu imposable »).", "On your latest tax notice (“revenu imposable”).")} />
                <Field id="cd-tax" label={tr(lang, "Impôt sur le revenu dû avant réductions", "Income tax due before reductions")}
                    value={inputs.tax.clone()} on_input={edit(|i, v| i.tax = v)} error={err(F::Tax)} />
                <Field id="cd-other" label={tr(lang, "Autres dons de l’année ouvrant droit à réduction (associations, partis, autres candidats…)", "Other tax-deductible gifts this year (charities, parties, other candidates…)")}
                    value={inputs.other.clone()} on_input={edit(|i, v| i.other = v)} error={err(F::Other)} />
                <Field id="cd-carried" label={tr(lang, "Excédent de dons reporté des années passées", "Excess gifts carried over from past years")}
                    value={inputs.carried.clone()} on_input={edit(|i, v| i.carried = v)} error={err(F::Carried)} />
            </div>
            <label class="cd-check">
                <input type="checkbox" checked={inputs.not_taxable} onchange={on_not_taxable} />
                <span>{ tr(lang, "Mon foyer ne paie pas d’impôt sur le revenu", "My household pays no income tax") }</span>
            </label>
        </details>

        <details class="cd-how">
            <summary>{ tr(lang, "Comment est-ce calculé ?", "How is this computed?") }</summary>
            { steps_view(&assessment, lang) }
        </details>

        <h3>{ tr(lang, "Qui peut donner, et combien ?", "Who may give, and how much?") }</h3>
        <Eligibility {lang} />
        <Field id="cd-elsewhere" label={tr(lang, "Déjà donné à d’autres candidats de cette élection", "Already given to other candidates in this election")}
            value={inputs.given_elsewhere.clone()} on_input={edit(|i, v| i.given_elsewhere = v)} error={err(F::GivenElsewhere)}
            hint={donation::cap_hint().get(lang).to_owned()} />

        <h3>{ tr(lang, "Comment donner", "How to give") }</h3>
        if collecting {
            <PayMethods account={account.clone()} {lang} method={inputs.method} on_method={on_method}
                gift={gift} typed={assessment.typed} />
            <Bulletin account={account.clone()} {lang} gift={gift} method={inputs.method} today={props.today} />
        } else {
            <p class="cd-alert">{ text(&donation::payment_notice(&window), lang) }</p>
        }

        if let Some(contact) = donation::contact(account) {
            <p class="cd-muted">{ text(&contact, lang) }</p>
        }
        <Mentions account={account.clone()} {lang} />
        </>
    }
}

/// The announced result: the real cost (exact and as the tax office rounds), or why the
/// gift is refused, or an invitation to type an amount.
fn result_view(a: &donation::Assessment, lang: Lang) -> Html {
    match &a.outcome {
        Outcome::Empty => html! { <p>{ text(&donation::invitation(), lang) }</p> },
        Outcome::Refused(refusals) => html! {
            <>
            { for refusals.iter().map(|r| html! { <p class="cd-figure">{ text(&r.message, lang) }</p> }) }
            </>
        },
        Outcome::Quote(q) => {
            let summary = donation::summary(q, a.mode, a.tax);
            html! {
                <>
                <p class="cd-figure">{ text(&summary.headline, lang) }</p>
                { for summary.details.iter().map(|d| html! { <p>{ text(d, lang) }</p> }) }
                if !q.conditions.is_empty() {
                    <ul class="cd-conditions">{ for q.conditions.iter().map(|c| html! { <li>{ text(c, lang) }</li> }) }</ul>
                }
                </>
            }
        }
    }
}

/// The computation's steps, each with its source (and a flag where the rule is not yet
/// confirmed on a primary text), then the questions the law leaves open (LAW.md).
fn steps_view(a: &donation::Assessment, lang: Lang) -> Html {
    let steps = match &a.outcome {
        Outcome::Quote(q) => html! {
            <ol class="cd-steps">
                { for q.steps.iter().map(|s| {
                    let rule = s.rule.rule();
                    let source = if rule.unverified {
                        format!("({} — {})", rule.source, tr(lang, "règle à confirmer", "rule to be confirmed"))
                    } else {
                        format!("({})", rule.source)
                    };
                    html! { <li>{ text(&s.text, lang) }{ " " }<span class="cd-source">{ source }</span></li> }
                }) }
            </ol>
        },
        _ => html! { <p>{ tr(lang, "Indiquez un montant pour voir le détail du calcul.", "Enter an amount to see how it is computed.") }</p> },
    };
    html! {
        <>
        { steps }
        <h4>{ tr(lang, "Questions encore ouvertes", "Questions still open") }</h4>
        <ul class="cd-source">
            { for crate::law::rules::open_questions().iter().map(|q| html! { <li>{ text(q, lang) }</li> }) }
        </ul>
        </>
    }
}

//! How to pay this circo: only the methods its configuration provides, and only those
//! the amount allows (cash up to the legal cap). The transfer's QR code is generated in
//! the page (EPC069-12), always next to the IBAN in text.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::donation;
use crate::i18n::Lang;
use crate::law::tax::Method;
use crate::money::Cents;
use crate::payment;

use super::ui::{text, tr, CopyButton};

#[derive(Properties, PartialEq)]
pub struct PayProps {
    pub account: Rc<Account>,
    pub lang: Lang,
    pub method: Method,
    pub on_method: Callback<Method>,
    /// The gift the law accepted (the QR code carries it).
    pub gift: Option<Cents>,
    /// The amount typed, even if refused: it decides which methods the law allows.
    pub typed: Option<Cents>,
}

#[function_component(PayMethods)]
pub fn pay_methods(props: &PayProps) -> Html {
    let lang = props.lang;
    let offered = donation::methods_for(&props.account, props.typed, props.method);
    if offered.is_empty() {
        return html! {};
    }
    html! {
        <>
        <fieldset class="cd-methods">
            <legend>{ tr(lang, "Moyen de paiement", "Payment method") }</legend>
            <div class="cd-presets">
                { for offered.iter().map(|&m| {
                    let id = format!("cd-method-{}", m.as_str());
                    let on_method = props.on_method.clone();
                    html! {
                        <span class="cd-preset">
                            <input type="radio" name="cd-method" id={id.clone()} checked={props.method == m}
                                onchange={Callback::from(move |_| on_method.emit(m))} />
                            <label for={id}>{ text(&donation::method_name(m), lang) }</label>
                        </span>
                    }
                }) }
            </div>
        </fieldset>
        if offered.contains(&props.method) {
            <div class="cd-pay">{ method_view(props) }</div>
        }
        </>
    }
}

fn method_view(props: &PayProps) -> Html {
    let lang = props.lang;
    let p = &props.account.payment;
    match props.method {
        Method::Cheque => match &p.cheque {
            Some(cheque) => html! {
                <section class="cd-method" aria-labelledby="cd-h-cheque">
                    <h4 id="cd-h-cheque">{ tr(lang, "Par chèque", "By cheque") }</h4>
                    <dl class="cd-kv">
                        <dt>{ tr(lang, "À l’ordre de", "Payable to") }</dt><dd>{ cheque.payee.clone() }</dd>
                        <dt>{ tr(lang, "À envoyer à", "Send to") }</dt>
                        <dd>{ for cheque.address.iter().map(|line| html! { <>{ line.clone() }<br /></> }) }</dd>
                    </dl>
                    <p>{ tr(lang,
                        "Joignez le bulletin de don ci-dessous, rempli et signé : le mandataire en a besoin pour vous délivrer le reçu fiscal.",
                        "Enclose the donation form below, filled in and signed: the mandataire needs it to issue your tax receipt.") }</p>
                </section>
            },
            None => html! {},
        },
        Method::Transfer => match &p.transfer {
            Some(t) => {
                let grouped = payment::group_iban(&t.iban);
                let qr = donation::transfer_qr(&props.account, props.gift);
                html! {
                    <section class="cd-method" aria-labelledby="cd-h-transfer">
                        <h4 id="cd-h-transfer">{ tr(lang, "Par virement", "By bank transfer") }</h4>
                        <dl class="cd-kv">
                            <dt>{ tr(lang, "Titulaire", "Account holder") }</dt><dd>{ t.holder.clone() }</dd>
                            <dt>{ "IBAN" }</dt>
                            <dd><span class="cd-mono" data-iban="">{ grouped }</span>{ " " }
                                <CopyButton value={t.iban.clone()} label={tr(lang, "Copier l’IBAN", "Copy the IBAN")} {lang} /></dd>
                            if let Some(bic) = &t.bic {
                                <dt>{ "BIC" }</dt><dd><span class="cd-mono">{ bic.clone() }</span></dd>
                            }
                            if let Some(reference) = &t.reference {
                                <dt>{ tr(lang, "Libellé à indiquer", "Reference to write") }</dt>
                                <dd><span class="cd-mono">{ reference.clone() }</span>{ " " }
                                    <CopyButton value={reference.clone()} label={tr(lang, "Copier le libellé", "Copy the reference")} {lang} /></dd>
                            }
                        </dl>
                        <p>{ tr(lang,
                            "Envoyez aussi le bulletin de don ci-dessous au mandataire (par courrier ou selon ses indications) : il en a besoin pour le reçu.",
                            "Also send the donation form below to the mandataire (by post or as they say): they need it for the receipt.") }</p>
                        { match qr {
                            Ok(svg) => html! {
                                <div class="cd-qr">
                                    <span role="img" aria-label={tr(lang, "QR code de virement (norme EPC)", "Transfer QR code (EPC standard)")}>
                                        { Html::from_html_unchecked(AttrValue::from(svg)) }
                                    </span>
                                    <p>{ text(&donation::qr_caption(props.gift), lang) }</p>
                                </div>
                            },
                            Err(message) => html! { <p class="cd-muted">{ text(&message, lang) }</p> },
                        } }
                    </section>
                }
            }
            None => html! {},
        },
        Method::Card => match &p.card {
            Some(card) => html! {
                <section class="cd-method" aria-labelledby="cd-h-card">
                    <h4 id="cd-h-card">{ tr(lang, "Par carte bancaire", "By bank card") }</h4>
                    <p>{ text(&donation::card_notice(card), lang) }</p>
                    <a class="cd-button cd-primary" href={card.url.clone()} target="_blank" rel="noopener noreferrer">
                        { text(&donation::card_link(card), lang) }</a>
                </section>
            },
            None => html! {},
        },
        Method::Cash => html! {
            <section class="cd-method" aria-labelledby="cd-h-cash">
                <h4 id="cd-h-cash">{ tr(lang, "En espèces", "In cash") }</h4>
                <p>{ text(&donation::cash_notice(), lang) }</p>
            </section>
        },
        Method::DirectDebit => html! {},
    }
}

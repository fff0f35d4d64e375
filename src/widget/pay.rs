//! How to pay this circo: renders the core's payment section (only the methods the
//! configuration provides and the amount allows, the chosen one's details, the transfer
//! QR code generated in the page), then the printable form.

use yew::prelude::*;

use crate::donation::page::{AccountPage, MethodDetail, PaymentBody, TransferDetail};
use crate::donation::Action;

use super::account::Dispatch;
use super::dom::{el, row, section, text};
use super::form::bulletin;
use super::ui::{copy_button, Copies};

pub(crate) fn payment(page: &AccountPage, dispatch: &Dispatch) -> Html {
    let body = match &page.payment.body {
        PaymentBody::Closed(notice) => text("p", "cd-alert", notice),
        PaymentBody::Open(open) => html! {
            <>
            if let Some(methods) = &open.methods {
                { el("fieldset", "cd-methods", vec![
                    text("legend", "", &methods.legend),
                    el("div", "cd-presets", vec![dispatch.radios("cd-method", &methods.options, Action::ChooseMethod)]),
                ]) }
            }
            if let Some((line, note)) = &open.reference {
                { el("div", "cd-ref", vec![el("p", "", vec![text("strong", "", line)]), text("p", "cd-muted", note)]) }
            }
            if let Some(detail) = &open.detail {
                { el("div", "cd-pay", vec![method_detail(detail, page, &dispatch.copies)]) }
            }
            { bulletin(&open.form, &dispatch.actions) }
            </>
        },
    };
    html! {
        <>
        { text("h3", "", &page.payment.heading) }
        { body }
        </>
    }
}

pub(crate) fn method_detail(detail: &MethodDetail, page: &AccountPage, copies: &Copies) -> Html {
    match detail {
        MethodDetail::Cheque { heading, payee_label, payee, address_label, address, note } => section("cd-method", "cd-h-cheque", "h4", heading, vec![
            el("dl", "cd-kv", vec![
                row(payee_label, vec![Html::from(payee.as_str())]),
                row(address_label, address.iter().map(|line| html! { <>{ line.clone() }<br /></> }).collect()),
            ]),
            text("p", "", note),
        ]),
        MethodDetail::Transfer(t) => transfer(t, page, copies),
        MethodDetail::Card { heading, notice, link, url } => section("cd-method", "cd-h-card", "h4", heading, vec![
            text("p", "", notice),
            html! { <a class="cd-button cd-primary" href={url.clone()} target="_blank" rel="noopener noreferrer">{ link.clone() }</a> },
        ]),
        MethodDetail::Cash { heading, notice } => section("cd-method", "cd-h-cash", "h4", heading, vec![text("p", "", notice)]),
    }
}

fn transfer(t: &TransferDetail, page: &AccountPage, copies: &Copies) -> Html {
    let copy = |value: &str, label: &str| copy_button(value, label, copies, &page.copied, &page.copy_failed);
    let qr = match &t.qr {
        Ok(qr) => html! {
            <div class="cd-qr">
                <span role="img" aria-label={qr.label.clone()}>
                    // An SVG the core drew from the EPC payload: no outside markup.
                    { Html::from_html_unchecked(AttrValue::from(qr.svg.clone())) }
                </span>
                { text("p", "", &qr.caption) }
            </div>
        },
        Err(message) => text("p", "cd-muted", message),
    };
    let mono = |value: &str| text("span", "cd-mono", value);
    let mut rows = vec![
        row(&t.holder_label, vec![Html::from(t.holder.as_str())]),
        row("IBAN", vec![html! { <span class="cd-mono" data-iban="">{ t.iban_grouped.clone() }</span> }, Html::from(" "), copy(&t.iban, &t.copy_iban)]),
    ];
    if let Some((label, bic)) = &t.bic {
        rows.push(row(label, vec![mono(bic)]));
    }
    if let Some((label, reference, copy_label)) = &t.reference {
        rows.push(row(label, vec![mono(reference), Html::from(" "), copy(reference, copy_label)]));
    }
    let standing = t.standing.as_ref().map(|s| {
        let rows = s.rows.iter().zip(&s.copies).map(|((label, shown, copied), name)| row(label, vec![mono(shown), Html::from(" "), copy(copied, name)])).collect();
        let card = s.card.as_ref().map(|(link, url)| html! { <p><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ link.clone() }</a></p> });
        section("cd-standing", "cd-h-standing", "h4", &s.heading, vec![el("dl", "cd-kv", rows), card.unwrap_or_default()])
    });
    section("cd-method", "cd-h-transfer", "h4", &t.heading, vec![el("dl", "cd-kv", rows), standing.unwrap_or_default(), text("p", "", &t.note), qr])
}

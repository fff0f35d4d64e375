//! How to pay this circo: renders the core's payment section (only the methods the
//! configuration provides and the amount allows, the chosen one's details, the transfer
//! QR code generated in the page), then the printable form.

use yew::prelude::*;

use crate::donation::page::{AccountPage, MethodDetail, PaymentBody, TransferDetail};
use crate::donation::Action;

use super::account::Dispatch;
use super::form::Bulletin;
use super::ui::CopyButton;

pub(crate) fn payment(page: &AccountPage, dispatch: &Dispatch) -> Html {
    let body = match &page.payment.body {
        PaymentBody::Closed(notice) => html! { <p class="cd-alert">{ notice.clone() }</p> },
        PaymentBody::Open(open) => html! {
            <>
            if let Some(methods) = &open.methods {
                <fieldset class="cd-methods">
                    <legend>{ methods.legend.clone() }</legend>
                    <div class="cd-presets">
                        { dispatch.radios("cd-method", &methods.options, Action::ChooseMethod) }
                    </div>
                </fieldset>
            }
            if let Some(detail) = &open.detail {
                <div class="cd-pay">{ method_detail(detail, page) }</div>
            }
            <Bulletin form={open.form.clone()} on_action={dispatch.to(|action: Action| action)} />
            </>
        },
    };
    html! {
        <>
        <h3>{ page.payment.heading.clone() }</h3>
        { body }
        </>
    }
}

pub(crate) fn method_detail(detail: &MethodDetail, page: &AccountPage) -> Html {
    match detail {
        MethodDetail::Cheque { heading, payee_label, payee, address_label, address, note } => html! {
            <section class="cd-method" aria-labelledby="cd-h-cheque">
                <h4 id="cd-h-cheque">{ heading.clone() }</h4>
                <dl class="cd-kv">
                    <dt>{ payee_label.clone() }</dt><dd>{ payee.clone() }</dd>
                    <dt>{ address_label.clone() }</dt>
                    <dd>{ for address.iter().map(|line| html! { <>{ line.clone() }<br /></> }) }</dd>
                </dl>
                <p>{ note.clone() }</p>
            </section>
        },
        MethodDetail::Transfer(t) => transfer(t, page),
        MethodDetail::Card { heading, notice, link, url } => html! {
            <section class="cd-method" aria-labelledby="cd-h-card">
                <h4 id="cd-h-card">{ heading.clone() }</h4>
                <p>{ notice.clone() }</p>
                <a class="cd-button cd-primary" href={url.clone()} target="_blank" rel="noopener noreferrer">{ link.clone() }</a>
            </section>
        },
        MethodDetail::Cash { heading, notice } => html! {
            <section class="cd-method" aria-labelledby="cd-h-cash">
                <h4 id="cd-h-cash">{ heading.clone() }</h4>
                <p>{ notice.clone() }</p>
            </section>
        },
    }
}

fn transfer(t: &TransferDetail, page: &AccountPage) -> Html {
    let copy = |value: &str, label: &str| html! {
        <CopyButton value={value.to_owned()} label={label.to_owned()} copied={page.copied.clone()} failed={page.copy_failed.clone()} />
    };
    html! {
        <section class="cd-method" aria-labelledby="cd-h-transfer">
            <h4 id="cd-h-transfer">{ t.heading.clone() }</h4>
            <dl class="cd-kv">
                <dt>{ t.holder_label.clone() }</dt><dd>{ t.holder.clone() }</dd>
                <dt>{ "IBAN" }</dt>
                <dd><span class="cd-mono" data-iban="">{ t.iban_grouped.clone() }</span>{ " " }{ copy(&t.iban, &t.copy_iban) }</dd>
                if let Some((label, bic)) = &t.bic {
                    <dt>{ label.clone() }</dt><dd><span class="cd-mono">{ bic.clone() }</span></dd>
                }
                if let Some((label, reference, copy_label)) = &t.reference {
                    <dt>{ label.clone() }</dt>
                    <dd><span class="cd-mono">{ reference.clone() }</span>{ " " }{ copy(reference, copy_label) }</dd>
                }
            </dl>
            <p>{ t.note.clone() }</p>
            { match &t.qr {
                Ok(qr) => html! {
                    <div class="cd-qr">
                        <span role="img" aria-label={qr.label.clone()}>
                            // An SVG the core drew from the EPC payload: no outside markup.
                            { Html::from_html_unchecked(AttrValue::from(qr.svg.clone())) }
                        </span>
                        <p>{ qr.caption.clone() }</p>
                    </div>
                },
                Err(message) => html! { <p class="cd-muted">{ message.clone() }</p> },
            } }
        </section>
    }
}

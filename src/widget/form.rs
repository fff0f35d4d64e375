//! The printable donation form (bulletin de don): the fields the mandataire's receipt
//! needs (R39-1), pre-filled with what the donor typed, the sworn statement and where to
//! send it. It is printed from the page through a hidden `srcdoc` frame: nothing is
//! sent, nothing is stored, and only the form is printed, not the host page.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlIFrameElement;
use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::date::Date;
use crate::donation::{self, Identity};
use crate::i18n::Lang;
use crate::law::tax::Method;
use crate::money::Cents;

use super::ui::{editor, tr, Field};

#[derive(Properties, PartialEq)]
pub struct BulletinProps {
    pub account: Rc<Account>,
    pub lang: Lang,
    pub gift: Option<Cents>,
    pub method: Method,
    pub today: Date,
}

#[function_component(Bulletin)]
pub fn bulletin(props: &BulletinProps) -> Html {
    let lang = props.lang;
    let identity = use_state(Identity::default);
    let edit = |set: fn(&mut Identity, String)| editor(&identity, set);
    // The printed form holds the donor's identity: it leaves the page with the widget.
    use_effect_with((), |_| || remove_print_frames());
    let html_doc = donation::bulletin_html(&props.account, &identity, props.gift, props.method, props.today, lang);
    let onclick = {
        let doc = html_doc.clone();
        Callback::from(move |_| print(&doc))
    };
    // A character that draws nothing or reorders the text is named (and left off the print).
    let text_field = |id: &'static str, label: &'static str, value: &str, on: Callback<String>, auto: &'static str| html! {
        <Field id={id} label={label} value={value.to_owned()} on_input={on} inputmode="text" autocomplete={auto}
            error={crate::text_safety::typed_error(value).map(|t| AttrValue::from(t.get(lang).to_owned()))} />
    };
    html! {
        <details class="cd-form">
            <summary>{ tr(lang, "Bulletin de don à imprimer", "Printable donation form") }</summary>
            <p class="cd-muted">{ tr(lang,
                "Remplissez-le ici pour l’imprimer déjà complété, ou imprimez-le vide. Ce que vous tapez reste sur votre appareil.",
                "Fill it in here to print it completed, or print it blank. What you type stays on your device.") }</p>
            <div class="cd-form-fields">
                { text_field("cd-surname", tr(lang, "Nom", "Surname"), &identity.surname, edit(|i, v| i.surname = v), "family-name") }
                { text_field("cd-given", tr(lang, "Prénoms", "First names"), &identity.given_names, edit(|i, v| i.given_names = v), "given-name") }
                { text_field("cd-nationality", tr(lang, "Nationalité", "Nationality"), &identity.nationality, edit(|i, v| i.nationality = v), "off") }
                { text_field("cd-address", tr(lang, "Adresse du domicile fiscal", "Tax address"), &identity.address, edit(|i, v| i.address = v), "street-address") }
            </div>
            <button type="button" class="cd-primary" {onclick}>{ tr(lang, "Imprimer le bulletin", "Print the form") }</button>
        </details>
    }
}

/// Prints `doc` (a whole HTML document) from a hidden frame appended to the page's body,
/// removed once printed. A `srcdoc` frame makes no request.
fn print(doc: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(frame) = document.create_element("iframe") else { return };
    let Ok(frame) = frame.dyn_into::<HtmlIFrameElement>() else { return };
    frame.set_attribute("data-circo-don-print", "").ok();
    frame.set_attribute("aria-hidden", "true").ok();
    frame.set_attribute("tabindex", "-1").ok();
    frame.set_attribute("style", "position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden").ok();
    // No scripts in the form's document; same origin only so that this page may call
    // its print(), and modals for the print dialog itself.
    frame.set_attribute("sandbox", "allow-same-origin allow-modals").ok();
    frame.set_srcdoc(doc);
    let target = frame.clone();
    let onload = Closure::once_into_js(move || {
        if let Some(w) = target.content_window() {
            // Once printed (or cancelled), the donor's identity leaves the host page.
            let printed = target.clone();
            let remove = Closure::once_into_js(move || printed.remove());
            let _ = w.add_event_listener_with_callback("afterprint", remove.unchecked_ref());
            let _ = w.print();
        }
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    // Only one print frame at a time.
    remove_print_frames();
    let _ = body.append_child(&frame);
}

/// Removes every print frame left in the page (after printing, or when the widget goes).
fn remove_print_frames() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(old) = document.query_selector_all("iframe[data-circo-don-print]") {
        for i in 0..old.length() {
            if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                el.remove();
            }
        }
    }
}

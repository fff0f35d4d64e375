//! The printable donation form (bulletin de don): renders the core's form and prints
//! the document the core wrote through a hidden `srcdoc` frame: nothing is sent,
//! nothing is stored, and only the form is printed, not the host page.

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlIFrameElement;
use yew::prelude::*;

use crate::donation::bulletin::STYLE;
use crate::donation::page::BulletinForm;
use crate::donation::Action;

use super::dom::{details, el, text};
use super::ui::labelled_input;

/// The form's fields and its print button; typing sends `on_action` the field's action.
/// A plain function, not a component: its one effect is [`use_print_cleanup`], which
/// the account view holds.
#[inline(never)]
pub(crate) fn bulletin(form: &BulletinForm, on_action: &Callback<Action>) -> Html {
    let onclick = {
        let doc = form.document.clone();
        Callback::from(move |_| print(&doc))
    };
    details("cd-form", &form.summary, vec![
        text("p", "cd-muted", &form.intro),
        el("div", "cd-form-fields", form.fields.iter().map(|input| labelled_input(input, on_action.clone(), NodeRef::default())).collect()),
        html! { <button type="button" class="cd-primary" {onclick}>{ form.print.clone() }</button> },
    ])
}

/// The printed form holds the donor's identity: it leaves the page with the form, when
/// the form stops being `shown`, the account `key` changes or the view that shows it goes.
#[hook]
pub(crate) fn use_print_cleanup(key: usize, shown: bool) {
    use_effect_with((key, shown), |&(_, shown)| {
        move || {
            if shown {
                remove_print_frames();
            }
        }
    });
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
    // Through the CSSOM, not a style attribute: a strict CSP refuses the attribute.
    if let Ok(style) = Reflect::get(&frame, &"style".into()) {
        let _ = Reflect::set(&style, &"cssText".into(), &"position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden".into());
    }
    // No scripts in the form's document; same origin only so that this page may call
    // its print(), and modals for the print dialog itself.
    frame.set_attribute("sandbox", "allow-same-origin allow-modals").ok();
    frame.set_srcdoc(doc);
    let target = frame.clone();
    let onload = Closure::once_into_js(move || {
        if let (Some(w), Some(doc)) = (target.content_window(), target.content_document()) {
            // The form's stylesheet, constructed in the frame's own realm and adopted.
            let sheet = super::constructed_sheet(&w, STYLE);
            let _ = super::adopt_style(&doc, sheet.as_ref(), &doc, STYLE);
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

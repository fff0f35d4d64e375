//! Small shared renderers of the widget: the language switch, a labelled text field,
//! a copy button. Their words come from the core's page structs.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::donation::page::TextInput;
use crate::donation::Action;
use crate::i18n::Lang;

use super::dom::{group, toggle};

/// Two buttons, each labelled in its own language, the current one pressed; `label` is
/// the group's accessible name ("Langue"). A plain function, not a component: it keeps no
/// state, and each component type costs its own copy of Yew's lifecycle.
#[inline(never)]
pub fn lang_switch(lang: Lang, label: &str, on_change: Callback<Lang>) -> Html {
    let buttons = Lang::ALL.into_iter().map(|l| {
        let on_change = on_change.clone();
        toggle(l.name(), lang == l, Some(l.tag()), Callback::from(move |_| on_change.emit(l)))
    });
    group("cd-lang", "group", label, buttons.collect())
}

/// The value of the input that fired `e`.
pub fn input_value(e: &InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Whether the checkbox that fired `e` is checked.
pub fn checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.checked()).unwrap_or(false)
}

/// A labelled text field with its hint and error, both tied to it for assistive
/// technology (`aria-describedby`, `aria-invalid`); typing sends `on_action` what typing
/// does to the input ([`TextInput::key`]'s action), and `node_ref` lets the field take
/// the focus. A plain function, not a component: it keeps no state.
#[inline(never)]
pub fn labelled_input(i: &TextInput, on_action: Callback<Action>, node_ref: NodeRef) -> Html {
    let hint_id = [i.id, "-hint"].concat();
    let error_id = [i.id, "-error"].concat();
    let described: Vec<&str> = [i.hint.as_ref().map(|_| hint_id.as_str()), i.error.as_ref().map(|_| error_id.as_str())]
        .into_iter()
        .flatten()
        .collect();
    let key = i.key;
    html! {
        <div class="cd-field">
            <label for={i.id}>{ i.label.clone() }</label>
            <input id={i.id} ref={node_ref} type="text" inputmode={i.inputmode} autocomplete={i.autocomplete}
                value={i.value.clone()}
                aria-invalid={i.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                oninput={Callback::from(move |e: InputEvent| on_action.emit(key.action(input_value(&e))))} />
            if let Some(hint) = &i.hint { <p class="cd-field-hint" id={hint_id.clone()}>{ hint.clone() }</p> }
            if let Some(error) = &i.error { <p class="cd-error" id={error_id.clone()}>{ error.clone() }</p> }
        </div>
    }
}

/// The account view's copy buttons: the one that copied last (by its label) and whether
/// it could, and how a button reports it. One state for every button of the view, not
/// a component per button: each component type costs its own copy of Yew's lifecycle.
/// The default (the prerender's) reports nowhere.
#[derive(Clone, Default)]
pub(crate) struct Copies {
    pub last: Option<(AttrValue, bool)>,
    pub report: Callback<(AttrValue, bool)>,
}

/// A copy button labelled `label` that copies `value`, with a visible, announced
/// confirmation beside it (`copied`), or `failed` when the clipboard is not available
/// (an insecure page, a refusal), instead of pretending.
#[inline(never)]
pub(crate) fn copy_button(value: &str, label: &str, copies: &Copies, copied: &str, failed: &str) -> Html {
    let label = AttrValue::from(label.to_owned());
    let status = match &copies.last {
        Some((last, ok)) if *last == label => if *ok { copied } else { failed },
        _ => "",
    };
    let onclick = {
        let (value, label, report) = (value.to_owned(), label.clone(), copies.report.clone());
        Callback::from(move |_| {
            let (value, label, report) = (value.clone(), label.clone(), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // `navigator.clipboard` is undefined on a page not served over https.
                let navigator = web_sys::window().map(|w| w.navigator());
                let available = navigator
                    .as_ref()
                    .and_then(|n| js_sys::Reflect::get(n, &"clipboard".into()).ok())
                    .is_some_and(|c| !c.is_undefined() && !c.is_null());
                let ok = match navigator.filter(|_| available) {
                    Some(n) => wasm_bindgen_futures::JsFuture::from(n.clipboard().write_text(&value)).await.is_ok(),
                    None => false,
                };
                report.emit((label, ok));
            });
        })
    };
    html! {
        <span class="cd-copy">
            <button type="button" {onclick}>{ label }</button>
            <span role="status" class="cd-copied">{ status }</span>
        </span>
    }
}

/// Moves keyboard focus to the element behind `node` (after a button that disappears, or
/// to a new view's heading), so that keyboard and screen-reader users keep their place.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

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

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// What is copied (the IBAN in electronic form, the reference...).
    pub value: AttrValue,
    /// What it is, for the button's accessible name ("Copier l’IBAN").
    pub label: AttrValue,
    /// What the button says once it copied, and when it could not.
    pub copied: AttrValue,
    pub failed: AttrValue,
}

/// A copy button with a visible, announced confirmation. When the clipboard is not
/// available (an insecure page, a refusal), it says so instead of pretending.
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyProps) -> Html {
    let status = use_state(|| None::<bool>);
    let onclick = {
        let status = status.clone();
        let value = props.value.to_string();
        Callback::from(move |_| {
            let status = status.clone();
            let value = value.clone();
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
                status.set(Some(ok));
            });
        })
    };
    html! {
        <span class="cd-copy">
            <button type="button" {onclick}>{ props.label.clone() }</button>
            <span role="status" class="cd-copied">{
                match *status {
                    Some(true) => props.copied.clone(),
                    Some(false) => props.failed.clone(),
                    None => AttrValue::Static(""),
                }
            }</span>
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

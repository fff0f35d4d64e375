//! Small shared pieces of the widget: picking a language, the language switch, copy
//! buttons, labelled text fields.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// The French or English side of a fixed sentence of the shell (labels, headings).
/// Sentences that carry figures or law come from the core as [`Text`].
pub fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A core [`Text`] as a text node in `lang`.
pub fn text(t: &Text, lang: Lang) -> Html {
    Html::from(t.get(lang).to_owned())
}

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// Two buttons, each labelled in its own language, the current one pressed.
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let button = |l: Lang, name: &'static str| {
        let on_change = props.on_change.clone();
        html! {
            <button type="button" lang={l.tag()} aria-pressed={(props.lang == l).to_string()}
                onclick={Callback::from(move |_| on_change.emit(l))}>{ name }</button>
        }
    };
    html! {
        <div class="cd-lang" role="group" aria-label={tr(props.lang, "Langue", "Language")}>
            { button(Lang::Fr, "Français") }
            { button(Lang::En, "English") }
        </div>
    }
}

/// The value of the input that fired `e`.
pub fn input_value(e: &InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Whether the checkbox that fired `e` is checked.
pub fn checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.checked()).unwrap_or(false)
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// To move focus to the field.
    #[prop_or_default]
    pub node_ref: NodeRef,
}

/// A labelled text field with an optional hint and error, both tied to it for
/// assistive technology (`aria-describedby`, `aria-invalid`).
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if props.error.is_some() {
        described.push(error_id.clone());
    }
    let on_input = props.on_input.clone();
    html! {
        <div class="cd-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} ref={props.node_ref.clone()} type="text" inputmode={props.inputmode.clone()}
                autocomplete={props.autocomplete.clone().unwrap_or(AttrValue::Static("off"))}
                value={props.value.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                oninput={Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)))} />
            if let Some(hint) = &props.hint { <p class="cd-field-hint" id={hint_id}>{ hint.clone() }</p> }
            if let Some(error) = &props.error { <p class="cd-error" id={error_id}>{ error.clone() }</p> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// What is copied (the IBAN in electronic form, the reference...).
    pub value: AttrValue,
    /// What it is, for the button's accessible name ("Copier l’IBAN").
    pub label: AttrValue,
    pub lang: Lang,
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
    let lang = props.lang;
    html! {
        <span class="cd-copy">
            <button type="button" {onclick}>{ props.label.clone() }</button>
            <span role="status" class="cd-copied">{
                match *status {
                    Some(true) => tr(lang, "Copié ✓", "Copied ✓"),
                    Some(false) => tr(lang, "Copie impossible : sélectionnez le texte.", "Could not copy: select the text."),
                    None => "",
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

/// A text field's `on_input` that edits one field of the state `T` held by `state`
/// (through `set`, which copies the rest): one factory for every form of the widget.
pub fn editor<T: Clone + 'static>(state: &UseStateHandle<T>, set: fn(&mut T, String)) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value: String| {
        let mut next = (*state).clone();
        set(&mut next, value);
        state.set(next);
    })
}

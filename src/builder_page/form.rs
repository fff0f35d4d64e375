//! The form: one `<fieldset>` per group of `circo_don::builder::fields`, one labelled
//! field per field of the format, each problem of the core shown at its field
//! (`aria-invalid`, `aria-describedby`) and listed in the error summary above.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use circo_don::builder::fields::{id_of, Field, Group, Kind};
use circo_don::builder::{spot, words, Draft, EntryEdit, Spot};
use circo_don::config::Problem;
use circo_don::i18n::{Lang, Text};

/// What the collective did to the form.
pub enum Edit {
    /// A field was typed in (`done`: the collective left it).
    Field(Field, String, bool),
    /// An optional part switched on or off.
    Switch(String, bool),
    /// A registry's list of circos changed.
    Entries(EntryEdit),
}

/// The problems, by where they are shown.
#[derive(Default)]
pub struct Placed {
    pub at: BTreeMap<String, Vec<Problem>>,
    pub file: Vec<Problem>,
}

impl Placed {
    pub fn new(problems: &[Problem], groups: &[Group]) -> Placed {
        let mut placed = Placed::default();
        for p in problems {
            match spot(p, groups) {
                Spot::Field(path) | Spot::Group(path) => placed.at.entry(path).or_default().push(p.clone()),
                Spot::File => placed.file.push(p.clone()),
            }
        }
        placed
    }
}

/// The id a summary link takes the collective to for a problem: its field, or its
/// group's first field, or the import control.
pub fn target_id(problem: &Problem, groups: &[Group]) -> String {
    match spot(problem, groups) {
        Spot::Field(path) => id_of(&path),
        Spot::Group(path) => groups
            .iter()
            .find(|g| g.path == path)
            .and_then(|g| g.switch.as_ref().map(|s| switch_id(&s.path)).or_else(|| g.fields.first().map(Field::id)))
            .unwrap_or_else(|| id_of(&path)),
        Spot::File => "import".to_owned(),
    }
}

pub fn switch_id(path: &str) -> String {
    format!("{}-on", id_of(path))
}

/// The value of the input, textarea or select that fired `e`.
pub fn value_of(e: &Event) -> String {
    let Some(target) = e.target() else { return String::new() };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

/// The messages of `problems` under an element `id`, and the ids that describe it.
fn messages(id: &str, problems: &[Problem], lang: Lang) -> (Html, Vec<String>) {
    let (errors, warnings): (Vec<&Problem>, Vec<&Problem>) = problems.iter().partition(|p| p.is_error());
    let mut ids = Vec::new();
    let mut list = |kind: &str, items: &[&Problem], prefix: &Text| {
        if items.is_empty() {
            return html! {};
        }
        let pid = format!("{id}-{kind}");
        ids.push(pid.clone());
        html! {
            <div class={format!("b-{kind}")} id={pid}>
                { for items.iter().map(|p| html! { <p data-rule={p.rule.as_str()}><span class="b-tag">{ prefix.get(lang) }</span>{ " " }{ p.message.get(lang) }</p> }) }
            </div>
        }
    };
    let words = words::page();
    let e = list("error", &errors, &words.error_tag);
    let w = list("warning", &warnings, &words.warning_tag);
    (html! { <>{ e }{ w }</> }, ids)
}

/// One field, its help, its problems and its input.
fn field(f: &Field, draft: &Draft, placed: &Placed, lang: Lang, on_edit: &Callback<Edit>) -> Html {
    let id = f.id();
    let none = Vec::new();
    let problems = placed.at.get(&f.path).unwrap_or(&none);
    let help_id = format!("{id}-help");
    let (shown, mut described) = messages(&id, problems, lang);
    if f.help.is_some() {
        described.insert(0, help_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = problems.iter().any(Problem::is_error).then_some("true");
    let value = draft.get(f);
    let edit = |done: bool| {
        let (on_edit, f) = (on_edit.clone(), f.clone());
        Callback::from(move |e: Event| on_edit.emit(Edit::Field(f.clone(), value_of(&e), done)))
    };
    let typed = {
        let (on_edit, f) = (on_edit.clone(), f.clone());
        Callback::from(move |e: InputEvent| on_edit.emit(Edit::Field(f.clone(), value_of(&e), false)))
    };
    let input = match &f.kind {
        Kind::Lines => html! {
            <textarea id={id.clone()} rows="4" aria-invalid={invalid} aria-describedby={described.clone()} oninput={typed} value={value} />
        },
        // Read when the collective leaves it: lines are rewritten in the format's
        // order, which would move the cursor while typing.
        Kind::Communes => html! {
            <textarea id={id.clone()} rows="4" spellcheck="false" aria-invalid={invalid} aria-describedby={described.clone()} onchange={edit(true)} value={value} />
        },
        Kind::Choice(choices) => html! {
            <select id={id.clone()} aria-invalid={invalid} aria-describedby={described.clone()} onchange={edit(true)}>
                if !f.required { <option value="" selected={value.is_empty()}>{ "—" }</option> }
                { for choices.iter().map(|(v, label)| html! { <option value={*v} selected={value == *v}>{ label.get(lang) }</option> }) }
            </select>
        },
        kind => {
            let (inputmode, autocomplete, spell) = match kind {
                Kind::Integer | Kind::Presets => ("numeric", "off", "false"),
                Kind::Email => ("email", "email", "false"),
                Kind::Url => ("url", "url", "false"),
                Kind::Iban | Kind::Date => ("text", "off", "false"),
                _ => ("text", "off", "true"),
            };
            html! {
                <input id={id.clone()} type="text" {inputmode} {autocomplete} spellcheck={spell} value={value}
                    aria-invalid={invalid} aria-describedby={described.clone()} oninput={typed} onchange={edit(true)} />
            }
        }
    };
    let date_hint = matches!(f.kind, Kind::Date).then(|| words::page().date_format);
    html! {
        <div class={classes!("b-field", invalid.map(|_| "b-invalid"))}>
            <label for={id.clone()}>{ f.label.get(lang) }{ for date_hint.map(|h| h.into_lang(lang)) }</label>
            if let Some(help) = &f.help { <p class="b-help" id={help_id}>{ help.get(lang) }</p> }
            { shown }
            { input }
        </div>
    }
}

/// One group: its switch (for an optional part), its help, its own problems, its fields.
pub fn group(g: &Group, draft: &Draft, placed: &Placed, lang: Lang, on_edit: &Callback<Edit>) -> Html {
    let none = Vec::new();
    let own = placed.at.get(&g.path).unwrap_or(&none);
    let gid = g.id();
    let (shown, described) = messages(&gid, own, lang);
    let on = g.switch.as_ref().map(|s| draft.is_on(&s.path)).unwrap_or(true);
    let switch = g.switch.as_ref().map(|s| {
        let (on_edit, path) = (on_edit.clone(), s.path.clone());
        let onchange = Callback::from(move |e: Event| {
            let checked = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
            on_edit.emit(Edit::Switch(path.clone(), checked));
        });
        html! {
            <div class="b-switch">
                <input type="checkbox" id={switch_id(&s.path)} checked={on} {onchange} />
                <label for={switch_id(&s.path)}>{ s.label.get(lang) }</label>
            </div>
        }
    });
    html! {
        <fieldset class="b-group" id={gid} aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
            <legend>{ g.legend.get(lang) }</legend>
            if let Some(help) = &g.help { <p class="b-help">{ help.get(lang) }</p> }
            { shown }
            { for switch }
            if on {
                { for g.fields.iter().map(|f| field(f, draft, placed, lang, on_edit)) }
            }
        </fieldset>
    }
}

//! A movement's registry: the donor finds their circo (by department, number or name),
//! then sees that circo's account. The choice is written to the page's fragment
//! (`#circo-75-01`) so that it can be linked to; `data-circo` or the fragment preselects.
//! What an entry means is the core's ([`Entry::resolve`]); loading a linked file is
//! [`use_config`], as for the widget's own configuration.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Loaded, Registry, Resolved};
use crate::donation::page;
use crate::embed::resolve_link;
use crate::i18n::Lang;

use super::account::AccountView;
use super::app::{failure, use_config, State, Wanted};
use super::dom::top;
use super::ui::{focus, input_value};

/// Fragment prefix for linking to a circo: `page.html#circo-75-01`.
pub const FRAGMENT_PREFIX: &str = "circo-";

#[derive(Properties)]
pub struct ChooserProps {
    /// A loaded registry (its `config` is a [`Registry`]) and its problems.
    pub loaded: Rc<Loaded>,
    /// The registry's own URL (or `#id`), against which linked files are resolved.
    pub base: AttrValue,
    pub initial: Option<AttrValue>,
    pub lang: Lang,
    pub switch: Html,
}

/// The same registry by identity: a registry is never compared field by field.
impl PartialEq for ChooserProps {
    fn eq(&self, other: &ChooserProps) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.base == other.base && self.initial == other.initial && self.lang == other.lang && self.switch == other.switch
    }
}

/// What a chosen circo shows: its state at once (an inline account, or the problems of
/// a disabled entry), or a linked file to load.
enum Chosen {
    Now(Rc<State>),
    Load(Wanted),
}

#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let lang = props.lang;
    let empty = Registry { name: None, entries: Vec::new() };
    let registry = props.loaded.registry().unwrap_or(&empty);
    let selected = use_state(|| props.initial.as_ref().and_then(|s| registry.find(s)).map(|e| e.slug.clone()));
    let query = use_state(String::new);
    // Focus follows the donor's own choices only, never a preselection at page load.
    let by_click = use_state(|| false);
    let search_ref = use_node_ref();

    // Decided once per choice (an inline account is copied out of the registry once,
    // not at every render).
    let chosen = use_memo(((*selected).clone(), Rc::as_ptr(&props.loaded) as usize), |(slug, _)| {
        let entry = registry.find(slug.as_deref()?)?;
        Some(match entry.resolve(&props.loaded) {
            Resolved::Account(account) => Chosen::Now(Rc::new(State::Account(Rc::from(account)))),
            Resolved::Invalid(problems) => Chosen::Now(Rc::new(State::Invalid(Rc::new(problems), props.base.to_string()))),
            Resolved::Fetch(link) => Chosen::Load(Wanted { raw: resolve_link(&link, &props.base), entry: Some((props.loaded.clone(), entry.slug.clone())) }),
        })
    });
    let fetched = use_config(match &*chosen {
        Some(Chosen::Load(wanted)) => Some(wanted.clone()),
        _ => None,
    });

    let choose = |slug: String| {
        let selected = selected.clone();
        let by_click = by_click.clone();
        Callback::from(move |_| {
            by_click.set(true);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&format!("{FRAGMENT_PREFIX}{slug}"));
            }
            selected.set(Some(slug.clone()));
        })
    };
    let change = {
        let selected = selected.clone();
        let by_click = by_click.clone();
        Callback::from(move |_| {
            by_click.set(true);
            selected.set(None);
        })
    };
    {
        // Back on the list after "choose another": the search field takes the focus.
        let (search_ref, by_click) = (search_ref.clone(), *by_click);
        use_effect_with(selected.is_none(), move |listing| {
            if *listing && by_click {
                focus(&search_ref);
            }
        });
    }

    if let Some(chosen) = &*chosen {
        let labels = page::chosen_labels(lang);
        let state = match chosen {
            Chosen::Now(state) => state,
            Chosen::Load(_) => &fetched,
        };
        let body = match &**state {
            State::Account(account) => html! {
                <AccountView account={account.clone()} {lang} switch={props.switch.clone()} focus_title={*by_click} />
            },
            State::Registry(_) => html! { <p role="alert">{ labels.other_registry.clone() }</p> },
            State::Loading => html! { <p class="cd-busy" aria-busy="true">{ labels.loading.clone() }</p> },
            other => failure(other, lang),
        };
        return html! {
            <>
            <p><button type="button" onclick={change}>{ labels.back.clone() }</button></p>
            { body }
            </>
        };
    }

    let view = page::chooser_page(registry, &query, lang);
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(input_value(&e)))
    };
    html! {
        <>
        { top(&view.title, None, Some(&view.subtitle), props.switch.clone()) }
        <label for="cd-search">{ view.search_label }</label>
        <input id="cd-search" ref={search_ref} type="search" value={(*query).clone()} oninput={on_query} autocomplete="off"
            aria-describedby="cd-search-hint" />
        <p class="cd-field-hint" id="cd-search-hint">{ view.search_hint }</p>
        <p role="status" class="cd-muted">{ view.status }</p>
        <ul class="cd-choices">
            { for view.choices.into_iter().map(|(slug, label)| html! {
                <li><button type="button" onclick={choose(slug)}>{ label }</button></li>
            }) }
        </ul>
        </>
    }
}

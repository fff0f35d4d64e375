//! A movement's registry: the donor finds their circo (by department, number or name),
//! then sees that circo's account. The choice is written to the page's fragment
//! (`#circo-75-01`) so that it can be linked to; `data-circo` or the fragment preselects.
//! What an entry means is the core's ([`Entry::resolve`]); loading a linked file is
//! [`use_config`], as for the widget's own configuration.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Config, Entry, Loaded, Registry, Resolved};
use crate::donation::page;
use crate::embed::{resolve_link, Source};
use crate::i18n::Lang;

use super::account::AccountView;
use super::app::{failure, use_config, State, Wanted};
use super::dom::top;
use super::ui::{focus, input_value};

/// Fragment prefix for linking to a circo: `page.html#circo-75-01`.
pub const FRAGMENT_PREFIX: &str = "circo-";

#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    /// A loaded registry (its `config` is a [`Registry`]) and its problems.
    pub loaded: Rc<Loaded>,
    /// The registry's own URL (or `#id`), against which linked files are resolved.
    pub base: AttrValue,
    pub initial: Option<AttrValue>,
    pub lang: Lang,
    pub switch: Html,
}

#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let lang = props.lang;
    let empty = Registry { name: None, entries: Vec::new() };
    let registry = Rc::new(props.loaded.registry().cloned().unwrap_or(empty));
    let selected = {
        let registry = registry.clone();
        let initial = props.initial.clone();
        use_state(move || initial.and_then(|s| registry.find(&s).map(|e| e.slug.clone())))
    };
    let query = use_state(String::new);
    // Focus follows the donor's own choices only, never a preselection at page load.
    let by_click = use_state(|| false);
    let search_ref = use_node_ref();

    let entry: Option<Entry> = selected.as_deref().and_then(|s| registry.find(s)).cloned();
    let resolved = entry.as_ref().map(|e| e.resolve(&props.loaded));
    let wanted = match (&resolved, &entry) {
        (Some(Resolved::Fetch(link)), Some(entry)) => {
            let url = resolve_link(link, &props.base);
            Some(Wanted { raw: url.clone(), source: Ok(Source::Url(url)), entry: Some(entry.clone()) })
        }
        _ => None,
    };
    let fetched = use_config(wanted);

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

    if let Some(resolved) = resolved {
        let labels = page::chosen_labels(lang);
        let state = match resolved {
            Resolved::Account(account) => State::Ready(Rc::new(Loaded { config: Some(Config::Account(account)), problems: Vec::new() })),
            Resolved::Invalid(problems) => State::Invalid(Rc::new(problems), props.base.to_string()),
            Resolved::Fetch(_) => fetched,
        };
        let body = match &state {
            State::Ready(one) => match one.account() {
                Some(account) => html! {
                    <AccountView account={Rc::new(account.clone())} {lang} switch={props.switch.clone()} focus_title={*by_click} />
                },
                None => html! { <p role="alert">{ labels.other_registry.clone() }</p> },
            },
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

    let view = page::chooser_page(&registry, &query, lang);
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

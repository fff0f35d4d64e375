//! A movement's registry: the donor finds their circo (by department, number or name),
//! then sees that circo's account. The choice is written to the page's fragment
//! (`#circo-75-01`) so that it can be linked to; `data-circo` or the fragment preselects.
//! What an entry means is the core's ([`Entry::resolve`]); loading a linked file is
//! [`use_config`], as for the widget's own configuration.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Loaded, Registry, Resolved};
use crate::donation::page;
use crate::i18n::Lang;

use super::account::{use_account_view, AccountProps};
use super::app::{failure, use_config, State, Wanted};
use super::dom::top;
use super::ui::{focus, input_value};

/// Fragment prefix for linking to a circo: `page.html#circo-75-01`.
pub const FRAGMENT_PREFIX: &str = "circo-";

/// What a chosen circo shows: its state at once (an inline account, or the problems of
/// a disabled entry), or a linked file to load.
enum Chosen {
    Now(Rc<State>),
    Load(Wanted),
}

/// The chooser's view for `loaded`, when the widget's configuration is a registry
/// (nothing otherwise): a hook of the widget's root, not a component of its own, since
/// each component type costs its own copy of Yew's lifecycle. `base` is the registry's
/// own URL (or `#id`), against which linked files are resolved; `initial` the circo to
/// preselect.
#[hook]
pub(crate) fn use_chooser(loaded: Option<Rc<Loaded>>, base: AttrValue, initial: Option<AttrValue>, lang: Lang, switch: Html) -> Html {
    let empty = Registry { name: None, entries: Vec::new() };
    let registry = loaded.as_deref().and_then(Loaded::registry).unwrap_or(&empty);
    // `None` until the donor chooses (or goes back to the list): the preselection.
    let picked = use_state(|| None::<Option<String>>);
    let selected = match &*picked {
        Some(picked) => picked.clone(),
        None => initial.as_ref().and_then(|s| registry.find(s)).map(|e| e.slug.clone()),
    };
    let query = use_state(String::new);
    // Focus follows the donor's own choices only, never a preselection at page load.
    let by_click = use_state(|| false);
    let search_ref = use_node_ref();

    // Decided once per choice (an inline account is copied out of the registry once,
    // not at every render).
    let chosen = use_memo((selected.clone(), loaded.as_ref().map(|l| Rc::as_ptr(l) as usize)), |(slug, _)| {
        let (loaded, entry) = (loaded.as_ref()?, registry.find(slug.as_deref()?)?);
        Some(match entry.resolve(loaded) {
            Resolved::Account(account) => Chosen::Now(Rc::new(State::Account(account))),
            Resolved::Invalid(problems) => Chosen::Now(Rc::new(State::Invalid(Rc::new(problems), base.to_string(), None))),
            Resolved::Fetch(link) => Chosen::Load(Wanted { raw: crate::url::resolve(&link, &base), entry: Some((loaded.clone(), entry.slug.clone())) }),
        })
    });
    let fetched = use_config(match &*chosen {
        Some(Chosen::Load(wanted)) => Some(wanted.clone()),
        _ => None,
    });
    let shown = match &*chosen {
        Some(Chosen::Now(state)) => state.clone(),
        Some(Chosen::Load(_)) => fetched.clone(),
        None => Rc::new(State::Loading),
    };
    let account_view = use_account_view(match &*shown {
        State::Account(account) => Some(AccountProps { account: account.clone(), lang, switch: switch.clone(), today: super::today(), focus_title: *by_click }),
        _ => None,
    });

    let choose = |slug: String| {
        let picked = picked.clone();
        let by_click = by_click.clone();
        Callback::from(move |_| {
            by_click.set(true);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&format!("{FRAGMENT_PREFIX}{slug}"));
            }
            picked.set(Some(Some(slug.clone())));
        })
    };
    let change = {
        let picked = picked.clone();
        let by_click = by_click.clone();
        Callback::from(move |_| {
            by_click.set(true);
            picked.set(Some(None));
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

    if loaded.is_none() {
        return Html::default();
    }
    if chosen.is_some() {
        let labels = page::chosen_labels(lang);
        let body = match &*shown {
            State::Account(_) => account_view,
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
        { top(&view.title, None, Some(&view.subtitle), switch) }
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

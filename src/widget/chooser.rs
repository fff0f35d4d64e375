//! A movement's registry: the donor finds their circo (by department, number or name),
//! then sees that circo's account. The choice is written to the page's fragment
//! (`#circo-75-01`) so that it can be linked to; `data-circo` or the fragment preselects.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Config, Loaded, Registry, Target};
use crate::embed::Source;
use crate::i18n::Lang;

use super::account::AccountView;
use super::app::{failure_view, invalid_view, State};
use super::load::load_text;
use super::ui::{focus, input_value, tr};

/// Fragment prefix for linking to a circo: `page.html#circo-75-01`.
pub const FRAGMENT_PREFIX: &str = "circo-";
/// At most this many matches are listed; the donor refines the search for more.
const MAX_SHOWN: usize = 30;

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

fn fragment_slug() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#')?.strip_prefix(FRAGMENT_PREFIX).map(str::to_owned)
}

#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let lang = props.lang;
    let loaded_registry = props.loaded.clone();
    let empty = Registry { name: None, entries: Vec::new() };
    let registry = Rc::new(loaded_registry.registry().cloned().unwrap_or(empty));
    let selected = {
        let registry = registry.clone();
        let initial = props.initial.clone();
        use_state(move || {
            fragment_slug()
                .or(initial.map(|s| s.to_string()))
                .and_then(|s| registry.find(&s).map(|e| e.slug.clone()))
        })
    };
    let query = use_state(String::new);
    let loaded = use_state(|| None::<(String, State)>);
    // The slug being shown, read by a fetch that finishes late: a slow file must not
    // replace the circo chosen after it.
    let current = use_mut_ref(|| None::<String>);
    // Focus follows the donor's own choices only, never a preselection at page load.
    let by_click = use_state(|| false);
    let search_ref = use_node_ref();

    // Loads the chosen entry's account (inline: at once; linked: fetched).
    {
        let registry = registry.clone();
        let loaded = loaded.clone();
        let all = loaded_registry.clone();
        let base = props.base.to_string();
        let current = current.clone();
        use_effect_with((*selected).clone(), move |slug| {
            *current.borrow_mut() = slug.clone();
            if let Some(entry) = slug.as_deref().and_then(|s| registry.find(s)) {
                let slug = entry.slug.clone();
                match &entry.target {
                    Target::Inline(account) => {
                        let one = Loaded { config: Some(Config::Account(account.clone())), problems: Vec::new() };
                        loaded.set(Some((slug, State::Ready(Rc::new(one)))));
                    }
                    Target::Invalid => {
                        let problems = all.problems_of(entry).cloned().collect();
                        loaded.set(Some((slug, State::Invalid(Rc::new(problems), base.clone()))));
                    }
                    Target::Link(link) => {
                        let url = resolve(link, &base);
                        let entry = entry.clone();
                        loaded.set(Some((slug.clone(), State::Loading)));
                        wasm_bindgen_futures::spawn_local(async move {
                            let state = match load_text(&Source::Url(url.clone())).await {
                                Ok(text) => match State::from_text(&text, url.clone()) {
                                    // The file must describe the circo the registry announced.
                                    State::Ready(one) => match one.account().and_then(|a| entry.check_linked(a)) {
                                        Some(problem) => State::Invalid(Rc::new(vec![problem]), url),
                                        None => State::Ready(one),
                                    },
                                    other => other,
                                },
                                Err(failure) => State::Failed(failure, url),
                            };
                            if current.borrow().as_deref() == Some(slug.as_str()) {
                                loaded.set(Some((slug, state)));
                            }
                        });
                    }
                }
            }
        });
    }

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

    if let Some(slug) = (*selected).clone() {
        let current = (*loaded).as_ref().filter(|(s, _)| *s == slug).map(|(_, state)| state.clone());
        let back = html! {
            <p><button type="button" onclick={change}>{ tr(lang, "← Choisir une autre circonscription", "← Choose another circonscription") }</button></p>
        };
        return match current {
            Some(State::Ready(one)) => match one.account() {
                Some(account) => html! {
                    <>{ back }<AccountView account={Rc::new(account.clone())} {lang} switch={props.switch.clone()} focus_title={*by_click} /></>
                },
                None => html! { <>{ back }<p role="alert">{ tr(lang, "Cette entrée renvoie à un autre registre.", "This entry points to another registry.") }</p></> },
            },
            Some(State::Failed(f, source)) => html! { <>{ back }{ failure_view(lang, &f.for_donor(), &[f.for_collective(&source)]) }</> },
            Some(State::Invalid(problems, source)) => html! { <>{ back }{ invalid_view(lang, &problems, &source) }</> },
            _ => html! { <>{ back }<p class="cd-busy" aria-busy="true">{ tr(lang, "Chargement…", "Loading…") }</p></> },
        };
    }

    let matches = registry.search(&query);
    let shown = matches.len().min(MAX_SHOWN);
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(input_value(&e)))
    };
    html! {
        <>
        <div class="cd-top">
            <div class="cd-title">
                <h2>{ registry.name.clone().unwrap_or_else(|| tr(lang, "Faire un don", "Make a donation").to_owned()) }</h2>
                <p class="cd-sub">{ tr(lang, "Choisissez votre circonscription pour donner à sa campagne.", "Choose your circonscription to give to its campaign.") }</p>
            </div>
            { props.switch.clone() }
        </div>
        <label for="cd-search">{ tr(lang, "Chercher une circonscription", "Find a circonscription") }</label>
        <input id="cd-search" ref={search_ref} type="search" value={(*query).clone()} oninput={on_query} autocomplete="off"
            aria-describedby="cd-search-hint" />
        <p class="cd-field-hint" id="cd-search-hint">{ tr(lang, "Département, numéro ou nom : « 75 », « Paris 1 », « Lyon ».", "Department, number or name: “75”, “Paris 1”, “Lyon”.") }</p>
        <p role="status" class="cd-muted">{
            match (lang, matches.len()) {
                (Lang::Fr, 0) => "Aucune circonscription ne correspond.".to_owned(),
                (Lang::En, 0) => "No circonscription matches.".to_owned(),
                (Lang::Fr, n) => format!("{n} circonscription{} trouvée{}.", if n > 1 { "s" } else { "" }, if n > 1 { "s" } else { "" }),
                (Lang::En, n) => format!("{n} circonscription{} found.", if n > 1 { "s" } else { "" }),
            }
        }</p>
        <ul class="cd-choices">
            { for matches.iter().take(shown).map(|e| html! {
                <li><button type="button" onclick={choose(e.slug.clone())}>{ format!("{} ({})", e.name, e.slug) }</button></li>
            }) }
        </ul>
        </>
    }
}

/// `link` resolved against the registry's URL, itself relative to the page.
fn resolve(link: &str, base: &str) -> String {
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let registry_url = web_sys::Url::new_with_base(base, &page).map(|u| u.href()).unwrap_or(page);
    web_sys::Url::new_with_base(link, &registry_url).map(|u| u.href()).unwrap_or_else(|_| link.to_owned())
}

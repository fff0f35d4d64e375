//! The widget's root component: loads the configuration named by the host element
//! ([`use_config`]), and shows the account (or, for a movement's registry, a choice of
//! circo first). Every failure is shown in the widget: a polite sentence for the donor,
//! the exact problem for the collective in a detail toggle and the console.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{self, Config, Loaded, Problem, ValidAccount};
use crate::donation::page::{self, FailureView};
use crate::embed::{LoadFailure, Source};
use crate::i18n::Lang;

use super::account::{use_account_view, AccountProps};
use super::chooser::use_chooser;
use super::dom::{details, list, text, top};
use super::load::load_text;
use super::ui::lang_switch;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The `data-circo-don` value: a URL or `#id`.
    pub source: AttrValue,
    /// `data-lang`, when the host page sets it.
    pub lang: Option<Lang>,
    /// `data-circo` or the page's `#circo-…` fragment: the circo to preselect.
    pub circo: Option<AttrValue>,
}

/// What a widget (or a registry's chosen circo) shows. Every variant holds its data
/// behind an `Rc` or by value once: rendering clones a pointer, never an account.
pub(crate) enum State {
    Loading,
    /// A usable account (its warnings already reported).
    Account(Rc<ValidAccount>),
    /// A usable registry, with the problems of its disabled entries.
    Registry(Rc<Loaded>),
    /// The configuration could not be fetched or read: (failure, where from).
    Failed(LoadFailure, String),
    /// The configuration was read but has errors: no payment details are shown.
    /// (problems, where from, the builder's address with the file imported).
    Invalid(Rc<Vec<Problem>>, String, Option<String>),
}

impl State {
    /// What the core says of a configuration read from `source`.
    pub(crate) fn from_loaded(loaded: Loaded, source: String, text: &str) -> State {
        report_to_console(&source, &loaded.problems);
        match loaded.config {
            // Moved out of the file's result, never cloned.
            Some(Config::Account(account)) => State::Account(Rc::from(account)),
            // A registry with a broken entry is still usable: that entry is disabled.
            Some(Config::Registry(_)) => State::Registry(Rc::new(loaded)),
            None => State::Invalid(Rc::new(loaded.errors().cloned().collect()), source, super::builder_url().map(|b| b + &crate::url::import_fragment(text))),
        }
    }

    fn failed(failure: LoadFailure, source: String) -> State {
        web_sys::console::error_1(&format!("circo-don: {}", failure.for_collective(&source)).into());
        State::Failed(failure, source)
    }
}

/// The collective reads the browser console: every problem with its path and check id,
/// then where each is explained (the builder, `circo-don check`).
fn report_to_console(source: &str, problems: &[Problem]) {
    for p in problems {
        let line = format!("circo-don: {source}: {p}");
        if p.is_error() {
            web_sys::console::error_1(&line.into());
        } else {
            web_sys::console::warn_1(&line.into());
        }
    }
    if !problems.is_empty() {
        let words = crate::donation::words::explained_elsewhere_in;
        web_sys::console::info_1(&[&*words(Lang::Fr), "\n", &words(Lang::En)].concat().into());
    }
}

/// A configuration to load: a `data-circo-don` value as the page wrote it, or for a
/// registry's linked file, its resolved link with the registry and the slug of the entry
/// that file must match.
#[derive(Clone)]
pub(crate) struct Wanted {
    pub raw: String,
    pub entry: Option<(Rc<Loaded>, String)>,
}

/// The same file for the same entry of the same registry (the registry by identity: no
/// registry is compared field by field at each render).
impl PartialEq for Wanted {
    fn eq(&self, other: &Wanted) -> bool {
        self.raw == other.raw
            && match (&self.entry, &other.entry) {
                (None, None) => true,
                (Some((a, x)), Some((b, y))) => Rc::ptr_eq(a, b) && x == y,
                _ => false,
            }
    }
}

impl Wanted {
    /// What the text is read as: a registry's entry checks its linked file.
    fn read(&self, text: &str) -> Loaded {
        let entry = self.entry.as_ref().and_then(|(registry, slug)| registry.registry()?.entries.iter().find(|e| e.slug == *slug));
        match entry {
            Some(entry) => entry.read_linked(text),
            None => config::load(text),
        }
    }

    /// Loads `source` (this file) and reads it: the one path of every configuration the
    /// widget loads, its own, a chosen circo's, and the overview's linked files.
    pub(crate) async fn fetch(&self, source: Source) -> State {
        let described = source.describe();
        match load_text(&source).await {
            Ok(text) => State::from_loaded(self.read(&text), described, &text),
            Err(failure) => State::failed(failure, described),
        }
    }
}

/// The state of loading `wanted` (loading anew whenever it changes). A slow answer
/// for something no longer wanted is dropped: it never replaces a later choice.
#[hook]
pub(crate) fn use_config(wanted: Option<Wanted>) -> Rc<State> {
    let state = use_state(|| (None::<Wanted>, Rc::new(State::Loading)));
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with(wanted.clone(), move |wanted| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if let Some(w) = wanted.clone() {
                // A registry's link was resolved already; the page's value is read here.
                let source = if w.entry.is_some() { Ok(Source::Url(w.raw.clone())) } else { Source::parse(&w.raw) };
                match source {
                    Err(failure) => {
                        let failed = State::failed(failure, w.raw.clone());
                        state.set((Some(w), Rc::new(failed)));
                    }
                    Ok(source) => {
                        // Asked again (the same circo chosen anew): loading, never the
                        // answer of the previous time.
                        state.set((Some(w.clone()), Rc::new(State::Loading)));
                        let generation = generation.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let next = w.fetch(source).await;
                            if *generation.borrow() == mine {
                                state.set((Some(w), Rc::new(next)));
                            }
                        });
                    }
                }
            }
            // Unmounted or no longer wanted: a late answer is dropped.
            move || *generation.borrow_mut() += 1
        });
    }
    match &*state {
        (loaded_for, current) if *loaded_for == wanted => current.clone(),
        _ => Rc::new(State::Loading),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_config(Some(Wanted { raw: props.source.to_string(), entry: None }));
    let chosen_lang = use_state(|| None::<Lang>);
    let config_lang = match &*state {
        State::Account(account) => Some(account.default_lang),
        _ => None,
    };
    let lang = (*chosen_lang).or(props.lang).or(config_lang).unwrap_or_default();
    let frame = page::frame(lang);
    let on_lang = {
        let chosen_lang = chosen_lang.clone();
        Callback::from(move |l: Lang| chosen_lang.set(Some(l)))
    };
    let switch = lang_switch(lang, &frame.language_label, on_lang);
    let registry = match &*state {
        State::Registry(loaded) => Some(loaded.clone()),
        _ => None,
    };
    let chooser = use_chooser(registry, props.source.clone(), props.circo.clone(), lang, switch.clone());
    let own = match &*state {
        State::Account(account) => Some(AccountProps { account: account.clone(), lang, switch: switch.clone(), today: super::today(), focus_title: false }),
        _ => None,
    };
    let own = use_account_view(own);

    let (data_state, body) = match &*state {
        State::Loading => ("loading", html! { <p class="cd-busy" aria-busy="true">{ frame.loading.clone() }</p> }),
        State::Failed(..) => ("failed", failure(&state, lang)),
        State::Invalid(..) => ("invalid", failure(&state, lang)),
        State::Account(_) => ("ready", own),
        State::Registry(_) => ("ready", chooser),
    };
    html! {
        <div class="cd" lang={lang.tag()} data-state={data_state}>
            if data_state != "ready" {
                { top(&frame.heading, None, None, switch) }
            }
            { body }
        </div>
    }
}

/// A failed or invalid state as the donor sees it, with the collective's details one
/// click away; nothing for other states.
pub(crate) fn failure(state: &State, lang: Lang) -> Html {
    let view = match state {
        State::Failed(failure, source) => page::load_failure(failure, source, lang),
        State::Invalid(problems, source, builder) => page::invalid(problems, source, builder.clone(), lang),
        _ => return html! {},
    };
    failure_view(&view)
}

fn failure_view(view: &FailureView) -> Html {
    let mut inside = vec![list("", &view.details)];
    if let Some(explained) = &view.explained {
        if let Some((label, href)) = &explained.link {
            inside.push(html! { <p><a href={href.clone()} target="_blank" rel="noopener">{ label.clone() }</a></p> });
        }
        inside.push(text("p", "cd-muted", &explained.elsewhere));
    }
    html! {
        <div class="cd-alert" role="alert">
            { text("p", "", &view.donor) }
            { details("", &view.details_label, inside) }
        </div>
    }
}

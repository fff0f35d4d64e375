//! The widget's root component: loads the configuration named by the host element
//! ([`use_config`]), and shows the account (or, for a movement's registry, a choice of
//! circo first). Every failure is shown in the widget: a polite sentence for the donor,
//! the exact problem for the collective in a detail toggle and the console.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{self, Config, Entry, Loaded, Problem};
use crate::donation::page::{self, FailureView};
use crate::embed::{LoadFailure, Source};
use crate::i18n::Lang;

use super::account::AccountView;
use super::chooser::Chooser;
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

#[derive(Clone, PartialEq)]
pub(crate) enum State {
    Loading,
    /// A usable configuration (`config` is `Some`), with its warnings and, for a
    /// registry, the problems of its disabled entries.
    Ready(Rc<Loaded>),
    /// The configuration could not be fetched or read: (failure, where from).
    Failed(LoadFailure, String),
    /// The configuration was read but has errors: no payment details are shown.
    Invalid(Rc<Vec<Problem>>, String),
}

impl State {
    /// What the core says of a configuration read from `source`.
    pub(crate) fn from_loaded(loaded: Loaded, source: String) -> State {
        report_to_console(&source, &loaded.problems);
        if loaded.config.is_some() {
            // A registry with a broken entry is still usable: that entry is disabled.
            State::Ready(Rc::new(loaded))
        } else {
            State::Invalid(Rc::new(loaded.errors().cloned().collect()), source)
        }
    }

    fn failed(failure: LoadFailure, source: String) -> State {
        web_sys::console::error_1(&format!("circo-don: {}", failure.for_collective(&source)).into());
        State::Failed(failure, source)
    }
}

/// The collective reads the browser console: every problem with its path, in both
/// languages.
fn report_to_console(source: &str, problems: &[Problem]) {
    for p in problems {
        let line = format!("circo-don: {source}: {} [{}] {}: {}", if p.is_error() { "ERROR" } else { "warning" }, p.rule, p.path, p.message);
        if p.is_error() {
            web_sys::console::error_1(&line.into());
        } else {
            web_sys::console::warn_1(&line.into());
        }
    }
}

/// A configuration to load: a `data-circo-don` value as the page wrote it (`raw`) and
/// what it names, and for a registry's linked file, the entry that file must match.
#[derive(Clone, PartialEq)]
pub(crate) struct Wanted {
    pub raw: String,
    pub source: Result<Source, LoadFailure>,
    pub entry: Option<Entry>,
}

/// The state of loading `wanted` (loading anew whenever it changes). A slow answer
/// for something no longer wanted is dropped: it never replaces a later choice.
#[hook]
pub(crate) fn use_config(wanted: Option<Wanted>) -> State {
    let state = use_state(|| (None::<Wanted>, State::Loading));
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with(wanted.clone(), move |wanted| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if let Some(w) = wanted.clone() {
                match w.source.clone() {
                    Err(failure) => state.set((Some(w.clone()), State::failed(failure, w.raw))),
                    Ok(source) => {
                        // Asked again (the same circo chosen anew): loading, never the
                        // answer of the previous time.
                        state.set((Some(w.clone()), State::Loading));
                        let generation = generation.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                        let described = source.describe();
                        let next = match load_text(&source).await {
                            Ok(text) => {
                                let loaded = match &w.entry {
                                    Some(entry) => entry.read_linked(&text),
                                    None => config::load(&text),
                                };
                                State::from_loaded(loaded, described)
                            }
                            Err(failure) => State::failed(failure, described),
                        };
                        if *generation.borrow() == mine {
                            state.set((Some(w), next));
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
        _ => State::Loading,
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let raw = props.source.to_string();
    let state = use_config(Some(Wanted { source: Source::parse(&raw), raw, entry: None }));
    let chosen_lang = use_state(|| None::<Lang>);
    let config_lang = match &state {
        State::Ready(loaded) => loaded.account().map(|a| a.default_lang),
        _ => None,
    };
    let lang = (*chosen_lang).or(props.lang).or(config_lang).unwrap_or_default();
    let frame = page::frame(lang);
    let on_lang = {
        let chosen_lang = chosen_lang.clone();
        Callback::from(move |l: Lang| chosen_lang.set(Some(l)))
    };
    let switch = lang_switch(lang, &frame.language_label, on_lang);

    let (data_state, body) = match &state {
        State::Loading => ("loading", html! { <p class="cd-busy" aria-busy="true">{ frame.loading.clone() }</p> }),
        State::Failed(..) => ("failed", failure(&state, lang)),
        State::Invalid(..) => ("invalid", failure(&state, lang)),
        State::Ready(loaded) => ("ready", match &loaded.config {
            Some(Config::Account(account)) => html! { <AccountView account={Rc::new((**account).clone())} {lang} switch={switch.clone()} /> },
            Some(Config::Registry(_)) => html! {
                <Chooser loaded={loaded.clone()} base={props.source.clone()} initial={props.circo.clone()} {lang} switch={switch.clone()} />
            },
            None => html! {},
        }),
    };
    html! {
        <div class="cd" lang={lang.tag()} data-state={data_state}>
            if !matches!(state, State::Ready(_)) {
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
        State::Invalid(problems, source) => page::invalid(problems, source, lang),
        _ => return html! {},
    };
    failure_view(&view)
}

fn failure_view(view: &FailureView) -> Html {
    html! {
        <div class="cd-alert" role="alert">
            { text("p", "", &view.donor) }
            { details("", &view.details_label, vec![list("", &view.details)]) }
        </div>
    }
}

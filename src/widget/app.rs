//! The widget's root component: loads the configuration named by the host element,
//! validates it with the core and shows the account (or, for a movement's registry, a
//! choice of circo first). Every failure is shown in the widget: a polite sentence for
//! the donor, the exact problem for the collective in a detail toggle and the console.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{self, Config, Loaded, Problem};
use crate::embed::{LoadFailure, Source};
use crate::i18n::{Lang, Text};

use super::account::AccountView;
use super::chooser::Chooser;
use super::load::load_text;
use super::ui::{tr, LangSwitch};

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
    /// What the core says of a configuration's text.
    pub(crate) fn from_text(text: &str, source: String) -> State {
        let loaded = config::load(text);
        report_to_console(&source, &loaded.problems);
        if loaded.config.is_some() {
            // A registry with a broken entry is still usable: that entry is disabled.
            State::Ready(Rc::new(loaded))
        } else {
            State::Invalid(Rc::new(loaded.errors().cloned().collect()), source)
        }
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

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_state(|| State::Loading);
    let chosen_lang = use_state(|| None::<Lang>);
    {
        let state = state.clone();
        let raw = props.source.to_string();
        use_effect_with(raw.clone(), move |_| {
            match Source::parse(&raw) {
                Err(failure) => {
                    web_sys::console::error_1(&format!("circo-don: {}", failure.for_collective(&raw)).into());
                    state.set(State::Failed(failure, raw));
                }
                Ok(source) => wasm_bindgen_futures::spawn_local(async move {
                    let described = source.describe();
                    match load_text(&source).await {
                        Ok(text) => state.set(State::from_text(&text, described)),
                        Err(failure) => {
                            web_sys::console::error_1(&format!("circo-don: {}", failure.for_collective(&described)).into());
                            state.set(State::Failed(failure, described));
                        }
                    }
                }),
            }
        });
    }
    let config_lang = match &*state {
        State::Ready(loaded) => loaded.account().map(|a| a.default_lang),
        _ => None,
    };
    let lang = (*chosen_lang).or(props.lang).or(config_lang).unwrap_or_default();
    let on_lang = {
        let chosen_lang = chosen_lang.clone();
        Callback::from(move |l: Lang| chosen_lang.set(Some(l)))
    };
    let switch = html! { <LangSwitch {lang} on_change={on_lang} /> };

    let (data_state, body) = match &*state {
        State::Loading => ("loading", html! {
            <p class="cd-busy" aria-busy="true">{ tr(lang, "Chargement des informations de don…", "Loading the donation details…") }</p>
        }),
        State::Failed(failure, source) => ("failed", failure_view(lang, &failure.for_donor(), &[failure.for_collective(source)])),
        State::Invalid(problems, source) => ("invalid", invalid_view(lang, problems, source)),
        State::Ready(loaded) => ("ready", match &loaded.config {
            Some(Config::Account(account)) => html! { <AccountView account={Rc::new((**account).clone())} {lang} switch={switch.clone()} /> },
            Some(Config::Registry(_)) => html! {
                <Chooser loaded={loaded.clone()} base={props.source.clone()} initial={props.circo.clone()} {lang} switch={switch.clone()} />
            },
            None => html! {},
        }),
    };
    let framed = !matches!(&*state, State::Ready(_));
    html! {
        <div class="cd" lang={lang.tag()} data-state={data_state}>
            if framed {
                <div class="cd-top"><div class="cd-title"><h2>{ tr(lang, "Faire un don", "Make a donation") }</h2></div>{ switch }</div>
            }
            { body }
        </div>
    }
}

/// A configuration with errors: no payment details, every problem for the collective.
pub(crate) fn invalid_view(lang: Lang, problems: &[Problem], source: &str) -> Html {
    let donor = Text::new(
        "Les informations de paiement de cette page contiennent une erreur : par prudence, elles ne sont pas affichées. Merci de prévenir le collectif local ; rien n’a été envoyé.",
        "This page’s payment details contain an error: to be safe, they are not shown. Please let the local collective know; nothing has been sent.",
    );
    let details: Vec<Text> = problems
        .iter()
        .map(|p| Text::new(format!("{source} — {} : {}", p.path, p.message.fr), format!("{source} — {}: {}", p.path, p.message.en)))
        .collect();
    failure_view(lang, &donor, &details)
}

/// A failure as the donor sees it, with the collective's details one click away.
pub(crate) fn failure_view(lang: Lang, donor: &Text, details: &[Text]) -> Html {
    html! {
        <div class="cd-alert" role="alert">
            <p>{ donor.get(lang) }</p>
            <details>
                <summary>{ tr(lang, "Détails pour le collectif", "Details for the collective") }</summary>
                <ul>{ for details.iter().map(|d| html! { <li>{ d.get(lang) }</li> }) }</ul>
            </details>
        </div>
    }
}

//! The widget's root component: loads the configuration named by the host element and
//! shows it, or says why it cannot.

use yew::prelude::*;

use crate::embed::{LoadFailure, Source};
use crate::i18n::Lang;

use super::load::load_text;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The `data-circo-don` value: a URL or `#id`.
    pub source: AttrValue,
    /// `data-lang`, when the host page sets it.
    pub lang: Option<Lang>,
    /// `data-circo`: the circo to preselect in a registry.
    pub circo: Option<AttrValue>,
}

enum State {
    Loading,
    Loaded(String),
    Failed(LoadFailure, String),
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang.unwrap_or_default();
    let state = use_state(|| State::Loading);
    {
        let state = state.clone();
        let raw = props.source.to_string();
        use_effect_with(raw.clone(), move |_| {
            match Source::parse(&raw) {
                Err(failure) => state.set(State::Failed(failure, raw)),
                Ok(source) => wasm_bindgen_futures::spawn_local(async move {
                    match load_text(&source).await {
                        Ok(text) => state.set(State::Loaded(text)),
                        Err(failure) => state.set(State::Failed(failure, source.describe())),
                    }
                }),
            }
        });
    }
    match &*state {
        State::Loading => html! { <div class="cd" lang={lang.tag()} aria-busy="true">{ "…" }</div> },
        State::Loaded(text) => html! { <div class="cd" lang={lang.tag()}>{ format!("{} bytes", text.len()) }</div> },
        State::Failed(failure, source) => html! {
            <div class="cd" lang={lang.tag()} role="alert">
                <p>{ failure.for_donor().get(lang) }</p>
                <details><summary>{ "Détails" }</summary><p>{ failure.for_collective(source).get(lang) }</p></details>
            </div>
        },
    }
}

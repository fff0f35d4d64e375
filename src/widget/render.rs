//! The prerender: the widget's initial view for one account, from the same components
//! as the live widget ([`AccountView`]), rendered natively to HTML by yew's
//! `LocalServerRenderer` (not hydratable: the live widget renders anew and swaps, see
//! `takeover`). [`render_snippet`] is what a collective pastes: `circo-don render`
//! prints it ([`snippet`]) and the collectives' builder page awaits the same function.
//!
//! Without JavaScript the prerender is the whole widget: what only the live widget can
//! do (the calculator's controls, copying, printing) is hidden by its stylesheet
//! (`@media (scripting: none)`), and every payment method's details are shown, not only
//! the default one's. With JavaScript, until the live widget takes over, its buttons
//! keep their place out of sight, and what the donor types is kept.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Loaded, ValidAccount as Account};
use crate::date::Date;
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))] use crate::embed;
use crate::donation::overview::{overview_page, Linked, SortBy};
use crate::donation::page::{self, PaymentBody};
use crate::donation::{self, Action};
use crate::i18n::Lang;

use super::account::AccountView;
use super::chooser::listing;
use super::pay::method_detail;
use super::ui::{lang_switch, Copies};

#[derive(Properties, PartialEq)]
pub struct StaticViewProps {
    pub account: Rc<Account>,
    pub lang: Lang,
    pub today: Date,
}

/// The live widget's ready view (`App` around `AccountView`), marked as a prerender,
/// followed by the other methods' details for pages without JavaScript.
#[function_component(StaticView)]
pub fn static_view(props: &StaticViewProps) -> Html {
    let (account, lang, today) = (&props.account, props.lang, props.today);
    let frame = page::frame(lang);
    let switch = lang_switch(lang, &frame.language_label, Callback::noop());
    let chosen = donation::default_method(Some(account));
    let others = donation::offered_methods(account).into_iter().filter(|m| *m != chosen).filter_map(|m| {
        let inputs = donation::initial_inputs(account).apply(Action::ChooseMethod(m));
        let page = donation::account_page(account, &inputs, today, lang);
        match &page.payment.body {
            PaymentBody::Open(open) => open.detail.as_ref().map(|d| method_detail(d, &page, &Copies::default())),
            PaymentBody::Closed(_) => None,
        }
    });
    html! {
        <div>
            <div class="cd cd-static" lang={lang.tag()} data-state="prerendered">
                <AccountView account={account.clone()} {lang} {switch} {today} />
                <div class="cd-static-only cd-pay">{ for others }</div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaticOverviewProps {
    /// A registry (nothing is rendered for an account).
    pub loaded: Rc<Loaded>,
    /// What was read of each linked file, by entry index ([`Linked`]).
    pub linked: Rc<Vec<Linked>>,
    pub lang: Lang,
    /// The registry's address as the page loads it: its circos' pages are resolved
    /// against it, as the live widget does.
    pub base: AttrValue,
}

/// A registry's initial view (the live widget's `App` around its list, [`listing`]),
/// sorted by what is missing, with the figures of the files read, marked as a
/// prerender. Without JavaScript, the list is all there is: each circo's figures, and
/// its own page where the registry names one.
#[function_component(StaticOverview)]
pub fn static_overview(props: &StaticOverviewProps) -> Html {
    let Some(registry) = props.loaded.registry() else { return Html::default() };
    let lang = props.lang;
    let frame = page::frame(lang);
    let switch = lang_switch(lang, &frame.language_label, Callback::noop());
    let view = page::chooser_page(registry, &crate::config::communes::NONE_ADDED, "", lang);
    let mut overview = overview_page(registry, |e| props.linked.get(e.index), SortBy::default(), lang);
    crate::donation::overview::keep_found(&mut overview, &view.choices);
    html! {
        <div>
            <div class="cd cd-static" lang={lang.tag()} data-state="prerendered">
                { listing(view, overview, &props.base, switch, None) }
            </div>
        </div>
    }
}

/// The widget's initial view for `account`, as HTML: yew's `LocalServerRenderer`, a
/// future for whatever executor the caller has: natively [`prerender`]'s current-thread
/// runtime, in the builder page the browser's (wasm_bindgen_futures). On wasm32 it
/// exists only with the `builder` feature, which turns on yew's `ssr`: the widget's own
/// build has none of it.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub async fn render_view(account: &Account, lang: Lang, today: Date) -> String {
    let props = StaticViewProps { account: Rc::new(account.clone()), lang, today };
    yew::LocalServerRenderer::<StaticView>::with_props(props).hydratable(false).render().await
}

/// The widget's initial view for `account`, as HTML, rendered now ([`render_view`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender(account: &Account, lang: Lang, today: Date) -> String {
    block_on(render_view(account, lang, today))
}

/// Runs a render to its end on this thread. Yew's renderer runs its tasks on the
/// current thread: a current-thread runtime and a LocalSet are all it needs (tokio's
/// `rt`, which yew depends on already).
#[cfg(not(target_arch = "wasm32"))]
fn block_on(render: impl std::future::Future<Output = String>) -> String {
    match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime.block_on(tokio::task::LocalSet::new().run_until(render)),
        // Building a current-thread runtime only allocates; should it ever fail, the
        // snippet still works: the live widget fills the empty host.
        Err(_) => String::new(),
    }
}

/// What a collective pastes for one account.
pub struct Snippet<'a> {
    pub account: &'a Account,
    /// The `data-circo-don` value: the configuration's URL, as the page will load it.
    pub config_url: &'a str,
    /// Where `circo-don.js`, its wasm and `circo-don.css` are served (`./`, `https://…/`).
    pub base: &'a str,
    /// The prerender's language; `None`: the configuration's.
    pub lang: Option<Lang>,
    /// The day the prerender's dated sentences speak of.
    pub today: Date,
}

/// The snippet ([`embed::snippet_html`]) with the host holding the prerendered view:
/// what `circo-don render` prints ([`snippet`]) and the builder page offers (awaited in
/// the browser), one function for both.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub async fn render_snippet(s: &Snippet<'_>) -> String {
    let view = render_view(s.account, s.lang.unwrap_or(s.account.default_lang), s.today).await;
    embed::snippet_html(s.config_url, s.base, s.lang, Some(&view))
}

/// The snippet with the prerendered view, rendered now ([`render_snippet`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn snippet(s: &Snippet) -> String {
    block_on(render_snippet(s))
}

/// The snippet for a registry, its overview prerendered ([`StaticOverview`]): what
/// `circo-don render REGISTRY` prints. `linked` is what was read of each linked file, by
/// entry index; `config_url` the registry's address as the page loads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn overview_snippet(loaded: &Loaded, linked: Vec<Linked>, config_url: &str, base: &str, lang: Option<Lang>) -> String {
    let props = StaticOverviewProps { loaded: Rc::new(loaded.clone()), linked: Rc::new(linked), lang: lang.unwrap_or_default(), base: AttrValue::from(config_url.to_owned()) };
    let view = block_on(yew::LocalServerRenderer::<StaticOverview>::with_props(props).hydratable(false).render());
    embed::snippet_html(config_url, base, lang, Some(&view))
}

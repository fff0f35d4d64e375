//! The prerender: the widget's initial view for one account, from the same components
//! as the live widget ([`AccountView`]), rendered natively to HTML by yew's
//! `LocalServerRenderer` (not hydratable: the live widget renders anew and swaps, see
//! `takeover`). [`snippet`] is what a collective pastes; `circo-don render` prints it,
//! and the collectives' builder page is meant to call the same function.
//!
//! Without JavaScript the prerender is the whole widget: what only the live widget can
//! do (the calculator's controls, copying, printing) is hidden by its stylesheet
//! (`@media (scripting: none)`), and every payment method's details are shown, not only
//! the default one's. With JavaScript, until the live widget takes over, its buttons
//! keep their place out of sight, and what the donor types is kept.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::date::Date;
use crate::donation::page::{self, PaymentBody};
use crate::donation::{self, Action};
use crate::i18n::Lang;

use super::account::AccountView;
use super::pay::method_detail;
use super::ui::lang_switch;

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
            PaymentBody::Open(open) => open.detail.as_ref().map(|d| method_detail(d, &page)),
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

/// The widget's initial view for `account`, as HTML.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender(account: &Account, lang: Lang, today: Date) -> String {
    let props = StaticViewProps { account: Rc::new(account.clone()), lang, today };
    let render = yew::LocalServerRenderer::<StaticView>::with_props(props).hydratable(false).render();
    // Yew's renderer runs its tasks on the current thread: a current-thread runtime and
    // a LocalSet are all it needs (tokio's `rt`, which yew depends on already).
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

/// The snippet: the wasm's preload (it starts downloading while the page is parsed, not
/// once the script has run), the host element holding the prerendered view in a
/// declarative shadow root with its stylesheet (a file beside `circo-don.js`, which a
/// strict `style-src 'self'` allows), then the script that takes over.
#[cfg(not(target_arch = "wasm32"))]
pub fn snippet(s: &Snippet) -> String {
    let lang = s.lang.unwrap_or(s.account.default_lang);
    let file = |name: &str| escape(&format!("{}{}{name}", s.base, if s.base.is_empty() || s.base.ends_with('/') { "" } else { "/" }));
    // A host language only when asked for: otherwise the live widget follows the
    // configuration, as the prerender did.
    let host_lang = s.lang.map(|l| format!(" data-lang=\"{}\"", l.tag())).unwrap_or_default();
    format!(
        "<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" crossorigin>\n\
         <div data-circo-don=\"{url}\"{host_lang}><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{css}\">{view}</template></div>\n\
         <script type=\"module\" src=\"{js}\"></script>\n",
        wasm = file("circo-don_bg.wasm"),
        url = escape(s.config_url),
        css = file(super::STYLE_FILE),
        view = prerender(s.account, lang, s.today),
        js = file("circo-don.js"),
    )
}

/// `text` safe inside a double-quoted HTML attribute.
#[cfg(not(target_arch = "wasm32"))]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

//! The Yew shell: finds every `[data-circo-don]` element of the page and gives each its
//! own independent widget, inside a shadow root so that the host page's CSS and the
//! widget's cannot touch each other. Everything it shows comes from the core.
//!
//! The components read no browser API while rendering (the page's address, the clock
//! and the configuration come in as props; the browser is touched in effects and
//! callbacks only), so the same components render natively to HTML: [`render`] is the
//! prerender of `circo-don render`. Booting, fetching and taking over a prerendered
//! view ([`takeover`]) are the browser's only.

mod account;
mod app;
mod chooser;
mod dom;
mod form;
mod legal;
mod load;
mod pay;
pub mod render;
#[cfg(target_arch = "wasm32")]
mod takeover;
mod ui;
/// A registry's commune files zipped (the builder's and the command line's).
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub mod zip;

pub use app::{App, AppProps};

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
#[cfg(target_arch = "wasm32")]
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::date::Date;
#[cfg(target_arch = "wasm32")]
use crate::embed::ATTRIBUTE;

thread_local! {
    /// Today, read from the browser's clock when the first widget mounts.
    static TODAY: std::cell::OnceCell<Date> = const { std::cell::OnceCell::new() };
}

/// Today in the visitor's time zone: the one date the widget reads, from the browser's
/// clock, once, at mount (not while rendering). The core is handed this date; the
/// prerender passes its own.
pub fn today() -> Date {
    TODAY.with(|t| *t.get_or_init(clock_today))
}

#[cfg(target_arch = "wasm32")]
fn clock_today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8);
    // The browser's clock always gives a real date; if it ever did not, the epoch (which
    // shows collection as not yet open) is the safe answer.
    Date::new(year, month, day).unwrap_or(Date::EPOCH)
}

/// Natively there is no visitor: the prerender always says which day it speaks of.
#[cfg(not(target_arch = "wasm32"))]
fn clock_today() -> Date {
    Date::EPOCH
}

/// The stylesheet's name beside `circo-don.js`, where the prerendered snippet links it
/// (tools/post-build.sh copies `styles/widget.css` there): the embed contract's.
pub const STYLE_FILE: &str = crate::embed::STYLE_FILE;

/// A stylesheet constructed in `realm` (a window) and holding `css`, where the browser
/// has constructable stylesheets (every current engine since 2023); `None` elsewhere.
pub(crate) fn constructed_sheet(realm: &JsValue, css: &str) -> Option<JsValue> {
    let class: Function = Reflect::get(realm, &"CSSStyleSheet".into()).ok()?.dyn_into().ok()?;
    let sheet = Reflect::construct(&class, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into()).ok()?.dyn_into().ok()?;
    replace.call1(&sheet, &css.into()).ok()?;
    Some(sheet)
}

/// Gives `target` (a shadow root, or a document) the stylesheet `css`. Adopted, a
/// constructed stylesheet is not refused by a Content-Security-Policy without
/// `'unsafe-inline'` in `style-src`, where a `<style>` element is; the element remains
/// only for browsers without constructable stylesheets (Safari before 16.4).
pub(crate) fn adopt_style(target: &web_sys::Node, sheet: Option<&JsValue>, document: &web_sys::Document, css: &str) -> Result<(), String> {
    let adoptable = Reflect::has(target, &"adoptedStyleSheets".into()).unwrap_or(false);
    if let (Some(sheet), true) = (sheet, adoptable) {
        let sheets = Array::of1(sheet);
        if Reflect::set(target, &"adoptedStyleSheets".into(), &sheets).unwrap_or(false) {
            return Ok(());
        }
    }
    let style = document.create_element("style").map_err(|_| "cannot create <style>")?;
    style.set_text_content(Some(css));
    let parent: web_sys::Node = match target.dyn_ref::<web_sys::Document>() {
        Some(doc) => doc.head().map(Into::into).unwrap_or_else(|| target.clone()),
        None => target.clone(),
    };
    parent.append_child(&style).map_err(|_| "cannot attach <style>")?;
    Ok(())
}

/// Links the widget's stylesheet in `shadow`: `circo-don.css`, beside `circo-don.js`,
/// whose address the start code (`tools/embed-start.js`) leaves in
/// `globalThis.__circoDonStyle` after asking for the file beside the wasm. One file for
/// the live widget and the prerender, fetched once and cached; a link is allowed by a
/// strict CSP (`style-src 'self'`, or the widget's origin). `root` is shown when the
/// sheet has applied, or failed to load (then unstyled, and the console says why).
/// False, and nothing linked, without the start code (a test harness mounting directly).
#[cfg(target_arch = "wasm32")]
fn link_style(document: &web_sys::Document, shadow: &web_sys::ShadowRoot, root: &Element) -> bool {
    use wasm_bindgen::closure::Closure;
    let Some(href) = Reflect::get(&js_sys::global(), &"__circoDonStyle".into()).ok().and_then(|v| v.as_string()) else {
        return false;
    };
    let Ok(link) = document.create_element("link") else { return false };
    let (shown, missing) = (root.clone(), JsValue::from_str(&href));
    let show = Closure::once_into_js(move |event: web_sys::Event| {
        if event.type_() == "error" {
            web_sys::console::error_2(&"circo-don: its stylesheet did not load; publish circo-don.css beside circo-don.js:".into(), &missing);
        }
        let _ = shown.remove_attribute("hidden");
    });
    let attached = link.set_attribute("rel", "stylesheet").is_ok()
        && link.set_attribute("href", &href).is_ok()
        && link.add_event_listener_with_callback("load", show.unchecked_ref()).is_ok()
        && link.add_event_listener_with_callback("error", show.unchecked_ref()).is_ok()
        && shadow.append_child(&link).is_ok();
    attached
}

/// The builder page beside the widget's files (`builder.html` next to `circo-don.js`,
/// as the guide publishes them), from the stylesheet's address the start code leaves;
/// `None` without the start code, and natively.
pub(crate) fn builder_url() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let style = Reflect::get(&js_sys::global(), &"__circoDonStyle".into()).ok()?.as_string()?;
        Some(web_sys::Url::new_with_base("builder.html", &style).ok()?.href())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

#[cfg(target_arch = "wasm32")]
/// Set on a host element once its widget is mounted, so that a snippet pasted twice (or
/// a second call of [`start`]) never mounts two widgets on one element.
const MOUNTED: &str = "data-circo-don-mounted";

/// The circo named by the page's fragment (`#circo-75-01`), if any.
#[cfg(target_arch = "wasm32")]
fn fragment_slug() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#')?.strip_prefix(chooser::FRAGMENT_PREFIX).map(str::to_owned)
}

/// Mounts a widget on every `[data-circo-don]` element not mounted yet. A failure on one
/// element is reported in the console and does not stop the others.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all(crate::embed::SELECTOR) else { return };
    for i in 0..nodes.length() {
        if let Some(host) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if let Err(why) = mount(&host) {
                web_sys::console::error_2(&"circo-don: cannot mount on".into(), &host);
                web_sys::console::error_1(&why.into());
            }
        }
    }
}

/// Mounts one widget on `host`, reading its attributes:
/// `data-circo-don` (configuration `URL` or `#id`), `data-lang` (`fr` or `en`),
/// `data-circo` (the circo to preselect in a registry, e.g. `75-01`; the page's
/// `#circo-…` fragment comes first).
///
/// A host that holds a prerendered view (`circo-don render`) already has its shadow
/// root, attached by the HTML parser: it is reused (`attachShadow` would throw), and the
/// live widget replaces the prerender once it has something to show ([`takeover`]).
#[cfg(target_arch = "wasm32")]
pub fn mount(host: &Element) -> Result<(), String> {
    if host.has_attribute(MOUNTED) {
        return Ok(());
    }
    let document = host.owner_document().ok_or("element without a document")?;
    let (shadow, prerendered) = match host.shadow_root() {
        Some(shadow) => {
            let prerendered = takeover::Prerendered::of(&shadow);
            (shadow, prerendered)
        }
        None => {
            let shadow = host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .map_err(|_| "this element cannot host a shadow root (use a <div>)")?;
            (shadow, None)
        }
    };
    host.set_attribute(MOUNTED, "").map_err(|_| "cannot mark the element")?;
    today();

    let root = document.create_element("div").map_err(|_| "cannot create the root")?;
    // A prerender's shadow root links the stylesheet already.
    let linked = shadow.query_selector("link[rel=stylesheet]").ok().flatten().is_some();
    // Rendered out of sight: shown in place of the prerender once ready, or once the
    // stylesheet applies (never as unstyled text).
    if prerendered.is_some() || (!linked && link_style(&document, &shadow, &root)) {
        root.set_attribute("hidden", "").map_err(|_| "cannot hide the root")?;
    }
    shadow.append_child(&root).map_err(|_| "cannot attach the root")?;

    let props = AppProps {
        source: host.get_attribute(ATTRIBUTE).unwrap_or_default().into(),
        lang: host.get_attribute("data-lang").and_then(|l| crate::i18n::Lang::from_tag(&l)),
        circo: fragment_slug().or_else(|| host.get_attribute("data-circo")).map(Into::into),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    if let Some(prerendered) = prerendered {
        prerendered.give_way_to(shadow, root);
    }
    Ok(())
}

//! The Yew shell: finds every `[data-circo-don]` element of the page and gives each its
//! own independent widget, inside a shadow root so that the host page's CSS and the
//! widget's cannot touch each other. Everything it shows comes from the core.

mod account;
mod app;
mod chooser;
mod form;
mod legal;
mod load;
mod pay;
mod ui;

pub use app::{App, AppProps};

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::date::Date;
use crate::embed::ATTRIBUTE;

/// Today in the visitor's time zone, from the browser's clock: the one place the widget
/// reads a clock. The core is handed this date.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8);
    // The browser's clock always gives a real date; if it ever did not, the epoch (which
    // shows collection as not yet open) is the safe answer.
    Date::new(year, month, day).unwrap_or(Date::EPOCH)
}

/// The widget's stylesheet, carried inside the wasm: a stylesheet linked from the host
/// page's `<head>` would never reach a shadow root; it is adopted by each shadow root.
const STYLE: &str = include_str!("../../styles/widget.css");

thread_local! {
    /// One constructed stylesheet shared by every widget of the page.
    static WIDGET_SHEET: Option<JsValue> = web_sys::window().and_then(|w| constructed_sheet(&w, STYLE));
}

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

/// Set on a host element once its widget is mounted, so that a snippet pasted twice (or
/// a second call of [`start`]) never mounts two widgets on one element.
const MOUNTED: &str = "data-circo-don-mounted";

/// Mounts a widget on every `[data-circo-don]` element not mounted yet. A failure on one
/// element is reported in the console and does not stop the others.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all(&format!("[{ATTRIBUTE}]")) else { return };
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
/// `data-circo` (the circo to preselect in a registry, e.g. `75-01`).
pub fn mount(host: &Element) -> Result<(), String> {
    if host.has_attribute(MOUNTED) {
        return Ok(());
    }
    let document = host.owner_document().ok_or("element without a document")?;
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element cannot host a shadow root (use a <div>)")?;
    host.set_attribute(MOUNTED, "").map_err(|_| "cannot mark the element")?;

    WIDGET_SHEET.with(|sheet| adopt_style(&shadow, sheet.as_ref(), &document, STYLE))?;
    let root = document.create_element("div").map_err(|_| "cannot create the root")?;
    shadow.append_child(&root).map_err(|_| "cannot attach the root")?;

    let props = AppProps {
        source: host.get_attribute(ATTRIBUTE).unwrap_or_default().into(),
        lang: host.get_attribute("data-lang").and_then(|l| crate::i18n::Lang::from_tag(&l)),
        circo: host.get_attribute("data-circo").map(Into::into),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(())
}

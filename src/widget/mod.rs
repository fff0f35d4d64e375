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

use wasm_bindgen::JsCast;
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
/// page's `<head>` would never reach a shadow root.
const STYLE: &str = include_str!("../../styles/widget.css");

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

    let style = document.create_element("style").map_err(|_| "cannot create <style>")?;
    style.set_text_content(Some(STYLE));
    let root = document.create_element("div").map_err(|_| "cannot create the root")?;
    shadow.append_child(&style).map_err(|_| "cannot attach <style>")?;
    shadow.append_child(&root).map_err(|_| "cannot attach the root")?;

    let props = AppProps {
        source: host.get_attribute(ATTRIBUTE).unwrap_or_default().into(),
        lang: host.get_attribute("data-lang").and_then(|l| crate::i18n::Lang::from_tag(&l)),
        circo: host.get_attribute("data-circo").map(Into::into),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(())
}

//! Taking over a prerendered view (`circo-don render`): the live widget renders out of
//! sight, in a hidden root beside the prerender, and replaces it in one task once it
//! shows something other than "loading". Render and swap, not hydration: a hydration
//! mismatch (a prerender older than the configuration, another day, another language)
//! would panic and take every widget of the page with it; here a stale prerender simply
//! gives way to the live view.
//!
//! What the donor did meanwhile is kept: each field they typed in (by id), each radio
//! or checkbox they changed, and the focus with the caret.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit, Node, ShadowRoot};

use crate::embed::FETCH_TIMEOUT_MS;

use super::load::sleep;

/// How often the hidden live view is checked for readiness: about once a frame.
const POLL_MS: u32 = 16;

/// The prerendered nodes of a declarative shadow root, as they were before the live
/// widget was added, but its stylesheet's link.
pub(crate) struct Prerendered(Vec<Node>);

impl Prerendered {
    /// The prerender in `shadow`, if it holds one (a widget's `.cd` view).
    pub(crate) fn of(shadow: &ShadowRoot) -> Option<Prerendered> {
        shadow.query_selector(".cd").ok().flatten()?;
        let nodes = shadow.child_nodes();
        // Its stylesheet's link stays: the live view is styled by the same file.
        let view = (0..nodes.length()).filter_map(|i| nodes.item(i)).filter(|n| n.node_name() != "LINK");
        Some(Prerendered(view.collect()))
    }

    /// Waits until the live view in `live` is past loading (or the fetch's time limit),
    /// then swaps it in.
    pub(crate) fn give_way_to(self, shadow: ShadowRoot, live: Element) {
        wasm_bindgen_futures::spawn_local(async move {
            let mut waited = 0;
            while waited < FETCH_TIMEOUT_MS + 1000 && !settled(&live) {
                let _ = JsFuture::from(sleep(POLL_MS)).await;
                waited += POLL_MS;
            }
            self.swap(&shadow, &live);
        });
    }

    /// In one task, so that no frame shows both or neither: the donor's input is
    /// replayed into the live view, the prerender goes, the live view shows, the focus
    /// follows.
    fn swap(self, shadow: &ShadowRoot, live: &Element) {
        let focused = shadow.active_element().and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        let inputs = self.inputs();
        // Radios and checkboxes first: a preset sets the amount, which a typed amount
        // then overrides.
        for input in inputs.iter().filter(|i| is_choice(i) && i.checked() != i.default_checked()) {
            if let Some(twin) = twin(live, input) {
                if twin.checked() != input.checked() {
                    twin.click();
                }
            }
        }
        for input in inputs.iter().filter(|i| !is_choice(i) && i.value() != i.default_value()) {
            if let Some(twin) = twin(live, input) {
                twin.set_value(&input.value());
                let init = InputEventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = InputEvent::new_with_event_init_dict("input", &init) {
                    let _ = twin.dispatch_event(&event);
                }
            }
        }
        for node in &self.0 {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        let _ = live.remove_attribute("hidden");
        if let Some(input) = focused {
            if let Some(twin) = twin(live, &input) {
                let _ = twin.focus();
                if let (Ok(Some(start)), Ok(Some(end))) = (input.selection_start(), input.selection_end()) {
                    let _ = twin.set_selection_range(start, end);
                }
            }
        }
    }

    /// Every input of the prerender.
    fn inputs(&self) -> Vec<HtmlInputElement> {
        let mut found = Vec::new();
        for node in &self.0 {
            let Some(el) = node.dyn_ref::<Element>() else { continue };
            let Ok(list) = el.query_selector_all("input") else { continue };
            found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlInputElement>().ok()));
        }
        found
    }
}

/// Whether the live view shows something other than loading, with all its figures: a
/// movement's overview waits for its linked files (each read or failed), so that the
/// rows the prerender showed read and sort the same when it gives way.
fn settled(live: &Element) -> bool {
    let state = live.query_selector(".cd").ok().flatten().and_then(|cd| cd.get_attribute("data-state"));
    state.is_some_and(|s| s != "loading") && live.query_selector("[data-state=pending]").ok().flatten().is_none()
}

fn is_choice(input: &HtmlInputElement) -> bool {
    matches!(input.type_().as_str(), "radio" | "checkbox")
}

/// The live view's input with the same id as the prerender's `input`.
fn twin(live: &Element, input: &HtmlInputElement) -> Option<HtmlInputElement> {
    let id = input.id();
    if id.is_empty() {
        return None;
    }
    live.query_selector(&["[id=\"", &id, "\"]"].concat()).ok().flatten()?.dyn_into().ok()
}

//! What the builder does with the browser: read an opened file, save the configuration
//! as a download, copy to the clipboard, warn before leaving. No request is made.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File};

// The few browser APIs the builder needs beyond the web-sys features the widget's
// dependencies already enable, bound here: a web-sys feature more would change the
// widget's own build (web-sys's hash is in its symbol names).
#[wasm_bindgen]
extern "C" {
    /// A drop's `dataTransfer`, a paste's `clipboardData`.
    pub type DataTransfer;
    #[wasm_bindgen(method, getter)]
    pub fn files(this: &DataTransfer) -> Option<web_sys::FileList>;
    #[wasm_bindgen(method, js_name = getData, catch)]
    fn get_data(this: &DataTransfer, format: &str) -> Result<String, JsValue>;
}

/// The `DataTransfer` an event holds under `key` (`dataTransfer`, `clipboardData`).
fn transfer_of(event: &web_sys::Event, key: &str) -> Option<DataTransfer> {
    let value = js_sys::Reflect::get(event, &key.into()).ok()?;
    (!value.is_null() && !value.is_undefined()).then(|| value.unchecked_into())
}

/// A drop's files.
pub fn dropped(event: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    transfer_of(event, "dataTransfer")?.files()
}

/// The text of an opened or dropped file.
pub async fn file_text(file: File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Saves `text` as `name` through a download link to a Blob: nothing is sent.
pub fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    save(name, &Blob::new_with_str_sequence_and_options(&parts, &options).ok()?)
}

/// Saves `bytes` (a zip file) as `name`, the same way.
pub fn download_zip(name: &str, bytes: &[u8]) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type("application/zip");
    save(name, &Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?)
}

fn save(name: &str, blob: &Blob) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let a: web_sys::HtmlElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_attribute("href", &url).ok()?;
    a.set_attribute("download", name).ok()?;
    a.click();
    // The download has its own copy of the bytes once started.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000).ok()?;
    Some(())
}

/// Copies `text` to the clipboard; whether it worked.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Asks the browser to warn before the page is left while `dirty` holds: what was typed
/// exists only in this page (nothing is stored, see README).
/// `message` is for older browsers, which want a non-empty `returnValue` (none shows it:
/// each says leaving loses changes in its own words).
pub fn warn_before_leaving(dirty: Rc<Cell<bool>>, message: String) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if dirty.get() {
            e.prevent_default();
            let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &message.as_str().into());
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
    // One listener for the page's whole life.
    handler.forget();
}

/// Calls `on_text` with text pasted outside the form's fields (a configuration pasted
/// on the page).
pub fn on_paste(on_text: yew::Callback<String>) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        if let Some(text) = transfer_of(&e, "clipboardData").and_then(|d| d.get_data("text").ok()).filter(|t| t.trim_start().starts_with('{')) {
            e.prevent_default();
            on_text.emit(text);
        }
    });
    let _ = window.add_event_listener_with_callback("paste", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The configuration a donor's widget handed over in this page's address
/// (`#import=…`, see `circo_don::url::import_fragment`), once: the fragment is then
/// removed from the address, so that the address shown keeps no copy of the file.
pub fn imported_from_address() -> Option<String> {
    let window = web_sys::window()?;
    let text = circo_don::url::imported(&window.location().hash().ok()?)?;
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default() + &window.location().search().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(text)
}

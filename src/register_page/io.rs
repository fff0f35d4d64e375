//! What the register page does with the browser: read an opened file, draw random
//! bytes, save the encrypted register (in place through the File System Access API
//! where the browser has it, else as a download), warn before leaving. No request is
//! made and nothing is stored.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File};

// Bound here rather than as web-sys features: a web-sys feature more would change the
// widget's own build (web-sys's hash is in its symbol names).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues)]
    fn get_random_values(buffer: &mut [u8]);
}

/// `N` bytes from the browser's cryptographic generator.
pub fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    get_random_values(&mut bytes);
    bytes
}

/// The bytes of an opened file.
pub async fn file_bytes(file: File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Calls `method` of `target` with `args`, awaiting its promise.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    let promise = f.apply(target, &args.iter().collect::<js_sys::Array>())?;
    JsFuture::from(js_sys::Promise::resolve(&promise)).await
}

/// Where the register was saved in place, for the next save.
pub type Handle = Option<JsValue>;

/// Saves `bytes`: into `handle` when the page has one, else through
/// `showSaveFilePicker` where the browser has it, else as a download of `name`.
/// Returns the handle to write next time, or `Err` when nothing was written (the
/// person cancelled the picker, or the browser refused).
pub async fn save(bytes: &[u8], name: &str, handle: Handle) -> Result<Handle, ()> {
    let window: JsValue = web_sys::window().ok_or(())?.into();
    let picker = js_sys::Reflect::get(&window, &"showSaveFilePicker".into()).unwrap_or(JsValue::UNDEFINED);
    let handle = match handle {
        Some(h) => Some(h),
        None if picker.is_function() => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &name.into());
            Some(call(&window, "showSaveFilePicker", &[options.into()]).await.map_err(|_| ())?)
        }
        None => None,
    };
    let Some(handle) = handle else {
        download(name, bytes).ok_or(())?;
        return Ok(None);
    };
    let writable = call(&handle, "createWritable", &[]).await.map_err(|_| ())?;
    call(&writable, "write", &[js_sys::Uint8Array::from(bytes).into()]).await.map_err(|_| ())?;
    call(&writable, "close", &[]).await.map_err(|_| ())?;
    Ok(Some(handle))
}

/// Saves `bytes` as `name` through a download link to a Blob: nothing is sent.
pub fn download(name: &str, bytes: &[u8]) -> Option<()> {
    download_as(name, bytes, "application/octet-stream")
}

/// [`download`] with the file's media type (`text/csv;charset=utf-8`...).
pub fn download_as(name: &str, bytes: &[u8], media_type: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_attribute("href", &url).ok()?;
    a.set_attribute("download", name).ok()?;
    a.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000).ok()?;
    Some(())
}

/// Asks the browser to warn before the page is left while `dirty` holds: the register
/// exists only in this page until it is saved.
pub fn warn_before_leaving(dirty: Rc<Cell<bool>>, message: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if dirty.get() {
            e.prevent_default();
            let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &message.into());
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The value of the form control `id` (an input, a select or a textarea); empty if
/// there is none.
pub fn control_value(id: &str) -> String {
    control(id, "value").and_then(|v| v.as_string()).unwrap_or_default()
}

/// Whether the checkbox `id` is ticked.
pub fn control_checked(id: &str) -> bool {
    control(id, "checked").is_some_and(|v| v.is_truthy())
}

/// The value of the control an event came from.
pub fn event_value(e: &web_sys::Event) -> String {
    e.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

fn control(id: &str, property: &str) -> Option<JsValue> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    js_sys::Reflect::get(&element, &property.into()).ok()
}

/// Lets the browser draw (a status line) before a long computation (Argon2id).
pub async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

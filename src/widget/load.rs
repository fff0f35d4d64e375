//! Loading a configuration's text: from an inline `<script type="application/json">` or
//! by fetching a URL (same origin, or another with CORS). Only the configuration is ever
//! requested, with no credentials.
//!
//! The whole fetch, headers and body, ends within [`FETCH_TIMEOUT_MS`]; the head is
//! checked ([`check_head`]: status, redirects, type, declared size) before the body is
//! read, and the body is streamed chunk by chunk and dropped as soon as it passes
//! [`crate::embed::MAX_CONFIG_BYTES`] ([`crate::embed::check_received`]), before any
//! parsing: every decision is the core's (`crate::embed`), this module only does the
//! I/O. Each widget loads on its own: a failure here only ever reaches the widget that
//! asked.
//!
//! The start script of `circo-don.js` (`tools/embed-start.js`) asks for each widget's
//! configuration as soon as it runs, while the wasm downloads, with the same request
//! this module would make: `fetch_text` takes that answer when there is one, and
//! checks it exactly as its own.
//!
//! Natively (the prerender), nothing is loaded: effects never run there.

#[cfg(target_arch = "wasm32")]
pub(crate) use browser::sleep;
#[cfg(target_arch = "wasm32")]
pub use browser::load_text;

#[cfg(not(target_arch = "wasm32"))]
/// Natively there is no page to load from: the prerender is given its configuration.
pub async fn load_text(source: &crate::embed::Source) -> Result<String, crate::embed::LoadFailure> {
    Err(crate::embed::LoadFailure::Network(source.describe()))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestCache, RequestCredentials, RequestInit, Response};

    use crate::embed::{check_body, check_head, check_received, LoadFailure, Source, FETCH_TIMEOUT_MS};

    /// The global where the start script leaves the configurations it asked for:
    /// a `Map` from absolute URL to `{ response: Promise<Response>, controller }`.
    const PREFETCHED: &str = "__circoDonConfigs";

    /// A promise fulfilled with `undefined` once `ms` milliseconds have passed (the
    /// browser's `setTimeout`, without a timer crate).
    pub(crate) fn sleep(ms: u32) -> Promise {
        Promise::new(&mut |done, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms as i32);
            }
        })
    }

    /// What `promise` gives, unless `deadline` (a [`sleep`]) comes first: then
    /// `Err(None)`; `Err(Some(error))` when it fails. Every promise raced here gives an
    /// object (a `Response`, a read's result), never `undefined`.
    async fn before(promise: &Promise, deadline: &Promise) -> Result<JsValue, Option<JsValue>> {
        match JsFuture::from(Promise::race(&Array::of2(promise, deadline))).await {
            Ok(value) if value.is_undefined() => Err(None),
            Ok(value) => Ok(value),
            Err(error) => Err(Some(error)),
        }
    }

    /// The answer the start script is already receiving for `url`, taken (a body is read
    /// once: a second widget of the same file, or a later choice, asks again).
    fn take_prefetched(url: &str) -> Option<(Promise, Option<AbortController>)> {
        let window = web_sys::window()?;
        let map: js_sys::Map = Reflect::get(&window, &PREFETCHED.into()).ok()?.dyn_into().ok()?;
        let key = JsValue::from(url);
        let entry = map.get(&key);
        if entry.is_undefined() {
            return None;
        }
        map.delete(&key);
        let response = Reflect::get(&entry, &"response".into()).ok()?.dyn_into().ok()?;
        let controller = Reflect::get(&entry, &"controller".into()).ok().and_then(|c| c.dyn_into().ok());
        Some((response, controller))
    }

    /// The configuration's text, or why it could not be had.
    pub async fn load_text(source: &Source) -> Result<String, LoadFailure> {
        match source {
            Source::Inline(id) => inline_text(id),
            Source::Url(url) => fetch_text(url).await,
        }
    }

    fn inline_text(id: &str) -> Result<String, LoadFailure> {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .filter(|el| el.tag_name().eq_ignore_ascii_case("script"))
            .and_then(|el| el.text_content())
            .ok_or_else(|| LoadFailure::InlineMissing(id.to_owned()))
    }

    async fn fetch_text(url: &str) -> Result<String, LoadFailure> {
        // The whole fetch, head and body, races this one deadline.
        let deadline = sleep(FETCH_TIMEOUT_MS);
        let requested = absolute(url);
        let (response, controller) = match take_prefetched(&requested) {
            Some(prefetched) => prefetched,
            None => {
                let controller = AbortController::new().ok();
                let init = RequestInit::new();
                init.set_credentials(RequestCredentials::Omit);
                // The goal's "raised so far" changes: always revalidate with the collective's host.
                init.set_cache(RequestCache::NoCache);
                init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
                let response = match web_sys::window() {
                    Some(w) => w.fetch_with_str_and_init(url, &init),
                    None => Promise::reject(&js_sys::Error::new("no window").into()),
                };
                (response, controller)
            }
        };
        let result = async {
            let response: Response = before(&response, &deadline)
                .await
                .map_err(|e| e.map_or(LoadFailure::Timeout, |e| LoadFailure::Network(js_error(&e, true))))?
                .unchecked_into();
            let headers = response.headers();
            let length = headers.get("content-length").ok().flatten();
            let redirected_to = response.redirected().then(|| response.url());
            check_head(&requested, redirected_to.as_deref(), response.status(), headers.get("content-type").ok().flatten().as_deref(), length.as_deref())?;
            check_body(read_body(&response, &deadline).await?, length.as_deref())
        }
        .await;
        // Stops whatever is still coming (a stalled or oversized body) once decided.
        if result.is_err() {
            if let Some(controller) = controller {
                controller.abort();
            }
        }
        result
    }

    /// `url` resolved against the page, as fetch resolves it.
    fn absolute(url: &str) -> String {
        let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned())
    }

    /// Reads the body chunk by chunk, refusing it once over the limit ([`check_received`]). Each
    /// chunk is awaited, so the page's main thread is never held while the body arrives.
    async fn read_body(response: &Response, deadline: &Promise) -> Result<Vec<u8>, LoadFailure> {
        let Some(stream) = response.body() else { return Ok(Vec::new()) };
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        let mut bytes: Vec<u8> = Vec::new();
        loop {
            let chunk = before(&reader.read(), deadline).await.map_err(|e| e.map_or(LoadFailure::Timeout, |e| LoadFailure::CutShort(js_error(&e, false))))?;
            let chunk: ReadableStreamReadResult = chunk.unchecked_into();
            if chunk.get_done().unwrap_or(true) {
                return Ok(bytes);
            }
            let data = js_sys::Uint8Array::new(&chunk.get_value());
            if let Err(too_large) = check_received(bytes.len() as u64 + u64::from(data.length())) {
                let _ = reader.cancel();
                return Err(too_large);
            }
            let start = bytes.len();
            bytes.resize(start + data.length() as usize, 0);
            data.copy_to(&mut bytes[start..]);
        }
    }

    /// A JavaScript error for the collective: its message, after its name for a failed
    /// fetch (`TypeError: Failed to fetch`).
    fn js_error(e: &JsValue, named: bool) -> String {
        match e.dyn_ref::<js_sys::Error>() {
            Some(e) if named => [&*String::from(e.name()), ": ", &String::from(e.message())].concat(),
            Some(e) => String::from(e.message()),
            // Anything else thrown (a string, an object): as JSON, without wasm-bindgen's
            // Debug for JsValue, whose glue the widget would carry for this case alone.
            None => e.as_string().or_else(|| js_sys::JSON::stringify(e).ok().map(String::from)).unwrap_or_default(),
        }
    }
}

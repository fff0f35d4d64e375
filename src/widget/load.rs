//! Loading a configuration's text: from an inline `<script type="application/json">` or
//! by fetching a URL (same origin, or another with CORS), with a timeout. Only the
//! configuration is ever requested, with no credentials.

use futures::future::{select, Either};
use gloo_net::http::Request;
use web_sys::{AbortController, RequestCache, RequestCredentials};

use crate::embed::{LoadFailure, Source, FETCH_TIMEOUT_MS};

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
    let controller = AbortController::new().ok();
    let request = Request::get(url)
        .credentials(RequestCredentials::Omit)
        // The goal's "raised so far" changes: always revalidate with the collective's host.
        .cache(RequestCache::NoCache)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .send();
    let timeout = gloo_timers::future::TimeoutFuture::new(FETCH_TIMEOUT_MS);
    let response = match select(Box::pin(request), timeout).await {
        Either::Left((result, _)) => result.map_err(|e| LoadFailure::Network(e.to_string()))?,
        Either::Right(_) => {
            if let Some(controller) = controller {
                controller.abort();
            }
            return Err(LoadFailure::Timeout);
        }
    };
    if !response.ok() {
        return Err(LoadFailure::Http(response.status()));
    }
    response.text().await.map_err(|e| LoadFailure::Network(e.to_string()))
}

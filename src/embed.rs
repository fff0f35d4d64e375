//! The embedding contract, as data: what a `data-circo-don` attribute says, and what can
//! go wrong loading the configuration it names. Pure, so the messages a donor and a
//! collective read are tested natively; the widget shell does the fetching.

use crate::i18n::Text;
use crate::url;

/// The attribute that marks an element to host a widget:
/// `<div data-circo-don="URL-or-#id"></div>`.
pub const ATTRIBUTE: &str = "data-circo-don";

/// The CSS selector of the elements that host a widget: `[ATTRIBUTE]`.
pub const SELECTOR: &str = "[data-circo-don]";

/// How long the widget waits for the whole configuration, headers and body, before
/// saying it could not load it.
pub const FETCH_TIMEOUT_MS: u32 = 15_000;

/// The largest configuration anything here reads: 1 MiB, the one limit of the widget's
/// download, of [`crate::config::load`] (so the builder and an inline `<script>` too) and
/// of `circo-don check URL`. An account is 1 to 3 KB; a registry of all 577 circos as
/// links, with commune names, a few hundred KB; 577 inline accounts about 730 KB written
/// compactly (measured), just under 1 MiB indented. A download is refused from
/// `Content-Length` or while streaming ([`check_received`]), before parsing, so that a
/// huge file neither costs the donor's data nor freezes the host page while it is parsed.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Where a widget's configuration comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// `#id`: the text of `<script type="application/json" id="id">` in the page.
    Inline(String),
    /// A URL, relative to the page or absolute (same origin, or another with CORS).
    Url(String),
}

impl Source {
    /// Reads the attribute's value. Whitespace around it is ignored.
    pub fn parse(value: &str) -> Result<Source, LoadFailure> {
        let value = value.trim();
        if value.is_empty() || value == "#" {
            return Err(LoadFailure::NoSource);
        }
        if let Some(id) = value.strip_prefix('#') {
            return Ok(Source::Inline(id.to_owned()));
        }
        match url::scheme(value).as_deref() {
            None | Some("https") => Ok(Source::Url(value.to_owned())),
            // The configuration carries the IBAN: never over cleartext, but on this machine.
            Some("http") if url::is_loopback(value) => Ok(Source::Url(value.to_owned())),
            Some(other) => Err(LoadFailure::UnsupportedScheme(other.to_owned())),
        }
    }

    /// Where it comes from, for messages to the collective.
    pub fn describe(&self) -> String {
        match self {
            Source::Inline(id) => format!("#{id}"),
            Source::Url(url) => url.clone(),
        }
    }
}

/// Why the configuration could not be loaded. The configuration's own content problems
/// are reported by [`crate::config`]; these are the failures before there is content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The element has no (or an empty) `data-circo-don` value.
    NoSource,
    /// A URL scheme other than http(s): `javascript:`, `data:`, `file:`...
    UnsupportedScheme(String),
    /// `#id` names no `<script type="application/json">` element of the page.
    InlineMissing(String),
    /// The server answered with this HTTP status.
    Http(u16),
    /// No answer within [`FETCH_TIMEOUT_MS`].
    Timeout,
    /// The request failed before any answer: offline, DNS, or refused by CORS (browsers
    /// do not tell these apart).
    Network(String),
    /// Over [`MAX_CONFIG_BYTES`]: the size the server declared, or what had arrived when
    /// the widget stopped reading.
    TooLarge(u64),
    /// The answer started but broke off before its end (connection cut, fewer bytes
    /// than `Content-Length`).
    CutShort(String),
    /// Not a JSON file: a web page (`text/html`, often an error or login page served with
    /// status 200), or bytes that are not UTF-8 text.
    NotJson(String),
    /// A redirect left `https:` for this cleartext address.
    InsecureRedirect(String),
}

/// Checks an answer's head before its body is read: the status, where redirects led,
/// the declared type and size. `requested` is the absolute URL asked for,
/// `redirected_to` where the answer came from when the server redirected: never from
/// `https:` to anything else, never to `http:` beyond this machine.
pub fn check_head(requested: &str, redirected_to: Option<&str>, status: u16, content_type: Option<&str>, content_length: Option<&str>) -> Result<(), LoadFailure> {
    if let Some(to) = redirected_to {
        check_redirect(requested, to)?;
    }
    if !(200..300).contains(&status) {
        return Err(LoadFailure::Http(status));
    }
    let media = content_type.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if matches!(media.as_str(), "text/html" | "application/xhtml+xml") {
        return Err(LoadFailure::NotJson(media));
    }
    match content_length.map(|l| l.trim().parse::<u64>()) {
        Some(Ok(n)) if n > MAX_CONFIG_BYTES => Err(LoadFailure::TooLarge(n)),
        _ => Ok(()),
    }
}

/// Whether an answer for `requested` may come from `to`, where the server redirected:
/// never from `https:` to anything else, never to `http:` beyond this machine. The
/// browser follows redirects and [`check_head`] sees where they led; `circo-don check`
/// follows them itself and asks before each.
pub fn check_redirect(requested: &str, to: &str) -> Result<(), LoadFailure> {
    let downgraded = url::is_https(requested) && !url::is_https(to);
    if downgraded || Source::parse(to).is_err() {
        return Err(LoadFailure::InsecureRedirect(to.to_owned()));
    }
    Ok(())
}

/// While the body streams: `total`, the bytes received so far, is refused once over
/// [`MAX_CONFIG_BYTES`], so that the reader stops there.
pub fn check_received(total: u64) -> Result<(), LoadFailure> {
    if total > MAX_CONFIG_BYTES {
        return Err(LoadFailure::TooLarge(total));
    }
    Ok(())
}

/// The body once read: UTF-8 text, and as long as declared.
pub fn check_body(bytes: Vec<u8>, content_length: Option<&str>) -> Result<String, LoadFailure> {
    if let Some(Ok(declared)) = content_length.map(|l| l.trim().parse::<u64>()) {
        let got = bytes.len() as u64;
        if got < declared {
            return Err(LoadFailure::CutShort(format!("{got} / {declared}")));
        }
    }
    String::from_utf8(bytes).map_err(|_| LoadFailure::NotJson("UTF-8".to_owned()))
}

impl LoadFailure {
    /// What the donor should do now. Polite, short, no jargon.
    pub fn for_donor(&self) -> Text {
        match self {
            LoadFailure::Timeout | LoadFailure::Network(_) | LoadFailure::CutShort(_) => Text::new(
                "Les informations de don n’ont pas pu être chargées. Vérifiez votre connexion puis rechargez la page ; si cela persiste, contactez le collectif local.",
                "The donation details could not be loaded. Check your connection and reload the page; if this persists, contact the local collective.",
            ),
            LoadFailure::Http(status) if *status >= 500 => Text::new(
                "Le site du collectif ne répond pas correctement pour le moment. Réessayez dans quelques minutes ; si cela persiste, contactez le collectif local.",
                "The collective’s site is not answering properly right now. Try again in a few minutes; if this persists, contact the local collective.",
            ),
            _ => Text::new(
                "Les informations de don de cette page sont introuvables ou mal configurées. Merci de prévenir le collectif local : rien n’a été envoyé.",
                "This page’s donation details are missing or misconfigured. Please let the local collective know: nothing has been sent.",
            ),
        }
    }

    /// What exactly is wrong and how to fix it, for the collective (shown in a detail
    /// toggle and in the browser console).
    pub fn for_collective(&self, source: &str) -> Text {
        match self {
            LoadFailure::NoSource => Text::new(
                "L’élément n’indique aucune configuration : écrivez data-circo-don=\"URL du fichier JSON\" ou data-circo-don=\"#id\" d’un <script type=\"application/json\" id=\"id\"> de la page.",
                "The element names no configuration: write data-circo-don=\"URL of the JSON file\" or data-circo-don=\"#id\" of a <script type=\"application/json\" id=\"id\"> in the page.",
            ),
            LoadFailure::UnsupportedScheme(scheme) => Text::new(
                format!("« {source} » : le schéma « {scheme}: » est refusé ; seules les adresses https (ou relatives à la page) et #id sont acceptées, car la configuration porte l’IBAN."),
                format!("“{source}”: the “{scheme}:” scheme is refused; only https (or page-relative) addresses and #id are accepted, since the configuration carries the IBAN."),
            ),
            LoadFailure::InlineMissing(id) => Text::new(
                format!("Aucun élément <script type=\"application/json\" id=\"{id}\"> dans la page."),
                format!("No <script type=\"application/json\" id=\"{id}\"> element in the page."),
            ),
            LoadFailure::Http(404) => Text::new(
                format!("{source} : fichier introuvable (HTTP 404). Vérifiez l’adresse et que le fichier est bien publié."),
                format!("{source}: file not found (HTTP 404). Check the address and that the file is published."),
            ),
            LoadFailure::Http(status) => Text::new(
                format!("{source} : le serveur a répondu HTTP {status} au lieu de 200."),
                format!("{source}: the server answered HTTP {status} instead of 200."),
            ),
            LoadFailure::Timeout => Text::new(
                format!("{source} : pas de réponse complète en {} secondes (le serveur n’a pas répondu, ou s’est arrêté en cours d’envoi).", FETCH_TIMEOUT_MS / 1000),
                format!("{source}: no complete answer within {} seconds (the server did not answer, or stalled while sending).", FETCH_TIMEOUT_MS / 1000),
            ),
            LoadFailure::TooLarge(bytes) => Text::new(
                format!("{source} : le fichier fait au moins {bytes} octets, plus que la limite de {MAX_CONFIG_BYTES} (1 Mio) : découpez un registre en liens vers un fichier par circonscription, et vérifiez que l’adresse désigne bien la configuration."),
                format!("{source}: the file is at least {bytes} bytes, more than the {MAX_CONFIG_BYTES} (1 MiB) limit: split a registry into links to one file per circonscription, and check that the address names the configuration."),
            ),
            LoadFailure::CutShort(detail) => Text::new(
                format!("{source} : la réponse s’est interrompue avant la fin du fichier ({detail}). Vérifiez le serveur (délai, proxy, taille de fichier limitée)."),
                format!("{source}: the answer broke off before the end of the file ({detail}). Check the server (timeout, proxy, file size limit)."),
            ),
            LoadFailure::NotJson(what) if what == "UTF-8" => Text::new(
                format!("{source} : ce n’est pas du texte UTF-8. Enregistrez le fichier JSON en UTF-8."),
                format!("{source}: this is not UTF-8 text. Save the JSON file as UTF-8."),
            ),
            LoadFailure::NotJson(what) => Text::new(
                format!("{source} : le serveur a renvoyé une page web ({what}) au lieu du fichier JSON : l’adresse est sans doute fausse, ou le serveur redirige vers une page d’erreur ou de connexion."),
                format!("{source}: the server sent a web page ({what}) instead of the JSON file: the address is probably wrong, or the server redirects to an error or login page."),
            ),
            LoadFailure::InsecureRedirect(to) => Text::new(
                format!("{source} : le serveur redirige vers « {to} », une adresse non chiffrée. La configuration porte l’IBAN : servez-la en https de bout en bout."),
                format!("{source}: the server redirects to “{to}”, an unencrypted address. The configuration carries the IBAN: serve it over https all the way."),
            ),
            LoadFailure::Network(detail) => Text::new(
                format!("{source} : la requête a échoué avant toute réponse ({detail}). Hors ligne, ou bien le serveur d’un autre domaine n’envoie pas l’en-tête Access-Control-Allow-Origin (CORS)."),
                format!("{source}: the request failed before any answer ({detail}). Offline, or a server on another origin does not send the Access-Control-Allow-Origin header (CORS)."),
            ),
        }
    }
}

/// The stylesheet's name beside `circo-don.js`, where a prerendered snippet links it
/// (tools/post-build.sh copies `styles/widget.css` there).
pub const STYLE_FILE: &str = "circo-don.css";

/// The snippet a collective pastes: the wasm's preload (it starts downloading while the
/// page is parsed, not once the script has run), the host element naming the
/// configuration, then the script that starts the widget, all from `base`, the folder
/// of the widget's files (`./`, `https://…/`). `view`: a prerendered view the host
/// holds in a declarative shadow root with its stylesheet (a file beside `circo-don.js`,
/// which a strict `style-src 'self'` allows); `None`: an empty host. `lang`: the host's
/// `data-lang`, only when asked for (otherwise the widget follows the configuration).
/// Both `circo-don render` (through `widget::render`) and the builder page's plain
/// snippet are this. Not in the widget's own wasm build, which has no use for it: an
/// item more there moves the optimiser's choices, and the widget's bytes with them.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub fn snippet_html(config_url: &str, base: &str, lang: Option<crate::i18n::Lang>, view: Option<&str>) -> String {
    let file = |name: &str| escape(&format!("{base}{}{name}", if base.is_empty() || base.ends_with('/') { "" } else { "/" }));
    let host_lang = lang.map(|l| format!(" data-lang=\"{}\"", l.tag())).unwrap_or_default();
    let inside = match view {
        Some(view) => format!("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\">{view}</template>", file(STYLE_FILE)),
        None => String::new(),
    };
    format!(
        "<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" crossorigin>\n\
         <div {ATTRIBUTE}=\"{url}\"{host_lang}>{inside}{FALLBACK}</div>\n\
         <script type=\"module\" src=\"{js}\"></script>\n",
        wasm = file("circo-don_bg.wasm"),
        url = escape(config_url),
        js = file("circo-don.js"),
    )
}

/// What the host element holds besides the widget: read while the script loads, and
/// only then, since the widget's shadow root (or the prerender's declarative one) hides
/// the element's own children. When the script was removed by a content filter,
/// blocked or failed, a visitor still reads where to ask, and the collective checking its
/// page reads why that usually happens. French, then English; no script, no style, no
/// form element, so that WordPress's filter for authors keeps it whole.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub const FALLBACK: &str = "<p lang=\"fr\">Chargement du module de dons… S’il ne s’affiche pas, demandez au collectif comment donner à la campagne. \
<small>Pour le site : le script circo-don.js ne s’est pas exécuté (retiré par l’éditeur du site, sur WordPress sans le droit « unfiltered_html » : utilisez l’extension circo-don ; fichier introuvable ; ou bloqué par la politique de sécurité du site).</small></p>\
<p lang=\"en\">Loading the donation module… If it does not show, ask the collective how to give to the campaign. \
<small>For the site: the script circo-don.js did not run (removed by the site’s editor, on WordPress without the “unfiltered_html” right: use the circo-don plugin; file not found; or blocked by the site’s security policy).</small></p>";

/// `text` safe inside a double-quoted HTML attribute.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::{snippet_html, ATTRIBUTE, SELECTOR};
    use crate::i18n::Lang;

    #[test]
    fn the_selector_names_the_attribute() {
        assert_eq!(SELECTOR, format!("[{ATTRIBUTE}]"));
    }

    use super::*;

    #[test]
    fn attribute_values_name_a_source_or_a_failure() {
        assert_eq!(Source::parse(" #circo "), Ok(Source::Inline("circo".into())));
        assert_eq!(Source::parse("config.json"), Ok(Source::Url("config.json".into())));
        assert_eq!(Source::parse("/a/b.json"), Ok(Source::Url("/a/b.json".into())));
        assert_eq!(Source::parse("https://x.fr/c.json"), Ok(Source::Url("https://x.fr/c.json".into())));
        // Cleartext only to this machine: the configuration carries the IBAN.
        assert_eq!(Source::parse("http://x.fr/c.json"), Err(LoadFailure::UnsupportedScheme("http".into())));
        assert_eq!(Source::parse("http://127.0.0.1@x.fr/c.json"), Err(LoadFailure::UnsupportedScheme("http".into())));
        assert_eq!(Source::parse("http://127.0.0.1.x.fr/c.json"), Err(LoadFailure::UnsupportedScheme("http".into())));
        assert_eq!(Source::parse("http://127.evil.example.com/c.json"), Err(LoadFailure::UnsupportedScheme("http".into())));
        assert_eq!(Source::parse("http://127.0.0.1%2ecom/c.json"), Err(LoadFailure::UnsupportedScheme("http".into())));
        for local in ["http://127.0.0.1:8080/c.json", "http://localhost/c.json", "http://[::1]:81/c.json"] {
            assert_eq!(Source::parse(local), Ok(Source::Url(local.into())), "{local}");
        }
        assert_eq!(Source::parse(""), Err(LoadFailure::NoSource));
        assert_eq!(Source::parse("#"), Err(LoadFailure::NoSource));
        assert_eq!(Source::parse("JavaScript:alert(1)"), Err(LoadFailure::UnsupportedScheme("javascript".into())));
        assert_eq!(Source::parse("data:application/json,{}"), Err(LoadFailure::UnsupportedScheme("data".into())));
        // A colon later in a relative path is not a scheme.
        assert_eq!(Source::parse("configs/a:b.json"), Ok(Source::Url("configs/a:b.json".into())));
        // Nor is a digit-first prefix (`crate::url::scheme`): the browser fetches it as a
        // path relative to the page, like any other.
        assert_eq!(Source::parse("1x:c.json"), Ok(Source::Url("1x:c.json".into())));
    }

    #[test]
    fn donors_and_collectives_get_different_messages() {
        let all = [
            LoadFailure::NoSource,
            LoadFailure::UnsupportedScheme("data".into()),
            LoadFailure::InlineMissing("x".into()),
            LoadFailure::Http(404),
            LoadFailure::Http(503),
            LoadFailure::Timeout,
            LoadFailure::Network("TypeError".into()),
            LoadFailure::TooLarge(20_000_000),
            LoadFailure::CutShort("10 / 20".into()),
            LoadFailure::NotJson("text/html".into()),
            LoadFailure::NotJson("UTF-8".into()),
            LoadFailure::InsecureRedirect("http://x.fr/c.json".into()),
        ];
        for failure in &all {
            let donor = failure.for_donor();
            let detail = failure.for_collective("c.json");
            assert!(!donor.fr.is_empty() && !donor.en.is_empty());
            assert_ne!(donor, detail, "{failure:?}");
            // The donor is never shown technical detail such as a status code.
            assert!(!donor.fr.contains("HTTP") && !donor.en.contains("CORS"));
        }
        assert!(LoadFailure::Http(404).for_collective("c.json").en.contains("404"));
        assert!(LoadFailure::Network("x".into()).for_collective("c.json").en.contains("CORS"));
        assert_ne!(LoadFailure::Http(503).for_donor(), LoadFailure::Http(404).for_donor());
        assert!(LoadFailure::TooLarge(20_000_000).for_collective("c.json").en.contains("20000000"));
        assert!(LoadFailure::InsecureRedirect("http://x.fr/c.json".into()).for_collective("c.json").fr.contains("http://x.fr/c.json"));
    }

    #[test]
    fn the_head_is_checked_before_the_body_is_read() {
        let ok = |ct: Option<&str>, cl: Option<&str>| check_head("https://a.fr/c.json", None, 200, ct, cl);
        assert_eq!(ok(Some("application/json; charset=utf-8"), Some("2048")), Ok(()));
        assert_eq!(ok(Some("text/plain"), None), Ok(()), "some hosts serve .json as text");
        assert_eq!(ok(None, Some("1048576")), Ok(()));
        assert_eq!(ok(None, Some("1048577")), Err(LoadFailure::TooLarge(1_048_577)));
        assert_eq!(ok(Some("text/html; charset=utf-8"), None), Err(LoadFailure::NotJson("text/html".into())));
        assert_eq!(ok(Some("TEXT/HTML"), None), Err(LoadFailure::NotJson("text/html".into())));
        assert_eq!(check_head("https://a.fr/c", None, 404, None, None), Err(LoadFailure::Http(404)));
        // Redirects: never from https to http, never to a non-loopback http address.
        assert_eq!(check_head("https://a.fr/c", Some("http://127.0.0.1/c"), 200, None, None), Err(LoadFailure::InsecureRedirect("http://127.0.0.1/c".into())));
        assert_eq!(check_head("http://127.0.0.1:8/c", Some("http://evil.example/c"), 200, None, None), Err(LoadFailure::InsecureRedirect("http://evil.example/c".into())));
        assert_eq!(check_head("https://a.fr/c", Some("https://b.fr/c"), 200, None, None), Ok(()));
        assert_eq!(check_head("http://127.0.0.1:8/c", Some("http://127.0.0.1:9/c"), 200, None, None), Ok(()));
        assert_eq!(check_redirect("https://a.fr/c", "http://a.fr/c"), Err(LoadFailure::InsecureRedirect("http://a.fr/c".into())));
        assert_eq!(check_redirect("https://a.fr/c", "javascript:alert(1)"), Err(LoadFailure::InsecureRedirect("javascript:alert(1)".into())));
        assert_eq!(check_redirect("http://localhost/c", "https://a.fr/c"), Ok(()));
        // A page served over http may name its configuration relative to itself.
        assert_eq!(check_head("http://collectif.example/c.json", None, 200, None, None), Ok(()));
    }

    #[test]
    fn a_streamed_body_is_refused_past_the_limit() {
        assert_eq!(check_received(0), Ok(()));
        assert_eq!(check_received(MAX_CONFIG_BYTES), Ok(()));
        assert_eq!(check_received(MAX_CONFIG_BYTES + 1), Err(LoadFailure::TooLarge(MAX_CONFIG_BYTES + 1)));
    }

    /// One limit: what the widget refuses to download, `config::load` refuses to read
    /// (an inline configuration, the builder's import, a file given to the command line).
    #[test]
    fn the_reader_and_the_download_share_one_limit() {
        let file_too_large = |len: u64| {
            let text = format!("{{\"format\": \"circo-don/1\"{}}}", " ".repeat(len as usize - 25));
            assert_eq!(text.len() as u64, len);
            crate::config::load(&text).problems.iter().any(|p| p.rule == crate::config::CheckId::FileTooLarge)
        };
        assert!(!file_too_large(MAX_CONFIG_BYTES));
        assert!(file_too_large(MAX_CONFIG_BYTES + 1));
        let limit = check_head("https://a.fr/c.json", None, 200, None, Some(&MAX_CONFIG_BYTES.to_string()));
        assert_eq!(limit, Ok(()));
        let over = check_head("https://a.fr/c.json", None, 200, None, Some(&(MAX_CONFIG_BYTES + 1).to_string()));
        assert_eq!(over, Err(LoadFailure::TooLarge(MAX_CONFIG_BYTES + 1)));
    }

    #[test]
    fn the_body_must_be_whole_utf8() {
        assert_eq!(check_body(b"{}".to_vec(), Some("2")), Ok("{}".into()));
        assert_eq!(check_body(b"{}".to_vec(), None), Ok("{}".into()));
        assert_eq!(check_body(b"{".to_vec(), Some("2")), Err(LoadFailure::CutShort("1 / 2".into())));
        assert_eq!(check_body(vec![0xff, 0xfe], None), Err(LoadFailure::NotJson("UTF-8".into())));
    }

    #[test]
    fn the_snippet_names_the_file_and_the_script_and_escapes_quotes() {
        let plain = snippet_html("https://a.fr/don/circo.json", "https://a.fr/w", None, None);
        assert_eq!(
            plain,
            format!(
                "<link rel=\"preload\" href=\"https://a.fr/w/circo-don_bg.wasm\" as=\"fetch\" crossorigin>\n\
                 <div data-circo-don=\"https://a.fr/don/circo.json\">{FALLBACK}</div>\n\
                 <script type=\"module\" src=\"https://a.fr/w/circo-don.js\"></script>\n"
            )
        );
        assert!(snippet_html("x\"><script>", "./", None, None).contains("\"x&quot;&gt;&lt;script&gt;\""));
        let held = snippet_html("c.json", "./", Some(Lang::En), Some("<p>view</p>"));
        let host = format!("<div data-circo-don=\"c.json\" data-lang=\"en\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"./circo-don.css\"><p>view</p></template>{FALLBACK}</div>\n");
        assert!(held.contains(&host), "{held}");
    }
}

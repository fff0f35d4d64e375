//! The embedding contract, as data: what a `data-circo-don` attribute says, and what can
//! go wrong loading the configuration it names. Pure, so the messages a donor and a
//! collective read are tested natively; the widget shell does the fetching.

use crate::i18n::Text;

/// The attribute that marks an element to host a widget:
/// `<div data-circo-don="URL-or-#id"></div>`.
pub const ATTRIBUTE: &str = "data-circo-don";

/// How long the widget waits for the configuration before saying it could not load it.
pub const FETCH_TIMEOUT_MS: u32 = 15_000;

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
        let lower = value.to_ascii_lowercase();
        let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| {
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        });
        match scheme {
            None | Some("https") => Ok(Source::Url(value.to_owned())),
            // The configuration carries the IBAN: never over cleartext, but on this machine.
            Some("http") if is_loopback(&lower) => Ok(Source::Url(value.to_owned())),
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

/// Whether an `http://` URL (lower case) names this machine: local tests and previews.
fn is_loopback(url: &str) -> bool {
    let authority = url.strip_prefix("http://").unwrap_or("").split(['/', '?', '#', '\\']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') { host.split(']').next().map(|h| h.trim_start_matches('[')).unwrap_or("") } else { host.split(':').next().unwrap_or("") };
    let labels: Vec<&str> = host.split('.').collect();
    let ipv4_loopback = labels.len() == 4 && labels[0] == "127" && labels.iter().all(|l| l.parse::<u8>().is_ok());
    host == "localhost" || host == "::1" || ipv4_loopback
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
}

impl LoadFailure {
    /// What the donor should do now. Polite, short, no jargon.
    pub fn for_donor(&self) -> Text {
        match self {
            LoadFailure::Timeout | LoadFailure::Network(_) => Text::new(
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
                format!("{source} : pas de réponse en {} secondes.", FETCH_TIMEOUT_MS / 1000),
                format!("{source}: no answer within {} seconds.", FETCH_TIMEOUT_MS / 1000),
            ),
            LoadFailure::Network(detail) => Text::new(
                format!("{source} : la requête a échoué avant toute réponse ({detail}). Hors ligne, ou bien le serveur d’un autre domaine n’envoie pas l’en-tête Access-Control-Allow-Origin (CORS)."),
                format!("{source}: the request failed before any answer ({detail}). Offline, or a server on another origin does not send the Access-Control-Allow-Origin header (CORS)."),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
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
    }
}

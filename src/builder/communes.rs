//! A registry split for all of France ([`crate::config::communes`]): the folder a
//! movement publishes, its registry without the communes (its `communes_url` naming
//! [`FOLDER`]) and one file a search key, `communes/KEY.json`. The same layout for
//! `circo-don communes`, which writes it to a folder, and the builder page, which gives
//! it as one zip file to unpack where the registry is published. The zip itself is
//! written by a shell (`crate::widget::zip`, native and in the builder's wasm), since the
//! zip crate writes through `std::io`, which the core never names.

use std::collections::BTreeMap;
use serde_json::{json, Value};

use crate::config::communes::commune_keys;
use crate::config::{self, Config, Loaded, COMMUNES_FORMAT};
use crate::i18n::Text;

/// The folder's name for the commune files, beside the registry.
pub const FOLDER: &str = "communes/";

/// A registry split: what to publish, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The registry without its communes, its `communes_url` set to [`FOLDER`], every
    /// other key as written, in the builder's order ([`super::json::pretty`]).
    pub registry: String,
    /// Each search key's file, by key (`sai`, `eti`, `420`), as `(key, text)`.
    pub files: Vec<(String, String)>,
    /// How many communes the registry lists, each once (by INSEE code) even when it is
    /// shared between circos.
    pub communes: usize,
}

/// Why a registry is not split: nothing is written.
#[derive(Debug)]
pub enum Refused {
    /// The registry has errors (`check`'s report says which); `loaded` holds them.
    Errors(Box<Loaded>),
    /// The file is an account, not a registry.
    NotRegistry,
    /// The registry lists no commune: there is nothing to put apart.
    NoCommunes,
    /// Without its communes, the registry is still over what a page loads.
    TooLarge { size: usize, limit: u64 },
}

impl Refused {
    /// What the collective reads, and what to do.
    pub fn why(&self) -> Text {
        match self {
            Refused::Errors(_) => Text::new(
                "Ce registre a des erreurs : corrigez-les d’abord (elles sont listées en haut de la page et par circo-don check).",
                "This registry has errors: fix them first (they are listed at the top of the page and by circo-don check).",
            ),
            Refused::NotRegistry => Text::new(
                "Ce fichier n’est pas un registre : seul un registre a des fichiers de communes.",
                "This file is not a registry: only a registry has commune files.",
            ),
            Refused::NoCommunes => Text::new(
                "Ce registre ne liste aucune commune : ajoutez à chaque circonscription ses communes, puis recommencez.",
                "This registry lists no commune: add each circonscription's communes, then try again.",
            ),
            Refused::TooLarge { size, limit } => Text::new(
                format!("Le registre sans ses communes ferait encore {size} octets, plus que les {limit} qu’une page charge : mettez les comptes en ligne dans des fichiers liés."),
                format!("Without its communes the registry would still be {size} bytes, more than the {limit} a page loads: move inline accounts to linked files."),
            ),
        }
    }
}

/// Splits the registry `text`: each commune goes to the file of each of its keys
/// ([`commune_keys`]), circo by circo in the registry's order, written as listed; the
/// registry keeps everything else. A registry over a page's limit may be split (that is
/// why it is split), but not one with errors.
pub fn split(text: &str) -> Result<Layout, Refused> {
    let loaded = config::load_within(text, u64::MAX);
    if loaded.has_errors() {
        return Err(Refused::Errors(Box::new(loaded)));
    }
    let Some(Config::Registry(registry)) = &loaded.config else { return Err(Refused::NotRegistry) };
    // `load` read it already: a file it accepted is JSON serde reads too.
    let mut document: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|_| Refused::NotRegistry)?;
    // Each commune written once, then copied as text into the file of each of its keys
    // (a whole France is some 35 000 communes in four or five files each).
    let mut written: Vec<String> = Vec::new();
    let mut files: BTreeMap<String, Vec<(&str, Vec<usize>)>> = BTreeMap::new();
    for entry in &registry.entries {
        for commune in &entry.communes {
            let at = written.len();
            written.push(json!({ "name": commune.name, "insee": commune.insee, "postal_codes": commune.postal_codes }).to_string());
            for key in commune_keys(commune) {
                let circos = files.entry(key).or_default();
                match circos.last_mut() {
                    Some((slug, listed)) if *slug == entry.slug => listed.push(at),
                    _ => circos.push((&entry.slug, vec![at])),
                }
            }
        }
    }
    let communes = registry.entries.iter().flat_map(|e| &e.communes).map(|c| c.insee.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    if communes == 0 {
        return Err(Refused::NoCommunes);
    }
    for circo in document.get_mut("circos").and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(o) = circo.as_object_mut() {
            o.remove("communes");
        }
        if let Some(o) = circo.get_mut("circo").and_then(Value::as_object_mut) {
            o.remove("communes");
        }
    }
    document["communes_url"] = FOLDER.into();
    let registry = super::json::pretty(&document);
    if registry.len() as u64 > crate::embed::MAX_CONFIG_BYTES {
        return Err(Refused::TooLarge { size: registry.len(), limit: crate::embed::MAX_CONFIG_BYTES });
    }
    let files = files.into_iter().map(|(key, circos)| {
        let text = file_text(&key, &circos, &written);
        (key, text)
    });
    let files = files.collect();
    Ok(Layout { registry, files, communes })
}

impl Layout {
    /// Every file to publish, as `(path, text)`: the registry as `registry_name`, then
    /// `communes/KEY.json`, by key.
    pub fn paths<'a>(&'a self, registry_name: &'a str) -> impl Iterator<Item = (String, &'a str)> + 'a {
        let commune_files = self.files.iter().map(|(key, text)| ([FOLDER, key, ".json"].concat(), text.as_str()));
        std::iter::once((registry_name.to_owned(), self.registry.as_str())).chain(commune_files)
    }
}

/// The file of `key`: `{"circos":[{"circo":…,"communes":[…]}…],"format":…,"key":…}` and
/// a new line, compact, its keys in order, each commune as `written`: the very bytes
/// serde_json writes for that object (a test compares them).
fn file_text(key: &str, circos: &[(&str, Vec<usize>)], written: &[String]) -> String {
    let quoted = |s: &str| Value::from(s).to_string();
    let mut text = String::from("{\"circos\":[");
    for (n, (slug, listed)) in circos.iter().enumerate() {
        if n > 0 {
            text.push(',');
        }
        text.push_str("{\"circo\":");
        text.push_str(&quoted(slug));
        text.push_str(",\"communes\":[");
        for (m, at) in listed.iter().enumerate() {
            if m > 0 {
                text.push(',');
            }
            text.push_str(&written[*at]);
        }
        text.push_str("]}");
    }
    text.push_str("],\"format\":");
    text.push_str(&quoted(COMMUNES_FORMAT));
    text.push_str(",\"key\":");
    text.push_str(&quoted(key));
    text.push_str("}\n");
    text
}

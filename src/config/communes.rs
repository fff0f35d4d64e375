//! A registry's commune files (`communes_url`, `"format": "circo-don-communes/1"`):
//! for a movement of all of France, whose 35 000 communes would not fit in its registry,
//! the communes live in small files the widget loads only when a donor's search needs
//! them. A file is named by a *search key*, the first three characters of a searched word
//! (`sai.json`, `eti.json`, `420.json`): it holds every commune that a query word
//! starting with those characters can find, circo by circo. A commune is in the file of
//! each of its keys ([`commune_keys`]): the start of each of its name's words (with the
//! words after it, for a name typed without its separators) and of each postal code. A
//! query asks for the keys of its words ([`query_keys`]); whichever of them arrives,
//! each commune the query finds is in it. `circo-don communes` writes the files from a
//! registry that lists its communes; `circo-don check` reads them back.

use super::format::{CommunesFile, COMMUNES_FORMAT};
use super::json;
use super::problem::{type_problem, CheckId, Problem};
use super::registry::{spelt_out, Commune, Registry};
use super::text::normalize;
use super::validate::{check_communes, Checker};
use crate::i18n::fill_both;

// The functions the widget calls to load commune files are kept out of line
// (`#[inline(never)]`): inlined into the loading future they measured 0.5 KB gzip more
// in the widget (docs/communes-widget.patch).

/// A search key's length, in ASCII characters.
pub const KEY_LEN: usize = 3;

/// At most this many keys are asked for one query (its first words).
pub const MAX_QUERY_KEYS: usize = 4;

/// `s`'s key: its first [`KEY_LEN`] characters, if they are lower-case ASCII letters or
/// digits (what [`normalize`] leaves of a French name, accents gone).
fn key_of(s: &str) -> Option<String> {
    let key = s.get(..KEY_LEN)?;
    key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()).then(|| key.to_owned())
}

/// The files a donor's `query` needs: the key of each of its words of three characters
/// or more (`st` and `ste` spelt out, as the search reads them, and kept as typed too),
/// and of the query with its spaces dropped (`lhay`); none for a query without such a
/// word (`75`, `2a`: the circos' own names and numbers answer it).
#[inline(never)]
pub fn query_keys(query: &str) -> Vec<String> {
    let normalized = normalize(query);
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let mut keys: Vec<String> = Vec::new();
    let joined = words.concat();
    for candidate in words.iter().flat_map(|w| [spelt_out(w), w]).chain([joined.as_str()]) {
        if let Some(key) = key_of(candidate) {
            if !keys.contains(&key) && keys.len() < MAX_QUERY_KEYS {
                keys.push(key);
            }
        }
    }
    keys
}

/// The keys whose files must hold `commune`: the key of its name from each word on
/// (`Saint-Étienne`: `sai`, `eti`; `L’Haÿ-les-Roses`: `lha`, `hay`, `les`, `ros`) and
/// of each postal code (`420`).
#[inline(never)]
pub fn commune_keys(commune: &Commune) -> Vec<String> {
    let words = commune.search_words();
    let mut keys: Vec<String> = Vec::new();
    let from_each_word = (0..words.len()).map(|i| words[i..].concat());
    for key in from_each_word.chain(commune.postal_codes.iter().cloned()).filter_map(|s| key_of(&s)) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The communes a file gives, circo by circo (each circo by its position in the
/// registry's entries).
pub type Found = Vec<(usize, Vec<Commune>)>;

/// The communes that the commune files read so far add to a registry's circos, by
/// position in its entries: the search reads them with the circos' own
/// ([`Registry::matches_with`]), so the registry itself is never copied to grow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added(Vec<Vec<Commune>>);

/// No commune added.
pub static NONE_ADDED: Added = Added(Vec::new());

impl Added {
    /// Adds the communes of a commune file read against `registry` to their circos,
    /// each once (by INSEE code, the circo's own communes counted).
    #[inline(never)]
    pub fn add(&mut self, registry: &Registry, found: Found) {
        for (at, communes) in found {
            let Some(entry) = registry.entries.get(at) else { continue };
            if self.0.len() <= at {
                self.0.resize_with(at + 1, Vec::new);
            }
            let added = &mut self.0[at];
            for commune in communes {
                if !entry.communes.iter().chain(added.iter()).any(|c| c.insee == commune.insee) {
                    added.push(commune);
                }
            }
        }
    }

    /// The communes added to the entry at `at`.
    pub fn of(&self, at: usize) -> &[Commune] {
        self.0.get(at).map_or(&[], Vec::as_slice)
    }
}

/// Reads the commune file asked for by `key`, `text`, against `registry`: checked like
/// a registry's own communes, its `key` the one asked for, each commune found by it, each
/// circo one of the registry's (the others are left out, with a warning). `None` when it
/// has an error: the search then goes on without it.
#[inline(never)]
pub fn load_communes(text: &str, key: &str, registry: &Registry) -> (Option<Found>, Vec<Problem>) {
    let mut problems = Vec::new();
    let found = read(text, key, registry, &mut problems);
    let ok = !problems.iter().any(Problem::is_error);
    (found.filter(|_| ok), problems)
}

#[inline(never)]
fn read(text: &str, key: &str, registry: &Registry, problems: &mut Vec<Problem>) -> Option<Found> {
    let (text, root) = super::parse_document(text, problems)?;
    if root.get("format").and_then(json::Node::as_str) != Some(COMMUNES_FORMAT) {
        problems.push(Problem::error("format", CheckId::FormatVersion, || fill_both(
            "Ce fichier de communes doit avoir \"format\": \"{}\".",
            "This commune file must have \"format\": \"{}\".",
            &[COMMUNES_FORMAT],
        )));
        return None;
    }
    let file: CommunesFile = match json::read(&root, text) {
        Ok(file) => file,
        Err((path, e)) => {
            problems.push(type_problem("", &path, &e));
            return None;
        }
    };
    if file.key != key {
        problems.push(Problem::error("key", CheckId::CommunesKey, || fill_both(
            "Ce fichier a la clé « {} » mais a été demandé comme « {} » : renommez-le {}.json ou corrigez sa clé.",
            "This file has key “{}” but was asked for as “{}”: rename it {}.json or fix its key.",
            &[&super::validate::shorten(&file.key), key, &super::validate::shorten(&file.key)],
        )));
        return None;
    }
    let mut c = Checker::new(problems);
    let mut found = Vec::with_capacity(file.circos.len());
    for (i, circo) in file.circos.iter().enumerate() {
        let at = format!("circos[{i}]");
        let Some(at_entry) = registry.position(&circo.circo) else {
            c.warning(&format!("{at}.circo"), CheckId::CommunesCirco, || fill_both(
                "Le registre ne liste pas la circonscription « {} » : ses communes sont laissées de côté.",
                "The registry does not list circonscription “{}”: its communes are left out.",
                &[&super::validate::shorten(&circo.circo)],
            ));
            continue;
        };
        let path = format!("{at}.communes");
        let communes = check_communes(&mut c, &path, &circo.communes);
        for (k, commune) in communes.iter().enumerate() {
            if !commune_keys(commune).iter().any(|k| k == key) {
                c.error(&format!("{path}[{k}]"), CheckId::CommunesKey, || fill_both(
                    "La commune {} n’est pas trouvée par la clé « {} » : elle n’a rien à faire dans ce fichier.",
                    "Commune {} is not found by key “{}”: it does not belong in this file.",
                    &[&commune.name, key],
                ));
            }
        }
        found.push((at_entry, communes));
    }
    Some(found)
}


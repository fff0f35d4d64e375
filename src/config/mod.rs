//! The circo's account configuration: format, validation, registry of many circos.
//! Pure: the widget fetches the text, this module only reads it.
//!
//! - [`format`](mod@format): the JSON files as written by collectives (raw types, from which
//!   the JSON Schema is generated);
//! - `json`: the JSON reader (the same in the widget and the command line, no serde in
//!   it): each format type's fields declared once, and typed errors (the kinds of
//!   serde_json's syntax errors and serde's type errors), each with its field path and
//!   place; `words` writes their messages;
//! - [`validate`]: the checks, each problem a [`Problem`] with a path, a stable rule id
//!   and a bilingual message;
//! - [`model`]: the validated account ([`ValidAccount`]) the widget uses;
//! - [`registry`]: a movement's list of circos, slugs and search.
//!
//! The entry point is [`load`]: it tells an account from a registry by `format`. The
//! format and every rule id are documented for collectives in `schema/README.md`.
//!
//! **Architecture Invariant:** no I/O, no clock, no web dependency: this module
//! compiles to wasm unchanged and never panics on any input.
//!
//! A minimal account file:
//!
//! ```json
//! {
//!   "format": "circo-don/1",
//!   "election": { "kind": "legislative", "first_round": "2027-06-13", "second_round": "2027-06-20" },
//!   "circo": { "department": "75", "number": 1, "name": "Paris, 1re circonscription" },
//!   "candidate": { "name": "Camille Martin" },
//!   "mandataire": { "kind": "person", "name": "Claude Durand", "designated_on": "2027-01-15",
//!                   "account_title": "Claude Durand, mandataire financier de Camille Martin" },
//!   "payment": { "transfer": { "holder": "Claude Durand, mandataire financier de Camille Martin",
//!                              "iban": "FR76 3000 1007 9412 3456 7890 185" } },
//!   "presets": [20, 37, 50, 100]
//! }
//! ```

pub mod communes;
pub mod format;
mod json;
pub mod model;
pub mod problem;
pub mod registry;
mod text;
pub mod validate;
mod words;

pub(crate) use problem::{json_problem, type_problem, type_problem_unplaced};
/// The format types' declarations, for the builder (see `json::Shape`).
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub(crate) use json::{Child, Shape};

pub use format::{AccountFile, RegistryFile, ACCOUNT_FORMAT, COMMUNES_FORMAT, REGISTRY_FORMAT};
pub use model::{slug, ValidAccount};
pub use problem::{CheckId, Problem, Severity};
pub use registry::{Commune, Entry, Match, Registry, Resolved, Target};
pub use text::normalize;

use crate::embed::MAX_CONFIG_BYTES;
use crate::i18n::{fill_both, Text};

/// A validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Config {
    /// One circo's account.
    Account(Box<ValidAccount>),
    /// A movement's registry of circos.
    Registry(Registry),
}

/// What [`load`] found: the configuration if it is usable, and every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// An account: present only when there is no error. A registry: present when its
    /// structure is readable; a problem under `circos[i]` concerns that entry only
    /// (marked [`Target::Invalid`], or left out when its slug is unusable).
    pub config: Option<Config>,
    /// Errors and warnings, in the file's order of checks.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// The problems of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The problems of severity [`Severity::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The problems about one registry entry (paths under `circos[i]`), to show the
    /// collective why a circo is unavailable.
    pub fn problems_of<'a>(&'a self, entry: &Entry) -> impl Iterator<Item = &'a Problem> + 'a {
        let prefix = format!("circos[{}]", entry.index);
        self.problems.iter().filter(move |p| {
            p.path.strip_prefix(&prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }

    /// The valid account, if this is one.
    pub fn account(&self) -> Option<&ValidAccount> {
        match &self.config {
            Some(Config::Account(a)) => Some(a),
            _ => None,
        }
    }

    /// The registry, if this is one.
    pub fn registry(&self) -> Option<&Registry> {
        match &self.config {
            Some(Config::Registry(r)) => Some(r),
            _ => None,
        }
    }
}

/// Reads a configuration: an account (`"format": "circo-don/1"`) or a registry
/// (`"format": "circo-don-registry/1"`). Never panics; returns every problem found.
pub fn load(text: &str) -> Loaded {
    load_within(text, MAX_CONFIG_BYTES)
}

/// [`load`] with another size limit: `circo-don communes` reads a registry listing all
/// of France's communes, too large for a page, to write it as one that is not.
pub fn load_within(text: &str, limit: u64) -> Loaded {
    let mut problems = Vec::new();
    let config = load_into(text, limit, &mut problems);
    Loaded { config, problems }
}

/// `text` without its byte-order mark, parsed; a syntax error is the file's problem.
/// Every file the crate reads (a configuration, a commune file) starts here.
pub(crate) fn parse_document<'t>(text: &'t str, problems: &mut Vec<Problem>) -> Option<(&'t str, json::Node<'t>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match json::parse(text) {
        Ok(root) => Some((text, root)),
        Err(e) => {
            problems.push(json_problem("", &e, true));
            None
        }
    }
}

fn load_into(text: &str, limit: u64, problems: &mut Vec<Problem>) -> Option<Config> {
    // The widget's download limit, so that the builder, the command line and the widget
    // refuse the same files (an inline `<script>` configuration too).
    if text.len() as u64 > limit {
        problems.push(Problem::error(
            "",
            CheckId::FileTooLarge,
            || {
                let size = [validate::int(text.len() as i64), validate::int(MAX_CONFIG_BYTES as i64)];
                // A registry listing its communes is what `circo-don communes` splits; the
                // registry left may still be over the limit (inline accounts).
                if text.contains("\"communes\"") && text.contains(REGISTRY_FORMAT) {
                    fill_both(
                        "Le fichier fait {} octets, plus que la limite de {} : mettez les communes à part (« circo-don communes », ou le fichier zip du préparateur, section « Toute la France : les communes à part ») ; si le registre sans elles dépasse encore la limite, mettez aussi les comptes en ligne dans des fichiers liés. Cette version du module y cherche alors par département et par circonscription, pas encore par commune.",
                        "The file is {} bytes, more than the {} limit: put the communes apart (“circo-don communes”, or the builder's zip file, section “All of France: the communes apart”); if the registry without them is still over the limit, move inline accounts to linked files too. This version of the widget then searches it by department and circonscription, not yet by town.",
                        &[&size[0], &size[1]],
                    )
                } else {
                    fill_both(
                        "Le fichier fait {} octets, plus que la limite de {} : découpez le registre en liens vers des fichiers par circonscription.",
                        "The file is {} bytes, more than the {} limit: split the registry into links to one file per circonscription.",
                        &[&size[0], &size[1]],
                    )
                }
            },
        ));
        return None;
    }
    let (text, root) = parse_document(text, problems)?;
    if !root.is_object() {
        problems.push(Problem::error(
            "",
            CheckId::NotAnObject,
            || Text::new(
                "Le fichier doit contenir un objet JSON { ... } avec \"format\": \"circo-don/1\".",
                "The file must hold a JSON object { ... } with \"format\": \"circo-don/1\".",
            ),
        ));
        return None;
    }
    match root.get("format").and_then(json::Node::as_str) {
        Some(ACCOUNT_FORMAT) => {
            match json::read::<AccountFile>(&root, text) {
                Ok(file) => validate::validate_account(&file, "", problems).map(|a| Config::Account(Box::new(a))),
                Err((path, e)) => {
                    problems.push(type_problem("", &path, &e));
                    None
                }
            }
        }
        Some(REGISTRY_FORMAT) => registry::load_registry(text, &root, problems),
        Some(other) => {
            problems.push(Problem::error(
                "format",
                CheckId::FormatVersion,
                || fill_both(
                    "Format « {} » inconnu : cette version du widget lit \"{}\" (un compte) et \"{}\" (un registre).",
                    "Unknown format “{}”: this version of the widget reads \"{}\" (an account) and \"{}\" (a registry).",
                    &[&validate::shorten(other), ACCOUNT_FORMAT, REGISTRY_FORMAT],
                ),
            ));
            None
        }
        None => {
            problems.push(Problem::error(
                "format",
                CheckId::FormatMissing,
                || fill_both(
                    "Le champ \"format\" manque (ou n’est pas un texte) : ajoutez \"format\": \"{}\" en tête du fichier.",
                    "The \"format\" field is missing (or not a string): add \"format\": \"{}\" at the top of the file.",
                    &[ACCOUNT_FORMAT],
                ),
            ));
            None
        }
    }
}


/// The JSON Schema of an account file, generated from [`AccountFile`].
#[cfg(not(target_arch = "wasm32"))]
pub fn account_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(AccountFile)).unwrap_or(serde_json::Value::Null)
}

/// The JSON Schema of a registry's commune file, generated from [`format::CommunesFile`].
#[cfg(not(target_arch = "wasm32"))]
pub fn communes_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(format::CommunesFile)).unwrap_or(serde_json::Value::Null)
}

/// The JSON Schema of a registry file, generated from [`RegistryFile`].
#[cfg(not(target_arch = "wasm32"))]
pub fn registry_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RegistryFile)).unwrap_or(serde_json::Value::Null)
}


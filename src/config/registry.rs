//! A movement's registry of circos (`"format": "circo-don-registry/1"`): up to all
//! 577 circos and more, each an inline account or a link to its file; stable slugs
//! and an accent-insensitive search for the widget's circo picker.

use serde::Deserialize;
use serde_json::Value;

use super::format::{AccountFile, LinkFile, ACCOUNT_FORMAT};
use super::model::{slug, ValidAccount};
use super::problem::{join, Problem};
use super::text::normalize;
use super::validate::{check_circo_key, shorten, url_scheme, validate_account, Checker, MAX_TITLE_CHARS, MAX_URL_CHARS};
use super::{type_problem, Config};

/// A validated registry. Entries whose department or number is unusable are left out
/// (their problems are reported); an inline account with errors stays listed, so that
/// donors searching for it are told it is unavailable, but has [`Target::Invalid`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registry {
    /// The movement's name.
    pub name: Option<String>,
    pub entries: Vec<Entry>,
}

/// One circo of a registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable slug (`75-01`): see [`slug`]. Unique within the registry.
    pub slug: String,
    /// Department code, upper case.
    pub department: String,
    pub number: u16,
    pub name: String,
    pub target: Target,
    /// Position in the file's `circos` array: problems about this entry have paths
    /// starting with `circos[index]` (see [`super::Loaded::problems_of`]).
    pub index: usize,
    /// Normalised words searched by [`Registry::search`].
    words: Vec<String>,
}

/// Where an entry's account is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Given inline and valid.
    Inline(Box<ValidAccount>),
    /// To be fetched: relative to the registry's address, or `https:`. Once fetched,
    /// [`super::load`] checks it like any account file.
    Link(String),
    /// Given inline with errors (see the problems at `circos[i]`): the widget must
    /// not show its payment details.
    Invalid,
}

impl Entry {
    fn new(index: usize, department: String, number: u16, name: String, target: Target) -> Entry {
        let mut words: Vec<String> = normalize(&name).split(' ').map(str::to_owned).collect();
        words.push(department.to_lowercase());
        Entry { slug: slug(&department, number), department, number, name, target, index, words }
    }

    /// Whether every word of the (normalised) query matches this entry: a number
    /// matches the department or circo number (`1`, `01`) or an ordinal in the name
    /// (`1re`); other words match the department code or begin a word of the name.
    fn matches(&self, query_words: &[&str]) -> bool {
        query_words.iter().all(|q| {
            if self.slug.eq_ignore_ascii_case(q) || self.department.eq_ignore_ascii_case(q) {
                return true;
            }
            if q.bytes().all(|b| b.is_ascii_digit()) {
                let n: Option<u32> = q.parse().ok();
                n == Some(u32::from(self.number))
                    || self.words.iter().any(|w| {
                        w.strip_prefix(q).is_some_and(|rest| matches!(rest, "" | "e" | "er" | "re" | "eme" | "ere" | "nd" | "nde"))
                    })
            } else {
                self.words.iter().any(|w| w.starts_with(q))
            }
        })
    }
}

impl Entry {
    /// Checks that the account fetched through this entry's link is the circo the
    /// registry announced. A mismatch is an error: a donor who picked this circo would
    /// otherwise see another candidate's payment details.
    pub fn check_linked(&self, account: &ValidAccount) -> Option<Problem> {
        let found = account.slug();
        (found != self.slug).then(|| {
            Problem::error(
                "circo",
                "link-mismatch",
                crate::i18n::Text::new(
                    format!("Le registre annonce la circonscription {} mais le fichier lié décrit la {found} : corrigez le lien ou le fichier.", self.slug),
                    format!("The registry announces circonscription {} but the linked file describes {found}: fix the link or the file.", self.slug),
                ),
            )
        })
    }
}

impl Registry {
    /// The entries matching `query`, in registry order; all of them for an empty query.
    /// Case- and accent-insensitive: `paris 1`, `75`, `2a`, `Île`, `75-01` all work.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let normalized = normalize(query);
        // Keep a slug typed as such (`2A-02`) whole, as well as its parts.
        let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
        let trimmed = query.trim();
        if let Some(entry) = self.find(trimmed) {
            return vec![entry];
        }
        self.entries.iter().filter(|e| e.matches(&words)).collect()
    }

    /// The entry with this slug (case-insensitive, `75-1` accepted for `75-01`).
    pub fn find(&self, slug_text: &str) -> Option<&Entry> {
        let (dept, number) = slug_text.trim().rsplit_once('-')?;
        let number: u16 = number.parse().ok()?;
        let wanted = slug(dept, number);
        self.entries.iter().find(|e| e.slug == wanted)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryHead {
    #[allow(dead_code)]
    format: String,
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    schema: Option<String>,
    #[serde(default)]
    name: Option<String>,
    circos: Vec<Value>,
}

/// Parses and validates a registry whose `format` was already recognised.
pub(crate) fn load_registry(text: &str, problems: &mut Vec<Problem>) -> Option<Config> {
    let mut de = serde_json::Deserializer::from_str(text);
    let head: RegistryHead = match serde_path_to_error::deserialize(&mut de) {
        Ok(head) => head,
        Err(e) => {
            problems.push(type_problem("", &e));
            return None;
        }
    };
    let name = head.name.as_deref().map(|n| Checker::new(problems).text("name", n, MAX_TITLE_CHARS));
    let mut entries: Vec<Entry> = Vec::with_capacity(head.circos.len());
    for (i, value) in head.circos.iter().enumerate() {
        let prefix = format!("circos[{i}]");
        let is_link = value.as_object().is_some_and(|o| o.contains_key("url"));
        let entry = if is_link {
            load_link(i, value, &prefix, problems)
        } else {
            load_inline(i, value, &prefix, problems)
        };
        let Some(entry) = entry else { continue };
        if let Some(first) = entries.iter().position(|e| e.slug == entry.slug) {
            problems.push(Problem::error(
                &prefix,
                "duplicate-slug",
                crate::i18n::Text::new(
                    format!("La circonscription {} figure deux fois (aussi en circos[{first}]) : gardez une seule entrée.", entry.slug),
                    format!("Circonscription {} is listed twice (also at circos[{first}]): keep one entry.", entry.slug),
                ),
            ));
            continue;
        }
        entries.push(entry);
    }
    if entries.is_empty() && head.circos.is_empty() {
        problems.push(Problem::error(
            "circos",
            "registry-empty",
            crate::i18n::Text::new("La liste « circos » est vide : ajoutez au moins une circonscription.", "The “circos” list is empty: add at least one circonscription."),
        ));
    }
    Some(Config::Registry(Registry { name, entries }))
}

fn load_link(index: usize, value: &Value, prefix: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    let link: LinkFile = match serde_path_to_error::deserialize(value) {
        Ok(link) => link,
        Err(e) => {
            problems.push(type_problem(prefix, &e));
            return None;
        }
    };
    let key = check_circo_key(problems, prefix, &link.department, link.number);
    let mut c = Checker::new(problems);
    let name = c.text(&join(prefix, "name"), &link.name, MAX_TITLE_CHARS);
    let path = join(prefix, "url");
    let url = c.text(&path, &link.url, MAX_URL_CHARS);
    match url_scheme(&url).as_deref() {
        None | Some("https") => {
            if url.contains(char::is_whitespace) {
                c.error(&path, "url-invalid", "Cette adresse contient une espace : remplacez-la par %20 ou renommez le fichier.", "This address contains a space: replace it with %20 or rename the file.");
            }
        }
        Some(scheme) => c.error(
            &path,
            "url-scheme",
            format!("« {} » : seules les adresses relatives (circos/75-01.json) ou https:// sont acceptées, pas « {scheme}: ».", shorten(&url)),
            format!("“{}”: only relative (circos/75-01.json) or https:// addresses are accepted, not “{scheme}:”.", shorten(&url)),
        ),
    }
    let errors = c.errors;
    let (department, number) = key?;
    (errors == 0).then(|| Entry::new(index, department, number, name, Target::Link(url)))
}

fn load_inline(index: usize, value: &Value, prefix: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    if !value.is_object() {
        problems.push(Problem::error(
            prefix,
            "json-type",
            crate::i18n::Text::new(
                "Chaque entrée de « circos » est un objet : un compte complet, ou un lien { \"department\", \"number\", \"name\", \"url\" }.",
                "Each entry of “circos” is an object: a full account, or a link { \"department\", \"number\", \"name\", \"url\" }.",
            ),
        ));
        return None;
    }
    let file: AccountFile = match serde_path_to_error::deserialize(value) {
        Ok(file) => file,
        Err(e) => {
            problems.push(type_problem(prefix, &e));
            return None;
        }
    };
    debug_assert!(!ACCOUNT_FORMAT.is_empty());
    let key = check_circo_key(&mut Vec::new(), "", &file.circo.department, file.circo.number);
    let account = validate_account(&file, prefix, problems);
    let (department, number) = key?;
    let name = file.circo.name.trim().to_owned();
    Some(match account {
        Some(account) => Entry::new(index, department, number, name, Target::Inline(Box::new(account))),
        None => Entry::new(index, department, number, name, Target::Invalid),
    })
}

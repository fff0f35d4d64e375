//! The builder's core: a collective fills a form and gets its `circo.json`, without
//! writing JSON. Pure like the rest of the core: the page (`src/builder_page`, wasm32)
//! only draws what this module returns and hands it what the collective types.
//!
//! - [`Draft`]: the configuration being edited, as JSON, changed one field at a time;
//!   it is checked by [`config::load`], the very function behind the widget and
//!   `circo-don check`, so every problem and its wording are theirs;
//! - [`fields`]: the form as data (groups, fields, paths, help);
//! - [`words`]: the page's own sentences, and the embed snippet;
//! - [`json`]: the saved file's layout;
//! - [`communes`]: a registry split for all of France, its commune files apart.

pub mod communes;
pub mod fields;
pub mod json;
pub mod words;

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::config::{self, Config, Loaded, Problem, ValidAccount, ACCOUNT_FORMAT, REGISTRY_FORMAT};
use crate::i18n::Text;
use crate::payment::iban::group_iban;
use fields::{account_groups, link_group, registry_group, Field, Group, Kind};

/// What the prerendered snippet is made of: the account and the two addresses as
/// [`words::addresses`] reads them. The page hands them, with its clock's day, to
/// `widget::render::render_snippet`, the function behind `circo-don render`.
#[derive(Debug)]
pub struct Prerender<'a> {
    pub account: &'a ValidAccount,
    pub config_url: String,
    pub base: String,
}

/// The prerendered snippet's parts for `loaded` (a [`Draft::check`]), or why there is
/// none: like `circo-don render`, never for a configuration with an error; a registry's
/// is per circo.
pub fn prerender<'a>(loaded: &'a Loaded, config_url: &str, files_url: &str) -> Result<Prerender<'a>, Text> {
    let w = words::page();
    match &loaded.config {
        Some(Config::Account(account)) if !loaded.has_errors() => {
            let (config_url, base) = words::addresses(config_url, files_url);
            Ok(Prerender { account, config_url, base })
        }
        Some(Config::Registry(_)) => Err(w.prerender_per_circo),
        _ => Err(w.prerender_broken),
    }
}

/// A commune as the collective types it: `name ; insee ; postal codes` (the empty parts
/// at the end left out).
fn commune_line(commune: &Value) -> String {
    let text = |key: &str| commune.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let codes: Vec<&str> = commune.get("postal_codes").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut parts = vec![text("name"), text("insee"), codes.join(" ")];
    while parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join(" ; ")
}

/// A typed commune line as the format stores it; what is missing is left empty, for
/// the check to say so at the field.
fn commune_value(line: &str) -> Value {
    let mut parts = line.split(';').map(str::trim);
    let (name, insee) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let codes: Vec<Value> = parts.flat_map(|p| p.split([' ', ',']).filter(|c| !c.is_empty())).map(|c| Value::String(c.to_owned())).collect();
    let mut commune = Map::new();
    commune.insert("name".into(), Value::String(name.to_owned()));
    commune.insert("insee".into(), Value::String(insee.to_owned()));
    if !codes.is_empty() {
        commune.insert("postal_codes".into(), Value::Array(codes));
    }
    Value::Object(commune)
}

/// What the builder is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Account,
    Registry,
    /// A file that is not a configuration this version reads (not JSON, no `format`):
    /// only its problems are shown.
    Unreadable,
}

/// The configuration being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    value: Value,
    /// What an imported file that is not a JSON object said, checked as it was.
    unreadable: Option<String>,
    /// Optional parts switched off, kept to be restored if switched on again.
    stash: BTreeMap<String, Value>,
}

impl Default for Draft {
    fn default() -> Draft {
        Draft::new()
    }
}

impl Draft {
    /// An empty account with the format's required keys present (empty), so that every
    /// missing piece is reported at once, at its own field.
    pub fn new() -> Draft {
        let value = json!({
            "format": ACCOUNT_FORMAT,
            "election": { "kind": "legislative", "first_round": "" },
            "circo": { "department": "", "number": 1, "name": "" },
            "candidate": { "name": "" },
            "mandataire": { "kind": "person", "name": "", "designated_on": "", "account_title": "" },
            "payment": { "transfer": { "holder": "", "iban": "" } },
            "presets": [20, 50, 100, 200],
            "default_lang": "fr"
        });
        Draft { value, unreadable: None, stash: BTreeMap::new() }
    }

    /// A file the collective opened: an account, a registry, or anything else (its
    /// problems are then all the builder shows).
    pub fn import(text: &str) -> Draft {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match serde_json::from_str::<Value>(text) {
            Ok(value @ Value::Object(_)) => Draft { value, unreadable: None, stash: BTreeMap::new() },
            _ => Draft { value: Value::Null, unreadable: Some(text.to_owned()), stash: BTreeMap::new() },
        }
    }

    pub fn shape(&self) -> Shape {
        match self.value.get("format").and_then(Value::as_str) {
            _ if self.unreadable.is_some() => Shape::Unreadable,
            Some(REGISTRY_FORMAT) => Shape::Registry,
            Some(ACCOUNT_FORMAT) => Shape::Account,
            _ => Shape::Unreadable,
        }
    }

    /// An empty registry for a movement: its circos are added one by one, or many
    /// account files at once.
    pub fn new_registry() -> Draft {
        let value = json!({ "format": REGISTRY_FORMAT, "circos": [] });
        Draft { value, unreadable: None, stash: BTreeMap::new() }
    }

    /// The registry's entries, when this is one.
    fn entries(&mut self) -> Option<&mut Vec<Value>> {
        if self.shape() != Shape::Registry {
            return None;
        }
        // Kept aside parts are named by path: a change of order would misplace them.
        self.stash.clear();
        let map = self.value.as_object_mut()?;
        map.entry("circos").or_insert_with(|| Value::Array(Vec::new())).as_array_mut()
    }

    /// Changes a registry's list: adds an entry at the end (a link to a circo's own
    /// file, or the account itself, empty as [`Draft::new`]), removes or moves one.
    pub fn edit_entries(&mut self, edit: EntryEdit) {
        let fresh = match edit {
            EntryEdit::AddLink => json!({ "department": "", "number": 1, "name": "", "url": "" }),
            EntryEdit::AddInline => Draft::new().value,
            _ => return self.change_entry(edit),
        };
        if let Some(entries) = self.entries() {
            entries.push(fresh);
        }
    }

    fn change_entry(&mut self, edit: EntryEdit) {
        let Some(entries) = self.entries() else { return };
        let n = entries.len();
        match edit {
            EntryEdit::Remove(i) if i < n => {
                entries.remove(i);
            }
            EntryEdit::Up(i) if i > 0 && i < n => entries.swap(i - 1, i),
            EntryEdit::Down(i) if i + 1 < n => entries.swap(i, i + 1),
            _ => {}
        }
    }

    /// Adds each of `texts` that is an account file to a registry, as an inline entry;
    /// returns how many were not (left out).
    pub fn add_accounts(&mut self, texts: &[String]) -> usize {
        let accounts: Vec<Value> = texts
            .iter()
            .filter_map(|t| serde_json::from_str::<Value>(t.strip_prefix('\u{feff}').unwrap_or(t)).ok())
            .filter(|v| v.get("format").and_then(Value::as_str) == Some(ACCOUNT_FORMAT))
            .collect();
        let added = accounts.len();
        match self.entries() {
            Some(entries) => {
                entries.extend(accounts);
                texts.len() - added
            }
            None => texts.len(),
        }
    }

    /// The file as it will be saved.
    pub fn text(&self) -> String {
        match &self.unreadable {
            Some(text) => text.clone(),
            None => json::pretty(&self.value),
        }
    }

    /// Every problem of the file, as the widget and `circo-don check` find them.
    pub fn check(&self) -> Loaded {
        config::load(&self.text())
    }

    /// The form for this file: an account's groups; a registry's own group, then each
    /// entry's (a link's fields, or an inline account's groups).
    pub fn groups(&self) -> Vec<Group> {
        match self.shape() {
            Shape::Account => account_groups(""),
            Shape::Unreadable => Vec::new(),
            Shape::Registry => {
                let mut groups = vec![registry_group()];
                let entries = self.value.get("circos").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
                for (i, entry) in entries.iter().enumerate() {
                    let prefix = format!("circos[{i}]");
                    let first = groups.len();
                    if entry.get("url").is_some() || entry.get("format").is_none() {
                        groups.push(link_group(&prefix, words::entry_legend(i, true)));
                    } else {
                        groups.extend(account_groups(&prefix).into_iter().map(|mut g| {
                            g.legend = words::in_entry(i, &g.legend);
                            g
                        }));
                    }
                    if let Some(g) = groups.get_mut(first) {
                        g.entry = Some(i);
                    }
                }
                groups
            }
        }
    }

    /// What the field shows: its value as the collective would type it.
    pub fn get(&self, field: &Field) -> String {
        let Some(value) = lookup(&self.value, &field.path) else { return String::new() };
        match (value, &field.kind) {
            (Value::String(s), _) => s.clone(),
            (Value::Array(items), Kind::Communes) => items.iter().map(commune_line).collect::<Vec<_>>().join("\n"),
            (Value::Array(items), Kind::Lines) => items.iter().map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())).collect::<Vec<_>>().join("\n"),
            (Value::Array(items), _) => items.iter().map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())).collect::<Vec<_>>().join(", "),
            (Value::Null, _) => String::new(),
            (other, _) => other.to_string(),
        }
    }

    /// Sets a field from what the collective typed. `done` is true when they left the
    /// field (the IBAN is then put in its print form: as typed, the cursor would jump).
    pub fn set(&mut self, field: &Field, typed: &str, done: bool) {
        let value = match &field.kind {
            _ if typed.trim().is_empty() && !field.required => None,
            Kind::Integer => Some(integer(typed)),
            Kind::Presets => Some(Value::Array(typed.split([',', ';']).filter(|s| !s.trim().is_empty()).map(integer).collect())),
            Kind::Lines => Some(Value::Array(typed.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Value::String(l.to_owned())).collect())),
            Kind::Communes => Some(Value::Array(typed.lines().filter(|l| !l.trim().is_empty()).map(commune_value).collect())),
            Kind::Iban if done => Some(Value::String(group_iban(typed))),
            _ => Some(Value::String(typed.to_owned())),
        };
        if field.path.ends_with("mandataire.account_title") {
            self.follow_title(&field.path, typed);
        }
        match value {
            Some(v) => store(&mut self.value, &field.path, v),
            None => remove(&mut self.value, &field.path),
        }
    }

    /// The payee and the holder repeat the account title: while they are equal to it
    /// (or empty), they follow it.
    fn follow_title(&mut self, title_path: &str, title: &str) {
        let prefix = title_path.trim_end_matches("mandataire.account_title");
        let old = lookup(&self.value, title_path).and_then(Value::as_str).unwrap_or("").to_owned();
        for path in ["payment.cheque.payee", "payment.transfer.holder"] {
            let path = format!("{prefix}{path}");
            let follows = lookup(&self.value, &path).and_then(Value::as_str).is_some_and(|v| v == old || v.is_empty());
            if follows {
                store(&mut self.value, &path, Value::String(title.to_owned()));
            }
        }
    }

    /// Whether an optional part (`payment.cheque`) is in the file.
    pub fn is_on(&self, path: &str) -> bool {
        match lookup(&self.value, path) {
            None | Some(Value::Null) => false,
            Some(v) => v.get("accepted") != Some(&Value::Bool(false)),
        }
    }

    /// Switches an optional part on (as it was, or with what it needs) or off (kept
    /// aside in case it comes back).
    pub fn switch(&mut self, path: &str, on: bool) {
        if on == self.is_on(path) {
            return;
        }
        if on {
            let value = self.stash.remove(path).unwrap_or_else(|| self.fresh(path));
            store(&mut self.value, path, value);
        } else if let Some(value) = lookup(&self.value, path).cloned() {
            self.stash.insert(path.to_owned(), value);
            remove(&mut self.value, path);
        }
    }

    /// What a part holds when first switched on: the payee and holder are the title.
    fn fresh(&self, path: &str) -> Value {
        let prefix = path.rsplit_once("payment.").map(|(p, _)| p).unwrap_or("");
        let title = lookup(&self.value, &format!("{prefix}mandataire.account_title")).and_then(Value::as_str).unwrap_or("").to_owned();
        match path.rsplit('.').next().unwrap_or("") {
            "cheque" => json!({ "payee": title, "address": [] }),
            "transfer" => json!({ "holder": title, "iban": "" }),
            "card" => json!({ "url": "", "operator": "" }),
            "cash" => json!({ "accepted": true }),
            "goal" => json!({ "target": 0 }),
            _ => json!({}),
        }
    }
}

/// A change to a registry's list of circos.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryEdit {
    AddLink,
    AddInline,
    Remove(usize),
    Up(usize),
    Down(usize),
}

/// A whole number as typed (`125 000` included); anything else is kept as text, so
/// that the format's check names the field.
fn integer(typed: &str) -> Value {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    digits.parse::<i64>().map(Value::from).unwrap_or(Value::String(typed.trim().to_owned()))
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `circos[2].payment.iban` as steps; `None` for a path this module never writes.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Step::Index(index.trim_end_matches(']').parse().ok()?));
        }
    }
    Some(out)
}

fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path)?.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(*k),
        Step::Index(i) => v.get(*i),
    })
}

/// Stores `new` at `path`, making the objects on the way.
fn store(value: &mut Value, path: &str, new: Value) {
    let Some(steps) = steps(path) else { return };
    let mut here = value;
    for step in &steps {
        here = match step {
            Step::Key(k) => {
                if !here.is_object() {
                    *here = Value::Object(Map::new());
                }
                match here.as_object_mut() {
                    Some(map) => map.entry(*k).or_insert(Value::Null),
                    None => return,
                }
            }
            Step::Index(i) => match here.get_mut(*i) {
                Some(v) => v,
                None => return,
            },
        };
    }
    *here = new;
}

fn remove(value: &mut Value, path: &str) {
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (lookup_mut(value, parent), key),
        None => (Some(value), path),
    };
    if let Some(Value::Object(map)) = parent {
        map.remove(key);
    }
}

fn lookup_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    steps(path)?.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(*k),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Where the page shows a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    /// At the field of this path.
    Field(String),
    /// On the group of this path (a missing key, an unknown key).
    Group(String),
    /// Above the form (the file as a whole: not JSON, no format).
    File,
}

/// The spot of `problem` in `groups`: the field at its path or above it, else the
/// group, else the file.
pub fn spot(problem: &Problem, groups: &[Group]) -> Spot {
    let under = |path: &str| {
        !path.is_empty()
            && problem.path.strip_prefix(path).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    let fields = groups.iter().flat_map(|g| g.fields.iter());
    if let Some(field) = fields.filter(|f| under(&f.path)).max_by_key(|f| f.path.len()) {
        return Spot::Field(field.path.clone());
    }
    if let Some(group) = groups.iter().filter(|g| under(&g.path)).max_by_key(|g| g.path.len()) {
        return Spot::Group(group.path.clone());
    }
    // Above every group (`payment` with no method): the first group below it.
    let below = |g: &&Group| !problem.path.is_empty() && g.path.strip_prefix(&problem.path).is_some_and(|rest| rest.starts_with('.'));
    match groups.iter().find(below) {
        Some(group) => Spot::Group(group.path.clone()),
        None => Spot::File,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{CheckId, Config};

    #[test]
    fn a_link_entrys_communes_are_typed_one_a_line() {
        let mut d = Draft::new_registry();
        d.edit_entries(EntryEdit::AddLink);
        let groups = d.groups();
        let communes = groups.iter().flat_map(|g| &g.fields).find(|f| f.path == "circos[0].communes").expect("the communes field").clone();
        d.set(&communes, "Saint-Étienne ; 42218 ; 42000, 42100\n\n  Firminy;42095;42700 \n", true);
        let v: Value = serde_json::from_str(&d.text()).unwrap();
        assert_eq!(v["circos"][0]["communes"], json!([
            { "name": "Saint-Étienne", "insee": "42218", "postal_codes": ["42000", "42100"] },
            { "name": "Firminy", "insee": "42095", "postal_codes": ["42700"] }
        ]));
        assert_eq!(d.get(&communes), "Saint-Étienne ; 42218 ; 42000 42100\nFirminy ; 42095 ; 42700");
        assert!(!d.check().problems.iter().any(|p| p.path.contains("communes")), "{:#?}", d.check().problems);
        // An INSEE code mistyped: the check says so, at this field.
        d.set(&communes, "Saint-Étienne ; 4218", true);
        assert_eq!(d.get(&communes), "Saint-Étienne ; 4218");
        let loaded = d.check();
        let wrong = loaded.errors().find(|p| p.path.contains("communes")).expect("a wrong INSEE code is an error");
        assert_eq!(spot(wrong, &d.groups()), Spot::Field("circos[0].communes".into()));
        d.set(&communes, " ", true);
        assert!(d.text().find("communes").is_none(), "an emptied field leaves the key out");
    }

    #[test]
    fn the_prerendered_snippet_is_offered_only_for_a_valid_account() {
        let demo = Draft::import(include_str!("../../demo/circo-exemple.json")).check();
        let ready = prerender(&demo, " https://a.fr/c.json ", "https://a.fr/w/circo-don.js").expect("a valid account");
        assert_eq!((ready.config_url.as_str(), ready.base.as_str()), ("https://a.fr/c.json", "https://a.fr/w/"));
        assert_eq!(Some(ready.account), demo.account());
        let w = words::page();
        assert_eq!(prerender(&Draft::new().check(), "a", "b").unwrap_err(), w.prerender_broken, "an empty account has errors");
        let registry = Draft::import(include_str!("../../demo/registry.json")).check();
        assert_eq!(prerender(&registry, "a", "b").unwrap_err(), w.prerender_per_circo);
        assert_eq!(prerender(&Draft::import("not json").check(), "a", "b").unwrap_err(), w.prerender_broken);
    }

    #[test]
    fn a_registry_is_built_entry_by_entry_and_each_entry_is_checked_on_its_own() {
        let mut d = Draft::new_registry();
        assert!(d.check().errors().any(|p| p.rule == CheckId::RegistryEmpty), "{:#?}", d.check().problems);
        let example = include_str!("../../demo/circo-exemple.json").to_owned();
        assert_eq!(d.add_accounts(&[example.clone(), "{}".into(), "not json".into()]), 2);
        d.edit_entries(EntryEdit::AddLink);
        d.edit_entries(EntryEdit::AddInline);
        let loaded = d.check();
        assert!(!loaded.problems.iter().any(|p| p.path.starts_with("circos[0]") && p.is_error()), "{:#?}", loaded.problems);
        assert!(loaded.errors().any(|p| p.path.starts_with("circos[1]")));
        assert!(loaded.errors().any(|p| p.path.starts_with("circos[2]")));
        d.edit_entries(EntryEdit::Up(1));
        let v: Value = serde_json::from_str(&d.text()).unwrap();
        assert!(v["circos"][0].get("url").is_some() && v["circos"][1].get("format").is_some());
        d.edit_entries(EntryEdit::Down(1));
        d.edit_entries(EntryEdit::Remove(0));
        d.edit_entries(EntryEdit::Remove(9));
        let v: Value = serde_json::from_str(&d.text()).unwrap();
        assert_eq!(v["circos"].as_array().unwrap().len(), 2);
        assert_eq!(v["circos"][0]["candidate"]["name"], "");
        let mut account = Draft::new();
        assert_eq!(account.add_accounts(&[example]), 1, "an account is not a registry");
    }

    fn field(path: &str) -> Field {
        account_groups("").into_iter().flat_map(|g| g.fields).find(|f| f.path == path).unwrap()
    }

    fn filled() -> Draft {
        let mut d = Draft::new();
        for (path, typed) in [
            ("election.first_round", "2027-06-13"),
            ("election.second_round", "2027-06-20"),
            ("circo.department", "75"),
            ("circo.name", "Paris, 1re circonscription"),
            ("candidate.name", "Camille Martin"),
            ("mandataire.name", "Claude Durand"),
            ("mandataire.designated_on", "2027-01-15"),
            ("mandataire.account_title", "Claude Durand, mandataire financier de Camille Martin"),
        ] {
            d.set(&field(path), typed, true);
        }
        d.set(&field("payment.transfer.iban"), "fr76\u{a0}3000 1007 9412 3456 7890 185", true);
        d
    }

    #[test]
    fn an_empty_draft_reports_each_missing_piece_at_its_field() {
        let d = Draft::new();
        assert_eq!(d.shape(), Shape::Account);
        let loaded = d.check();
        assert!(loaded.config.is_none());
        let groups = d.groups();
        let spots: Vec<Spot> = loaded.errors().map(|p| spot(p, &groups)).collect();
        for path in ["election.first_round", "circo.name", "candidate.name", "mandataire.account_title", "payment.transfer.iban"] {
            assert!(spots.contains(&Spot::Field(path.into())), "{path}: {spots:?}");
        }
    }

    #[test]
    fn a_filled_draft_is_valid_and_the_iban_is_tidied_and_the_holder_follows_the_title() {
        let d = filled();
        let loaded = d.check();
        assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
        assert_eq!(d.get(&field("payment.transfer.iban")), "FR76 3000 1007 9412 3456 7890 185");
        assert_eq!(d.get(&field("payment.transfer.holder")), "Claude Durand, mandataire financier de Camille Martin");
        assert!(matches!(loaded.config, Some(Config::Account(_))));
    }

    #[test]
    fn switching_off_and_on_restores_what_was_typed() {
        let mut d = filled();
        d.switch("payment.card", true);
        d.set(&field("payment.card.operator"), "Banque", false);
        d.switch("payment.card", false);
        assert!(!d.text().contains("Banque"));
        d.switch("payment.card", true);
        assert_eq!(d.get(&field("payment.card.operator")), "Banque");
        d.switch("payment.cheque", true);
        assert_eq!(d.get(&field("payment.cheque.payee")), "Claude Durand, mandataire financier de Camille Martin");
    }

    #[test]
    fn typed_numbers_lines_and_empty_optional_fields_are_stored_as_the_format_wants() {
        let mut d = filled();
        d.set(&field("circo.population"), "125 000", false);
        d.set(&field("presets"), "20, 37 ;50", false);
        d.set(&field("election.second_round"), "", false);
        let v: Value = serde_json::from_str(&d.text()).unwrap();
        assert_eq!(v["circo"]["population"], json!(125000));
        assert_eq!(v["presets"], json!([20, 37, 50]));
        assert!(v["election"].get("second_round").is_none());
        d.set(&field("circo.number"), "un", false);
        let loaded = d.check();
        assert!(loaded.errors().any(|p| p.rule == CheckId::JsonType && spot(p, &d.groups()) == Spot::Field("circo.number".into())), "{:#?}", loaded.problems);
    }

    #[test]
    fn an_imported_file_reads_back_equal_and_a_broken_one_keeps_its_problem() {
        let text = include_str!("../../demo/circo-exemple.json");
        let d = Draft::import(text);
        assert_eq!(serde_json::from_str::<Value>(&d.text()).unwrap(), serde_json::from_str::<Value>(text).unwrap());
        assert!(d.check().problems.is_empty());
        let broken = Draft::import("{ \"format\": ");
        assert_eq!(broken.shape(), Shape::Unreadable);
        assert!(broken.groups().is_empty());
        let loaded = broken.check();
        assert_eq!(loaded.problems[0].rule, CheckId::JsonSyntax);
        assert_eq!(spot(&loaded.problems[0], &broken.groups()), Spot::File);
    }

    #[test]
    fn a_registry_opens_with_a_group_per_entry() {
        let d = Draft::import(include_str!("../../demo/registry.json"));
        assert_eq!(d.shape(), Shape::Registry);
        let groups = d.groups();
        assert!(groups.iter().any(|g| g.path == "circos[0]" && g.fields.iter().any(|f| f.path == "circos[0].url")));
        assert!(groups.iter().any(|g| g.path == "circos[2].mandataire"));
        let p = Problem::error("circos[2].payment.transfer.iban", CheckId::IbanChecksum, Text::default);
        assert_eq!(spot(&p, &groups), Spot::Field("circos[2].payment.transfer.iban".into()));
        assert_eq!(groups.iter().filter_map(|g| g.entry).collect::<Vec<_>>(), [0, 1, 2, 3]);
        let missing = Problem::error("payment", CheckId::PaymentMissing, Text::default);
        assert_eq!(spot(&missing, &account_groups("")), Spot::Group("payment.cheque".into()));
    }
}

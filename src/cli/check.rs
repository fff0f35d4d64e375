//! `circo-don check FILE|URL [--json]` and `circo-don schema [--registry]`.
//!
//! `check` reads a file, or fetches an `http(s)://` URL as the widget would
//! ([`super::fetch`]) and says what the widget would say when it would not load it.
//! Exit codes: 0 no error (warnings allowed), 1 errors, or an answer the widget would
//! refuse, 2 usage error or unreadable input.

use clap::Args;

use super::fetch::{self, Unread};
use super::Output;
use crate::config::model::ElectionKind;
use crate::config::{self, CheckId, Config, Loaded, Problem, Target, ValidAccount};
use crate::embed::LoadFailure;
use crate::i18n::Text;

pub(super) const CHECK_HELP: &str = "\
A URL is fetched as the widget fetches it (through the system's curl): the same
scheme rule (https, or http to this machine only), redirects, status, type and size
checks; an answer the widget would refuse is reported in its words, with exit 1.
A registry read from a file is checked with the files it links to beside it.

Examples:
  circo-don check demo/circo-exemple.json
  circo-don check demo/registry.json --json";

pub(super) const SCHEMA_EXAMPLES: &str = "\
Examples:
  circo-don schema
  circo-don schema --registry";

/// `circo-don check`'s arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The configuration: a file, or an https:// URL.
    #[arg(value_name = "FILE|URL")]
    source: String,
    /// The report in JSON (ok, kind, errors, warnings).
    #[arg(long)]
    json: bool,
}

/// `circo-don schema`'s arguments.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of registries (`circo-don-registry/1`) instead of accounts.
    #[arg(long)]
    pub registry: bool,
    /// The schema of a registry's commune files (`circo-don-communes/1`).
    #[arg(long, conflicts_with = "registry")]
    pub communes: bool,
}

/// Checks a configuration file and reports every problem, French then English.
pub fn check(args: &CheckArgs) -> Output {
    let source = &args.source;
    let text = match read_source("check", source) {
        Ok(text) => text,
        Err(Unread::Refused(failure)) => {
            let stdout = if args.json { refused_json(source, &failure) } else { refused_report(source, &failure) };
            return Output { stdout, stderr: String::new(), code: 1 };
        }
        Err(unread) => return unread.output("check", source),
    };
    let mut loaded = config::load(&text);
    check_local_links(source, &mut loaded);
    check_commune_files(source, &mut loaded);
    let code = i32::from(loaded.has_errors());
    let stdout = if args.json { json_report(&loaded) } else { text_report(source, &loaded) };
    Output { stdout, stderr: String::new(), code }
}

/// What the widget would show for an answer it refuses: the collective's message (its
/// detail toggle and console), then the donor's.
fn refused_report(source: &str, failure: &LoadFailure) -> String {
    let (collective, donor) = (failure.for_collective(source), failure.for_donor());
    let head = Text::new("le widget ne chargerait pas cette configuration", "the widget would not load this configuration");
    let donor_reads = Text::new("le donateur lirait", "the donor would read");
    format!(
        "{source}: {head}\n\n{}  ({})\n  fr: {}\n  en: {}\n{donor_reads}:\n  fr: {}\n  en: {}\n",
        Text::new("ERREUR", "ERROR"),
        Text::new("chargement", "loading"),
        collective.fr,
        collective.en,
        donor.fr,
        donor.en,
    )
}

fn refused_json(source: &str, failure: &LoadFailure) -> String {
    let (collective, donor) = (failure.for_collective(source), failure.for_donor());
    let report = serde_json::json!({
        "ok": false,
        "kind": null,
        "load": { "message_fr": collective.fr, "message_en": collective.en, "donor_fr": donor.fr, "donor_en": donor.en },
        "errors": [],
        "warnings": [],
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// For a registry read from a file: each link relative to it whose file is there is
/// loaded too, as the widget would after a donor picks that circo. Its errors, and a
/// circo, IBAN or title other than the entry states ([`config::Entry::check_linked`]),
/// are reported under `circos[i]`. Links to other sites or from the site's root
/// (`/c/75-01.json`, not a path on this disk) are left to the widget.
pub(super) fn check_local_links(source: &str, loaded: &mut Loaded) {
    let Some(registry) = loaded.registry() else { return };
    if crate::url::authority(source).is_some() {
        return;
    }
    let dir = std::path::Path::new(source).parent().unwrap_or(std::path::Path::new(""));
    let mut found = Vec::new();
    for entry in &registry.entries {
        let Target::Link(link) = &entry.target else { continue };
        if !crate::url::is_relative_path(link) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(dir.join(link)) else { continue };
        let linked = config::load(&text);
        let prefix = format!("circos[{}]", entry.index);
        let mut problems: Vec<Problem> = linked.errors().cloned().collect();
        problems.extend(linked.account().and_then(|a| entry.check_linked(a)));
        problems.extend(linked.account().and_then(|a| entry.check_linked_goal(a)));
        for mut p in problems {
            p.path = if p.path.is_empty() { format!("{prefix} ({link})") } else { format!("{prefix} ({link}) {}", p.path) };
            found.push(p);
        }
    }
    loaded.problems.extend(found);
}

/// For a registry read from a file whose `communes_url` is a folder beside it: every
/// commune file there is read as the widget reads it (its key its name), each problem at
/// `communes/KEY.json`; then each commune must be in the file of each of its keys, or a
/// donor's search by that key would miss it (`communes-missing`, a warning).
pub(super) fn check_commune_files(source: &str, loaded: &mut Loaded) {
    use crate::config::communes::{commune_keys, load_communes};
    use std::collections::{BTreeMap, BTreeSet};
    let Some(registry) = loaded.registry() else { return };
    let Some(url) = registry.communes_url.as_deref() else { return };
    if crate::url::authority(source).is_some() || !crate::url::is_relative_path(url) {
        return;
    }
    let folder = std::path::Path::new(source).parent().unwrap_or(std::path::Path::new("")).join(url);
    let mut found = Vec::new();
    let Ok(dir) = std::fs::read_dir(&folder) else {
        found.push(Problem::error("communes_url", CheckId::CommunesUrl, || Text::new(
            format!("Le dossier des communes {} est introuvable à côté du registre : la recherche par commune ne marcherait pas.", folder.display()),
            format!("The communes folder {} is not beside the registry: the search by town would not work.", folder.display()),
        )));
        loaded.problems.extend(found);
        return;
    };
    let mut names: Vec<String> = dir.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".json")).collect();
    names.sort();
    // Which (circo, INSEE code) each key's file holds, and every commune read.
    let mut holds: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut communes = Vec::new();
    for name in &names {
        let key = name.trim_end_matches(".json");
        let at = format!("{url}{name}");
        let Ok(text) = std::fs::read_to_string(folder.join(name)) else { continue };
        let (read, problems) = load_communes(&text, key, registry);
        for mut p in problems {
            p.path = if p.path.is_empty() { at.clone() } else { format!("{at} {}", p.path) };
            found.push(p);
        }
        for (at_entry, list) in read.unwrap_or_default() {
            let slug = &registry.entries[at_entry].slug;
            for commune in list {
                holds.entry(key.to_owned()).or_default().insert((slug.clone(), commune.insee.clone()));
                communes.push((slug.clone(), commune));
            }
        }
    }
    let mut missing = BTreeSet::new();
    for (slug, commune) in &communes {
        for key in commune_keys(commune) {
            let held = holds.get(&key).is_some_and(|h| h.contains(&(slug.clone(), commune.insee.clone())));
            if !held && missing.insert((key.clone(), slug.clone(), commune.insee.clone())) {
                let (name, at) = (commune.name.clone(), format!("{url}{key}.json"));
                found.push(Problem::warning(at, CheckId::CommunesMissing, || Text::new(
                    format!("La commune {name} ({slug}) manque dans ce fichier : une recherche par « {key} » ne la trouverait pas. Refaites les fichiers avec circo-don communes."),
                    format!("Commune {name} ({slug}) is missing from this file: a search by “{key}” would not find it. Write the files again with circo-don communes."),
                )));
            }
        }
    }
    loaded.problems.extend(found);
}

/// The schema as committed in `schema/`: pretty JSON and a final newline.
pub fn schema_text(registry: bool) -> String {
    let schema = if registry { config::registry_schema() } else { config::account_schema() };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The commune files' schema as committed in `schema/`.
pub fn communes_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&config::communes_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a configuration from a file, or from an `http(s)://` URL as the widget would
/// ([`fetch::fetch`]); errors name the `command` that asked.
pub(super) fn read_source(command: &str, source: &str) -> Result<String, Unread> {
    let failed = |why: Text| Unread::Input(format!("{command}: {source} : {why}"));
    if crate::url::is_web(source) {
        return fetch::fetch(command, source);
    }
    let bytes = std::fs::read(source).map_err(|e| failed(Text::new("lecture impossible", format!("cannot read: {e}"))))?;
    String::from_utf8(bytes).map_err(|_| {
        failed(Text::new("le fichier n’est pas en UTF-8 ; enregistrez-le en UTF-8", "the file is not UTF-8; save it as UTF-8"))
    })
}

fn summary(loaded: &Loaded) -> Text {
    match &loaded.config {
        Some(Config::Account(a)) => Text::new(
            format!("compte {} — {}, mandataire {}", a.slug(), a.candidate.name, a.mandataire.name),
            format!("account {}", a.slug()),
        ),
        Some(Config::Registry(r)) => {
            let inline = r.entries.iter().filter(|e| matches!(e.target, Target::Inline(_))).count();
            let links = r.entries.iter().filter(|e| matches!(e.target, Target::Link(_))).count();
            let count = r.entries.len();
            Text::new(
                format!("registre de {count} circonscriptions ({inline} en ligne, {links} liens)"),
                format!("registry of {count} circos ({inline} inline, {links} links)"),
            )
        }
        None => Text::new("configuration inutilisable", "unusable configuration"),
    }
}

pub(super) fn text_report(source: &str, loaded: &Loaded) -> String {
    let errors = loaded.errors().count();
    let warnings = loaded.warnings().count();
    let mut out = format!("{source}: {}\n", summary(loaded));
    for problem in &loaded.problems {
        let label = if problem.is_error() { Text::new("ERREUR", "ERROR") } else { Text::new("avertissement", "warning") };
        let path = if problem.path.is_empty() { format!("({})", Text::new("fichier", "file")) } else { problem.path.clone() };
        out.push_str(&format!(
            "\n{label}  {path}  [{}]\n  fr: {}\n  en: {}\n",
            problem.rule, problem.message.fr, problem.message.en
        ));
    }
    // What the collective should know of each usable account: the verification of payee
    // (the holder must be the bank's registered name) and, for a legislative election,
    // the spending ceiling and the cash cap its population gives.
    let accounts: Vec<(String, &ValidAccount)> = match &loaded.config {
        Some(Config::Account(a)) => vec![(String::new(), &**a)],
        Some(Config::Registry(r)) => r
            .entries
            .iter()
            .filter_map(|e| match &e.target {
                Target::Inline(a) => Some((format!("circos[{}].", e.index), &**a)),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    };
    let mut info = |path: String, tag: &str, note: Text| {
        out.push_str(&format!("\ninfo  {path}  [{tag}]\n  fr: {}\n  en: {}\n", note.fr, note.en));
    };
    for (prefix, a) in accounts {
        if let Some(t) = &a.payment.transfer {
            info(format!("{prefix}payment.transfer.holder"), "verification-of-payee", config::validate::verification_of_payee(&t.holder));
        }
        let legislative = matches!(a.election.kind, ElectionKind::Legislative | ElectionKind::ByElection);
        if let (Some(population), true) = (a.circo.population, legislative) {
            info(format!("{prefix}circo.population"), "spending-ceiling", config::validate::spending_ceiling_note(population));
        }
    }
    let count = Text::new(
        format!("{errors} erreur(s), {warnings} avertissement(s)"),
        format!("{errors} error(s), {warnings} warning(s)"),
    );
    out.push_str(&format!("\n{count}\n"));
    if errors > 0 {
        let hidden = if loaded.registry().is_some() {
            Text::new(
                "Le widget n’affichera pas les moyens de paiement des circonscriptions en erreur tant qu’elles ne sont pas corrigées.",
                "The widget will not show payment details for the circos in error until they are fixed.",
            )
        } else {
            Text::new(
                "Le widget n’affichera pas les moyens de paiement tant que les erreurs ne sont pas corrigées.",
                "The widget will not show payment details until the errors are fixed.",
            )
        };
        out.push_str(&format!("{hidden}\n"));
    }
    out
}

fn problem_json(p: &Problem) -> serde_json::Value {
    serde_json::json!({
        "path": p.path,
        "rule": p.rule.as_str(),
        "message_fr": p.message.fr,
        "message_en": p.message.en,
    })
}

fn json_report(loaded: &Loaded) -> String {
    let kind = match &loaded.config {
        Some(Config::Account(_)) => serde_json::Value::from("account"),
        Some(Config::Registry(_)) => serde_json::Value::from("registry"),
        None => serde_json::Value::Null,
    };
    let report = serde_json::json!({
        "ok": !loaded.has_errors(),
        "kind": kind,
        "errors": loaded.errors().map(problem_json).collect::<Vec<_>>(),
        "warnings": loaded.warnings().map(problem_json).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

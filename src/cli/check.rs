//! `circo-don check FILE|URL [--json]` and `circo-don schema [--registry]`.
//!
//! `check` reads a file; for an `http(s)://` URL it runs the system's `curl` (no HTTP
//! client is linked into the tool), and says so clearly when `curl` is missing.
//! Exit codes: 0 no error (warnings allowed), 1 errors, 2 usage error or unreadable
//! input.

use std::process::Command;

use super::{misuse, unexpected_argument, unknown_option, usage, Output};
use crate::config::model::ElectionKind;
use crate::config::{self, Config, Loaded, Problem, Target, ValidAccount};
use crate::i18n::Text;

fn check_usage() -> String {
    usage("circo-don check FICHIER|URL [--json]", "circo-don check FILE|URL [--json]")
}

fn schema_usage() -> String {
    usage("circo-don schema [--registry]", "circo-don schema [--registry]")
}

/// Checks a configuration file and reports every problem, French then English.
pub fn check(args: &[String]) -> Output {
    let mut json = false;
    let mut source = None;
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => return Output::ok(check_usage()),
            flag if flag.starts_with("--") => return misuse("check", unknown_option(flag), &check_usage()),
            path if source.is_none() => source = Some(path.to_owned()),
            extra => return misuse("check", unexpected_argument(extra), &check_usage()),
        }
    }
    let Some(source) = source else {
        return Output::fail(2, check_usage());
    };
    let text = match read_source("check", &source) {
        Ok(text) => text,
        Err(message) => return Output::fail(2, format!("{message}\n")),
    };
    let mut loaded = config::load(&text);
    check_local_links(&source, &mut loaded);
    let code = i32::from(loaded.has_errors());
    let stdout = if json { json_report(&loaded) } else { text_report(&source, &loaded) };
    Output { stdout, stderr: String::new(), code }
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
        for mut p in problems {
            p.path = if p.path.is_empty() { format!("{prefix} ({link})") } else { format!("{prefix} ({link}) {}", p.path) };
            found.push(p);
        }
    }
    loaded.problems.extend(found);
}

/// Prints the JSON Schema of account files, or of registries with `--registry`.
pub fn schema(args: &[String]) -> Output {
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] => Output::ok(schema_text(false)),
        ["--registry"] => Output::ok(schema_text(true)),
        ["-h" | "--help"] => Output::ok(schema_usage()),
        _ => Output::fail(2, schema_usage()),
    }
}

/// The schema as committed in `schema/`: pretty JSON and a final newline.
pub fn schema_text(registry: bool) -> String {
    let schema = if registry { config::registry_schema() } else { config::account_schema() };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a configuration from a file, or from an `http(s)://` URL with the system's
/// `curl`; errors name the `command` that asked.
pub(super) fn read_source(command: &str, source: &str) -> Result<String, String> {
    let failed = |why: Text| format!("{command}: {source} : {why}");
    if crate::url::is_web(source) {
        let output = Command::new("curl")
            .args(["--silent", "--show-error", "--fail", "--location", "--max-time", "15", "--", source])
            .output()
            .map_err(|e| {
                // Two lines, one per language, each naming the command.
                let why = Text::new(
                    format!("impossible de lancer curl ({e}) : téléchargez le fichier et donnez son chemin."),
                    format!("could not run curl ({e}): download the file and give its path."),
                );
                format!("{command}: {}\n{command}: {}", why.fr, why.en)
            })?;
        if !output.status.success() {
            let err = String::from_utf8_lossy(&output.stderr);
            return Err(failed(Text::new("téléchargement impossible", format!("download failed: {}", err.trim()))));
        }
        return String::from_utf8(output.stdout).map_err(|_| failed(Text::new("ce n’est pas du texte UTF-8", "not UTF-8 text")));
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

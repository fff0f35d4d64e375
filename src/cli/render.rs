//! `circo-don render CONFIG.json --config-url URL --base URL [--lang fr|en]
//! [--date YYYY-MM-DD] [--circo ID]`: the snippet a collective pastes, with the widget's
//! initial view prerendered ([`crate::widget::render::snippet`]), readable before any
//! JavaScript runs and without it.
//!
//! A configuration with errors prints `check`'s report (on stderr) and exits 1: never a
//! snippet with a broken account. Exit 2: usage error or unreadable input.

use std::time::{SystemTime, UNIX_EPOCH};

use super::mentions::{beside, same_circo};
use super::{misuse, unexpected_argument, unknown_option, Output};
use crate::config::{self, Config, Loaded, Target, ValidAccount};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::widget::render::{snippet, Snippet};

fn usage() -> String {
    super::usage(
        "circo-don render FICHIER|URL --config-url URL --base URL [--lang fr|en] [--date AAAA-MM-JJ] [--circo ID]",
        "circo-don render FILE|URL --config-url URL --base URL [--lang fr|en] [--date YYYY-MM-DD] [--circo ID]",
    )
}

/// The parsed command line.
#[derive(Default)]
struct Args {
    source: Option<String>,
    config_url: Option<String>,
    base: Option<String>,
    lang: Option<Lang>,
    date: Option<Date>,
    circo: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, Output> {
    let mut out = Args::default();
    let mut flags = super::Flags::new(args);
    while let Some((flag, inline)) = flags.next_flag() {
        match flag {
            "-h" | "--help" => return Err(Output::ok(usage())),
            "--config-url" | "--base" | "--lang" | "--date" | "--circo" => {
                let value = flags.value("render", flag, inline, &usage())?;
                match flag {
                    "--config-url" => out.config_url = Some(value.to_owned()),
                    "--base" => out.base = Some(value.to_owned()),
                    "--circo" => out.circo = Some(value.to_owned()),
                    "--lang" => out.lang = Some(super::parse_lang("render", value, &usage())?),
                    _ => {
                        let Some(date) = Date::parse_iso(value) else {
                            let bad = Text::new(format!("date invalide {value:?} (AAAA-MM-JJ)"), format!("invalid date {value:?} (YYYY-MM-DD)"));
                            return Err(misuse("render", bad, &usage()));
                        };
                        out.date = Some(date);
                    }
                }
            }
            f if f.starts_with("--") => return Err(misuse("render", unknown_option(f), &usage())),
            path if out.source.is_none() => out.source = Some(path.to_owned()),
            extra => return Err(misuse("render", unexpected_argument(extra), &usage())),
        }
    }
    Ok(out)
}

/// Prints the snippet for the account in `args`.
pub fn render(args: &[String]) -> Output {
    let args = match parse(args) {
        Ok(args) => args,
        Err(output) => return output,
    };
    let (Some(source), Some(config_url), Some(base)) = (&args.source, &args.config_url, &args.base) else {
        let missing = Text::new("il faut FICHIER, --config-url et --base", "FILE, --config-url and --base are required");
        return misuse("render", missing, &usage());
    };
    let text = match super::check::read_source("render", source) {
        Ok(text) => text,
        Err(message) => return Output::fail(2, format!("{message}\n")),
    };
    let mut loaded = config::load(&text);
    super::check::check_local_links(source, &mut loaded);
    if loaded.has_errors() {
        return broken(source, &loaded);
    }
    let linked;
    let account: &ValidAccount = match (&loaded.config, args.circo.as_deref()) {
        (Some(Config::Account(a)), None) => a,
        (Some(Config::Account(a)), Some(wanted)) if same_circo(&a.slug(), wanted) => a,
        (Some(Config::Account(a)), Some(wanted)) => {
            let slug = a.slug();
            let other = Text::new(format!("décrit la circonscription {slug} et non {wanted}"), format!("describes circo {slug}, not {wanted}"));
            return Output::fail(2, format!("render: {source} {other}\n"));
        }
        (Some(Config::Registry(_)), None) => {
            let registry = Text::new(
                "est un registre : choisissez une circonscription avec --circo (par exemple 75-01)",
                "is a registry: pick a circo with --circo (e.g. 75-01)",
            );
            return Output::fail(2, format!("render: {source} {registry}\n"));
        }
        (Some(Config::Registry(r)), Some(wanted)) => match r.find(wanted) {
            Some(entry) => match &entry.target {
                Target::Inline(a) => a,
                // A linked file: read beside the registry and checked like the widget
                // checks it (the circo it announces).
                Target::Link(link) => {
                    let path = beside(source, link);
                    let text = match super::check::read_source("render", &path) {
                        Ok(text) => text,
                        Err(message) => return Output::fail(2, format!("{message}\n")),
                    };
                    linked = entry.read_linked(&text);
                    match linked.account() {
                        Some(a) if !linked.has_errors() => a,
                        _ => return broken(&path, &linked),
                    }
                }
                Target::Invalid => return broken(source, &loaded),
            },
            None => return Output::fail(2, format!("render: {}\n", Text::new(format!("pas de circonscription {wanted} dans {source}"), format!("no circo {wanted} in {source}")))),
        },
        (None, _) => return broken(source, &loaded),
    };
    let today = args.date.unwrap_or_else(today_utc);
    Output::ok(snippet(&Snippet { account, config_url, base, lang: args.lang, today }))
}

/// Exit 1, with `check`'s report of `source` and no snippet.
fn broken(source: &str, loaded: &Loaded) -> Output {
    Output::fail(1, super::check::text_report(source, loaded))
}

/// Today in UTC, from the system clock: the day a prerender made now speaks of.
fn today_utc() -> Date {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0);
    i64::try_from(days).ok().and_then(Date::from_days).unwrap_or(Date::EPOCH)
}

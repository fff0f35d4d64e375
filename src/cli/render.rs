//! `circo-don render CONFIG.json --config-url URL --base URL [--lang fr|en]
//! [--date YYYY-MM-DD] [--circo ID]`: the snippet a collective pastes, with the widget's
//! initial view prerendered ([`crate::widget::render::snippet`]), readable before any
//! JavaScript runs and without it. A registry without `--circo` prints the movement's
//! overview ([`crate::widget::render::overview_snippet`]), its linked files read now.
//!
//! A configuration with errors prints `check`'s report (on stderr) and exits 1: never a
//! snippet with a broken account. Exit 2: usage error or unreadable input.

use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;

use super::mentions::{beside, same_circo};
use super::Output;
use crate::config::{self, Config, Loaded, Registry, Target, ValidAccount};
use crate::donation::overview::{needs_file, Linked};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::widget::render::{overview_snippet, snippet, Snippet};

pub(super) const RENDER_HELP: &str = "\
Prints the snippet to paste in a page: the wasm's preload, the widget's initial view
prerendered (readable without JavaScript), then the script that makes it live. A
registry prints the movement's overview, the figures of its linked files read now (a
file that cannot be read is named on stderr, its circo shown without figures), or one
circo's account with --circo. A configuration with errors prints check's report and
exits 1, with no snippet.

Examples:
  circo-don render demo/circo-exemple.json --config-url /don/circo.json --base /don/
  circo-don render demo/registry.json --config-url /don/registry.json --base /don/
  circo-don render demo/registry.json --circo 99-03 --config-url r.json --base ./ --lang en
  circo-don render demo/circo-exemple.json --config-url c.json --base ./ --date 2026-03-01";

/// `circo-don render`'s arguments.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The configuration: a file, or an https:// URL.
    #[arg(value_name = "FILE|URL")]
    source: String,
    /// The configuration's URL as the page will load it.
    #[arg(long, value_name = "URL")]
    config_url: String,
    /// Where circo-don.js is served (its folder).
    #[arg(long, value_name = "URL")]
    base: String,
    /// The host's language (data-lang) [default: the configuration's].
    #[arg(long, value_parser = super::lang())]
    lang: Option<Lang>,
    /// The day the view speaks of [default: today, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::date)]
    date: Option<Date>,
    /// With a registry: the circo to render (75-01, 2A-02) [default: the overview].
    #[arg(long, value_name = "ID")]
    circo: Option<String>,
}

/// Prints the snippet for the account in `args`.
pub fn render(args: &RenderArgs) -> Output {
    let (source, config_url, base) = (&args.source, &args.config_url, &args.base);
    let text = match super::check::read_source("render", source) {
        Ok(text) => text,
        Err(unread) => return unread.output("render", source),
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
        (Some(Config::Registry(r)), None) => return overview(args, r, &loaded),
        (Some(Config::Registry(r)), Some(wanted)) => match r.find(wanted) {
            Some(entry) => match &entry.target {
                Target::Inline(a) => a,
                // A linked file: read beside the registry and checked like the widget
                // checks it (the circo it announces).
                Target::Link(link) => {
                    let path = beside(source, link);
                    let text = match super::check::read_source("render", &path) {
                        Ok(text) => text,
                        Err(unread) => return unread.output("render", &path),
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

/// The registry's overview, with the figures of its linked files read now (beside a
/// registry file, or at their address for a registry's URL) and checked as the widget
/// checks them: a file that cannot be read or is refused shows as such at its circo, as
/// in the live widget, and is named on stderr; the snippet is printed all the same.
fn overview(args: &RenderArgs, registry: &Registry, loaded: &Loaded) -> Output {
    let mut linked = vec![Linked::Pending; registry.entries.iter().map(|e| e.index + 1).max().unwrap_or(0)];
    let mut stderr = String::new();
    for entry in registry.entries.iter().filter(|e| needs_file(e)) {
        let Target::Link(link) = &entry.target else { continue };
        let path = beside(&args.source, link);
        let read = match super::check::read_source("render", &path) {
            Ok(text) => {
                let file = entry.read_linked(&text);
                match file.account() {
                    Some(account) if !file.has_errors() => Linked::Read(account.goal.clone()),
                    _ => {
                        stderr.push_str(&super::check::text_report(&path, &file));
                        Linked::Failed
                    }
                }
            }
            Err(unread) => {
                stderr.push_str(&unread.output("render", &path).stderr);
                Linked::Failed
            }
        };
        linked[entry.index] = read;
    }
    if !stderr.is_empty() {
        let shown = Text::new("le code les montre à leur circonscription, sans chiffres (« Chiffres indisponibles »)", "the snippet shows them at their circo, without figures (“Figures unavailable”)");
        stderr.push_str(&format!("render: {shown}\n"));
    }
    let snippet = overview_snippet(loaded, linked, &args.config_url, &args.base, args.lang);
    Output { stdout: snippet, stderr, code: 0 }
}

/// Exit 1, with `check`'s report of `source` and no snippet.
fn broken(source: &str, loaded: &Loaded) -> Output {
    Output::fail(1, super::check::text_report(source, loaded))
}

/// Today in UTC, from the system clock: the day a prerender made now speaks of.
pub(super) fn today_utc() -> Date {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0);
    i64::try_from(days).ok().and_then(Date::from_days).unwrap_or(Date::EPOCH)
}

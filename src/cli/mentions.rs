//! `circo-don mentions FILE|URL [--circo ID] [--lang fr|en]`: the mentions L52-9 requires
//! on every appeal for gifts (leaflet, poster, web page), in full, for one account, as
//! plain text to paste. The same sentences and texts as the widget and the printable
//! form. Exit codes: 0 printed, 1 the account has errors (nothing printed: the mentions
//! would name a mandataire the checker refuses), 2 usage error or unreadable input.

use clap::Args;

use super::Output;
use crate::config::{self, Config, Target, ValidAccount};
use crate::donation::words;
use crate::i18n::{Lang, Text};
use crate::law::texts;

pub(super) const MENTIONS_HELP: &str = "\
Who receives the gifts and the full texts of L52-8 al. 1-3 and L113-1 III, as plain
text to paste on a leaflet, a poster or a web page: the same sentences and texts as
the widget and the printable form. Exit 1 when the account has errors.

Examples:
  circo-don mentions demo/circo-exemple.json
  circo-don mentions demo/circo-exemple.json --lang en
  circo-don mentions demo/registry.json --circo 99-03";

/// `circo-don mentions`'s arguments.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// The configuration: a file, or an https:// URL.
    #[arg(value_name = "FILE|URL")]
    source: String,
    /// With a registry: the circo whose account it is (75-01, 2A-02).
    #[arg(long, value_name = "ID")]
    circo: Option<String>,
    /// The language of the text [default: fr].
    #[arg(long, value_parser = super::lang())]
    lang: Option<Lang>,
}

/// Why no mentions are printed (exit `code`).
fn no_mentions(code: i32, message: impl std::fmt::Display) -> Output {
    Output::fail(code, format!("mentions: {message}\n"))
}

/// Prints the L52-9 mentions of the account in `args`.
pub fn mentions(args: &MentionsArgs) -> Output {
    let (source, circo, lang) = (&args.source, args.circo.as_deref(), args.lang.unwrap_or(Lang::Fr));
    let text = match super::check::read_source("mentions", source) {
        Ok(text) => text,
        Err(unread) => return unread.output("mentions", source),
    };
    let loaded = config::load(&text);
    let account = match (&loaded.config, circo) {
        (Some(Config::Account(a)), None) => a.as_ref(),
        (Some(Config::Account(a)), Some(wanted)) if same_circo(&a.slug(), wanted) => a.as_ref(),
        (Some(Config::Account(a)), Some(wanted)) => {
            let slug = a.slug();
            let other = Text::new(format!("décrit la circonscription {slug} et non {wanted}"), format!("describes circo {slug}, not {wanted}"));
            return no_mentions(2, format_args!("{source} {other}"));
        }
        (Some(Config::Registry(_)), None) => {
            let registry = Text::new(
                "est un registre : choisissez une circonscription avec --circo (par exemple 75-01)",
                "is a registry: pick a circo with --circo (e.g. 75-01)",
            );
            return no_mentions(2, format_args!("{source} {registry}"));
        }
        (Some(Config::Registry(r)), Some(wanted)) => match r.find(wanted).map(|e| &e.target) {
            Some(Target::Inline(a)) => a.as_ref(),
            Some(Target::Link(link)) => {
                let url = beside(source, link);
                return no_mentions(
                    2,
                    Text::new(
                        format!("le compte de {wanted} est dans {url} : lancez circo-don mentions sur ce fichier"),
                        format!("the account of {wanted} is in {url}: run circo-don mentions on that file"),
                    ),
                );
            }
            Some(Target::Invalid) => return has_errors(source),
            None => return no_mentions(2, Text::new(format!("pas de circonscription {wanted} dans {source}"), format!("no circo {wanted} in {source}"))),
        },
        (None, _) => return has_errors(source),
    };
    Output::ok(text_of(account, lang))
}

/// Where a registry's `link` points, for a person at a terminal: from a registry on the
/// web, resolved against its address as the widget does ([`crate::url::resolve`]); a
/// relative link read from a local registry file, next to that file.
pub(super) fn beside(registry: &str, link: &str) -> String {
    if crate::url::authority(registry).is_some() {
        return crate::url::resolve(link, registry);
    }
    match std::path::Path::new(registry).parent() {
        Some(dir) if crate::url::is_relative_path(link) => dir.join(link).display().to_string(),
        _ => link.to_owned(),
    }
}

/// Whether `wanted` (`75-01`, `75-1`, `2a-02`) names the circo whose slug is `slug`.
pub(super) fn same_circo(slug: &str, wanted: &str) -> bool {
    let wanted = wanted.trim().rsplit_once('-').and_then(|(d, n)| Some(config::slug(d, n.parse().ok()?)));
    wanted.as_deref() == Some(slug)
}

/// Exit 1: the account has errors, so its mentions are not printed.
fn has_errors(source: &str) -> Output {
    let errors = Text::new(
        format!("a des erreurs : corrigez-les d’abord (circo-don check {source})"),
        format!("has errors: fix them first (circo-don check {source})"),
    );
    no_mentions(1, format_args!("{source} {errors}"))
}

/// The mentions as plain text: the heading, who receives the gifts, then each statutory
/// text under its citation (with the unofficial English after the French in English),
/// then the versions reproduced.
pub fn text_of(account: &ValidAccount, lang: Lang) -> String {
    let mut out = format!("{}\n\n", texts::heading().get(lang));
    for m in words::mentions(account) {
        out.push_str(&format!("{}\n", m.get(lang)));
    }
    for s in texts::statutory_texts() {
        out.push_str(&format!("\n{}\n", s.citation));
        for p in s.fr {
            out.push_str(&format!("{p}\n"));
        }
        if lang == Lang::En {
            for p in s.english() {
                out.push_str(&format!("{p}\n"));
            }
        }
    }
    out.push_str(&format!("\n{}\n", texts::version_note().get(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::beside;

    #[test]
    fn a_link_is_shown_where_the_widget_would_fetch_it() {
        assert_eq!(beside("demo/registry.json", "circo-exemple.json"), "demo/circo-exemple.json");
        assert_eq!(beside("demo/registry.json", "/c/75-01.json"), "/c/75-01.json");
        assert_eq!(beside("demo/registry.json", "https://x.fr/c.json"), "https://x.fr/c.json");
        assert_eq!(beside("https://m.example/r/registry.json", "75-01.json"), "https://m.example/r/75-01.json");
        assert_eq!(beside("https://m.example/r/registry.json", "/c/75-01.json"), "https://m.example/c/75-01.json");
    }
}

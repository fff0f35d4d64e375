//! The `circo-don` command-line tool: the same core as the widget, for people who
//! script and for checking the engine from outside.
//!
//! [`run`] takes the arguments and returns what to print and the exit code, so that it
//! is tested without spawning a process. It is pure but for two things: `check`,
//! `mentions` and `render` read a configuration file (or a URL through the system's
//! `curl`), and `render` without `--date` reads the system's clock.

pub mod check;
pub mod mentions;
pub mod quote;
pub mod render;
pub mod rules;

use crate::i18n::{Lang, Text};

/// What a command prints and how it exits.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    pub fn ok(stdout: impl Into<String>) -> Output {
        Output { stdout: stdout.into(), stderr: String::new(), code: 0 }
    }

    pub fn fail(code: i32, stderr: impl Into<String>) -> Output {
        Output { stdout: String::new(), stderr: stderr.into(), code }
    }
}

pub const USAGE: &str = "\
circo-don — real cost of a gift to a campaign, and checks for a circo's configuration

Usage:
  circo-don quote   --gift AMOUNT [household options] [--method cheque|transfer|card|direct-debit|cash] [--json]
  circo-don reverse --net AMOUNT  [household options] [--method cheque|transfer|card|direct-debit|cash] [--json]
  circo-don check   FILE|URL [--json]
  circo-don mentions FILE|URL [--circo ID] [--lang fr|en]
  circo-don render  FILE|URL --config-url URL --base URL [--lang fr|en] [--date YYYY-MM-DD] [--circo ID]
  circo-don schema  [--registry]
  circo-don rules                 the table of legal rules, with sources (Markdown)

Household options:
  --income AMOUNT            revenu imposable of the tax household
  --tax-due AMOUNT           income tax due before reductions
  --not-taxable              the household owes no income tax
  --other-gifts AMOUNT       other art. 200 gifts this year (charities, parties...)
  --carried AMOUNT           excess carried over from earlier years
  --given-elsewhere AMOUNT   already given to other candidates of the same election

The method defaults to transfer, as in the widget. Options also take the form --income=30000.
`mentions` prints what L52-9 requires on every appeal for gifts (leaflet, poster, web
page): who receives the gifts and the full texts of L52-8 al. 1-3 and L113-1 III.
`render` prints the snippet to paste in a page: the widget's initial view prerendered
(readable without JavaScript), then the script that makes it live. --config-url is the
configuration's URL as the page will load it, --base where circo-don.js is served;
--date the day the view speaks of (default: today, UTC).
Exit codes: 0 ok, 1 refused by the law (the message names the rule) or a configuration
with errors, 2 bad arguments.

Amounts accept French and English forms: 37, 37,50, 37.50, 1 000 €, 1000€, €1,234.56,
€1,234, 1.234,56, 1,234,567. A single , or . followed by exactly 3 digits is ambiguous
(1,500: 1,50 € or 1 500 €?) and refused: write 1 500 or 1,50. Only after a leading €
does such a comma separate thousands (€1,500 = one thousand five hundred euros).
";

/// The usage line of a command, `usage : …` then `usage: …`, as its `--help` prints it.
fn usage(fr: &str, en: &str) -> String {
    format!("{}\n", Text::new(format!("usage : {fr}"), format!("usage: {en}")))
}

/// A usage error of `command` (exit 2): what is wrong, then the command's usage.
fn misuse(command: &str, problem: Text, usage: &str) -> Output {
    Output::fail(2, format!("{command}: {problem}\n{usage}"))
}

fn unknown_option(flag: &str) -> Text {
    Text::new("option inconnue", format!("unknown option {flag}"))
}

fn unexpected_argument(arg: &str) -> Text {
    Text::new("argument en trop", format!("unexpected argument {arg:?}"))
}

/// A command's arguments one by one, `--flag=value` split into the flag and its value.
pub(crate) struct Flags<'a>(std::slice::Iter<'a, String>);

impl<'a> Flags<'a> {
    fn new(args: &'a [String]) -> Flags<'a> {
        Flags(args.iter())
    }

    /// The next argument, and the value written after its `=`, if any.
    fn next_flag(&mut self) -> Option<(&'a str, Option<&'a str>)> {
        let arg = self.0.next()?.as_str();
        Some(match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v)),
            _ => (arg, None),
        })
    }

    /// The value of `flag`: after its `=`, or the next argument; a usage error of
    /// `command` without one.
    fn value(&mut self, command: &str, flag: &str, inline: Option<&'a str>, usage: &str) -> Result<&'a str, Output> {
        inline.or_else(|| self.0.next().map(String::as_str)).ok_or_else(|| {
            misuse(command, Text::new(format!("{flag} sans valeur"), format!("{flag} needs a value")), usage)
        })
    }
}

/// `--lang`'s value, or a usage error of `command`.
fn parse_lang(command: &str, value: &str, usage: &str) -> Result<Lang, Output> {
    Lang::from_tag(value).ok_or_else(|| misuse(command, Text::new("langue inconnue", format!("unknown language {value:?} (fr, en)")), usage))
}

/// Runs the command line `args` (without the program name).
pub fn run(args: &[String]) -> Output {
    match args.first().map(String::as_str) {
        Some("quote") => quote::quote(&args[1..]),
        Some("reverse") => quote::reverse(&args[1..]),
        Some("check") => check::check(&args[1..]),
        Some("schema") => check::schema(&args[1..]),
        Some("rules") => rules::rules(&args[1..]),
        Some("mentions") => mentions::mentions(&args[1..]),
        Some("render") => render::render(&args[1..]),
        Some("help" | "--help" | "-h") => Output::ok(USAGE),
        Some(other) => {
            let unknown = Text::new(format!("commande inconnue {other:?}"), format!("unknown command {other:?}"));
            Output::fail(2, format!("{unknown}\n\n{USAGE}"))
        }
        None => Output::fail(2, USAGE),
    }
}

#[cfg(test)]
mod tests {
    use super::run;

    fn run_args(args: &[&str]) -> super::Output {
        run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    /// The command line prints each bilingual message as `fr / en`, prefixes and usage
    /// lines included, byte for byte.
    #[test]
    fn messages_print_french_slash_english_exactly() {
        let check_usage = "usage : circo-don check FICHIER|URL [--json] / usage: circo-don check FILE|URL [--json]\n";
        let mentions_usage = "usage : circo-don mentions FICHIER|URL [--circo ID] [--lang fr|en] / usage: circo-don mentions FILE|URL [--circo ID] [--lang fr|en]\n";
        let cases = [
            (vec!["check"], check_usage.to_owned()),
            (vec!["check", "--frob"], format!("check: option inconnue / unknown option --frob\n{check_usage}")),
            (vec!["check", "a", "b"], format!("check: argument en trop / unexpected argument \"b\"\n{check_usage}")),
            (vec!["schema", "x"], "usage : circo-don schema [--registry] / usage: circo-don schema [--registry]\n".to_owned()),
            (vec!["rules", "x"], "usage : circo-don rules / usage: circo-don rules\n".to_owned()),
            (vec!["mentions", "--circo"], format!("mentions: --circo sans valeur / --circo needs a value\n{mentions_usage}")),
            (vec!["mentions", "--lang=de"], format!("mentions: langue inconnue / unknown language \"de\" (fr, en)\n{mentions_usage}")),
            (vec!["mentions", "--frob"], format!("mentions: option inconnue / unknown option --frob\n{mentions_usage}")),
            (vec!["mentions", "a", "b"], format!("mentions: argument en trop / unexpected argument \"b\"\n{mentions_usage}")),
            (
                vec!["mentions", "demo/registry.json"],
                "mentions: demo/registry.json est un registre : choisissez une circonscription avec --circo (par exemple 75-01) / is a registry: pick a circo with --circo (e.g. 75-01)\n".to_owned(),
            ),
            (
                vec!["mentions", "demo/circo-exemple.json", "--circo", "75-01"],
                "mentions: demo/circo-exemple.json décrit la circonscription 99-01 et non 75-01 / describes circo 99-01, not 75-01\n".to_owned(),
            ),
            (
                vec!["mentions", "demo/registry.json", "--circo", "12-34"],
                "mentions: pas de circonscription 12-34 dans demo/registry.json / no circo 12-34 in demo/registry.json\n".to_owned(),
            ),
            (
                vec!["mentions", "demo/registry.json", "--circo", "99-01"],
                "mentions: le compte de 99-01 est dans demo/circo-exemple.json : lancez circo-don mentions sur ce fichier / the account of 99-01 is in demo/circo-exemple.json: run circo-don mentions on that file\n".to_owned(),
            ),
            (
                vec!["mentions", "tests/configs/broken/invalid-json.json"],
                "mentions: tests/configs/broken/invalid-json.json a des erreurs : corrigez-les d’abord (circo-don check tests/configs/broken/invalid-json.json) / has errors: fix them first (circo-don check tests/configs/broken/invalid-json.json)\n".to_owned(),
            ),
        ];
        for (args, stderr) in cases {
            assert_eq!(run_args(&args).stderr, stderr, "{args:?}");
        }
        assert_eq!(run_args(&["check", "--help"]).stdout, check_usage);
        assert!(run_args(&["frobnicate"]).stderr.starts_with("commande inconnue \"frobnicate\" / unknown command \"frobnicate\"\n\n"));
        let unreadable = run_args(&["check", "tests/configs/nothing-here.json"]).stderr;
        assert!(unreadable.starts_with("check: tests/configs/nothing-here.json : lecture impossible / cannot read: "), "{unreadable}");
    }

    #[test]
    fn check_report_lines_print_french_slash_english_exactly() {
        let broken = run_args(&["check", "tests/configs/broken/invalid-json.json"]).stdout;
        assert!(broken.starts_with("tests/configs/broken/invalid-json.json: configuration inutilisable / unusable configuration\n\nERREUR / ERROR  (fichier / file)  [json-syntax]\n"), "{broken}");
        assert!(broken.ends_with("\n1 erreur(s), 0 avertissement(s) / 1 error(s), 0 warning(s)\nLe widget n’affichera pas les moyens de paiement tant que les erreurs ne sont pas corrigées. / The widget will not show payment details until the errors are fixed.\n"), "{broken}");
        let warned = run_args(&["check", "tests/configs/warnings/payee-case.json"]).stdout;
        assert!(warned.starts_with("tests/configs/warnings/payee-case.json: compte 99-01 — Camille Martin, mandataire Claude Durand / account 99-01\n\navertissement / warning  payment.cheque.payee  [title-spelling]\n"), "{warned}");
        assert!(warned.ends_with("\n0 erreur(s), 1 avertissement(s) / 0 error(s), 1 warning(s)\n"), "{warned}");
        let registry = run_args(&["check", "tests/configs/broken/registry-inline-typo.json"]).stdout;
        assert!(registry.starts_with("tests/configs/broken/registry-inline-typo.json: registre de 3 circonscriptions (1 en ligne, 2 liens) / registry of 3 circos (1 inline, 2 links)\n"), "{registry}");
        assert!(registry.ends_with(" / The widget will not show payment details for the circos in error until they are fixed.\n"), "{registry}");
    }
}

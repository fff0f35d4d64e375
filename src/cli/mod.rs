//! The `circo-don` command-line tool: the same core as the widget, for people who
//! script and for checking the engine from outside.
//!
//! Two stages, as in ripgrep: clap reads the arguments into each command's typed
//! arguments ([`Cli`]; usage errors in clap's usual shape, exit 2; values such as
//! amounts, methods, languages and dates are read by the core's own parsers and refused
//! in its words), then the command decides through the core. [`run`] takes the
//! arguments and returns what to print and the exit code, so that it is tested without
//! spawning a process. It is pure but for two things: `check`, `mentions` and `render`
//! read a configuration file (or fetch a URL through the system's `curl`, checked as the
//! widget checks its download: [`fetch`]), and `render` without `--date` reads the
//! system's clock.

pub mod check;
pub mod communes;
pub mod fetch;
pub mod mentions;
pub mod monthly;
pub mod quote;
pub mod register;
pub mod render;
pub mod rules;
pub mod statement;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand};

use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::payment::Method;
use crate::money::{parse_amount, Cents};

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

const AFTER_HELP: &str = "\
Amounts accept French and English forms: 37, 37,50, 37.50, 1 000 €, 1000€, €1,234.56,
€1,234, 1.234,56, 1,234,567. A single , or . followed by exactly 3 digits is ambiguous
(1,500: 1,50 € or 1 500 €?) and refused: write 1 500 or 1,50. Only after a leading €
does such a comma separate thousands (€1,500 = one thousand five hundred euros).

Every message is written French first, then English (`fr / en`).
Exit codes: 0 ok, 1 refused by the law (the message names the rule), a configuration
with errors or one the widget would not load, 2 bad arguments or unreadable input.

Examples (from the repository's root):
  circo-don quote --gift 37 --income 30000 --tax-due 2000
  circo-don check demo/circo-exemple.json
  circo-don completions bash";

/// circo-don: the real cost of a gift to a campaign, and checks for a circo's configuration.
#[derive(Debug, Parser)]
#[command(name = "circo-don", version, propagate_version = true, arg_required_else_help = true, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The real cost of a gift after the income-tax reduction, with every step.
    #[command(after_help = quote::QUOTE_EXAMPLES)]
    Quote(quote::QuoteArgs),
    /// The largest gift whose real cost is at most an amount.
    #[command(after_help = quote::REVERSE_EXAMPLES)]
    Reverse(quote::ReverseArgs),
    /// Checks a collective's configuration (account or registry) as the widget reads it.
    #[command(after_help = check::CHECK_HELP)]
    Check(check::CheckArgs),
    /// The mentions L52-9 requires on every appeal for gifts, in full, for one account.
    #[command(after_help = mentions::MENTIONS_HELP)]
    Mentions(mentions::MentionsArgs),
    /// The snippet to paste in a page: the widget's first view prerendered, then its script.
    #[command(after_help = render::RENDER_HELP)]
    Render(render::RenderArgs),
    /// A registry's communes split into the small files a page loads as a donor searches.
    #[command(after_help = communes::COMMUNES_HELP)]
    Communes(communes::CommunesArgs),
    /// The JSON Schema of account files (or of registries, or of their commune files).
    #[command(after_help = check::SCHEMA_EXAMPLES)]
    Schema(check::SchemaArgs),
    /// The entries of a bank statement (CAMT.053, OFX or CSV), as the register reads them.
    #[command(after_help = statement::STATEMENT_HELP)]
    Statement(statement::StatementArgs),
    /// The checks and the summary of a register file (the register page's), with the goal's figures.
    #[command(after_help = register::REGISTER_HELP)]
    Register(register::RegisterArgs),
    /// The table of legal rules, with their sources (Markdown).
    #[command(after_help = "Example:\n  circo-don rules")]
    Rules,
    /// A shell's completion script for circo-don, on standard output.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
}

const COMPLETIONS_HELP: &str = "\
Install, for example: circo-don completions bash > ~/.local/share/bash-completion/completions/circo-don

Examples:
  circo-don completions bash
  circo-don completions zsh
  circo-don completions fish";

/// Runs the command line `args` (without the program name).
pub fn run(args: &[String]) -> Output {
    let cli = match Cli::try_parse_from(std::iter::once("circo-don").chain(args.iter().map(String::as_str))) {
        Ok(cli) => cli,
        // --help and --version are "errors" that print on stdout and exit 0.
        Err(e) if e.use_stderr() => return Output::fail(e.exit_code(), e.render().to_string()),
        Err(e) => return Output { stdout: e.render().to_string(), stderr: String::new(), code: e.exit_code() },
    };
    match cli.command {
        Command::Quote(a) => quote::quote(&a),
        Command::Reverse(a) => quote::reverse(&a),
        Command::Check(a) => check::check(&a),
        Command::Mentions(a) => mentions::mentions(&a),
        Command::Render(a) => render::render(&a),
        Command::Communes(a) => communes::communes(&a),
        Command::Schema(a) => Output::ok(if a.communes { check::communes_schema_text() } else { check::schema_text(a.registry) }),
        Command::Statement(a) => statement::statement(&a),
        Command::Register(a) => register::register(&a),
        Command::Rules => rules::rules(),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "circo-don", &mut script);
            Output::ok(String::from_utf8_lossy(&script).into_owned())
        }
    }
}

/// A value read by one of the core's parsers, refused in its words (`fr / en`), with
/// the names shown in `--help` and offered by the shells' completions.
#[derive(Clone)]
pub(crate) struct Named<T> {
    names: &'static [&'static str],
    parse: fn(&str) -> Result<T, String>,
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Named<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &std::ffi::OsStr) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.names.iter().map(|name| PossibleValue::new(*name))))
    }
}

/// `--lang`: `fr` or `en` (a tag such as `fr-FR` too).
pub(crate) fn lang() -> Named<Lang> {
    Named {
        names: &["fr", "en"],
        parse: |value| Lang::from_tag(value).ok_or_else(|| Text::new("langue inconnue (fr, en)", "unknown language (fr, en)").to_string()),
    }
}

/// `--method`: the method's name, in English or French.
pub(crate) fn method() -> Named<Method> {
    Named {
        names: &["cheque", "transfer", "card", "direct-debit", "cash"],
        parse: |value| {
            Method::parse(value).ok_or_else(|| {
                Text::new("attendu cheque, transfer, card, direct-debit ou cash", "expected cheque, transfer, card, direct-debit or cash").to_string()
            })
        },
    }
}

/// An amount, as a donor types it in the widget.
pub(crate) fn amount(value: &str) -> Result<Cents, String> {
    parse_amount(value).map_err(|e| e.message().to_string())
}

/// `--date`: `YYYY-MM-DD`, a day of the calendar.
pub(crate) fn date(value: &str) -> Result<Date, String> {
    Date::parse_iso(value).ok_or_else(|| Text::new("date invalide (AAAA-MM-JJ)", "invalid date (YYYY-MM-DD)").to_string())
}

#[cfg(test)]
mod tests {
    use super::run;

    fn run_args(args: &[&str]) -> super::Output {
        run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_arguments_are_declared_consistently() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }

    /// Usage errors are clap's, on stderr with exit 2; --help and --version print on
    /// stdout and exit 0, for the tool and for every command.
    #[test]
    fn usage_errors_help_and_version_have_the_usual_shape() {
        let out = run_args(&["check", "--frob", "x.json"]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""));
        assert!(out.stderr.starts_with("error: unexpected argument '--frob' found\n"), "{}", out.stderr);
        assert!(out.stderr.contains("Usage: circo-don check [OPTIONS] <FILE|URL>"), "{}", out.stderr);
        let out = run_args(&["frobnicate"]);
        assert_eq!(out.code, 2);
        assert!(out.stderr.starts_with("error: unrecognized subcommand 'frobnicate'"), "{}", out.stderr);
        let out = run_args(&[]);
        assert_eq!(out.code, 2);
        assert!(out.stderr.contains("Commands:") && out.stderr.contains("completions"), "{}", out.stderr);
        let out = run_args(&["--version"]);
        assert_eq!((out.code, out.stdout.as_str()), (0, concat!("circo-don ", env!("CARGO_PKG_VERSION"), "\n")));
        for command in ["quote", "reverse", "check", "mentions", "render", "schema", "rules", "completions"] {
            let out = run_args(&[command, "--help"]);
            assert_eq!(out.code, 0, "{command}: {out:?}");
            assert!(out.stdout.contains(&format!("Usage: circo-don {command}")), "{command}: {}", out.stdout);
            assert!(out.stdout.contains("circo-don ") && out.stdout.contains("Example"), "{command} shows an example: {}", out.stdout);
            assert_eq!(run_args(&["help", command]).stdout, out.stdout, "{command}");
        }
    }

    /// A value the core cannot read is refused in clap's shape, with the core's reason
    /// in French then English.
    #[test]
    fn values_are_refused_in_the_cores_words() {
        let cases = [
            (vec!["mentions", "demo/circo-exemple.json", "--lang=de"], "error: invalid value 'de' for '--lang <LANG>': langue inconnue (fr, en) / unknown language (fr, en)\n"),
            (
                vec!["render", "demo/circo-exemple.json", "--config-url", "c", "--base", "./", "--date", "2026-02-30"],
                "error: invalid value '2026-02-30' for '--date <YYYY-MM-DD>': date invalide (AAAA-MM-JJ) / invalid date (YYYY-MM-DD)\n",
            ),
            (
                vec!["quote", "--gift", "37", "--method", "bitcoin"],
                "error: invalid value 'bitcoin' for '--method <METHOD>': attendu cheque, transfer, card, direct-debit ou cash / expected cheque, transfer, card, direct-debit or cash\n",
            ),
        ];
        for (args, start) in cases {
            let out = run_args(&args);
            assert_eq!(out.code, 2, "{args:?}");
            assert!(out.stderr.starts_with(start), "{args:?}: {}", out.stderr);
        }
    }

    /// What is not a usage error stays in the core's words, French then English, byte
    /// for byte.
    #[test]
    fn messages_print_french_slash_english_exactly() {
        let cases = [
            (
                vec!["mentions", "demo/registry.json"],
                "mentions: demo/registry.json est un registre : choisissez une circonscription avec --circo (par exemple 75-01) / is a registry: pick a circo with --circo (e.g. 75-01)\n",
            ),
            (vec!["mentions", "demo/circo-exemple.json", "--circo", "75-01"], "mentions: demo/circo-exemple.json décrit la circonscription 99-01 et non 75-01 / describes circo 99-01, not 75-01\n"),
            (vec!["mentions", "demo/registry.json", "--circo", "12-34"], "mentions: pas de circonscription 12-34 dans demo/registry.json / no circo 12-34 in demo/registry.json\n"),
            (
                vec!["mentions", "demo/registry.json", "--circo", "99-01"],
                "mentions: le compte de 99-01 est dans demo/circo-exemple.json : lancez circo-don mentions sur ce fichier / the account of 99-01 is in demo/circo-exemple.json: run circo-don mentions on that file\n",
            ),
            (
                vec!["mentions", "tests/configs/broken/invalid-json.json"],
                "mentions: tests/configs/broken/invalid-json.json a des erreurs : corrigez-les d’abord (circo-don check tests/configs/broken/invalid-json.json) / has errors: fix them first (circo-don check tests/configs/broken/invalid-json.json)\n",
            ),
        ];
        for (args, stderr) in cases {
            assert_eq!(run_args(&args).stderr, stderr, "{args:?}");
        }
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

    #[test]
    fn completions_name_the_commands_for_each_shell() {
        for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
            let out = run_args(&["completions", shell]);
            assert_eq!(out.code, 0, "{shell}: {out:?}");
            for word in ["circo-don", "quote", "mentions", "gift"] {
                assert!(out.stdout.contains(word), "{shell} completes {word}");
            }
            // The values the core reads (its methods, its languages) complete too.
            if ["bash", "zsh", "fish"].contains(&shell) {
                assert!(out.stdout.contains("direct-debit") && out.stdout.contains("fr"), "{shell} completes the values");
            }
        }
        assert_eq!(run_args(&["completions", "tcsh"]).code, 2);
    }
}

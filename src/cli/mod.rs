//! The `circo-don` command-line tool: the same core as the widget, for people who
//! script and for checking the engine from outside.
//!
//! [`run`] takes the arguments and returns what to print and the exit code, so that it
//! is tested without spawning a process. It is pure but for one thing: `check` reads a
//! configuration file, or a URL through the system's `curl`.

pub mod check;
pub mod mentions;
pub mod quote;
pub mod rules;

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
Exit codes: 0 ok, 1 refused by the law (the message names the rule) or a configuration
with errors, 2 bad arguments.

Amounts accept French and English forms: 37, 37,50, 37.50, 1 000 €, 1000€, €1,234.56,
€1,234, 1.234,56, 1,234,567. A single , or . followed by exactly 3 digits is ambiguous
(1,500: 1,50 € or 1 500 €?) and refused: write 1 500 or 1,50. Only after a leading €
does such a comma separate thousands (€1,500 = one thousand five hundred euros).
";

/// Runs the command line `args` (without the program name).
pub fn run(args: &[String]) -> Output {
    match args.first().map(String::as_str) {
        Some("quote") => quote::quote(&args[1..]),
        Some("reverse") => quote::reverse(&args[1..]),
        Some("check") => check::check(&args[1..]),
        Some("schema") => check::schema(&args[1..]),
        Some("rules") => rules::rules(&args[1..]),
        Some("mentions") => mentions::mentions(&args[1..]),
        Some("help" | "--help" | "-h") => Output::ok(USAGE),
        Some(other) => Output::fail(2, format!("commande inconnue {other:?} / unknown command {other:?}\n\n{USAGE}")),
        None => Output::fail(2, USAGE),
    }
}

//! `circo-don statement FILE`: the entries a bank statement holds, as the register reads
//! them ([`crate::register::statement`]), for scripting and for checking the readers from
//! outside.

use clap::Args;
use serde_json::{json, Value};

use super::Output;
use crate::config;
use crate::i18n::Text;
use crate::register::statement::{self, Account, ColumnMapping, Entry, Format, Statement, StatementError};

pub(super) const STATEMENT_HELP: &str = "\
The format is detected from the content unless --format says it. A CSV export is read
with the column mapping proposed from its header row, printed first, unless --columns
gives one (a JSON file, as schema/README.md describes it).

Examples:
  circo-don statement tests/statements/camt053-001.08-remise-cheques.xml
  circo-don statement tests/statements/ofx1-cp1252.ofx --json
  circo-don statement tests/statements/csv-signe-cp1252.csv";

/// `circo-don statement`'s arguments.
#[derive(Debug, Args)]
pub struct StatementArgs {
    /// The statement file (CAMT.053, OFX or CSV).
    file: String,
    /// The format, instead of detecting it.
    #[arg(long, value_parser = ["camt", "ofx", "csv"])]
    format: Option<String>,
    /// A CSV export's column mapping (a JSON file), instead of the proposed one.
    #[arg(long, value_name = "FILE")]
    columns: Option<String>,
    /// The account's circo.json: the statement must be of its transfer IBAN.
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
    /// Every statement and entry as JSON, amounts in cents.
    #[arg(long)]
    json: bool,
}

fn unreadable(path: &str, why: Text) -> Output {
    Output::fail(2, format!("statement: {path} : {why}\n"))
}

fn refused(file: &str, e: &StatementError) -> Output {
    Output::fail(1, format!("statement: {file} : {}\n", e.message()))
}

/// Prints the entries of `args.file`.
pub fn statement(args: &StatementArgs) -> Output {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return unreadable(&args.file, Text::new(format!("lecture impossible ({e})"), format!("cannot read it ({e})"))),
    };
    let format = match args.format.as_deref().and_then(Format::from_name).or_else(|| statement::detect(&bytes)) {
        Some(f) => f,
        None => {
            return Output::fail(
                1,
                format!(
                    "statement: {} : {}\n",
                    args.file,
                    Text::new(
                        "ni un relevé CAMT.053, ni un OFX, ni un export CSV : précisez --format si c’en est un",
                        "neither a CAMT.053 statement, an OFX file nor a CSV export: say --format if it is one"
                    )
                ),
            )
        }
    };
    let mut preface = String::new();
    let mapping = match (format, &args.columns) {
        (Format::Csv, Some(path)) => match std::fs::read_to_string(path).map(|t| serde_json::from_str::<ColumnMapping>(&t)) {
            Ok(Ok(m)) => Some(m),
            Ok(Err(e)) => return unreadable(path, Text::new(format!("correspondance de colonnes illisible ({e})"), format!("unreadable column mapping ({e})"))),
            Err(e) => return unreadable(path, Text::new(format!("lecture impossible ({e})"), format!("cannot read it ({e})"))),
        },
        (Format::Csv, None) => match statement::csv::propose(&bytes) {
            Ok(p) => {
                let mapping = serde_json::to_string(&p.mapping).unwrap_or_default();
                preface = format!(
                    "{}\n",
                    Text::new(
                        format!("Colonnes proposées d’après l’en-tête de la ligne {} : {mapping}", p.header_line),
                        format!("Columns proposed from the header on line {}: {mapping}", p.header_line)
                    )
                );
                Some(p.mapping)
            }
            Err(e) => return refused(&args.file, &e),
        },
        _ => None,
    };
    let statements = match statement::read(&bytes, format, mapping.as_ref()) {
        Ok(s) => s,
        Err(e) => return refused(&args.file, &e),
    };
    if let Some(path) = &args.config {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => return unreadable(path, Text::new(format!("lecture impossible ({e})"), format!("cannot read it ({e})"))),
        };
        let loaded = config::load(&text);
        let Some(iban) = loaded.account().and_then(|a| a.payment.transfer.as_ref()).map(|t| t.iban.clone()) else {
            return unreadable(
                path,
                Text::new(
                    "n’est pas un compte valide avec virement : lancez circo-don check sur ce fichier",
                    "is not a valid account with a transfer: run circo-don check on that file",
                ),
            );
        };
        for s in &statements {
            if let Err(e) = statement::check_account(s, &iban) {
                return refused(&args.file, &e);
            }
        }
    }
    if args.json {
        let list: Vec<Value> = statements.iter().map(statement_json).collect();
        let mut v = json!({ "format": format.name(), "statements": list });
        if let (Some(m), Some(map)) = (&mapping, v.as_object_mut()) {
            map.insert("columns".into(), serde_json::to_value(m).unwrap_or(Value::Null));
        }
        return Output::ok(format!("{v}\n"));
    }
    Output::ok(preface + &statements.iter().map(human).collect::<String>())
}

fn account_text(a: &Account) -> String {
    match a {
        Account::Iban(iban) => iban.clone(),
        Account::Number { number } => number.clone(),
        Account::Unstated => "-".into(),
    }
}

fn statement_json(s: &Statement) -> Value {
    let account = match &s.account {
        Account::Iban(iban) => json!({ "iban": iban }),
        Account::Number { number } => json!({ "number": number }),
        Account::Unstated => Value::Null,
    };
    json!({
        "account": account,
        "currency": s.currency,
        "id": s.id,
        "entries": s.entries.iter().map(entry_json).collect::<Vec<_>>(),
    })
}

fn entry_json(e: &Entry) -> Value {
    json!({
        "id": e.id.as_str(),
        "booking_date": e.booking_date.to_string(),
        "amount_cents": e.amount.get(),
        "currency": e.currency,
        "payer": e.counterparty,
        "remittance": e.remittance,
        "bank_reference": e.bank_reference,
        "cheque_number": e.cheque_number,
        "batch": e.batch.as_ref().map(|b| json!({ "amount_cents": b.amount.get(), "label": b.label, "index": b.index, "count": b.count })),
    })
}

/// One statement as lines: the account, then one line per entry.
fn human(s: &Statement) -> String {
    let n = s.entries.len();
    let (fr, en) = if n == 1 { ("1 écriture".to_owned(), "1 entry".to_owned()) } else { (format!("{n} écritures"), format!("{n} entries")) };
    let account = account_text(&s.account);
    let mut out = format!("{}\n", Text::new(format!("Compte {account} ({}), {fr}", s.currency), format!("Account {account} ({}), {en}", s.currency)));
    for e in &s.entries {
        let who = e.counterparty.as_deref().unwrap_or("-");
        let reference = e.bank_reference.as_deref().unwrap_or("-");
        out.push_str(&format!("  {}  {:>12}  {who}  {}  [{reference}]\n", e.booking_date, e.amount.text().fr, e.remittance));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::cli::quote::tests::run_str;

    fn file(name: &str) -> String {
        format!("{}/tests/statements/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn a_cheque_deposit_is_one_entry_per_cheque_with_its_batch() {
        let out = run_str(&format!("statement {} --json", file("camt053-001.08-remise-cheques.xml")));
        assert_eq!(out.code, 0, "{out:?}");
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["format"], "camt");
        let entries = v["statements"][0]["entries"].as_array().unwrap();
        let batched: Vec<_> = entries.iter().filter(|e| !e["batch"].is_null()).collect();
        assert!(batched.len() >= 2, "{v}");
        let total = batched[0]["batch"]["amount_cents"].as_i64().unwrap();
        let parts: i64 = batched.iter().filter(|e| e["batch"]["amount_cents"] == total).map(|e| e["amount_cents"].as_i64().unwrap()).sum();
        assert_eq!(parts, total, "the cheques add up to the deposit");
    }

    #[test]
    fn a_csv_export_is_read_with_the_proposed_columns_said_first() {
        let out = run_str(&format!("statement {}", file("csv-signe-cp1252.csv")));
        assert_eq!(out.code, 0, "{out:?}");
        assert!(out.stdout.starts_with("Colonnes proposées d’après l’en-tête de la ligne "), "{}", out.stdout);
        assert!(out.stdout.contains("\n  20"), "entries listed: {}", out.stdout);
    }

    #[test]
    fn broken_files_and_other_accounts_exit_1_naming_the_place() {
        for name in ["broken-camt053-truncated.xml", "broken-camt053-wrong-currency.xml", "broken-csv-bad-amount.csv", "broken-ofx1-bad-date.ofx"] {
            let out = run_str(&format!("statement {}", file(name)));
            assert_eq!(out.code, 1, "{name}: {out:?}");
            assert!(out.stderr.starts_with("statement: ") && out.stderr.contains(" / "), "{name}: both languages: {}", out.stderr);
        }
        // The corpus's account, FR76 3000 6000 0112 3456 7890 189, against the demo's
        // configuration (another IBAN), then against the same configuration with it.
        let demo = format!("{}/demo/circo-exemple.json", env!("CARGO_MANIFEST_DIR"));
        let other = run_str(&format!("statement {} --config {demo}", file("camt053-001.02-virements.xml")));
        assert_eq!(other.code, 1, "{other:?}");
        let text = std::fs::read_to_string(&demo).unwrap().replace("FR76 9999 9000 0100 0123 4567 809", "FR76 3000 6000 0112 3456 7890 189");
        let own = std::env::temp_dir().join(format!("circo-don-statement-{}.json", std::process::id()));
        std::fs::write(&own, text).unwrap();
        let same = run_str(&format!("statement {} --config {}", file("camt053-001.02-virements.xml"), own.display()));
        std::fs::remove_file(&own).unwrap();
        assert_eq!(same.code, 0, "{same:?}");
        assert_eq!(run_str("statement /nowhere/at/all.xml").code, 2);
    }
}

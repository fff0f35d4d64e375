//! `circo-don register FILE --config circo.json`: the checks and the summary of a
//! register file (the one the register page saves), for scripting and for checking the
//! register's engine from outside. The passphrase comes from the environment
//! ([`PASSPHRASE_VAR`]) or a prompt without echo, never from an argument (arguments are
//! visible to every user of the machine and kept in shell histories).

use clap::Args;
use serde_json::{json, Value};

use super::Output;
use crate::config;
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::register::checks::{self, At, Check, Context, Level};
use crate::register::outputs::{self, Summary};
use crate::register::session::Session;
use crate::register::file;

/// The environment variable that gives the register file's passphrase.
pub const PASSPHRASE_VAR: &str = "CIRCO_DON_PASSPHRASE";

pub(super) const REGISTER_HELP: &str = "\
The passphrase is read from the environment variable CIRCO_DON_PASSPHRASE, else asked
without echo on the terminal; never as an argument. Exit 1 when a check at the error
level fires (a donor over the cap, cash over its caps, a gift outside the collection
window, a receipt number used twice), as `check` does. The example register's
passphrase is « registre exemple ».

Example:
  circo-don register tests/registers/exemple.circo-reg --config demo/circo-exemple.json";

/// `circo-don register`'s arguments.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// The register file the register page saved (.circo-reg).
    file: String,
    /// The account's circo.json: its election's dates and its circo's population.
    #[arg(long, value_name = "FILE")]
    config: String,
    /// The day the goal's `as_of` names (YYYY-MM-DD); today by default.
    #[arg(long, value_parser = super::date)]
    date: Option<Date>,
    /// The checks, the summary and the goal's figures as JSON, amounts in cents.
    #[arg(long)]
    json: bool,
}

fn unreadable(path: &str, why: Text) -> Output {
    Output::fail(2, format!("register: {path} : {why}\n"))
}

fn read_error(e: std::io::Error) -> Text {
    Text::new(format!("lecture impossible ({e})"), format!("cannot read it ({e})"))
}

/// The passphrase: the environment's, else asked on the terminal.
fn passphrase() -> Result<String, Text> {
    if let Some(p) = std::env::var_os(PASSPHRASE_VAR) {
        return p.into_string().map_err(|_| Text::new(format!("{PASSPHRASE_VAR} n’est pas de l’UTF-8"), format!("{PASSPHRASE_VAR} is not UTF-8")));
    }
    rpassword::prompt_password("Phrase de passe du registre / Register passphrase: ").map_err(|e| {
        Text::new(
            format!("phrase de passe illisible ({e}) : donnez-la dans {PASSPHRASE_VAR}"),
            format!("cannot read the passphrase ({e}): give it in {PASSPHRASE_VAR}"),
        )
    })
}

/// Runs `circo-don register`.
pub fn register(args: &RegisterArgs) -> Output {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return unreadable(&args.file, read_error(e)),
    };
    let text = match std::fs::read_to_string(&args.config) {
        Ok(t) => t,
        Err(e) => return unreadable(&args.config, read_error(e)),
    };
    let loaded = config::load(&text);
    let Some(account) = loaded.account() else {
        return unreadable(
            &args.config,
            Text::new("n’est pas un compte valide : lancez circo-don check sur ce fichier", "is not a valid account: run circo-don check on that file"),
        );
    };
    let passphrase = match passphrase() {
        Ok(p) => p,
        Err(why) => return unreadable(&args.file, why),
    };
    let today = args.date.unwrap_or_else(super::render::today_utc);
    report(&args.file, &bytes, &passphrase, &Context::of(account), today, args.json)
}

/// The report of a register file's `bytes` opened with `passphrase`.
fn report(path: &str, bytes: &[u8], passphrase: &str, ctx: &Context, today: Date, as_json: bool) -> Output {
    let plain = match file::open(bytes, passphrase) {
        Ok(p) => p,
        Err(e) => return Output::fail(2, format!("register: {path} : {}\n", e.message())),
    };
    let session = match Session::from_json(&plain) {
        Ok(s) => s,
        Err(why) => return unreadable(path, why),
    };
    let found = checks::checks(&session.register, ctx);
    let summary = Summary::of(&session.register, &found, ctx, &session.entries);
    let goal = outputs::goal(&summary, today);
    let code = i32::from(summary.errors > 0);
    let stdout = if as_json { json_report(&found, &summary, goal) + "\n" } else { text_report(path, &session, &found, &summary, goal) };
    Output { stdout, stderr: String::new(), code }
}

fn place(at: At, session: &Session, lang: Lang) -> String {
    match at {
        At::Gift(id) => {
            let what = session.register.gift(id).map(|g| format!("{}, {}", g.date.format(lang), g.amount.format_with_cents(lang))).unwrap_or_default();
            format!("{} {id} ({what})", lang.pick("don", "gift"))
        }
        At::Donor(id) => {
            let name = session.register.donor(id).map(|d| d.display_name()).unwrap_or_default();
            format!("{} {id} ({name})", lang.pick("donateur", "donor"))
        }
        At::Register => lang.pick("registre", "register").to_owned(),
    }
}

fn text_report(path: &str, session: &Session, found: &[Check], summary: &Summary, goal: outputs::GoalFigures) -> String {
    let mut out = format!("{}\n", Text::new(format!("Registre {path}"), format!("Register {path}")));
    for line in summary.lines() {
        out.push_str(&format!("{line}\n"));
    }
    out.push_str(&format!(
        "{}\n",
        Text::new(
            format!("Objectif : raised = {} (euros), as_of = {}", goal.raised_euros, goal.as_of),
            format!("Goal: raised = {} (euros), as_of = {}", goal.raised_euros, goal.as_of)
        )
    ));
    out.push_str(&format!(
        "{}\n",
        Text::new(format!("{} erreur(s), {} avertissement(s)", summary.errors, summary.warnings), format!("{} error(s), {} warning(s)", summary.errors, summary.warnings))
    ));
    for c in found {
        let text = c.text();
        let line = Text::each(|l| {
            let level = match c.level {
                Level::Error => l.pick("erreur", "error"),
                Level::Warning => l.pick("avertissement", "warning"),
            };
            format!("[{}] {level}, {}{} {}", c.rule, place(c.at, session, l), l.pick(" :", ":"), text.get(l))
        });
        out.push_str(&format!("{line}\n"));
    }
    out
}

fn at_json(at: At) -> Value {
    match at {
        At::Gift(id) => json!({ "gift": id.0 }),
        At::Donor(id) => json!({ "donor": id.0 }),
        At::Register => json!("register"),
    }
}

fn json_report(found: &[Check], summary: &Summary, goal: outputs::GoalFigures) -> String {
    let checks: Vec<Value> = found
        .iter()
        .map(|c| {
            json!({
                "rule": c.rule.as_str(),
                "source": c.rule.rule().source,
                "level": match c.level { Level::Error => "error", Level::Warning => "warning" },
                "at": at_json(c.at),
                "to_return_cents": c.to_return().map(|t| t.get()),
                "fr": c.text().fr,
                "en": c.text().en,
            })
        })
        .collect();
    let value = json!({
        "ok": summary.errors == 0,
        "summary": {
            "gifts": summary.gifts,
            "donors": summary.donors,
            "total_cents": summary.total.get(),
            "by_method": summary.by_method.iter().map(|m| json!({ "method": m.method.as_str(), "count": m.count, "total_cents": m.total.get() })).collect::<Vec<_>>(),
            "cash_cents": summary.cash.get(),
            "cash_cap_cents": summary.cash_cap.map(|c| c.get()),
            "to_return_cents": summary.to_return_total().get(),
            "receipts_missing": summary.receipts_missing.len(),
            "unattributed": summary.unattributed,
            "unattributed_cents": summary.unattributed_total.get(),
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
        "goal": { "raised": goal.raised_euros, "as_of": goal.as_of.to_string() },
        "checks": checks,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Cents;
    use crate::payment::Method;
    use crate::register::file::KdfParams;
    use crate::register::model::tests::{entry, person};
    use crate::register::model::{NewGift, NotGift, Part};

    const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/registers/exemple.circo-reg");
    const PASSPHRASE: &str = "registre exemple";

    fn day(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// The example register (tests/registers/README.md): in demo/circo-exemple.json's
    /// collection window, no error, a few warnings.
    fn example() -> Session {
        let mut s = Session {
            entries: vec![
            entry("2026-11-02/VIR-0001", 5_000, "MME JEANNE MARTIN", "DON-7K3Q9M", "2026-11-02"),
            entry("2026-11-05/REM-0002", 18_000, "", "REMISE CHEQUES 3", "2026-11-05"),
            entry("2026-11-09/VIR-0003", 150_000, "CAMILLE MARTIN", "APPORT PERSONNEL", "2026-11-09"),
            entry("2026-11-12/VIR-0004", 3_700, "SARL LES TILLEULS", "SOUTIEN", "2026-11-12"),
            ],
            ..Session::default()
        };
        let r = &mut s.register;
        let jeanne = r.add_donor(person("Martin", "Jeanne"));
        let g = r.attribute(&s.entries[0], Some(jeanne)).unwrap();
        r.set_receipt(g, Some("2026-0001".into())).unwrap();
        let parts = [
            Part { payer: "DURAND PAUL".into(), cheque_number: Some("1234567".into()), amount: Cents::new(10_000) },
            Part { payer: "LEGER ANNE".into(), cheque_number: Some("7654321".into()), amount: Cents::new(5_000) },
            Part { payer: "PETIT LUC".into(), cheque_number: Some("1111111".into()), amount: Cents::new(3_000) },
        ];
        let ids = r.split(&s.entries[1], &parts).unwrap();
        let paul = r.add_donor(person("Durand", "Paul"));
        r.assign(ids[0], Some(paul)).unwrap();
        r.set_receipt(ids[0], Some("2026-0002".into())).unwrap();
        r.not_a_gift(&s.entries[2], NotGift::PersonalContribution).unwrap();
        r.attribute(&s.entries[3], None).unwrap();
        r.add_by_hand(NewGift { amount: Cents::new(2_000), date: day("2026-11-14"), method: Method::Cash, payer: None, cheque_number: None, donor: Some(paul) }).unwrap();
        s
    }

    fn ctx() -> Context {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap();
        Context::of(config::load(&text).account().unwrap())
    }

    #[test]
    fn the_example_register_holds_what_its_builder_says() {
        let small = KdfParams { memory_kib: 64, iterations: 1, lanes: 1 };
        if std::env::var_os("UPDATE_REGISTER_EXAMPLE").is_some() {
            let sealed = file::seal_with(small, &example().to_json(), PASSPHRASE, [3; file::SALT_LEN], [5; file::NONCE_LEN]).unwrap();
            std::fs::write(EXAMPLE, sealed).unwrap();
        }
        let bytes = std::fs::read(EXAMPLE).unwrap();
        assert_eq!(Session::from_json(&file::open(&bytes, PASSPHRASE).unwrap()).unwrap(), example(), "UPDATE_REGISTER_EXAMPLE=1 rewrites it");
    }

    #[test]
    fn the_report_gives_the_summary_the_checks_and_the_goal() {
        let bytes = std::fs::read(EXAMPLE).unwrap();
        let out = report("x", &bytes, PASSPHRASE, &ctx(), day("2026-11-30"), false);
        assert_eq!(out.code, 0, "{}", out.stdout);
        assert!(out.stdout.contains("6 gift(s), €287.00, from 2 donor(s)"), "{}", out.stdout);
        assert!(out.stdout.contains("raised = 287 (euros), as_of = 2026-11-30"), "{}", out.stdout);
        assert!(out.stdout.contains("[ce-l52-8-legal-persons] avertissement, don gift-"), "{}", out.stdout);
        assert!(out.stdout.contains("0 erreur(s), ") && !out.stdout.contains("] erreur"), "{}", out.stdout);
    }

    #[test]
    fn an_error_level_check_exits_1_and_the_json_says_it() {
        let mut s = example();
        let jeanne = s.register.donors[0].id;
        s.register
            .add_by_hand(NewGift { amount: Cents::from_euros(200), date: day("2026-11-20"), method: Method::Cash, payer: None, cheque_number: None, donor: Some(jeanne) })
            .unwrap();
        let small = KdfParams { memory_kib: 64, iterations: 1, lanes: 1 };
        let sealed = file::seal_with(small, &s.to_json(), "p", [1; file::SALT_LEN], [2; file::NONCE_LEN]).unwrap();
        let out = report("x", &sealed, "p", &ctx(), day("2026-11-30"), true);
        assert_eq!(out.code, 1);
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["ok"], false);
        assert_eq!(v["summary"]["to_return_cents"], 5_000);
        assert_eq!(v["goal"]["raised"], 437);
        assert!(v["checks"].as_array().unwrap().iter().any(|c| c["rule"] == "ce-l52-8-cash-150" && c["level"] == "error"), "{v}");
    }

    #[test]
    fn a_wrong_passphrase_is_refused_with_exit_2() {
        let bytes = std::fs::read(EXAMPLE).unwrap();
        let out = report("x", &bytes, "wrong", &ctx(), day("2026-11-30"), false);
        assert_eq!(out.code, 2);
        assert!(out.stdout.is_empty() && out.stderr.starts_with("register: x : "), "{out:?}");
    }
}

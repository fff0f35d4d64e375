//! `circo-don quote` and `circo-don reverse`: the law engine from the command line.
//!
//! Two stages, as in ripgrep: [`parse`] only reads and validates flags (exit 2 on a
//! bad argument), then the law engine decides (exit 1 on a legal refusal).

use serde_json::{json, Value};

use super::{Output, USAGE};
use crate::donation::{self, words, Mode, Outcome, Request};
use crate::i18n::Text;
use crate::law::limits::Refusal;
use crate::law::tax::{Household, Quote, TaxDue};
use crate::payment::Method;
use crate::money::{parse_amount, Cents};

/// The validated arguments of `quote` (amount = gift) or `reverse` (amount = net).
#[derive(Debug, Default)]
struct Args {
    amount: Option<Cents>,
    household: Household,
    given_elsewhere: Cents,
    method: Option<Method>,
    json: bool,
}

/// Reads the flags; `main_flag` is `--gift` or `--net`. Errors are messages for exit 2,
/// in French then English like every other message.
fn parse(args: &[String], main_flag: &str) -> Result<Args, Text> {
    let mut out = Args::default();
    let mut seen: Vec<String> = Vec::new();
    let mut tax_due: Option<Cents> = None;
    let mut not_taxable = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let takes_value = matches!(
            flag.as_str(),
            "--income" | "--tax-due" | "--other-gifts" | "--carried" | "--given-elsewhere" | "--method"
        ) || flag == main_flag;
        let is_switch = matches!(flag.as_str(), "--json" | "--not-taxable");
        if !takes_value && !is_switch {
            return Err(Text::new(format!("option inconnue {arg:?}"), format!("unknown option {arg:?}")));
        }
        if seen.contains(&flag) {
            return Err(Text::new(format!("{flag} donné deux fois"), format!("{flag} given twice")));
        }
        seen.push(flag.clone());
        if is_switch {
            if inline.is_some() {
                return Err(Text::new(format!("{flag} ne prend pas de valeur"), format!("{flag} takes no value")));
            }
            match flag.as_str() {
                "--json" => out.json = true,
                _ => not_taxable = true,
            }
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => match args.get(i) {
                Some(v) if !v.starts_with("--") => {
                    i += 1;
                    v.clone()
                }
                _ => return Err(Text::new(format!("{flag} attend une valeur"), format!("{flag} needs a value"))),
            },
        };
        if flag == "--method" {
            out.method = Some(Method::parse(&value).ok_or_else(|| {
                Text::new(
                    format!("--method {value:?} : attendu cheque, transfer, card, direct-debit ou cash"),
                    format!("--method {value:?}: expected cheque, transfer, card, direct-debit or cash"),
                )
            })?);
            continue;
        }
        let amount = parse_amount(&value).map_err(|e| {
            let m = e.message();
            Text::new(format!("{flag} {value:?} : {}", m.fr), format!("{flag} {value:?}: {}", m.en))
        })?;
        match flag.as_str() {
            "--income" => out.household.income = Some(amount),
            "--tax-due" => tax_due = Some(amount),
            "--other-gifts" => out.household.other_gifts = amount,
            "--carried" => out.household.carried = amount,
            "--given-elsewhere" => out.given_elsewhere = amount,
            _ => out.amount = Some(amount),
        }
    }
    out.household.tax = match (tax_due, not_taxable) {
        (Some(_), true) => {
            return Err(Text::new("--tax-due et --not-taxable s’excluent", "--tax-due and --not-taxable exclude each other"))
        }
        (Some(t), false) => TaxDue::Due(t),
        (None, true) => TaxDue::NotTaxable,
        (None, false) => TaxDue::Unknown,
    };
    if out.amount.is_none() {
        return Err(missing(main_flag));
    }
    Ok(out)
}

fn usage_error(command: &str, message: Text) -> Output {
    Output::fail(2, format!("circo-don {command}: {message}\n\n{USAGE}"))
}

fn refused(refusals: &[Refusal], json: bool) -> Output {
    let mut out = Output::fail(1, refusals.iter().map(|r| format!("refused: {r}\n")).collect::<String>());
    if json {
        let list: Vec<Value> = refusals
            .iter()
            .map(|r| json!({ "rule": r.rule.as_str(), "source": r.rule.rule().source, "fr": r.message.fr, "en": r.message.en }))
            .collect();
        out.stdout = format!("{}\n", json!({ "refusals": list }));
    }
    out
}

fn to_json(q: &Quote, net_target: Option<Cents>) -> Value {
    let mut v = json!({
        "gift_cents": q.gift.get(),
        "method": q.method.as_str(),
        "base_cents": q.base.get(),
        "counted_cents": q.counted.get(),
        "reduction_exact_cents": q.reduction_exact.get(),
        "reduction_cents": q.reduction.get(),
        "imputed_cents": q.imputed.get(),
        "lost_cents": q.lost().get(),
        "net_cost_cents": q.net_cost.get(),
        "net_cost_exact_cents": q.net_cost_exact.map(Cents::get),
        "carried_over_cents": q.carried_over.get(),
        "future_saving_cents": q.future_saving.get(),
        "rules": q.rules.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "conditions": q.conditions.iter().map(|c| words::condition(c).to_string()).collect::<Vec<_>>(),
        "steps": q.steps.iter().map(step_json).collect::<Vec<_>>(),
    });
    if let (Some(n), Some(map)) = (net_target, v.as_object_mut()) {
        map.insert("net_target_cents".to_string(), json!(n.get()));
    }
    v
}

/// A step as its words (`fr`, `en`, as ever) and as data: its `kind` and its figures
/// in cents (`data`).
fn step_json(step: &crate::law::tax::Step) -> Value {
    let text = words::step(step);
    let data: serde_json::Map<String, Value> = step.figures().into_iter().map(|(name, c)| (format!("{name}_cents"), json!(c.get()))).collect();
    json!({ "rule": step.rule().as_str(), "fr": text.fr, "en": text.en, "kind": step.kind(), "data": data })
}

fn human(q: &Quote) -> String {
    let mut s = String::new();
    let line = |s: &mut String, t: Text| {
        s.push_str(&t.to_string());
        s.push('\n');
    };
    // The method's name (donation::words), in the middle of the sentence.
    let name = words::method_name(q.method);
    let (fr, en) = (name.fr.to_lowercase(), name.en.to_lowercase());
    line(&mut s, Text::new(format!("Don : {} ({fr})", q.gift.text().fr), format!("Gift: {} ({en})", q.gift.text().en)));
    line(&mut s, Text::new(format!("Réduction d’impôt : {}", q.reduction.text().fr), format!("Tax reduction: {}", q.reduction.text().en)));
    line(&mut s, Text::new(format!("Économie cette année : {}", q.imputed.text().fr), format!("Saved this year: {}", q.imputed.text().en)));
    if q.lost() > Cents::ZERO {
        line(&mut s, Text::new(format!("Perdu (au-delà de l’impôt dû) : {}", q.lost().text().fr), format!("Lost (above the tax due): {}", q.lost().text().en)));
    }
    line(&mut s, Text::new(format!("Coût réel : {}", q.net_cost.text().fr), format!("Real cost: {}", q.net_cost.text().en)));
    if q.carried_over > Cents::ZERO {
        line(&mut s, Text::new(format!("Reporté : {}", q.carried_over.text().fr), format!("Carried over: {}", q.carried_over.text().en)));
    }
    if !q.conditions.is_empty() {
        line(&mut s, Text::new("Valable :", "Holds:"));
        for c in &q.conditions {
            s.push_str(&format!("  - {}\n", words::condition(c)));
        }
    }
    line(&mut s, Text::new("Étapes :", "Steps:"));
    for (i, st) in q.steps.iter().enumerate() {
        s.push_str(&format!("  {}. [{}] {}\n", i + 1, st.rule(), words::step(st)));
    }
    s
}

/// The law's answer to the parsed arguments, through the same [`donation::decide`] as
/// the widget, with the same default method.
fn decide(a: &Args, mode: Mode) -> Outcome {
    let method = a.method.unwrap_or_else(|| donation::default_method(None));
    donation::decide(&Request { mode, amount: a.amount, household: a.household, given_elsewhere: a.given_elsewhere, method })
}

/// `circo-don quote --gift AMOUNT ...`: the real cost of a gift.
pub fn quote(args: &[String]) -> Output {
    let a = match parse(args, "--gift") {
        Ok(a) => a,
        Err(e) => return usage_error("quote", e),
    };
    match decide(&a, Mode::Give) {
        Outcome::Refused(refusals) => refused(&refusals, a.json),
        Outcome::Quote(q) if a.json => Output::ok(format!("{}\n", to_json(&q, None))),
        Outcome::Quote(q) => Output::ok(human(&q)),
        Outcome::Empty => usage_error("quote", missing("--gift")),
    }
}

/// `circo-don reverse --net AMOUNT ...`: the largest gift costing at most that much.
pub fn reverse(args: &[String]) -> Output {
    let a = match parse(args, "--net") {
        Ok(a) => a,
        Err(e) => return usage_error("reverse", e),
    };
    let net = a.amount.unwrap_or_default();
    match decide(&a, Mode::Cost) {
        Outcome::Refused(refusals) => refused(&refusals, a.json),
        Outcome::Quote(q) if a.json => Output::ok(format!("{}\n", to_json(&q, Some(net)))),
        Outcome::Quote(q) => {
            let head = Text::new(
                format!("Pour un coût réel d’au plus {} : donnez {}.", net.text().fr, q.gift.text().fr),
                format!("For a real cost of at most {}: give {}.", net.text().en, q.gift.text().en),
            );
            Output::ok(format!("{head}\n{}", human(&q)))
        }
        Outcome::Empty => usage_error("reverse", missing("--net")),
    }
}

fn missing(main_flag: &str) -> Text {
    Text::new(format!("{main_flag} MONTANT est obligatoire"), format!("{main_flag} AMOUNT is required"))
}

#[cfg(test)]
mod tests {
    use crate::cli::run;

    fn run_str(line: &str) -> crate::cli::Output {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        run(&args)
    }

    fn json(line: &str) -> serde_json::Value {
        let out = run_str(line);
        assert_eq!(out.code, 0, "{out:?}");
        serde_json::from_str(&out.stdout).unwrap()
    }

    fn cents(v: &serde_json::Value, field: &str) -> i64 {
        v[field].as_i64().unwrap_or_else(|| panic!("{field} in {v}"))
    }

    /// (reduction, imputed, net, carried) in euros.
    fn check(v: &serde_json::Value, reduction: i64, imputed: i64, net: i64, carried: i64) {
        let got = (cents(v, "reduction_cents"), cents(v, "imputed_cents"), cents(v, "net_cost_cents"), cents(v, "carried_over_cents"));
        assert_eq!(got, (reduction * 100, imputed * 100, net * 100, carried * 100), "{v}");
    }

    #[test]
    fn json_vector_1() {
        let v = json("quote --gift 37 --income 30000 --tax-due 2000 --method cheque --json");
        check(&v, 24, 24, 13, 0);
        assert_eq!(cents(&v, "gift_cents"), 3700);
        assert_eq!(cents(&v, "reduction_exact_cents"), 2442);
        assert!(v["rules"].as_array().unwrap().iter().any(|r| r == "cgi-200-rate"));
        assert!(v["conditions"].is_array());
    }

    #[test]
    fn json_vector_5() {
        check(&json("quote --gift 4600 --income 60000 --tax-due 8000 --json"), 3036, 3036, 1564, 0);
    }

    #[test]
    fn json_vector_7() {
        let v = json("quote --gift 500 --income 25000 --tax-due 200 --method transfer --json");
        check(&v, 330, 200, 300, 0);
        assert_eq!(cents(&v, "lost_cents"), 13_000);
        let out = run_str("quote --gift 500 --income 25000 --tax-due 200");
        assert!(out.stdout.contains("Perdu (au-delà de l’impôt dû) : 130\u{A0}€ / Lost (above the tax due): €130"), "{}", out.stdout);
    }

    #[test]
    fn json_vector_8() {
        let v = json("quote --gift 4600 --income 15000 --tax-due 400 --json");
        check(&v, 1980, 400, 4200, 1600);
        assert!(v["rules"].as_array().unwrap().iter().any(|r| r == "cgi-200-carry-over"));
    }

    #[test]
    fn json_vector_12_with_french_amount_forms() {
        let args: Vec<String> = ["quote", "--gift", "4\u{202F}600,00\u{A0}€", "--income=15 003", "--tax-due", "5.000,00", "--json"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = run(&args);
        assert_eq!(out.code, 0, "{out:?}");
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        check(&v, 1981, 1981, 2619, 1599);
    }

    #[test]
    fn unknown_household_lists_conditions() {
        let v = json("quote --gift 37 --json");
        let conds: Vec<String> = v["conditions"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
        assert!(conds.iter().any(|c| c.contains("€24 of income tax")), "{conds:?}");
        assert!(conds.iter().any(|c| c.contains("at least €185")), "{conds:?}");
    }

    #[test]
    fn human_output_has_both_languages_and_steps() {
        let out = run_str("quote --gift 37 --income 30000 --tax-due 2000");
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("Coût réel : 13\u{A0}€ / Real cost: €13"), "{}", out.stdout);
        assert!(out.stdout.contains("[cgi-200-rate]"));
        assert!(out.stdout.contains("12,58"));
    }

    #[test]
    fn legal_refusals_exit_1_naming_the_rule() {
        for (line, rule) in [
            ("quote --gift 4601", "ce-l52-8-cap"),
            ("quote --method cash --gift 151", "ce-l52-8-cash-150"),
            ("quote --gift 3000 --given-elsewhere 2000", "ce-l52-8-cap"),
            ("reverse --net 10 --given-elsewhere 4600", "ce-l52-8-cap"),
        ] {
            let out = run_str(line);
            assert_eq!(out.code, 1, "{line}: {out:?}");
            assert!(out.stderr.contains(rule), "{line}: {}", out.stderr);
            assert_eq!(out.stderr.trim_end().lines().count(), 1, "{}", out.stderr);
        }
        let out = run_str("quote --gift 3000 --given-elsewhere 2000");
        assert!(out.stderr.contains("2\u{202F}600") && out.stderr.contains("€2,600 more"));
        let out = run_str("quote --gift 4601 --json");
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["refusals"][0]["rule"], "ce-l52-8-cap");
    }

    /// Argument errors speak French, then English, like every other message.
    #[test]
    fn bad_arguments_are_explained_in_french_then_english() {
        for (line, fr, en) in [
            ("quote --gift 37 --frobnicate", "option inconnue \"--frobnicate\"", "unknown option \"--frobnicate\""),
            ("quote --gift", "--gift attend une valeur", "--gift needs a value"),
            ("quote --income 30000", "--gift MONTANT est obligatoire", "--gift AMOUNT is required"),
            ("quote --gift 37 --gift 38", "--gift donné deux fois", "--gift given twice"),
            ("quote --gift 37 --json=1", "--json ne prend pas de valeur", "--json takes no value"),
            ("quote --gift 37 --method bitcoin", "attendu cheque, transfer", "expected cheque, transfer"),
            ("quote --gift 37 --tax-due 10 --not-taxable", "s’excluent", "exclude each other"),
            ("quote --gift abc", "Ce n’est pas un montant", "This is not an amount"),
            ("reverse --net", "--net attend une valeur", "--net needs a value"),
        ] {
            let out = run_str(line);
            assert_eq!(out.code, 2, "{line}: {out:?}");
            let first = out.stderr.lines().next().unwrap_or_default();
            let (f, e) = (first.find(fr), first.find(en));
            assert!(f.is_some() && e.is_some() && f < e, "{line}: {first}");
        }
        let out = run_str("frobnicate");
        assert!(out.stderr.contains("commande inconnue") && out.stderr.contains("unknown command"), "{}", out.stderr);
    }

    #[test]
    fn bad_arguments_exit_2() {
        for (line, needle) in [
            ("quote --gift 37 --frobnicate", "unknown option"),
            ("quote --gift", "needs a value"),
            ("quote --income 30000", "--gift AMOUNT is required"),
            ("quote --gift 37,505,1", "not an amount"),
            ("quote --gift 1,500", "Montant ambigu"),
            ("quote --gift 1.500", "write 1 500 for 1 500 euros, or 1.50"),
            ("quote --gift -5", "negative"),
            ("quote --gift 37 --method bitcoin", "--method"),
            ("quote --gift 37 --tax-due 10 --not-taxable", "exclude"),
            ("quote --gift 37 --gift 38", "twice"),
            ("reverse --gift 37", "unknown option"),
        ] {
            let out = run_str(line);
            assert_eq!(out.code, 2, "{line}: {out:?}");
            assert!(out.stderr.to_lowercase().contains(&needle.to_lowercase()), "{line}: {}", out.stderr);
        }
    }

    #[test]
    fn reverse_finds_the_largest_gift() {
        let v = json("reverse --net 12 --income 30000 --tax-due 2000 --json");
        assert_eq!(cents(&v, "gift_cents"), 3600);
        assert_eq!(cents(&v, "net_cost_cents"), 1200);
        assert_eq!(cents(&v, "net_target_cents"), 1200);
        let v = json("reverse --net 1000 --method cash --json");
        assert_eq!(cents(&v, "gift_cents"), 15_000);
        let v = json("reverse --net 100000 --given-elsewhere 2000 --json");
        assert_eq!(cents(&v, "gift_cents"), 260_000);
        let out = run_str("reverse --net 20 --not-taxable");
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("Real cost: €20"));
        assert!(out.stdout.starts_with("Pour un coût réel d’au plus 20\u{A0}€ : donnez 20\u{A0}€."), "{}", out.stdout);
    }
}

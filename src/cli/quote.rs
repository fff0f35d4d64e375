//! `circo-don quote` and `circo-don reverse`: the law engine from the command line.
//!
//! clap reads the flags (exit 2 on a bad argument, amounts read by the core's
//! [`parse_amount`](crate::money::parse_amount)), then the law engine decides (exit 1 on
//! a legal refusal).

use clap::Args;
use serde_json::{json, Value};

use super::Output;
use crate::donation::{self, words, Mode, Outcome, Request};
use crate::i18n::Text;
use crate::law::limits::Refusal;
use crate::law::tax::{Household, Quote, TaxDue};
use crate::payment::Method;
use crate::money::Cents;

pub(super) const QUOTE_EXAMPLES: &str = "\
The method defaults to transfer, as in the widget. Options also take the form --income=30000.

A gift every month: --monthly AMOUNT --from YYYY-MM, to --until YYYY-MM or to the last
month the account's election allows (--config circo.json); one block per calendar year.

Examples:
  circo-don quote --gift 37 --income 30000 --tax-due 2000
  circo-don quote --gift 500 --income 25000 --tax-due 200 --method cheque
  circo-don quote --gift 3000 --income 15000 --tax-due 400 --json
  circo-don quote --monthly 10 --from 2026-12 --day 5 --until 2027-08 --income 30000 --tax-due 2000
  circo-don quote --monthly 10 --from 2027-01 --config demo/circo-exemple.json --json";

pub(super) const REVERSE_EXAMPLES: &str = "\
The method defaults to transfer, as in the widget.

Examples:
  circo-don reverse --net 20
  circo-don reverse --net 12 --income 30000 --tax-due 2000 --json
  circo-don reverse --monthly 5 --from 2026-12 --until 2027-08 --income 30000 --tax-due 2000";

/// `circo-don quote`'s arguments.
#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// The gift.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true, required_unless_present = "monthly")]
    gift: Option<Cents>,
    /// A gift every month of this amount (a standing order), instead of one gift.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true, conflicts_with = "gift")]
    monthly: Option<Cents>,
    #[command(flatten)]
    order: super::monthly::MonthlyArgs,
    #[command(flatten)]
    household: HouseholdArgs,
}

/// `circo-don reverse`'s arguments.
#[derive(Debug, Args)]
pub struct ReverseArgs {
    /// The most the gift may really cost, after the tax reduction.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true, required_unless_present = "monthly")]
    net: Option<Cents>,
    /// The most a gift every month may really cost a month (a standing order).
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true, conflicts_with = "net")]
    monthly: Option<Cents>,
    #[command(flatten)]
    order: super::monthly::MonthlyArgs,
    #[command(flatten)]
    household: HouseholdArgs,
}

/// The donor's household and gift, as the widget asks for them.
#[derive(Debug, Args)]
struct HouseholdArgs {
    /// Revenu imposable of the tax household.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true)]
    income: Option<Cents>,
    /// Income tax due before reductions.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true, conflicts_with = "not_taxable")]
    tax_due: Option<Cents>,
    /// The household owes no income tax.
    #[arg(long)]
    not_taxable: bool,
    /// Other art. 200 gifts this year (charities, parties...).
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true)]
    other_gifts: Option<Cents>,
    /// Excess carried over from earlier years.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true)]
    carried: Option<Cents>,
    /// Already given to other candidates of the same election.
    #[arg(long, value_name = "AMOUNT", value_parser = super::amount, allow_negative_numbers = true)]
    given_elsewhere: Option<Cents>,
    /// How the gift is paid [default: transfer; a standing order is a transfer].
    #[arg(long, value_parser = super::method(), conflicts_with = "monthly")]
    method: Option<Method>,
    /// Every figure in cents and each step as words and as data, in JSON.
    #[arg(long)]
    json: bool,
}

impl HouseholdArgs {
    fn household(&self) -> Household {
        Household {
            income: self.income,
            tax: match (self.tax_due, self.not_taxable) {
                (Some(t), _) => TaxDue::Due(t),
                (None, true) => TaxDue::NotTaxable,
                (None, false) => TaxDue::Unknown,
            },
            other_gifts: self.other_gifts.unwrap_or_default(),
            carried: self.carried.unwrap_or_default(),
        }
    }

    /// The law's answer for `amount`, through the same [`donation::decide`] as the
    /// widget, with the same default method.
    fn decide(&self, mode: Mode, amount: Cents) -> Outcome {
        let method = self.method.unwrap_or_else(|| donation::default_method(None));
        let household = self.household();
        donation::decide(&Request { mode, amount: Some(amount), household, given_elsewhere: self.given_elsewhere.unwrap_or_default(), method })
    }
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

/// `circo-don quote --gift AMOUNT ...`: the real cost of a gift.
pub fn quote(a: &QuoteArgs) -> Output {
    let h = &a.household;
    let gift = match (a.gift, a.monthly) {
        (_, Some(monthly)) => return super::monthly::quote(&a.order, monthly, &h.household(), h.given_elsewhere.unwrap_or_default(), h.json),
        (Some(gift), None) => gift,
        // clap requires one of the two.
        (None, None) => return Output::fail(2, ""),
    };
    match a.household.decide(Mode::Give, gift) {
        Outcome::Refused(refusals) => refused(&refusals, a.household.json),
        Outcome::Quote(q) if a.household.json => Output::ok(format!("{}\n", to_json(&q, None))),
        Outcome::Quote(q) => Output::ok(human(&q)),
        // `decide` is given an amount: never empty.
        Outcome::Empty => Output::fail(2, ""),
    }
}

/// `circo-don reverse --net AMOUNT ...`: the largest gift costing at most that much.
pub fn reverse(a: &ReverseArgs) -> Output {
    let h = &a.household;
    let net = match (a.net, a.monthly) {
        (_, Some(monthly)) => return super::monthly::reverse(&a.order, monthly, &h.household(), h.given_elsewhere.unwrap_or_default(), h.json),
        (Some(net), None) => net,
        (None, None) => return Output::fail(2, ""),
    };
    match a.household.decide(Mode::Cost, net) {
        Outcome::Refused(refusals) => refused(&refusals, a.household.json),
        Outcome::Quote(q) if a.household.json => Output::ok(format!("{}\n", to_json(&q, Some(net)))),
        Outcome::Quote(q) => {
            let head = Text::new(
                format!("Pour un coût réel d’au plus {} : donnez {}.", net.text().fr, q.gift.text().fr),
                format!("For a real cost of at most {}: give {}.", net.text().en, q.gift.text().en),
            );
            Output::ok(format!("{head}\n{}", human(&q)))
        }
        Outcome::Empty => Output::fail(2, ""),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::cli::run;

    pub(in crate::cli) fn run_str(line: &str) -> crate::cli::Output {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        run(&args)
    }

    pub(in crate::cli) fn json(line: &str) -> serde_json::Value {
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

    /// An amount or a method the core cannot read is refused with the core's reason,
    /// French then English, inside clap's usual error.
    #[test]
    fn bad_values_are_explained_in_french_then_english() {
        for (line, fr, en) in [
            ("quote --gift abc", "Ce n’est pas un montant", "This is not an amount"),
            ("quote --gift 37 --method bitcoin", "attendu cheque, transfer", "expected cheque, transfer"),
            ("quote --gift -5", "négatif", "negative"),
            ("quote --gift=-5", "négatif", "negative"),
        ] {
            let out = run_str(line);
            assert_eq!(out.code, 2, "{line}: {out:?}");
            let first = out.stderr.lines().next().unwrap_or_default();
            assert!(first.starts_with("error: invalid value "), "{line}: {first}");
            let (f, e) = (first.find(fr), first.find(en));
            assert!(f.is_some() && e.is_some() && f < e, "{line}: {first}");
        }
    }

    #[test]
    fn bad_arguments_exit_2() {
        for (line, needle) in [
            ("quote --gift 37 --frobnicate", "error: unexpected argument '--frobnicate' found"),
            ("quote --gift", "error: a value is required for '--gift <AMOUNT>' but none was supplied"),
            ("quote --income 30000", "error: the following required arguments were not provided:\n  --gift <AMOUNT>"),
            ("quote --gift 37,505,1", "not an amount"),
            ("quote --gift 1,500", "Montant ambigu"),
            ("quote --gift 1.500", "write 1 500 for 1 500 euros, or 1.50"),
            ("quote --gift 37 --method bitcoin", "--method"),
            ("quote --gift 37 --tax-due 10 --not-taxable", "error: the argument '--tax-due <AMOUNT>' cannot be used with '--not-taxable'"),
            ("quote --gift 37 --gift 38", "error: the argument '--gift <AMOUNT>' cannot be used multiple times"),
            ("quote --gift 37 --json=1", "error: unexpected value '1' for '--json' found"),
            ("reverse --gift 37", "error: unexpected argument '--gift' found"),
            ("reverse --net", "error: a value is required for '--net <AMOUNT>'"),
        ] {
            let out = run_str(line);
            assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{line}: {out:?}");
            assert!(out.stderr.contains(needle), "{line}: {}", out.stderr);
            assert!(out.stderr.contains("Usage: circo-don ") || out.stderr.contains("For more information, try '--help'."), "{line}: {}", out.stderr);
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

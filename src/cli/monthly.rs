//! `circo-don quote --monthly` and `circo-don reverse --monthly`: a gift every month (a
//! standing order), decided by [`crate::law::monthly`]: its window, its cap, its real
//! cost per calendar year of payment.

use clap::Args;
use serde_json::{json, Value};

use super::Output;
use crate::config;
use crate::date::Date;
use crate::i18n::Text;
use crate::law::monthly::{self, MonthlyQuote, OrderProblem, StandingOrder};
use crate::law::tax::Household;
use crate::law::RuleId;
use crate::money::Cents;

/// The standing order's months, shared by `quote` and `reverse`.
#[derive(Debug, Args)]
pub(super) struct MonthlyArgs {
    /// The first month of a standing order (with --monthly).
    #[arg(long, value_name = "YYYY-MM", value_parser = month, requires = "monthly")]
    from: Option<Date>,
    /// The day of each month the bank pays, 1 to 28 [default: 1].
    #[arg(long, value_name = "DAY", value_parser = clap::value_parser!(u8).range(1..=28), requires = "monthly")]
    day: Option<u8>,
    /// The last month of the standing order.
    #[arg(long, value_name = "YYYY-MM", value_parser = month, requires = "monthly", conflicts_with = "config")]
    until: Option<Date>,
    /// The account's circo.json: its election sets the last month the order may run
    /// to, and its collection window is checked.
    #[arg(long, value_name = "FILE", requires = "monthly")]
    config: Option<String>,
}

/// `--from`, `--until`: `YYYY-MM`, a month of the calendar (its first day).
fn month(value: &str) -> Result<Date, String> {
    let bad = || Text::new("mois invalide (AAAA-MM)", "invalid month (YYYY-MM)").to_string();
    let (year, m) = value.split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    Date::new(year.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, 1).ok_or_else(bad)
}

/// What sets the order's last month: the donor's `--until`, or the election's filing
/// deadline (L52-4, L52-12) read from the configuration.
struct Window {
    last: Date,
    end_rule: Option<RuleId>,
    /// The election's dates and the designation, when a configuration was given.
    checked: Option<(crate::law::ElectionDates, Date)>,
}

fn usage(message: Text) -> Output {
    Output::fail(2, format!("quote: {message}\n"))
}

fn window(args: &MonthlyArgs, day: u8) -> Result<Window, Output> {
    if let Some(until) = args.until {
        return Date::new(until.year(), until.month(), day)
            .map(|last| Window { last, end_rule: None, checked: None })
            .ok_or_else(|| usage(Text::new("mois de fin invalide", "invalid last month")));
    }
    let Some(source) = &args.config else {
        return Err(usage(Text::new(
            "--monthly demande --until AAAA-MM ou --config circo.json (qui donne le dernier mois possible)",
            "--monthly needs --until YYYY-MM or --config circo.json (which gives the last month allowed)",
        )));
    };
    let text = super::check::read_source("quote", source).map_err(|unread| unread.output("quote", source))?;
    let loaded = config::load(&text);
    let Some(account) = loaded.account() else {
        return Err(Output::fail(
            2,
            format!(
                "quote: {source} {}\n",
                Text::new(
                    "n’est pas un compte valide : lancez circo-don check sur ce fichier",
                    "is not a valid account: run circo-don check on that file"
                )
            ),
        ));
    };
    let dates = account.election.dates();
    let last = monthly::last_payment(&dates, day).ok_or_else(|| usage(Text::new("jour invalide", "invalid day")))?;
    Ok(Window { last, end_rule: Some(RuleId::CollectionCloses), checked: Some((dates, account.mandataire.designated_on)) })
}

/// The order asked for: `monthly` from `--from` on `--day`, to the window's end.
fn order(args: &MonthlyArgs, monthly: Cents) -> Result<(StandingOrder, Window), Output> {
    let Some(from) = args.from else {
        return Err(usage(Text::new("--monthly demande --from AAAA-MM", "--monthly needs --from YYYY-MM")));
    };
    let day = args.day.unwrap_or(1);
    let window = window(args, day)?;
    let first = Date::new(from.year(), from.month(), day).ok_or_else(|| usage(Text::new("mois invalide", "invalid month")))?;
    let order = StandingOrder::new(monthly, first, window.last).map_err(|p| refused(&p))?;
    Ok((order, window))
}

/// The law's checks: the window when the election is known, the cap always.
fn check(order: &StandingOrder, window: &Window, given_elsewhere: Cents) -> Result<(), Output> {
    let result = match window.checked {
        Some((dates, designated_on)) => monthly::check(order, &dates, designated_on, given_elsewhere),
        // No election given: only the cap, with a window that cannot refuse.
        None => {
            let remaining = crate::law::limits::remaining_cap(given_elsewhere);
            if order.total() > remaining {
                let largest_monthly = Cents::new(remaining.get() / i64::from(order.payments()));
                Err(OrderProblem::OverCap { total: order.total(), remaining, largest_monthly })
            } else {
                Ok(())
            }
        }
    };
    result.map_err(|p| refused(&p))
}

/// A refusal, exit 1, in both languages and naming its rule.
fn refused(problem: &OrderProblem) -> Output {
    let (fr, en) = (crate::i18n::Lang::Fr, crate::i18n::Lang::En);
    let text = match *problem {
        OrderProblem::NothingMonthly => Text::new("le montant mensuel doit être positif", "the monthly amount must be positive"),
        OrderProblem::DayNotInEveryMonth { day } => {
            Text::new(format!("le {day} n’existe pas tous les mois : choisissez un jour de 1 à 28"), format!("day {day} is not in every month: pick a day from 1 to 28"))
        }
        OrderProblem::EndsBeforeStart { first, last } => Text::new(
            format!("le dernier versement ({}) précède le premier ({})", last.format(fr), first.format(fr)),
            format!("the last payment ({}) comes before the first ({})", last.format(en), first.format(en)),
        ),
        OrderProblem::BeforeOpening { first, opens } => Text::new(
            format!("le premier versement ({}) précède l’ouverture de la collecte ({})", first.format(fr), opens.format(fr)),
            format!("the first payment ({}) comes before the collection opens ({})", first.format(en), opens.format(en)),
        ),
        OrderProblem::AfterClosing { last, last_allowed } => match last_allowed {
            Some(allowed) => Text::new(
                format!("le dernier versement ({}) vient après la fin de la collecte : au plus tard {}", last.format(fr), allowed.format(fr)),
                format!("the last payment ({}) comes after the collection closes: {} at the latest", last.format(en), allowed.format(en)),
            ),
            None => Text::new("la collecte est close", "the collection is closed"),
        },
        OrderProblem::OverCap { total, remaining, largest_monthly } => Text::new(
            format!(
                "{} au total dépasse ce que vous pouvez encore donner pour cette élection ({}) : au plus {} par mois",
                total.text().fr,
                remaining.text().fr,
                largest_monthly.text().fr
            ),
            format!(
                "{} in all is more than you may still give for this election ({}): at most {} a month",
                total.text().en,
                remaining.text().en,
                largest_monthly.text().en
            ),
        ),
    };
    let rule = problem.rule();
    Output::fail(1, format!("refused: [{}] {text} ({})\n", rule.as_str(), rule.rule().source))
}

fn to_json(q: &MonthlyQuote, window: &Window, net_monthly_target: Option<Cents>) -> Value {
    let years: Vec<Value> = q
        .years
        .iter()
        .map(|y| {
            json!({
                "year": y.year,
                "payments": y.payments,
                "gifts_cents": y.gifts.get(),
                "reduction_exact_cents": y.quote.reduction_exact.get(),
                "reduction_cents": y.quote.reduction.get(),
                "imputed_cents": y.quote.imputed.get(),
                "net_cost_cents": y.quote.net_cost.get(),
                "carried_over_cents": y.quote.carried_over.get(),
            })
        })
        .collect();
    let mut v = json!({
        "monthly_cents": q.order.monthly().get(),
        "first": q.order.first().to_string(),
        "last": q.order.last().to_string(),
        "payments": q.payments,
        "total_cents": q.total.get(),
        "imputed_cents": q.imputed.get(),
        "net_cost_cents": q.net_cost.get(),
        "end": match window.end_rule {
            Some(rule) => json!({ "month": &q.order.last().to_string()[..7], "rule": rule.as_str(), "source": rule.rule().source }),
            None => json!({ "month": &q.order.last().to_string()[..7], "rule": Value::Null, "given": "--until" }),
        },
        "years": years,
    });
    if let (Some(n), Some(map)) = (net_monthly_target, v.as_object_mut()) {
        map.insert("net_monthly_target_cents".to_string(), json!(n.get()));
    }
    v
}

/// « 1 versement », « 8 versements »; "1 payment", "8 payments".
fn payments(n: u32) -> Text {
    if n == 1 {
        Text::new("1 versement", "1 payment")
    } else {
        Text::new(format!("{n} versements"), format!("{n} payments"))
    }
}

/// « le 1er », « le 5 »; "day 1", "day 5".
fn day_of_month(day: u8) -> Text {
    Text::new(if day == 1 { "le 1er".to_owned() } else { format!("le {day}") }, format!("day {day}"))
}

fn human(q: &MonthlyQuote, window: &Window) -> String {
    let mut s = String::new();
    let (first, last) = (q.order.first(), q.order.last());
    let end = match window.end_rule {
        Some(rule) => format!(" [{}]", rule.as_str()),
        None => String::new(),
    };
    s.push_str(&format!(
        "{}\n",
        Text::new(
            format!(
                "Don mensuel : {} {} de chaque mois, du {} au {}{end} : {}, {} au total",
                q.order.monthly().text().fr,
                day_of_month(first.day()).fr,
                first.format(crate::i18n::Lang::Fr),
                last.format(crate::i18n::Lang::Fr),
                payments(q.payments).fr,
                q.total.text().fr
            ),
            format!(
                "Monthly gift: {} on {} of each month, from {} to {}{end}: {}, {} in all",
                q.order.monthly().text().en,
                day_of_month(first.day()).en,
                first.format(crate::i18n::Lang::En),
                last.format(crate::i18n::Lang::En),
                payments(q.payments).en,
                q.total.text().en
            ),
        )
    ));
    for y in &q.years {
        s.push_str(&format!(
            "  {}\n",
            Text::new(
                format!("{} : {}, {} ; économie {}, coût réel {}", y.year, payments(y.payments).fr, y.gifts.text().fr, y.quote.imputed.text().fr, y.quote.net_cost.text().fr),
                format!("{}: {}, {}; saved {}, real cost {}", y.year, payments(y.payments).en, y.gifts.text().en, y.quote.imputed.text().en, y.quote.net_cost.text().en),
            )
        ));
    }
    s.push_str(&format!(
        "{}\n",
        Text::new(format!("Coût réel, toutes années : {}", q.net_cost.text().fr), format!("Real cost, all years: {}", q.net_cost.text().en))
    ));
    s
}

/// `quote --monthly AMOUNT --from YYYY-MM (--until YYYY-MM | --config FILE)`.
pub(super) fn quote(args: &MonthlyArgs, monthly: Cents, household: &Household, given_elsewhere: Cents, json: bool) -> Output {
    let (order, window) = match order(args, monthly) {
        Ok(x) => x,
        Err(out) => return out,
    };
    if let Err(out) = check(&order, &window, given_elsewhere) {
        return out;
    }
    let q = monthly::quote(&order, household);
    if json {
        Output::ok(format!("{}\n", to_json(&q, &window, None)))
    } else {
        Output::ok(human(&q, &window))
    }
}

/// `reverse --monthly AMOUNT …`: the largest amount a month whose order really costs at
/// most AMOUNT a month.
pub(super) fn reverse(args: &MonthlyArgs, net_monthly: Cents, household: &Household, given_elsewhere: Cents, json: bool) -> Output {
    // The shape and the window from a one-cent order: only the amount is searched.
    let (order, window) = match order(args, Cents::new(1)) {
        Ok(x) => x,
        Err(out) => return out,
    };
    if let Err(out) = check(&order, &window, Cents::ZERO) {
        return out;
    }
    let Some(q) = monthly::reverse(&order, net_monthly, household, given_elsewhere) else {
        let text = Text::new(
            "aucun montant mensuel ne coûte si peu dans la limite de ce que vous pouvez encore donner",
            "no monthly amount costs that little within what you may still give",
        );
        return Output::fail(1, format!("refused: [{}] {text}\n", RuleId::DonorCap.as_str()));
    };
    if json {
        Output::ok(format!("{}\n", to_json(&q, &window, Some(net_monthly))))
    } else {
        let head = Text::new(
            format!("Pour un coût réel d’au plus {} par mois : donnez {} par mois.", net_monthly.text().fr, q.order.monthly().text().fr),
            format!("For a real cost of at most {} a month: give {} a month.", net_monthly.text().en, q.order.monthly().text().en),
        );
        Output::ok(format!("{head}\n{}", human(&q, &window)))
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::quote::tests::{json, run_str};

    /// docs/law.md vector M1, through the command line: one block per calendar year.
    #[test]
    fn vector_m1_year_by_year() {
        let v = json("quote --monthly 10 --from 2026-12 --day 5 --until 2027-08 --income 30000 --tax-due 2000 --json");
        assert_eq!((v["payments"].as_i64(), v["total_cents"].as_i64(), v["net_cost_cents"].as_i64()), (Some(9), Some(9000), Some(3000)), "{v}");
        let years: Vec<(i64, i64, i64, i64, i64)> = v["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| {
                let f = |k: &str| y[k].as_i64().unwrap();
                (f("year"), f("payments"), f("gifts_cents"), f("reduction_exact_cents"), f("net_cost_cents"))
            })
            .collect();
        assert_eq!(years, vec![(2026, 1, 1000, 660, 300), (2027, 8, 8000, 5280, 2700)]);
        assert_eq!(v["end"]["rule"], serde_json::Value::Null);
        let text = run_str("quote --monthly 10 --from 2026-12 --day 5 --until 2027-08 --income 30000 --tax-due 2000").stdout;
        assert!(text.contains("2026 : 1 versement, 10\u{a0}€") && text.contains("8 payments, €80"), "{text}");
    }

    /// The account's election sets the end: the demo's first round is 17 January 2027, its
    /// account due on Friday 26 March 2027 (L52-12), so an order from January runs to March.
    #[test]
    fn the_configuration_sets_the_last_month_and_its_rule() {
        let v = json(&format!("quote --monthly 10 --from 2027-01 --day 26 --config {}/demo/circo-exemple.json --json", env!("CARGO_MANIFEST_DIR")));
        assert_eq!((v["last"].as_str(), v["payments"].as_i64()), (Some("2027-03-26"), Some(3)), "{v}");
        assert_eq!(v["end"]["rule"], "ce-l52-4-closes");
        let v = json(&format!("quote --monthly 10 --from 2027-01 --day 27 --config {}/demo/circo-exemple.json --json", env!("CARGO_MANIFEST_DIR")));
        assert_eq!(v["last"].as_str(), Some("2027-02-27"), "{v}");
        let early = run_str(&format!("quote --monthly 10 --from 2026-05 --config {}/demo/circo-exemple.json", env!("CARGO_MANIFEST_DIR")));
        assert_eq!(early.code, 1);
        assert!(early.stderr.contains("[ce-l52-4-opens]"), "{}", early.stderr);
    }

    /// docs/law.md vector M3: refused with the largest amount a month that fits.
    #[test]
    fn vector_m3_over_the_cap() {
        let out = run_str("quote --monthly 600 --from 2026-12 --day 5 --until 2027-08 --given-elsewhere 1000");
        assert_eq!(out.code, 1);
        assert!(out.stderr.contains("[ce-l52-8-cap]") && out.stderr.contains("au plus 400\u{a0}€ par mois"), "{}", out.stderr);
    }

    #[test]
    fn the_reverse_gives_an_amount_a_month_within_the_budget() {
        let v = json("reverse --monthly 5 --from 2026-12 --until 2027-08 --income 30000 --tax-due 2000 --json");
        assert_eq!(v["monthly_cents"].as_i64(), Some(1488), "{v}");
        assert!(v["net_cost_cents"].as_i64().unwrap() <= 9 * 500);
        assert_eq!(v["net_monthly_target_cents"].as_i64(), Some(500));
    }

    #[test]
    fn usage_errors_exit_2() {
        for line in ["quote --monthly 10", "quote --monthly 10 --from 2026-13 --until 2027-01", "quote --monthly 10 --from 2026-12 --until 2027-01 --method cash", "quote --monthly 10 --from 2026-12 --day 29 --until 2027-01", "quote --gift 10 --monthly 10 --from 2026-12 --until 2027-01"] {
            assert_eq!(run_str(line).code, 2, "{line}");
        }
    }
}

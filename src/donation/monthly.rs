//! A gift every month on the donor's page: the standing order the inputs describe,
//! decided by [`crate::law::monthly`] for this account's election and today. Facts only:
//! `words` and `page` turn them into text.

use crate::config::model::ValidAccount as Account;
use crate::date::Date;
use crate::law::monthly::{self, MonthlyQuote, OrderProblem, StandingOrder};
use crate::money::Cents;

use super::assessment::Assessment;
use super::inputs::{Inputs, Mode};

/// Why the first month typed cannot start an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthProblem {
    /// Not `YYYY-MM` (nor `MM/YYYY`).
    Malformed,
    /// Before this month: a standing order starts now or later.
    Past,
}

/// What the law says of the standing order the inputs describe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthlyOutcome {
    /// No amount yet, or a malformed field (its own message says why).
    Empty,
    Refused(OrderProblem),
    /// In `Mode::Cost`: no amount a month costs that little within the cap.
    NothingFits,
    Quote(Box<MonthlyQuote>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyAssessment {
    /// The first payment: the first month on today's day (at most the 28th).
    pub first: Result<Date, MonthProblem>,
    /// The last payment the election allows on that day (L52-4, L52-12).
    pub last: Option<Date>,
    /// The account's filing deadline, which sets `last`.
    pub deadline: Date,
    pub outcome: MonthlyOutcome,
}

/// `2027-01` or `01/2027` (also `1/2027`), a month of the calendar.
pub fn parse_month(text: &str) -> Option<(i32, u8)> {
    let text = text.trim();
    let (year, month) = match text.split_once('-') {
        Some((y, m)) => (y, m),
        None => {
            let (m, y) = text.split_once('/')?;
            (y, m)
        }
    };
    let (year, month) = (year.trim(), month.trim());
    if year.len() != 4 || month.is_empty() || month.len() > 2 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// The first payment date of the inputs on `today`: the month typed (this month when
/// empty) on today's day, capped at [`monthly::LAST_ORDER_DAY`].
pub fn first_payment(inputs: &Inputs, today: Date) -> Result<Date, MonthProblem> {
    let day = today.day().min(monthly::LAST_ORDER_DAY);
    let (year, month) = match inputs.first_month().trim() {
        "" => (today.year(), today.month()),
        typed => parse_month(typed).ok_or(MonthProblem::Malformed)?,
    };
    if (year, month) < (today.year(), today.month()) {
        return Err(MonthProblem::Past);
    }
    Date::new(year, month, day).ok_or(MonthProblem::Malformed)
}

/// The standing order of `inputs` for `account` on `today`, assessed: its window, its
/// cap with the donor's other gifts, its real cost per calendar year (or, in
/// `Mode::Cost`, the largest amount a month that costs at most the target a month).
pub fn assess_monthly(account: &Account, inputs: &Inputs, a: &Assessment, today: Date) -> MonthlyAssessment {
    let election = account.election.dates();
    let deadline = crate::law::calendar::filing_deadline(election.first_round);
    let first = first_payment(inputs, today);
    let last = first.ok().and_then(|f| monthly::last_payment(&election, f.day()));
    let outcome = match (first, last, a.amount) {
        (Ok(first), Some(last), Some(amount)) if a.errors.is_empty() => {
            let designated = account.mandataire.designated_on;
            // The shape and the window from the amount typed (one cent for a target).
            let probe = if a.mode == Mode::Give { amount } else { Cents::new(1) };
            let elsewhere = if a.mode == Mode::Give { a.given_elsewhere } else { Cents::ZERO };
            match StandingOrder::new(probe, first, last).and_then(|o| monthly::check(&o, &election, designated, elsewhere).map(|()| o)) {
                Err(problem) => MonthlyOutcome::Refused(problem),
                Ok(order) if a.mode == Mode::Give => MonthlyOutcome::Quote(Box::new(monthly::quote(&order, &a.household))),
                Ok(order) => match monthly::reverse(&order, amount, &a.household, a.given_elsewhere) {
                    Some(q) => MonthlyOutcome::Quote(Box::new(q)),
                    None => MonthlyOutcome::NothingFits,
                },
            }
        }
        (Ok(first), None, Some(_)) => MonthlyOutcome::Refused(OrderProblem::AfterClosing { last: first, last_allowed: None }),
        _ => MonthlyOutcome::Empty,
    };
    MonthlyAssessment { first, last, deadline, outcome }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::donation::inputs::{Action, AmountField};
    use crate::donation::assess;
    use crate::money::Cents;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// docs/law.md's monthly vectors: first round 13 June 2027, account due 20 August.
    pub(crate) fn june_2027() -> Account {
        let mut a = crate::donation::assessment::tests::account();
        a.election.first_round = d("2027-06-13");
        a.election.second_round = Some(d("2027-06-20"));
        a.election.trigger_date = None;
        a.mandataire.designated_on = d("2026-11-01");
        a
    }

    fn monthly(amount: &str) -> Inputs {
        Inputs::default().apply(Action::SetMonthly(true)).apply(Action::Type(AmountField::Gift, amount.into()))
    }

    #[test]
    fn months_parse_in_both_ways_and_refuse_the_rest() {
        assert_eq!(parse_month("2027-01"), Some((2027, 1)));
        assert_eq!(parse_month(" 1/2027 "), Some((2027, 1)));
        assert_eq!(parse_month("12/2026"), Some((2026, 12)));
        for bad in ["", "2027", "2027-13", "2027-00", "27-01", "janvier", "2027-001", "01-2027"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_first_month_is_this_one_by_default_on_todays_day_capped() {
        let inputs = monthly("10");
        assert_eq!(first_payment(&inputs, d("2026-12-05")), Ok(d("2026-12-05")));
        assert_eq!(first_payment(&inputs, d("2026-12-30")), Ok(d("2026-12-28")));
        let typed = inputs.apply(Action::TypeMonth("2027-02".into()));
        assert_eq!(first_payment(&typed, d("2026-12-05")), Ok(d("2027-02-05")));
        assert_eq!(first_payment(&typed.apply(Action::TypeMonth("2026-11".into())), d("2026-12-05")), Err(MonthProblem::Past));
        assert_eq!(first_payment(&typed.apply(Action::TypeMonth("bientôt".into())), d("2026-12-05")), Err(MonthProblem::Malformed));
    }

    /// M1 and M2's end: the last month the order may run to follows the deadline's day.
    #[test]
    fn the_election_sets_the_last_payment() {
        let a = june_2027();
        let m = assess_monthly(&a, &monthly("10"), &assess(&monthly("10")), d("2026-12-05"));
        assert_eq!((m.last, m.deadline), (Some(d("2027-08-05")), d("2027-08-20")));
        let MonthlyOutcome::Quote(q) = m.outcome else { panic!("{m:?}") };
        assert_eq!((q.payments, q.total), (9, Cents::from_euros(90)));
        let m2 = assess_monthly(&a, &monthly("500"), &assess(&monthly("500")), d("2026-12-25"));
        assert_eq!(m2.last, Some(d("2027-07-25")));
    }

    #[test]
    fn a_malformed_amount_or_month_computes_nothing() {
        let a = june_2027();
        let bad = monthly("dix");
        assert_eq!(assess_monthly(&a, &bad, &assess(&bad), d("2026-12-05")).outcome, MonthlyOutcome::Empty);
        let month = monthly("10").apply(Action::TypeMonth("13/2027".into()));
        let m = assess_monthly(&a, &month, &assess(&month), d("2026-12-05"));
        assert_eq!((m.first, m.outcome), (Err(MonthProblem::Malformed), MonthlyOutcome::Empty));
    }

    use crate::donation::page::{account_page, MethodDetail, PaymentBody};
    use crate::i18n::Lang;
    use crate::payment::Reference;

    fn eur(n: i64) -> String {
        Cents::from_euros(n).format(Lang::Fr)
    }

    fn with(inputs: Inputs, field: AmountField, text: &str) -> Inputs {
        inputs.apply(Action::Type(field, text.into()))
    }

    /// M1 on the page: the headline, the end and its rule, each year, the per-year sentence.
    #[test]
    fn vector_m1_on_the_page() {
        let inputs = with(with(monthly("10"), AmountField::Income, "30000"), AmountField::Tax, "2000");
        let page = account_page(&june_2027(), &inputs, d("2026-12-05"), Lang::Fr);
        let r = &page.calculator.result;
        assert_eq!(r.kind, "quote");
        assert_eq!(r.figures, vec![format!("{} par mois : 9 versements, {} au total, pour un coût réel de {}", eur(10), eur(90), eur(30))]);
        assert!(r.details[0].contains("5 août 2027") && r.details[0].contains("20 août 2027") && r.details[0].contains("L52-4"), "{:?}", r.details);
        assert_eq!(r.details[1], format!("2026 : 1 versement, {} ; réduction d’impôt {} ; coût réel {}", eur(10), eur(7), eur(3)));
        assert_eq!(r.details[2], format!("2027 : 8 versements, {} ; réduction d’impôt {} ; coût réel {}", eur(80), eur(53), eur(27)));
        assert!(r.details[3].contains("par année civile") && r.details[3].contains("chaque année"));
        assert_eq!(page.calculator.first_month.as_ref().map(|f| f.error.is_none()), Some(true));
        // The transfer section: the standing order's details, each copyable.
        let PaymentBody::Open(open) = &page.payment.body else { panic!("collecting") };
        let Some(MethodDetail::Transfer(t)) = &open.detail else { panic!("{:?}", open.detail) };
        let s = t.standing.as_ref().expect("the standing order's details");
        let values: Vec<&str> = s.rows.iter().map(|(_, v, _)| v.as_str()).collect();
        assert!(s.rows.len() == 4 && values.contains(&"le 5 de chaque mois") && values.contains(&"5 août 2027") && values.contains(&"5 décembre 2026"), "{values:?}");
        assert!(s.rows.iter().any(|(_, _, copied)| copied == "10"), "{:?}", s.rows);
        // Each copy button says what it copies, one per row.
        assert_eq!(s.copies, ["Copier le montant", "Copier le jour", "Copier la date du premier versement", "Copier la date du dernier versement"]);
        assert!(open.form.document.contains("9 versements"), "the bulletin follows the mode");
        // The QR carries the first payment.
        assert!(t.qr.as_ref().unwrap().caption.contains(&eur(10)));
        // Once again: no standing order, a one-off quote.
        let once = account_page(&june_2027(), &inputs.apply(Action::SetMonthly(false)), d("2026-12-05"), Lang::Fr);
        assert!(once.calculator.first_month.is_none() && !once.calculator.result.figures[0].contains("par mois"));
    }

    /// M2: the end follows the deadline's day; an order before the opening is refused.
    #[test]
    fn vector_m2_on_the_page() {
        let page = account_page(&june_2027(), &monthly("500"), d("2026-12-25"), Lang::En);
        assert!(page.calculator.result.figures[0].contains("8 payments"), "{:?}", page.calculator.result);
        assert!(page.calculator.result.details[0].contains("25 July 2027"), "{:?}", page.calculator.result.details);
        let early = account_page(&june_2027(), &monthly("500"), d("2026-11-25"), Lang::En);
        assert_eq!(early.calculator.result.kind, "refused");
        assert!(early.calculator.result.figures[0].contains("opens on 1 December 2026"), "{:?}", early.calculator.result.figures);
    }

    /// M3: over the cap, refused with the largest amount a month and its button.
    #[test]
    fn vector_m3_on_the_page() {
        let inputs = with(monthly("600"), AmountField::GivenElsewhere, "1000");
        let page = account_page(&june_2027(), &inputs, d("2026-12-05"), Lang::Fr);
        let r = &page.calculator.result;
        assert_eq!(r.kind, "refused");
        assert!(r.figures[0].contains(&format!("au plus {} par mois", eur(400))), "{:?}", r.figures);
        assert_eq!(r.give_this, Some((format!("Donner {} par mois", eur(400)), Cents::from_euros(400))));
        let alone = account_page(&june_2027(), &monthly("600"), d("2026-12-05"), Lang::Fr);
        assert_eq!(alone.calculator.result.give_this.map(|(_, c)| c), Some(Cents::new(51_111)));
        // Giving it: the order fits and stays monthly.
        let given = inputs.apply(Action::GiveThis(Cents::from_euros(400)));
        assert_eq!(account_page(&june_2027(), &given, d("2026-12-05"), Lang::Fr).calculator.result.kind, "quote");
    }

    /// M4's years (October to March, 400 € a month, R 5 000) through the demo's by-election,
    /// whose account is due on 26 March 2027: the carry into the second year.
    #[test]
    fn vector_m4_on_the_page() {
        let inputs = with(monthly("400"), AmountField::Income, "5000");
        let page = account_page(&crate::donation::assessment::tests::account(), &inputs, d("2026-10-12"), Lang::Fr);
        let r = &page.calculator.result;
        assert!(r.figures[0].contains(&format!("6 versements, {} au total, pour un coût réel de {}", Cents::from_euros(2400).format(Lang::Fr), Cents::from_euros(1212).format(Lang::Fr))), "{:?}", r.figures);
        assert!(r.details[1].contains(&format!("réduction d’impôt {}", eur(660))), "{:?}", r.details);
        assert!(r.details[2].contains(&format!("réduction d’impôt {}", eur(528))), "{:?}", r.details);
    }

    /// The reverse monthly: « qu'il me coûte 5 € par mois », and the button gives it.
    #[test]
    fn the_reverse_works_monthly() {
        let inputs = with(with(monthly(""), AmountField::Income, "30000"), AmountField::Tax, "2000")
            .apply(Action::SetMode(Mode::Cost))
            .apply(Action::Type(AmountField::Target, "5".into()));
        let page = account_page(&june_2027(), &inputs, d("2026-12-05"), Lang::Fr);
        let (label, monthly) = page.calculator.result.give_this.clone().expect("a monthly amount found");
        assert_eq!(monthly, Cents::new(1488), "the CLI's figure for the same order");
        assert!(label.contains("par mois"));
    }

    /// The gift's reference: its line, the transfer's reason after the account's own, the
    /// bulletin; none in a prerender.
    #[test]
    fn the_gift_reference_reaches_the_reason_and_the_bulletin() {
        let r = Reference::from_bits(0x2A5_F00D);
        let inputs = monthly("10").with_reference(Some(r));
        let page = account_page(&june_2027(), &inputs, d("2026-12-05"), Lang::Fr);
        let PaymentBody::Open(open) = &page.payment.body else { panic!("collecting") };
        assert_eq!(open.reference.as_ref().map(|(l, _)| l.clone()), Some(format!("Référence de votre don : {r}")));
        let Some(MethodDetail::Transfer(t)) = &open.detail else { panic!() };
        assert_eq!(t.reference.as_ref().map(|(_, v, _)| v.clone()), Some(format!("DON CAMPAGNE MARTIN {r}")));
        assert!(open.form.document.contains(&r.to_string()));
        let plain = account_page(&june_2027(), &monthly("10"), d("2026-12-05"), Lang::Fr);
        let PaymentBody::Open(open) = &plain.payment.body else { panic!() };
        assert!(open.reference.is_none() && !open.form.document.contains("DON-"));
    }
}

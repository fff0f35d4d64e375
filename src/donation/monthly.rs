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
}

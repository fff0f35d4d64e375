//! A gift every month: a standing order (virement permanent) to the mandataire's account,
//! the same amount on the same day of each month (docs/law.md §1, "A gift every month").
//!
//! The law sees each payment as a gift: every one must fall within the collection
//! window (L52-4: from the opening until the account is filed, L52-12), their total with
//! the donor's other gifts to this election stays within the cap (L52-8), and the tax
//! reduction is computed **per calendar year of payment** (CGI art. 200: the gifts paid
//! in a year count for that year's income), each year with its own 20 % ceiling. A
//! standing order from October to January is two tax years.
//!
//! Pure: the first payment's date is a parameter, like every date in the core.

use super::calendar::{self, ElectionDates};
use super::limits;
use super::rules::RuleId;
use super::tax::{self, Household, Quote};
use crate::payment::Method;
use crate::date::Date;
use crate::money::Cents;

/// The latest day of the month a standing order may be set to: every month has it.
pub const LAST_ORDER_DAY: u8 = 28;

/// A standing order: `monthly` on `first.day()` of each month, from `first` to `last`
/// included. Built by [`StandingOrder::new`], so always well-formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StandingOrder {
    monthly: Cents,
    first: Date,
    last: Date,
}

/// Why a standing order cannot be set up as asked: a value with its figures; the words
/// are written from it where a person reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderProblem {
    /// The amount per month is zero or negative.
    NothingMonthly,
    /// The payment day is after the 28th: not every month has it.
    DayNotInEveryMonth { day: u8 },
    /// The last payment is before the first.
    EndsBeforeStart { first: Date, last: Date },
    /// The first payment comes before the collection opens (L52-4).
    BeforeOpening { first: Date, opens: Date },
    /// A payment would come after the account's filing deadline (L52-4, L52-12):
    /// `last_allowed` is the last payment date the window allows, on the same day.
    AfterClosing { last: Date, last_allowed: Option<Date> },
    /// The total with the donor's other gifts to this election passes the cap (L52-8):
    /// `largest_monthly` is the largest amount per month that fits (zero when nothing
    /// fits any more).
    OverCap { total: Cents, remaining: Cents, largest_monthly: Cents },
}

impl OrderProblem {
    /// The rule the problem comes from.
    pub fn rule(&self) -> RuleId {
        match self {
            OrderProblem::NothingMonthly => RuleId::PositiveGift,
            OrderProblem::DayNotInEveryMonth { .. } | OrderProblem::EndsBeforeStart { .. } => RuleId::PositiveGift,
            OrderProblem::BeforeOpening { .. } => RuleId::CollectionOpens,
            OrderProblem::AfterClosing { .. } => RuleId::CollectionCloses,
            OrderProblem::OverCap { .. } => RuleId::DonorCap,
        }
    }
}

impl StandingOrder {
    /// The order, or what is wrong with its shape (amount, day, end before start).
    /// The law's checks (window, cap) are [`check`]'s.
    pub fn new(monthly: Cents, first: Date, last: Date) -> Result<StandingOrder, OrderProblem> {
        if monthly <= Cents::ZERO {
            return Err(OrderProblem::NothingMonthly);
        }
        if first.day() > LAST_ORDER_DAY {
            return Err(OrderProblem::DayNotInEveryMonth { day: first.day() });
        }
        let last = same_day(last, first.day()).ok_or(OrderProblem::EndsBeforeStart { first, last })?;
        if last < first {
            return Err(OrderProblem::EndsBeforeStart { first, last });
        }
        Ok(StandingOrder { monthly, first, last })
    }

    pub fn monthly(&self) -> Cents {
        self.monthly
    }

    pub fn first(&self) -> Date {
        self.first
    }

    pub fn last(&self) -> Date {
        self.last
    }

    /// How many payments: one a month, both ends included.
    pub fn payments(&self) -> u32 {
        months_between(self.first, self.last) + 1
    }

    /// `monthly × payments`.
    pub fn total(&self) -> Cents {
        Cents::new(self.monthly.get() * i64::from(self.payments()))
    }

    /// The payment dates, in order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        (0..self.payments()).filter_map(move |k| month_later(self.first, k))
    }

    /// The same order with another amount per month.
    fn with_monthly(&self, monthly: Cents) -> StandingOrder {
        StandingOrder { monthly, ..*self }
    }
}

/// `date`'s month on `day` (every month has days 1 to 28).
fn same_day(date: Date, day: u8) -> Option<Date> {
    Date::new(date.year(), date.month(), day)
}

/// The same day `k` months after `date` (its day is at most 28).
fn month_later(date: Date, k: u32) -> Option<Date> {
    let month = date.first_of_month_minus(-(k as i32))?;
    Date::new(month.year(), month.month(), date.day())
}

/// Whole months from `a`'s month to `b`'s (`b` after `a`).
fn months_between(a: Date, b: Date) -> u32 {
    let index = |d: Date| d.year() * 12 + i32::from(d.month());
    (index(b) - index(a)).max(0) as u32
}

/// The last date on `day` of a month on which a payment can still be received for this
/// election: the filing deadline's month if `day` is not after the deadline's day, else
/// the month before (L52-4: gifts until the account is filed; L52-12: the deadline).
/// `None` when `day` is after the 28th.
pub fn last_payment(election: &ElectionDates, day: u8) -> Option<Date> {
    if day == 0 || day > LAST_ORDER_DAY {
        return None;
    }
    let deadline = calendar::filing_deadline(election.first_round);
    let candidate = same_day(deadline, day)?;
    if candidate <= deadline {
        Some(candidate)
    } else {
        same_day(deadline.first_of_month_minus(1)?, day)
    }
}

/// The law's checks of an order for this election and this donor: every payment within
/// the collection window of the account (opening, or the mandataire's designation, to the
/// filing deadline) and the total within the cap with `given_elsewhere`.
pub fn check(
    order: &StandingOrder,
    election: &ElectionDates,
    designated_on: Date,
    given_elsewhere: Cents,
) -> Result<(), OrderProblem> {
    let opens = calendar::collection_opens(election).max(designated_on);
    if order.first < opens {
        return Err(OrderProblem::BeforeOpening { first: order.first, opens });
    }
    let last_allowed = last_payment(election, order.first.day());
    if last_allowed.is_none_or(|allowed| order.last > allowed) {
        return Err(OrderProblem::AfterClosing { last: order.last, last_allowed });
    }
    let remaining = limits::remaining_cap(given_elsewhere);
    let total = order.total();
    if total > remaining {
        let largest_monthly = Cents::new(remaining.get() / i64::from(order.payments()));
        return Err(OrderProblem::OverCap { total, remaining, largest_monthly });
    }
    Ok(())
}

/// One calendar year of a standing order, as the tax office sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearShare {
    pub year: i32,
    /// Payments made in that year.
    pub payments: u32,
    /// Their sum: that year's gift.
    pub gifts: Cents,
    /// The household that year: the details given, `carried` being what the year
    /// before left above its ceiling (the first year: the details' own `carried`).
    pub household: Household,
    /// That year's real cost, as for a gift of `gifts` that year.
    pub quote: Quote,
}

/// The real cost of a standing order, year by year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyQuote {
    pub order: StandingOrder,
    pub payments: u32,
    pub total: Cents,
    pub years: Vec<YearShare>,
    /// The sum of the years' imputed reductions.
    pub imputed: Cents,
    /// `total − imputed`: what the order really costs over all its years.
    pub net_cost: Cents,
}

/// The real cost of `order` for a household whose details apply to every year of
/// payment: each year's gifts are quoted as one gift of that year ([`tax::quote`]), with
/// the year's 20 % ceiling, and what stays above it is carried into the next year (CGI
/// art. 200-1). As for one gift, a year's net cost counts what that year's gifts save
/// that year; what an excess may save later is the year's `quote.future_saving`. A
/// standing order is a transfer: it opens the reduction (CGI art. 200-3).
pub fn quote(order: &StandingOrder, household: &Household) -> MonthlyQuote {
    let mut years: Vec<YearShare> = Vec::new();
    let mut carried_in = household.carried.max(Cents::ZERO);
    let mut year = order.first.year();
    while year <= order.last.year() {
        let payments = order.dates().filter(|d| d.year() == year).count() as u32;
        let gifts = Cents::new(order.monthly.get() * i64::from(payments));
        let household_year = Household { carried: carried_in, ..*household };
        let q = tax::quote(gifts, &household_year, Method::Transfer);
        // All that stays above the ceiling goes on to the next year (well within CGI
        // 200-1's five years, which no collection window approaches).
        carried_in = q.with.excess;
        years.push(YearShare { year, payments, gifts, household: household_year, quote: q });
        year += 1;
    }
    let imputed = years.iter().fold(Cents::ZERO, |sum, y| sum + y.quote.imputed);
    let total = order.total();
    MonthlyQuote { order: *order, payments: order.payments(), total, years, imputed, net_cost: total - imputed }
}

/// The reverse: the largest amount per month whose order costs at most `net_monthly`
/// a month on average (`net_cost ≤ net_monthly × payments`), within the cap with
/// `given_elsewhere`. `None` when no amount of at least one cent fits.
///
/// The order's net cost is non-decreasing in steps of one euro of the monthly amount:
/// each year's gift then grows by whole euros, and a year's net cost is non-decreasing
/// in whole euros (see [`tax::reverse`]); more carried excess only lowers what the next
/// year's gifts save. So the same search as [`tax::reverse`]'s finds the exact largest
/// amount; the tests check it against the next 100 cents.
pub fn reverse(order: &StandingOrder, net_monthly: Cents, household: &Household, given_elsewhere: Cents) -> Option<MonthlyQuote> {
    let payments = i64::from(order.payments());
    let cap = limits::remaining_cap(given_elsewhere).get() / payments;
    let budget = net_monthly.max(Cents::ZERO).get() * payments;
    let fits = |m: i64| quote(&order.with_monthly(Cents::new(m)), household).net_cost.get() <= budget;
    let best = tax::largest_fitting(cap.max(0), fits);
    (best > 0).then(|| quote(&order.with_monthly(Cents::new(best)), household))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::tax::TaxDue;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    /// A June 2027 election (first round 13 June, second 20 June): collection opens on
    /// 1 December 2026, the account is due on Friday 20 August 2027 (docs/law.md §4).
    fn election() -> ElectionDates {
        ElectionDates { first_round: date(2027, 6, 13), second_round: Some(date(2027, 6, 20)), trigger: None }
    }

    fn household(income: i64, tax: i64) -> Household {
        Household { income: Some(eur(income)), tax: TaxDue::Due(eur(tax)), ..Household::default() }
    }

    #[test]
    fn the_last_payment_is_on_or_before_the_filing_deadline() {
        assert_eq!(calendar::filing_deadline(election().first_round), date(2027, 8, 20));
        assert_eq!(last_payment(&election(), 5), Some(date(2027, 8, 5)));
        assert_eq!(last_payment(&election(), 20), Some(date(2027, 8, 20)));
        assert_eq!(last_payment(&election(), 21), Some(date(2027, 7, 21)));
        assert_eq!(last_payment(&election(), 29), None);
        assert_eq!(last_payment(&election(), 0), None);
    }

    /// docs/law.md, monthly vector M1: 10 € a month on the 5th from December 2026 to
    /// August 2027, household R 30 000, T 2 000. 2026: one payment, 10 € → 7 € reduction,
    /// 3 € net; 2027: eight payments, 80 € → 53 € (52,80), 27 € net. Total 90 €, 60 € back,
    /// 30 € net.
    #[test]
    fn vector_m1_across_a_new_year_two_tax_years() {
        let order = StandingOrder::new(eur(10), date(2026, 12, 5), date(2027, 8, 5)).unwrap();
        assert_eq!(check(&order, &election(), date(2026, 11, 1), Cents::ZERO), Ok(()));
        let q = quote(&order, &household(30_000, 2_000));
        assert_eq!((q.payments, q.total), (9, eur(90)));
        let years: Vec<_> = q.years.iter().map(|y| (y.year, y.payments, y.gifts, y.quote.imputed, y.quote.net_cost)).collect();
        assert_eq!(years, vec![(2026, 1, eur(10), eur(7), eur(3)), (2027, 8, eur(80), eur(53), eur(27))]);
        assert_eq!((q.imputed, q.net_cost), (eur(60), eur(30)));
        // One gift of 90 € in one year would cost 31 € (59 € back): the split is not free
        // money, only two roundings.
        assert_eq!(tax::quote(eur(90), &household(30_000, 2_000), Method::Transfer).net_cost, eur(31));
    }

    /// M2: the last allowed month. 500 € on the 25th, from 25 December 2026: the deadline
    /// is 20 August, so the last payment is 25 July 2027; 25 August is refused.
    #[test]
    fn vector_m2_ends_at_the_last_allowed_month() {
        let e = election();
        let ok = StandingOrder::new(eur(500), date(2026, 12, 25), date(2027, 7, 25)).unwrap();
        assert_eq!(ok.payments(), 8);
        assert_eq!(check(&ok, &e, date(2026, 11, 1), Cents::ZERO), Ok(()));
        let late = StandingOrder::new(eur(500), date(2026, 12, 25), date(2027, 8, 25)).unwrap();
        assert_eq!(
            check(&late, &e, date(2026, 11, 1), Cents::ZERO),
            Err(OrderProblem::AfterClosing { last: date(2027, 8, 25), last_allowed: Some(date(2027, 7, 25)) })
        );
        let early = StandingOrder::new(eur(10), date(2026, 11, 25), date(2027, 7, 25)).unwrap();
        assert_eq!(
            check(&early, &e, date(2026, 11, 1), Cents::ZERO),
            Err(OrderProblem::BeforeOpening { first: date(2026, 11, 25), opens: date(2026, 12, 1) })
        );
        // Before the mandataire's designation, even inside the window.
        let before_designation = StandingOrder::new(eur(10), date(2026, 12, 5), date(2027, 7, 5)).unwrap();
        assert_eq!(
            check(&before_designation, &e, date(2026, 12, 10), Cents::ZERO),
            Err(OrderProblem::BeforeOpening { first: date(2026, 12, 5), opens: date(2026, 12, 10) })
        );
    }

    /// M3: refused by the cap. 600 € a month for 9 payments is 5 400 € > 4 600 €; after
    /// 1 000 € given to another candidate, 3 600 € remain: at most 400 € a month.
    #[test]
    fn vector_m3_refused_by_the_cap_with_the_largest_amount_that_fits() {
        let order = StandingOrder::new(eur(600), date(2026, 12, 5), date(2027, 8, 5)).unwrap();
        assert_eq!(
            check(&order, &election(), date(2026, 11, 1), eur(1_000)),
            Err(OrderProblem::OverCap { total: eur(5_400), remaining: eur(3_600), largest_monthly: eur(400) })
        );
        let fits = StandingOrder::new(eur(400), date(2026, 12, 5), date(2027, 8, 5)).unwrap();
        assert_eq!(check(&fits, &election(), date(2026, 11, 1), eur(1_000)), Ok(()));
        // 4 600 € over 9 payments: 511,11 € a month at most, never rounded up.
        assert_eq!(
            check(&order, &election(), date(2026, 11, 1), Cents::ZERO),
            Err(OrderProblem::OverCap { total: eur(5_400), remaining: eur(4_600), largest_monthly: Cents::new(51_111) })
        );
    }

    /// M4: the ceiling binds in the first year and the excess carries into the second.
    /// R 5 000 (ceiling 1 000 €), no tax limit: 400 € a month from October to March is
    /// 1 200 € in 2026 (base 1 000, 660 € back, 200 € carried) and 1 200 € in 2027
    /// (200 € carried + 1 200 € = 1 400 €, base 1 000 → the 2027 gifts add 1 000 − 200 =
    /// 800 € of base, 528 € back, 600 € carried on).
    #[test]
    fn vector_m4_the_ceiling_binds_and_the_excess_carries_into_the_next_year() {
        let order = StandingOrder::new(eur(400), date(2026, 10, 1), date(2027, 3, 1)).unwrap();
        let h = Household { income: Some(eur(5_000)), ..Household::default() };
        let q = quote(&order, &h);
        let years: Vec<_> = q.years.iter().map(|y| (y.year, y.gifts, y.household.carried, y.quote.imputed, y.quote.carried_over)).collect();
        assert_eq!(years, vec![(2026, eur(1_200), eur(0), eur(660), eur(200)), (2027, eur(1_200), eur(200), eur(528), eur(400))]);
        assert_eq!(q.net_cost, eur(2_400 - 660 - 528));
    }

    #[test]
    fn shapes_that_are_not_an_order() {
        assert_eq!(StandingOrder::new(Cents::ZERO, date(2027, 1, 5), date(2027, 2, 5)), Err(OrderProblem::NothingMonthly));
        assert_eq!(StandingOrder::new(eur(5), date(2027, 1, 30), date(2027, 2, 5)), Err(OrderProblem::DayNotInEveryMonth { day: 30 }));
        assert_eq!(
            StandingOrder::new(eur(5), date(2027, 3, 5), date(2027, 2, 5)),
            Err(OrderProblem::EndsBeforeStart { first: date(2027, 3, 5), last: date(2027, 2, 5) })
        );
        // The end's day is the order's day: 31 March ends on 5 March.
        let order = StandingOrder::new(eur(5), date(2027, 1, 5), date(2027, 3, 31)).unwrap();
        assert_eq!((order.last(), order.payments()), (date(2027, 3, 5), 3));
        let dates: Vec<_> = order.dates().collect();
        assert_eq!(dates, vec![date(2027, 1, 5), date(2027, 2, 5), date(2027, 3, 5)]);
    }

    #[test]
    fn reverse_finds_five_euros_a_month() {
        let order = StandingOrder::new(eur(1), date(2026, 12, 5), date(2027, 8, 5)).unwrap();
        let h = household(30_000, 2_000);
        let q = reverse(&order, eur(5), &h, Cents::ZERO).unwrap();
        assert!(q.net_cost <= eur(45), "{:?}", q.net_cost);
        let one_more = quote(&order.with_monthly(q.order.monthly() + Cents::new(1)), &h);
        assert!(one_more.net_cost > eur(45));
        // Not taxable: the real cost is the gift, so 5 € a month is 5 € a month.
        let none = Household { tax: TaxDue::NotTaxable, ..h };
        assert_eq!(reverse(&order, eur(5), &none, Cents::ZERO).unwrap().order.monthly(), eur(5));
        assert_eq!(reverse(&order, Cents::ZERO, &none, Cents::ZERO), None);
        // Within the cap: with 4 600 € given elsewhere nothing fits.
        assert_eq!(reverse(&order, eur(50), &h, eur(4_600)), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::law::tax::TaxDue;
    use proptest::prelude::*;

    fn household() -> impl Strategy<Value = Household> {
        (proptest::option::of(0i64..20_000_000), prop_oneof![Just(None), Just(Some(-1i64)), (0i64..2_000_000).prop_map(Some)], 0i64..1_000_000, 0i64..500_000)
            .prop_map(|(income, tax, other, carried)| Household {
                income: income.map(Cents::new),
                tax: match tax {
                    None => TaxDue::Unknown,
                    Some(-1) => TaxDue::NotTaxable,
                    Some(t) => TaxDue::Due(Cents::new(t)),
                },
                other_gifts: Cents::new(other),
                carried: Cents::new(carried),
            })
    }

    fn order() -> impl Strategy<Value = StandingOrder> {
        (1i64..60_000, 2020i32..2030, 1u8..=12, 1u8..=28, 0u32..30).prop_map(|(m, y, mo, d, n)| {
            let first = Date::new(y, mo, d).unwrap();
            StandingOrder::new(Cents::new(m), first, month_later(first, n).unwrap()).unwrap()
        })
    }

    proptest! {
        /// The years' payments and gifts add up to the order's; the net cost is the total
        /// less the years' savings, never negative, never above the total.
        #[test]
        fn the_years_add_up(order in order(), h in household()) {
            let q = quote(&order, &h);
            prop_assert_eq!(q.years.iter().map(|y| y.payments).sum::<u32>(), order.payments());
            prop_assert_eq!(q.years.iter().fold(Cents::ZERO, |s, y| s + y.gifts), order.total());
            prop_assert_eq!(q.net_cost, order.total() - q.imputed);
            prop_assert!(q.net_cost >= Cents::ZERO && q.net_cost <= order.total());
            prop_assert_eq!(q.years.first().map(|y| y.year), Some(order.first().year()));
            prop_assert_eq!(q.years.last().map(|y| y.year), Some(order.last().year()));
        }

        /// The reverse is exact: its amount fits the budget, and none of the next 100
        /// cents does; it never passes the cap.
        #[test]
        fn the_reverse_is_exact(order in order(), net in 0i64..100_000, h in household(), elsewhere in 0i64..460_000) {
            let budget = net * i64::from(order.payments());
            let cap = limits::remaining_cap(Cents::new(elsewhere)).get() / i64::from(order.payments());
            match reverse(&order, Cents::new(net), &h, Cents::new(elsewhere)) {
                Some(q) => {
                    let m = q.order.monthly().get();
                    prop_assert!(q.net_cost.get() <= budget);
                    prop_assert!(m <= cap);
                    for more in m + 1..=(m + 100).min(cap) {
                        prop_assert!(quote(&order.with_monthly(Cents::new(more)), &h).net_cost.get() > budget, "{} fits too", more);
                    }
                }
                None => {
                    for m in 1..=100.min(cap) {
                        prop_assert!(quote(&order.with_monthly(Cents::new(m)), &h).net_cost.get() > budget);
                    }
                }
            }
        }
    }
}

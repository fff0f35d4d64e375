//! The collective's arithmetic (docs/law.md §7): how many gifts of the average size are
//! still needed, and how many a day.

use super::tax::{self, Household};
use crate::payment::Method;
use crate::money::Cents;

/// A collection plan. Counts are whole gifts; rates are in tenths of a gift a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub target: Cents,
    pub raised: Cents,
    /// `target − raised`, never negative.
    pub remaining: Cents,
    /// Gifts of the average size still needed, rounded up (3 000 € at 37 € → 82).
    pub donors_needed: i64,
    /// The same, rounded to the nearest (3 000 / 37 = 81,08 → 81: docs/law.md's "about 81").
    pub donors_about: i64,
    /// Gifts needed per day, in tenths, rounded up (82 gifts in 35 days → 24, i.e.
    /// 2,4 a day); `None` when no day is left.
    pub donors_per_day_tenths: Option<i64>,
    /// Share of the target already raised, in whole percent rounded down (100 when the
    /// target is zero or reached; may exceed 100).
    pub percent_raised: i64,
    /// What the average gift really costs a donor whose household is not known (the
    /// quote's conditions apply).
    pub net_cost_of_average: Cents,
    pub average_gift: Cents,
    pub days_left: i64,
}

/// Plans the rest of a collection: `days_left` counts the days gifts may still come in
/// (zero or negative: none). Never divides by zero: a zero average gift needs no count.
pub fn plan(target: Cents, raised: Cents, average_gift: Cents, days_left: i64) -> Plan {
    let target = target.max(Cents::ZERO);
    let raised = raised.max(Cents::ZERO);
    let remaining = (target - raised).max(Cents::ZERO);
    let avg = average_gift.get();
    let donors_needed = gifts_needed(remaining, average_gift);
    let donors_about = if avg > 0 { (2 * remaining.get() + avg) / (2 * avg) } else { 0 };
    let donors_per_day_tenths = (days_left > 0).then(|| (donors_needed * 10 + days_left - 1) / days_left);
    let percent_raised = percent_raised(target, raised);
    let net_cost_of_average = tax::quote(average_gift.max(Cents::ZERO), &Household::default(), Method::Card).net_cost;
    Plan {
        target,
        raised,
        remaining,
        donors_needed,
        donors_about,
        donors_per_day_tenths,
        percent_raised,
        net_cost_of_average,
        average_gift,
        days_left,
    }
}

/// Gifts of `average_gift` that would bring `remaining` (never negative) in, rounded up
/// (3 000 € at 37 € → 82); 0 when the average gift is not positive.
pub fn gifts_needed(remaining: Cents, average_gift: Cents) -> i64 {
    let (r, avg) = (remaining.get().max(0), average_gift.get());
    if avg > 0 { (r + avg - 1) / avg } else { 0 }
}

/// Share of `target` already `raised`, in whole percent rounded down: 100 when the
/// target is zero (or negative) or reached; may exceed 100; never below 0.
pub fn percent_raised(target: Cents, raised: Cents) -> i64 {
    let (target, raised) = (target.max(Cents::ZERO), raised.max(Cents::ZERO));
    if target.get() == 0 {
        100
    } else {
        i64::try_from(i128::from(raised.get()) * 100 / i128::from(target.get())).unwrap_or(i64::MAX)
    }
}

impl Plan {
    /// True when nothing remains to raise.
    pub fn reached(&self) -> bool {
        self.remaining == Cents::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    // docs/law.md §7: 3 000 €, 37 € average, 35 days → about 81 donors, a little over 2 a day.
    #[test]
    fn law_md_collective_arithmetic() {
        let p = plan(eur(3000), Cents::ZERO, eur(37), 35);
        assert_eq!(p.donors_about, 81);
        assert_eq!(p.donors_needed, 82);
        assert_eq!(p.donors_per_day_tenths, Some(24));
        assert_eq!(p.percent_raised, 0);
        assert_eq!(p.net_cost_of_average, eur(13));
    }

    #[test]
    fn gifts_needed_rounds_up_and_is_never_negative() {
        assert_eq!(gifts_needed(eur(3000), eur(37)), 82);
        assert_eq!(gifts_needed(eur(74), eur(37)), 2);
        assert_eq!(gifts_needed(eur(-5), eur(37)), 0);
        assert_eq!(gifts_needed(eur(3000), Cents::ZERO), 0);
    }

    #[test]
    fn progress() {
        let p = plan(eur(3000), eur(1500), eur(37), 10);
        assert_eq!((p.remaining, p.percent_raised, p.donors_needed), (eur(1500), 50, 41));
        assert_eq!(p.donors_per_day_tenths, Some(41));
    }

    #[test]
    fn zero_or_negative_days_and_zero_average() {
        for days in [0, -5] {
            let p = plan(eur(3000), eur(100), eur(37), days);
            assert_eq!(p.donors_per_day_tenths, None);
        }
        let p = plan(eur(3000), Cents::ZERO, Cents::ZERO, 10);
        assert_eq!((p.donors_needed, p.donors_per_day_tenths), (0, Some(0)));
    }

    #[test]
    fn percent_raised_rounds_down_and_never_goes_below_zero() {
        assert_eq!(percent_raised(eur(3000), Cents::new(99_950)), 33);
        assert_eq!(percent_raised(eur(3000), eur(-5)), 0);
        assert_eq!(percent_raised(eur(-3000), eur(5)), 100);
        assert_eq!(percent_raised(Cents::new(1), Cents::new(i64::MAX)), i64::MAX);
    }

    #[test]
    fn target_reached_or_zero() {
        let p = plan(eur(3000), eur(3100), eur(37), 10);
        assert!(p.reached());
        assert_eq!((p.remaining, p.donors_needed, p.percent_raised), (Cents::ZERO, 0, 103));
        let z = plan(Cents::ZERO, Cents::ZERO, eur(37), 0);
        assert_eq!(z.percent_raised, 100);
        assert!(z.reached());
    }
}

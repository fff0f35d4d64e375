//! The income-tax reduction of a gift to a candidate (CGI art. 200), as the tax office
//! computes it (docs/law.md §1), and the reverse computation ("it should cost me N €").
//!
//! Everything is integer arithmetic on cents. The 20 % ceiling is compared exactly
//! (in hundredths of a cent), then `base = round(min(gifts + carried, 20 % × income))` and
//! `reduction = round(REDUCTION_RATE × base)`, both to the nearest euro, halves up.

use super::limits::{self, Refusal};
use super::rules::{self, RuleId};
use crate::money::{round_to_euro, Cents};
use crate::payment::Method;

/// Income tax owed by the household before reductions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TaxDue {
    /// Not given: the quote assumes the tax covers the reduction, and says so.
    #[default]
    Unknown,
    /// The household owes no income tax: the reduction is lost (CGI art. 200).
    NotTaxable,
    /// Tax due before reductions.
    Due(Cents),
}

/// The tax household (foyer fiscal). `Default` is "everything unknown, nothing else".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Household {
    /// Revenu imposable; `None` when not given (the 20 % ceiling is then assumed not to
    /// bind, and the quote states the condition).
    pub income: Option<Cents>,
    pub tax: TaxDue,
    /// Other art. 200 gifts of the household this year (charities, parties, other
    /// candidates, the partner's gift to this candidate...).
    pub other_gifts: Cents,
    /// Excess carried over from the 5 previous years (CGI art. 200-1).
    pub carried: Cents,
}

/// True when a gift paid by `method` opens the tax reduction: every method but cash
/// (CGI art. 200-3).
pub fn qualifies(method: Method) -> bool {
    method != Method::Cash
}

/// The household's art. 200 position for one year (CGI art. 200-1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// Gifts of the year plus carried-over excess.
    pub total: Cents,
    /// `round(min(total, 20 % × income))`, whole euros.
    pub base: Cents,
    /// `round(REDUCTION_RATE × base)`, whole euros, before comparing with the tax due.
    pub reduction: Cents,
    /// The part of the reduction actually taken off the tax (unknown tax: all of it).
    pub imputed: Cents,
    /// The part of `total` above the ceiling, carried over (CGI art. 200-1).
    pub excess: Cents,
}

/// The household's position for the year from its gifts (`other_gifts`) and carried
/// excess. docs/law.md vector 9 (the year after vector 8) and the couple of vector 13 are
/// read from here.
pub fn position(household: &Household) -> Position {
    let total = household.other_gifts.max(Cents::ZERO) + household.carried.max(Cents::ZERO);
    let (base, excess) = match household.income {
        // The ceiling binds iff 100 × total > 20 × income (in cents): exact.
        Some(income) if i128::from(total.get()) * 100 > ceiling_hundredths(income) => {
            let ceiling = round_hundredths_to_euro(ceiling_hundredths(income));
            (ceiling, (total - ceiling).max(Cents::ZERO))
        }
        _ => (round_to_euro(total), Cents::ZERO),
    };
    let reduction = round_to_euro(Cents::new(rules::REDUCTION_RATE.times(base.get()) / 100));
    let imputed = match household.tax {
        TaxDue::Unknown => reduction,
        TaxDue::NotTaxable => Cents::ZERO,
        TaxDue::Due(t) => reduction.min(t.max(Cents::ZERO)),
    };
    Position { total, base, reduction, imputed, excess }
}

/// The 20 % ceiling (CGI art. 200-1) in hundredths of a cent: exact for any income.
fn ceiling_hundredths(income: Cents) -> i128 {
    i128::from(rules::INCOME_CEILING.times(income.get().max(0)))
}

/// Rounds hundredths of a cent to the euro, halves up (the tax office's rounding).
/// `base` is then a whole number of euros, so `REDUCTION_RATE × base / 100` above is exact in cents.
fn round_hundredths_to_euro(h: i128) -> Cents {
    Cents::new(((h + 5_000).div_euclid(10_000) * 100) as i64)
}

/// One step of the computation, as data: the figures it used and the rule it applies.
/// The donor's words for each step are written by `donation::words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A cash gift opens no reduction (CGI art. 200-3): it costs `gift`.
    CashNoReduction { gift: Cents },
    /// The 20 % ceiling on a known income: `ceiling` (to the cent below), the year's
    /// gifts and carry-overs with this gift `total`, and the rounded `base` kept.
    Ceiling { income: Cents, ceiling: Cents, total: Cents, base: Cents },
    /// Income not given: the year's gifts are assumed to stay under the ceiling.
    CeilingAssumed,
    /// The household had no reduction without this gift: the reduction rate of its counted part,
    /// `exact`, then `rounded` to the euro by the tax office.
    Reduction { exact: Cents, rounded: Cents },
    /// The household had a reduction already: its reduction `with` and `without` this
    /// gift (each the rate of a rounded base), this gift's `share`, and its `exact` reduction.
    HouseholdReduction { with: Cents, without: Cents, share: Cents, exact: Cents },
    /// Tax due not given: assumed to cover the reduction; `saved` this year.
    TaxAssumed { saved: Cents },
    /// The household owes no income tax: nothing is saved and `lost` is lost.
    NotTaxable { lost: Cents },
    /// Tax due before reductions `tax`: `saved` this year, `lost` above the tax due.
    TaxDue { tax: Cents, saved: Cents, lost: Cents },
    /// `gift − saved = net`; `before_rounding` is the cost before the tax office's rounding when it differs.
    NetCost { gift: Cents, saved: Cents, net: Cents, before_rounding: Option<Cents>, cash: bool },
    /// `carried` above the ceiling goes to the next years, worth about `future`.
    CarryOver { carried: Cents, future: Cents },
    /// The mandataire's numbered receipt, to keep (R39-1).
    Receipt,
    /// The box of the tax return.
    TaxBox,
    /// When the saving comes: not in the January advance (unverified for this box).
    JanuaryAdvance,
}

impl Step {
    /// The rule this step applies.
    pub fn rule(&self) -> RuleId {
        match self {
            Step::CashNoReduction { .. } | Step::NetCost { cash: true, .. } => RuleId::CashNoReduction,
            Step::Ceiling { .. } | Step::CeilingAssumed => RuleId::IncomeCeiling,
            Step::Reduction { .. } | Step::HouseholdReduction { .. } => RuleId::ReductionRate,
            Step::TaxAssumed { .. } | Step::NotTaxable { .. } | Step::TaxDue { .. } => RuleId::ReductionNotCredit,
            Step::NetCost { cash: false, .. } => RuleId::Rounding,
            Step::CarryOver { .. } => RuleId::CarryOver,
            Step::Receipt => RuleId::Receipt,
            Step::TaxBox => RuleId::TaxBox,
            Step::JanuaryAdvance => RuleId::JanuaryAdvance,
        }
    }

    /// A stable name of the step, for machines (`circo-don quote --json`).
    pub fn kind(&self) -> &'static str {
        match self {
            Step::CashNoReduction { .. } => "cash-no-reduction",
            Step::Ceiling { .. } => "ceiling",
            Step::CeilingAssumed => "ceiling-assumed",
            Step::Reduction { .. } => "reduction",
            Step::HouseholdReduction { .. } => "household-reduction",
            Step::TaxAssumed { .. } => "tax-assumed",
            Step::NotTaxable { .. } => "not-taxable",
            Step::TaxDue { .. } => "tax-due",
            Step::NetCost { .. } => "net-cost",
            Step::CarryOver { .. } => "carry-over",
            Step::Receipt => "receipt",
            Step::TaxBox => "tax-box",
            Step::JanuaryAdvance => "january-advance",
        }
    }

    /// The step's figures by name, in cents (`circo-don quote --json`).
    pub fn figures(&self) -> Vec<(&'static str, Cents)> {
        match *self {
            Step::CashNoReduction { gift } => vec![("gift", gift)],
            Step::Ceiling { income, ceiling, total, base } => vec![("income", income), ("ceiling", ceiling), ("total", total), ("base", base)],
            Step::Reduction { exact, rounded } => vec![("exact", exact), ("rounded", rounded)],
            Step::HouseholdReduction { with, without, share, exact } => vec![("with", with), ("without", without), ("share", share), ("exact", exact)],
            Step::TaxAssumed { saved } => vec![("saved", saved)],
            Step::NotTaxable { lost } => vec![("lost", lost)],
            Step::TaxDue { tax, saved, lost } => vec![("tax", tax), ("saved", saved), ("lost", lost)],
            Step::NetCost { gift, saved, net, before_rounding, .. } => {
                let mut f = vec![("gift", gift), ("saved", saved), ("net", net)];
                f.extend(before_rounding.map(|b| ("before_rounding", b)));
                f
            }
            Step::CarryOver { carried, future } => vec![("carried", carried), ("future", future)],
            Step::CeilingAssumed | Step::Receipt | Step::TaxBox | Step::JanuaryAdvance => Vec::new(),
        }
    }
}

/// What must hold for a quote's figures to be true, when the donor did not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// The taxable income is at least this much (the ceiling does not bind).
    IncomeAtLeast(Cents),
    /// The income tax due before reductions is at least this much.
    TaxAtLeast(Cents),
    /// The tax domicile is in France and the receipt is kept.
    DomicileAndReceipt,
}

/// The real cost of one gift for one household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub gift: Cents,
    pub method: Method,
    /// The household's base with this gift (rounded, whole euros).
    pub base: Cents,
    /// The part of the base this gift adds (rounded).
    pub counted: Cents,
    /// The reduction rate of the part of this gift under the ceiling, before the tax office's
    /// rounding, in cents; sub-cent fractions round half up to the cent
    /// (37 € → 2 442).
    pub reduction_exact: Cents,
    /// Reduction with the gift − reduction without (both rounded), before the tax due.
    pub reduction: Cents,
    /// What the household saves this year thanks to this gift:
    /// `min(reduction with, tax) − min(reduction without, tax)`, and never more than the
    /// gift (a larger saving can only come from rounding cents; it is not promised).
    pub imputed: Cents,
    /// `gift − imputed`.
    pub net_cost: Cents,
    /// `gift − reduction_exact` when the tax due does not limit the saving (12,58 € for
    /// 37 €), to show beside the rounded figure.
    pub net_cost_exact: Option<Cents>,
    /// The excess over the ceiling this gift creates, carried over 5 years.
    pub carried_over: Cents,
    /// `round(REDUCTION_RATE × carried_over)`: what it may save in later years if tax is due.
    pub future_saving: Cents,
    /// The household position with and without this gift.
    pub with: Position,
    pub without: Position,
    /// What must hold for the figures to be true, when inputs were not given.
    pub conditions: Vec<Condition>,
    /// The computation, in order.
    pub steps: Vec<Step>,
    /// The rules applied, in the order of the steps, without repetition.
    pub rules: Vec<RuleId>,
}

/// The household's saving due to `gift` only (fast path for [`reverse`]).
fn figures(gift: Cents, household: &Household, method: Method) -> (Position, Position, Cents, Cents) {
    let gift = gift.max(Cents::ZERO);
    let without = position(household);
    let counted_gift = if qualifies(method) { gift } else { Cents::ZERO };
    let with = position(&Household { other_gifts: household.other_gifts.max(Cents::ZERO) + counted_gift, ..*household });
    let imputed = (with.imputed - without.imputed).min(gift).max(Cents::ZERO);
    (with, without, imputed, gift - imputed)
}

impl Quote {
    /// The part of this gift's reduction not taken off the tax this year:
    /// `reduction − imputed`, never negative. It is lost, not carried over (CGI art.
    /// 200: a reduction, not a credit; only gifts above the 20 % ceiling carry over).
    /// docs/law.md vector 7: computed 330 €, imputed 200 € → 130 € lost.
    pub fn lost(&self) -> Cents {
        (self.reduction - self.imputed).max(Cents::ZERO)
    }
}

/// The net cost of `gift`: `gift − imputed` (see [`Quote::imputed`]).
pub fn net_cost(gift: Cents, household: &Household, method: Method) -> Cents {
    figures(gift, household, method).3
}

/// The real cost of `gift` paid by `method` for `household` (CGI art. 200; docs/law.md §1).
/// Unknown income: the 20 % ceiling is assumed not to bind; unknown tax: the whole
/// reduction is assumed imputed; both assumptions become [`Quote::conditions`]. Cash
/// gives no reduction (CGI 200-3). Limits (per person, and on cash) are checked by
/// [`limits::check_gift`], not here.
pub fn quote(gift: Cents, household: &Household, method: Method) -> Quote {
    let gift = gift.max(Cents::ZERO);
    let (with, without, imputed, net_cost) = figures(gift, household, method);
    let reduction = with.reduction - without.reduction;
    let counted = with.base - without.base;
    let carried_over = (with.excess - without.excess).max(Cents::ZERO);
    let future_saving = round_to_euro(Cents::new(rules::REDUCTION_RATE.times(carried_over.get()) / 100));

    // The part of this gift under the exact (unrounded) ceiling, in hundredths of a
    // cent, so that the unrounded ceiling is exact.
    let reduction_exact = if qualifies(method) {
        let gift_h = i128::from(gift.get()) * 100;
        let counted_h = match household.income {
            Some(income) => {
                let before = i128::from(household.other_gifts.max(Cents::ZERO).get() + household.carried.max(Cents::ZERO).get()) * 100;
                gift_h.min((ceiling_hundredths(income) - before).max(0))
            }
            None => gift_h,
        };
        // 66 % of it, in cents, sub-cent halves rounded up.
        let exact = (i128::from(rules::REDUCTION_RATE.0) * counted_h + 5_000).div_euclid(10_000);
        Cents::new(exact as i64)
    } else {
        Cents::ZERO
    };
    let net_cost_exact = (qualifies(method) && imputed == reduction).then(|| gift - reduction_exact);
    let lost = (reduction - imputed).max(Cents::ZERO);
    let pct = rules::INCOME_CEILING.0;

    let mut conditions = Vec::new();
    let mut steps = Vec::new();
    if !qualifies(method) {
        steps.push(Step::CashNoReduction { gift });
    } else {
        // 1. The ceiling.
        match household.income {
            Some(income) => {
                let ceiling = Cents::new((ceiling_hundredths(income) / 100) as i64);
                steps.push(Step::Ceiling { income, ceiling, total: with.total, base: with.base });
            }
            None => {
                steps.push(Step::CeilingAssumed);
                if gift > Cents::ZERO {
                    // The smallest income whose 20 % covers the total, in whole euros.
                    let needed = Cents::from_euros((with.total.get() * 100 + pct * 100 - 1) / (pct * 100));
                    conditions.push(Condition::IncomeAtLeast(needed));
                }
            }
        }
        // 2. 66 % and the rounding.
        steps.push(if without.reduction == Cents::ZERO {
            Step::Reduction { exact: reduction_exact, rounded: reduction }
        } else {
            Step::HouseholdReduction { with: with.reduction, without: without.reduction, share: reduction, exact: reduction_exact }
        });
        // 3. Only from tax due.
        match household.tax {
            TaxDue::Unknown => {
                steps.push(Step::TaxAssumed { saved: imputed });
                if with.reduction > Cents::ZERO {
                    conditions.push(Condition::TaxAtLeast(with.reduction));
                }
            }
            TaxDue::NotTaxable => steps.push(Step::NotTaxable { lost }),
            TaxDue::Due(tax) => steps.push(Step::TaxDue { tax, saved: imputed, lost }),
        }
        if imputed > Cents::ZERO {
            conditions.push(Condition::DomicileAndReceipt);
        }
    }
    // 4. Net cost.
    let before_rounding = net_cost_exact.filter(|&x| x != net_cost);
    steps.push(Step::NetCost { gift, saved: imputed, net: net_cost, before_rounding, cash: !qualifies(method) });
    // 5. Carry-over.
    if carried_over > Cents::ZERO {
        steps.push(Step::CarryOver { carried: carried_over, future: future_saving });
    }
    // 6. How to claim it, and when.
    if qualifies(method) && reduction > Cents::ZERO {
        steps.push(Step::Receipt);
        steps.push(Step::TaxBox);
    }
    if qualifies(method) && imputed > Cents::ZERO {
        steps.push(Step::JanuaryAdvance);
    }
    let mut applied: Vec<RuleId> = Vec::new();
    for s in &steps {
        if !applied.contains(&s.rule()) {
            applied.push(s.rule());
        }
    }
    Quote {
        gift,
        method,
        base: with.base,
        counted,
        reduction_exact,
        reduction,
        imputed,
        net_cost,
        net_cost_exact,
        carried_over,
        future_saving,
        with,
        without,
        conditions,
        steps,
        rules: applied,
    }
}

/// The largest gift, in cents, whose net cost is at most `net`, for the same household
/// and method, never above what is left of `DONOR_CAP` for this election
/// (`DONOR_CAP − given_elsewhere`, L52-8 al. 1) nor above `CASH_PER_GIFT` in cash (al. 3).
///
/// Net cost is **not** monotone cent by cent: the base is rounded to the euro, so a
/// gift of 24,50 € costs 7,50 € while 24,49 € costs 8,49 €. It is non-decreasing in
/// steps of one euro, though: adding 1 € to the gift moves `min(total, ceiling)` by at
/// most 1 €, hence the rounded base by 0 or 1 €, the rounded reduction by 0 or 1 €, and
/// the imputed part by 0 or 1 €, so the net cost by 1 € or 0 (and the clamp at 0 keeps
/// that). So the search runs one binary search per cents residue (0–99) and keeps the
/// largest; exact, and tested against the next 100 cents.
pub fn reverse(net: Cents, household: &Household, method: Method, given_elsewhere: Cents) -> Result<Quote, Refusal> {
    let mut cap = limits::remaining_cap(given_elsewhere);
    if cap == Cents::ZERO {
        return Err(limits::over_cap(given_elsewhere));
    }
    if method == Method::Cash {
        cap = cap.min(rules::CASH_PER_GIFT);
    }
    let net = net.max(Cents::ZERO);
    let cost = |g: i64| net_cost(Cents::new(g), household, method) <= net;
    let best = largest_fitting(cap.get(), cost);
    if best == 0 {
        return Err(limits::nothing_to_give());
    }
    Ok(quote(Cents::new(best), household, method))
}

/// The largest amount in cents from 0 to `cap` for which `fits` holds, when `fits` is
/// monotone in steps of one euro (see [`reverse`]): one binary search per cents residue,
/// the largest kept. 0 when only 0 fits, or nothing.
pub(super) fn largest_fitting(cap: i64, fits: impl Fn(i64) -> bool) -> i64 {
    let mut best = 0;
    for residue in 0..100i64.min(cap + 1) {
        if !fits(residue) {
            continue;
        }
        // Largest k with fits(residue + 100 k); fits is monotone in k.
        let (mut lo, mut hi) = (0i64, (cap - residue) / 100);
        while lo < hi {
            let mid = lo + (hi - lo + 1) / 2;
            if fits(residue + 100 * mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        best = best.max(residue + 100 * lo);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    fn hh(income: i64, tax: i64) -> Household {
        Household { income: Some(eur(income)), tax: TaxDue::Due(eur(tax)), ..Household::default() }
    }

    /// (reduction, imputed, net cost, carried over) in euros.
    fn check(q: &Quote, reduction: i64, imputed: i64, net: i64, carried: i64) {
        assert_eq!(
            (q.reduction, q.imputed, q.net_cost, q.carried_over),
            (eur(reduction), eur(imputed), eur(net), eur(carried)),
            "{q:#?}"
        );
    }

    #[test]
    fn vector_01_37_euros_costs_13_not_12() {
        let q = quote(eur(37), &hh(30_000, 2_000), Method::Cheque);
        check(&q, 24, 24, 13, 0);
        assert_eq!(q.base, eur(37));
        assert_eq!(q.reduction_exact, Cents::new(2442));
        assert_eq!(q.net_cost_exact, Some(Cents::new(1258)));
        assert!(q.steps.contains(&Step::NetCost { gift: eur(37), saved: eur(24), net: eur(13), before_rounding: Some(Cents::new(1258)), cash: false }));
    }

    /// R39-1 (docs/law.md §1): a gift that opens a reduction comes with the receipt step;
    /// cash does not.
    #[test]
    fn the_receipt_step_comes_with_a_reduction() {
        let q = quote(eur(37), &hh(30_000, 2_000), Method::Cheque);
        assert!(q.steps.contains(&Step::Receipt) && q.rules.contains(&RuleId::Receipt));
        let cash = quote(eur(37), &hh(30_000, 2_000), Method::Cash);
        assert!(!cash.steps.contains(&Step::Receipt));
    }

    #[test]
    fn vector_02_36_euros() {
        check(&quote(eur(36), &hh(30_000, 2_000), Method::Transfer), 24, 24, 12, 0);
    }

    #[test]
    fn vector_03_half_rounds_up() {
        let q = quote(eur(25), &hh(30_000, 2_000), Method::Card);
        check(&q, 17, 17, 8, 0);
        assert_eq!(q.reduction_exact, Cents::new(1650));
    }

    #[test]
    fn vector_04_150() {
        check(&quote(eur(150), &hh(30_000, 2_000), Method::Cheque), 99, 99, 51, 0);
    }

    #[test]
    fn vector_05_4600() {
        check(&quote(eur(4600), &hh(60_000, 8_000), Method::Transfer), 3036, 3036, 1564, 0);
    }

    #[test]
    fn vector_06_not_taxable() {
        let q = quote(eur(100), &hh(14_000, 0), Method::Cheque);
        check(&q, 66, 0, 100, 0);
        let q2 = quote(eur(100), &Household { tax: TaxDue::NotTaxable, ..hh(14_000, 0) }, Method::Cheque);
        check(&q2, 66, 0, 100, 0);
        assert!(q2.steps.contains(&Step::NotTaxable { lost: eur(66) }));
        assert_eq!(Step::NotTaxable { lost: eur(66) }.rule(), RuleId::ReductionNotCredit);
    }

    #[test]
    fn vector_07_limited_by_tax() {
        let q = quote(eur(500), &hh(25_000, 200), Method::Cheque);
        check(&q, 330, 200, 300, 0);
        // 330 € computed, 200 € imputed: 130 € lost this year, and the steps say so.
        assert_eq!(q.lost(), eur(130));
        assert!(q.steps.contains(&Step::TaxDue { tax: eur(200), saved: eur(200), lost: eur(130) }), "{:?}", q.steps);
    }

    #[test]
    fn lost_is_never_negative_and_stated_when_positive() {
        // Vector 6: not taxable, the whole 66 € is lost.
        let q = quote(eur(100), &Household { tax: TaxDue::NotTaxable, ..hh(14_000, 0) }, Method::Cheque);
        assert_eq!(q.lost(), eur(66));
        assert!(q.steps.contains(&Step::NotTaxable { lost: eur(66) }));
        // Vector 8: 1 980 € computed, 400 € imputed, 1 580 € lost (the 1 600 € of gifts
        // above the ceiling carry over, not the reduction).
        assert_eq!(quote(eur(4600), &hh(15_000, 400), Method::Cheque).lost(), eur(1580));
        // Tax covers it, cash, unknown tax: nothing lost, nothing said.
        for q in [
            quote(eur(37), &hh(30_000, 2_000), Method::Cheque),
            quote(eur(150), &hh(30_000, 2_000), Method::Cash),
            quote(eur(37), &Household::default(), Method::Card),
        ] {
            assert_eq!(q.lost(), Cents::ZERO);
            assert!(
                q.steps.iter().all(|s| !matches!(s, Step::NotTaxable { lost } | Step::TaxDue { lost, .. } if *lost > Cents::ZERO)),
                "{q:#?}"
            );
        }
        // Unknown tax: the condition names the tax the reduction needs.
        let q = quote(eur(37), &Household::default(), Method::Card);
        assert!(q.conditions.contains(&Condition::TaxAtLeast(eur(24))));
    }

    #[test]
    fn vector_08_over_the_ceiling() {
        let q = quote(eur(4600), &hh(15_000, 400), Method::Cheque);
        assert_eq!(q.base, eur(3000));
        check(&q, 1980, 400, 4200, 1600);
        assert_eq!(q.future_saving, eur(1056));
        assert!(q.rules.contains(&RuleId::CarryOver));
    }

    #[test]
    fn vector_09_the_year_after() {
        let next = Household { carried: eur(1600), ..hh(15_000, 1_200) };
        let a = position(&next);
        assert_eq!((a.base, a.reduction, a.imputed, a.excess), (eur(1600), eur(1056), eur(1056), eur(0)));
        // No new gift: nothing is due to a gift this year.
        let q = quote(Cents::ZERO, &next, Method::Cheque);
        assert_eq!((q.imputed, q.net_cost), (Cents::ZERO, Cents::ZERO));
        assert_eq!(q.without.imputed, eur(1056));
    }

    #[test]
    fn vector_10_shared_ceiling_with_other_gifts() {
        let q = quote(eur(4600), &Household { other_gifts: eur(8000), ..hh(60_000, 11_000) }, Method::Card);
        assert_eq!(q.base, eur(12_000));
        assert_eq!((q.with.reduction, q.without.reduction), (eur(7920), eur(5280)));
        check(&q, 2640, 2640, 1960, 600);
    }

    #[test]
    fn vector_11() {
        let q = quote(eur(4600), &hh(20_000, 3_000), Method::Cheque);
        assert_eq!(q.base, eur(4000));
        check(&q, 2640, 2640, 1960, 600);
    }

    #[test]
    fn vector_12_ceiling_rounds_up() {
        let q = quote(eur(4600), &hh(15_003, 5_000), Method::Cheque);
        assert_eq!(q.base, eur(3001));
        check(&q, 1981, 1981, 2619, 1599);
        // Exact 66 % of the unrounded ceiling 3 000,60 € = 1 980,396 € → 1 980,40 €.
        assert_eq!(q.reduction_exact, Cents::new(198_040));
    }

    #[test]
    fn vector_13_couple_one_household() {
        let h = hh(80_000, 12_000);
        // The household as a whole: 2 × 4 600 €.
        let both = quote(eur(9200), &h, Method::Cheque);
        check(&both, 6072, 6072, 3128, 0);
        // Each partner's gift, the other's passed as other_gifts: shares add up.
        let first = quote(eur(4600), &h, Method::Cheque);
        let second = quote(eur(4600), &Household { other_gifts: eur(4600), ..h }, Method::Cheque);
        assert_eq!(second.with.reduction, eur(6072));
        assert_eq!(first.imputed + second.imputed, eur(6072));
        assert_eq!(first.net_cost + second.net_cost, eur(3128));
        // And each partner is within their own 4 600 € (per person, not per household).
        assert!(limits::check_gift(eur(4600), Method::Cheque, Cents::ZERO).is_ok());
    }

    #[test]
    fn vector_14_cash() {
        let q = quote(eur(150), &hh(30_000, 2_000), Method::Cash);
        check(&q, 0, 0, 150, 0);
        assert_eq!(q.rules[0], RuleId::CashNoReduction);
        assert!(q.conditions.is_empty());
    }

    #[test]
    fn vector_15_refusals_through_reverse() {
        assert_eq!(reverse(eur(1000), &hh(30_000, 2_000), Method::Cash, Cents::ZERO).unwrap().gift, eur(150));
        let q = reverse(eur(100_000), &Household::default(), Method::Card, eur(2000)).unwrap();
        assert_eq!(q.gift, eur(2600));
        assert_eq!(reverse(eur(10), &Household::default(), Method::Card, eur(4600)).unwrap_err().rule, RuleId::DonorCap);
    }

    #[test]
    fn unknown_household_states_its_conditions() {
        let q = quote(eur(37), &Household::default(), Method::Card);
        check(&q, 24, 24, 13, 0);
        // 37 € is 20 % of 185 €; the 24 € reduction needs 24 € of tax.
        assert_eq!(q.conditions, [Condition::IncomeAtLeast(eur(185)), Condition::TaxAtLeast(eur(24)), Condition::DomicileAndReceipt]);
        // Known inputs: no assumption left but the domicile.
        assert_eq!(quote(eur(37), &hh(30_000, 2_000), Method::Card).conditions, [Condition::DomicileAndReceipt]);
    }

    #[test]
    fn reverse_examples() {
        let h = hh(30_000, 2_000);
        assert_eq!(reverse(eur(12), &h, Method::Cheque, Cents::ZERO).unwrap().gift, eur(36));
        assert_eq!(reverse(eur(20), &h, Method::Cheque, Cents::ZERO).unwrap().gift, eur(60));
        assert_eq!(reverse(eur(8), &h, Method::Cheque, Cents::ZERO).unwrap().gift, eur(25));
        let nt = Household { tax: TaxDue::NotTaxable, ..h };
        assert_eq!(reverse(eur(20), &nt, Method::Cheque, Cents::ZERO).unwrap().gift, eur(20));
        assert_eq!(reverse(Cents::ZERO, &nt, Method::Cheque, Cents::ZERO).unwrap_err().rule, RuleId::PositiveGift);
    }

    #[test]
    fn net_cost_is_not_monotone_cent_by_cent() {
        let h = hh(30_000, 2_000);
        assert_eq!(net_cost(Cents::new(2449), &h, Method::Card), Cents::new(849));
        assert_eq!(net_cost(Cents::new(2450), &h, Method::Card), Cents::new(750));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn household() -> impl Strategy<Value = Household> {
        let income = prop_oneof![Just(None), (0i64..=1_000_000_000).prop_map(|c| Some(Cents::new(c)))];
        let tax = prop_oneof![
            Just(TaxDue::Unknown),
            Just(TaxDue::NotTaxable),
            (0i64..=100_000_000).prop_map(|c| TaxDue::Due(Cents::new(c))),
        ];
        (income, tax, 0i64..=5_000_000, 0i64..=5_000_000).prop_map(|(income, tax, other, carried)| Household {
            income,
            tax,
            other_gifts: Cents::new(other),
            carried: Cents::new(carried),
        })
    }

    fn method() -> impl Strategy<Value = Method> {
        prop_oneof![Just(Method::Cheque), Just(Method::Card), Just(Method::Cash)]
    }

    proptest! {
        // Nothing is rejected: not one rejection allowed.
        #![proptest_config(crate::proptest_floor::accepting(256, 100))]
        #[test]
        fn quote_is_sane(gift in 0i64..=460_000, h in household(), m in method()) {
            let q = quote(Cents::new(gift), &h, m);
            prop_assert!(q.net_cost >= Cents::ZERO && q.net_cost <= q.gift);
            prop_assert_eq!(q.net_cost, q.gift - q.imputed);
            prop_assert!(q.imputed <= q.reduction.max(Cents::ZERO) || q.imputed == Cents::ZERO);
            if let TaxDue::Due(t) = h.tax {
                prop_assert!(q.imputed <= t);
                prop_assert!(q.with.imputed <= t);
            }
            if h.tax == TaxDue::NotTaxable || m == Method::Cash {
                prop_assert_eq!(q.imputed, Cents::ZERO);
            }
            prop_assert!(q.carried_over <= q.gift);
        }

        #[test]
        fn net_cost_non_decreasing_by_the_euro(gift in 0i64..=459_900, h in household(), m in method()) {
            let a = net_cost(Cents::new(gift), &h, m);
            let b = net_cost(Cents::new(gift + 100), &h, m);
            prop_assert!(a <= b, "{} -> {}, {} -> {}", gift, a, gift + 100, b);
            prop_assert!(b - a <= Cents::new(100));
        }

        #[test]
        fn reverse_is_exact(net in 0i64..=500_000, h in household(), m in method(), elsewhere in 0i64..=500_000) {
            let elsewhere = Cents::new(elsewhere);
            match reverse(Cents::new(net), &h, m, elsewhere) {
                Ok(q) => {
                    prop_assert!(q.net_cost <= Cents::new(net));
                    let mut cap = limits::remaining_cap(elsewhere);
                    if m == Method::Cash { cap = cap.min(rules::CASH_PER_GIFT); }
                    prop_assert!(q.gift <= cap);
                    // No gift up to one euro more (hence, by the monotony per euro, no larger
                    // gift at all) costs at most `net`, unless the cap stops it.
                    for g in q.gift.get() + 1..=(q.gift.get() + 100).min(cap.get()) {
                        prop_assert!(net_cost(Cents::new(g), &h, m) > Cents::new(net), "{} also fits", g);
                    }
                }
                Err(r) => {
                    prop_assert!(r.rule == RuleId::DonorCap || r.rule == RuleId::PositiveGift);
                    if r.rule == RuleId::PositiveGift {
                        for g in 1..=100 {
                            prop_assert!(net_cost(Cents::new(g), &h, m) > Cents::new(net));
                        }
                    }
                }
            }
        }
    }
}

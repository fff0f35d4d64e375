//! The income-tax reduction of a gift to a candidate (CGI art. 200), as the tax office
//! computes it (LAW.md §1), and the reverse computation ("it should cost me N €").
//!
//! Everything is integer arithmetic on cents. The 20 % ceiling is compared exactly
//! (in fifths of a cent), then `base = round(min(gifts + carried, 20 % × income))` and
//! `reduction = round(66 % × base)`, both to the nearest euro, halves up.

use super::limits::{self, Refusal};
use super::rules::{self, RuleId};
use crate::i18n::{Lang, Text};
use crate::money::{round_to_euro, Cents};

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

/// How the gift is paid. Only cash gives no reduction (CGI art. 200-3) and is capped
/// at 150 € per gift (L52-8 al. 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Cheque,
    Transfer,
    Card,
    DirectDebit,
    Cash,
}

impl Method {
    pub const ALL: [Method; 5] = [Method::Cheque, Method::Transfer, Method::Card, Method::DirectDebit, Method::Cash];

    /// True when the gift opens the tax reduction (every method but cash, CGI 200-3).
    pub fn qualifies(self) -> bool {
        self != Method::Cash
    }

    /// The command-line / JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Cheque => "cheque",
            Method::Transfer => "transfer",
            Method::Card => "card",
            Method::DirectDebit => "direct-debit",
            Method::Cash => "cash",
        }
    }

    /// Parses [`Method::as_str`] names and their French forms.
    pub fn parse(s: &str) -> Option<Method> {
        match s.to_ascii_lowercase().as_str() {
            "cheque" | "check" | "chèque" => Some(Method::Cheque),
            "transfer" | "virement" => Some(Method::Transfer),
            "card" | "carte" => Some(Method::Card),
            "direct-debit" | "prelevement" | "prélèvement" => Some(Method::DirectDebit),
            "cash" | "especes" | "espèces" => Some(Method::Cash),
            _ => None,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Method::Cheque => Text::new("chèque", "cheque"),
            Method::Transfer => Text::new("virement", "transfer"),
            Method::Card => Text::new("carte bancaire", "bank card"),
            Method::DirectDebit => Text::new("prélèvement", "direct debit"),
            Method::Cash => Text::new("espèces", "cash"),
        }
    }
}

/// The household's art. 200 position for one year (CGI art. 200-1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// Gifts of the year plus carried-over excess.
    pub total: Cents,
    /// `round(min(total, 20 % × income))`, whole euros.
    pub base: Cents,
    /// `round(66 % × base)`, whole euros, before comparing with the tax due.
    pub reduction: Cents,
    /// The part of the reduction actually taken off the tax (unknown tax: all of it).
    pub imputed: Cents,
    /// The part of `total` above the ceiling, carried over (CGI art. 200-1).
    pub excess: Cents,
}

/// The household's position for the year from its gifts (`other_gifts`) and carried
/// excess. LAW.md vector 9 (the year after vector 8) and the couple of vector 13 are
/// read from here.
pub fn assess(household: &Household) -> Assessment {
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
    Assessment { total, base, reduction, imputed, excess }
}

/// The 20 % ceiling (CGI art. 200-1) in hundredths of a cent: exact for any income.
fn ceiling_hundredths(income: Cents) -> i128 {
    i128::from(rules::INCOME_CEILING.times(income.get().max(0)))
}

/// Rounds hundredths of a cent to the euro, halves up (the tax office's rounding).
/// `base` is then a whole number of euros, so `66 × base / 100` above is exact in cents.
fn round_hundredths_to_euro(h: i128) -> Cents {
    Cents::new(((h + 5_000).div_euclid(10_000) * 100) as i64)
}

/// One step of the explanation, with the rule it applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub rule: RuleId,
    pub text: Text,
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
    /// 66 % of the part of this gift under the ceiling, before the tax office's
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
    /// `round(66 % × carried_over)`: what it may save in later years if tax is due.
    pub future_saving: Cents,
    /// The household position with and without this gift.
    pub with: Assessment,
    pub without: Assessment,
    /// What must hold for the figures to be true, when inputs were not given.
    pub conditions: Vec<Text>,
    /// The explanation, in order.
    pub steps: Vec<Step>,
    /// The rules applied, in the order of the steps, without repetition.
    pub rules: Vec<RuleId>,
}

fn m(c: Cents) -> (String, String) {
    (c.format(Lang::Fr), c.format(Lang::En))
}

fn step(rule: RuleId, fr: String, en: String) -> Step {
    Step { rule, text: Text::new(fr, en) }
}

/// « La part de la réduction au-delà de l’impôt dû, 130 €, est perdue… » when `lost`
/// is positive (CGI art. 200: a reduction, not a credit; LAW.md vector 7), else nothing.
fn lost_sentence(lost: Cents, pct: i64) -> (String, String) {
    if lost <= Cents::ZERO {
        return (String::new(), String::new());
    }
    let (l_fr, l_en) = m(lost);
    (
        format!(" La part de la réduction au-delà de l’impôt dû, {l_fr}, est perdue cette année : c’est une réduction, pas un crédit, et seule la part des dons au-delà de {pct} % du revenu imposable se reporte."),
        format!(" The part of the reduction above the tax due, {l_en}, is lost this year: it is a reduction, not a credit, and only the part of gifts above {pct}% of taxable income is carried over."),
    )
}

/// The household's saving due to `gift` only (fast path for [`reverse`]).
fn figures(gift: Cents, household: &Household, method: Method) -> (Assessment, Assessment, Cents, Cents) {
    let gift = gift.max(Cents::ZERO);
    let without = assess(household);
    let counted_gift = if method.qualifies() { gift } else { Cents::ZERO };
    let with = assess(&Household { other_gifts: household.other_gifts.max(Cents::ZERO) + counted_gift, ..*household });
    let imputed = (with.imputed - without.imputed).min(gift).max(Cents::ZERO);
    (with, without, imputed, gift - imputed)
}

impl Quote {
    /// The part of this gift's reduction not taken off the tax this year:
    /// `reduction − imputed`, never negative. It is lost, not carried over (CGI art.
    /// 200: a reduction, not a credit; only gifts above the 20 % ceiling carry over).
    /// LAW.md vector 7: computed 330 €, imputed 200 € → 130 € lost.
    pub fn lost(&self) -> Cents {
        (self.reduction - self.imputed).max(Cents::ZERO)
    }
}

/// The net cost of `gift`: `gift − imputed` (see [`Quote::imputed`]).
pub fn net_cost(gift: Cents, household: &Household, method: Method) -> Cents {
    figures(gift, household, method).3
}

/// The real cost of `gift` paid by `method` for `household` (CGI art. 200; LAW.md §1).
/// Unknown income: the 20 % ceiling is assumed not to bind; unknown tax: the whole
/// reduction is assumed imputed; both assumptions become [`Quote::conditions`]. Cash
/// gives no reduction (CGI 200-3). Limits (4 600 €, 150 € cash) are checked by
/// [`limits::check_gift`], not here.
pub fn quote(gift: Cents, household: &Household, method: Method) -> Quote {
    let gift = gift.max(Cents::ZERO);
    let (with, without, imputed, net_cost) = figures(gift, household, method);
    let reduction = with.reduction - without.reduction;
    let counted = with.base - without.base;
    let carried_over = (with.excess - without.excess).max(Cents::ZERO);
    let future_saving = round_to_euro(Cents::new(rules::REDUCTION_RATE.times(carried_over.get()) / 100));

    // The part of this gift under the exact (unrounded) ceiling, in fifths of a cent.
    let reduction_exact = if method.qualifies() {
        // In hundredths of a cent, so the unrounded ceiling is exact.
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
    let net_cost_exact = (method.qualifies() && imputed == reduction).then(|| gift - reduction_exact);
    let lost = (reduction - imputed).max(Cents::ZERO);

    let mut conditions = Vec::new();
    let mut steps = Vec::new();
    let (g_fr, g_en) = m(gift);
    let (rate, pct) = (rules::REDUCTION_RATE.0, rules::INCOME_CEILING.0);

    if !method.qualifies() {
        steps.push(step(
            RuleId::CashNoReduction,
            format!("Un don en espèces n’ouvre droit à aucune réduction d’impôt : il vous coûte {g_fr}. Par chèque, virement ou carte, il ouvrirait droit à {rate} %."),
            format!("A cash gift gives no tax reduction: it costs you {g_en}. By cheque, transfer or card it would give {rate}%."),
        ));
    } else {
        // 1. The ceiling.
        match household.income {
            Some(income) => {
                let ceiling = Cents::new((ceiling_hundredths(income) / 100) as i64);
                let (i_fr, i_en) = m(income);
                let (c_fr, c_en) = m(ceiling);
                let (t_fr, t_en) = m(with.total);
                let (b_fr, b_en) = m(with.base);
                steps.push(step(
                    RuleId::IncomeCeiling,
                    format!("Plafond : {pct} % de votre revenu imposable de {i_fr}, soit {c_fr}. Dons de l’année et reports avec ce don : {t_fr} ; base retenue, arrondie à l’euro : {b_fr}."),
                    format!("Ceiling: {pct}% of your taxable income of {i_en}, that is {c_en}. This year’s gifts and carry-overs with this gift: {t_en}; base used, rounded to the euro: {b_en}."),
                ));
            }
            None => {
                // The smallest income whose 20 % covers the total, in whole euros.
                let needed = Cents::from_euros((with.total.get() * 100 + pct * 100 - 1) / (pct * 100));
                let (n_fr, n_en) = m(needed);
                steps.push(step(
                    RuleId::IncomeCeiling,
                    format!("Revenu imposable non indiqué : on suppose que vos dons de l’année restent sous {pct} % de ce revenu."),
                    format!("Taxable income not given: we assume your gifts this year stay under {pct}% of it."),
                ));
                if gift > Cents::ZERO {
                    conditions.push(Text::new(
                        format!("si votre revenu imposable est d’au moins {n_fr}"),
                        format!("if your taxable income is at least {n_en}"),
                    ));
                }
            }
        }
        // 2. 66 % and the rounding.
        let (e_fr, e_en) = m(reduction_exact);
        let (r_fr, r_en) = m(reduction);
        if without.reduction == Cents::ZERO {
            steps.push(step(
                RuleId::ReductionRate,
                format!("Réduction : {rate} % de la part retenue de votre don = {e_fr} ; l’administration arrondit à l’euro, les demis vers le haut : {r_fr}."),
                format!("Reduction: {rate}% of the counted part of your gift = {e_en}; the tax office rounds to the euro, halves up: {r_en}."),
            ));
        } else {
            let (w_fr, w_en) = m(with.reduction);
            let (o_fr, o_en) = m(without.reduction);
            steps.push(step(
                RuleId::ReductionRate,
                format!("Réduction du foyer : {w_fr} avec ce don, {o_fr} sans ({rate} % de la base, arrondie à l’euro) ; part de ce don : {r_fr} ({rate} % exact : {e_fr})."),
                format!("Household reduction: {w_en} with this gift, {o_en} without ({rate}% of the base, rounded to the euro); this gift’s share: {r_en} (exact {rate}%: {e_en})."),
            ));
        }
        // 3. Only from tax due.
        let (im_fr, im_en) = m(imputed);
        match household.tax {
            TaxDue::Unknown => {
                steps.push(step(
                    RuleId::ReductionNotCredit,
                    format!("Impôt non indiqué : on suppose qu’il couvre la réduction ; vous économisez {im_fr}."),
                    format!("Tax not given: we assume it covers the reduction; you save {im_en}."),
                ));
                if with.reduction > Cents::ZERO {
                    let (w_fr, w_en) = m(with.reduction);
                    conditions.push(Text::new(
                        format!("si vous devez au moins {w_fr} d’impôt sur le revenu (avant réductions) ; sinon la part de la réduction au-delà de l’impôt dû est perdue"),
                        format!("if you owe at least {w_en} of income tax (before reductions); otherwise the part of the reduction above the tax due is lost"),
                    ));
                }
            }
            TaxDue::NotTaxable => {
                let (l_fr, l_en) = lost_sentence(lost, pct);
                steps.push(step(
                    RuleId::ReductionNotCredit,
                    format!("Foyer non imposable : une réduction d’impôt ne s’impute sur rien, ce don ne vous rapporte rien cette année.{l_fr}"),
                    format!("Household not taxable: a tax reduction has nothing to come off, this gift saves you nothing this year.{l_en}"),
                ));
            }
            TaxDue::Due(t) => {
                let (t_fr, t_en) = m(t);
                let (l_fr, l_en) = lost_sentence(lost, pct);
                steps.push(step(
                    RuleId::ReductionNotCredit,
                    format!("Impôt dû avant réductions : {t_fr} ; vous économisez grâce à ce don {im_fr}.{l_fr}"),
                    format!("Tax due before reductions: {t_en}; this gift saves you {im_en}.{l_en}"),
                ));
            }
        }
        if imputed > Cents::ZERO {
            conditions.push(Text::new(
                "si votre domicile fiscal est en France et que vous conservez le reçu du mandataire",
                "if your tax domicile is in France and you keep the mandataire’s receipt",
            ));
        }
    }
    // 4. Net cost.
    let (n_fr, n_en) = m(net_cost);
    let (im_fr, im_en) = m(imputed);
    let exact = match net_cost_exact {
        Some(x) if x != net_cost => (format!(" ({} avant l’arrondi de l’administration)", x.format(Lang::Fr)), format!(" ({} before the tax office’s rounding)", x.format(Lang::En))),
        _ => (String::new(), String::new()),
    };
    steps.push(step(
        if method.qualifies() { RuleId::Rounding } else { RuleId::CashNoReduction },
        format!("Coût réel : {g_fr} − {im_fr} = {n_fr}{}.", exact.0),
        format!("Real cost: {g_en} − {im_en} = {n_en}{}.", exact.1),
    ));
    // 5. Carry-over.
    if carried_over > Cents::ZERO {
        let (c_fr, c_en) = m(carried_over);
        let (f_fr, f_en) = m(future_saving);
        steps.push(step(
            RuleId::CarryOver,
            format!("{c_fr} de ce don dépassent le plafond : reportés sur les {} années suivantes, ils pourront réduire votre impôt d’environ {f_fr} plus tard.", rules::CARRY_OVER_YEARS),
            format!("{c_en} of this gift is over the ceiling: carried over to the next {} years, it may reduce your tax by about {f_en} later.", rules::CARRY_OVER_YEARS),
        ));
    }
    // 6. How to claim it.
    if method.qualifies() && reduction > Cents::ZERO {
        steps.push(step(
            RuleId::Receipt,
            "Le mandataire vous remet un reçu numéroté (formulaire CNCCFP) à conserver.".to_string(),
            "The mandataire gives you a numbered receipt (CNCCFP form) to keep.".to_string(),
        ));
        steps.push(step(
            RuleId::TaxBox,
            format!("Déclarez le don case {} (à vérifier sur la notice 2042-RICI de l’année).", rules::TAX_BOX),
            format!("Declare the gift in box {} (check that year’s form 2042-RICI notice).", rules::TAX_BOX),
        ));
    }
    if method.qualifies() && imputed > Cents::ZERO {
        steps.push(step(
            RuleId::JanuaryAdvance,
            format!(
                "Quand : l’avance de janvier ({} % des réductions de l’avant-dernière année) ne couvre pas un don ponctuel, remboursé avec le solde de l’été suivant la déclaration (règle non vérifiée pour la case {}).",
                rules::JANUARY_ADVANCE.0,
                rules::TAX_BOX
            ),
            format!(
                "When: the January advance ({}% of the reductions of the year before last) does not cover a one-off gift, refunded with the summer balance after the return (rule unverified for box {}).",
                rules::JANUARY_ADVANCE.0,
                rules::TAX_BOX
            ),
        ));
    }
    let mut applied: Vec<RuleId> = Vec::new();
    for s in &steps {
        if !applied.contains(&s.rule) {
            applied.push(s.rule);
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
/// and method, never above what is left of the 4 600 € for this election
/// (`4 600 € − given_elsewhere`, L52-8 al. 1) nor above 150 € in cash (al. 3).
///
/// Net cost is **not** monotone cent by cent: the base is rounded to the euro, so a
/// gift of 24,50 € costs 7,50 € while 24,49 € costs 8,49 €. It is non-decreasing in
/// steps of one euro, though: adding 1 € to the gift moves `min(total, ceiling)` by at
/// most 1 €, hence the rounded base by 0 or 1 €, the rounded 66 % by 0 or 1 €, and
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
    let mut best: i64 = 0;
    for residue in 0..100i64.min(cap.get() + 1) {
        if !cost(residue) {
            continue;
        }
        // Largest k with cost(residue + 100 k) true; cost is monotone in k.
        let (mut lo, mut hi) = (0i64, (cap.get() - residue) / 100);
        while lo < hi {
            let mid = lo + (hi - lo + 1) / 2;
            if cost(residue + 100 * mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        best = best.max(residue + 100 * lo);
    }
    if best == 0 {
        return Err(limits::nothing_to_give());
    }
    Ok(quote(Cents::new(best), household, method))
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
        assert!(q.steps.iter().any(|s| s.text.fr.contains("12,58")));
    }

    /// R39-1 (LAW.md §1): the receipt is to keep, never to attach to the tax return.
    #[test]
    fn the_receipt_is_to_keep() {
        let q = quote(eur(37), &hh(30_000, 2_000), Method::Cheque);
        let receipt = q.steps.iter().find(|s| s.rule == RuleId::Receipt).expect("receipt step");
        assert!(receipt.text.fr.contains("à conserver") && receipt.text.en.contains("to keep"), "{receipt:?}");
        for t in q.steps.iter().map(|s| &s.text).chain(&q.conditions) {
            assert!(!t.fr.contains("joindre") && !t.en.contains("attach"), "{t:?}");
        }
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
        assert!(q2.steps.iter().any(|s| s.rule == RuleId::ReductionNotCredit && s.text.en.contains("not taxable")));
    }

    #[test]
    fn vector_07_limited_by_tax() {
        let q = quote(eur(500), &hh(25_000, 200), Method::Cheque);
        check(&q, 330, 200, 300, 0);
        // 330 € computed, 200 € imputed: 130 € lost this year, and the steps say so.
        assert_eq!(q.lost(), eur(130));
        let s = q.steps.iter().find(|s| s.rule == RuleId::ReductionNotCredit).expect("step");
        assert!(s.text.fr.contains("au-delà de l’impôt dû, 130\u{A0}€, est perdue cette année"), "{}", s.text.fr);
        assert!(s.text.fr.contains("seule la part des dons au-delà de 20 % du revenu imposable se reporte"), "{}", s.text.fr);
        assert!(s.text.en.contains("above the tax due, €130, is lost this year"), "{}", s.text.en);
        assert!(s.text.en.contains("only the part of gifts above 20% of taxable income is carried over"), "{}", s.text.en);
    }

    #[test]
    fn lost_is_never_negative_and_stated_when_positive() {
        // Vector 6: not taxable, the whole 66 € is lost.
        let q = quote(eur(100), &Household { tax: TaxDue::NotTaxable, ..hh(14_000, 0) }, Method::Cheque);
        assert_eq!(q.lost(), eur(66));
        assert!(q.steps.iter().any(|s| s.text.fr.contains("66\u{A0}€, est perdue") && s.text.en.contains("€66, is lost")));
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
            assert!(q.steps.iter().all(|s| !s.text.fr.contains("perdue") && !s.text.en.contains("is lost")), "{q:#?}");
        }
        // Unknown tax: the condition says what happens if the tax is smaller.
        let q = quote(eur(37), &Household::default(), Method::Card);
        assert!(q.conditions.iter().any(|c| c.fr.contains("sinon la part de la réduction au-delà de l’impôt dû est perdue")
            && c.en.contains("otherwise the part of the reduction above the tax due is lost")));
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
        let a = assess(&next);
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
        let en: Vec<&str> = q.conditions.iter().map(|c| c.en.as_str()).collect();
        assert!(en.contains(&"if your taxable income is at least €185"), "{en:?}");
        assert!(en.contains(&"if you owe at least €24 of income tax (before reductions); otherwise the part of the reduction above the tax due is lost"), "{en:?}");
        let fr: Vec<&str> = q.conditions.iter().map(|c| c.fr.as_str()).collect();
        assert!(fr.iter().any(|c| c.contains("au moins 24\u{A0}€ d’impôt")), "{fr:?}");
        assert!(fr.contains(&"si votre revenu imposable est d’au moins 185\u{A0}€"), "{fr:?}");
        // Known inputs: no assumption left but the domicile.
        assert_eq!(quote(eur(37), &hh(30_000, 2_000), Method::Card).conditions.len(), 1);
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

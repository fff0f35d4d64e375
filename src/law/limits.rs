//! Who may give, how much and how (Code électoral L52-8, L52-11): refusals are values
//! naming their rule and saying, in French and English, what the donor can do instead.

use std::fmt;

use super::rules::{self, RuleId};
use crate::payment::Method;
use crate::i18n::{Lang, Text};
use crate::money::Cents;

/// A legal refusal: the rule that forbids, and a message saying what to do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub rule: RuleId,
    pub message: Text,
}

impl fmt::Display for Refusal {
    /// One line: `[rule-id] French / English (source)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {} ({})", self.rule, self.message, self.rule.rule().source)
    }
}

impl std::error::Error for Refusal {}

/// What a person may still give for this election, all candidates together
/// (L52-8 al. 1: `DONOR_CAP` per person), given what they already gave elsewhere.
pub fn remaining_cap(given_elsewhere: Cents) -> Cents {
    (rules::DONOR_CAP - given_elsewhere.max(Cents::ZERO)).max(Cents::ZERO)
}

/// The payment methods allowed for a gift of this amount: cash only up to
/// `CASH_PER_GIFT` (L52-8 al. 3).
pub fn allowed_methods(gift: Cents) -> Vec<Method> {
    Method::ALL.iter().copied().filter(|m| *m != Method::Cash || gift <= rules::CASH_PER_GIFT).collect()
}

fn cap_refusal(given_elsewhere: Cents) -> Refusal {
    let left = remaining_cap(given_elsewhere);
    let cap = rules::DONOR_CAP;
    let message = if left == Cents::ZERO {
        Text::new(
            format!(
                "Vous avez déjà donné {} pour cette élection : c’est le maximum par personne, tous candidats confondus (L52-8). Vous pouvez soutenir la campagne autrement, par exemple comme bénévole.",
                cap.format(Lang::Fr)
            ),
            format!(
                "You have already given {} for this election: the most one person may give, all candidates together (L52-8). You can support the campaign otherwise, for example as a volunteer.",
                cap.format(Lang::En)
            ),
        )
    } else {
        Text::new(
            format!(
                "Au plus {} par personne pour cette élection, tous candidats confondus (L52-8) : vous pouvez encore donner au plus {}.",
                cap.format(Lang::Fr),
                left.format(Lang::Fr)
            ),
            format!(
                "At most {} per person for this election, all candidates together (L52-8): you can give at most {} more.",
                cap.format(Lang::En),
                left.format(Lang::En)
            ),
        )
    };
    Refusal { rule: RuleId::DonorCap, message }
}

fn cash_refusal() -> Refusal {
    let c = rules::CASH_PER_GIFT;
    Refusal {
        rule: RuleId::CashPerGift,
        message: Text::new(
            format!(
                "En espèces, {} au plus par don (L52-8) : au-delà, donnez par chèque, virement, prélèvement ou carte bancaire.",
                c.format(Lang::Fr)
            ),
            format!(
                "In cash, at most {} per gift (L52-8): above that, give by cheque, transfer, direct debit or bank card.",
                c.format(Lang::En)
            ),
        ),
    }
}

fn zero_refusal() -> Refusal {
    Refusal {
        rule: RuleId::PositiveGift,
        message: Text::new(
            "Indiquez le montant de votre don, par exemple 37 €.",
            "Enter the amount of your gift, for example €37.",
        ),
    }
}

/// The refusal for a gift above what is left of `DONOR_CAP` (L52-8 al. 1).
pub(crate) fn over_cap(given_elsewhere: Cents) -> Refusal {
    cap_refusal(given_elsewhere)
}

/// The refusal when no gift fits (zero amount).
pub(crate) fn nothing_to_give() -> Refusal {
    zero_refusal()
}

/// Checks one gift against L52-8: positive (not a legal rule, but a gift is an
/// amount), within what is left of `DONOR_CAP` per person for the election (al. 1),
/// and at most `CASH_PER_GIFT` in cash (al. 3). Every refusal that applies is returned.
pub fn check_gift(gift: Cents, method: Method, given_elsewhere: Cents) -> Result<(), Vec<Refusal>> {
    let mut refusals = Vec::new();
    if gift <= Cents::ZERO {
        refusals.push(zero_refusal());
    }
    if gift > remaining_cap(given_elsewhere) {
        refusals.push(cap_refusal(given_elsewhere));
    }
    if method == Method::Cash && gift > rules::CASH_PER_GIFT {
        refusals.push(cash_refusal());
    }
    if refusals.is_empty() { Ok(()) } else { Err(refusals) }
}

/// The legislative spending ceiling (L52-11; décret 2008-1300):
/// `(CEILING_BASE + CEILING_PER_INHABITANT × population) × CEILING_INDEX`, computed exactly in hundredths of a cent
/// and rounded **down** to the cent (a ceiling is never overstated).
/// 125 000 inhabitants → 71 505 €.
pub fn spending_ceiling(population: u32) -> Cents {
    let (num, den) = rules::CEILING_INDEX;
    let raw = rules::CEILING_BASE.get() + rules::CEILING_PER_INHABITANT.get() * i64::from(population);
    Cents::new((raw * num).div_euclid(den))
}

/// The most cash the candidate may receive in total: 20 % of the spending ceiling
/// (L52-8), rounded down to the cent. 125 000 inhabitants → 14 301 €.
pub fn cash_cap(population: u32) -> Cents {
    Cents::new(rules::CASH_TOTAL_SHARE.times(spending_ceiling(population).get()).div_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    // docs/law.md vector 15, first case: cash 151 € refused, naming L52-8 al. 3.
    #[test]
    fn vector_15_cash_151_refused() {
        let r = check_gift(eur(151), Method::Cash, Cents::ZERO).unwrap_err();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].rule, RuleId::CashPerGift);
        assert!(r[0].message.fr.contains("chèque") && r[0].message.en.contains("cheque"));
        assert!(check_gift(eur(150), Method::Cash, Cents::ZERO).is_ok());
        assert!(check_gift(eur(151), Method::Card, Cents::ZERO).is_ok());
    }

    // docs/law.md vector 15, second case: 4 601 € refused.
    #[test]
    fn vector_15_over_4600_refused() {
        let r = check_gift(eur(4601), Method::Transfer, Cents::ZERO).unwrap_err();
        assert_eq!(r.iter().map(|r| r.rule).collect::<Vec<_>>(), vec![RuleId::DonorCap]);
        assert!(check_gift(eur(4600), Method::Transfer, Cents::ZERO).is_ok());
        assert!(check_gift(Cents::new(460_001), Method::Transfer, Cents::ZERO).is_err());
    }

    // docs/law.md vector 15, third case: 3 000 € after 2 000 € to another candidate.
    #[test]
    fn vector_15_cap_summed_over_candidates() {
        let r = check_gift(eur(3000), Method::Cheque, eur(2000)).unwrap_err();
        assert_eq!(r[0].rule, RuleId::DonorCap);
        assert!(r[0].message.fr.contains("2\u{202F}600\u{A0}€"), "{}", r[0].message.fr);
        assert!(r[0].message.en.contains("€2,600 more"), "{}", r[0].message.en);
        assert!(check_gift(eur(2600), Method::Cheque, eur(2000)).is_ok());
        assert_eq!(remaining_cap(eur(2000)), eur(2600));
        assert_eq!(remaining_cap(eur(5000)), Cents::ZERO);
        let full = check_gift(eur(1), Method::Card, eur(4600)).unwrap_err();
        assert!(full[0].message.en.contains("already given"));
    }

    #[test]
    fn several_refusals_and_zero_gift() {
        let r = check_gift(eur(5000), Method::Cash, Cents::ZERO).unwrap_err();
        assert_eq!(r.iter().map(|r| r.rule).collect::<Vec<_>>(), vec![RuleId::DonorCap, RuleId::CashPerGift]);
        let z = check_gift(Cents::ZERO, Method::Card, Cents::ZERO).unwrap_err();
        assert_eq!(z[0].rule, RuleId::PositiveGift);
        assert!(z[0].to_string().starts_with("[gift-positive]"));
    }

    #[test]
    fn allowed_methods_drop_cash_above_150() {
        assert!(allowed_methods(eur(150)).contains(&Method::Cash));
        assert!(!allowed_methods(Cents::new(15_001)).contains(&Method::Cash));
        assert_eq!(allowed_methods(eur(151)).len(), Method::ALL.len() - 1);
    }

    // docs/law.md §6: 125 000 inhabitants → 71 505 €, cash cap 14 301 €.
    #[test]
    fn spending_ceiling_and_cash_cap() {
        assert_eq!(spending_ceiling(125_000), eur(71_505));
        assert_eq!(cash_cap(125_000), eur(14_301));
        assert_eq!(spending_ceiling(0), eur(47_880));
        // 1 inhabitant: (3 800 015 × 1,26) = 4 788 018,9 cents → rounded down.
        assert_eq!(spending_ceiling(1), Cents::new(4_788_018));
        assert!(cash_cap(u32::MAX) > Cents::ZERO);
    }
}

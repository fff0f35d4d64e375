//! The one table of legal rules (docs/law.md). Every figure the engine uses or the widget
//! shows is an entry here, with its source article, the date from which it holds when
//! docs/law.md gives one, and an `unverified` flag where docs/law.md says UNVERIFIED, so that one
//! edit corrects a figure everywhere.
//!
//! **Invariant:** no other module writes a legal number; they read the typed constants
//! below, which are the same values the table displays.

use std::fmt;

use crate::i18n::{Lang, Text};
use crate::money::Cents;

/// The date on which the whole table was checked as in force (docs/law.md preamble).
pub const IN_FORCE_ON: &str = "2026-11-23";

/// A percentage in whole percent points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Percent(pub i64);

impl Percent {
    /// `self` % of `cents`, exactly, as a numerator over 100 (caller rounds).
    pub const fn times(self, cents: i64) -> i64 {
        self.0 * cents
    }
}

/// The figure a rule carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A percentage.
    Percent(Percent),
    /// An amount of money.
    Amount(Cents),
    /// An amount per inhabitant.
    AmountPerInhabitant(Cents),
    /// A multiplier written as a fraction (1,26 = 126/100).
    Ratio { num: i64, den: i64 },
    /// A number of years.
    Years(u32),
    /// A number of months.
    Months(u32),
    /// A number of days after an event.
    Days(u32),
    /// The n-th Friday after an event, at a given hour.
    NthFridayAt { n: u32, hour: u32 },
    /// A penalty: years of imprisonment and a fine.
    Penalty { years: u32, fine: Cents },
    /// A box of the income-tax return.
    TaxBox(&'static str),
    /// A rule without a number (who may give, how the reduction is taken...).
    Qualitative,
}

impl Figure {
    /// The pieces of text that show this figure in `lang`, as every summary of the
    /// table writes them (tested): percent `66 %` (no-break space) / `66%`; amounts
    /// as [`Cents::format`] (`4 600 €` / `€4,600`); ratio `1,26` / `1.26`; years
    /// `5 ans` / `5 years`; months `6e mois` / `6th month`; the n-th Friday
    /// `10e vendredi`, `18 h` / `10th Friday`, `18:00`; a penalty its years and fine;
    /// a tax box its name; nothing for a qualitative rule.
    pub fn parts(&self, lang: Lang) -> Vec<String> {
        let fr = lang == Lang::Fr;
        let years = |n: u32| if fr { format!("{n} ans") } else { format!("{n} years") };
        let ordinal = |n: u32| {
            if fr {
                format!("{n}e")
            } else {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
        };
        match *self {
            Figure::Percent(Percent(p)) => vec![if fr { format!("{p}\u{A0}%") } else { format!("{p}%") }],
            Figure::Amount(c) | Figure::AmountPerInhabitant(c) => vec![c.format(lang)],
            Figure::Ratio { num, den } => vec![ratio(num, den, if fr { ',' } else { '.' })],
            Figure::Years(n) => vec![years(n)],
            Figure::Days(n) => vec![if fr { format!("{n} jours") } else { format!("{n} days") }],
            Figure::Months(n) => vec![if fr { format!("{} mois", ordinal(n)) } else { format!("{} month", ordinal(n)) }],
            Figure::NthFridayAt { n, hour } => vec![
                if fr { format!("{} vendredi", ordinal(n)) } else { format!("{} Friday", ordinal(n)) },
                if fr { format!("{hour} h") } else { format!("{hour}:00") },
            ],
            Figure::Penalty { years: y, fine } => vec![years(y), fine.format(lang)],
            Figure::TaxBox(b) => vec![b.to_string()],
            Figure::Qualitative => Vec::new(),
        }
    }
}

/// `num / den` as a decimal number when `den` is a power of ten (`126/100` → `1,26`),
/// else as a fraction.
fn ratio(num: i64, den: i64, mark: char) -> String {
    let mut digits = 0;
    let mut d = den;
    while d > 1 && d % 10 == 0 {
        d /= 10;
        digits += 1;
    }
    if d != 1 {
        return format!("{num}/{den}");
    }
    if digits == 0 {
        return num.to_string();
    }
    format!("{}{mark}{:0width$}", num / den, (num % den).abs(), width = digits)
}

/// Stable identifiers of the rules; [`RuleId::as_str`] is what JSON output and the
/// widget's "rules applied" list show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    ReductionRate,
    IncomeCeiling,
    CarryOver,
    Rounding,
    ReductionNotCredit,
    CashNoReduction,
    TaxDomicile,
    PartyCapNotApplicable,
    TaxBox,
    JanuaryAdvance,
    Receipt,
    DonorCap,
    WhoMayGive,
    LegalPersons,
    CashPerGift,
    CashTotal,
    CeilingBase,
    CeilingPerInhabitant,
    CeilingIndex,
    DonorPenalty,
    CollectionOpens,
    CollectionCloses,
    FilingDeadline,
    Mandataire,
    PositiveGift,
    SecondRound,
    PresidentialSecondRound,
}

impl RuleId {
    /// Every rule id, in the order of the table: `RuleId::ALL[i] as usize == i` and the
    /// table's entry `i` has the id `ALL[i]` (checked at compile time below).
    pub const ALL: [RuleId; 27] = [
        RuleId::ReductionRate,
        RuleId::IncomeCeiling,
        RuleId::CarryOver,
        RuleId::Rounding,
        RuleId::ReductionNotCredit,
        RuleId::CashNoReduction,
        RuleId::TaxDomicile,
        RuleId::PartyCapNotApplicable,
        RuleId::TaxBox,
        RuleId::JanuaryAdvance,
        RuleId::Receipt,
        RuleId::DonorCap,
        RuleId::WhoMayGive,
        RuleId::LegalPersons,
        RuleId::CashPerGift,
        RuleId::CashTotal,
        RuleId::CeilingBase,
        RuleId::CeilingPerInhabitant,
        RuleId::CeilingIndex,
        RuleId::DonorPenalty,
        RuleId::CollectionOpens,
        RuleId::CollectionCloses,
        RuleId::FilingDeadline,
        RuleId::Mandataire,
        RuleId::PositiveGift,
        RuleId::SecondRound,
        RuleId::PresidentialSecondRound,
    ];

    /// The stable string id (`cgi-200-rate`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::ReductionRate => "cgi-200-rate",
            RuleId::IncomeCeiling => "cgi-200-ceiling",
            RuleId::CarryOver => "cgi-200-carry-over",
            RuleId::Rounding => "dgfip-rounding",
            RuleId::ReductionNotCredit => "cgi-200-reduction-not-credit",
            RuleId::CashNoReduction => "cgi-200-cash",
            RuleId::TaxDomicile => "cgi-200-tax-domicile",
            RuleId::PartyCapNotApplicable => "cgi-200-party-cap-not-applicable",
            RuleId::TaxBox => "cgi-200-box-7uf",
            RuleId::JanuaryAdvance => "cgi-1665bis-advance",
            RuleId::Receipt => "ce-r39-1-receipt",
            RuleId::DonorCap => "ce-l52-8-cap",
            RuleId::WhoMayGive => "ce-l52-8-who",
            RuleId::LegalPersons => "ce-l52-8-legal-persons",
            RuleId::CashPerGift => "ce-l52-8-cash-150",
            RuleId::CashTotal => "ce-l52-8-cash-total",
            RuleId::CeilingBase => "ce-l52-11-ceiling-base",
            RuleId::CeilingPerInhabitant => "ce-l52-11-ceiling-per-inhabitant",
            RuleId::CeilingIndex => "ce-l52-11-ceiling-index",
            RuleId::DonorPenalty => "ce-l113-1-penalty",
            RuleId::CollectionOpens => "ce-l52-4-opens",
            RuleId::CollectionCloses => "ce-l52-4-closes",
            RuleId::FilingDeadline => "ce-l52-12-filing",
            RuleId::Mandataire => "ce-l52-4-mandataire",
            RuleId::PositiveGift => "gift-positive",
            RuleId::SecondRound => "ce-l56-second-round",
            RuleId::PresidentialSecondRound => "constitution-7-second-round",
        }
    }

    /// The table entry of this rule.
    pub fn rule(self) -> &'static Rule {
        // Entry `i` has the id whose discriminant is `i` (compile-time check below), so
        // this is the id's own entry: there is no fallback to hit.
        &RULES[self as usize]
    }

    /// Finds a rule by its string id.
    pub fn parse(s: &str) -> Option<RuleId> {
        RULES.iter().map(|r| r.id).find(|id| id.as_str() == s)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    pub figure: Figure,
    /// The article it comes from, as people cite it.
    pub source: &'static str,
    /// ISO 8601 date (or year) from which the rule holds, where docs/law.md gives it; every
    /// rule is in any case as in force on [`IN_FORCE_ON`].
    pub since: Option<&'static str>,
    /// docs/law.md marks it UNVERIFIED: not confirmed on a primary text; the widget says so.
    pub unverified: bool,
    /// Read through [`Rule::summary`]: the entries the widget looks up carry none.
    summary_fr: &'static str,
    summary_en: &'static str,
}

impl Rule {
    /// The short summary in both languages.
    pub fn summary(&self) -> Text {
        let full = &FULL[self.id as usize];
        Text::new(full.summary_fr, full.summary_en)
    }
}

// Typed figures, read by the rest of the engine. Each appears once, in the table too.

/// CGI art. 200-1 and 200-3: 66 % of the gift.
pub const REDUCTION_RATE: Percent = Percent(66);
/// CGI art. 200-1: gifts count up to 20 % of the revenu imposable.
pub const INCOME_CEILING: Percent = Percent(20);
/// CGI art. 200-1: the excess is carried over the next 5 years.
pub const CARRY_OVER_YEARS: u32 = 5;
/// Ministerial answers: the reduction is claimed in box 7UF (UNVERIFIED each year).
pub const TAX_BOX: &str = "7UF";
/// CGI art. 1665 bis: January advance of 60 % (UNVERIFIED for box 7UF).
pub const JANUARY_ADVANCE: Percent = Percent(60);
/// The 15 000 € cap of gifts to parties (box 7UH), which does not apply here.
pub const PARTY_CAP: Cents = Cents::from_euros(15_000);
/// Code électoral L52-8 al. 1: 4 600 € per person per election, all candidates.
pub const DONOR_CAP: Cents = Cents::from_euros(4_600);
/// Code électoral L52-8 al. 3: above 150 €, no cash.
pub const CASH_PER_GIFT: Cents = Cents::from_euros(150);
/// Code électoral L52-8: cash received ≤ 20 % of the spending ceiling.
pub const CASH_TOTAL_SHARE: Percent = Percent(20);
/// Code électoral L52-11: 38 000 € fixed part of the legislative spending ceiling.
pub const CEILING_BASE: Cents = Cents::from_euros(38_000);
/// Code électoral L52-11: 0,15 € per inhabitant.
pub const CEILING_PER_INHABITANT: Cents = Cents::new(15);
/// Décret 2008-1300: index 1,26 (frozen since 2012), as numerator/denominator.
pub const CEILING_INDEX: (i64, i64) = (126, 100);
/// Code électoral L113-1 III: 3 years' imprisonment.
pub const PENALTY_YEARS: u32 = 3;
/// Code électoral L113-1 III: 45 000 € fine.
pub const PENALTY_FINE: Cents = Cents::from_euros(45_000);
/// Code électoral L52-4: collection opens the 1st day of the 6th month before.
pub const COLLECTION_MONTHS_BEFORE: u32 = 6;
/// Code électoral L52-12: account filed by the 10th Friday after the first round...
pub const FILING_NTH_FRIDAY: u32 = 10;
/// ...at 18:00.
pub const FILING_HOUR: u32 = 18;
/// A gift is at least one cent (not a legal rule: a gift must be an amount).
pub const MIN_GIFT: Cents = Cents::new(1);
/// Code électoral L56: a second round is held on the Sunday after the first.
pub const SECOND_ROUND_AFTER_DAYS: u32 = 7;
/// Constitution, art. 7: the presidential second round is on the 14th day after the first.
pub const PRESIDENTIAL_SECOND_ROUND_AFTER_DAYS: u32 = 14;

// A banking rule the collective is told about (`circo-don check`, the builder), not a
// rule of the donor's computations: a dated constant with its source rather than an
// entry of the table below, which the widget carries (an entry cost it 0.7 KB gzip).

/// The verification of payee: from this day (ISO 8601) the payer's bank verifies the
/// payee's name against the IBAN before every euro transfer.
pub const VERIFICATION_OF_PAYEE_SINCE: &str = "2025-10-09";
/// Where [`VERIFICATION_OF_PAYEE_SINCE`] comes from: regulation (EU) 2024/886 (instant
/// payments), which inserted art. 5c in regulation (EU) 260/2012.
pub const VERIFICATION_OF_PAYEE_SOURCE: &str = "Règlement (UE) 2024/886, art. 5 quater du règlement (UE) 260/2012";

/// The table is indexed by [`RuleId`]: this fails to compile when an entry is out of
/// order, missing or doubled, or when [`RuleId::ALL`] disagrees with it.
const _: () = {
    assert!(TABLE.len() == RuleId::ALL.len());
    let mut i = 0;
    while i < TABLE.len() {
        assert!(TABLE[i].id as usize == i);
        assert!(RuleId::ALL[i] as usize == i);
        i += 1;
    }
};

/// The entries [`RuleId::rule`] gives: the table without its summaries, which only the
/// command line prints (`circo-don rules`), so that the widget does not carry them.
static RULES: [Rule; 27] = without_summaries(TABLE);

/// The whole table, summaries included: linked only where they are read.
static FULL: [Rule; 27] = TABLE;

const fn without_summaries(mut table: [Rule; 27]) -> [Rule; 27] {
    let mut i = 0;
    while i < table.len() {
        table[i].summary_fr = "";
        table[i].summary_en = "";
        i += 1;
    }
    table
}

const TABLE: [Rule; 27] = [
    Rule {
        id: RuleId::ReductionRate,
        figure: Figure::Percent(REDUCTION_RATE),
        source: "CGI art. 200-1 et 200-3",
        since: Some("2005"),
        unverified: false,
        summary_fr: "Un don à un candidat réduit l’impôt sur le revenu de 66\u{A0}% de son montant.",
        summary_en: "A gift to a candidate reduces income tax by 66% of its amount.",
    },
    Rule {
        id: RuleId::IncomeCeiling,
        figure: Figure::Percent(INCOME_CEILING),
        source: "CGI art. 200-1",
        since: None,
        unverified: false,
        summary_fr: "Les dons du foyer (toutes associations, partis et candidats confondus, reports compris) comptent jusqu’à 20\u{A0}% du revenu imposable.",
        summary_en: "The household’s gifts (charities, parties and candidates together, carry-overs included) count up to 20% of its taxable income.",
    },
    Rule {
        id: RuleId::CarryOver,
        figure: Figure::Years(CARRY_OVER_YEARS),
        source: "CGI art. 200-1",
        since: None,
        unverified: false,
        summary_fr: "La part des dons au-delà de 20\u{A0}% du revenu imposable est reportée sur les 5 ans qui suivent, les reports les plus anciens s’imputant d’abord.",
        summary_en: "The part of gifts above 20% of taxable income is carried over to the next 5 years, oldest first.",
    },
    Rule {
        id: RuleId::Rounding,
        figure: Figure::Qualitative,
        source: "DGFiP, code de calcul de l’impôt",
        since: None,
        unverified: false,
        summary_fr: "La base puis la réduction sont arrondies à l’euro le plus proche, les demis vers le haut.",
        summary_en: "The base, then the reduction, are rounded to the nearest euro, halves up.",
    },
    Rule {
        id: RuleId::ReductionNotCredit,
        figure: Figure::Qualitative,
        source: "CGI art. 200",
        since: None,
        unverified: false,
        summary_fr: "C’est une réduction, pas un crédit : elle ne s’impute que sur l’impôt dû ; un foyer non imposable n’en profite pas et la part au-delà de l’impôt est perdue.",
        summary_en: "It is a reduction, not a credit: it only comes off tax due; a household that owes no income tax gets nothing and the part above the tax is lost.",
    },
    Rule {
        id: RuleId::CashNoReduction,
        figure: Figure::Qualitative,
        source: "CGI art. 200-3",
        since: None,
        unverified: false,
        summary_fr: "Un don en espèces n’ouvre droit à aucune réduction d’impôt ; chèque, virement, prélèvement ou carte bancaire y ouvrent droit.",
        summary_en: "A cash gift gives no tax reduction; cheque, transfer, direct debit or bank card do.",
    },
    Rule {
        id: RuleId::TaxDomicile,
        figure: Figure::Qualitative,
        source: "CGI art. 200-1",
        since: None,
        unverified: false,
        summary_fr: "La réduction est réservée aux donateurs fiscalement domiciliés en France.",
        summary_en: "The reduction is for donors whose tax domicile is in France.",
    },
    Rule {
        id: RuleId::PartyCapNotApplicable,
        figure: Figure::Amount(PARTY_CAP),
        source: "Réponses ministérielles 2015-2020",
        since: None,
        unverified: false,
        summary_fr: "Le plafond de 15\u{202F}000\u{A0}€ par foyer (dons aux partis, case 7UH) ne s’applique pas aux dons aux candidats.",
        summary_en: "The €15,000 household cap (gifts to parties, box 7UH) does not apply to gifts to candidates.",
    },
    Rule {
        id: RuleId::TaxBox,
        figure: Figure::TaxBox(TAX_BOX),
        source: "Réponses ministérielles ; notice 2042-RICI de l’année",
        since: None,
        unverified: true,
        summary_fr: "Le don se déclare case 7UF de la déclaration 2042-RICI (à vérifier sur la notice de l’année).",
        summary_en: "The gift is declared in box 7UF of form 2042-RICI (check each year’s notice).",
    },
    Rule {
        id: RuleId::JanuaryAdvance,
        figure: Figure::Percent(JANUARY_ADVANCE),
        source: "CGI art. 1665 bis",
        since: None,
        unverified: true,
        summary_fr: "En janvier, une avance de 60\u{A0}% des réductions de l’avant-dernière année est versée ; un don ponctuel est remboursé avec le solde de l’été suivant.",
        summary_en: "In January an advance of 60% of the reductions of the year before last is paid; a one-off gift is refunded with the following summer’s balance.",
    },
    Rule {
        id: RuleId::Receipt,
        figure: Figure::Qualitative,
        source: "Code électoral R39-1",
        since: Some("2018"),
        unverified: false,
        summary_fr: "Le mandataire délivre un reçu numéroté (formulaire de la CNCCFP, pas le CERFA 11580) signé du donateur : montant, date, mode de paiement, nom, prénoms, nationalité, adresse fiscale. Le donateur le conserve, sans le joindre à sa déclaration de revenus.",
        summary_en: "The mandataire issues a numbered receipt (CNCCFP form, not CERFA 11580) signed by the donor: amount, date, payment method, surname, first names, nationality, tax address. The donor keeps it; it is not attached to the tax return.",
    },
    Rule {
        id: RuleId::DonorCap,
        figure: Figure::Amount(DONOR_CAP),
        source: "Code électoral L52-8 al. 1",
        since: None,
        unverified: false,
        summary_fr: "Au plus 4\u{202F}600\u{A0}€ par personne pour une même élection, tous candidats confondus, dons en nature compris ; par personne, pas par foyer.",
        summary_en: "At most €4,600 per person for the same election, all candidates together, gifts in kind included; per person, not per household.",
    },
    Rule {
        id: RuleId::WhoMayGive,
        figure: Figure::Qualitative,
        source: "Code électoral L52-8 al. 1",
        since: Some("2018"),
        unverified: false,
        summary_fr: "Les personnes physiques dûment identifiées, de nationalité française ou résidant en France, peuvent donner ; les personnes morales (entreprises, associations, syndicats…) ne le peuvent pas, sauf les partis ou groupements politiques.",
        summary_en: "Duly identified natural persons, French or resident in France, may give; legal persons (companies, associations, unions...) may not, except political parties or groups.",
    },
    Rule {
        id: RuleId::LegalPersons,
        figure: Figure::Qualitative,
        source: "Code électoral L52-8 al. 2",
        since: None,
        unverified: false,
        summary_fr: "Les personnes morales (entreprises, associations, syndicats…) ne peuvent pas financer une campagne, sauf les partis ou groupements politiques.",
        summary_en: "Legal persons (companies, associations, unions...) may not fund a campaign, except political parties or groups.",
    },
    Rule {
        id: RuleId::CashPerGift,
        figure: Figure::Amount(CASH_PER_GIFT),
        source: "Code électoral L52-8 al. 3",
        since: None,
        unverified: false,
        summary_fr: "Au-delà de 150\u{A0}€, un don se verse par chèque, virement, prélèvement ou carte bancaire, jamais en espèces.",
        summary_en: "Above €150 a gift is paid by cheque, transfer, direct debit or bank card, never in cash.",
    },
    Rule {
        id: RuleId::CashTotal,
        figure: Figure::Percent(CASH_TOTAL_SHARE),
        source: "Code électoral L52-8",
        since: None,
        unverified: false,
        summary_fr: "Le total des dons en espèces reçus par le candidat ne dépasse pas 20\u{A0}% du plafond de dépenses.",
        summary_en: "Total cash gifts received by the candidate stay within 20% of the spending ceiling.",
    },
    Rule {
        id: RuleId::CeilingBase,
        figure: Figure::Amount(CEILING_BASE),
        source: "Code électoral L52-11",
        since: None,
        unverified: false,
        summary_fr: "Plafond de dépenses des législatives : 38\u{202F}000\u{A0}€ par candidat…",
        summary_en: "Spending ceiling for legislative elections: €38,000 per candidate...",
    },
    Rule {
        id: RuleId::CeilingPerInhabitant,
        figure: Figure::AmountPerInhabitant(CEILING_PER_INHABITANT),
        source: "Code électoral L52-11",
        since: None,
        unverified: false,
        summary_fr: "… plus 0,15\u{A0}€ par habitant de la circonscription…",
        summary_en: "...plus €0.15 per inhabitant of the constituency...",
    },
    Rule {
        id: RuleId::CeilingIndex,
        figure: Figure::Ratio { num: CEILING_INDEX.0, den: CEILING_INDEX.1 },
        source: "Code électoral L52-11 ; décret 2008-1300",
        since: Some("2012"),
        unverified: false,
        summary_fr: "… le tout multiplié par 1,26 (indexation gelée depuis 2012).",
        summary_en: "...all multiplied by 1.26 (indexation frozen since 2012).",
    },
    Rule {
        id: RuleId::DonorPenalty,
        figure: Figure::Penalty { years: PENALTY_YEARS, fine: PENALTY_FINE },
        source: "Code électoral L113-1 III",
        since: Some("2018"),
        unverified: false,
        summary_fr: "Donner en violation de L52-8 est puni de 3 ans d’emprisonnement et 45\u{202F}000\u{A0}€ d’amende.",
        summary_en: "Giving in breach of L52-8 is punished by 3 years’ imprisonment and a €45,000 fine.",
    },
    Rule {
        id: RuleId::CollectionOpens,
        figure: Figure::Months(COLLECTION_MONTHS_BEFORE),
        source: "Code électoral L52-4",
        since: None,
        unverified: false,
        summary_fr: "La collecte s’ouvre le premier jour du 6e mois avant le mois de l’élection, ou à l’événement qui la déclenche (dissolution, élection partielle).",
        summary_en: "Collection opens on the first day of the 6th month before the month of the election, or at the triggering event (dissolution, by-election).",
    },
    Rule {
        id: RuleId::CollectionCloses,
        figure: Figure::Qualitative,
        source: "Code électoral L52-4",
        since: None,
        unverified: false,
        summary_fr: "Après le scrutin, les dons restent possibles jusqu’au dépôt du compte de campagne.",
        summary_en: "After polling day, gifts remain possible until the campaign account is filed.",
    },
    Rule {
        id: RuleId::FilingDeadline,
        figure: Figure::NthFridayAt { n: FILING_NTH_FRIDAY, hour: FILING_HOUR },
        source: "Code électoral L52-12",
        since: None,
        unverified: false,
        summary_fr: "Le compte de campagne est déposé au plus tard le 10e vendredi suivant le premier tour, à 18 h.",
        summary_en: "The campaign account is filed by 18:00 on the 10th Friday after the first round.",
    },
    Rule {
        id: RuleId::Mandataire,
        figure: Figure::Qualitative,
        source: "Code électoral L52-4, L52-5, L52-6",
        since: None,
        unverified: false,
        summary_fr: "Tout don va au mandataire financier ou à l’association de financement du candidat, sur le compte de campagne ; jamais au candidat, à un parti ou au collectif.",
        summary_en: "Every gift goes to the candidate’s mandataire financier or financing association, on the campaign account; never to the candidate, a party or the collective.",
    },
    Rule {
        id: RuleId::PositiveGift,
        figure: Figure::Amount(MIN_GIFT),
        source: "circo-don (pas une règle légale / not a legal rule)",
        since: None,
        unverified: false,
        summary_fr: "Un don est un montant d’au moins 0,01\u{A0}€ (un centime).",
        summary_en: "A gift is an amount of at least €0.01 (one cent).",
    },
    Rule {
        id: RuleId::SecondRound,
        figure: Figure::Days(SECOND_ROUND_AFTER_DAYS),
        source: "Code électoral L56",
        since: None,
        unverified: false,
        summary_fr: "Le second tour a lieu le dimanche suivant le premier, 7 jours après.",
        summary_en: "The second round is held on the Sunday after the first, 7 days later.",
    },
    Rule {
        id: RuleId::PresidentialSecondRound,
        figure: Figure::Days(PRESIDENTIAL_SECOND_ROUND_AFTER_DAYS),
        source: "Constitution, art. 7",
        since: None,
        unverified: false,
        summary_fr: "Le second tour de l’élection présidentielle a lieu 14 jours après le premier.",
        summary_en: "The presidential second round is held 14 days after the first.",
    },
];

/// Questions docs/law.md leaves open, to keep visible in explanations rather than hidden.
pub static OPEN_QUESTIONS: [(&str, &str); 5] = [
    (
        "Formulation exacte de la déclaration sur l’honneur et de l’ordre du chèque selon la CNCCFP.",
        "The CNCCFP’s exact wording of the sworn statement and of the cheque payee.",
    ),
    (
        "Les lois de finances 2026 ou 2027 ont-elles modifié l’art. 200-3 du CGI (un crédit remboursable a été proposé en 2025) ?",
        "Whether the 2026 or 2027 budget laws changed CGI art. 200-3 (a refundable credit was proposed in 2025).",
    ),
    ("La case 7UF sur le formulaire de l’année.", "Box 7UF on the current year’s form."),
    ("La preuve de la nationalité ou de la résidence.", "Proof of nationality or residence."),
    (
        "Le don reste-t-il déductible si la personne ne devient jamais candidate ?",
        "Whether a gift stays deductible if the person never becomes a candidate.",
    ),
];

/// [`OPEN_QUESTIONS`] as bilingual texts.
pub fn open_questions() -> Vec<Text> {
    OPEN_QUESTIONS.iter().map(|(fr, en)| Text::new(*fr, *en)).collect()
}

/// The month from which banks verify the payee ([`VERIFICATION_OF_PAYEE_SINCE`]), as
/// people read it: `octobre 2025` / `October 2025`.
pub fn verification_of_payee_since() -> Text {
    match crate::date::Date::parse_iso(VERIFICATION_OF_PAYEE_SINCE) {
        Some(d) => Text::each(|lang| d.format_month(lang)),
        // A constant, parsed in the tests below: never reached.
        None => Text::default(),
    }
}

/// The whole table, in the order above (the command line's `circo-don rules`).
pub fn rules() -> &'static [Rule] {
    &FULL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widget_s_entries_carry_no_summary_but_every_rule_has_one() {
        for id in RuleId::ALL {
            let entry = id.rule();
            assert!(entry.summary_fr.is_empty() && entry.summary_en.is_empty(), "{id}");
            let full = &rules()[id as usize];
            assert_eq!((entry.id, entry.figure, entry.source, entry.since, entry.unverified), (full.id, full.figure, full.source, full.since, full.unverified));
            assert_eq!(entry.summary(), Text::new(full.summary_fr, full.summary_en));
            assert!(!entry.summary().fr.is_empty() && !entry.summary().en.is_empty(), "{id}");
        }
    }

    #[test]
    fn every_id_has_exactly_one_entry_and_parses_back() {
        for rule in rules() {
            assert_eq!(rules().iter().filter(|r| r.id == rule.id).count(), 1, "{}", rule.id);
            assert_eq!(RuleId::parse(rule.id.as_str()), Some(rule.id));
            assert_eq!(rule.id.rule().id, rule.id);
            assert!(!rule.source.is_empty() && !rule.summary().fr.is_empty() && !rule.summary().en.is_empty());
        }
        let mut ids: Vec<&str> = rules().iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rules().len());
    }

    /// L52-8 al. 2: parties, though legal persons, may fund a campaign; no summary may
    /// say that only natural persons may give.
    #[test]
    fn eligibility_summaries_leave_room_for_parties() {
        for id in [RuleId::WhoMayGive, RuleId::LegalPersons] {
            let r = id.rule();
            assert!(r.summary().fr.contains("personnes morales") && r.summary().fr.contains("sauf les partis"), "{}", r.summary().fr);
            assert!(r.summary().en.contains("legal persons") || r.summary().en.contains("Legal persons"), "{}", r.summary().en);
            assert!(r.summary().en.contains("except political parties"), "{}", r.summary().en);
        }
        for r in rules() {
            assert!(!r.summary().fr.contains("Seule une personne physique") && !r.summary().en.contains("Only a duly identified natural person"), "{}", r.id);
        }
    }

    /// `rule()` finds every id's own entry: no silent fallback to the first rule.
    #[test]
    fn every_rule_id_finds_its_own_entry() {
        assert_eq!(RuleId::ALL.len(), rules().len());
        for (i, id) in RuleId::ALL.iter().enumerate() {
            assert_eq!(id.rule().id, *id, "{id}");
            assert_eq!(rules()[i].id, *id);
            assert_eq!(RuleId::parse(id.as_str()), Some(*id));
        }
    }

    /// Each summary shows its rule's figure as the constant says, so that changing a
    /// constant without its text fails here. Some summaries also quote another rule's
    /// figure, listed below; and every number a summary writes must be one of those
    /// figures or a citation (form, article, year).
    #[test]
    fn summaries_show_the_figures_of_the_constants() {
        let also: &[(RuleId, RuleId)] = &[(RuleId::CarryOver, RuleId::IncomeCeiling)];
        // Citations are removed whole (an article, a form, a year), so that a bare « 8 % »
        // or « 7 ans » still has to be a figure of the table.
        let citations = ["L52-8", "L52-4", "L52-6", "L52-9", "L52-11", "L52-12", "L113-1", "R39-1-1", "R39-1", "7UH", "7UF", "2042", "11580", "2012"];
        for rule in rules() {
            for (lang, summary) in [(Lang::Fr, rule.summary().fr), (Lang::En, rule.summary().en)] {
                let cited = citations.iter().fold(summary.to_owned(), |s, c| s.replace(c, " "));
                let mut parts = rule.figure.parts(lang);
                for (_, other) in also.iter().filter(|(id, _)| *id == rule.id) {
                    parts.extend(other.rule().figure.parts(lang));
                }
                for part in &parts {
                    assert!(summary.contains(part.as_str()), "{} ({lang:?}) lacks {part:?}: {summary}", rule.id);
                }
                for number in numbers(&cited) {
                    assert!(
                        parts.iter().any(|p| p.contains(&number)),
                        "{} ({lang:?}) writes {number:?}, not a figure of the table: {summary}",
                        rule.id
                    );
                }
            }
        }
    }

    /// The numbers written in `s`: runs of digits, with the group and decimal marks
    /// between digits (`15 000`, `0,15`, `1.26`).
    fn numbers(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut n = String::new();
            while i < chars.len() {
                let c = chars[i];
                let joins = matches!(c, ',' | '.' | '\u{202F}') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if c.is_ascii_digit() || (joins && !n.is_empty()) {
                    n.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(n);
        }
        out
    }

    #[test]
    fn figures_format_per_variant() {
        assert_eq!(Figure::Percent(Percent(66)).parts(Lang::Fr), ["66\u{A0}%"]);
        assert_eq!(Figure::Percent(Percent(66)).parts(Lang::En), ["66%"]);
        assert_eq!(Figure::Ratio { num: 126, den: 100 }.parts(Lang::Fr), ["1,26"]);
        assert_eq!(Figure::Ratio { num: 126, den: 100 }.parts(Lang::En), ["1.26"]);
        assert_eq!(Figure::Ratio { num: 4, den: 3 }.parts(Lang::En), ["4/3"]);
        assert_eq!(Figure::AmountPerInhabitant(Cents::new(15)).parts(Lang::En), ["€0.15"]);
        assert_eq!(Figure::Months(1).parts(Lang::En), ["1st month"]);
        assert_eq!(Figure::Days(7).parts(Lang::Fr), ["7 jours"]);
        assert_eq!(Figure::NthFridayAt { n: 12, hour: 18 }.parts(Lang::En), ["12th Friday", "18:00"]);
        assert_eq!(Figure::Penalty { years: 3, fine: PENALTY_FINE }.parts(Lang::Fr), ["3 ans".to_string(), PENALTY_FINE.format(Lang::Fr)]);
        assert!(Figure::Qualitative.parts(Lang::Fr).is_empty());
    }

    /// R39-1 (docs/law.md §1): the receipt is kept by the donor, not attached to the return.
    #[test]
    fn the_receipt_is_kept() {
        let r = RuleId::Receipt.rule();
        assert!(r.summary().fr.contains("le conserve") && r.summary().en.contains("keeps it"), "{r:?}");
        for rule in rules() {
            assert!(!rule.summary().fr.contains("à joindre") && !rule.summary().en.contains("to attach"), "{}", rule.id);
        }
    }

    #[test]
    fn the_verification_of_payee_holds_from_a_real_day() {
        let since = crate::date::Date::parse_iso(VERIFICATION_OF_PAYEE_SINCE).expect("an ISO date");
        assert_eq!(verification_of_payee_since(), Text::new(since.format_month(Lang::Fr), since.format_month(Lang::En)));
        assert!(!verification_of_payee_since().fr.is_empty() && VERIFICATION_OF_PAYEE_SOURCE.contains("2024/886"));
    }

    #[test]
    fn unverified_flags_follow_law_md() {
        assert!(RuleId::JanuaryAdvance.rule().unverified);
        assert!(RuleId::TaxBox.rule().unverified);
        assert!(!RuleId::ReductionRate.rule().unverified);
        assert_eq!(RuleId::ReductionRate.rule().figure, Figure::Percent(Percent(66)));
        assert_eq!(RuleId::DonorCap.rule().figure, Figure::Amount(Cents::from_euros(4600)));
    }
}

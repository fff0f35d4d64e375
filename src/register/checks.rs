//! The register's checks (issue 24, item 5): each a value naming its rule of the table
//! (`law::rules`, with its article), where it fires (a gift, a donor, the whole
//! register), its level and its figures; its sentence in French and English is
//! [`Check::text`]. No figure is written here: the caps are the table's constants and
//! `law::limits::cash_cap`, the dates `law::calendar`'s.

use super::model::{fold, Donor, DonorId, Gift, GiftId, Register};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::law::calendar::{self, CollectionState, ElectionDates};
use crate::law::limits;
use crate::law::rules::{self, RuleId};
use crate::money::Cents;
use crate::payment::Method;

/// What the checks need of the account's configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub election: ElectionDates,
    /// The mandataire's designation (or the association's declaration): no gift before.
    pub designated_on: Date,
    /// The circo's population, which gives the spending ceiling and the cash cap.
    pub population: Option<u32>,
}

impl Context {
    /// The context of a valid account.
    pub fn of(account: &crate::config::ValidAccount) -> Context {
        Context { election: account.election.dates(), designated_on: account.mandataire.designated_on, population: account.circo.population }
    }

    /// The cash cap, when the population is known.
    pub fn cash_cap(&self) -> Option<Cents> {
        self.population.map(limits::cash_cap)
    }
}

/// How serious a check is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Against the law: something must be returned or corrected.
    Error,
    /// To look at or to complete.
    Warning,
}

/// Where a check fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum At {
    Gift(GiftId),
    Donor(DonorId),
    Register,
}

/// A piece of R39-1 data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The gift has no donor at all.
    Donor,
    Name,
    FirstNames,
    NationalityOrResidence,
    TaxAddress,
}

impl Field {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Field::Donor => lang.pick("le donateur", "the donor"),
            Field::Name => lang.pick("le nom", "the surname"),
            Field::FirstNames => lang.pick("les prénoms", "the first names"),
            Field::NationalityOrResidence => lang.pick("la nationalité ou la résidence en France", "the nationality or residence in France"),
            Field::TaxAddress => lang.pick("l’adresse fiscale", "the tax address"),
        }
    }
}

/// What a check found, with its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A donor's total is above the cap per person: `excess` is to be returned.
    DonorOverCap { total: Cents, cap: Cents, excess: Cents },
    /// A cash gift above the cap per cash gift.
    CashGiftOver { amount: Cents, cap: Cents, excess: Cents },
    /// The cash received in all is above its cap.
    CashTotalOver { total: Cents, cap: Cents, excess: Cents },
    /// A gift dated before the collection opened (or before the mandataire's designation).
    BeforeOpening { date: Date, opens: Date },
    /// A gift dated after the campaign account's filing deadline.
    AfterFiling { date: Date, deadline: Date },
    /// The payer's name looks like a legal person's (`word` is what looks so).
    LegalPerson { name: String, word: String },
    /// R39-1 data missing.
    Missing(Vec<Field>),
    /// A gift without its receipt's number.
    ReceiptMissing,
    /// One receipt number on several gifts.
    ReceiptTwice { number: String, gifts: Vec<GiftId> },
}

/// One check that fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub rule: RuleId,
    pub level: Level,
    pub at: At,
    pub finding: Finding,
}

impl Check {
    /// What is to be returned because of it, if anything.
    pub fn to_return(&self) -> Option<Cents> {
        match &self.finding {
            Finding::DonorOverCap { excess, .. } | Finding::CashGiftOver { excess, .. } => Some(*excess),
            _ => None,
        }
    }

    /// The sentence, in French and English, ending with the rule's article.
    pub fn text(&self) -> Text {
        let source = self.rule.rule().source;
        Text::each(|lang| format!("{} ({source})", self.sentence(lang)))
    }

    fn sentence(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let money = |c: &Cents| c.format_with_cents(lang);
        let day = |d: &Date| d.format(lang);
        match &self.finding {
            Finding::DonorOverCap { total, cap, excess } => if fr {
                format!("Ce donateur a donné {} en tout, au-delà des {} permis par personne pour l’élection : {} sont à lui rendre. Ses dons aux autres candidats de la même élection comptent aussi.", money(total), money(cap), money(excess))
            } else {
                format!("This donor gave {} in all, above the {} one person may give for the election: {} are to be returned. Their gifts to other candidates of the same election count too.", money(total), money(cap), money(excess))
            },
            Finding::CashGiftOver { amount, cap, excess } => if fr {
                format!("Don en espèces de {}, au-delà des {} permis par don en espèces : {} sont à rendre.", money(amount), money(cap), money(excess))
            } else {
                format!("A cash gift of {}, above the {} allowed per cash gift: {} are to be returned.", money(amount), money(cap), money(excess))
            },
            Finding::CashTotalOver { total, cap, excess } => if fr {
                format!("Les dons en espèces font {} en tout, au-delà de leur plafond de {} (une part du plafond des dépenses) : {} de trop.", money(total), money(cap), money(excess))
            } else {
                format!("Cash gifts add up to {}, above their cap of {} (a share of the spending ceiling): {} too much.", money(total), money(cap), money(excess))
            },
            Finding::BeforeOpening { date, opens } => if fr {
                format!("Don daté du {}, avant l’ouverture de la collecte le {} : il ne peut pas être gardé.", day(date), day(opens))
            } else {
                format!("A gift dated {}, before the collection opened on {}: it cannot be kept.", day(date), day(opens))
            },
            Finding::AfterFiling { date, deadline } => if fr {
                format!("Don daté du {}, après le dépôt du compte de campagne (au plus tard le {}, {}) : il ne peut pas être gardé.", day(date), day(deadline), RuleId::FilingDeadline.rule().source)
            } else {
                format!("A gift dated {}, after the campaign account is filed (at the latest on {}, {}): it cannot be kept.", day(date), day(deadline), RuleId::FilingDeadline.rule().source)
            },
            Finding::LegalPerson { name, word } => if fr {
                format!("« {name} » ressemble à une personne morale ({word}) : vérifiez que le don vient d’une personne physique, sinon rendez-le.")
            } else {
                format!("“{name}” looks like a legal person ({word}): check that the gift comes from a natural person, else return it.")
            },
            Finding::Missing(fields) => {
                let list: Vec<&str> = fields.iter().map(|f| f.text(lang)).collect();
                if fr { format!("Il manque pour le reçu : {}.", list.join(", ")) } else { format!("Missing for the receipt: {}.", list.join(", ")) }
            }
            Finding::ReceiptMissing => lang.pick("Ce don n’a pas encore de numéro de reçu (formulaire de la CNCCFP).", "This gift has no receipt number yet (the CNCCFP’s form).").to_owned(),
            Finding::ReceiptTwice { number, gifts } => if fr {
                format!("Le reçu n° {number} est noté sur {} dons : un numéro par don.", gifts.len())
            } else {
                format!("Receipt no. {number} is recorded on {} gifts: one number per gift.", gifts.len())
            },
        }
    }
}

/// Words of a name that say a legal person (company forms, associations, public
/// bodies), as banks write them: a heuristic, hence a warning.
const LEGAL_WORDS: [&str; 30] = [
    "SARL", "SAS", "SASU", "SA", "EURL", "SCI", "SNC", "SCOP", "SCP", "SCM", "SELARL", "GIE", "SEM", "EARL", "GAEC", "SOCIETE", "STE", "ETS",
    "ASSOCIATION", "ASSO", "FONDATION", "SYNDICAT", "MAIRIE", "COMMUNE", "DEPARTEMENT", "REGION", "PREFECTURE", "CCAS", "COMITE", "FEDERATION",
];

/// The word of `name` that looks like a legal person's, if any.
pub fn legal_person_word(name: &str) -> Option<String> {
    fold(name).to_uppercase().split(|c: char| !c.is_alphanumeric()).find(|w| LEGAL_WORDS.contains(w)).map(str::to_owned)
}

fn missing(donor: Option<&Donor>) -> Vec<Field> {
    let Some(d) = donor else { return vec![Field::Donor] };
    let mut out = Vec::new();
    if d.name.trim().is_empty() {
        out.push(Field::Name);
    }
    if d.first_names.trim().is_empty() {
        out.push(Field::FirstNames);
    }
    let national = d.nationality.as_deref().is_some_and(|n| !n.trim().is_empty());
    if !national && d.resides_in_france != Some(true) {
        out.push(Field::NationalityOrResidence);
    }
    if d.address.iter().all(|l| l.trim().is_empty()) {
        out.push(Field::TaxAddress);
    }
    out
}

fn gift_checks(g: &Gift, r: &Register, ctx: &Context, out: &mut Vec<Check>) {
    let at = At::Gift(g.id);
    let mut push = |rule, level, finding| out.push(Check { rule, level, at, finding });
    if g.method == Method::Cash && g.amount > rules::CASH_PER_GIFT {
        push(RuleId::CashPerGift, Level::Error, Finding::CashGiftOver { amount: g.amount, cap: rules::CASH_PER_GIFT, excess: g.amount - rules::CASH_PER_GIFT });
    }
    match calendar::state_for(&ctx.election, ctx.designated_on, g.date) {
        CollectionState::NotYetOpen { opens } => push(RuleId::CollectionOpens, Level::Error, Finding::BeforeOpening { date: g.date, opens }),
        CollectionState::Closed { since } => push(RuleId::CollectionCloses, Level::Error, Finding::AfterFiling { date: g.date, deadline: since }),
        _ => {}
    }
    let donor = g.donor.and_then(|d| r.donor(d));
    for name in [g.payer.clone(), donor.map(Donor::display_name)].into_iter().flatten() {
        if let Some(word) = legal_person_word(&name) {
            push(RuleId::LegalPersons, Level::Warning, Finding::LegalPerson { name, word });
            break;
        }
    }
    // A donor's missing data is said once, at the donor ([`checks`]); here, only a gift
    // without a donor at all.
    if donor.is_none() {
        push(RuleId::Receipt, Level::Warning, Finding::Missing(vec![Field::Donor]));
    }
    if g.receipt.is_none() {
        push(RuleId::Receipt, Level::Warning, Finding::ReceiptMissing);
    }
}

/// Every check of the register, gifts first (in the register's order), then donors
/// (their missing R39-1 data, once per donor who has given; their total), then the whole
/// register.
pub fn checks(r: &Register, ctx: &Context) -> Vec<Check> {
    let mut out = Vec::new();
    for g in &r.gifts {
        gift_checks(g, r, ctx, &mut out);
    }
    for d in &r.donors {
        let fields = missing(Some(d));
        if !fields.is_empty() && r.gifts_of(d.id).next().is_some() {
            out.push(Check { rule: RuleId::Receipt, level: Level::Warning, at: At::Donor(d.id), finding: Finding::Missing(fields) });
        }
        let total = r.donor_total(d.id);
        if total > rules::DONOR_CAP {
            out.push(Check {
                rule: RuleId::DonorCap,
                level: Level::Error,
                at: At::Donor(d.id),
                finding: Finding::DonorOverCap { total, cap: rules::DONOR_CAP, excess: total - rules::DONOR_CAP },
            });
        }
    }
    let mut numbers: Vec<(&str, GiftId)> = r.gifts.iter().filter_map(|g| g.receipt.as_deref().map(|n| (n, g.id))).collect();
    numbers.sort();
    for group in numbers.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        out.push(Check {
            rule: RuleId::Receipt,
            level: Level::Error,
            at: At::Gift(group[0].1),
            finding: Finding::ReceiptTwice { number: group[0].0.to_owned(), gifts: group.iter().map(|(_, id)| *id).collect() },
        });
    }
    let cash = cash_total(r);
    if let Some(cap) = ctx.cash_cap().filter(|cap| cash > *cap) {
        out.push(Check { rule: RuleId::CashTotal, level: Level::Error, at: At::Register, finding: Finding::CashTotalOver { total: cash, cap, excess: cash - cap } });
    }
    out
}

/// The cash received in all.
pub fn cash_total(r: &Register) -> Cents {
    r.gifts.iter().filter(|g| g.method == Method::Cash).fold(Cents::ZERO, |s, g| s + g.amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::model::tests::{entry, person};
    use crate::register::model::NewGift;

    fn day(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// Legislative elections of 10 and 17 June 2029: collection opens on 1 December 2028,
    /// the account is filed by Friday 17 August 2029 (10th Friday after 10 June).
    fn ctx() -> Context {
        Context {
            election: ElectionDates { first_round: day("2029-06-10"), second_round: Some(day("2029-06-17")), trigger: None },
            designated_on: day("2028-11-15"),
            population: Some(125_000),
        }
    }

    fn by_hand(r: &mut Register, euros: i64, method: Method, date: &str, donor: Option<DonorId>) -> GiftId {
        r.add_by_hand(NewGift { amount: Cents::from_euros(euros), date: day(date), method, payer: None, cheque_number: None, donor }).unwrap()
    }

    fn found(checks: &[Check], rule: RuleId) -> Vec<&Check> {
        checks.iter().filter(|c| c.rule == rule).collect()
    }

    #[test]
    fn a_donor_over_4600_euros_is_named_with_the_excess_and_clears_when_a_gift_goes() {
        let mut r = Register::default();
        let d = r.add_donor(person("Martin", "Jeanne"));
        by_hand(&mut r, 3_000, Method::Cheque, "2029-01-10", Some(d));
        let second = by_hand(&mut r, 1_700, Method::Transfer, "2029-02-10", Some(d));
        let c = checks(&r, &ctx());
        let cap = found(&c, RuleId::DonorCap);
        assert_eq!(cap.len(), 1);
        assert_eq!(cap[0].at, At::Donor(d));
        assert_eq!(cap[0].finding, Finding::DonorOverCap { total: Cents::from_euros(4_700), cap: Cents::from_euros(4_600), excess: Cents::from_euros(100) });
        let t = cap[0].text();
        assert!(t.fr.contains(&Cents::from_euros(4_700).format_with_cents(Lang::Fr)) && t.fr.contains("100,00\u{A0}€") && t.fr.contains("autres candidats") && t.fr.ends_with("(Code électoral L52-8 al. 1)"), "{t}");
        assert!(t.en.contains("€4,700.00") && t.en.contains("other candidates"), "{t}");
        assert_eq!(cap[0].to_return(), Some(Cents::from_euros(100)));
        r.remove_by_hand(second).unwrap();
        by_hand(&mut r, 1_600, Method::Transfer, "2029-02-10", Some(d));
        assert!(found(&checks(&r, &ctx()), RuleId::DonorCap).is_empty(), "exactly 4 600 € is allowed");
    }

    #[test]
    fn cash_is_checked_per_gift_and_in_total_against_a_fifth_of_the_ceiling() {
        let mut r = Register::default();
        by_hand(&mut r, 150, Method::Cash, "2029-01-10", None);
        let big = by_hand(&mut r, 151, Method::Cash, "2029-01-10", None);
        let c = checks(&r, &ctx());
        let per_gift = found(&c, RuleId::CashPerGift);
        assert_eq!(per_gift.len(), 1);
        assert_eq!((per_gift[0].at, per_gift[0].to_return()), (At::Gift(big), Some(Cents::from_euros(1))));
        assert!(found(&c, RuleId::CashTotal).is_empty());
        // 125 000 inhabitants: ceiling (38 000 + 0,15 × 125 000) × 1,26 = 71 505 €, a fifth 14 301 €.
        for _ in 0..95 {
            by_hand(&mut r, 150, Method::Cash, "2029-01-11", None);
        }
        assert_eq!(cash_total(&r), Cents::from_euros(14_551));
        let c = checks(&r, &ctx());
        let total = found(&c, RuleId::CashTotal);
        assert_eq!(total[0].finding, Finding::CashTotalOver { total: Cents::from_euros(14_551), cap: Cents::from_euros(14_301), excess: Cents::from_euros(250) });
        assert_eq!(total[0].at, At::Register);
        let unknown = Context { population: None, ..ctx() };
        assert!(found(&checks(&r, &unknown), RuleId::CashTotal).is_empty(), "no population, no cap to check against");
    }

    #[test]
    fn a_gift_outside_the_collection_window_is_an_error() {
        let mut r = Register::default();
        let early = by_hand(&mut r, 10, Method::Cheque, "2028-11-30", None);
        by_hand(&mut r, 10, Method::Cheque, "2028-12-01", None);
        by_hand(&mut r, 10, Method::Cheque, "2029-08-17", None);
        let late = by_hand(&mut r, 10, Method::Cheque, "2029-08-18", None);
        let c = checks(&r, &ctx());
        let opens = found(&c, RuleId::CollectionOpens);
        assert_eq!(opens.len(), 1);
        assert_eq!(opens[0].finding, Finding::BeforeOpening { date: day("2028-11-30"), opens: day("2028-12-01") });
        assert_eq!(opens[0].at, At::Gift(early));
        let closes = found(&c, RuleId::CollectionCloses);
        assert_eq!(closes.len(), 1);
        assert_eq!((closes[0].at, &closes[0].finding), (At::Gift(late), &Finding::AfterFiling { date: day("2029-08-18"), deadline: day("2029-08-17") }));
        // Designated on 5 January 2029: a gift of 2 January is before it.
        let later = Context { designated_on: day("2029-01-05"), ..ctx() };
        let mut r = Register::default();
        by_hand(&mut r, 10, Method::Cheque, "2029-01-02", None);
        assert_eq!(found(&checks(&r, &later), RuleId::CollectionOpens)[0].finding, Finding::BeforeOpening { date: day("2029-01-02"), opens: day("2029-01-05") });
    }

    #[test]
    fn a_payer_like_a_company_or_a_public_body_is_a_warning() {
        for (name, word) in [("SARL DUPONT", Some("SARL")), ("Mairie de Lyon", Some("MAIRIE")), ("Association des Amis", Some("ASSOCIATION")), ("SA LES JARDINS", Some("SA")), ("Société Générale", Some("SOCIETE")), ("SASSI Karim", None), ("MARTIN JEANNE", None), ("Communal Paul", None)] {
            assert_eq!(legal_person_word(name).as_deref(), word, "{name}");
        }
        let mut r = Register::default();
        r.attribute(&entry("e", 10_000, "SCI LES TILLEULS", "", "2029-02-01"), None).unwrap();
        let c = checks(&r, &ctx());
        let legal = found(&c, RuleId::LegalPersons);
        assert_eq!((legal.len(), legal[0].level), (1, Level::Warning));
        assert!(legal[0].text().fr.contains("« SCI LES TILLEULS »"), "{}", legal[0].text());
    }

    #[test]
    fn missing_r39_1_data_and_receipts_are_named() {
        let mut r = Register::default();
        let lone = by_hand(&mut r, 10, Method::Cheque, "2029-01-10", None);
        let d = r.add_donor(Donor { name: "Martin".into(), resides_in_france: Some(false), ..Donor::default() });
        let partial = by_hand(&mut r, 10, Method::Cheque, "2029-01-10", Some(d));
        let full = r.add_donor(person("Léger", "Paul"));
        let ok = by_hand(&mut r, 10, Method::Cheque, "2029-01-10", Some(full));
        r.set_receipt(ok, Some("A-0001".into())).unwrap();
        let c = checks(&r, &ctx());
        let at = |g| c.iter().filter(move |x| x.at == At::Gift(g)).map(|x| &x.finding).collect::<Vec<_>>();
        assert_eq!(at(lone), vec![&Finding::Missing(vec![Field::Donor]), &Finding::ReceiptMissing]);
        assert_eq!(at(partial), vec![&Finding::ReceiptMissing], "the donor's data is said at the donor, once");
        let of = |d| c.iter().filter(move |x| x.at == At::Donor(d)).map(|x| &x.finding).collect::<Vec<_>>();
        assert_eq!(of(d), vec![&Finding::Missing(vec![Field::FirstNames, Field::NationalityOrResidence, Field::TaxAddress])]);
        assert!(at(ok).is_empty() && of(full).is_empty(), "{:?}", at(ok));
        let idle = r.add_donor(Donor::default());
        assert!(checks(&r, &ctx()).iter().all(|x| x.at != At::Donor(idle)), "a donor without gifts needs no receipt data yet");
        r.set_receipt(partial, Some("A-0001".into())).unwrap();
        let c = checks(&r, &ctx());
        let twice = found(&c, RuleId::Receipt).into_iter().filter(|c| c.level == Level::Error).collect::<Vec<_>>();
        assert_eq!(twice.len(), 1);
        assert_eq!(twice[0].finding, Finding::ReceiptTwice { number: "A-0001".into(), gifts: vec![partial, ok] });
        assert!(twice[0].text().en.contains("on 2 gifts"), "{}", twice[0].text());
    }
}

//! The validated account: what the widget uses once [`super::load`] found no error.
//! Dates are [`Date`], amounts [`Cents`], the IBAN in electronic form.

use crate::date::Date;
use crate::i18n::Lang;
use crate::money::Cents;

pub use super::format::{ElectionKind, MandataireKind};

/// A circo's campaign account, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidAccount {
    pub election: Election,
    pub circo: Circo,
    pub candidate: Candidate,
    pub mandataire: Mandataire,
    pub payment: Payment,
    /// Preset buttons, in the file's order.
    pub presets: Vec<Cents>,
    pub goal: Option<Goal>,
    pub contact: Option<Contact>,
    pub default_lang: Lang,
}

impl ValidAccount {
    /// The circo's stable slug, e.g. `75-01` (see [`slug`]).
    pub fn slug(&self) -> String {
        slug(&self.circo.department, self.circo.number)
    }
}

/// The stable slug of a circo, for links and URL fragments: the department code in
/// upper case, a dash, the number on two digits (`75-01`, `2A-02`, `ZZ-05`, `974-03`).
pub fn slug(department: &str, number: u16) -> String {
    format!("{}-{number:02}", department.trim().to_ascii_uppercase())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    pub kind: ElectionKind,
    pub first_round: Date,
    pub second_round: Option<Date>,
    /// Dissolution or by-election start, when the collection opens from it.
    pub trigger_date: Option<Date>,
}

impl Election {
    /// The dates the law reads (L52-4, L52-12).
    pub fn dates(&self) -> crate::law::calendar::ElectionDates {
        crate::law::calendar::ElectionDates { first_round: self.first_round, second_round: self.second_round, trigger: self.trigger_date }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Circo {
    /// Department code as written (`75`, `2A`, `974`, `ZZ`), upper case.
    pub department: String,
    pub number: u16,
    pub name: String,
    pub population: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mandataire {
    pub kind: MandataireKind,
    pub name: String,
    /// Date of designation, or of the association's declaration.
    pub designated_on: Date,
    /// The bank account's exact title.
    pub account_title: String,
}

/// The payment methods; at least one of cheque, transfer, card is present.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Payment {
    pub cheque: Option<Cheque>,
    pub transfer: Option<Transfer>,
    pub card: Option<Card>,
    /// Cash accepted in person at events.
    pub cash_at_events: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cheque {
    pub payee: String,
    /// Address lines, trimmed, none empty.
    pub address: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer {
    /// At most 70 characters.
    pub holder: String,
    /// Electronic form: upper case, no spaces (`FR7630001...`).
    pub iban: String,
    /// Upper case, 8 or 11 characters.
    pub bic: Option<String>,
    /// At most 140 characters.
    pub reference: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// An `https:` URL.
    pub url: String,
    pub operator: String,
    /// The page also takes a gift every month.
    pub monthly: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub target: Cents,
    pub raised: Cents,
    pub as_of: Option<Date>,
    pub average_gift: Option<Cents>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub email: Option<String>,
    /// An `https:` URL.
    pub url: Option<String>,
}

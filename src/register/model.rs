//! The register's gifts and donors: what each credit of the account is (one gift, a
//! deposit split into several, or not a gift and why), the gifts entered by hand (cash,
//! cheques not yet on a statement), and the donors with their R39-1 data. Matching a
//! credit to a donor is only ever a [`Proposal`]: nothing is attributed until the
//! mandataire confirms it ([`Register::confirm`]). A card-payment provider's batch payout
//! is split like a deposit of cheques ([`Register::split`]), its parts read from the
//! provider's CSV export by [`super::provider`].
//!
//! Identifiers: a gift and a donor each get a number the register never reuses
//! (`next_id`), so that a check or a page link keeps pointing at the same thing across
//! saves; a gift from the bank points at its entry by the entry's [`EntryId`].

use std::fmt;

use super::statement::{Entry, EntryId};
use crate::date::Date;
use crate::i18n::Text;
use crate::money::Cents;
use crate::payment::reference::Reference;
use crate::payment::Method;

/// A gift's number in the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GiftId(pub u32);

/// A donor's number in the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DonorId(pub u32);

impl fmt::Display for GiftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gift-{}", self.0)
    }
}

impl fmt::Display for DonorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "donor-{}", self.0)
    }
}

/// One person who gives (R39-1: surname, first names, nationality or residence in
/// France, tax address). Every field may still be empty: the checks say what is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Donor {
    pub id: DonorId,
    /// Surname (nom).
    pub name: String,
    /// First names (prénoms).
    pub first_names: String,
    /// Nationality as written on the receipt (« française »...), if known.
    pub nationality: Option<String>,
    /// Whether the donor resides in France (a foreigner residing in France may give).
    pub resides_in_france: Option<bool>,
    /// The tax address, its lines.
    pub address: Vec<String>,
}

impl Donor {
    /// « NOM Prénoms », as lists show a person.
    pub fn display_name(&self) -> String {
        match (self.name.trim(), self.first_names.trim()) {
            ("", f) => f.to_owned(),
            (n, "") => n.to_owned(),
            (n, f) => format!("{n} {f}"),
        }
    }
}

/// Where a gift comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A whole credit of the statement.
    Entry(EntryId),
    /// One part of a credit split into several gifts (a deposit of cheques).
    Part { entry: EntryId, index: u32 },
    /// Entered by hand: cash, a cheque not yet on a statement.
    Hand,
}

impl Source {
    /// The statement entry it comes from, if any.
    pub fn entry(&self) -> Option<&EntryId> {
        match self {
            Source::Entry(e) | Source::Part { entry: e, .. } => Some(e),
            Source::Hand => None,
        }
    }
}

/// One gift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gift {
    pub id: GiftId,
    pub amount: Cents,
    pub date: Date,
    pub method: Method,
    pub source: Source,
    pub donor: Option<DonorId>,
    /// The payer's name as the bank or the cheque gives it.
    pub payer: Option<String>,
    pub cheque_number: Option<String>,
    /// The widget's reference found in the remittance, or written on the cheque.
    pub reference: Option<Reference>,
    /// The number of the CNCCFP receipt form issued for it: recorded, never invented.
    pub receipt: Option<String>,
}

/// Why a credit is not a gift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotGift {
    /// The candidate's personal contribution (apport personnel).
    PersonalContribution,
    /// A political party's payment.
    PartyPayment,
    /// A refund (of an expense, of a bank fee...).
    Refund,
    /// Something else, said in the mandataire's words.
    Other(String),
}

impl NotGift {
    /// The JSON name.
    pub fn as_str(&self) -> &str {
        match self {
            NotGift::PersonalContribution => "personal-contribution",
            NotGift::PartyPayment => "party-payment",
            NotGift::Refund => "refund",
            NotGift::Other(_) => "other",
        }
    }

    /// What lists show.
    pub fn text(&self) -> Text {
        match self {
            NotGift::PersonalContribution => Text::new("apport personnel du candidat", "the candidate’s personal contribution"),
            NotGift::PartyPayment => Text::new("versement d’un parti", "a party’s payment"),
            NotGift::Refund => Text::new("remboursement", "refund"),
            NotGift::Other(why) => Text::new(format!("autre : {why}"), format!("other: {why}")),
        }
    }
}

/// A gift as the mandataire enters it (by hand, or as a part of a split credit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewGift {
    pub amount: Cents,
    pub date: Date,
    pub method: Method,
    pub payer: Option<String>,
    pub cheque_number: Option<String>,
    pub donor: Option<DonorId>,
}

/// One cheque of a deposit (or one payment of a provider's batch: typed by hand, or
/// read from the provider's CSV export by [`parts_from_csv`](super::provider::parts_from_csv)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub payer: String,
    pub cheque_number: Option<String>,
    pub amount: Cents,
}

/// A deposit's parts as the mandataire types them, one per line: `payer ; cheque
/// number ; amount` (the number may be left empty: `payer ; ; amount`, or `payer ;
/// amount` for a provider's payment). Blank lines are skipped. A line that cannot be
/// read is refused with its number (1-based) and what to type; nothing is taken then.
pub fn parse_parts(text: &str) -> Result<Vec<Part>, Text> {
    let mut parts = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(';').map(str::trim).collect();
        let line_no = (n + 1).to_string();
        let (payer, number, amount) = match fields.as_slice() {
            [payer, amount] => (*payer, "", *amount),
            [payer, number, amount] => (*payer, *number, *amount),
            _ => {
                return Err(crate::i18n::fill_both(
                    "Ligne {} : écrivez « payeur ; n° de chèque ; montant », par exemple « Jeanne Martin ; 0001234 ; 50 ».",
                    "Line {}: write “payer ; cheque number ; amount”, for example “Jeanne Martin ; 0001234 ; 50”.",
                    &[&line_no],
                ))
            }
        };
        if payer.is_empty() {
            return Err(crate::i18n::fill_both("Ligne {} : le nom du payeur manque.", "Line {}: the payer's name is missing.", &[&line_no]));
        }
        let amount = crate::money::parse_amount(amount).map_err(|e| {
            let m = e.message();
            Text::new(format!("Ligne {line_no} : {}", m.fr), format!("Line {line_no}: {}", m.en))
        })?;
        parts.push(Part { payer: payer.to_owned(), cheque_number: Some(number.to_owned()).filter(|n| !n.is_empty()), amount });
    }
    Ok(parts)
}

/// Parts written back as [`parse_parts`] reads them, one line each (`payer ; number ;
/// 12,50`), for the mandataire to check before splitting (a provider's export read by
/// [`super::provider::parts_from_csv`] fills the form this way).
pub fn parts_text(parts: &[Part]) -> String {
    let mut out = String::new();
    for p in parts {
        let cents = p.amount.get().unsigned_abs();
        out.push_str(&format!("{} ; {} ; {},{:02}\n", p.payer.replace(';', ","), p.cheque_number.as_deref().unwrap_or(""), cents / 100, cents % 100));
    }
    out
}

/// Why the register refused a change. Each says what to do, in both languages
/// ([`AttributionError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributionError {
    /// The parts of a split do not add up to the credit: `difference` = credit − parts.
    PartsDoNotAddUp { credit: Cents, parts: Cents, difference: Cents },
    /// Not a credit (a debit or zero): only credits are attributed.
    NotACredit { amount: Cents },
    /// The credit is attributed already: undo that first.
    AlreadyAttributed,
    /// A gift of zero or less.
    NotPositive { amount: Cents },
    UnknownGift(GiftId),
    UnknownDonor(DonorId),
    /// Merging a donor into itself.
    SameDonor,
}

impl AttributionError {
    pub fn message(&self) -> Text {
        use crate::i18n::Lang::{En, Fr};
        match self {
            AttributionError::PartsDoNotAddUp { credit, parts, difference } => {
                let (fr_dir, en_dir) = if difference.get() > 0 { ("manque", "missing") } else { ("est en trop", "too much") };
                let gap = Cents::new(difference.get().abs());
                Text::new(
                    format!(
                        "Les chèques font {} pour un crédit de {} : il {fr_dir} {}.",
                        parts.format_with_cents(Fr),
                        credit.format_with_cents(Fr),
                        gap.format_with_cents(Fr)
                    ),
                    format!(
                        "The cheques add up to {} for a credit of {}: {} {en_dir}.",
                        parts.format_with_cents(En),
                        credit.format_with_cents(En),
                        gap.format_with_cents(En)
                    ),
                )
            }
            AttributionError::NotACredit { amount } => Text::new(
                format!("Ce mouvement de {} n’est pas un crédit : seul un crédit peut être un don.", amount.format_with_cents(Fr)),
                format!("This movement of {} is not a credit: only a credit can be a gift.", amount.format_with_cents(En)),
            ),
            AttributionError::AlreadyAttributed => Text::new(
                "Ce crédit est déjà attribué : annulez d’abord son attribution.",
                "This credit is attributed already: undo its attribution first.",
            ),
            AttributionError::NotPositive { amount } => Text::new(
                format!("Un don est un montant positif, pas {}.", amount.format_with_cents(Fr)),
                format!("A gift is a positive amount, not {}.", amount.format_with_cents(En)),
            ),
            AttributionError::UnknownGift(id) => Text::new(format!("Le don {id} n’est pas dans le registre."), format!("Gift {id} is not in the register.")),
            AttributionError::UnknownDonor(id) => {
                Text::new(format!("Le donateur {id} n’est pas dans le registre."), format!("Donor {id} is not in the register."))
            }
            AttributionError::SameDonor => Text::new("Un donateur ne se fusionne pas avec lui-même.", "A donor cannot be merged with itself."),
        }
    }
}

impl fmt::Display for AttributionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for AttributionError {}

/// How a proposal was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatchBy {
    /// The widget's reference in the remittance is that of a gift the register knows.
    Reference(Reference),
    /// The payer's name is a donor's.
    Name,
}

/// A proposed attribution of a credit, for the mandataire to confirm or ignore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub entry: EntryId,
    pub donor: DonorId,
    /// A gift entered by hand that this credit is (a cheque now on the statement).
    pub gift: Option<GiftId>,
    pub by: MatchBy,
}

/// The gifts and donors of the register, and what each credit is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub donors: Vec<Donor>,
    pub gifts: Vec<Gift>,
    /// The credits marked as not gifts.
    pub not_gifts: Vec<(EntryId, NotGift)>,
    /// The next number for a gift or a donor.
    pub next_id: u32,
}

/// A credit's method, from what the bank says of it.
fn method_of(entry: &Entry) -> Method {
    if entry.cheque_number.is_some() {
        return Method::Cheque;
    }
    let text = entry.remittance.to_uppercase();
    let label = entry.batch.as_ref().map(|b| b.label.to_uppercase()).unwrap_or_default();
    if text.contains("CHEQUE") || text.contains("CHQ") || label.contains("CHEQUE") || label.contains("CHQ") {
        Method::Cheque
    } else if text.contains("CARTE") || text.contains(" CB ") || text.starts_with("CB ") {
        Method::Card
    } else if text.contains("PRLV") || text.contains("PRELEVEMENT") {
        Method::DirectDebit
    } else {
        Method::Transfer
    }
}

/// A name as compared: letters and digits only, upper case, words sorted (« Martin
/// Jeanne » and « MME JEANNE MARTIN » share their words but the title).
fn name_key(name: &str) -> Vec<String> {
    const TITLES: [&str; 6] = ["M", "MR", "MME", "MLLE", "MONSIEUR", "MADAME"];
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold(w).to_uppercase())
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Latin letters without their accents, as banks often write names.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'À' | 'Â' | 'Ä' | 'Á' => 'A',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' | 'í' => 'i',
            'Î' | 'Ï' | 'Í' => 'I',
            'ô' | 'ö' | 'ó' => 'o',
            'Ô' | 'Ö' | 'Ó' => 'O',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'Ù' | 'Û' | 'Ü' | 'Ú' => 'U',
            'ç' => 'c',
            'Ç' => 'C',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

impl Register {
    fn take_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    pub fn gift(&self, id: GiftId) -> Option<&Gift> {
        self.gifts.iter().find(|g| g.id == id)
    }

    pub fn donor(&self, id: DonorId) -> Option<&Donor> {
        self.donors.iter().find(|d| d.id == id)
    }

    /// The gifts of one donor.
    pub fn gifts_of(&self, donor: DonorId) -> impl Iterator<Item = &Gift> {
        self.gifts.iter().filter(move |g| g.donor == Some(donor))
    }

    /// Whether this credit is attributed (as gifts or as not a gift).
    pub fn is_attributed(&self, entry: &EntryId) -> bool {
        self.gifts.iter().any(|g| g.source.entry() == Some(entry)) || self.not_gifts.iter().any(|(e, _)| e == entry)
    }

    /// The credits of `entries` that are not attributed yet.
    pub fn unattributed<'a>(&'a self, entries: &'a [Entry]) -> impl Iterator<Item = &'a Entry> {
        entries.iter().filter(move |e| e.amount.get() > 0 && !self.is_attributed(&e.id))
    }

    fn check_credit(&self, entry: &Entry) -> Result<(), AttributionError> {
        if entry.amount.get() <= 0 {
            return Err(AttributionError::NotACredit { amount: entry.amount });
        }
        if self.is_attributed(&entry.id) {
            return Err(AttributionError::AlreadyAttributed);
        }
        Ok(())
    }

    fn check_donor(&self, donor: Option<DonorId>) -> Result<(), AttributionError> {
        match donor {
            Some(d) if self.donor(d).is_none() => Err(AttributionError::UnknownDonor(d)),
            _ => Ok(()),
        }
    }

    /// Adds a donor; returns its number.
    pub fn add_donor(&mut self, mut donor: Donor) -> DonorId {
        donor.id = DonorId(self.take_id());
        let id = donor.id;
        self.donors.push(donor);
        id
    }

    /// Replaces a donor's data (its number stays).
    pub fn update_donor(&mut self, donor: Donor) -> Result<(), AttributionError> {
        let slot = self.donors.iter_mut().find(|d| d.id == donor.id).ok_or(AttributionError::UnknownDonor(donor.id))?;
        *slot = donor;
        Ok(())
    }

    /// Merges `gone` into `kept`: one person entered twice. `gone`'s gifts become
    /// `kept`'s; `kept`'s empty fields take `gone`'s values.
    pub fn merge_donors(&mut self, kept: DonorId, gone: DonorId) -> Result<(), AttributionError> {
        if kept == gone {
            return Err(AttributionError::SameDonor);
        }
        self.check_donor(Some(kept))?;
        let at = self.donors.iter().position(|d| d.id == gone).ok_or(AttributionError::UnknownDonor(gone))?;
        let old = self.donors.remove(at);
        if let Some(k) = self.donors.iter_mut().find(|d| d.id == kept) {
            if k.name.trim().is_empty() {
                k.name = old.name;
            }
            if k.first_names.trim().is_empty() {
                k.first_names = old.first_names;
            }
            k.nationality = k.nationality.take().or(old.nationality);
            k.resides_in_france = k.resides_in_france.or(old.resides_in_france);
            if k.address.iter().all(|l| l.trim().is_empty()) {
                k.address = old.address;
            }
        }
        for g in self.gifts.iter_mut().filter(|g| g.donor == Some(gone)) {
            g.donor = Some(kept);
        }
        Ok(())
    }

    /// Splits a donor: the gifts `moved` go to a new donor with `data`.
    pub fn split_donor(&mut self, from: DonorId, moved: &[GiftId], data: Donor) -> Result<DonorId, AttributionError> {
        self.check_donor(Some(from))?;
        if let Some(missing) = moved.iter().find(|m| self.gift(**m).is_none_or(|g| g.donor != Some(from))) {
            return Err(AttributionError::UnknownGift(*missing));
        }
        let new = self.add_donor(data);
        for g in self.gifts.iter_mut().filter(|g| moved.contains(&g.id)) {
            g.donor = Some(new);
        }
        Ok(new)
    }

    /// Sets (or clears) which donor gave a gift.
    pub fn assign(&mut self, gift: GiftId, donor: Option<DonorId>) -> Result<(), AttributionError> {
        self.check_donor(donor)?;
        self.gift_mut(gift)?.donor = donor;
        Ok(())
    }

    /// Records (or clears) the number of the CNCCFP receipt issued for a gift.
    pub fn set_receipt(&mut self, gift: GiftId, number: Option<String>) -> Result<(), AttributionError> {
        self.gift_mut(gift)?.receipt = number.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        Ok(())
    }

    fn gift_mut(&mut self, id: GiftId) -> Result<&mut Gift, AttributionError> {
        self.gifts.iter_mut().find(|g| g.id == id).ok_or(AttributionError::UnknownGift(id))
    }

    /// The whole credit is one gift (of `donor` if known).
    pub fn attribute(&mut self, entry: &Entry, donor: Option<DonorId>) -> Result<GiftId, AttributionError> {
        self.check_credit(entry)?;
        self.check_donor(donor)?;
        let id = GiftId(self.take_id());
        self.gifts.push(Gift {
            id,
            amount: entry.amount,
            date: entry.booking_date,
            method: method_of(entry),
            source: Source::Entry(entry.id.clone()),
            donor,
            payer: entry.counterparty.clone(),
            cheque_number: entry.cheque_number.clone(),
            reference: Reference::find(&entry.remittance),
            receipt: None,
        });
        Ok(id)
    }

    /// The credit is a deposit of several cheques: one gift each. The parts must add up
    /// to the credit exactly, else nothing changes and the error says by how much.
    pub fn split(&mut self, entry: &Entry, parts: &[Part]) -> Result<Vec<GiftId>, AttributionError> {
        self.check_credit(entry)?;
        if let Some(p) = parts.iter().find(|p| p.amount.get() <= 0) {
            return Err(AttributionError::NotPositive { amount: p.amount });
        }
        let total = parts.iter().fold(0i128, |sum, p| sum + i128::from(p.amount.get()));
        if total != i128::from(entry.amount.get()) {
            let parts_cents = Cents::new(i64::try_from(total).unwrap_or(i64::MAX));
            let difference = Cents::new(i64::try_from(i128::from(entry.amount.get()) - total).unwrap_or(i64::MIN));
            return Err(AttributionError::PartsDoNotAddUp { credit: entry.amount, parts: parts_cents, difference });
        }
        let method = method_of(entry);
        let mut ids = Vec::with_capacity(parts.len());
        for (index, p) in parts.iter().enumerate() {
            let id = GiftId(self.take_id());
            self.gifts.push(Gift {
                id,
                amount: p.amount,
                date: entry.booking_date,
                method: if p.cheque_number.is_some() { Method::Cheque } else { method },
                source: Source::Part { entry: entry.id.clone(), index: index as u32 },
                donor: None,
                payer: Some(p.payer.trim().to_owned()).filter(|s| !s.is_empty()),
                cheque_number: p.cheque_number.clone(),
                reference: None,
                receipt: None,
            });
            ids.push(id);
        }
        Ok(ids)
    }

    /// The credit is not a gift, for `why`.
    pub fn not_a_gift(&mut self, entry: &Entry, why: NotGift) -> Result<(), AttributionError> {
        self.check_credit(entry)?;
        self.not_gifts.push((entry.id.clone(), why));
        Ok(())
    }

    /// Undoes what a credit was: its gifts (and their receipts) or its reason go.
    /// A gift entered by hand and later linked to it goes back to being by hand.
    pub fn undo(&mut self, entry: &EntryId) {
        self.not_gifts.retain(|(e, _)| e != entry);
        self.gifts.retain(|g| !matches!(&g.source, Source::Entry(e) | Source::Part { entry: e, .. } if e == entry));
    }

    /// A gift entered by hand (cash, a cheque not yet on a statement).
    pub fn add_by_hand(&mut self, gift: NewGift) -> Result<GiftId, AttributionError> {
        if gift.amount.get() <= 0 {
            return Err(AttributionError::NotPositive { amount: gift.amount });
        }
        self.check_donor(gift.donor)?;
        let id = GiftId(self.take_id());
        self.gifts.push(Gift {
            id,
            amount: gift.amount,
            date: gift.date,
            method: gift.method,
            source: Source::Hand,
            donor: gift.donor,
            payer: gift.payer,
            cheque_number: gift.cheque_number,
            reference: None,
            receipt: None,
        });
        Ok(id)
    }

    /// Removes a gift entered by hand (a gift from the bank is undone with [`Register::undo`]).
    pub fn remove_by_hand(&mut self, gift: GiftId) -> Result<(), AttributionError> {
        let at = self.gifts.iter().position(|g| g.id == gift && g.source == Source::Hand).ok_or(AttributionError::UnknownGift(gift))?;
        self.gifts.remove(at);
        Ok(())
    }

    /// Proposals for the unattributed credits of `entries`: by the widget's reference
    /// in the remittance when a gift of the register carries it, else by the payer's
    /// name when exactly one donor has it. Nothing changes until [`Register::confirm`].
    pub fn proposals(&self, entries: &[Entry]) -> Vec<Proposal> {
        let mut out = Vec::new();
        for e in self.unattributed(entries) {
            if let Some(r) = Reference::find(&e.remittance) {
                if let Some(g) = self.gifts.iter().find(|g| g.reference == Some(r) && g.donor.is_some()) {
                    let by_hand = (g.source == Source::Hand && g.amount == e.amount).then_some(g.id);
                    out.push(Proposal { entry: e.id.clone(), donor: g.donor.unwrap_or_default(), gift: by_hand, by: MatchBy::Reference(r) });
                    continue;
                }
            }
            let Some(payer) = e.counterparty.as_deref().map(name_key).filter(|k| !k.is_empty()) else { continue };
            let mut same = self.donors.iter().filter(|d| name_key(&format!("{} {}", d.name, d.first_names)) == payer);
            if let (Some(d), None) = (same.next(), same.next()) {
                let by_hand = self
                    .gifts
                    .iter()
                    .find(|g| g.source == Source::Hand && g.donor == Some(d.id) && g.amount == e.amount && g.method != Method::Cash)
                    .map(|g| g.id);
                out.push(Proposal { entry: e.id.clone(), donor: d.id, gift: by_hand, by: MatchBy::Name });
            }
        }
        out
    }

    /// The mandataire confirms a proposal: the credit becomes the donor's gift (the
    /// gift entered by hand, when the proposal names one, now comes from the entry).
    pub fn confirm(&mut self, proposal: &Proposal, entry: &Entry) -> Result<GiftId, AttributionError> {
        if entry.id != proposal.entry {
            return Err(AttributionError::AlreadyAttributed);
        }
        self.check_credit(entry)?;
        self.check_donor(Some(proposal.donor))?;
        match proposal.gift {
            Some(id) => {
                let g = self.gift_mut(id)?;
                g.source = Source::Entry(entry.id.clone());
                g.date = entry.booking_date;
                g.donor = Some(proposal.donor);
                if g.payer.is_none() {
                    g.payer = entry.counterparty.clone();
                }
                if g.reference.is_none() {
                    g.reference = Reference::find(&entry.remittance);
                }
                Ok(id)
            }
            None => self.attribute(entry, Some(proposal.donor)),
        }
    }

    /// The total of every gift.
    pub fn total(&self) -> Cents {
        self.gifts.iter().fold(Cents::ZERO, |sum, g| sum + g.amount)
    }

    /// The total of one donor's gifts.
    pub fn donor_total(&self, donor: DonorId) -> Cents {
        self.gifts_of(donor).fold(Cents::ZERO, |sum, g| sum + g.amount)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::register::statement::EURO;

    pub(crate) fn entry(id: &str, cents: i64, payer: &str, remittance: &str, date: &str) -> Entry {
        Entry {
            id: EntryId::from_kept(id.to_owned()),
            booking_date: Date::parse_iso(date).unwrap(),
            amount: Cents::new(cents),
            currency: EURO.to_owned(),
            counterparty: Some(payer.to_owned()).filter(|p| !p.is_empty()),
            remittance: remittance.to_owned(),
            bank_reference: None,
            cheque_number: None,
            batch: None,
        }
    }

    pub(crate) fn person(name: &str, first: &str) -> Donor {
        Donor {
            name: name.into(),
            first_names: first.into(),
            nationality: Some("française".into()),
            resides_in_france: Some(true),
            address: vec!["1 rue de la Paix".into(), "75002 Paris".into()],
            ..Donor::default()
        }
    }

    #[test]
    fn a_deposit_is_split_only_when_its_cheques_add_up() {
        let mut r = Register::default();
        let deposit = entry("e1", 12_000, "", "REMISE CHEQUES 3", "2029-01-10");
        let parts = |a, b| vec![Part { payer: "MARTIN".into(), cheque_number: Some("1".into()), amount: Cents::new(a) }, Part { payer: "DURAND".into(), cheque_number: None, amount: Cents::new(b) }];
        let e = r.split(&deposit, &parts(5_000, 6_000)).unwrap_err();
        assert_eq!(e, AttributionError::PartsDoNotAddUp { credit: Cents::new(12_000), parts: Cents::new(11_000), difference: Cents::new(1_000) });
        assert!(e.message().fr.contains("il manque 10,00"), "{}", e.message());
        let e = r.split(&deposit, &parts(5_000, 7_500)).unwrap_err();
        assert!(e.message().en.contains("€5.00 too much"), "{}", e.message());
        assert!(r.gifts.is_empty());
        let ids = r.split(&deposit, &parts(5_000, 7_000)).unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(r.total(), Cents::new(12_000));
        assert!(r.gifts.iter().all(|g| g.method == Method::Cheque));
        assert_eq!(r.split(&deposit, &parts(5_000, 7_000)), Err(AttributionError::AlreadyAttributed));
        r.undo(&deposit.id);
        assert!(r.gifts.is_empty() && !r.is_attributed(&deposit.id));
    }

    #[test]
    fn a_debit_is_never_a_gift_and_a_reason_attributes_a_credit() {
        let mut r = Register::default();
        assert!(matches!(r.attribute(&entry("d", -500, "EDF", "", "2029-01-10"), None), Err(AttributionError::NotACredit { .. })));
        let c = entry("c", 100_000, "DUPONT JEAN", "APPORT", "2029-01-10");
        r.not_a_gift(&c, NotGift::PersonalContribution).unwrap();
        assert!(r.is_attributed(&c.id));
        assert_eq!(r.unattributed(std::slice::from_ref(&c)).count(), 0);
        assert_eq!(r.attribute(&c, None), Err(AttributionError::AlreadyAttributed));
    }

    #[test]
    fn proposals_come_by_reference_then_by_name_and_change_nothing_until_confirmed() {
        let mut r = Register::default();
        let jeanne = r.add_donor(person("Martin", "Jeanne"));
        let paul = r.add_donor(person("Léger", "Paul"));
        let first = entry("a", 5_000, "MME JEANNE MARTIN", "DON-7K3Q9M", "2029-01-05");
        let g = r.attribute(&first, Some(jeanne)).unwrap();
        assert_eq!(r.gift(g).unwrap().reference, Reference::find("DON-7K3Q9M"));
        let entries = vec![
            entry("b", 2_000, "SOMEONE ELSE", "virement don 7K3Q9M", "2029-01-06"),
            entry("c", 3_000, "LEGER PAUL", "soutien", "2029-01-07"),
            entry("d", 4_000, "INCONNU", "soutien", "2029-01-07"),
        ];
        let p = r.proposals(&entries);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].donor, &p[0].by), (jeanne, &MatchBy::Reference(Reference::find("DON-7K3Q9M").unwrap())));
        assert_eq!((p[1].donor, &p[1].by), (paul, &MatchBy::Name));
        assert_eq!(r.gifts.len(), 1, "a proposal attributes nothing");
        r.confirm(&p[1], &entries[1]).unwrap();
        assert_eq!(r.donor_total(paul), Cents::new(3_000));
        assert_eq!(r.proposals(&entries).len(), 1);
    }

    #[test]
    fn a_cheque_entered_by_hand_is_the_credit_that_arrives_later() {
        let mut r = Register::default();
        let d = r.add_donor(person("Martin", "Jeanne"));
        let g = r
            .add_by_hand(NewGift { amount: Cents::new(8_000), date: Date::parse_iso("2029-01-02").unwrap(), method: Method::Cheque, payer: None, cheque_number: Some("42".into()), donor: Some(d) })
            .unwrap();
        let e = entry("x", 8_000, "MARTIN JEANNE", "CHEQUE", "2029-01-09");
        let p = r.proposals(std::slice::from_ref(&e));
        assert_eq!(p[0].gift, Some(g));
        assert_eq!(r.confirm(&p[0], &e), Ok(g));
        assert_eq!(r.gifts.len(), 1);
        assert_eq!(r.gift(g).unwrap().source, Source::Entry(e.id.clone()));
    }

    #[test]
    fn merging_two_donors_keeps_every_gift_and_fills_the_blanks() {
        let mut r = Register::default();
        let a = r.add_donor(Donor { name: "Martin".into(), ..Donor::default() });
        let b = r.add_donor(person("MARTIN", "Jeanne"));
        for (id, who) in [("1", a), ("2", b)] {
            r.attribute(&entry(id, 1_000, "", "", "2029-01-01"), Some(who)).unwrap();
        }
        assert_eq!(r.merge_donors(a, a), Err(AttributionError::SameDonor));
        r.merge_donors(a, b).unwrap();
        assert_eq!(r.donors.len(), 1);
        assert_eq!(r.donor_total(a), Cents::new(2_000));
        assert_eq!(r.donor(a).unwrap().first_names, "Jeanne");
        let moved = r.gifts[1].id;
        let c = r.split_donor(a, &[moved], person("Martin", "Jean")).unwrap();
        assert_eq!((r.donor_total(a), r.donor_total(c)), (Cents::new(1_000), Cents::new(1_000)));
        assert_eq!(r.merge_donors(a, DonorId(99)), Err(AttributionError::UnknownDonor(DonorId(99))));
    }

    #[test]
    fn a_deposit_typed_line_by_line_is_read_into_its_cheques_or_refused_at_its_line() {
        let parts = parse_parts("Jeanne Martin ; 0001234 ; 50\n\n  Paul Léger;;120,50 \nStripe ; 30").unwrap();
        assert_eq!(
            parts,
            vec![
                Part { payer: "Jeanne Martin".into(), cheque_number: Some("0001234".into()), amount: Cents::new(5_000) },
                Part { payer: "Paul Léger".into(), cheque_number: None, amount: Cents::new(12_050) },
                Part { payer: "Stripe".into(), cheque_number: None, amount: Cents::new(3_000) },
            ]
        );
        let mut r = Register::default();
        let short = entry("d", 20_052, "", "REMISE CHEQUES", "2029-01-10");
        assert!(matches!(r.split(&short, &parts), Err(AttributionError::PartsDoNotAddUp { .. })), "2 cents short is refused");
        let deposit = entry("d", 20_050, "", "REMISE CHEQUES", "2029-01-10");
        assert_eq!(r.split(&deposit, &parts).map(|ids| ids.len()), Ok(3));
        let e = parse_parts("Jeanne Martin ; 0001234 ; 50\nPaul ; 12,345").unwrap_err();
        assert!(e.fr.starts_with("Ligne 2 : ") && e.en.starts_with("Line 2: "), "{e:?}");
        assert!(parse_parts("a;b;c;d").unwrap_err().en.starts_with("Line 1: write"));
        assert!(parse_parts(" ; 12 ; 5").unwrap_err().en.contains("payer's name is missing"));
        assert_eq!(parse_parts(" \n").unwrap(), vec![]);
    }

    #[test]
    fn parts_written_back_read_again_the_same() {
        let parts = vec![
            Part { payer: "Jeanne Martin".into(), cheque_number: Some("0001234".into()), amount: Cents::new(5_000) },
            Part { payer: "SumUp; lot 3".into(), cheque_number: None, amount: Cents::new(123_456_789) },
        ];
        let text = parts_text(&parts);
        assert_eq!(text, "Jeanne Martin ; 0001234 ; 50,00\nSumUp, lot 3 ;  ; 1234567,89\n");
        let back = parse_parts(&text).unwrap();
        assert_eq!(back[0], parts[0]);
        assert_eq!((back[1].payer.as_str(), back[1].amount), ("SumUp, lot 3", parts[1].amount), "a `;` in a name cannot split its line");
    }
}

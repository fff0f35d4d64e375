//! What the register page holds between two files: the campaign account's entries,
//! merged from every statement imported, and the CSV column mapping last confirmed.
//! Saved as JSON inside the encrypted file ([`super::file`]), with the gifts and donors
//! ([`super::model::Register`]). The JSON's `format` is versioned: `circo-don-register/1`
//! adds `register`; a `/0` file (entries only) still opens, with an empty register.

use serde::{Deserialize, Serialize};

use super::model::{Donor, DonorId, Gift, GiftId, NotGift, Register, Source};
use super::statement::{self, Batch, ColumnMapping, Entry, EntryId, Format, Proposal, StatementError};
use crate::date::Date;
use crate::i18n::{fill_both, Text};
use crate::money::Cents;

/// The register as the page edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// Every entry of the account's statements, each once, in the order imported.
    pub entries: Vec<Entry>,
    /// The CSV export's columns as last confirmed, proposed first at the next import.
    pub mapping: Option<ColumnMapping>,
    /// The gifts, donors and what each credit is.
    pub register: Register,
}

/// What importing a statement file did, or needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Import {
    /// The entries were read: `added` new ones, `known` already in the register.
    Done { added: usize, known: usize, note: Option<Text> },
    /// A CSV export: its columns, to show and have confirmed before reading.
    Columns(Proposal),
}

impl Session {
    /// Imports a statement file of the account `iban`. A CSV file is read only with
    /// `columns` confirmed; without, its proposal is returned (the saved mapping when
    /// the file's header has its columns).
    pub fn import(&mut self, bytes: &[u8], iban: &str, columns: Option<&ColumnMapping>) -> Result<Import, StatementError> {
        let format = statement::detect(bytes).ok_or_else(|| StatementError::new(statement::ErrorKind::UnknownFormat, statement::Place::File, ""))?;
        if format == Format::Csv && columns.is_none() {
            let mut proposal = statement::csv::propose(bytes)?;
            if let Some(saved) = self.mapping.as_ref().filter(|m| statement::csv::read(bytes, m).is_ok()) {
                proposal.mapping = saved.clone();
            }
            return Ok(Import::Columns(proposal));
        }
        let statements = statement::read(bytes, format, columns)?;
        let mut note = None;
        for s in &statements {
            note = note.or(statement::check_account(s, iban)?.note());
        }
        let new: Vec<Entry> = statements.into_iter().flat_map(|s| s.entries).collect();
        let before = self.entries.len();
        self.entries = statement::merge(&self.entries, &new);
        let added = self.entries.len() - before;
        if let Some(m) = columns {
            self.mapping = Some(m.clone());
        }
        Ok(Import::Done { added, known: new.len() - added, note })
    }

    /// The credits: the entries that may be gifts.
    pub fn credits(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.amount.get() > 0)
    }

    /// The register as the JSON the file seals.
    pub fn to_json(&self) -> Vec<u8> {
        let saved = Saved {
            format: FORMAT.to_owned(),
            columns: self.mapping.clone(),
            entries: self.entries.iter().map(SavedEntry::of).collect(),
            register: Some(SavedRegister::of(&self.register)),
        };
        serde_json::to_vec(&saved).unwrap_or_default()
    }

    /// The register from the JSON a file held.
    pub fn from_json(bytes: &[u8]) -> Result<Session, Text> {
        let unreadable = |detail: &str| {
            fill_both(
                "Le registre s’est ouvert, mais son contenu est illisible ({}) : ouvrez une autre copie.",
                "The register opened, but its content cannot be read ({}): open another copy.",
                &[detail],
            )
        };
        let saved: Saved = serde_json::from_slice(bytes).map_err(|e| unreadable(&e.to_string()))?;
        if saved.format != FORMAT && saved.format != FORMAT_0 {
            return Err(unreadable(&saved.format));
        }
        let entries = saved.entries.into_iter().map(SavedEntry::entry).collect::<Option<Vec<_>>>().ok_or_else(|| unreadable("date"))?;
        let register = match saved.register {
            Some(r) => r.register().map_err(|what| unreadable(&what))?,
            None => Register::default(),
        };
        Ok(Session { entries, mapping: saved.columns, register })
    }
}

/// The JSON's `format`.
const FORMAT: &str = "circo-don-register/1";
/// The first format: entries and columns only.
const FORMAT_0: &str = "circo-don-register/0";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    columns: Option<ColumnMapping>,
    entries: Vec<SavedEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    register: Option<SavedRegister>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedRegister {
    next_id: u32,
    #[serde(default)]
    donors: Vec<SavedDonor>,
    #[serde(default)]
    gifts: Vec<SavedGift>,
    #[serde(default)]
    not_gifts: Vec<SavedNotGift>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedDonor {
    id: u32,
    #[serde(default)]
    name: String,
    #[serde(default)]
    first_names: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resides_in_france: Option<bool>,
    #[serde(default)]
    address: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedGift {
    id: u32,
    cents: i64,
    date: String,
    method: String,
    /// The entry it comes from; absent for a gift entered by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entry: Option<String>,
    /// Its place among the parts of a split credit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    donor: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cheque_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    receipt: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedNotGift {
    entry: String,
    reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl SavedRegister {
    fn of(r: &Register) -> SavedRegister {
        SavedRegister {
            next_id: r.next_id,
            donors: r
                .donors
                .iter()
                .map(|d| SavedDonor {
                    id: d.id.0,
                    name: d.name.clone(),
                    first_names: d.first_names.clone(),
                    nationality: d.nationality.clone(),
                    resides_in_france: d.resides_in_france,
                    address: d.address.clone(),
                })
                .collect(),
            gifts: r
                .gifts
                .iter()
                .map(|g| SavedGift {
                    id: g.id.0,
                    cents: g.amount.get(),
                    date: g.date.to_string(),
                    method: g.method.as_str().to_owned(),
                    entry: g.source.entry().map(|e| e.as_str().to_owned()),
                    part: match g.source {
                        Source::Part { index, .. } => Some(index),
                        _ => None,
                    },
                    donor: g.donor.map(|d| d.0),
                    payer: g.payer.clone(),
                    cheque_number: g.cheque_number.clone(),
                    reference: g.reference.map(|r| r.to_string()),
                    receipt: g.receipt.clone(),
                })
                .collect(),
            not_gifts: r
                .not_gifts
                .iter()
                .map(|(e, why)| SavedNotGift {
                    entry: e.as_str().to_owned(),
                    reason: why.as_str().to_owned(),
                    detail: match why {
                        NotGift::Other(d) => Some(d.clone()),
                        _ => None,
                    },
                })
                .collect(),
        }
    }

    /// The register, or what could not be read (a date, a method, a reason...).
    fn register(self) -> Result<Register, String> {
        let donors = self
            .donors
            .into_iter()
            .map(|d| Donor {
                id: DonorId(d.id),
                name: d.name,
                first_names: d.first_names,
                nationality: d.nationality,
                resides_in_france: d.resides_in_france,
                address: d.address,
            })
            .collect::<Vec<_>>();
        let mut gifts = Vec::with_capacity(self.gifts.len());
        for g in self.gifts {
            let date = Date::parse_iso(&g.date).ok_or_else(|| g.date.clone())?;
            let method = crate::payment::Method::parse(&g.method).ok_or_else(|| g.method.clone())?;
            let reference = match &g.reference {
                Some(r) => Some(crate::payment::reference::Reference::parse(r).map_err(|_| r.clone())?),
                None => None,
            };
            let source = match (g.entry, g.part) {
                (Some(e), Some(index)) => Source::Part { entry: EntryId::from_kept(e), index },
                (Some(e), None) => Source::Entry(EntryId::from_kept(e)),
                (None, _) => Source::Hand,
            };
            if g.donor.is_some_and(|d| !donors.iter().any(|x| x.id.0 == d)) {
                return Err(format!("donor {}", g.donor.unwrap_or_default()));
            }
            gifts.push(Gift {
                id: GiftId(g.id),
                amount: Cents::new(g.cents),
                date,
                method,
                source,
                donor: g.donor.map(DonorId),
                payer: g.payer,
                cheque_number: g.cheque_number,
                reference,
                receipt: g.receipt,
            });
        }
        let mut not_gifts = Vec::with_capacity(self.not_gifts.len());
        for n in self.not_gifts {
            let why = match (n.reason.as_str(), n.detail) {
                ("personal-contribution", _) => NotGift::PersonalContribution,
                ("party-payment", _) => NotGift::PartyPayment,
                ("refund", _) => NotGift::Refund,
                ("other", detail) => NotGift::Other(detail.unwrap_or_default()),
                (other, _) => return Err(other.to_owned()),
            };
            not_gifts.push((EntryId::from_kept(n.entry), why));
        }
        let highest = donors.iter().map(|d| d.id.0).chain(gifts.iter().map(|g| g.id.0)).max().unwrap_or(0);
        Ok(Register { donors, gifts, not_gifts, next_id: self.next_id.max(highest) })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedEntry {
    id: String,
    date: String,
    cents: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    counterparty: Option<String>,
    #[serde(default)]
    remittance: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bank_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cheque_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    batch: Option<SavedBatch>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedBatch {
    cents: i64,
    label: String,
    index: u32,
    count: u32,
}

impl SavedEntry {
    fn of(e: &Entry) -> SavedEntry {
        SavedEntry {
            id: e.id.as_str().to_owned(),
            date: e.booking_date.to_string(),
            cents: e.amount.get(),
            counterparty: e.counterparty.clone(),
            remittance: e.remittance.clone(),
            bank_reference: e.bank_reference.clone(),
            cheque_number: e.cheque_number.clone(),
            batch: e.batch.as_ref().map(|b| SavedBatch { cents: b.amount.get(), label: b.label.clone(), index: b.index, count: b.count }),
        }
    }

    fn entry(self) -> Option<Entry> {
        Some(Entry {
            id: EntryId::from_kept(self.id),
            booking_date: Date::parse_iso(&self.date)?,
            amount: Cents::new(self.cents),
            currency: statement::EURO.to_owned(),
            counterparty: self.counterparty,
            remittance: self.remittance,
            bank_reference: self.bank_reference,
            cheque_number: self.cheque_number,
            batch: self.batch.map(|b| Batch { amount: Cents::new(b.cents), label: b.label, index: b.index, count: b.count }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";

    fn corpus(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/statements/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn a_statement_imported_twice_adds_its_entries_once_and_the_register_round_trips() {
        let mut s = Session::default();
        let camt = corpus("camt053-001.08-remise-cheques.xml");
        let Import::Done { added, known, .. } = s.import(&camt, IBAN, None).unwrap() else { panic!("a CAMT file needs no columns") };
        assert!(added >= 4 && known == 0, "{added} {known}");
        assert_eq!(s.import(&camt, IBAN, None).unwrap(), Import::Done { added: 0, known: added, note: None });
        assert_eq!(s.credits().filter(|e| e.batch.is_some()).count(), 4);
        let back = Session::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn a_csv_export_asks_for_its_columns_then_keeps_them() {
        let mut s = Session::default();
        let csv = corpus("csv-signe-cp1252.csv");
        let Import::Columns(p) = s.import(&csv, IBAN, None).unwrap() else { panic!("a CSV file needs its columns confirmed") };
        let Import::Done { added, note, .. } = s.import(&csv, IBAN, Some(&p.mapping)).unwrap() else { panic!("columns given") };
        assert!(added > 0 && note.is_some(), "an account number only: the note says so");
        assert_eq!(s.mapping.as_ref(), Some(&p.mapping));
        assert_eq!(Session::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn another_accounts_statement_is_refused_and_adds_nothing() {
        let mut s = Session::default();
        let e = s.import(&corpus("broken-ofx1-other-account.ofx"), IBAN, None).unwrap_err();
        assert_eq!(e.kind, statement::ErrorKind::OtherAccount);
        assert!(s.entries.is_empty());
    }

    #[test]
    fn gifts_donors_and_reasons_round_trip_and_a_first_format_file_still_opens() {
        use crate::register::model::{tests::{entry, person}, NewGift, Part};
        let mut s = Session::default();
        let d = s.register.add_donor(person("Martin", "Jeanne"));
        s.register.attribute(&entry("a", 5_000, "MARTIN", "DON-7K3Q9M", "2029-01-05"), Some(d)).unwrap();
        let parts = [Part { payer: "X".into(), cheque_number: Some("7".into()), amount: Cents::new(1_000) }, Part { payer: "Y".into(), cheque_number: None, amount: Cents::new(2_000) }];
        let ids = s.register.split(&entry("b", 3_000, "", "REMISE", "2029-01-06"), &parts).unwrap();
        s.register.set_receipt(ids[0], Some(" 0001 ".into())).unwrap();
        s.register.not_a_gift(&entry("c", 9_000, "", "", "2029-01-07"), NotGift::Other("erreur de la banque".into())).unwrap();
        s.register
            .add_by_hand(NewGift { amount: Cents::new(2_500), date: Date::parse_iso("2029-01-08").unwrap(), method: crate::payment::Method::Cash, payer: None, cheque_number: None, donor: Some(d) })
            .unwrap();
        let json = s.to_json();
        assert!(String::from_utf8_lossy(&json).contains("circo-don-register/1"));
        assert_eq!(Session::from_json(&json).unwrap(), s);
        let old = br#"{"format":"circo-don-register/0","entries":[{"id":"x","date":"2024-02-03","cents":1}]}"#;
        let back = Session::from_json(old).unwrap();
        assert_eq!((back.entries.len(), back.register), (1, Register::default()));
    }

    #[test]
    fn unreadable_content_is_refused_with_a_message() {
        for bad in [&b"{}"[..], b"not json", br#"{"format":"circo-don-register/9","entries":[]}"#, br#"{"format":"circo-don-register/0","entries":[{"id":"x","date":"2024-02-30","cents":1}]}"#, br#"{"format":"circo-don-register/1","entries":[],"register":{"next_id":1,"gifts":[{"id":1,"cents":5,"date":"2029-01-01","method":"bitcoin"}]}}"#] {
            let e = Session::from_json(bad).unwrap_err();
            assert!(e.fr.contains("illisible") && e.en.contains("cannot be read"), "{e:?}");
        }
    }
}

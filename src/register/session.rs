//! What the register page holds between two files: the campaign account's entries,
//! merged from every statement imported, and the CSV column mapping last confirmed.
//! Saved as JSON inside the encrypted file ([`super::file`]). A first form of the
//! register, before its model of gifts and donors (`src/register/model.rs`).

use serde::{Deserialize, Serialize};

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
        if saved.format != FORMAT {
            return Err(unreadable(&saved.format));
        }
        let entries = saved.entries.into_iter().map(SavedEntry::entry).collect::<Option<Vec<_>>>().ok_or_else(|| unreadable("date"))?;
        Ok(Session { entries, mapping: saved.columns })
    }
}

/// The JSON's `format`.
const FORMAT: &str = "circo-don-register/0";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    columns: Option<ColumnMapping>,
    entries: Vec<SavedEntry>,
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
    fn unreadable_content_is_refused_with_a_message() {
        for bad in [&b"{}"[..], b"not json", br#"{"format":"circo-don-register/9","entries":[]}"#, br#"{"format":"circo-don-register/0","entries":[{"id":"x","date":"2024-02-30","cents":1}]}"#] {
            let e = Session::from_json(bad).unwrap_err();
            assert!(e.fr.contains("illisible") && e.en.contains("cannot be read"), "{e:?}");
        }
    }
}

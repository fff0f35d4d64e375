//! Bank statements in: the formats French banks give their customers, read into one
//! [`Statement`] type.
//!
//! - [`camt`]: ISO 20022 camt.053 (versions 001.02 to 001.08), several statements per
//!   file, an entry with several transaction details read as one entry per detail;
//! - [`ofx`]: OFX 1.x (SGML, unclosed tags, Windows-1252 or UTF-8 as its header says)
//!   and 2.x (XML), several statements per file;
//! - [`csv`]: CSV exports (`;` or `,`, decimal comma, dd/mm/yyyy, a signed amount
//!   column or debit and credit columns, header lines above the table, UTF-8 or
//!   Windows-1252), read with a [`ColumnMapping`] that [`csv::propose`] guesses from
//!   the header row and the mandataire confirms.
//!
//! Every refusal is a [`StatementError`]: a kind, a place (an element's path or a line
//! and column) and the value involved, with its message in French and English. A
//! statement in another currency than the euro is refused while reading; one of
//! another account than the campaign's by [`check_account`]. Entries keep an
//! [`EntryId`] that makes re-importing harmless: see [`identity`] and [`merge`].
//!
//! ```
//! use circo_don::register::statement::{self, Format};
//!
//! let ofx = b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n\
//!     <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR\
//!     <BANKACCTFROM><BANKID>30006<BRANCHID>00001<ACCTID>12345678901<ACCTTYPE>CHECKING</BANKACCTFROM>\
//!     <BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240305<TRNAMT>50,00<FITID>A1\
//!     <NAME>VIR M DUPONT<MEMO>DON-7K3Q9M</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
//! assert_eq!(statement::detect(ofx), Some(Format::Ofx));
//! let statements = statement::read(ofx, Format::Ofx, None).unwrap();
//! let entry = &statements[0].entries[0];
//! assert_eq!((entry.amount.get(), entry.remittance.as_str()), (5_000, "DON-7K3Q9M"));
//! assert!(statement::check_account(&statements[0], "FR76 3000 6000 0112 3456 7890 189").is_ok());
//! ```

pub mod camt;
pub mod csv;
mod error;
pub mod identity;
pub mod ofx;
pub mod text;

pub use self::csv::{AmountColumns, ColumnMapping, Proposal};
pub use error::{Column, ErrorKind, Place, StatementError};
pub use identity::{fresh, merge, EntryId};

use crate::date::Date;
use crate::i18n::Text;
use crate::money::Cents;
use crate::payment::iban::electronic_iban;

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Camt053,
    Ofx,
    Csv,
}

impl Format {
    /// The name the command line's `--format` takes: `camt`, `ofx`, `csv`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Camt053 => "camt",
            Format::Ofx => "ofx",
            Format::Csv => "csv",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        [Format::Camt053, Format::Ofx, Format::Csv].into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// The account a statement is of, as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Account {
    /// Its IBAN, electronic form, checked (ISO 13616): given by the file, or built from
    /// a French RIB (OFX's bank, branch, account number and key).
    Iban(String),
    /// An account number that is not an IBAN and could not be made one (CAMT's
    /// `Othr/Id`, OFX's `ACCTID` without a French bank and branch code, a CSV header's
    /// « Numéro de compte »): kept as written, letters and digits only.
    Number { number: String },
    /// The file does not say (a CSV export without an account line).
    Unstated,
}

/// One statement: an account's entries over a period, in the euro (others are refused).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub format: Format,
    pub account: Account,
    /// Where the file names the account (for [`check_account`]'s refusal).
    pub account_place: Place,
    /// ISO 4217: always `EUR` once read.
    pub currency: String,
    /// The bank's identifier of the statement, when it gives one (CAMT's `Stmt/Id`).
    pub id: Option<String>,
    /// The entries in the file's order, each with its [`EntryId`].
    pub entries: Vec<Entry>,
}

/// One bank line, or one transaction of a bank line that holds several (a batch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: EntryId,
    pub booking_date: Date,
    /// Signed: positive for a credit, negative for a debit.
    pub amount: Cents,
    /// ISO 4217: always `EUR` once read.
    pub currency: String,
    /// The other party's name: the payer of a credit (CAMT's debtor), the payee of a
    /// debit (its creditor); OFX's `NAME`; a CSV's counterparty column.
    pub counterparty: Option<String>,
    /// The remittance text: what the payer wrote (CAMT's `RmtInf/Ustrd`, joined; else
    /// the bank's words for the transaction or the entry), OFX's `MEMO`, a CSV's label
    /// columns, spaces collapsed; empty when the file has none.
    pub remittance: String,
    /// The bank's reference for the entry: CAMT's `AcctSvcrRef` (the transaction's, else
    /// the entry's), else `NtryRef`; OFX's `FITID`; a CSV reference column.
    pub bank_reference: Option<String>,
    /// A cheque's number, when the bank gives it (CAMT's `Refs/ChqNb`, OFX's
    /// `CHECKNUM`).
    pub cheque_number: Option<String>,
    /// When this entry is one transaction of a bank line that holds several (a deposit
    /// of cheques, a provider's batch payment): that line.
    pub batch: Option<Batch>,
}

/// The bank line a transaction was read from, when it holds several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// The line's whole amount, signed: the sum of its transactions.
    pub amount: Cents,
    /// The line's own text (CAMT's `AddtlNtryInf`: « REMISE CHEQUES ... »), or empty.
    pub label: String,
    /// This transaction's rank in the line (0 for the first), and how many it holds.
    pub index: u32,
    pub count: u32,
}

/// The format of a statement file, from its content: an ISO 20022 camt namespace is
/// CAMT (the reader then checks it is camt.053), an OFX header or `<OFX>` root is OFX,
/// other text with `;`, `,` or tabs is CSV. `None` for an empty or binary file.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let (text, _) = text::decode_guessing(&bytes[..bytes.len().min(4096)]);
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.is_empty() || text.contains('\0') {
        return None;
    }
    if head.contains("urn:iso:std:iso:20022:tech:xsd:camt.") {
        return Some(Format::Camt053);
    }
    let upper = head.get(..head.len().min(1024)).unwrap_or(head).to_ascii_uppercase();
    if upper.starts_with("OFXHEADER") || upper.contains("<?OFX") || upper.contains("<OFX>") {
        return Some(Format::Ofx);
    }
    if head.starts_with('<') {
        // XML of another kind: the CAMT reader says what it is.
        return Some(Format::Camt053);
    }
    if head.lines().take(40).any(|l| l.contains([';', ',', '\t'])) {
        return Some(Format::Csv);
    }
    None
}

/// The statements of a file in `format`. CSV needs its columns: `columns`, or when
/// `None` those [`csv::propose`] finds in the header row.
pub fn read(bytes: &[u8], format: Format, columns: Option<&ColumnMapping>) -> Result<Vec<Statement>, StatementError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StatementError::new(ErrorKind::Empty, Place::File, ""));
    }
    match format {
        Format::Camt053 => camt::read(bytes),
        Format::Ofx => ofx::read(bytes),
        Format::Csv => {
            let proposed;
            let mapping = match columns {
                Some(m) => m,
                None => {
                    proposed = csv::propose(bytes)?;
                    &proposed.mapping
                }
            };
            Ok(vec![csv::read(bytes, mapping)?])
        }
    }
}

/// [`detect`], then [`read`] (CSV with the proposed columns).
pub fn read_detected(bytes: &[u8]) -> Result<Vec<Statement>, StatementError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StatementError::new(ErrorKind::Empty, Place::File, ""));
    }
    let format = detect(bytes).ok_or_else(|| StatementError::new(ErrorKind::UnknownFormat, Place::File, ""))?;
    read(bytes, format, None)
}

/// How surely a statement is of the expected account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountMatch {
    /// Its IBAN is the expected one.
    Iban,
    /// It gives only an account number, and that number is the expected IBAN's.
    Number,
    /// It does not name its account: the person importing it must know.
    Unstated,
}

impl AccountMatch {
    /// What the person importing should be told, when the match is not by IBAN.
    pub fn note(self) -> Option<Text> {
        match self {
            AccountMatch::Iban => None,
            AccountMatch::Number => Some(Text::new(
                "Ce relevé ne donne que le numéro du compte, sans IBAN : il est celui du compte de campagne.",
                "This statement gives only the account's number, not its IBAN: it is the campaign account's.",
            )),
            AccountMatch::Unstated => Some(Text::new(
                "Ce fichier ne dit pas de quel compte il est : vérifiez qu’il s’agit bien du compte de campagne.",
                "This file does not say which account it is of: check that it is the campaign account's.",
            )),
        }
    }
}

/// Whether `statement` is of the account whose IBAN is `expected_iban` (any form):
/// refused ([`ErrorKind::OtherAccount`], at the account's place) when it names another.
/// A bare account number matches when it is the IBAN's account number (a French or
/// Monaco IBAN's 11 characters after the bank and branch codes) or the whole BBAN.
pub fn check_account(statement: &Statement, expected_iban: &str) -> Result<AccountMatch, StatementError> {
    let expected = electronic_iban(expected_iban);
    let refuse = |shown: &str| Err(StatementError::new(ErrorKind::OtherAccount, statement.account_place.clone(), shown));
    match &statement.account {
        Account::Iban(iban) if *iban == expected => Ok(AccountMatch::Iban),
        Account::Iban(iban) => refuse(&crate::payment::iban::group_iban(iban)),
        Account::Number { number } => {
            let bban = expected.get(4..).unwrap_or("");
            let french = (expected.starts_with("FR") || expected.starts_with("MC")) && bban.len() == 23;
            let number = number.as_str();
            let matches = number == bban || number == expected || french && (number == &bban[10..21] || number == &bban[..21]);
            if matches {
                Ok(AccountMatch::Number)
            } else {
                refuse(number)
            }
        }
        Account::Unstated => Ok(AccountMatch::Unstated),
    }
}

/// A statement of `account` with `entries`, their ids written (the readers' last step).
pub(crate) fn statement(format: Format, account: Account, account_place: Place, id: Option<String>, mut entries: Vec<Entry>) -> Statement {
    identity::assign_ids(&account, &mut entries);
    Statement { format, account, account_place, currency: EURO.to_owned(), id, entries }
}

/// The only currency the register keeps.
pub const EURO: &str = "EUR";

/// An entry before its id is written.
pub(crate) fn entry(booking_date: Date, amount: Cents) -> Entry {
    Entry {
        id: EntryId::from_kept(String::new()),
        booking_date,
        amount,
        currency: EURO.to_owned(),
        counterparty: None,
        remittance: String::new(),
        bank_reference: None,
        cheque_number: None,
        batch: None,
    }
}

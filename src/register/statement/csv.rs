//! CSV exports, as French banks' web sites give them: a few lines about the account
//! and the period, then a table whose header row names the columns.
//!
//! Separated by `;` (most French banks), `,` or tabs; amounts with a decimal comma and
//! spaces between thousands (`1 234,56`, also with no-break or narrow no-break spaces),
//! in one signed column or in a debit and a credit column; dates `dd/mm/yyyy` (or
//! `dd/mm/yy`, `dd-mm-yyyy`, ISO); UTF-8 with or without a byte-order mark, or
//! Windows-1252 (any byte that is not UTF-8 means Windows-1252).
//!
//! Which column is which is a [`ColumnMapping`]: [`propose`] finds the header row and
//! guesses the mapping from its names, the mandataire confirms or corrects it, and the
//! register keeps it for the next import. Columns are named by their header (compared
//! without case, accents or punctuation), not by position, so that the mapping still
//! holds when a bank adds a header line above the table or moves a column.
//!
//! The account: the first valid IBAN in the lines above the table, else an account
//! number written after « compte » (or « account ») there, else unstated. Rows whose
//! date and amount cells are all empty are skipped; any other row must read whole.

use ::csv::{ReaderBuilder, StringRecord};
use serde::{Deserialize, Serialize};

use super::text::{collapse, decode_guessing, line_of, parse_amount, parse_date, Encoding};
use super::{entry, statement, Account, Column, Entry, ErrorKind, Format, Place, Statement, StatementError, EURO};
use crate::config::normalize;
use crate::money::Cents;
use crate::payment::iban::check_iban;

/// Which columns of a CSV export hold what: a plain value the register file keeps
/// (serialised as JSON: see `schema/README.md`, "The register's CSV column mapping").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// The field separator: `;`, `,` or a tab.
    pub delimiter: char,
    /// The booking date's column.
    pub date: String,
    /// The amount's column or columns.
    pub amount: AmountColumns,
    /// The label columns, joined in this order into the remittance text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remittance: Vec<String>,
    /// The other party's name, when the export has its own column for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
    /// The bank's reference of the operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// A currency column, whose cells must then say the euro.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The amount of a row: one signed column, or a debit and a credit column (a row has
/// an amount in one of them; a debit is counted negative whatever its sign).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AmountColumns {
    Signed { signed: String },
    DebitCredit { debit: String, credit: String },
}

/// What [`propose`] found: the mapping to confirm, and what it was found from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub mapping: ColumnMapping,
    /// The header row's line (1 for the file's first).
    pub header_line: u64,
    /// The header row's names, for the page that lets the mandataire choose.
    pub headers: Vec<String>,
    pub encoding: Encoding,
}

pub(crate) const DELIMITERS: [char; 3] = [';', ',', '\t'];

/// How many rows are searched for the header.
pub(crate) const HEADER_SEARCH: usize = 40;

/// The header row and a guessed mapping: the first row (within the first 40) whose
/// names give a date column and an amount column (or a debit and a credit column),
/// trying `;`, then `,`, then tabs, the earliest row winning.
pub fn propose(bytes: &[u8]) -> Result<Proposal, StatementError> {
    let (text, encoding) = decode_guessing(bytes);
    let mut best: Option<Proposal> = None;
    for delimiter in DELIMITERS {
        for (line, record) in records(&text, delimiter).take(HEADER_SEARCH).filter_map(Result::ok) {
            if best.as_ref().is_some_and(|b| b.header_line <= line) {
                break;
            }
            let headers: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
            if let Some(mapping) = guess(&headers, delimiter) {
                best = Some(Proposal { mapping, header_line: line, headers, encoding });
                break;
            }
        }
    }
    best.ok_or_else(|| StatementError::new(ErrorKind::NoTableHeader, Place::File, ""))
}

/// The header names that mean each column, folded (see [`normalize`]): a name that is
/// one of these, or starts with one followed by a space.
const DATE: &[&str] = &["date", "dateop", "booking date", "transaction date", "date operation", "jour"];
const NOT_DATE: &[&str] = &["valeur", "value", "dateval"];
const SIGNED: &[&str] = &["montant", "amount", "somme"];
const DEBIT: &[&str] = &["debit", "debits", "debit euros", "sorties", "withdrawal", "paid out"];
const CREDIT: &[&str] = &["credit", "credits", "credit euros", "entrees", "deposit", "paid in"];
const LABEL: &[&str] = &[
    "libelle", "libelles", "label", "description", "motif", "detail", "details", "informations complementaires",
    "memo", "intitule", "nature", "operation", "communication",
];
const PARTY: &[&str] = &["tiers", "beneficiaire", "emetteur", "contrepartie", "donneur d ordre", "payee", "payer", "counterparty", "nom"];
const REFERENCE: &[&str] = &["reference", "ref", "numero d operation", "n d operation", "n operation", "transaction id", "id"];
const CURRENCY: &[&str] = &["devise", "currency", "monnaie"];

fn means(folded: &str, names: &[&str]) -> bool {
    names.iter().any(|n| folded == *n || folded.strip_prefix(n).is_some_and(|rest| rest.starts_with(' ')))
}

/// The mapping the names of a header row suggest, if they give a date and an amount.
fn guess(headers: &[String], delimiter: char) -> Option<ColumnMapping> {
    let folded: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let first = |names: &[&str]| folded.iter().position(|f| means(f, names));
    let date = folded.iter().position(|f| means(f, DATE) && !NOT_DATE.iter().any(|n| f.split(' ').any(|w| w == *n)))?;
    let amount = match (first(SIGNED), first(DEBIT), first(CREDIT)) {
        (Some(s), _, _) => AmountColumns::Signed { signed: headers[s].clone() },
        (None, Some(d), Some(c)) => AmountColumns::DebitCredit { debit: headers[d].clone(), credit: headers[c].clone() },
        _ => return None,
    };
    let taken = |i: usize| i == date || first(SIGNED) == Some(i) || first(DEBIT) == Some(i) || first(CREDIT) == Some(i);
    let remittance = (0..headers.len()).filter(|&i| !taken(i) && means(&folded[i], LABEL)).map(|i| headers[i].clone()).collect();
    let optional = |names: &[&str]| first(names).filter(|&i| !taken(i)).map(|i| headers[i].clone());
    Some(ColumnMapping {
        delimiter,
        date: headers[date].clone(),
        amount,
        remittance,
        counterparty: optional(PARTY),
        reference: optional(REFERENCE),
        currency: optional(CURRENCY),
    })
}

/// The records of `text` with their lines; fields may differ in number from row to row
/// (the lines above the table). Also read by the provider exports' reader
/// ([`crate::register::provider`]).
pub(crate) fn records(text: &str, delimiter: char) -> impl Iterator<Item = Result<(u64, StringRecord), StatementError>> + '_ {
    let mut reader = ReaderBuilder::new()
        .delimiter(u8::try_from(delimiter).unwrap_or(b';'))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut record = StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => Some(Ok((line_at(text, record.position().map_or(0, |p| p.byte())), record))),
            Ok(false) => None,
            Err(e) => {
                done = true;
                let line = line_at(text, e.position().map_or(0, |p| p.byte()));
                Some(Err(StatementError::new(ErrorKind::MalformedCsv, Place::Line { line, column: None }, e.to_string())))
            }
        }
    })
}

/// The line of the record the csv crate places at `byte`. Its positions (line and
/// byte) are where it started reading, before the blank lines and the previous line's
/// `\n` of a CRLF it then skipped: the line is counted from the first byte after them.
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut at = usize::try_from(byte).unwrap_or(bytes.len()).min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    line_of(bytes, at)
}

/// The mapped columns' positions in the header row.
struct Columns {
    date: usize,
    signed: Option<usize>,
    debit_credit: Option<(usize, usize)>,
    remittance: Vec<usize>,
    counterparty: Option<usize>,
    reference: Option<usize>,
    currency: Option<usize>,
    names: Vec<String>,
}

impl Columns {
    fn place(&self, line: u64, index: usize) -> Place {
        Place::Line { line, column: Some(Column { index: index + 1, name: self.names[index].clone() }) }
    }
}

/// Where each mapped column is in `header`, or the first mapped name it lacks.
fn locate(mapping: &ColumnMapping, header: &[String]) -> Result<Columns, String> {
    let folded: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let find = |name: &str| {
        let wanted = normalize(name);
        folded.iter().position(|f| *f == wanted).ok_or_else(|| name.to_owned())
    };
    let optional = |name: &Option<String>| name.as_deref().map(find).transpose();
    let (signed, debit_credit) = match &mapping.amount {
        AmountColumns::Signed { signed } => (Some(find(signed)?), None),
        AmountColumns::DebitCredit { debit, credit } => (None, Some((find(debit)?, find(credit)?))),
    };
    Ok(Columns {
        date: find(&mapping.date)?,
        signed,
        debit_credit,
        remittance: mapping.remittance.iter().map(|r| find(r)).collect::<Result<_, _>>()?,
        counterparty: optional(&mapping.counterparty)?,
        reference: optional(&mapping.reference)?,
        currency: optional(&mapping.currency)?,
        names: header.to_vec(),
    })
}

/// The statement of a CSV export read with `mapping`.
pub fn read(bytes: &[u8], mapping: &ColumnMapping) -> Result<Statement, StatementError> {
    let (text, _) = decode_guessing(bytes);
    let mut above: Vec<(u64, StringRecord)> = Vec::new();
    let mut columns: Option<Columns> = None;
    // The first row that has the date column's name but not every mapped column: the
    // refusal names what it lacks.
    let mut near_miss: Option<(u64, String)> = None;
    let mut entries: Vec<Entry> = Vec::new();
    for item in records(&text, mapping.delimiter) {
        let (line, record) = item?;
        let Some(cols) = &columns else {
            let header: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
            match locate(mapping, &header) {
                Ok(found) => columns = Some(found),
                Err(lacking) => {
                    let has_date = header.iter().any(|h| normalize(h) == normalize(&mapping.date));
                    if has_date && near_miss.is_none() {
                        near_miss = Some((line, lacking));
                    }
                    above.push((line, record));
                }
            }
            continue;
        };
        if let Some(e) = read_row(cols, line, &record)? {
            entries.push(e);
        }
    }
    if columns.is_none() {
        let (place, name) = match near_miss {
            Some((line, name)) => (Place::Line { line, column: None }, name),
            None => (Place::File, mapping.date.clone()),
        };
        return Err(StatementError::new(ErrorKind::MissingColumn, place, name));
    }
    let (account, account_place) = account_above(&above);
    Ok(statement(Format::Csv, account, account_place, None, entries))
}

/// One row of the table as an entry, or `None` for a blank row.
fn read_row(cols: &Columns, line: u64, record: &StringRecord) -> Result<Option<Entry>, StatementError> {
    let cell = |i: usize| record.get(i).unwrap_or("").trim();
    let amount_cells: Vec<usize> = match (cols.signed, cols.debit_credit) {
        (Some(s), _) => vec![s],
        (None, Some((d, c))) => vec![d, c],
        (None, None) => Vec::new(),
    };
    if cell(cols.date).is_empty() && amount_cells.iter().all(|&i| cell(i).is_empty()) {
        return Ok(None);
    }
    let date = parse_date(cell(cols.date))
        .ok_or_else(|| StatementError::new(ErrorKind::BadDate, cols.place(line, cols.date), cell(cols.date)))?;
    let read_amount = |i: usize| -> Result<Option<Cents>, StatementError> {
        let written = cell(i);
        if written.is_empty() {
            return Ok(None);
        }
        parse_amount(written).map(Some).ok_or_else(|| StatementError::new(ErrorKind::BadAmount, cols.place(line, i), written))
    };
    let amount = match (cols.signed, cols.debit_credit) {
        (Some(s), _) => read_amount(s)?.ok_or_else(|| StatementError::new(ErrorKind::BadAmount, cols.place(line, s), ""))?,
        (None, Some((d, c))) => {
            let nonzero = |a: Option<Cents>| a.filter(|a| *a != Cents::ZERO);
            match (nonzero(read_amount(d)?), nonzero(read_amount(c)?)) {
                (Some(debit), None) => Cents::ZERO - Cents::new(debit.get().abs()),
                (None, Some(credit)) => Cents::new(credit.get().abs()),
                (debit, _) => {
                    let shown = format!("{} / {}", cell(d), cell(c));
                    let at = if debit.is_some() { c } else { d };
                    return Err(StatementError::new(ErrorKind::DebitAndCredit, cols.place(line, at), shown));
                }
            }
        }
        (None, None) => Cents::ZERO,
    };
    if let Some(i) = cols.currency {
        let code = cell(i);
        if !(code.is_empty() || code.eq_ignore_ascii_case(EURO) || code == "€" || code.eq_ignore_ascii_case("euro") || code.eq_ignore_ascii_case("euros")) {
            return Err(StatementError::new(ErrorKind::Currency, cols.place(line, i), code));
        }
    }
    let mut e = entry(date, amount);
    let texts: Vec<String> = cols.remittance.iter().map(|&i| collapse(cell(i))).filter(|t| !t.is_empty()).collect();
    e.remittance = texts.join(" ");
    e.counterparty = cols.counterparty.map(|i| collapse(cell(i))).filter(|t| !t.is_empty());
    e.bank_reference = cols.reference.map(|i| cell(i).to_owned()).filter(|t| !t.is_empty());
    Ok(Some(e))
}

/// The first valid IBAN in `text` (spaces inside allowed).
fn find_iban(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let shaped = chars.len() >= start + 4
            && chars[start].is_ascii_uppercase()
            && chars[start + 1].is_ascii_uppercase()
            && chars[start + 2].is_ascii_digit()
            && chars[start + 3].is_ascii_digit()
            && (start == 0 || !chars[start - 1].is_ascii_alphanumeric());
        if !shaped {
            continue;
        }
        let compact: String = chars[start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == ' ').filter(|c| **c != ' ').take(34).collect();
        for len in (15..=compact.len()).rev() {
            if check_iban(&compact[..len]).is_ok() {
                return Some(compact[..len].to_owned());
            }
        }
    }
    None
}

/// The account the lines above the table name (see the module's documentation).
fn account_above(above: &[(u64, StringRecord)]) -> (Account, Place) {
    for (line, record) in above {
        if let Some(iban) = record.iter().find_map(find_iban) {
            return (Account::Iban(iban), Place::Line { line: *line, column: None });
        }
    }
    for (line, record) in above {
        let fields: Vec<&str> = record.iter().collect();
        for (i, field) in fields.iter().enumerate() {
            let folded = normalize(field);
            if !folded.split(' ').any(|w| w == "compte" || w == "account") {
                continue;
            }
            let after_colon = field.split_once(':').map(|(_, v)| v);
            let candidates = after_colon.into_iter().chain(fields[i + 1..].iter().copied());
            for candidate in candidates {
                let number: String = candidate.chars().filter(char::is_ascii_alphanumeric).collect();
                if number.bytes().filter(u8::is_ascii_digit).count() >= 5 && number.len() <= 34 {
                    return (Account::Number { number }, Place::Line { line: *line, column: None });
                }
            }
        }
    }
    (Account::Unstated, Place::File)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        s.split(';').map(str::to_owned).collect()
    }

    #[test]
    fn headers_of_common_banks_are_understood() {
        let m = guess(&names("Date opération;Date valeur;Libellé;Débit;Crédit"), ';').unwrap();
        assert_eq!(m.date, "Date opération");
        assert_eq!(m.amount, AmountColumns::DebitCredit { debit: "Débit".into(), credit: "Crédit".into() });
        assert_eq!(m.remittance, ["Libellé"]);
        let m = guess(&names("Date;Libellé;Montant(EUROS)"), ';').unwrap();
        assert_eq!(m.amount, AmountColumns::Signed { signed: "Montant(EUROS)".into() });
        let m = guess(&names("Date de valeur;Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;Debit;Credit"), ';').unwrap();
        assert_eq!(m.date, "Date de comptabilisation");
        assert_eq!(m.remittance, ["Libelle simplifie", "Libelle operation"]);
        assert_eq!(m.reference.as_deref(), Some("Reference"));
        let m = guess(&names("Booking date;Value date;Counterparty;Description;Amount;Currency"), ';').unwrap();
        assert_eq!((m.counterparty.as_deref(), m.currency.as_deref()), (Some("Counterparty"), Some("Currency")));
        assert_eq!(guess(&names("Numéro de compte;12345678901"), ';'), None);
        assert_eq!(guess(&names("Date;Libellé;Solde"), ';'), None);
    }

    #[test]
    fn ibans_and_numbers_above_the_table() {
        assert_eq!(find_iban("IBAN : FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP").as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(find_iban("Compte FR76 3000 6000 0112 3456 7890 188"), None);
        let above = vec![(2, StringRecord::from(vec!["Numéro Compte", "0123456X020"]))];
        assert_eq!(account_above(&above).0, Account::Number { number: "0123456X020".into() });
    }

    #[test]
    fn records_know_their_lines_through_blank_lines_and_crlf() {
        for text in ["a;b\nc;d\n\ne;f\n", "a;b\r\nc;d\r\n\r\ne;f\r\n", "a;b\rc;d\r\re;f"] {
            let lines: Vec<u64> = records(text, ';').map(|r| r.unwrap().0).collect();
            assert_eq!(lines, [1, 2, 4], "{text:?}");
        }
    }

    #[test]
    fn the_mapping_serialises_as_a_plain_value() {
        let m = guess(&names("Date;Libellé;Débit;Crédit"), ';').unwrap();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"delimiter":";","date":"Date","amount":{"debit":"Débit","credit":"Crédit"},"remittance":["Libellé"]}"#);
        assert_eq!(serde_json::from_str::<ColumnMapping>(&json).unwrap(), m);
        let signed = r#"{"delimiter":",","date":"Date","amount":{"signed":"Montant"}}"#;
        let m: ColumnMapping = serde_json::from_str(signed).unwrap();
        assert_eq!(m.amount, AmountColumns::Signed { signed: "Montant".into() });
        assert!(serde_json::from_str::<ColumnMapping>(r#"{"delimiter":";","date":"Date","amount":{"signed":"M"},"extra":1}"#).is_err());
    }
}

//! Why a statement is refused: a kind to match on, the place in the file (an element's
//! path or a CSV line and column) and the value involved. The messages, in French and
//! English, are written from these three; nothing parses a message back.

use std::fmt;

use crate::i18n::{fill_both, Text};

/// What is wrong, whatever the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file is empty (or only blank).
    Empty,
    /// Neither CAMT.053, OFX nor a table of text: the format cannot be told.
    UnknownFormat,
    /// Bytes that are not text in the encoding the file states or implies.
    Encoding,
    /// XML that does not parse (truncated, a tag not closed...): the value is the
    /// parser's own words.
    MalformedXml,
    /// XML, but not an ISO 20022 bank-to-customer statement (camt.053): the value is the
    /// root element or the message's namespace.
    NotAStatement,
    /// A camt.053 version this reader does not know (it reads 001.02 to 001.08).
    UnsupportedVersion,
    /// An element (or an OFX tag) the statement must have is missing: the value is its
    /// name.
    MissingElement,
    /// An amount that is not a number of euros with at most two decimals.
    BadAmount,
    /// A date that is not a date (or not in a form banks write).
    BadDate,
    /// A credit/debit indicator that is neither `CRDT` nor `DBIT`.
    BadCreditDebit,
    /// The amounts of an entry's transaction details do not add up to the entry's.
    DetailsDoNotAddUp,
    /// Another currency than the euro: the register keeps a euro account.
    Currency,
    /// OFX whose header or tags do not make a file (unknown header, a tag never
    /// closed, a closing tag never opened).
    MalformedOfx,
    /// A CSV file that cannot be split into rows and fields.
    MalformedCsv,
    /// No row of the CSV file looks like the table's header (a date column and an
    /// amount, or debit and credit, columns).
    NoTableHeader,
    /// A column of the confirmed mapping is not in the file's header: the value is its
    /// name.
    MissingColumn,
    /// A row with an amount in both its debit and its credit column, or in neither.
    DebitAndCredit,
    /// The file holds no statement (OFX without a statement response).
    NoStatement,
    /// The statement is of another account than the campaign's: the value is its
    /// account.
    OtherAccount,
}

/// A column of a CSV file: its position (1 for the first) and its header's name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Column {
    pub index: usize,
    pub name: String,
}

/// Where in the file the problem is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The file as a whole.
    File,
    /// An XML element or an OFX tag: its path from the root, with the rank among
    /// siblings of the same name when there are several
    /// (`Document/BkToCstmrStmt/Stmt[2]/Ntry[3]/Amt`), and its line (1 for the first).
    Element { path: String, line: u32 },
    /// A line of a text file (1 for the first, header lines included), and the column
    /// when one is at fault.
    Line { line: u64, column: Option<Column> },
}

/// A refused statement file: what, where, and the value involved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatementError {
    pub kind: ErrorKind,
    pub place: Place,
    /// The text involved, as the file has it (shortened to 80 characters), or empty.
    pub value: String,
}

/// The longest value a message quotes: a statement's text can be long.
const VALUE_CHARS: usize = 80;

impl StatementError {
    pub fn new(kind: ErrorKind, place: Place, value: impl Into<String>) -> StatementError {
        let value: String = value.into();
        let value = if value.chars().count() > VALUE_CHARS {
            let mut short: String = value.chars().take(VALUE_CHARS - 1).collect();
            short.push('…');
            short
        } else {
            value
        };
        StatementError { kind, place, value }
    }

    /// Where, as a person reads it: « élément Document/…/Amt, ligne 12 », « ligne 7,
    /// colonne 3 (Montant) ».
    pub fn place_text(&self) -> Text {
        match &self.place {
            Place::File => Text::new("le fichier", "the file"),
            Place::Element { path, line } => {
                fill_both("l’élément {} (ligne {})", "element {} (line {})", &[path, &line.to_string()])
            }
            Place::Line { line, column: None } => fill_both("la ligne {}", "line {}", &[&line.to_string()]),
            Place::Line { line, column: Some(c) } => fill_both(
                "la ligne {}, colonne {} ({})",
                "line {}, column {} ({})",
                &[&line.to_string(), &c.index.to_string(), &c.name],
            ),
        }
    }

    /// The whole message: what is wrong, where, and with which value.
    pub fn message(&self) -> Text {
        let (fr, en) = match self.kind {
            ErrorKind::Empty => ("Le fichier est vide.", "The file is empty."),
            ErrorKind::UnknownFormat => (
                "Ce fichier n’est ni un relevé CAMT.053, ni un fichier OFX, ni un export CSV.",
                "This file is neither a CAMT.053 statement, an OFX file nor a CSV export.",
            ),
            ErrorKind::Encoding => (
                "Octets illisibles à {} : ce n’est pas du texte en {}.",
                "Unreadable bytes at {}: this is not {} text.",
            ),
            ErrorKind::MalformedXml => (
                "Le XML est mal formé à {} : il est peut-être tronqué ({}).",
                "The XML is malformed at {}: it may be truncated ({}).",
            ),
            ErrorKind::NotAStatement => (
                "Ce XML n’est pas un relevé de compte ISO 20022 camt.053 ({} : « {} »).",
                "This XML is not an ISO 20022 camt.053 account statement ({}: “{}”).",
            ),
            ErrorKind::UnsupportedVersion => (
                "Version de camt.053 non lue ici ({} : « {} ») ; sont lues les versions 001.02 à 001.08.",
                "A camt.053 version this tool does not read ({}: “{}”); versions 001.02 to 001.08 are read.",
            ),
            ErrorKind::MissingElement => ("Il manque « {2} » dans {1}.", "“{2}” is missing in {1}."),
            ErrorKind::BadAmount => (
                "Montant illisible à {} : « {} » (attendu : des euros, au plus deux décimales).",
                "Unreadable amount at {}: “{}” (expected: euros, at most two decimals).",
            ),
            ErrorKind::BadDate => ("Date illisible à {} : « {} ».", "Unreadable date at {}: “{}”."),
            ErrorKind::BadCreditDebit => (
                "Sens de l’opération illisible à {} : « {} » (attendu : CRDT ou DBIT).",
                "Unreadable credit/debit indicator at {}: “{}” (expected: CRDT or DBIT).",
            ),
            ErrorKind::DetailsDoNotAddUp => (
                "Les détails de l’opération, à {}, ne font pas son montant ({}).",
                "The entry's details, at {}, do not add up to its amount ({}).",
            ),
            ErrorKind::Currency => (
                "Devise « {2} » à {1} : le registre tient un compte en euros (EUR).",
                "Currency “{2}” at {1}: the register keeps a euro (EUR) account.",
            ),
            ErrorKind::MalformedOfx => (
                "Le fichier OFX est mal formé à {} : {}.",
                "The OFX file is malformed at {}: {}.",
            ),
            ErrorKind::MalformedCsv => (
                "Le fichier CSV est illisible à {} ({}).",
                "The CSV file cannot be read at {} ({}).",
            ),
            ErrorKind::NoTableHeader => (
                "Aucune ligne de ce CSV ne ressemble à l’en-tête du tableau (une colonne de date et une de montant, ou de débit et de crédit) : indiquez les colonnes.",
                "No line of this CSV looks like the table's header (a date column and an amount column, or debit and credit columns): say which columns to read.",
            ),
            ErrorKind::MissingColumn => (
                "La colonne « {2} » n’est pas dans l’en-tête du tableau ({1}).",
                "Column “{2}” is not in the table's header ({1}).",
            ),
            ErrorKind::DebitAndCredit => (
                "À {}, il faut un montant au débit ou au crédit, un seul (« {} »).",
                "At {}, one amount is needed, as a debit or as a credit, not both nor neither (“{}”).",
            ),
            ErrorKind::NoStatement => ("Le fichier ne contient aucun relevé.", "The file holds no statement."),
            ErrorKind::OtherAccount => (
                "Ce relevé est celui d’un autre compte (« {2} », {1}) que le compte de campagne.",
                "This statement is of another account (“{2}”, {1}) than the campaign account.",
            ),
        };
        let place = self.place_text();
        Text::new(positional(fr, &[&place.fr, &self.value]), positional(en, &[&place.en, &self.value]))
    }
}

/// `template` with `{}` replaced in order by `args`, and `{1}`, `{2}`... by that
/// argument: a language may name the value before the place.
fn positional(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut next = 0;
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if after[..end].bytes().all(|b| b.is_ascii_digit()) => {
                let index = if end == 0 {
                    next += 1;
                    next - 1
                } else {
                    after[..end].parse::<usize>().unwrap_or(0).saturating_sub(1)
                };
                out.push_str(args.get(index).copied().unwrap_or(""));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for StatementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for StatementError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positional_markers_fill_in_order_or_by_number() {
        assert_eq!(positional("{} puis {}", &["a", "b"]), "a puis b");
        assert_eq!(positional("{2} à {1}", &["a", "b"]), "b à a");
        assert_eq!(positional("{x} {", &["a"]), "{x} {");
    }

    #[test]
    fn messages_name_the_place_and_the_value_in_both_languages() {
        let e = StatementError::new(
            ErrorKind::BadAmount,
            Place::Line { line: 7, column: Some(Column { index: 3, name: "Montant".into() }) },
            "12,3,4",
        );
        let m = e.message();
        assert_eq!(m.fr, "Montant illisible à la ligne 7, colonne 3 (Montant) : « 12,3,4 » (attendu : des euros, au plus deux décimales).");
        assert_eq!(m.en, "Unreadable amount at line 7, column 3 (Montant): “12,3,4” (expected: euros, at most two decimals).");
        let e = StatementError::new(ErrorKind::Currency, Place::Element { path: "Document/Amt".into(), line: 4 }, "USD");
        assert_eq!(e.message().fr, "Devise « USD » à l’élément Document/Amt (ligne 4) : le registre tient un compte en euros (EUR).");
        let long = StatementError::new(ErrorKind::BadDate, Place::File, "x".repeat(200));
        assert_eq!(long.value.chars().count(), VALUE_CHARS);
    }
}

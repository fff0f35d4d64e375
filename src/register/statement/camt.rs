//! ISO 20022 camt.053, *BankToCustomerStatement*, versions 001.02 to 001.08: the XML
//! statement French banks give under EBICS or for download.
//!
//! What is read, by element (names are those of every version; the differences are
//! noted):
//!
//! - `Document/BkToCstmrStmt/Stmt`, one statement each (a file may hold several);
//!   `Stmt/Id`; the account `Stmt/Acct/Id/IBAN` (else `Othr/Id`), `Acct/Ccy`;
//! - each `Stmt/Ntry`: `Amt` (its `Ccy` must be `EUR`), `CdtDbtInd` (`CRDT` or `DBIT`),
//!   `BookgDt/Dt` or `BookgDt/DtTm` (else `ValDt`), `AcctSvcrRef`, `NtryRef`,
//!   `AddtlNtryInf`;
//! - its `NtryDtls/TxDtls`: with two or more details that each give an amount
//!   (`TxDtls/Amt` from 001.03, else `AmtDtls/TxAmt/Amt` or `AmtDtls/InstdAmt/Amt`),
//!   the entry is a batch (a deposit of cheques, a provider's payment) and each detail
//!   is one [`Entry`], its sign its own `CdtDbtInd` (001.03 and later) or the entry's;
//!   the details must add up to the entry's amount. Otherwise the entry is one
//!   [`Entry`], read with its only detail's information;
//! - per detail: the other party `RltdPties/Dbtr/Nm` for a credit, `RltdPties/Cdtr/Nm`
//!   for a debit (001.08 nests them in a choice: `Dbtr/Pty/Nm`), the remittance
//!   `RmtInf/Ustrd` (all of them, joined) and `RmtInf/Strd/CdtrRefInf/Ref` (else
//!   `AddtlTxInf`, else the entry's `AddtlNtryInf`), `Refs/AcctSvcrRef`, `Refs/ChqNb`.
//!
//! Elements are matched by local name, so a prefixed document reads the same.

use roxmltree::{Document, Node};

use super::text::{as_iban, bom, collapse, decode, line_of, parse_plain_amount, Encoding};
use super::{entry, statement, Account, Batch, Entry, ErrorKind, Format, Place, Statement, StatementError, EURO};
use crate::date::Date;
use crate::money::Cents;

/// The message's namespace, without its version.
const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

/// The versions read: 001.02 to 001.08.
const VERSIONS: std::ops::RangeInclusive<u32> = 2..=8;

/// The statements of a camt.053 file.
pub fn read(bytes: &[u8]) -> Result<Vec<Statement>, StatementError> {
    let text = xml_text(bytes)?;
    let text = text.trim_start_matches('\u{feff}');
    let doc = Document::parse(text).map_err(|e| xml_error(text, &e))?;
    let root = doc.root_element();
    let namespace = root.tag_name().namespace().unwrap_or("");
    if root.tag_name().name() != "Document" || !namespace.starts_with("urn:iso:std:iso:20022:tech:xsd:camt.") {
        let value = if namespace.is_empty() { root.tag_name().name() } else { namespace };
        return Err(StatementError::new(ErrorKind::NotAStatement, place(&doc, root), value));
    }
    let Some(version) = namespace.strip_prefix(NAMESPACE) else {
        return Err(StatementError::new(ErrorKind::NotAStatement, place(&doc, root), namespace));
    };
    let known = version.len() == 2 && version.parse::<u32>().is_ok_and(|v| VERSIONS.contains(&v));
    if !known {
        return Err(StatementError::new(ErrorKind::UnsupportedVersion, place(&doc, root), namespace));
    }
    let message = required(&doc, root, "BkToCstmrStmt")?;
    let statements: Vec<Node> = children(message, "Stmt").collect();
    if statements.is_empty() {
        return Err(missing(&doc, message, "Stmt"));
    }
    statements.into_iter().map(|s| read_statement(&doc, s)).collect()
}

/// A parser's refusal at its line; at the last line when the file ends too soon (the
/// parser gives no position then).
pub(super) fn xml_error(text: &str, e: &roxmltree::Error) -> StatementError {
    let line = match e {
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => line_of(text.as_bytes(), text.len()),
        _ => u64::from(e.pos().row),
    };
    StatementError::new(ErrorKind::MalformedXml, Place::Line { line, column: None }, e.to_string())
}

/// The text of an XML file: UTF-8 unless a byte-order mark or the declaration's
/// `encoding` says otherwise.
pub(super) fn xml_text(bytes: &[u8]) -> Result<String, StatementError> {
    let encoding = match bom(bytes) {
        Some((encoding, _)) => encoding,
        None => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
            let declared = head
                .strip_prefix("<?xml")
                .and_then(|d| d.split("?>").next())
                .and_then(|d| d.split("encoding=").nth(1))
                .and_then(|v| v.trim_start_matches(['"', '\'']).split(['"', '\'']).next());
            match declared {
                None => Encoding::Utf8,
                Some(label) => Encoding::from_label(label)
                    .ok_or_else(|| StatementError::new(ErrorKind::Encoding, Place::Line { line: 1, column: None }, label))?,
            }
        }
    };
    decode(bytes, encoding)
        .map_err(|line| StatementError::new(ErrorKind::Encoding, Place::Line { line, column: None }, encoding.name()))
}

fn read_statement(doc: &Document, stmt: Node) -> Result<Statement, StatementError> {
    let acct = required(doc, stmt, "Acct")?;
    let id_node = required(doc, acct, "Id")?;
    let (account, account_node) = if let Some(iban) = child(id_node, "IBAN") {
        match as_iban(&text(iban)) {
            Some(valid) => (Account::Iban(valid), iban),
            None => (Account::Number { number: text(iban) }, iban),
        }
    } else if let Some(other) = child(id_node, "Othr").and_then(|o| child(o, "Id")) {
        (Account::Number { number: text(other).chars().filter(char::is_ascii_alphanumeric).collect() }, other)
    } else {
        return Err(missing(doc, id_node, "IBAN"));
    };
    if let Some(ccy) = child(acct, "Ccy") {
        euro(doc, ccy, &text(ccy))?;
    }
    let mut entries = Vec::new();
    for ntry in children(stmt, "Ntry") {
        read_entry(doc, ntry, &mut entries)?;
    }
    let id = child(stmt, "Id").map(text);
    Ok(statement(Format::Camt053, account, place(doc, account_node), id, entries))
}

/// The entries one `Ntry` gives: one, or one per transaction detail of a batch.
fn read_entry(doc: &Document, ntry: Node, out: &mut Vec<Entry>) -> Result<(), StatementError> {
    let whole = amount(doc, required(doc, ntry, "Amt")?)?;
    let is_credit = credit(doc, required(doc, ntry, "CdtDbtInd")?)?;
    let signed = if is_credit { whole } else { Cents::ZERO - whole };
    let date = booking_date(doc, ntry)?;
    let label = child(ntry, "AddtlNtryInf").map(text).unwrap_or_default();
    let reference = child(ntry, "AcctSvcrRef").or_else(|| child(ntry, "NtryRef")).map(text).filter(|r| !r.is_empty());
    let details: Vec<Node> = children(ntry, "NtryDtls").flat_map(|d| children(d, "TxDtls")).collect();
    let amounts: Vec<Option<Node>> = details.iter().map(|&d| detail_amount(d)).collect();
    if details.len() >= 2 && amounts.iter().all(Option::is_some) {
        let mut parts = Vec::with_capacity(details.len());
        let mut sum = Cents::ZERO;
        for (&detail, amt) in details.iter().zip(amounts.into_iter().flatten()) {
            let part = amount(doc, amt)?;
            let part_credit = match child(detail, "CdtDbtInd") {
                Some(ind) => credit(doc, ind)?,
                None => is_credit,
            };
            let part = if part_credit { part } else { Cents::ZERO - part };
            sum = sum + part;
            parts.push((detail, part, part_credit));
        }
        if sum != signed {
            let value = format!("{} ≠ {}", sum, signed);
            return Err(StatementError::new(ErrorKind::DetailsDoNotAddUp, place(doc, ntry), value));
        }
        let count = parts.len() as u32;
        for (index, (detail, part, part_credit)) in parts.into_iter().enumerate() {
            let mut e = entry(date, part);
            describe(&mut e, detail, part_credit, "");
            e.bank_reference = detail_reference(detail).or_else(|| reference.clone());
            e.batch = Some(Batch { amount: signed, label: label.clone(), index: index as u32, count });
            out.push(e);
        }
        return Ok(());
    }
    let mut e = entry(date, signed);
    match details.as_slice() {
        [only] => describe(&mut e, *only, is_credit, &label),
        _ => {
            let texts: Vec<String> = details.iter().map(|&d| remittance(d)).filter(|r| !r.is_empty()).collect();
            e.remittance = if texts.is_empty() { collapse(&label) } else { texts.join(" ; ") };
        }
    }
    e.bank_reference = reference.or_else(|| match details.as_slice() {
        [only] => detail_reference(*only),
        _ => None,
    });
    out.push(e);
    Ok(())
}

/// A detail's other party, remittance and cheque number into `e`.
fn describe(e: &mut Entry, detail: Node, credit: bool, fallback: &str) {
    let party = child(detail, "RltdPties").and_then(|p| child(p, if credit { "Dbtr" } else { "Cdtr" }));
    e.counterparty = party
        .and_then(|p| child(p, "Nm").or_else(|| child(p, "Pty").and_then(|q| child(q, "Nm"))))
        .map(text)
        .filter(|n| !n.is_empty());
    let mut remittance = remittance(detail);
    if remittance.is_empty() {
        remittance = child(detail, "AddtlTxInf").map(text).unwrap_or_else(|| collapse(fallback));
    }
    e.remittance = remittance;
    e.cheque_number = child(detail, "Refs").and_then(|r| child(r, "ChqNb")).map(text).filter(|n| !n.is_empty());
}

/// A detail's remittance: every `Ustrd`, then the structured creditor references.
fn remittance(detail: Node) -> String {
    let Some(rmt) = child(detail, "RmtInf") else { return String::new() };
    let mut parts: Vec<String> = children(rmt, "Ustrd").map(text).collect();
    for strd in children(rmt, "Strd") {
        parts.extend(child(strd, "CdtrRefInf").and_then(|c| child(c, "Ref")).map(text));
    }
    collapse(&parts.join(" "))
}

fn detail_reference(detail: Node) -> Option<String> {
    child(detail, "Refs").and_then(|r| child(r, "AcctSvcrRef")).map(text).filter(|r| !r.is_empty())
}

/// A detail's own amount element, if it gives one.
fn detail_amount<'a, 'i>(detail: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    child(detail, "Amt").or_else(|| {
        let details = child(detail, "AmtDtls")?;
        ["TxAmt", "InstdAmt"].iter().find_map(|&n| child(details, n).and_then(|a| child(a, "Amt")))
    })
}

/// An `Amt` element: a positive number of euros (`Ccy="EUR"`), as the schema writes it.
fn amount(doc: &Document, amt: Node) -> Result<Cents, StatementError> {
    let written = text(amt);
    let ccy = amt.attribute("Ccy").unwrap_or("");
    euro(doc, amt, ccy)?;
    let schema_form = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    match parse_plain_amount(&written).filter(|_| schema_form) {
        Some(cents) => Ok(cents),
        None => Err(StatementError::new(ErrorKind::BadAmount, place(doc, amt), written)),
    }
}

fn euro(doc: &Document, node: Node, code: &str) -> Result<(), StatementError> {
    if code.trim() == EURO {
        Ok(())
    } else {
        Err(StatementError::new(ErrorKind::Currency, place(doc, node), code))
    }
}

fn credit(doc: &Document, ind: Node) -> Result<bool, StatementError> {
    match text(ind).as_str() {
        "CRDT" => Ok(true),
        "DBIT" => Ok(false),
        other => Err(StatementError::new(ErrorKind::BadCreditDebit, place(doc, ind), other)),
    }
}

/// `BookgDt/Dt`, or the date of `BookgDt/DtTm` as written; else the value date.
fn booking_date(doc: &Document, ntry: Node) -> Result<Date, StatementError> {
    let Some(holder) = child(ntry, "BookgDt").or_else(|| child(ntry, "ValDt")) else {
        return Err(missing(doc, ntry, "BookgDt"));
    };
    let Some(node) = child(holder, "Dt").or_else(|| child(holder, "DtTm")) else {
        return Err(missing(doc, holder, "Dt"));
    };
    let written = text(node);
    let date = if node.tag_name().name() == "Dt" {
        Date::parse_iso(&written)
    } else {
        written.get(..10).and_then(Date::parse_iso).filter(|_| written.len() == 10 || written[10..].starts_with('T'))
    };
    date.ok_or_else(|| StatementError::new(ErrorKind::BadDate, place(doc, node), written))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn required<'a, 'i>(doc: &Document, node: Node<'a, 'i>, name: &str) -> Result<Node<'a, 'i>, StatementError> {
    child(node, name).ok_or_else(|| missing(doc, node, name))
}

fn missing(doc: &Document, parent: Node, name: &str) -> StatementError {
    StatementError::new(ErrorKind::MissingElement, place(doc, parent), name)
}

/// An element's text, spaces collapsed.
fn text(node: Node) -> String {
    collapse(node.text().unwrap_or(""))
}

/// An element's path from the root, each step with its rank among same-named
/// siblings when it has any (`Stmt[2]`), and its line.
fn place(doc: &Document, node: Node) -> Place {
    let mut steps: Vec<String> = Vec::new();
    for n in node.ancestors().filter(Node::is_element) {
        let name = n.tag_name().name();
        let same = |s: &Node| s.is_element() && s.tag_name().name() == name;
        let step = match n.parent() {
            Some(parent) if parent.children().filter(same).count() > 1 => {
                let rank = n.prev_siblings().filter(same).count();
                format!("{name}[{rank}]")
            }
            _ => name.to_owned(),
        };
        steps.push(step);
    }
    steps.reverse();
    Place::Element { path: steps.join("/"), line: doc.text_pos_at(node.range().start).row }
}

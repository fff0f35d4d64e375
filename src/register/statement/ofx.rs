//! OFX, the Open Financial Exchange files French banks offer for download (« format
//! Money »): version 1.x, SGML whose leaf tags are not closed, after a header of
//! `KEY:VALUE` lines (`OFXHEADER:100`, `ENCODING:USASCII` or `UTF-8`, `CHARSET:1252`);
//! and version 2.x, XML after `<?OFX OFXHEADER="200" ...?>`.
//!
//! Both are read into one tree of tags, then: each `STMTRS` (bank) or `CCSTMTRS` (card)
//! is a statement; `CURDEF` must be `EUR`; the account is `BANKACCTFROM` (French banks
//! give `BANKID`, `BRANCHID`, `ACCTID` and the RIB key in `ACCTKEY` or after the
//! account number: the IBAN is built from them when they have a RIB's shapes, else the
//! account number is kept, and [`super::check_account`] says so) or `CCACCTFROM`; each
//! `BANKTRANLIST/STMTTRN` is an entry: `DTPOSTED`, `TRNAMT` (signed, a dot or a comma
//! for decimals), `FITID` (the bank's reference), `NAME` (or `PAYEE/NAME`), `MEMO`,
//! `CHECKNUM`, and a `CURRENCY/CURSYM` that must be `EUR` when given.
//!
//! Encoding (1.x): UTF-8 when the bytes are UTF-8 (ASCII is both), else Windows-1252
//! when the header says `USASCII` or a charset `1252` or `ISO-8859-1` (banks write
//! accented names in Windows-1252 under `ENCODING:USASCII`); a header saying `UTF-8`
//! over bytes that are not is refused at the first bad line.

use super::text::{as_iban, collapse, decode, french_iban, line_of, parse_compact_date, parse_plain_amount, Encoding};
use super::{entry, statement, Account, Entry, ErrorKind, Format, Place, Statement, StatementError, EURO};
use crate::money::Cents;

/// A tag of the file, with its text (leaves) or its children (aggregates) and its line.
#[derive(Debug)]
struct Tag {
    name: String,
    text: String,
    children: Vec<Tag>,
    line: u32,
}

/// The leaf tags this reader uses: a leaf written empty (`<MEMO>` then another tag)
/// must not take the following tags as its children.
const LEAVES: &[&str] = &[
    "TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "NAME", "MEMO", "CHECKNUM", "REFNUM", "SIC",
    "PAYEEID", "CURDEF", "CURSYM", "CURRATE", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "ACCTKEY", "DTSTART",
    "DTEND", "BALAMT", "DTASOF", "TRNUID", "CODE", "SEVERITY", "MESSAGE", "DTSERVER", "LANGUAGE", "ORG", "FID",
];

/// The statements of an OFX file, version 1.x or 2.x.
pub fn read(bytes: &[u8]) -> Result<Vec<Statement>, StatementError> {
    let text = ofx_text(bytes)?;
    let start = text.find("<OFX>").or_else(|| text.find("<OFX ")).ok_or_else(|| {
        let header_ok = text.trim_start_matches('\u{feff}').trim_start().starts_with("OFXHEADER") || text.contains("<?OFX");
        let kind = if header_ok { ErrorKind::MissingElement } else { ErrorKind::MalformedOfx };
        let value = if header_ok { "OFX" } else { "OFXHEADER" };
        StatementError::new(kind, Place::File, value)
    })?;
    let first_line = line_of(text.as_bytes(), start) as u32;
    let root = if text[..start].contains("<?xml") || text[..start].contains("<?OFX") {
        xml_tree(&text)?
    } else {
        sgml_tree(&text[start..], first_line)?
    };
    let mut statements = Vec::new();
    collect(&root, "OFX", &mut statements)?;
    if statements.is_empty() {
        return Err(StatementError::new(ErrorKind::NoStatement, Place::File, ""));
    }
    Ok(statements)
}

/// Finds each statement response under `tag` (whose path is `path`), in order.
fn collect(tag: &Tag, path: &str, out: &mut Vec<Statement>) -> Result<(), StatementError> {
    for (child, child_path) in with_paths(tag, path) {
        if child.name == "STMTRS" || child.name == "CCSTMTRS" {
            out.push(read_statement(child, &child_path)?);
        } else if !child.children.is_empty() {
            collect(child, &child_path, out)?;
        }
    }
    Ok(())
}

/// Each child of `tag` with its path (`…/STMTTRN[3]` when several share the name).
fn with_paths<'t>(tag: &'t Tag, path: &str) -> Vec<(&'t Tag, String)> {
    tag.children
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let same = tag.children.iter().filter(|s| s.name == c.name).count();
            let step = if same > 1 {
                let rank = tag.children[..=i].iter().filter(|s| s.name == c.name).count();
                format!("{}[{rank}]", c.name)
            } else {
                c.name.clone()
            };
            (c, format!("{path}/{step}"))
        })
        .collect()
}

fn find<'t>(tag: &'t Tag, name: &str) -> Option<&'t Tag> {
    tag.children.iter().find(|c| c.name == name)
}

fn at(tag: &Tag, path: &str) -> Place {
    Place::Element { path: path.to_owned(), line: tag.line }
}

fn leaf(tag: &Tag, name: &str) -> Option<String> {
    find(tag, name).map(|t| t.text.clone()).filter(|t| !t.is_empty())
}

fn read_statement(stmt: &Tag, path: &str) -> Result<Statement, StatementError> {
    let curdef = find(stmt, "CURDEF").ok_or_else(|| StatementError::new(ErrorKind::MissingElement, at(stmt, path), "CURDEF"))?;
    if curdef.text != EURO {
        return Err(StatementError::new(ErrorKind::Currency, at(curdef, &format!("{path}/CURDEF")), curdef.text.clone()));
    }
    let from_name = if stmt.name == "STMTRS" { "BANKACCTFROM" } else { "CCACCTFROM" };
    let from = find(stmt, from_name).ok_or_else(|| StatementError::new(ErrorKind::MissingElement, at(stmt, path), from_name))?;
    let account = account(from);
    let account_place = at(from, &format!("{path}/{from_name}"));
    let mut entries = Vec::new();
    if let Some(list) = find(stmt, "BANKTRANLIST") {
        let list_path = format!("{path}/BANKTRANLIST");
        for (trn, trn_path) in with_paths(list, &list_path) {
            if trn.name == "STMTTRN" {
                entries.push(read_transaction(trn, &trn_path)?);
            }
        }
    }
    Ok(statement(Format::Ofx, account, account_place, None, entries))
}

/// The account of a `BANKACCTFROM` or `CCACCTFROM`: an IBAN when `ACCTID` is one or
/// the parts make a French RIB, else the account number.
fn account(from: &Tag) -> Account {
    let id = leaf(from, "ACCTID").unwrap_or_default();
    let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(iban) = as_iban(&id) {
        return Account::Iban(iban);
    }
    if let (Some(bank), Some(branch)) = (leaf(from, "BANKID"), leaf(from, "BRANCHID")) {
        let key = leaf(from, "ACCTKEY");
        let (number, key) = match (id.len(), key) {
            (13, None) => (&id[..11], Some(id[11..].to_owned())),
            (_, key) => (id.as_str(), key),
        };
        if let Some(iban) = french_iban(&bank, &branch, number, key.as_deref()) {
            return Account::Iban(iban);
        }
    }
    if id.is_empty() {
        Account::Unstated
    } else {
        Account::Number { number: id.chars().filter(char::is_ascii_alphanumeric).collect() }
    }
}

fn read_transaction(trn: &Tag, path: &str) -> Result<Entry, StatementError> {
    let need = |name: &str| {
        find(trn, name)
            .filter(|t| !t.text.is_empty())
            .ok_or_else(|| StatementError::new(ErrorKind::MissingElement, at(trn, path), name))
    };
    let posted = need("DTPOSTED")?;
    let date = parse_compact_date(&posted.text)
        .ok_or_else(|| StatementError::new(ErrorKind::BadDate, at(posted, &format!("{path}/DTPOSTED")), posted.text.clone()))?;
    let amount_tag = need("TRNAMT")?;
    let amount: Cents = parse_plain_amount(&amount_tag.text)
        .ok_or_else(|| StatementError::new(ErrorKind::BadAmount, at(amount_tag, &format!("{path}/TRNAMT")), amount_tag.text.clone()))?;
    if let Some(currency) = find(trn, "CURRENCY") {
        let sym = leaf(currency, "CURSYM").unwrap_or_default();
        if sym != EURO {
            return Err(StatementError::new(ErrorKind::Currency, at(currency, &format!("{path}/CURRENCY/CURSYM")), sym));
        }
    }
    let mut e = entry(date, amount);
    e.counterparty = leaf(trn, "NAME").or_else(|| find(trn, "PAYEE").and_then(|p| leaf(p, "NAME")));
    e.remittance = collapse(&leaf(trn, "MEMO").unwrap_or_default());
    e.bank_reference = leaf(trn, "FITID");
    e.cheque_number = leaf(trn, "CHECKNUM");
    Ok(e)
}

/// The text of an OFX file: 2.x by its XML declaration, 1.x by its header (see the
/// module's documentation).
fn ofx_text(bytes: &[u8]) -> Result<String, StatementError> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(600)]).into_owned();
    if head.trim_start_matches('\u{feff}').trim_start().starts_with("<?xml") {
        return super::camt::xml_text(bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let header: Vec<(String, String)> = head
        .lines()
        .take_while(|l| !l.trim_start().starts_with('<'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_owned()))
        .collect();
    let value = |key: &str| header.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let says_utf8 = |key: &str| value(key).is_some_and(|v| v.eq_ignore_ascii_case("UTF-8") || v.eq_ignore_ascii_case("UTF8"));
    let declared_utf8 = says_utf8("ENCODING") || says_utf8("CHARSET");
    if declared_utf8 {
        return decode(bytes, Encoding::Utf8)
            .map_err(|line| StatementError::new(ErrorKind::Encoding, Place::Line { line, column: None }, "UTF-8"));
    }
    decode(bytes, Encoding::Windows1252)
        .map_err(|line| StatementError::new(ErrorKind::Encoding, Place::Line { line, column: None }, "Windows-1252"))
}

/// The tree of an OFX 2.x (XML) file.
fn xml_tree(text: &str) -> Result<Tag, StatementError> {
    let text = text.trim_start_matches('\u{feff}');
    let doc = roxmltree::Document::parse(text).map_err(|e| super::camt::xml_error(text, &e))?;
    fn convert(doc: &roxmltree::Document, node: roxmltree::Node) -> Tag {
        let children: Vec<Tag> = node.children().filter(|c| c.is_element()).map(|c| convert(doc, c)).collect();
        let text = if children.is_empty() { collapse(node.text().unwrap_or("")) } else { String::new() };
        Tag { name: node.tag_name().name().to_ascii_uppercase(), text, children, line: doc.text_pos_at(node.range().start).row }
    }
    let root = doc.root_element();
    if root.tag_name().name() != "OFX" {
        return Err(StatementError::new(ErrorKind::MissingElement, Place::File, "OFX"));
    }
    Ok(convert(&doc, root))
}

/// Replaces SGML's character entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`,
/// `&nbsp;`, `&#NN;`) in a leaf's text.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 8);
        let replaced = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                _ => name.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()).and_then(char::from_u32)?,
            };
            Some((c, e))
        });
        match replaced {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The tree of an OFX 1.x body (from `<OFX>`): a leaf is a tag followed by text, closed
/// by its own end tag or by the next tag; an aggregate must be closed.
fn sgml_tree(body: &str, first_line: u32) -> Result<Tag, StatementError> {
    let mut stack: Vec<Tag> = Vec::new();
    let mut done: Option<Tag> = None;
    let mut line = first_line;
    let mut rest = body;
    let malformed = |line: u32, path: String, what: String| {
        StatementError::new(ErrorKind::MalformedOfx, Place::Element { path, line }, what)
    };
    let path_of = |stack: &[Tag]| stack.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join("/");
    // Closes the top of the stack into its parent (or as the root).
    fn close(stack: &mut Vec<Tag>, done: &mut Option<Tag>) {
        if let Some(tag) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.children.push(tag),
                None => *done = Some(tag),
            }
        }
    }
    let is_open_leaf = |stack: &[Tag]| stack.last().is_some_and(|t| !t.text.is_empty() || LEAVES.contains(&t.name.as_str()) && t.children.is_empty());
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            // The end of the file: text there is the last leaf's (a truncated file).
            let text = unescape(rest.trim());
            match stack.last_mut() {
                _ if text.is_empty() => {}
                Some(top) if top.children.is_empty() && top.text.is_empty() => top.text = collapse(&text),
                _ => return Err(malformed(line, path_of(&stack), format!("text after the last tag: {text}"))),
            }
            break;
        };
        let text = &rest[..open];
        line += text.matches('\n').count() as u32;
        let text = unescape(text.trim());
        if !text.is_empty() {
            match stack.last_mut() {
                Some(top) if top.children.is_empty() && top.text.is_empty() => top.text = collapse(&text),
                _ => return Err(malformed(line, path_of(&stack), format!("text outside a tag: {text}"))),
            }
        }
        let after = &rest[open + 1..];
        let Some(close_at) = after.find('>') else {
            return Err(malformed(line, path_of(&stack), "a tag cut short (the file is truncated?)".into()));
        };
        let raw = after[..close_at].trim();
        rest = &after[close_at + 1..];
        if let Some(name) = raw.strip_prefix('/') {
            let name = name.trim().to_ascii_uppercase();
            if !stack.iter().any(|t| t.name == name) {
                return Err(malformed(line, path_of(&stack), format!("</{name}> closes no open tag")));
            }
            while stack.last().is_some_and(|t| t.name != name) {
                if !is_open_leaf(&stack) {
                    let top = stack.last().map(|t| t.name.clone()).unwrap_or_default();
                    return Err(malformed(line, path_of(&stack), format!("<{top}> is not closed before </{name}>")));
                }
                close(&mut stack, &mut done);
            }
            close(&mut stack, &mut done);
        } else {
            let name = raw.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
            if name.is_empty() || name.starts_with(['!', '?']) {
                continue;
            }
            if done.is_some() {
                return Err(malformed(line, name.clone(), "a tag after </OFX>".into()));
            }
            if is_open_leaf(&stack) {
                close(&mut stack, &mut done);
            }
            stack.push(Tag { name, text: String::new(), children: Vec::new(), line });
        }
        line += raw.matches('\n').count() as u32;
    }
    if let Some(top) = stack.last() {
        let unclosed = stack.iter().rev().find(|t| t.text.is_empty() && !LEAVES.contains(&t.name.as_str())).unwrap_or(top);
        return Err(malformed(line, path_of(&stack), format!("<{}> is never closed (the file is truncated?)", unclosed.name)));
    }
    done.ok_or_else(|| StatementError::new(ErrorKind::MissingElement, Place::File, "OFX"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgml_leaves_close_themselves_and_aggregates_must_close() {
        let tree = sgml_tree("<OFX><A><B>1<C>x &amp; y</C><MEMO><D>2</A></OFX>", 1).unwrap();
        let a = &tree.children[0];
        assert_eq!(a.children.iter().map(|t| (t.name.as_str(), t.text.as_str())).collect::<Vec<_>>(), [("B", "1"), ("C", "x & y"), ("MEMO", ""), ("D", "2")]);
        let truncated = sgml_tree("<OFX>\n<A>\n<B>1", 1).unwrap_err();
        assert_eq!(truncated.kind, ErrorKind::MalformedOfx);
        assert_eq!(truncated.place, Place::Element { path: "OFX/A/B".into(), line: 3 });
        assert!(truncated.value.contains("<A> is never closed"), "{}", truncated.value);
        let stray = sgml_tree("<OFX><A>1</B></OFX>", 1).unwrap_err();
        assert!(stray.value.contains("</B> closes no open tag"), "{}", stray.value);
        assert_eq!(unescape("a &lt;b&gt; &#233; &x"), "a <b> é &x");
    }
}

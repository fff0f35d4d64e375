//! What every format shares: bytes to text, the amounts and dates banks write, and the
//! IBAN of a French account number (RIB).

use crate::date::Date;
use crate::money::Cents;
use crate::payment::iban::{check_iban, electronic_iban};

/// The encodings statement files come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    /// Windows-1252, the Latin-1 superset that French banks' exports use (and what
    /// `ISO-8859-1` means in practice: the WHATWG encoding standard reads it so).
    Windows1252,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    /// The encoding a label names (`UTF-8`, `1252`, `windows-1252`, `ISO-8859-1`...),
    /// as OFX headers and XML declarations write them.
    pub fn from_label(label: &str) -> Option<Encoding> {
        let label = label.trim().to_ascii_lowercase();
        match label.as_str() {
            "1252" | "cp1252" | "8859-1" | "latin1" | "latin-1" => return Some(Encoding::Windows1252),
            "usascii" | "us-ascii" | "ascii" => return Some(Encoding::Utf8),
            _ => {}
        }
        let found = encoding_rs::Encoding::for_label(label.as_bytes())?;
        if found == encoding_rs::UTF_8 {
            Some(Encoding::Utf8)
        } else if found == encoding_rs::WINDOWS_1252 {
            Some(Encoding::Windows1252)
        } else if found == encoding_rs::UTF_16LE {
            Some(Encoding::Utf16Le)
        } else if found == encoding_rs::UTF_16BE {
            Some(Encoding::Utf16Be)
        } else {
            None
        }
    }

    fn coder(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// The encoding a byte-order mark announces, and the mark's length.
pub fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
        _ => None,
    }
}

/// The text of `bytes` (after any byte-order mark) in `encoding`, or the 1-based line
/// of the first byte that is not text in it. Windows-1252 decodes every byte.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, u64> {
    let body = match bom(bytes) {
        Some((found, len)) if found == encoding => &bytes[len..],
        _ => bytes,
    };
    if encoding == Encoding::Utf8 {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(line_of(body, e.valid_up_to())),
        };
    }
    match encoding.coder().decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(text.into_owned()),
        None => Err(1),
    }
}

/// The text of a file that states no encoding: a byte-order mark if there is one, else
/// UTF-8 when the bytes are UTF-8, else Windows-1252 (whose every byte is a character).
/// Valid UTF-8 that is really Windows-1252 would need sequences like `Ã©`, which no
/// French text holds.
pub fn decode_guessing(bytes: &[u8]) -> (String, Encoding) {
    if let Some((encoding, _)) = bom(bytes) {
        if let Ok(text) = decode(bytes, encoding) {
            return (text, encoding);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), Encoding::Windows1252),
    }
}

/// The 1-based line of byte `offset`: lines end with `\n`, `\r\n` or a lone `\r`.
pub fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let before = &bytes[..offset.min(bytes.len())];
    let ends = before.iter().enumerate().filter(|&(i, &b)| b == b'\n' || b == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count();
    1 + ends as u64
}

/// Whether `c` is a space inside a number: the ASCII space, the no-break space
/// (U+00A0) and the narrow no-break space (U+202F) that French typography puts between
/// thousands, the thin space (U+2009), and the apostrophe of Swiss exports.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// The largest amount a statement line may carry: 10 000 000 000 € (a bank line beyond
/// is a misread column, and it keeps every sum far from `i64::MAX`).
const MAX_AMOUNT_CENTS: i64 = 1_000_000_000_000;

/// An amount as CSV exports write it, in euros: `1 234,56`, `-12.5`, `+120,00`,
/// `1.234,56`, `1,234.56`, `12 €`, `-0,50 EUR`; a trailing minus (`12,00-`) too. At most
/// two decimals. When the text has both a comma and a dot, the last one is the decimal
/// mark; with only one of them, it is the decimal mark unless it is repeated or is a
/// dot followed by exactly three digits (`1.234` is a thousand; `1,234` is refused as
/// ambiguous).
pub fn parse_amount(text: &str) -> Option<Cents> {
    let (negative, body) = sign_and_body(text)?;
    let last_comma = body.rfind(',');
    let last_dot = body.rfind('.');
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(c), None) => match body.matches(',').count() {
            1 if body.len() - c - 1 <= 2 => Some(c),
            1 => return None,
            _ => None,
        },
        (None, Some(d)) => match body.matches('.').count() {
            1 if body.len() - d - 1 == 3 && d > 0 => None,
            1 => Some(d),
            _ => None,
        },
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body.as_str(), ""),
    };
    // Thousands separators: one kind, groups of three digits after the first.
    let groups: Vec<&str> = match whole.bytes().find(|&b| b == b',' || b == b'.') {
        Some(m) => whole.split(char::from(m)).collect(),
        None => vec![whole],
    };
    if groups.iter().skip(1).any(|g| g.len() != 3) || groups.len() > 1 && groups[0].is_empty() {
        return None;
    }
    to_cents(negative, &groups.concat(), fraction)
}

/// An amount with one decimal mark, a dot or a comma, and no thousands separator, as
/// OFX's `TRNAMT` (`-12.50`, `+120,00`) and ISO 20022's amounts (`120.5`, where the
/// schema allows neither sign nor comma: the caller checks them) write it. Zeros past
/// the second decimal are allowed (`12.500`).
pub fn parse_plain_amount(text: &str) -> Option<Cents> {
    let (negative, body) = sign_and_body(text)?;
    let (whole, fraction) = match body.find([',', '.']) {
        Some(i) => (&body[..i], body[i + 1..].trim_end_matches('0')),
        None => (body.as_str(), ""),
    };
    to_cents(negative, whole, fraction)
}

/// The sign of an amount and its digits and marks, spaces and the euro's sign or code
/// removed; `None` when anything else is left.
fn sign_and_body(text: &str) -> Option<(bool, String)> {
    let mut s: String = text.trim().chars().filter(|&c| !is_group_space(c)).collect();
    for unit in ["EUR", "eur", "€"] {
        if let Some(rest) = s.strip_suffix(unit) {
            s = rest.to_owned();
        }
    }
    let (negative, body) = if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else if let Some(rest) = s.strip_suffix('-') {
        (true, rest)
    } else {
        (false, s.as_str())
    };
    let has_digit = body.bytes().any(|b| b.is_ascii_digit());
    if !has_digit || !body.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    Some((negative, body.to_owned()))
}

/// Signed cents from the digits of the euros and of the fraction (at most two).
fn to_cents(negative: bool, euros: &str, fraction: &str) -> Option<Cents> {
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if fraction.len() > 2 || !digits_only(euros) || !digits_only(fraction) || euros.len() > 13 || euros.is_empty() && fraction.is_empty() {
        return None;
    }
    let euros: i64 = if euros.is_empty() { 0 } else { euros.parse().ok()? };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    if total > MAX_AMOUNT_CENTS {
        return None;
    }
    Some(Cents::new(if negative { -total } else { total }))
}

/// A date as French exports write it: `05/03/2024`, `5/3/2024`, `05-03-2024`,
/// `05.03.2024`, `05/03/24` (20xx), or ISO `2024-03-05`; a time after a space or a `T`
/// is ignored.
pub fn parse_date(text: &str) -> Option<Date> {
    let s = text.trim();
    let s = s.split([' ', 'T']).next().unwrap_or("");
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let number = |p: &str, max_len: usize| -> Option<u32> {
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let day = number(day, 2)?;
    let month = number(month, 2)?;
    let year = match year.len() {
        2 => 2000 + number(year, 2)?,
        4 => number(year, 4)?,
        _ => return None,
    };
    Date::new(year as i32, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// A date written as eight digits first (`20240305`, OFX's `20240305120000.000[+1:CET]`).
pub fn parse_compact_date(text: &str) -> Option<Date> {
    let s = text.trim();
    let head = s.get(..8)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(head[..4].parse().ok()?, head[4..6].parse().ok()?, head[6..8].parse().ok()?)
}

/// A letter of a French account number as the RIB key reads it (A and J are 1, B, K
/// and S are 2...), a digit as itself.
fn rib_digit(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some(u64::from(c - b'0')),
        b'A'..=b'I' => Some(u64::from(c - b'A' + 1)),
        b'J'..=b'R' => Some(u64::from(c - b'J' + 1)),
        b'S'..=b'Z' => Some(u64::from(c - b'S' + 2)),
        _ => None,
    }
}

fn rib_number(s: &str) -> Option<u64> {
    s.bytes().try_fold(0u64, |acc, c| Some(acc * 10 + rib_digit(c.to_ascii_uppercase())?))
}

/// The IBAN of a French account given as a RIB: bank code (5 digits), branch code (5
/// digits), account number (11 letters or digits) and its key (2 digits, computed when
/// absent). `None` when the parts have not these shapes or the key is not theirs.
pub fn french_iban(bank: &str, branch: &str, account: &str, key: Option<&str>) -> Option<String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let account = account.to_ascii_uppercase();
    if !digits(bank, 5) || !digits(branch, 5) || account.len() != 11 || !account.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let sum = 89 * rib_number(bank)? + 15 * rib_number(branch)? + 3 * rib_number(&account)?;
    let computed = 97 - sum % 97;
    match key {
        Some(k) if !digits(k, 2) || k.parse::<u64>().ok()? != computed => return None,
        _ => {}
    }
    let bban = format!("{bank}{branch}{account}{computed:02}");
    // ISO 13616 check digits: 98 minus the remainder of BBAN + "FR00", letters as 10–35.
    let remainder = format!("{bban}FR00").bytes().fold(0u32, |acc, c| {
        if c.is_ascii_digit() {
            (acc * 10 + u32::from(c - b'0')) % 97
        } else {
            (acc * 100 + u32::from(c - b'A' + 10)) % 97
        }
    });
    let iban = format!("FR{:02}{bban}", 98 - remainder);
    check_iban(&iban).ok()
}

/// The electronic form of `text` when it is a valid IBAN (spaces allowed).
pub fn as_iban(text: &str) -> Option<String> {
    let iban = electronic_iban(text);
    check_iban(&iban).ok()
}

/// `text` with runs of whitespace as single spaces, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(s: &str) -> Option<i64> {
        parse_amount(s).map(Cents::get)
    }

    #[test]
    fn amounts_in_the_forms_banks_write() {
        assert_eq!(cents("1 234,56"), Some(123_456));
        assert_eq!(cents("1\u{a0}234,56"), Some(123_456));
        assert_eq!(cents("-1\u{202f}234,56"), Some(-123_456));
        assert_eq!(cents("+120,00"), Some(12_000));
        assert_eq!(cents("-12.5"), Some(-1_250));
        assert_eq!(cents("1.234,56"), Some(123_456));
        assert_eq!(cents("1,234.56"), Some(123_456));
        assert_eq!(cents("1.234"), Some(123_400));
        assert_eq!(cents("12 €"), Some(1_200));
        assert_eq!(cents("12,00-"), Some(-1_200));
        assert_eq!(cents("0,5"), Some(50));
        assert_eq!(cents(",50"), Some(50));
        assert_eq!(cents("100"), Some(10_000));
        let plain = |s: &str| parse_plain_amount(s).map(Cents::get);
        assert_eq!(plain("-12.50"), Some(-1_250));
        assert_eq!(plain("+120,00"), Some(12_000));
        assert_eq!(plain("120.5"), Some(12_050));
        assert_eq!(plain("12.500"), Some(1_250));
        assert_eq!(plain("1234"), Some(123_400));
        for bad in ["1.234,56", "12.345", "12,3.4", "", ".", "12 EUR x"] {
            assert_eq!(plain(bad), None, "{bad:?}");
        }
        for bad in ["", "-", "abc", "12,345", "1,2,3", "12.3.4", "1 234,567", "12,3a", "1..2", "1,23,456.7", "99999999999999"] {
            assert_eq!(cents(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_in_the_forms_banks_write() {
        let d = Date::parse_iso("2024-03-05").unwrap();
        for s in ["05/03/2024", "5/3/2024", "05-03-2024", "05.03.2024", "05/03/24", "2024-03-05", "05/03/2024 10:12"] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        for bad in ["31/02/2024", "2024/03/05", "05/03", "5 mars 2024", "", "05/03/202"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_compact_date("20240305"), Some(d));
        assert_eq!(parse_compact_date("20240305120000.000[+1:CET]"), Some(d));
        assert_eq!(parse_compact_date("2024030"), None);
        assert_eq!(parse_compact_date("20241305"), None);
    }

    #[test]
    fn french_ibans_from_their_rib() {
        // The IBAN of the configuration corpus's examples: FR76 3000 6000 0112 3456 7890 189.
        assert_eq!(french_iban("30006", "00001", "12345678901", Some("89")).as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(french_iban("30006", "00001", "12345678901", None).as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(french_iban("30006", "00001", "12345678901", Some("88")), None);
        assert_eq!(french_iban("3000", "00001", "12345678901", None), None);
        // Letters in the account number count as digits for the key (J = 1).
        // La Banque Postale's published example RIB, key 06.
        let with_letter = french_iban("20041", "01005", "0500013M026", Some("06")).unwrap();
        assert_eq!(with_letter, "FR1420041010050500013M02606");
        assert_eq!(french_iban("20041", "01005", "0500013M026", Some("07")), None);
        assert_eq!(as_iban("fr76 3000 6000 0112 3456 7890 189").as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(as_iban("FR76 3000 6000 0112 3456 7890 188"), None);
    }

    #[test]
    fn decoding_by_bom_statement_or_guess() {
        assert_eq!(decode_guessing("é".as_bytes()), ("é".to_owned(), Encoding::Utf8));
        assert_eq!(decode_guessing(b"\xE9t\xE9"), ("été".to_owned(), Encoding::Windows1252));
        assert_eq!(decode_guessing(b"\xEF\xBB\xBFa"), ("a".to_owned(), Encoding::Utf8));
        assert_eq!(decode_guessing(b"\xFF\xFEa\x00"), ("a".to_owned(), Encoding::Utf16Le));
        assert_eq!(decode(b"ok\nok\n\xE9", Encoding::Utf8), Err(3));
        assert_eq!(decode(b"\x80", Encoding::Windows1252).as_deref(), Ok("€"));
        assert_eq!(Encoding::from_label("ISO-8859-1"), Some(Encoding::Windows1252));
        assert_eq!(Encoding::from_label("utf-8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_label("1252"), Some(Encoding::Windows1252));
        assert_eq!(Encoding::from_label("koi8-r"), None);
    }
}

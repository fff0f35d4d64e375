//! Money: integer cents from the moment an amount is parsed. `f64` never touches money.
//!
//! Parsing of what people type (French and English forms) and locale formatting live
//! here too.

use std::fmt;
use std::ops::{Add, Sub};

/// An amount of money in euro cents. Signed so that differences are expressible; every
/// amount a person enters is checked to be non-negative when parsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    pub const fn new(cents: i64) -> Cents {
        Cents(cents)
    }

    pub const fn from_euros(euros: i64) -> Cents {
        Cents(euros * 100)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    /// True when the amount is a whole number of euros.
    pub const fn is_whole_euros(self) -> bool {
        self.0 % 100 == 0
    }

    pub fn saturating_sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }

    pub fn max(self, other: Cents) -> Cents {
        if self >= other { self } else { other }
    }

    pub fn min(self, other: Cents) -> Cents {
        if self <= other { self } else { other }
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_sub(rhs.0))
    }
}

impl fmt::Display for Cents {
    /// A neutral, unambiguous form for logs and errors (`1234.56 EUR`); people see
    /// the localized form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02} EUR", abs / 100, abs % 100)
    }
}

use crate::i18n::{fill, Lang, Text};

/// The largest amount [`parse_amount`] accepts: 1 000 000 000 €. Nothing in this
/// domain comes near it; it keeps every later product of cents far from `i64::MAX`.
pub const MAX_TYPED_AMOUNT: Cents = Cents::from_euros(1_000_000_000);

/// Rounds to the nearest whole euro, halves up (towards +∞), as the tax office does
/// (docs/law.md §1, rule `dgfip-rounding`): 16,50 € → 17 €, 24,42 € → 24 €, 3 000,60 € → 3 001 €.
pub fn round_to_euro(amount: Cents) -> Cents {
    Cents::new((amount.get() + 50).div_euclid(100) * 100)
}

/// Why a typed amount was not understood. [`AmountError::message`] tells the person
/// what to type instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing but spaces (or only a currency sign).
    Empty,
    /// A minus sign: gifts and household figures are never negative.
    Negative,
    /// Something that is not an amount (letters, two decimal marks, misplaced
    /// thousands separators...).
    NotANumber,
    /// More than two digits after the decimal mark (`37,505`).
    TooManyDecimals,
    /// More than [`MAX_TYPED_AMOUNT`].
    TooLarge,
    /// A single `,` or `.` followed by exactly three digits (`1,500`, `12.345`): a
    /// thousands separator for an English speaker, a decimal mark for a French one.
    /// Refused rather than guessed; `whole` and `three` are the digits before and after
    /// the mark, from which [`AmountError::message`] builds both unambiguous forms.
    Ambiguous { whole: u16, three: u16 },
    /// A character that draws nothing or reorders the text (a zero-width space, a bidi
    /// control...: see [`crate::text_safety`]), often pasted along with the amount.
    Hidden(char),
}

impl AmountError {
    /// What went wrong and what to type instead, in French and English.
    pub fn message(&self) -> Text {
        Text::each(|lang| self.message_in(lang))
    }

    /// [`AmountError::message`] in one language: the widget writes its reader's only.
    pub fn message_in(&self, lang: Lang) -> String {
        let (fr, en) = match self {
            AmountError::Empty => ("Indiquez un montant en euros, par exemple 37 ou 37,50.", "Enter an amount in euros, for example 37 or 37.50."),
            AmountError::Negative => (
                "Le montant ne peut pas être négatif : indiquez-le sans signe moins, par exemple 37.",
                "The amount cannot be negative: enter it without a minus sign, for example 37.",
            ),
            AmountError::NotANumber => (
                "Ce n’est pas un montant : tapez des chiffres, avec au plus une virgule pour les centimes, par exemple 1 000 ou 37,50.",
                "This is not an amount: type digits, with at most one decimal point for cents, for example 1,000 or 37.50.",
            ),
            AmountError::TooManyDecimals => (
                "Au plus deux chiffres après la virgule (les centimes), par exemple 37,50.",
                "At most two digits after the decimal point (the cents), for example 37.50.",
            ),
            AmountError::TooLarge => ("Ce montant est trop grand : au plus 1 000 000 000 €.", "This amount is too large: at most €1,000,000,000."),
            AmountError::Ambiguous { whole, three } => return ambiguous_message(*whole, *three, lang),
            AmountError::Hidden(c) => return crate::text_safety::typed_message(*c).into_lang(lang),
        };
        lang.pick(fr, en).to_owned()
    }
}

/// « Montant ambigu : écrivez 1 500 pour 1 500 euros, ou 1,50 pour 1 euro et 50
/// centimes. », built from the digits typed (`1,500` → whole 1, three 500).
fn ambiguous_message(whole: u16, three: u16, lang: Lang) -> String {
    let plural = |n: u16, one: &'static str, many: &'static str| if n > 1 { many } else { one };
    let euros = plural(whole, "euro", "euros");
    let (w, t) = (whole.to_string(), format!("{three:03}"));
    let head = fill(lang.pick("Montant ambigu : écrivez {} {} pour {} {} euros", "Ambiguous amount: write {} {} for {} {} euros"), &[&w, &t, &w, &t]);
    let tail = if !three.is_multiple_of(10) {
        // The decimal reading has three decimals: no cents form to offer as such.
        fill(
            lang.pick(
                ", ou au plus deux chiffres après la virgule pour les centimes (par exemple {},50).",
                ", or at most two digits after the decimal point for cents (for example {}.50).",
            ),
            &[&w],
        )
    } else if three / 10 == 0 {
        fill(lang.pick(", ou {} pour {} {}.", ", or {} for {} {}."), &[&w, &w, euros])
    } else {
        let cents = three / 10;
        let unit = lang.pick(plural(cents, "centime", "centimes"), plural(cents, "cent", "cents"));
        fill(lang.pick(", ou {},{} pour {} {} et {} {}.", ", or {}.{} for {} {} and {} {}."), &[&w, &format!("{cents:02}"), &w, euros, &cents.to_string(), unit])
    };
    head + &tail
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for AmountError {}

/// Spaces people and software put between thousands: the ordinary space, the no-break
/// space U+00A0 and the narrow no-break space U+202F (what French typography and
/// [`Cents::format`] use).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Removes a leading or trailing currency mark (`€`, `EUR`, any case). The flag is true
/// when the mark was a leading `€` sign: the English form (`€1,234`).
fn strip_currency(s: &str) -> (&str, bool) {
    let t = trim_spaces(s);
    for mark in ["€", "EUR", "eur", "Eur"] {
        if let Some(rest) = t.strip_prefix(mark) {
            return (trim_spaces(rest), mark == "€");
        }
        if let Some(rest) = t.strip_suffix(mark) {
            return (trim_spaces(rest), false);
        }
    }
    (t, false)
}

/// `s` without the spaces around it, group spaces included (one copy of the code: it
/// was inlined three times).
#[inline(never)]
fn trim_spaces(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_group_space(c))
}

/// Parses an amount as French and English speakers type it, into cents.
///
/// Accepted: `37`, `37,5`, `37,50`, `37.50`, `1 000`, `1 000,00 €` (ordinary, no-break
/// U+00A0 or narrow no-break U+202F spaces between thousands), `1000€`, `€1,234.56`,
/// `€1,234`, `1.234,56`, `1,000,000`, `EUR 12`, with spaces around. Separators are
/// read thus:
///
/// - when both `,` and `.` appear, the last one is the decimal mark and the other
///   separates thousands (`1,234.56` English, `1.234,56` French);
/// - a mark that appears more than once separates thousands (`1.000.000`,
///   `1,234,567`);
/// - a single mark followed by 1 or 2 digits is the decimal mark (`37,5`, `37.50`);
/// - **a single mark followed by exactly 3 digits is ambiguous** — `1,500` is 1,50 €
///   to a French donor and 1 500 € to an English one — and is refused with
///   [`AmountError::Ambiguous`], whose message shows both unambiguous forms
///   (`1 500`, `1,50`). Exceptions, where only one reading exists: a leading `€`
///   sign with a comma is the English form [`Cents::format`] writes, so `€1,234` is
///   one thousand two hundred and thirty-four euros (`€1.234` stays ambiguous); a
///   number that also uses spaces between thousands, an integer part of `0`, or one
///   of more than 3 digits can only have a decimal mark, and then there are too many
///   decimals (`1 000,000`, `0,505`, `1234,567`);
/// - 4 digits or more after a single mark are too many decimals.
///
/// Thousands groups are checked: 1 to 3 digits first, then exactly 3 (`10 00` is
/// refused). A minus sign gives [`AmountError::Negative`]. A character that can make
/// the field show something other than what it holds gives [`AmountError::Hidden`],
/// whatever else is typed.
pub fn parse_amount(s: &str) -> Result<Cents, AmountError> {
    if let Some(c) = crate::text_safety::first_hidden(s) {
        return Err(AmountError::Hidden(c));
    }
    let (mut t, mut euro_first) = strip_currency(s);
    if t.is_empty() {
        return Err(AmountError::Empty);
    }
    let negative = t.starts_with('-') || t.starts_with('\u{2212}');
    if negative {
        t = t.trim_start_matches(['-', '\u{2212}']);
        let (rest, euro) = strip_currency(t);
        t = rest;
        euro_first |= euro;
    }
    if t.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if !t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c)) {
        return Err(AmountError::NotANumber);
    }
    // A number with a minus sign: say so first, whatever its form (`-1,500` too).
    if negative {
        return Err(AmountError::Negative);
    }
    let uses_spaces = t.chars().any(is_group_space);
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    // Which mark, if any, is the decimal one.
    let decimal: Option<char> = match (commas, dots) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            if commas + dots > 1 {
                None
            } else {
                let (int_part, frac) = t.split_once(mark).unwrap_or((t, ""));
                let int_is_zero = int_part.chars().all(|c| c == '0');
                let both_readings = frac.len() == 3
                    && !uses_spaces
                    && !int_is_zero
                    && (1..=3).contains(&int_part.len())
                    && int_part.chars().chain(frac.chars()).all(|c| c.is_ascii_digit());
                if !both_readings {
                    Some(mark)
                } else if mark == ',' && euro_first {
                    // `€1,234`: the English form, thousands.
                    None
                } else {
                    let whole = int_part.parse().map_err(|_| AmountError::NotANumber)?;
                    let three = frac.parse().map_err(|_| AmountError::NotANumber)?;
                    return Err(AmountError::Ambiguous { whole, three });
                }
            }
        }
        _ => {
            let last = t.rfind([',', '.']).map(|i| t.as_bytes()[i] as char);
            let mark = last.unwrap_or('.');
            // The decimal mark appears once, after every thousands mark.
            if t.matches(mark).count() != 1 {
                return Err(AmountError::NotANumber);
            }
            Some(mark)
        }
    };
    let (int_part, frac) = match decimal {
        Some(mark) => t.split_once(mark).unwrap_or((t, "")),
        None => (t, ""),
    };
    if frac.chars().any(|c| !c.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    if decimal.is_some() && frac.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if frac.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    // The integer part: digit groups separated by one kind of thousands separator.
    let groups: Vec<&str> = int_part.split(|c: char| !c.is_ascii_digit()).collect();
    if groups.len() > 1 {
        let separators: Vec<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
        let spaces = separators.iter().all(|c| is_group_space(*c));
        let same = separators.iter().all(|c| *c == separators[0]);
        if !(spaces || same) {
            return Err(AmountError::NotANumber);
        }
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::NotANumber);
        }
    } else if int_part.is_empty() {
        return Err(AmountError::NotANumber);
    }
    let mut cents: i64 = 0;
    for c in int_part.chars().filter(char::is_ascii_digit) {
        cents = cents
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(c as u8 - b'0')))
            .ok_or(AmountError::TooLarge)?;
        if cents > MAX_TYPED_AMOUNT.get() {
            return Err(AmountError::TooLarge);
        }
    }
    let mut frac_cents = 0;
    for (i, c) in frac.chars().enumerate() {
        let digit = i64::from(c as u8 - b'0');
        frac_cents += if i == 0 { digit * 10 } else { digit };
    }
    let total = cents.checked_mul(100).ok_or(AmountError::TooLarge)? + frac_cents;
    if total > MAX_TYPED_AMOUNT.get() {
        return Err(AmountError::TooLarge);
    }
    if negative {
        return Err(AmountError::Negative);
    }
    Ok(Cents::new(total))
}

fn group_thousands(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, digit) in digits.char_indices() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(digit);
    }
    out
}

impl Cents {
    /// The amount as people read it, without cents when it is a whole number of euros:
    /// French `1 234,56 €`, `37 €` (narrow no-break space U+202F between thousands,
    /// no-break space U+00A0 before `€`); English `€1,234.56`, `€37`.
    pub fn format(self, lang: Lang) -> String {
        self.format_inner(lang, !self.is_whole_euros())
    }

    /// As [`Cents::format`], but always with two decimals (`37,00 €`, `€37.00`): for
    /// receipts and columns of figures.
    pub fn format_with_cents(self, lang: Lang) -> String {
        self.format_inner(lang, true)
    }

    fn format_inner(self, lang: Lang, cents: bool) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (euros, rest) = (abs / 100, abs % 100);
        match lang {
            Lang::Fr => {
                let int = group_thousands(euros, "\u{202F}");
                if cents {
                    format!("{sign}{int},{rest:02}\u{A0}€")
                } else {
                    format!("{sign}{int}\u{A0}€")
                }
            }
            Lang::En => {
                let int = group_thousands(euros, ",");
                if cents {
                    format!("{sign}€{int}.{rest:02}")
                } else {
                    format!("{sign}€{int}")
                }
            }
        }
    }

    /// The amount in both languages, for sentences built as [`Text`].
    pub fn text(self) -> Text {
        Text::new(self.format(Lang::Fr), self.format(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    #[test]
    fn parses_french_and_english_forms() {
        let cases: &[(&str, i64)] = &[
            ("37", 3700),
            ("37,5", 3750),
            ("37,50", 3750),
            ("37.50", 3750),
            ("37.5", 3750),
            ("1 000", 100_000),
            ("1\u{A0}000", 100_000),
            ("1\u{202F}000", 100_000),
            ("1 000,00 €", 100_000),
            ("1\u{202F}234,56\u{A0}€", 123_456),
            ("1000€", 100_000),
            ("€1,234.56", 123_456),
            ("1,234.56", 123_456),
            ("1.234,56", 123_456),
            ("€1,234", 123_400),
            ("€ 12,345", 1_234_500),
            ("€1,000,000", 100_000_000),
            ("1,000,000", 100_000_000),
            ("1,234,567", 123_456_700),
            ("1.000.000", 100_000_000),
            ("1.000.000,5", 100_000_050),
            ("12 EUR", 1200),
            ("EUR 12", 1200),
            ("12 eur", 1200),
            ("  37  ", 3700),
            ("0", 0),
            ("0,05", 5),
            ("€ 37", 3700),
            ("1 000 000 000", 100_000_000_000),
        ];
        for (s, cents) in cases {
            assert_eq!(parse_amount(s), Ok(Cents::new(*cents)), "{s:?}");
        }
    }

    #[test]
    fn refuses_with_the_right_error() {
        use AmountError::*;
        let cases: &[(&str, AmountError)] = &[
            ("", Empty),
            ("   ", Empty),
            ("€", Empty),
            ("-5", Negative),
            ("-0", Negative),
            ("- 5 €", Negative),
            ("abc", NotANumber),
            ("37,5,0", NotANumber),
            ("37.", NotANumber),
            (",50", NotANumber),
            ("1,2.3", NotANumber),
            ("10 00", NotANumber),
            ("1 0000", NotANumber),
            ("1,000 000", NotANumber),
            ("1 000,000", TooManyDecimals),
            ("0,505", TooManyDecimals),
            ("37,5055", TooManyDecimals),
            ("1000000000,01", TooLarge),
            ("99999999999999999999999", TooLarge),
            ("1e3", NotANumber),
            ("1234,567", TooManyDecimals),
            ("1,234,56", NotANumber),
            ("1,23,456", NotANumber),
            // Pasted with a zero-width space or a bidi control: named, not "not a number".
            ("37\u{200B}", Hidden('\u{200B}')),
            ("\u{202E}05", Hidden('\u{202E}')),
            ("-\u{FEFF}5", Hidden('\u{FEFF}')),
        ];
        for (s, err) in cases {
            assert_eq!(parse_amount(s), Err(*err), "{s:?}");
        }
    }

    #[test]
    fn every_error_says_what_to_type_in_both_languages() {
        use AmountError::*;
        for e in [Empty, Negative, NotANumber, TooManyDecimals, TooLarge, Ambiguous { whole: 1, three: 500 }, Hidden('\u{200B}')] {
            let m = e.message();
            assert!(!m.fr.is_empty() && !m.en.is_empty() && m.fr != m.en);
        }
    }

    /// A single separator followed by exactly three digits is refused: `1,500` means
    /// 1,50 € to a French donor and 1 500 € to an English one.
    #[test]
    fn a_single_separator_before_three_digits_is_ambiguous() {
        for (s, whole, three) in [
            ("1,500", 1, 500),
            ("1.500", 1, 500),
            ("12,345", 12, 345),
            ("1.000", 1, 0),
            ("1,000", 1, 0),
            ("37,505", 37, 505),
            ("999.999", 999, 999),
            ("1,500 €", 1, 500),
            ("1,500€", 1, 500),
            ("EUR 1,500", 1, 500),
            ("1,500 EUR", 1, 500),
            ("€1.500", 1, 500),
        ] {
            assert_eq!(parse_amount(s), Err(AmountError::Ambiguous { whole, three }), "{s:?}");
        }
        // A minus sign is the first thing to fix, in any form.
        for s in ["-1,500", "€-1,500", "-€1,500", "-37", "\u{2212}1 000"] {
            assert_eq!(parse_amount(s), Err(AmountError::Negative), "{s:?}");
        }
        let m = parse_amount("1,500").unwrap_err().message();
        assert_eq!(m.fr, "Montant ambigu : écrivez 1 500 pour 1 500 euros, ou 1,50 pour 1 euro et 50 centimes.");
        assert_eq!(m.en, "Ambiguous amount: write 1 500 for 1 500 euros, or 1.50 for 1 euro and 50 cents.");
        let m = parse_amount("12.050").unwrap_err().message();
        assert_eq!(m.fr, "Montant ambigu : écrivez 12 050 pour 12 050 euros, ou 12,05 pour 12 euros et 5 centimes.");
        assert_eq!(m.en, "Ambiguous amount: write 12 050 for 12 050 euros, or 12.05 for 12 euros and 5 cents.");
        let m = parse_amount("2,000").unwrap_err().message();
        assert_eq!(m.fr, "Montant ambigu : écrivez 2 000 pour 2 000 euros, ou 2 pour 2 euros.");
        let m = parse_amount("12,345").unwrap_err().message();
        assert!(m.fr.contains("12 345") && m.fr.contains("deux chiffres") && m.en.contains("12.50"), "{m:?}");
        // Both forms it suggests are accepted.
        assert_eq!(parse_amount("1 500"), Ok(eur(1500)));
        assert_eq!(parse_amount("1,50"), Ok(Cents::new(150)));
        assert_eq!(parse_amount("1.50"), Ok(Cents::new(150)));
        // Only one reading: the English form with a leading € (what `format` writes),
        // spaces between thousands, a zero or long integer part.
        assert_eq!(parse_amount("€1,500"), Ok(eur(1500)));
        assert_eq!(parse_amount(&eur(1500).format(Lang::En)), Ok(eur(1500)));
        assert_eq!(parse_amount("1 000,000"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("0,500"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("1234,567"), Err(AmountError::TooManyDecimals));
    }

    #[test]
    fn formats_in_both_languages() {
        assert_eq!(eur(37).format(Lang::Fr), "37\u{A0}€");
        assert_eq!(eur(37).format(Lang::En), "€37");
        assert_eq!(Cents::new(123_456).format(Lang::Fr), "1\u{202F}234,56\u{A0}€");
        assert_eq!(Cents::new(123_456).format(Lang::En), "€1,234.56");
        assert_eq!(Cents::new(1258).format(Lang::Fr), "12,58\u{A0}€");
        assert_eq!(Cents::new(5).format(Lang::En), "€0.05");
        assert_eq!(eur(1_000_000).format(Lang::Fr), "1\u{202F}000\u{202F}000\u{A0}€");
        assert_eq!(eur(37).format_with_cents(Lang::Fr), "37,00\u{A0}€");
        assert_eq!(eur(37).format_with_cents(Lang::En), "€37.00");
        assert_eq!(Cents::new(-150).format(Lang::En), "-€1.50");
        assert_eq!(eur(0).format(Lang::Fr), "0\u{A0}€");
        assert_eq!(Cents::new(-123_456).format(Lang::Fr), "-1\u{202F}234,56\u{A0}€");
        assert_eq!(eur(100_000).format(Lang::En), "€100,000");
        assert_eq!(eur(999).format(Lang::En), "€999");
        assert_eq!(Cents::new(i64::MIN).format(Lang::En), "-€92,233,720,368,547,758.08");
    }

    #[test]
    fn rounds_to_the_euro_halves_up() {
        assert_eq!(round_to_euro(Cents::new(1650)), eur(17));
        assert_eq!(round_to_euro(Cents::new(2442)), eur(24));
        assert_eq!(round_to_euro(Cents::new(300_060)), eur(3001));
        assert_eq!(round_to_euro(Cents::new(1649)), eur(16));
        assert_eq!(round_to_euro(Cents::new(0)), eur(0));
        assert_eq!(round_to_euro(Cents::new(49)), eur(0));
        assert_eq!(round_to_euro(Cents::new(50)), eur(1));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Nothing is rejected: not one rejection allowed.
        #![proptest_config(crate::proptest_floor::accepting(256, 100))]
        #[test]
        fn format_then_parse_is_identity(cents in 0i64..=MAX_TYPED_AMOUNT.get()) {
            let c = Cents::new(cents);
            for lang in [Lang::Fr, Lang::En] {
                prop_assert_eq!(parse_amount(&c.format(lang)), Ok(c));
                prop_assert_eq!(parse_amount(&c.format_with_cents(lang)), Ok(c));
            }
        }

        /// A hidden character anywhere in an amount is named, whatever the rest.
        #[test]
        fn a_hidden_character_is_always_refused(cents in 0i64..=MAX_TYPED_AMOUNT.get(), at in 0usize..40, h in crate::text_safety::strategy::hidden_char()) {
            let mut chars: Vec<char> = Cents::new(cents).format(Lang::Fr).chars().collect();
            chars.insert(at.min(chars.len()), h);
            let typed: String = chars.into_iter().collect();
            prop_assert_eq!(parse_amount(&typed), Err(AmountError::Hidden(h)));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = parse_amount(&s);
        }
    }

    proptest! {
        // Texts with a hidden character are rejected: at least 90 % of them are tried.
        #![proptest_config(crate::proptest_floor::accepting(256, 90))]
        /// Without one, the rule never fires.
        #[test]
        fn visible_text_is_never_refused_as_hidden(s in "\\PC{0,24}") {
            prop_assume!(crate::text_safety::first_hidden(&s).is_none());
            prop_assert!(!matches!(parse_amount(&s), Err(AmountError::Hidden(_))));
        }
    }
}

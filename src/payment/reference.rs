//! The gift reference: a short code such as `DON-7K3Q9M` that the donor puts in a
//! transfer's reason or on the back of a cheque, so that the mandataire's register can
//! tell which bank statement line is which gift.
//!
//! # How it is made
//!
//! `DON-` followed by six symbols of Douglas Crockford's base32 alphabet (`0-9` and
//! `A-Z` without `I`, `L`, `O` and `U`, so that nothing reads as another symbol and no
//! word forms by accident). Each symbol carries 5 bits, most significant first: the six
//! carry 30 bits, which the caller draws at random ([`Reference::from_bits`]; the live
//! widget uses the browser's `crypto.getRandomValues`, once per page view). There are
//! 2^30 = 1 073 741 824 references.
//!
//! # Why it cannot identify anyone
//!
//! The bits are drawn at random on the donor's own device, after the page has loaded:
//! nothing about the donor (name, address, amount, date, browser) goes into them, and
//! the widget sends them nowhere (it stores nothing either). The reference only exists
//! where the donor writes it: in the transfer or on the cheque, which already carry the
//! donor's name for the bank. Knowing a reference tells nothing about who drew it; the
//! register only uses it to match a statement line with a gift it already knows. With
//! 2^30 values, two gifts to one campaign share a reference with a probability of about
//! n²/2^31 for n gifts (below 0.05 % for a thousand gifts), and the mandataire confirms
//! every match anyway.
//!
//! # Reading it back
//!
//! [`Reference::find`] reads a reference in a bank's remittance text, as banks and
//! people write it: any case, `O` read as `0` and `I` or `L` as `1`, `DON` followed by a
//! hyphen, a space or nothing, the whole standing as a word (not inside a longer one).
//! A reference written after a space or with no separator at all must contain a digit:
//! otherwise « DON MARTIN » or « DONATIONS » would read as references. About one
//! reference in ten has no digit; it is still found wherever its hyphen survives, and
//! the register can always match by the payer's name.
//!
//! Plain Rust, no dependency: this file is shared by the widget and the register.

use std::fmt;

use crate::i18n::Text;

/// The prefix every reference starts with, as displayed.
pub const PREFIX: &str = "DON-";

/// How many base32 symbols follow the prefix.
pub const SYMBOLS: usize = 6;

/// How many random bits a reference carries: 5 per symbol.
pub const BITS: u32 = 5 * SYMBOLS as u32;

/// Crockford's base32 alphabet, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The bits a reference keeps from what the caller gives.
const MASK: u32 = (1 << BITS) - 1;

/// A gift reference: 30 random bits, shown as `DON-` and six base32 symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference(u32);

/// Why a text is not a gift reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceError {
    /// Nothing but spaces.
    Empty,
    /// Not six symbols after `DON` (the count found).
    Length { symbols: usize },
    /// A character that is not one of the reference's symbols.
    Symbol { found: char },
}

impl ReferenceError {
    /// What went wrong, in French and English.
    pub fn message(&self) -> Text {
        match self {
            ReferenceError::Empty => Text::new(
                "La référence du don est vide.",
                "The gift reference is empty.",
            ),
            ReferenceError::Length { symbols } => Text::new(
                format!("Une référence de don compte 6 caractères après DON- (comme DON-7K3Q9M) ; celle-ci en compte {symbols}."),
                format!("A gift reference has 6 characters after DON- (like DON-7K3Q9M); this one has {symbols}."),
            ),
            ReferenceError::Symbol { found } => Text::new(
                format!("« {found} » ne figure pas dans une référence de don (chiffres et lettres sauf U)."),
                format!("“{found}” cannot be part of a gift reference (digits and letters except U)."),
            ),
        }
    }
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ReferenceError {}

impl Reference {
    /// The reference carrying the low 30 bits of `bits` (the caller draws them at
    /// random; higher bits are ignored).
    pub fn from_bits(bits: u32) -> Reference {
        Reference(bits & MASK)
    }

    /// The 30 bits this reference carries.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The six symbols after the prefix, as ASCII bytes.
    pub fn symbols(self) -> [u8; SYMBOLS] {
        let mut out = [0u8; SYMBOLS];
        for (i, slot) in out.iter_mut().enumerate() {
            let shift = 5 * (SYMBOLS - 1 - i);
            *slot = ALPHABET[((self.0 >> shift) & 31) as usize];
        }
        out
    }

    /// Reads a reference typed by a person: `DON-7K3Q9M`, `don 7k3q9m`, `DON7K3Q9M` or
    /// the six symbols alone, with the same readings as [`Reference::find`] (`O` as `0`,
    /// `I` and `L` as `1`); spaces around are ignored.
    pub fn parse(text: &str) -> Result<Reference, ReferenceError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let bytes = text.as_bytes();
        let mut rest = text;
        if bytes.len() >= 3 && bytes[..3].eq_ignore_ascii_case(b"DON") {
            rest = &text[3..];
            if let Some(stripped) = rest.strip_prefix(['-', ' ']) {
                rest = stripped;
            }
        }
        let mut bits = 0u32;
        let mut count = 0usize;
        for c in rest.chars() {
            let value = symbol_value(c).ok_or(ReferenceError::Symbol { found: c })?;
            bits = (bits << 5) | value;
            count += 1;
        }
        if count != SYMBOLS {
            return Err(ReferenceError::Length { symbols: count });
        }
        Ok(Reference(bits & MASK))
    }

    /// The first reference written in a remittance text, if any (see the module's
    /// documentation for what counts).
    pub fn find(text: &str) -> Option<Reference> {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start + 3 + SYMBOLS <= bytes.len() {
            let i = start;
            start += 1;
            if !bytes[i..i + 3].eq_ignore_ascii_case(b"DON") {
                continue;
            }
            // The text before `i` is valid UTF-8 up to `i`: `D` is ASCII.
            if text[..i].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let mut j = i + 3;
            let hyphen = bytes[j] == b'-';
            if hyphen || bytes[j] == b' ' {
                j += 1;
            }
            if j + SYMBOLS > bytes.len() {
                continue;
            }
            let mut bits = 0u32;
            let mut digit = false;
            let all = bytes[j..j + SYMBOLS].iter().all(|&b| {
                digit |= b.is_ascii_digit();
                match symbol_value(char::from(b)) {
                    Some(value) => {
                        bits = (bits << 5) | value;
                        true
                    }
                    None => false,
                }
            });
            if !all || !(hyphen || digit) {
                continue;
            }
            // Bytes `j..j+6` are ASCII, so `j + 6` is a character boundary.
            if text[j + SYMBOLS..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            return Some(Reference(bits));
        }
        None
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PREFIX)?;
        let symbols = self.symbols();
        // The symbols are ASCII by construction.
        f.write_str(std::str::from_utf8(&symbols).unwrap_or(""))
    }
}

/// The value of one symbol, reading `O` as `0` and `I`, `L` as `1`, in any case.
fn symbol_value(c: char) -> Option<u32> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&s| char::from(s) == c).map(|p| p as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_bits_most_significant_first() {
        assert_eq!(Reference::from_bits(0).to_string(), "DON-000000");
        assert_eq!(Reference::from_bits(MASK).to_string(), "DON-ZZZZZZ");
        assert_eq!(Reference::from_bits(1).to_string(), "DON-000001");
        assert_eq!(Reference::from_bits(32).to_string(), "DON-000010");
        // 7K3Q9M = 7,19,3,23,9,20 in base 32.
        let bits = ((((7 * 32 + 19) * 32 + 3) * 32 + 23) * 32 + 9) * 32 + 20;
        assert_eq!(Reference::from_bits(bits).to_string(), "DON-7K3Q9M");
        // Bits above the 30th are dropped.
        assert_eq!(Reference::from_bits(bits | 0xC000_0000).bits(), bits);
    }

    #[test]
    fn the_alphabet_has_no_confusable_letters() {
        for c in ["I", "L", "O", "U"] {
            assert!(!ALPHABET.contains(&c.as_bytes()[0]), "{c}");
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), 32);
    }

    #[test]
    fn parses_what_people_type() {
        let r = Reference::parse("DON-7K3Q9M").unwrap();
        assert_eq!(r.to_string(), "DON-7K3Q9M");
        for typed in ["don-7k3q9m", " DON 7K3Q9M ", "DON7K3Q9M", "7K3Q9M", "Don-7k3q9m"] {
            assert_eq!(Reference::parse(typed), Ok(r), "{typed}");
        }
        assert_eq!(
            Reference::parse("DON-OIL000").unwrap(),
            Reference::parse("DON-011000").unwrap()
        );
    }

    #[test]
    fn refuses_what_is_not_a_reference() {
        assert_eq!(Reference::parse("  "), Err(ReferenceError::Empty));
        assert_eq!(Reference::parse("DON-7K3Q9"), Err(ReferenceError::Length { symbols: 5 }));
        assert_eq!(Reference::parse("DON-7K3Q9MM"), Err(ReferenceError::Length { symbols: 7 }));
        assert_eq!(Reference::parse("DON-7K3U9M"), Err(ReferenceError::Symbol { found: 'U' }));
        assert_eq!(Reference::parse("DON--7K3Q9M"), Err(ReferenceError::Symbol { found: '-' }));
        assert_eq!(Reference::parse("DON-7K3Q9É"), Err(ReferenceError::Symbol { found: 'É' }));
        let message = ReferenceError::Length { symbols: 5 }.message();
        assert!(message.fr.contains("5") && message.en.contains("5"));
    }

    #[test]
    fn finds_a_reference_in_remittance_texts() {
        let r = Reference::parse("DON-7K3Q9M").unwrap();
        for text in [
            "DON-7K3Q9M",
            "VIR SEPA AFC DURAND DON-7K3Q9M",
            "DON-7K3Q9M JEAN MARTIN",
            "/ROC/AFC-DON-7K3Q9M/",
            "don 7k3q9m",
            "REF:DON7K3Q9M.",
            "DON-7K3Q9M\nsuite",
            "Don n° DON-7K3Q9M, merci",
            "DON-7K3Q9M é",
        ] {
            assert_eq!(Reference::find(text), Some(r), "{text}");
        }
        assert_eq!(Reference::find("DON-0IL0O0"), Reference::parse("DON-011000").ok());
    }

    #[test]
    fn finds_nothing_in_words_or_longer_codes() {
        for text in [
            "",
            "DON",
            "DONATIONS CAMPAGNE",
            "DON MARTIN JEAN",
            "DONNERAIS",
            "ABANDON-7K3Q9M",
            "ÉDON-7K3Q9M",
            "DON-7K3Q9MX",
            "DON-7K3Q9Mé",
            "DON-7K3U9M",
            "DON--7K3Q9M",
            "DON-7K3Q9",
            "DON  7K3Q9M",
        ] {
            assert_eq!(Reference::find(text), None, "{text}");
        }
    }

    #[test]
    fn a_reference_without_digits_needs_its_hyphen() {
        let r = Reference::parse("DON-ABCDEF").unwrap();
        assert_eq!(Reference::find("VIR DON-ABCDEF"), Some(r));
        assert_eq!(Reference::find("VIR DON ABCDEF"), None);
        assert_eq!(Reference::find("VIR DONABCDEF"), None);
    }

    #[test]
    fn finds_the_first_of_several() {
        let text = "DON-111111 DON-222222";
        assert_eq!(Reference::find(text), Reference::parse("DON-111111").ok());
        // A false start does not hide a later reference.
        assert_eq!(Reference::find("DONATION DON-222222"), Reference::parse("DON-222222").ok());
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(bits in any::<u32>()) {
            let r = Reference::from_bits(bits);
            prop_assert_eq!(r.bits(), bits & MASK);
            prop_assert_eq!(Reference::parse(&r.to_string()), Ok(r));
            prop_assert_eq!(Reference::parse(&r.to_string().to_lowercase()), Ok(r));
        }

        #[test]
        fn format_then_find_round_trips_in_any_remittance(
            bits in 0u32..(1 << BITS),
            before in "[A-Za-z0-9éèàç/:.,'+-]{0,40}",
            after in "[A-Za-z0-9éèàç/:.,'+-]{0,40}",
            lower in any::<bool>(),
        ) {
            prop_assume!(Reference::find(&before).is_none());
            let r = Reference::from_bits(bits);
            let written = if lower { r.to_string().to_lowercase() } else { r.to_string() };
            let text = format!("{before} {written} {after}");
            prop_assert_eq!(Reference::find(&text), Some(r), "{}", text);
            let glued = format!("{before}/{written}/{after}");
            prop_assert_eq!(Reference::find(&glued), Some(r), "{}", glued);
        }

        #[test]
        fn distinct_bits_make_distinct_references(a in 0u32..(1 << BITS), b in 0u32..(1 << BITS)) {
            prop_assume!(a != b);
            prop_assert_ne!(Reference::from_bits(a).to_string(), Reference::from_bits(b).to_string());
        }
    }
}

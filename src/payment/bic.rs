//! The BIC, the business identifier code of a bank (ISO 9362), checked one way for the
//! configuration (`config::validate`) and the transfer QR code ([`super::epc`]).

/// Why a BIC is refused: not 8 or 11 characters of the ISO 9362 shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BicInvalid;

/// Checks a BIC as typed or pasted (whitespace anywhere, either case) and returns its
/// electronic form: whitespace removed, ASCII letters upper-cased.
///
/// The shape is ISO 9362:2022 (5th edition, clause 6.3.1): a 4-character business party
/// prefix of upper-case letters **or digits** (the edition that made it alphanumeric, as
/// the SWIFT registration authority's BIC page also states: "business party prefix (4
/// alphanumeric)"), a 2-letter ISO 3166-1 country code, a 2-character business party
/// suffix of letters or digits, and an optional 3-character branch identifier of letters
/// or digits: `[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?`, the pattern of ISO 20022's
/// `BICFIDec2014Identifier`, the type of the BIC fields of the pain.001.001.09 messages
/// that the EPC's SEPA credit transfer implementation guidelines specify. Older BICs,
/// letters-only prefixes (`BNPAFRPP`), are of that shape too.
pub fn check_bic(typed: &str) -> Result<String, BicInvalid> {
    let bic: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let b = bic.as_bytes();
    let shaped = (b.len() == 8 || b.len() == 11) && b.iter().all(u8::is_ascii_alphanumeric) && b[4..6].iter().all(u8::is_ascii_uppercase);
    if shaped {
        Ok(bic)
    } else {
        Err(BicInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_only_prefixes_as_before() {
        for (typed, bic) in [("BNPAFRPP", "BNPAFRPP"), ("cepafrpp751", "CEPAFRPP751"), (" bnpa frpp\u{a0}xxx ", "BNPAFRPPXXX"), ("EXMPRERX", "EXMPRERX"), ("DEUTDEFF500", "DEUTDEFF500")] {
            assert_eq!(check_bic(typed).as_deref(), Ok(bic), "{typed}");
        }
    }

    #[test]
    fn digits_in_the_prefix_since_iso_9362_2022() {
        for (typed, bic) in [("E097AEXX", "E097AEXX"), ("e097aexxxxx", "E097AEXXXXX"), ("1234DEFF", "1234DEFF"), ("B1NPFRPP", "B1NPFRPP")] {
            assert_eq!(check_bic(typed).as_deref(), Ok(bic), "{typed}");
        }
    }

    #[test]
    fn refusals() {
        for bad in [
            "",
            "BNPAFRP",      // 7 characters
            "BNPAFRPP7",    // 9
            "BNPAFRPP7512", // 12
            "BNPA1RPP",     // a digit in the country code
            "BNPAF1PP",
            "BNPA-FRPP",    // punctuation
            "BNPAFRPPÉ12",  // not ASCII
            "BNPAFRPP_XX",
            "ÉNPAFRPP",
        ] {
            assert_eq!(check_bic(bad), Err(BicInvalid), "{bad}");
        }
    }
}

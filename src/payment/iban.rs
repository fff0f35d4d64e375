//! Presentation helpers for IBANs (ISO 13616).
//!
//! An IBAN has two forms: the *electronic* form (no spaces, upper case) that goes into
//! payment payloads such as the EPC069-12 QR code, and the *print* form grouped by four
//! characters that people read and copy.

/// The electronic form of an IBAN as typed or pasted: every whitespace character
/// (including the non-breaking spaces that word processors insert) removed and ASCII
/// letters upper-cased. No validation: see [`super::epc::validate_iban`].
pub fn electronic_iban(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The print form of an IBAN: the electronic form grouped by four characters separated
/// by single spaces, e.g. `FR76 3000 6000 0112 3456 7890 189`. Accepts either form.
pub fn group_iban(iban: &str) -> String {
    let electronic = electronic_iban(iban);
    let mut out = String::with_capacity(electronic.len() + electronic.len() / 4);
    for (i, c) in electronic.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn electronic_removes_all_spaces_and_uppercases() {
        assert_eq!(
            electronic_iban(" fr76 3000\u{a0}6000 0112\t3456 7890 189 "),
            "FR7630006000011234567890189"
        );
        assert_eq!(electronic_iban(""), "");
    }

    #[test]
    fn groups_by_four() {
        assert_eq!(
            group_iban("FR7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
        assert_eq!(
            group_iban("de89 3704 0044 0532 0130 00"),
            "DE89 3704 0044 0532 0130 00"
        );
        assert_eq!(group_iban("ABCD"), "ABCD");
        assert_eq!(group_iban("ABCDE"), "ABCD E");
        assert_eq!(group_iban(""), "");
    }

    #[test]
    fn grouping_does_not_split_non_ascii_characters() {
        assert_eq!(group_iban("éééééé"), "éééé éé");
    }
}

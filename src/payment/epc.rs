//! The EPC069-12 payload: the text carried by a "SEPA credit transfer" QR code
//! (marketed as GiroCode, EPC QR or SCT QR).
//!
//! Reference: European Payments Council, *Quick Response Code: Guidelines to Enable
//! Data Capture for the Initiation of a SEPA Credit Transfer*, EPC069-12, version 3.0.
//! The guideline defines the payload as a list of data elements, one per line, in a
//! fixed order (its data elements table):
//!
//! | # | element                          | status in v002 | length        |
//! |---|----------------------------------|----------------|---------------|
//! | 1 | service tag `BCD`                | mandatory      | 3             |
//! | 2 | version `001`/`002`              | mandatory      | 3             |
//! | 3 | character set (`1` = UTF-8)      | mandatory      | 1             |
//! | 4 | identification `SCT`             | mandatory      | 3             |
//! | 5 | BIC of the beneficiary bank      | optional (EEA) | 8 or 11       |
//! | 6 | name of the beneficiary (AT-21)  | mandatory      | 1–70          |
//! | 7 | IBAN of the beneficiary (AT-20)  | mandatory      | ≤ 34          |
//! | 8 | amount, `EUR` + 0.01–999999999.99 (AT-04) | optional | ≤ 12 after `EUR` |
//! | 9 | purpose (AT-44)                  | optional       | 4             |
//! |10 | structured remittance (AT-05, RF creditor reference) | optional | ≤ 35 |
//! |11 | unstructured remittance (AT-05)  | optional       | ≤ 140         |
//! |12 | beneficiary to originator info   | optional       | ≤ 70          |
//!
//! Further rules from the guideline that this module applies:
//! - elements are separated by a line feed (CR LF is also allowed; we use LF only); the
//!   last element is not followed by a separator, and trailing empty optional elements
//!   may be left out entirely;
//! - the structured and the unstructured remittance are mutually exclusive: we only ever
//!   use the unstructured one, so element 10 stays empty;
//! - the amount uses a `.` as decimal separator, at most two decimals and no thousands
//!   separator (`EUR12.3` is valid; we always write two decimals, `EUR12.30`);
//! - the whole payload is at most 331 bytes, which is the byte-mode capacity of a
//!   version 13 QR code at error correction level M, the largest the guideline allows
//!   (see [`super::qr`]).
//!
//! Lengths are counted in characters (the guideline's "alphanumeric" lengths); the total
//! is counted in bytes of the UTF-8 encoding.

use std::fmt;


use crate::i18n::Text;
use crate::money::Cents;

use super::bic::check_bic;
use super::iban::check_iban;

/// Maximum payload size in bytes (EPC069-12: "maximum data size 331 bytes").
pub const MAX_PAYLOAD_BYTES: usize = 331;
/// Maximum length of the beneficiary name, in characters (EPC069-12, AT-21: 70).
pub const MAX_BENEFICIARY_CHARS: usize = 70;
/// Maximum length of the unstructured remittance, in characters (EPC069-12, AT-05: 140).
pub const MAX_REMITTANCE_CHARS: usize = 140;
/// Smallest amount the guideline accepts: EUR 0.01.
pub const MIN_TRANSFER_AMOUNT: Cents = Cents::new(1);
/// Largest amount the guideline accepts: EUR 999 999 999.99.
pub const MAX_TRANSFER_AMOUNT: Cents = Cents::new(99_999_999_999);

/// A SEPA credit transfer to prefill in the donor's banking app.
///
/// Fields are taken as typed by a person (or read from the configuration):
/// [`epc_payload`] trims them, removes spaces from the IBAN and upper-cases the IBAN
/// and the BIC. An empty (or blank) BIC or remittance counts as absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferOrder<'a> {
    /// BIC of the beneficiary's bank; optional in version 002 within the EEA.
    pub bic: Option<&'a str>,
    /// Name of the beneficiary (the campaign's financial agent or association).
    pub name: &'a str,
    /// IBAN of the beneficiary, electronic or print form.
    pub iban: &'a str,
    /// Amount to prefill; `None` lets the donor type it in the banking app.
    pub amount: Option<Cents>,
    /// Unstructured remittance information ("Don campagne …").
    pub remittance: Option<&'a str>,
}

/// A field of a [`TransferOrder`] that holds free text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Name,
    Remittance,
}

impl TextField {
    fn label(self) -> Text {
        match self {
            TextField::Name => Text::new("le nom du bénéficiaire", "the beneficiary name"),
            TextField::Remittance => Text::new("le motif du virement", "the transfer reference"),
        }
    }
}

/// Why a [`TransferOrder`] cannot be turned into an EPC069-12 payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EpcError {
    /// The beneficiary name is empty once trimmed.
    NameEmpty,
    /// The beneficiary name is longer than [`MAX_BENEFICIARY_CHARS`] characters.
    NameTooLong { chars: usize },
    /// The IBAN does not pass ISO 13616 validation (structure, country format, checksum).
    IbanInvalid,
    /// The BIC is not 8 or 11 characters of the ISO 9362 shape ([`super::bic::check_bic`]).
    BicInvalid,
    /// The amount is outside EUR 0.01 – 999 999 999.99.
    AmountOutOfRange { amount: Cents },
    /// The remittance is longer than [`MAX_REMITTANCE_CHARS`] characters.
    RemittanceTooLong { chars: usize },
    /// The assembled payload exceeds [`MAX_PAYLOAD_BYTES`] (possible with many
    /// non-ASCII characters, which take several bytes in UTF-8).
    PayloadTooLong { bytes: usize },
    /// A field holds a character that would break the line structure of the payload
    /// (control characters such as line feeds or tabs, Unicode line separators).
    ForbiddenCharacter { field: TextField, character: char },
}

impl EpcError {
    /// What went wrong, in French and English, for the person configuring or giving.
    pub fn message(&self) -> Text {
        match self {
            EpcError::NameEmpty => Text::new(
                "Le nom du bénéficiaire du virement est vide.",
                "The name of the transfer's beneficiary is empty.",
            ),
            EpcError::NameTooLong { chars } => Text::new(
                format!(
                    "Le nom du bénéficiaire compte {chars} caractères ; le QR code de virement en admet {MAX_BENEFICIARY_CHARS} au plus."
                ),
                format!(
                    "The beneficiary name has {chars} characters; the transfer QR code allows at most {MAX_BENEFICIARY_CHARS}."
                ),
            ),
            EpcError::IbanInvalid => Text::new(
                "L'IBAN n'est pas valide (vérifiez chaque caractère).",
                "The IBAN is not valid (check every character).",
            ),
            EpcError::BicInvalid => Text::new(
                "Le BIC doit compter 8 ou 11 lettres et chiffres (par exemple BNPAFRPP).",
                "The BIC must be 8 or 11 letters and digits (for example BNPAFRPP).",
            ),
            EpcError::AmountOutOfRange { amount } => Text::new(
                format!(
                    "Le montant ({amount}) doit être compris entre 0,01 € et 999 999 999,99 € pour un QR code de virement."
                ),
                format!(
                    "The amount ({amount}) must be between EUR 0.01 and EUR 999,999,999.99 for a transfer QR code."
                ),
            ),
            EpcError::RemittanceTooLong { chars } => Text::new(
                format!(
                    "Le motif du virement compte {chars} caractères ; le QR code de virement en admet {MAX_REMITTANCE_CHARS} au plus."
                ),
                format!(
                    "The transfer reference has {chars} characters; the transfer QR code allows at most {MAX_REMITTANCE_CHARS}."
                ),
            ),
            EpcError::PayloadTooLong { bytes } => Text::new(
                format!(
                    "Les informations du virement occupent {bytes} octets ; le QR code de virement en admet {MAX_PAYLOAD_BYTES} au plus. Raccourcissez le nom ou le motif."
                ),
                format!(
                    "The transfer details take {bytes} bytes; the transfer QR code allows at most {MAX_PAYLOAD_BYTES}. Shorten the name or the reference."
                ),
            ),
            EpcError::ForbiddenCharacter { field, character } => {
                let label = field.label();
                let code = u32::from(*character);
                Text::new(
                    format!(
                        "{} contient un caractère interdit (U+{code:04X}, par exemple un retour à la ligne).",
                        capitalize(&label.fr)
                    ),
                    format!(
                        "{} contains a forbidden character (U+{code:04X}, for example a line break).",
                        capitalize(&label.en)
                    ),
                )
            }
        }
    }
}

/// A field's label at the start of a sentence. Every label starts with an ASCII letter
/// (a test checks it), so ASCII upper-casing is exact, and it keeps std's Unicode case
/// tables (27 KB of the wasm) out of this module.
fn capitalize(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

impl fmt::Display for EpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for EpcError {}

/// Formats an amount for element 8: `EUR` then euros, a `.` and two decimals, with
/// integer arithmetic only (EPC069-12, AT-04).
pub fn format_epc_amount(amount: Cents) -> Result<String, EpcError> {
    if amount < MIN_TRANSFER_AMOUNT || amount > MAX_TRANSFER_AMOUNT {
        return Err(EpcError::AmountOutOfRange { amount });
    }
    let cents = amount.get();
    Ok(format!("EUR{}.{:02}", cents / 100, cents % 100))
}

/// Parses element 8 back into cents: `EUR` followed by 1 to 9 digits of euros and an
/// optional `.` with one or two decimals (`EUR12`, `EUR12.3`, `EUR12.30`). Returns
/// `None` for anything else, including amounts outside the guideline's range.
pub fn parse_epc_amount(s: &str) -> Option<Cents> {
    let number = s.strip_prefix("EUR")?;
    let (euros, decimals) = match number.split_once('.') {
        Some((euros, decimals)) => (euros, decimals),
        None => (number, ""),
    };
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if euros.is_empty()
        || euros.len() > 9
        || !digits(euros)
        || decimals.len() > 2
        || !digits(decimals)
    {
        return None;
    }
    if number.ends_with('.') {
        return None;
    }
    let euros: i64 = euros.parse().ok()?;
    let mut fraction: i64 = if decimals.is_empty() {
        0
    } else {
        decimals.parse().ok()?
    };
    if decimals.len() == 1 {
        fraction *= 10;
    }
    let amount = Cents::new(euros * 100 + fraction);
    (MIN_TRANSFER_AMOUNT..=MAX_TRANSFER_AMOUNT)
        .contains(&amount)
        .then_some(amount)
}

/// Characters that must not appear in a free-text element: anything that could be read
/// as a line separator, and text that can lie (bidi controls, invisible characters:
/// see [`crate::text_safety`]), so that the name a banking app shows is the one encoded.
fn forbidden(c: char) -> bool {
    c.is_control() || crate::text_safety::hidden_kind(c).is_some()
}

fn check_text(field: TextField, text: &str) -> Result<(), EpcError> {
    match text.chars().find(|&c| forbidden(c)) {
        Some(character) => Err(EpcError::ForbiddenCharacter { field, character }),
        None => Ok(()),
    }
}

/// The transfer's unstructured remittance: the account's own reference, then the gift's
/// reference after a space, when both fit in [`MAX_REMITTANCE_CHARS`]; the account's
/// own alone when they do not (the mandataire's reference comes first, the gift's is a
/// convenience for the register).
pub fn remittance_with(own: Option<&str>, gift: Option<crate::payment::Reference>) -> Option<String> {
    let own = own.map(str::trim).filter(|r| !r.is_empty());
    let Some(gift) = gift else { return own.map(str::to_owned) };
    let gift = gift.to_string();
    Some(match own {
        None => gift,
        Some(own) if own.chars().count() + 1 + gift.len() <= MAX_REMITTANCE_CHARS => [own, " ", &gift].concat(),
        Some(own) => own.to_owned(),
    })
}

/// Builds the EPC069-12 payload (version 002, character set 1 = UTF-8, identification
/// SCT) for `order`.
///
/// Elements are joined by `\n`; trailing empty elements are omitted, so the payload
/// ends with the IBAN, the amount or the remittance, never with a line feed. The
/// purpose (element 9) and structured remittance (element 10) stay empty and the
/// beneficiary-to-originator information (element 12) is never written.
pub fn epc_payload(order: &TransferOrder<'_>) -> Result<String, EpcError> {
    let name = order.name.trim();
    if name.is_empty() {
        return Err(EpcError::NameEmpty);
    }
    check_text(TextField::Name, name)?;
    let name_chars = name.chars().count();
    if name_chars > MAX_BENEFICIARY_CHARS {
        return Err(EpcError::NameTooLong { chars: name_chars });
    }

    // Element 5 may be blank (optional in version 002); element 7 is the IBAN's
    // electronic form (AT-20, "only IBAN is allowed").
    let bic = match order.bic.map(str::trim).filter(|b| !b.is_empty()) {
        Some(bic) => Some(check_bic(bic).map_err(|_| EpcError::BicInvalid)?),
        None => None,
    };
    let iban = check_iban(order.iban).map_err(|_| EpcError::IbanInvalid)?;
    let amount = match order.amount {
        Some(amount) => Some(format_epc_amount(amount)?),
        None => None,
    };

    let remittance = order.remittance.map(str::trim).filter(|r| !r.is_empty());
    if let Some(remittance) = remittance {
        check_text(TextField::Remittance, remittance)?;
        let chars = remittance.chars().count();
        if chars > MAX_REMITTANCE_CHARS {
            return Err(EpcError::RemittanceTooLong { chars });
        }
    }

    let elements: [&str; 11] = [
        "BCD",
        "002",
        "1",
        "SCT",
        bic.as_deref().unwrap_or(""),
        name,
        &iban,
        amount.as_deref().unwrap_or(""),
        "", // purpose (AT-44)
        "", // structured remittance (AT-05): exclusive with the unstructured one
        remittance.unwrap_or(""),
    ];
    let used = elements
        .iter()
        .rposition(|e| !e.is_empty())
        .map_or(0, |last| last + 1);
    let payload = elements[..used].join("\n");
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(EpcError::PayloadTooLong {
            bytes: payload.len(),
        });
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gift_reference_follows_the_accounts_own_within_the_limit() {
        let gift = crate::payment::Reference::from_bits(0);
        assert_eq!(remittance_with(Some("Don AFC"), Some(gift)).as_deref(), Some("Don AFC DON-000000"));
        assert_eq!(remittance_with(None, Some(gift)).as_deref(), Some("DON-000000"));
        assert_eq!(remittance_with(Some(" Don "), None).as_deref(), Some("Don"));
        assert_eq!(remittance_with(None, None), None);
        // 129 characters + a space + 10 = 140: it fits, exactly.
        let fits = "é".repeat(MAX_REMITTANCE_CHARS - 11);
        let both = remittance_with(Some(&fits), Some(gift)).unwrap();
        assert_eq!((both.chars().count(), both.ends_with("DON-000000")), (MAX_REMITTANCE_CHARS, true));
        let order = |r: &str| epc_payload(&TransferOrder { bic: None, name: "AFC", iban: "FR76 3000 6000 0112 3456 7890 189", amount: None, remittance: Some(r) }).map(|_| ());
        assert_eq!(order(&both), Ok(()));
        // One more: the account's own reference alone.
        let long = "e".repeat(MAX_REMITTANCE_CHARS - 10);
        assert_eq!(remittance_with(Some(&long), Some(gift)), Some(long.clone()));
    }

    const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";

    fn order() -> TransferOrder<'static> {
        TransferOrder {
            bic: None,
            name: "AFC Jeanne Martin",
            iban: IBAN,
            amount: None,
            remittance: None,
        }
    }

    #[test]
    fn minimal_payload_ends_with_the_iban() {
        assert_eq!(
            epc_payload(&order()).unwrap(),
            "BCD\n002\n1\nSCT\n\nAFC Jeanne Martin\nFR7630006000011234567890189"
        );
    }

    #[test]
    fn full_payload() {
        let order = TransferOrder {
            bic: Some(" bnpafrpp "),
            name: "  Association de financement de Jeanne Martin ",
            iban: " fr76 3000 6000 0112 3456 7890 189",
            amount: Some(Cents::new(3750)),
            remittance: Some(" Don législatives 2027 "),
        };
        assert_eq!(
            epc_payload(&order).unwrap(),
            "BCD\n002\n1\nSCT\nBNPAFRPP\nAssociation de financement de Jeanne Martin\n\
             FR7630006000011234567890189\nEUR37.50\n\n\nDon législatives 2027"
        );
    }

    #[test]
    fn amount_without_remittance_ends_with_the_amount() {
        let order = TransferOrder {
            amount: Some(Cents::new(5)),
            ..order()
        };
        assert_eq!(
            epc_payload(&order).unwrap(),
            "BCD\n002\n1\nSCT\n\nAFC Jeanne Martin\nFR7630006000011234567890189\nEUR0.05"
        );
    }

    #[test]
    fn remittance_without_amount_keeps_the_empty_lines() {
        let order = TransferOrder {
            bic: Some(""),
            remittance: Some("Don"),
            ..order()
        };
        assert_eq!(
            epc_payload(&order).unwrap(),
            "BCD\n002\n1\nSCT\n\nAFC Jeanne Martin\nFR7630006000011234567890189\n\n\n\nDon"
        );
    }

    #[test]
    fn blank_remittance_is_absent() {
        let order = TransferOrder {
            remittance: Some("   "),
            ..order()
        };
        assert_eq!(
            epc_payload(&order).unwrap(),
            epc_payload(&self::order()).unwrap()
        );
    }

    #[test]
    fn name_rules() {
        assert_eq!(
            epc_payload(&TransferOrder {
                name: " \t ",
                ..order()
            }),
            Err(EpcError::NameEmpty)
        );
        let seventy = "é".repeat(70);
        assert!(epc_payload(&TransferOrder {
            name: &seventy,
            ..order()
        })
        .is_ok());
        let seventy_one = "a".repeat(71);
        assert_eq!(
            epc_payload(&TransferOrder {
                name: &seventy_one,
                ..order()
            }),
            Err(EpcError::NameTooLong { chars: 71 })
        );
        assert_eq!(
            epc_payload(&TransferOrder {
                name: "AFC\nBCD",
                ..order()
            }),
            Err(EpcError::ForbiddenCharacter {
                field: TextField::Name,
                character: '\n'
            })
        );
    }

    #[test]
    fn iban_rules() {
        for bad in [
            "",
            "FR76 3000 6000 0112 3456 7890 188",
            "FR76",
            "XX7630006000011234567890189",
        ] {
            assert_eq!(
                epc_payload(&TransferOrder {
                    iban: bad,
                    ..order()
                }),
                Err(EpcError::IbanInvalid),
                "{bad}"
            );
        }
        let lower = epc_payload(&TransferOrder { iban: "de89370400440532013000", ..order() }).unwrap();
        assert!(lower.ends_with("\nDE89370400440532013000"), "{lower}");
    }

    #[test]
    fn bic_rules() {
        // The BIC is `super::bic::check_bic`'s (tested there); here, what reaches element 5.
        let element_5 = |bic: &'static str| epc_payload(&TransferOrder { bic: Some(bic), ..order() }).map(|p| p.lines().nth(4).unwrap_or("").to_owned());
        assert_eq!(element_5("  ").as_deref(), Ok(""));
        assert_eq!(element_5("cepafrpp751").as_deref(), Ok("CEPAFRPP751"));
        // Spaces anywhere are removed, as from the IBAN; digits may open the prefix.
        assert_eq!(element_5("BNPA FRPP").as_deref(), Ok("BNPAFRPP"));
        assert_eq!(element_5("E097AEXX").as_deref(), Ok("E097AEXX"));
        for bad in ["BNPAFRP", "BNPAFRPP7", "BNPA1RPP", "BNPAFRPPÉ12"] {
            assert_eq!(element_5(bad), Err(EpcError::BicInvalid), "{bad}");
        }
    }

    #[test]
    fn amount_rules() {
        for bad in [0, -1, 99_999_999_999 + 1] {
            let amount = Cents::new(bad);
            assert_eq!(
                epc_payload(&TransferOrder {
                    amount: Some(amount),
                    ..order()
                }),
                Err(EpcError::AmountOutOfRange { amount })
            );
        }
        assert_eq!(format_epc_amount(Cents::new(1)).unwrap(), "EUR0.01");
        assert_eq!(format_epc_amount(Cents::new(10_000)).unwrap(), "EUR100.00");
        assert_eq!(format_epc_amount(MAX_TRANSFER_AMOUNT).unwrap(), "EUR999999999.99");
    }

    #[test]
    fn amount_parsing() {
        assert_eq!(parse_epc_amount("EUR12.3"), Some(Cents::new(1230)));
        assert_eq!(parse_epc_amount("EUR12.30"), Some(Cents::new(1230)));
        assert_eq!(parse_epc_amount("EUR12"), Some(Cents::new(1200)));
        assert_eq!(parse_epc_amount("EUR0.01"), Some(Cents::new(1)));
        assert_eq!(parse_epc_amount("EUR999999999.99"), Some(MAX_TRANSFER_AMOUNT));
        for bad in [
            "EUR0",
            "EUR0.00",
            "EUR12.",
            "EUR.5",
            "EUR1.234",
            "EUR1,5",
            "12.30",
            "EUR1 000",
            "EUR1000000000",
            "EUR+1",
            "",
        ] {
            assert_eq!(parse_epc_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn remittance_rules() {
        let long = "x".repeat(141);
        assert_eq!(
            epc_payload(&TransferOrder {
                remittance: Some(&long),
                ..order()
            }),
            Err(EpcError::RemittanceTooLong { chars: 141 })
        );
        assert_eq!(
            epc_payload(&TransferOrder {
                remittance: Some("Don\u{2028}x"),
                ..order()
            }),
            Err(EpcError::ForbiddenCharacter {
                field: TextField::Remittance,
                character: '\u{2028}'
            })
        );
    }

    #[test]
    fn payload_too_long_with_multibyte_text() {
        let name = "€".repeat(70); // 210 bytes
        let remittance = "€".repeat(40); // 120 bytes
        let order = TransferOrder {
            name: &name,
            remittance: Some(&remittance),
            ..order()
        };
        assert!(
            matches!(epc_payload(&order), Err(EpcError::PayloadTooLong { bytes }) if bytes > MAX_PAYLOAD_BYTES)
        );
    }

    #[test]
    fn every_error_has_two_non_empty_messages() {
        let errors = [
            EpcError::NameEmpty,
            EpcError::NameTooLong { chars: 71 },
            EpcError::IbanInvalid,
            EpcError::BicInvalid,
            EpcError::AmountOutOfRange {
                amount: Cents::ZERO,
            },
            EpcError::RemittanceTooLong { chars: 141 },
            EpcError::PayloadTooLong { bytes: 400 },
            EpcError::ForbiddenCharacter {
                field: TextField::Remittance,
                character: '\t',
            },
        ];
        for error in errors {
            let text = error.message();
            assert!(!text.fr.is_empty() && !text.en.is_empty());
            assert_ne!(text.fr, text.en);
        }
        let text = EpcError::ForbiddenCharacter {
            field: TextField::Name,
            character: '\n',
        }
        .message();
        assert!(
            text.fr.starts_with("Le nom") && text.fr.contains("U+000A"),
            "{}",
            text.fr
        );
    }

    #[test]
    fn labels_start_with_an_ascii_letter_so_ascii_capitalising_is_exact() {
        for field in [TextField::Name, TextField::Remittance] {
            let label = field.label();
            for (plain, start) in [
                (&label.fr, capitalize(&label.fr)),
                (&label.en, capitalize(&label.en)),
            ] {
                assert!(
                    plain.starts_with(|c: char| c.is_ascii_lowercase()),
                    "{plain}"
                );
                assert!(
                    start.starts_with(|c: char| c.is_ascii_uppercase()),
                    "{start}"
                );
                assert_eq!(start.to_lowercase(), plain.to_lowercase());
            }
        }
        assert_eq!(capitalize(""), "");
        assert_eq!(capitalize("élan"), "élan");
    }
}

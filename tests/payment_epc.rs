#![cfg(not(target_arch = "wasm32"))]
//! Properties of the EPC069-12 payload and its QR code over generated transfer orders.

use circo_don::money::Cents;
use circo_don::payment::epc::{parse_epc_amount, MAX_TRANSFER_AMOUNT, MAX_PAYLOAD_BYTES};
use circo_don::payment::qr::{qr_code, MAX_VERSION};
use circo_don::payment::{epc_payload, group_iban, transfer_qr_svg, TransferOrder};
use proptest::prelude::*;
use qrcodegen::QrCodeEcc;

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

/// An IBAN with correct ISO 7064 check digits for `country` and an all-digit `bban`.
fn iban_with_check(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let value = c.to_digit(36).unwrap();
        let digits = if value >= 10 { 100 } else { 10 };
        rem = (rem * digits + value) % 97;
    }
    format!("{country}{:02}{bban}", 98 - rem)
}

fn valid_iban() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{23}".prop_map(|bban| iban_with_check("FR", &bban)),
        "[0-9]{18}".prop_map(|bban| iban_with_check("DE", &bban)),
    ]
}

/// A valid IBAN as a person may type it: print form or electronic, any case.
fn typed_iban() -> impl Strategy<Value = (String, String)> {
    (valid_iban(), any::<bool>(), any::<bool>()).prop_map(|(iban, grouped, lower)| {
        let mut typed = if grouped {
            group_iban(&iban)
        } else {
            iban.clone()
        };
        if lower {
            typed = typed.to_lowercase();
        }
        (iban, typed)
    })
}

fn check_payload(payload: &str, iban: &str, amount: Option<Cents>) {
    assert!(
        payload.len() <= MAX_PAYLOAD_BYTES,
        "{} bytes",
        payload.len()
    );
    assert!(!payload.ends_with('\n'));
    let lines: Vec<&str> = payload.split('\n').collect();
    assert!((7..=11).contains(&lines.len()));
    assert_eq!(&lines[..4], ["BCD", "002", "1", "SCT"]);
    assert_eq!(lines[6], iban);
    match amount {
        Some(amount) => assert_eq!(parse_epc_amount(lines[7]), Some(amount)),
        None => assert!(lines.get(7).is_none_or(|l| l.is_empty())),
    }
    let code = qr_code(payload).expect("a valid payload always fits");
    assert_eq!(code.error_correction_level(), QrCodeEcc::Medium);
    assert!(code.version().value() <= MAX_VERSION);
}

proptest! {
    // Nothing is rejected: not one rejection allowed.
    #![proptest_config(proptest_floor::accepting(200, 100))]

    #[test]
    fn ascii_orders_are_always_accepted(
        (iban, typed) in typed_iban(),
        bic in proptest::option::of("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?"),
        name in "[A-Za-z0-9][ -~]{0,68}[A-Za-z0-9]",
        amount in proptest::option::of(1..=MAX_TRANSFER_AMOUNT.get()),
        remittance in proptest::option::of("[ -~]{0,140}"),
    ) {
        let amount = amount.map(Cents::new);
        let order = TransferOrder {
            bic: bic.as_deref(),
            name: &name,
            iban: &typed,
            amount,
            remittance: remittance.as_deref(),
        };
        let payload = epc_payload(&order).unwrap();
        check_payload(&payload, &iban, amount);
    }

    #[test]
    fn unicode_orders_are_valid_whenever_accepted(
        (iban, typed) in typed_iban(),
        name in "\\PC{1,40}",
        amount in proptest::option::of(1..=MAX_TRANSFER_AMOUNT.get()),
        remittance in proptest::option::of("\\PC{0,40}"),
    ) {
        let amount = amount.map(Cents::new);
        let order = TransferOrder { bic: None, name: &name, iban: &typed, amount, remittance: remittance.as_deref() };
        if let Ok(payload) = epc_payload(&order) {
            check_payload(&payload, &iban, amount);
        }
    }

    #[test]
    fn arbitrary_input_never_panics(
        bic in proptest::option::of(any::<String>()),
        name in any::<String>(),
        iban in any::<String>(),
        amount in proptest::option::of(any::<i64>()),
        remittance in proptest::option::of(any::<String>()),
    ) {
        let order = TransferOrder {
            bic: bic.as_deref(),
            name: &name,
            iban: &iban,
            amount: amount.map(Cents::new),
            remittance: remittance.as_deref(),
        };
        match transfer_qr_svg(&order) {
            Ok(svg) => prop_assert!(svg.starts_with("<svg")),
            Err(error) => {
                let text = error.message();
                prop_assert!(!text.fr.is_empty() && !text.en.is_empty());
            }
        }
        let _ = group_iban(&iban);
        let _ = parse_epc_amount(&name);
    }
}

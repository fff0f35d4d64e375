#![cfg(not(target_arch = "wasm32"))]
//! The verification of payee: since October 2025 the donor's bank compares the name of
//! a transfer with the one the account's bank registered. So the name in the transfer
//! QR code, the holder the widget shows and the holder in the configuration must be
//! the same string, byte for byte; and `circo-don check` tells the collective that this
//! name must be the bank's. (The end-to-end test decodes the QR code the widget draws
//! and compares it with the holder on screen: tests/e2e/donor.test.mjs.)

use std::fs;

use circo_don::cli::run;
use circo_don::config::{load, Target, ValidAccount};
use circo_don::donation::page::{MethodDetail, PaymentBody};
use circo_don::donation::{account_page, amount_text, Action, AmountField, Inputs};
use circo_don::i18n::Lang;
use circo_don::payment::Method;
use circo_don::money::Cents;
use circo_don::payment::qr::qr_svg;
use circo_don::payment::{epc_payload, TransferOrder};
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

fn demo(file: &str) -> String {
    fs::read_to_string(format!("{}/demo/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The holder and the QR code of the donor's page (the structs the widget renders), on
/// the eve of the first round, for `gift` typed and a transfer chosen.
fn shown(account: &ValidAccount, gift: Option<Cents>) -> (String, String) {
    let mut inputs = Inputs::with_method(Method::Transfer);
    if let Some(g) = gift {
        inputs = inputs.apply(Action::Type(AmountField::Gift, amount_text(g)));
    }
    let eve = account.election.first_round.add_days(-1).unwrap();
    match account_page(account, &inputs, eve, Lang::Fr).payment.body {
        PaymentBody::Open(open) => match open.detail {
            Some(MethodDetail::Transfer(t)) => (t.holder.clone(), t.qr.expect("a QR code").svg),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

/// The holder as the configuration's bytes have it, the holder the page shows, and the
/// payload's name element, after checking that the page's QR code is exactly that
/// payload's.
fn holder_and_qr_name(text: &str, pointer: &str, gift: Option<Cents>) -> (String, String, String) {
    let raw: Value = serde_json::from_str(text).unwrap();
    let configured = raw.pointer(pointer).and_then(Value::as_str).unwrap().trim().to_owned();
    let loaded = load(text);
    let account = match (loaded.account(), loaded.registry()) {
        (Some(a), _) => a.clone(),
        (None, Some(r)) => {
            let index: usize = pointer.split('/').nth(2).unwrap().parse().unwrap();
            match &r.entries.iter().find(|e| e.index == index).unwrap().target {
                Target::Inline(a) => (**a).clone(),
                other => panic!("{other:?}"),
            }
        }
        _ => panic!("{:#?}", loaded.problems),
    };
    let t = account.payment.transfer.as_ref().unwrap();
    let order = TransferOrder { bic: t.bic.as_deref(), name: &t.holder, iban: &t.iban, amount: gift, remittance: t.reference.as_deref() };
    let payload = epc_payload(&order).unwrap();
    // The page's QR code encodes exactly this payload.
    let (holder, svg) = shown(&account, gift);
    assert_eq!(svg, qr_svg(&payload).unwrap());
    let name = payload.split('\n').nth(5).unwrap().to_owned();
    (configured, holder, name)
}

#[test]
fn the_examples_name_the_same_payee_everywhere() {
    for (file, pointer) in [
        ("circo-exemple.json", "/payment/transfer/holder"),
        ("association.json", "/payment/transfer/holder"),
        ("registry.json", "/circos/2/payment/transfer/holder"),
    ] {
        let (configured, shown, in_qr) = holder_and_qr_name(&demo(file), pointer, Some(Cents::from_euros(37)));
        assert_eq!(configured.as_bytes(), shown.as_bytes(), "{file}");
        assert_eq!(configured.as_bytes(), in_qr.as_bytes(), "{file}");
    }
}

proptest! {
    // Holders the configuration refuses are rejected: at least 90 % must be accepted.
    #![proptest_config(proptest_floor::accepting(256, 90))]
    /// Accents, apostrophes, either Unicode normal form: the bytes go through untouched.
    #[test]
    fn any_accepted_holder_reaches_the_qr_code_byte_for_byte(
        holder in "[A-Za-zÀ-ÿœŒ’' ,.-]{0,30}[A-Za-zÀ-ÿ]|[a-z]{1,10}e\u{301}[a-z]{1,10}",
    ) {
        let mut doc: Value = serde_json::from_str(&demo("circo-exemple.json")).unwrap();
        for pointer in ["/mandataire/account_title", "/payment/cheque/payee", "/payment/transfer/holder"] {
            *doc.pointer_mut(pointer).unwrap() = Value::String(holder.clone());
        }
        let text = doc.to_string();
        prop_assume!(load(&text).account().is_some());
        let (configured, shown, in_qr) = holder_and_qr_name(&text, "/payment/transfer/holder", None);
        prop_assert_eq!(configured.as_bytes(), shown.as_bytes());
        prop_assert_eq!(configured.as_bytes(), in_qr.as_bytes());
    }
}

#[test]
fn the_payload_refuses_what_validation_refuses() {
    let order = |name| TransferOrder { bic: None, name, iban: "FR7699999000010001234567809", amount: None, remittance: None };
    assert!(epc_payload(&order("Claude Durand")).is_ok());
    for lying in ["Claude \u{202E}Durand", "Claude\u{200B} Durand", "\u{2066}Claude Durand\u{2069}"] {
        assert!(epc_payload(&order(lying)).is_err(), "{lying:?}");
    }
}

#[test]
fn check_says_the_holder_must_be_the_banks_registered_name() {
    let path = format!("{}/demo/circo-exemple.json", env!("CARGO_MANIFEST_DIR"));
    let out = run(&["check".to_owned(), path]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let note = out.stdout.find("info  payment.transfer.holder  [verification-of-payee]").expect(&out.stdout);
    let rest = &out.stdout[note..];
    assert!(rest.contains("« Claude Durand, mandataire financier de Camille Martin »"), "{rest}");
    assert!(rest.contains("vérifie le bénéficiaire") && rest.contains("verifies the payee"), "{rest}");
    // A registry: one note per inline account with a transfer.
    let out = run(&["check".to_owned(), format!("{}/demo/registry.json", env!("CARGO_MANIFEST_DIR"))]);
    assert!(out.stdout.contains("info  circos[2].payment.transfer.holder  [verification-of-payee]"), "{}", out.stdout);
}

/// `check` on a registry file loads the linked files next to it, as the widget would,
/// and refuses one whose IBAN is not the one the registry states.
#[test]
fn check_compares_local_linked_files_with_the_registry() {
    let dir = std::env::temp_dir().join(format!("circo-don-check-links-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("registry.json"), demo("registry.json")).unwrap();
    fs::write(dir.join("association.json"), demo("association.json")).unwrap();
    let mut moved: Value = serde_json::from_str(&demo("circo-exemple.json")).unwrap();
    moved["payment"]["transfer"]["iban"] = "FR76 3000 1007 9412 3456 7890 185".into();
    fs::write(dir.join("circo-exemple.json"), moved.to_string()).unwrap();
    let out = run(&["check".to_owned(), dir.join("registry.json").to_string_lossy().into_owned()]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("circos[0] (circo-exemple.json) payment.transfer.iban  [link-iban-mismatch]"), "{}", out.stdout);
    assert!(!out.stdout.contains("circos[1] (association.json)"), "{}", out.stdout);
    fs::write(dir.join("circo-exemple.json"), demo("circo-exemple.json")).unwrap();
    let out = run(&["check".to_owned(), dir.join("registry.json").to_string_lossy().into_owned()]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    fs::remove_dir_all(&dir).ok();
}

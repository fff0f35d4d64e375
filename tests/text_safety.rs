#![cfg(not(target_arch = "wasm32"))]
//! Text that can lie, through the configuration: any text field a donor reads or a bank
//! compares refuses a bidi control, an invisible character or a non-character, with an
//! error at that field's path naming the code point; text without one never gets that
//! error. The character table itself is tested in `src/text_safety.rs`.

use std::fs;

use circo_don::config::{load, Severity};
use circo_don::text_safety::{code_point, first_hidden, hidden_kind};
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

fn read(file: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(format!("{}/demo/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

/// The text fields of the examples: file, JSON pointer, the problem's path.
const FIELDS: &[(&str, &str, &str)] = &[
    ("circo-exemple.json", "/circo/name", "circo.name"),
    ("circo-exemple.json", "/candidate/name", "candidate.name"),
    ("circo-exemple.json", "/mandataire/name", "mandataire.name"),
    ("circo-exemple.json", "/mandataire/account_title", "mandataire.account_title"),
    ("circo-exemple.json", "/payment/cheque/payee", "payment.cheque.payee"),
    ("circo-exemple.json", "/payment/cheque/address/1", "payment.cheque.address[1]"),
    ("circo-exemple.json", "/payment/transfer/holder", "payment.transfer.holder"),
    ("circo-exemple.json", "/payment/transfer/reference", "payment.transfer.reference"),
    ("circo-exemple.json", "/payment/card/operator", "payment.card.operator"),
    ("circo-exemple.json", "/payment/card/url", "payment.card.url"),
    ("circo-exemple.json", "/contact/email", "contact.email"),
    ("circo-exemple.json", "/contact/url", "contact.url"),
    ("registry.json", "/name", "name"),
    ("registry.json", "/circos/0/name", "circos[0].name"),
    ("registry.json", "/circos/0/url", "circos[0].url"),
    ("registry.json", "/circos/2/candidate/name", "circos[2].candidate.name"),
    ("registry.json", "/circos/2/payment/transfer/holder", "circos[2].payment.transfer.holder"),
];

/// Every character the rule refuses.
fn hidden_chars() -> Vec<char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| hidden_kind(c).is_some()).collect()
}

/// The example `file` with `insert` put at character `at` of the field at `pointer`.
fn with_inserted(file: &str, pointer: &str, at: usize, insert: &str) -> String {
    let mut doc = read(file);
    let field = doc.pointer_mut(pointer).unwrap();
    let mut chars: Vec<char> = field.as_str().unwrap().chars().collect();
    let at = at.min(chars.len());
    chars.splice(at..at, insert.chars());
    *field = Value::String(chars.into_iter().collect());
    doc.to_string()
}

proptest! {
    // Nothing is rejected: not one rejection allowed.
    #![proptest_config(proptest_floor::accepting(256, 100))]
    #[test]
    fn a_hidden_character_in_any_text_field_is_an_error_at_its_path(
        field in prop::sample::select(FIELDS),
        h in prop::sample::select(hidden_chars()),
        at in 0usize..80,
    ) {
        let (file, pointer, path) = field;
        let loaded = load(&with_inserted(file, pointer, at, &h.to_string()));
        let found = loaded.problems.iter().find(|p| p.path == path && p.rule == "hidden-character");
        prop_assert!(found.is_some(), "{} at {}: {:#?}", code_point(h), path, loaded.problems);
        let found = found.unwrap();
        prop_assert_eq!(found.severity, Severity::Error);
        prop_assert!(found.message.fr.contains(&format!("« {} »", code_point(h))), "{}", found.message.fr);
        prop_assert!(found.message.en.contains(&code_point(h)));
        prop_assert!(loaded.account().is_none());
        // No message carries the character itself.
        for p in &loaded.problems {
            prop_assert_eq!(first_hidden(&p.message.fr), None, "{}", p);
        }
    }
}

proptest! {
    // Texts with a hidden character are rejected: at least 90 % of them are tried.
    #![proptest_config(proptest_floor::accepting(256, 90))]
    #[test]
    fn text_without_one_never_gets_that_error(
        field in prop::sample::select(FIELDS),
        s in "\\PC{0,12}",
        at in 0usize..80,
    ) {
        prop_assume!(first_hidden(&s).is_none());
        let (file, pointer, _) = field;
        let loaded = load(&with_inserted(file, pointer, at, &s));
        prop_assert!(loaded.problems.iter().all(|p| p.rule != "hidden-character"), "{:#?}", loaded.problems);
    }
}

#[test]
fn a_cyrillic_letter_in_a_latin_name_is_a_warning() {
    let loaded = load(&with_inserted("circo-exemple.json", "/mandataire/name", 0, "\u{421}"));
    let warning = loaded.problems.iter().find(|p| p.rule == "mixed-script").expect("mixed-script warning");
    assert_eq!((warning.path.as_str(), warning.severity), ("mandataire.name", Severity::Warning));
    assert!(warning.message.fr.contains("U+0421"), "{}", warning.message.fr);
    // Names wholly in another script are not confusable within a word.
    let mut doc = read("circo-exemple.json");
    doc["candidate"]["name"] = "Владимир Martin".into();
    assert!(load(&doc.to_string()).problems.iter().all(|p| p.rule != "mixed-script"));
}

/// The printable form's identity fields: a field holding such a character gets the
/// donor's message (the widget shows it under the field) and prints blank, to be
/// written by hand; the others print as typed.
#[test]
fn the_printable_form_prints_no_hidden_character() {
    use circo_don::date::Date;
    use circo_don::donation::bulletin::bulletin_html;
    use circo_don::donation::Identity;
    use circo_don::i18n::Lang;
    use circo_don::payment::Method;
    use circo_don::text_safety::typed_error;

    let loaded = load(&read("circo-exemple.json").to_string());
    let account = loaded.account().unwrap();
    let who = Identity {
        surname: "Dupont\u{202E}".into(),
        given_names: "Marie".into(),
        nationality: "française".into(),
        address: "1 rue\u{200B} Haute".into(),
    };
    let message = typed_error(&who.surname).unwrap();
    assert!(message.fr.contains("U+202E") && message.en.contains("U+202E"), "{message:?}");
    assert!(typed_error(&who.given_names).is_none());
    let today = Date::parse_iso("2027-05-02").unwrap();
    let html = bulletin_html(account, &who, &circo_don::donation::BulletinGift { amount: None, method: Method::Cheque, order: None, reference: None }, today, Lang::Fr);
    assert_eq!(first_hidden(&html), None);
    assert!(!html.contains("Dupont") && !html.contains("rue Haute"), "fields with a hidden character print blank");
    assert!(html.contains("<td>Marie</td>") && html.contains("<td>française</td>"));
}

/// A registry stays usable when an entry is in error: what it still shows of that entry
/// (its name in the list) and of itself carries no hidden character.
#[test]
fn a_registry_shows_no_hidden_character_even_around_errors() {
    let mut doc = read("registry.json");
    doc["name"] = "Mouvement \u{202E}exemple".into();
    doc["circos"][2]["circo"]["name"] = "Île-Exemple\u{200B}, 3e circonscription".into();
    let loaded = load(&doc.to_string());
    let registry = loaded.registry().expect("still usable");
    assert_eq!(registry.name, None, "a movement name in error is not shown");
    let entry = registry.find("99-03").unwrap();
    assert_eq!(entry.name, "Île-Exemple<U+200B>, 3e circonscription");
    assert!(registry.entries.iter().all(|e| first_hidden(&e.name).is_none()));
    assert!(loaded.problems.iter().any(|p| p.path == "circos[2].circo.name" && p.rule == "hidden-character"));
}

//! A card-payment provider's CSV export read into the parts of its batch payout
//! ([`circo_don::register::provider`]), against the `provider-*.csv` files of the
//! statement corpus (`tests/statements/README.md` says what each exercises): every
//! part's payer and cents, every skipped row, and the split the parts make.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use circo_don::money::Cents;
use circo_don::register::model::Register;
use circo_don::register::provider::{parts_from_csv, ProviderExport};
use circo_don::register::statement::text::Encoding;
use circo_don::register::statement::{Entry, EntryId, EURO};

fn read(name: &str) -> ProviderExport {
    let bytes = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/statements").join(name)).unwrap();
    parts_from_csv(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn parts(e: &ProviderExport) -> Vec<(&str, i64)> {
    e.parts.iter().map(|p| (p.payer.as_str(), p.amount.get())).collect()
}

fn skipped(e: &ProviderExport) -> Vec<(u64, &str, &str)> {
    e.skipped.iter().map(|s| (s.line, s.payer.as_str(), s.status.as_str())).collect()
}

#[test]
fn helloasso_first_name_and_surname_in_utf8() {
    let e = read("provider-helloasso-utf8.csv");
    assert_eq!(parts(&e), [("Alice Martin", 2_000), ("Chloé Durand-Lemoine", 100_000), ("Éric N’Diaye", 500)]);
    assert_eq!(e.total, Cents::new(102_500));
    assert_eq!(skipped(&e), [(3, "Bruno Petit", "Remboursé")]);
    assert_eq!((e.header_line, e.encoding, e.columns.delimiter), (1, Encoding::Utf8, ';'));
    assert_eq!((e.columns.payer.as_slice(), e.columns.amount.as_str(), e.columns.status.as_deref()), (&["Prénom".to_owned(), "Nom".to_owned()][..], "Montant", Some("Statut")));
    assert!(e.parts.iter().all(|p| p.cheque_number.is_none()));
}

#[test]
fn stripe_customer_name_with_a_decimal_dot_and_commas() {
    let e = read("provider-stripe-comma.csv");
    assert_eq!(parts(&e), [("Jean Dupont", 1_000), ("Roux, Léa", 125_000), ("Paul Fabre", 750)]);
    assert_eq!(e.total, Cents::new(126_750));
    assert_eq!(skipped(&e), [(4, "Marc Leroy", "Failed"), (5, "Inès Garnier", "Refunded")]);
    assert_eq!((e.header_line, e.columns.delimiter, e.columns.payer.as_slice()), (1, ',', &["Customer Name".to_owned()][..]));
    assert_eq!((e.columns.amount.as_str(), e.columns.currency.as_deref()), ("Amount", Some("Currency")));
}

#[test]
fn sumup_gross_in_windows_1252_below_lines_about_the_export() {
    let e = read("provider-sumup-cp1252.csv");
    assert_eq!(parts(&e), [("HÉLÈNE CÔTÉ", 6_000), ("Loïc Brûlé", 1_200), ("Françoise Œillet", 4_500)]);
    assert_eq!(e.total, Cents::new(11_700));
    assert_eq!(skipped(&e), [(6, "Loïc Brûlé", "Échoué"), (8, "Zoé Lefèvre", "Annulé")]);
    assert_eq!((e.header_line, e.encoding), (4, Encoding::Windows1252));
    assert_eq!((e.columns.payer.as_slice(), e.columns.amount.as_str(), e.columns.status.as_deref()), (&["Nom du payeur".to_owned()][..], "Montant TTC (€)", Some("État")));
}

/// The payout on the statement, net of the provider's fees (1,05 + 0,21 + 0,79 €), does
/// not split into the gross gifts: `against` says why; the gross payout does.
#[test]
fn the_parts_split_the_payout_credit_they_add_up_to() {
    let e = read("provider-sumup-cp1252.csv");
    let credit = |cents: i64| Entry {
        id: EntryId::from_kept("2029-03-12/SUMUP".to_owned()),
        booking_date: circo_don::date::Date::parse_iso("2029-03-12").unwrap(),
        amount: Cents::new(cents),
        currency: EURO.to_owned(),
        counterparty: Some("SUMUP PAYMENTS".to_owned()),
        remittance: "VERSEMENT SUMUP".to_owned(),
        bank_reference: None,
        cheque_number: None,
        batch: None,
    };
    let net = credit(11_700 - 105 - 21 - 79);
    let why = e.against(net.amount).unwrap_err();
    assert!(why.fr.contains("il manque 2,05") && why.fr.contains("commission"), "{}", why.fr);
    let mut register = Register::default();
    assert!(register.split(&net, &e.parts).is_err());
    let gross = credit(11_700);
    assert_eq!(e.against(gross.amount), Ok(()));
    let ids = register.split(&gross, &e.parts).unwrap();
    assert_eq!(ids.len(), 3);
    let payers: Vec<Option<&str>> = register.gifts.iter().map(|g| g.payer.as_deref()).collect();
    assert_eq!(payers, [Some("HÉLÈNE CÔTÉ"), Some("Loïc Brûlé"), Some("Françoise Œillet")]);
}

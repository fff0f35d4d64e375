#![cfg(not(target_arch = "wasm32"))]
//! The register's properties (issue 24, item 9): a split always adds up or is refused
//! and then changes nothing; every total equals the sum of its gifts (per donor, per
//! method, in the summary and in the list of donors read back as CSV); importing a
//! statement twice, or a part of it again, changes nothing; a provider's payments
//! export reads back to the parts it was written from, their sum its total.

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

use circo_don::date::Date;
use circo_don::i18n::Lang;
use circo_don::law::calendar::ElectionDates;
use circo_don::money::Cents;
use circo_don::payment::Method;
use circo_don::register::checks::{checks, Context};
use circo_don::register::model::{AttributionError, Donor, NewGift, Part, Register};
use circo_don::register::provider::parts_from_csv;
use circo_don::register::outputs::{donors_csv, Summary, BOM};
use circo_don::register::session::{Import, Session};
use circo_don::register::statement::csv::{AmountColumns, ColumnMapping};
use circo_don::register::statement::{Entry, EntryId, EURO};
use proptest::prelude::*;

const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";

fn day(n: i64) -> Date {
    Date::parse_iso("2029-01-01").unwrap().add_days(n).unwrap()
}

fn credit(cents: i64) -> Entry {
    Entry {
        id: EntryId::from_kept("2029-01-10/REMISE".to_owned()),
        booking_date: day(9),
        amount: Cents::new(cents),
        currency: EURO.to_owned(),
        counterparty: None,
        remittance: "REMISE CHEQUES".to_owned(),
        bank_reference: None,
        cheque_number: None,
        batch: None,
    }
}

fn parts(amounts: &[i64]) -> Vec<Part> {
    amounts.iter().enumerate().map(|(i, a)| Part { payer: format!("PAYEUR {i}"), cheque_number: Some(format!("{i:07}")), amount: Cents::new(*a) }).collect()
}

fn ctx() -> Context {
    Context {
        election: ElectionDates { first_round: day(160), second_round: Some(day(167)), trigger: None },
        designated_on: day(-60),
        population: Some(100_000),
    }
}

proptest! {
    #![proptest_config(proptest_floor::accepting(500, 100))]

    /// Any parts: accepted exactly when each is positive and they add up to the credit;
    /// then the gifts add up to it; else the error's difference is the gap and nothing changed.
    #[test]
    fn a_split_adds_up_or_is_refused_and_changes_nothing(
        credit_cents in 1i64..2_000_000,
        amounts in prop::collection::vec(-1_000i64..600_000, 1..12),
    ) {
        let mut r = Register::default();
        let e = credit(credit_cents);
        let sum: i64 = amounts.iter().sum();
        match r.split(&e, &parts(&amounts)) {
            Ok(ids) => {
                prop_assert!(amounts.iter().all(|a| *a > 0) && sum == credit_cents);
                prop_assert_eq!(ids.len(), amounts.len());
                prop_assert_eq!(r.total(), e.amount);
            }
            Err(AttributionError::PartsDoNotAddUp { credit, parts, difference }) => {
                prop_assert!(amounts.iter().all(|a| *a > 0) && sum != credit_cents);
                prop_assert_eq!((credit.get(), parts.get(), difference.get()), (credit_cents, sum, credit_cents - sum));
                prop_assert_eq!(&r, &Register::default());
            }
            Err(AttributionError::NotPositive { amount }) => {
                prop_assert!(amount.get() <= 0 && amounts.contains(&amount.get()));
                prop_assert_eq!(&r, &Register::default());
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }

    /// A credit cut into positive pieces is always accepted.
    #[test]
    fn a_credit_cut_into_pieces_always_splits(pieces in prop::collection::vec(1i64..500_000, 1..15)) {
        let mut r = Register::default();
        let total: i64 = pieces.iter().sum();
        prop_assert!(r.split(&credit(total), &parts(&pieces)).is_ok());
        prop_assert_eq!(r.total().get(), total);
    }

    /// Random gifts among a few donors, some merged: each donor's total, each method's,
    /// the summary's and the CSV's are the sums of their gifts.
    #[test]
    fn every_total_equals_the_sum_of_its_gifts(
        gifts in prop::collection::vec((1i64..800_000, 0usize..5, 0usize..5, 0i64..200), 0..40),
        merges in prop::collection::vec((0usize..4, 0usize..4), 0..3),
    ) {
        let mut r = Register::default();
        let donors: Vec<_> = (0..4).map(|i| r.add_donor(Donor { name: format!("Nom{i}"), first_names: "Prénom".into(), ..Donor::default() })).collect();
        for (cents, method, who, date) in &gifts {
            let donor = donors.get(*who).copied();
            r.add_by_hand(NewGift { amount: Cents::new(*cents), date: day(*date), method: Method::ALL[*method], payer: None, cheque_number: None, donor }).unwrap();
        }
        for (a, b) in merges {
            let _ = r.merge_donors(donors[a], donors[b]);
        }
        let sum: i64 = gifts.iter().map(|g| g.0).sum();
        prop_assert_eq!(r.total().get(), sum);
        let by_donor: i64 = r.donors.iter().map(|d| r.donor_total(d.id).get()).sum::<i64>()
            + r.gifts.iter().filter(|g| g.donor.is_none()).map(|g| g.amount.get()).sum::<i64>();
        prop_assert_eq!(by_donor, sum);
        let found = checks(&r, &ctx());
        let s = Summary::of(&r, &found, &ctx(), &[]);
        prop_assert_eq!(s.total.get(), sum);
        prop_assert_eq!(s.by_method.iter().map(|m| m.total.get()).sum::<i64>(), sum);
        prop_assert_eq!(s.by_method.iter().map(|m| m.count).sum::<usize>(), gifts.len());
        let csv = donors_csv(&r, Lang::Fr);
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[BOM.len()..]);
        let mut from_csv = 0i64;
        for row in reader.records() {
            let row = row.unwrap();
            let (euros, cents) = row[2].split_once(',').unwrap();
            from_csv += euros.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap();
        }
        prop_assert_eq!(from_csv, sum);
    }

    /// A CSV export imported twice, or a part of it again, adds nothing and keeps the
    /// register as it was.
    #[test]
    fn importing_twice_changes_nothing(
        rows in prop::collection::vec((0i64..60, prop_oneof![-50_000i64..0, 1i64..50_000], 0usize..4), 1..30),
        cut in 0usize..30,
    ) {
        let labels = ["VIR SEPA M DUPONT JEAN DON-7K3Q9M", "REMISE CHEQUES", "CARTE LIBRAIRIE", "VIR MME MARTIN"];
        let text = |rows: &[(i64, i64, usize)]| {
            let mut t = format!("\"Compte courant\";\"{IBAN}\"\n\"Date\";\"Libellé\";\"Montant\"\n");
            for (d, cents, l) in rows {
                let d = day(*d);
                let sign = if *cents < 0 { "-" } else { "" };
                let abs = cents.unsigned_abs();
                t.push_str(&format!("\"{:02}/{:02}/{}\";\"{}\";\"{sign}{},{:02}\"\n", d.day(), d.month(), d.year(), labels[*l], abs / 100, abs % 100));
            }
            t.into_bytes()
        };
        let mapping = ColumnMapping {
            delimiter: ';',
            date: "Date".into(),
            amount: AmountColumns::Signed { signed: "Montant".into() },
            remittance: vec!["Libellé".into()],
            counterparty: None,
            reference: None,
            currency: None,
        };
        let mut s = Session::default();
        let whole = text(&rows);
        let Import::Done { added, .. } = s.import(&whole, IBAN, Some(&mapping)).unwrap() else { panic!("columns given") };
        prop_assert_eq!(added, rows.len());
        let before = s.clone();
        let Import::Done { added, known, .. } = s.import(&whole, IBAN, Some(&mapping)).unwrap() else { panic!("columns given") };
        prop_assert_eq!((added, known), (0, rows.len()));
        prop_assert_eq!(&s, &before);
        let part = text(&rows[..cut.min(rows.len() - 1) + 1]);
        let Import::Done { added, .. } = s.import(&part, IBAN, Some(&mapping)).unwrap() else { panic!("columns given") };
        prop_assert_eq!(added, 0);
        prop_assert_eq!(&s, &before);
    }

    /// Any parts written as a provider's export (any separator, names in one column or
    /// as first name and surname, amounts French or with a dot, refunded rows between
    /// them) read back to the same parts, and the total is always their sum.
    #[test]
    fn a_provider_export_reads_back_to_its_parts(
        rows in prop::collection::vec(("[A-ZÉ][a-zéèïô]{0,8}", "[A-ZÇ][a-zëüœ\\-]{0,10}", 1i64..100_000_000, 0u8..6), 1..15),
        delimiter in prop::sample::select(vec![';', ',', '\t']),
        split_name in any::<bool>(),
        french in any::<bool>(),
        status in any::<bool>(),
    ) {
        let amount = |c: i64| {
            let (euros, cents) = (c / 100, c % 100);
            if !french {
                return format!("{euros}.{cents:02}");
            }
            let digits = euros.to_string();
            let mut grouped = String::new();
            for (i, d) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push('\u{a0}');
                }
                grouped.push(d);
            }
            format!("\"{grouped},{cents:02}\"")
        };
        let d = delimiter.to_string();
        let mut header = if split_name { vec!["Prénom", "Nom"] } else { vec!["Nom du payeur"] };
        header.extend(["E-mail", "Montant (€)"]);
        if status {
            header.push("Statut");
        }
        let mut text = format!("Export des paiements\n\n{}\n", header.join(&d));
        let mut expected = Vec::new();
        for (first, last, cents, state) in &rows {
            let mut cells = if split_name { vec![first.clone(), last.clone()] } else { vec![format!("{first} {last}")] };
            cells.extend([format!("{}@example.org", first.to_lowercase()), amount(*cents)]);
            let refunded = status && *state == 0;
            if status {
                cells.push(if refunded { "Remboursé".into() } else { ["Payé", "Validé", "paid", "Succeeded", "Réussi"][usize::from(*state) - 1].into() });
            }
            if !refunded {
                expected.push((format!("{first} {last}"), *cents));
            }
            text.push_str(&cells.join(&d));
            text.push('\n');
        }
        match parts_from_csv(text.as_bytes()) {
            Ok(read) => {
                let got: Vec<(String, i64)> = read.parts.iter().map(|p| (p.payer.clone(), p.amount.get())).collect();
                prop_assert_eq!(&got, &expected);
                prop_assert_eq!(read.total.get(), expected.iter().map(|(_, c)| c).sum::<i64>());
                prop_assert_eq!(read.skipped.len(), rows.len() - expected.len());
                prop_assert_eq!(read.header_line, 3);
            }
            Err(e) => prop_assert!(expected.is_empty(), "{:?}\n{}", e, text),
        }
    }
}

//! Speed of the core, measured natively: what the widget computes on every keystroke
//! (a quote, a reverse search, the QR code) and once per page (loading a configuration,
//! a 577-circo registry search). Run with `make bench` (`cargo bench --bench law`).
//! No external harness: each case runs for about a second after a warm-up and prints
//! the mean time per call.

use std::hint::black_box;
use std::time::{Duration, Instant};

use circo_don::config;
use circo_don::donation::{self, Action, AmountField, Inputs};
use circo_don::law::tax::{self, Household, TaxDue};
use circo_don::payment::Method;
use circo_don::money::{parse_amount, Cents};
use circo_don::payment;

fn bench(name: &str, mut f: impl FnMut() -> usize) {
    let mut sink = 0usize;
    for _ in 0..100 {
        sink = sink.wrapping_add(f());
    }
    let budget = Duration::from_millis(1000);
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < budget {
        for _ in 0..100 {
            sink = sink.wrapping_add(f());
        }
        calls += 100;
    }
    let per_call = start.elapsed().as_nanos() as f64 / calls as f64;
    let (value, unit) = if per_call >= 1_000_000.0 { (per_call / 1_000_000.0, "ms") } else if per_call >= 1_000.0 { (per_call / 1_000.0, "µs") } else { (per_call, "ns") };
    println!("{name:<44} {value:>9.2} {unit}/call  ({calls} calls)");
    black_box(sink);
}

fn main() {
    let household = Household { income: Some(Cents::from_euros(30_000)), tax: TaxDue::Due(Cents::from_euros(2_000)), ..Household::default() };
    let person = include_str!("../demo/circo-exemple.json");
    let registry = include_str!("../demo/registry.json");
    let big_registry = {
        let entries: Vec<String> = (1..=577)
            .map(|i| format!(r#"{{"department":"{:02}","number":{},"name":"Circonscription {i}","url":"c/{i}.json"}}"#, i % 95 + 1, i % 20 + 1))
            .collect();
        format!(r#"{{"format":"circo-don-registry/1","name":"Tous","circos":[{}]}}"#, entries.join(","))
    };
    // France's 35 000 communes spread over the 577 circos, about 61 each, one postal code
    // each: the size of a national registry that lists them.
    let communes_registry = {
        let entries: Vec<String> = (1..=577)
            .map(|i| {
                let communes: Vec<String> = (0..61)
                    .map(|c| format!(r#"{{"name":"Saint-Exemple-{c}-sur-Ville {i}","insee":"{:05}","postal_codes":["{:05}"]}}"#, i * 61 + c, 10_000 + i * 61 + c))
                    .collect();
                format!(r#"{{"department":"{:02}","number":{},"name":"Circonscription {i}","url":"c/{i}.json","communes":[{}]}}"#, i % 95 + 1, i % 20 + 1, communes.join(","))
            })
            .collect();
        format!(r#"{{"format":"circo-don-registry/1","name":"Tous","circos":[{}]}}"#, entries.join(","))
    };
    // A movement's overview: 577 linked circos whose figures the registry publishes.
    let goals_registry = {
        let entries: Vec<String> = (1..=577)
            .map(|i| format!(r#"{{"department":"{:02}","number":{},"name":"Circonscription {i}","url":"c/{i}.json","goal":{{"target":{},"raised":{},"as_of":"2027-05-01","average_gift":40}}}}"#, i % 95 + 1, i % 20 + 1, 2000 + i % 30 * 100, i * 37 % 2000))
            .collect();
        format!(r#"{{"format":"circo-don-registry/1","name":"Tous","circos":[{}]}}"#, entries.join(","))
    };
    println!("circo-don core benchmarks (native, release, one core)\n");
    bench("parse_amount(\"1 234,56 €\")", || parse_amount(black_box("1 234,56 €")).map_or(0, |c| c.get() as usize));
    bench("tax::quote (37 €, income and tax known)", || tax::quote(black_box(Cents::from_euros(37)), &household, Method::Transfer).net_cost.get() as usize);
    bench("tax::reverse (cost 20 €)", || {
        tax::reverse(black_box(Cents::from_euros(20)), &household, Method::Transfer, Cents::ZERO).map_or(0, |q| q.gift.get() as usize)
    });
    let typed = [(AmountField::Gift, "37"), (AmountField::Income, "30 000"), (AmountField::Tax, "2000")];
    let inputs = typed.into_iter().fold(Inputs::default(), |i, (f, t)| i.apply(Action::Type(f, t.into())));
    bench("donation::assess (one keystroke)", || donation::assess(black_box(&inputs)).errors.len());
    bench("config::load (account example)", || config::load(black_box(person)).problems.len());
    bench("config::load (registry example)", || config::load(black_box(registry)).problems.len());
    bench("config::load (577-circo registry)", || config::load(black_box(&big_registry)).problems.len());
    let loaded = config::load(&big_registry);
    let big = loaded.registry().expect("the generated registry is valid");
    bench("Registry::search(\"circonscription 57\") in 577", || big.search(black_box("circonscription 57")).len());
    bench("config::load (577 circos with their figures)", || config::load(black_box(&goals_registry)).problems.len());
    let loaded = config::load(&goals_registry);
    let goals = loaded.registry().expect("the generated registry is valid");
    bench("overview_page (577 circos with their figures)", || {
        donation::overview::overview_page(goals, |_| None, donation::overview::SortBy::default(), circo_don::i18n::Lang::Fr).rows.len()
    });
    bench("chooser_page(\"\") (577 circos)", || {
        donation::page::chooser_page(goals, &config::communes::NONE_ADDED, black_box(""), circo_don::i18n::Lang::Fr).choices.len()
    });
    // 2.8 MB, over a page's 1 MiB limit: what the widget searches once the commune files
    // a search asked for are in (`communes_url`) is at most this, in memory.
    bench("config::load_within (577 circos, 35 197 communes)", || config::load_within(black_box(&communes_registry), u64::MAX).problems.len());
    let loaded = config::load_within(&communes_registry, u64::MAX);
    let towns = loaded.registry().expect("the generated registry is valid");
    bench("Registry::search(\"st exemple 12\"), 35 197 communes", || towns.search(black_box("st exemple 12")).len());
    bench("Registry::search(\"20042\"), 35 197 communes", || towns.search(black_box("20042")).len());
    let order = payment::TransferOrder {
        bic: Some("EXMPFRPP"),
        name: "Claude Durand, mandataire financier de Camille Martin",
        iban: "FR7699999000010001234567809",
        amount: Some(Cents::from_euros(37)),
        remittance: Some("DON CAMPAGNE MARTIN"),
    };
    bench("payment::transfer_qr_svg (EPC payload + SVG)", || payment::transfer_qr_svg(black_box(&order)).map_or(0, |s| s.len()));
}

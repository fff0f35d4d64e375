#![cfg(not(target_arch = "wasm32"))]
//! Registries: slugs, lookup, search, and per-entry problems.

use std::fs;

use circo_don::config::{load, slug, Target};

fn demo_registry() -> circo_don::config::Registry {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/registry.json")).unwrap();
    load(&text).registry().cloned().expect("registry")
}

/// A registry of link entries, from `(department, number, name)`.
fn registry(entries: &[(&str, u16, &str)]) -> circo_don::config::Registry {
    let circos: Vec<_> = entries
        .iter()
        .map(|(d, n, name)| serde_json::json!({ "department": d, "number": n, "name": name, "url": format!("circos/{}.json", slug(d, *n)) }))
        .collect();
    let text = serde_json::json!({ "format": "circo-don-registry/1", "circos": circos }).to_string();
    let loaded = load(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.registry().cloned().unwrap()
}

#[test]
fn slugs_are_stable() {
    assert_eq!(slug("75", 1), "75-01");
    assert_eq!(slug("2a", 2), "2A-02");
    assert_eq!(slug("ZZ", 5), "ZZ-05");
    assert_eq!(slug("974", 12), "974-12");
    let r = demo_registry();
    let slugs: Vec<_> = r.entries.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["99-01", "99-02", "99-03", "ZZ-05"]);
    assert!(matches!(r.find("99-01").unwrap().target, Target::Link(ref u) if u == "circo-exemple.json"));
    assert!(matches!(r.find("zz-5").unwrap().target, Target::Inline(_)));
    assert!(r.find("99-09").is_none());
    assert!(r.find("nonsense").is_none());
}

#[test]
fn search_is_case_and_accent_insensitive() {
    let r = registry(&[
        ("75", 1, "Paris, 1re circonscription"),
        ("75", 11, "Paris, 11e circonscription"),
        ("2A", 2, "Corse-du-Sud, 2e circonscription"),
        ("974", 1, "La Réunion, 1re circonscription"),
        ("ZZ", 5, "Français établis hors de France, 5e circonscription"),
        ("35", 1, "Île-Exemple, 1re circonscription"),
        ("36", 1, "Ile-Sans-Accent, 1re circonscription"),
        ("971", 1, "Guadeloupe, 1re circonscription"),
    ]);
    let slugs = |q: &str| r.search(q).iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs("paris 1"), ["75-01"]);
    assert_eq!(slugs("PARIS"), ["75-01", "75-11"]);
    assert_eq!(slugs("75"), ["75-01", "75-11"]);
    assert_eq!(slugs("2a"), ["2A-02"]);
    assert_eq!(slugs("reunion"), ["974-01"]);
    assert_eq!(slugs("Réunion 1"), ["974-01"]);
    assert_eq!(slugs("ile"), ["35-01", "36-01"]);
    assert_eq!(slugs("ÎLE exemple"), ["35-01"]);
    assert_eq!(slugs("île sans"), ["36-01"]);
    assert_eq!(slugs("francais etranger"), Vec::<String>::new());
    assert_eq!(slugs("français établis"), ["ZZ-05"]);
    assert_eq!(slugs("zz"), ["ZZ-05"]);
    assert_eq!(slugs("75-01"), ["75-01"]);
    assert_eq!(slugs("  "), slugs(""));
    assert_eq!(slugs("").len(), 8);
    assert!(slugs("lyon").is_empty());
}

#[test]
fn an_inline_account_with_errors_is_listed_but_unusable() {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/configs/broken/registry-inline-iban.json")).unwrap();
    let loaded = load(&text);
    assert!(loaded.has_errors());
    let r = loaded.registry().expect("the registry stays usable");
    assert_eq!(r.entries.len(), 4);
    let broken = r.find("99-03").unwrap();
    assert_eq!(broken.target, Target::Invalid);
    let why: Vec<_> = loaded.problems_of(broken).map(|p| p.rule).collect();
    assert_eq!(why, ["iban-checksum"]);
    assert_eq!(loaded.problems_of(r.find("99-01").unwrap()).count(), 0);
    assert!(matches!(r.find("ZZ-05").unwrap().target, Target::Inline(_)));
}

#[test]
fn registry_problems_carry_entry_paths() {
    let text = serde_json::json!({
        "format": "circo-don-registry/1",
        "circos": [
            { "department": "750", "number": 1, "name": "X", "url": "a.json" },
            { "department": "75", "number": 100, "name": "Y", "url": "b.json" },
            { "department": "75", "number": 2, "name": "Z", "url": "http://x.fr/c.json" },
            42
        ]
    })
    .to_string();
    let loaded = load(&text);
    let found: Vec<_> = loaded.problems.iter().map(|p| (p.path.as_str(), p.rule.as_str())).collect();
    assert!(found.contains(&("circos[0].department", "department-code")), "{found:?}");
    assert!(found.contains(&("circos[1].number", "circo-number")), "{found:?}");
    assert!(found.contains(&("circos[2].url", "url-scheme")), "{found:?}");
    assert!(found.contains(&("circos[3]", "json-type")), "{found:?}");
    assert!(loaded.registry().unwrap().entries.is_empty());
    let empty = load(r#"{"format":"circo-don-registry/1","circos":[]}"#);
    assert_eq!(empty.problems[0].rule, "registry-empty");
}

#[test]
fn a_linked_file_must_be_the_announced_circo() {
    let r = demo_registry();
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap();
    let account = load(&text).account().cloned().unwrap();
    assert_eq!(r.find("99-01").unwrap().check_linked(&account), None);
    let wrong = r.find("99-02").unwrap().check_linked(&account).unwrap();
    assert_eq!(wrong.rule, "link-mismatch");
    assert!(wrong.is_error());
    // Read through the entry, as the widget does: the right file gives its account; the
    // wrong one gives none, with the mismatch added to the file's own problems.
    assert!(r.find("99-01").unwrap().read_linked(&text).account().is_some());
    let mut warned: serde_json::Value = serde_json::from_str(&text).unwrap();
    warned["candidate"]["name"] = "Camille <b>Martin</b>".into();
    let read = r.find("99-02").unwrap().read_linked(&warned.to_string());
    assert!(read.config.is_none());
    let rules: Vec<&str> = read.problems.iter().map(|p| p.rule.as_str()).collect();
    assert!(rules.contains(&"link-mismatch") && rules.contains(&"markup"), "{rules:?}");
}

#[test]
fn a_registry_of_all_577_circos_loads_and_searches() {
    let example: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap()).unwrap();
    let mut circos = Vec::new();
    for i in 0..577u16 {
        let department = format!("{:02}", 1 + i / 7 % 95).replace("20", "2A");
        let number = 1 + i % 7 + 7 * (i / 665);
        if i % 2 == 0 {
            let mut account = example.clone();
            account["circo"]["department"] = department.clone().into();
            account["circo"]["number"] = number.into();
            account["circo"]["name"] = format!("Département {department}, circonscription {number}").into();
            circos.push(account);
        } else {
            circos.push(serde_json::json!({ "department": department, "number": number, "name": format!("Département {department}, circonscription {number}"), "url": format!("circos/{}.json", slug(&department, number)) }));
        }
    }
    let text = serde_json::json!({ "format": "circo-don-registry/1", "circos": circos }).to_string();
    let started = std::time::Instant::now();
    let loaded = load(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", &loaded.problems[..loaded.problems.len().min(3)]);
    let r = loaded.registry().unwrap();
    assert_eq!(r.entries.len(), 577);
    assert_eq!(r.search("departement 2a").len(), 7);
    assert_eq!(r.search("2A-03").len(), 1);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

/// A movement vouches for a linked circo's account: the IBAN and title it states must
/// be the linked file's, or the file is refused.
#[test]
fn a_linked_file_must_have_the_iban_and_title_the_registry_states() {
    let r = demo_registry();
    let entry = r.find("99-01").unwrap();
    assert_eq!(entry.expected_iban.as_deref(), Some("FR7699999000010001234567809"), "electronic form");
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap();
    let account = load(&text).account().cloned().unwrap();
    assert_eq!(entry.check_linked(&account), None);

    // Another (valid) IBAN: refused, the message giving both.
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["payment"]["transfer"]["iban"] = "FR76 3000 1007 9412 3456 7890 185".into();
    let other = load(&doc.to_string()).account().cloned().unwrap();
    let problem = entry.check_linked(&other).expect("refused");
    assert_eq!((problem.rule.as_str(), problem.path.as_str()), ("link-iban-mismatch", "payment.transfer.iban"));
    assert!(problem.is_error());
    assert!(problem.message.fr.contains("FR76 9999 9000 0100 0123 4567 809") && problem.message.fr.contains("FR76 3000 1007 9412 3456 7890 185"), "{}", problem.message.fr);

    // No transfer at all: refused too (the donor would be sent elsewhere).
    doc["payment"]["transfer"] = serde_json::Value::Null;
    doc["payment"].as_object_mut().unwrap().remove("transfer");
    let no_transfer = load(&doc.to_string()).account().cloned().unwrap();
    assert_eq!(entry.check_linked(&no_transfer).unwrap().rule, "link-iban-mismatch");

    // The same IBAN, another title: refused.
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    for pointer in ["/mandataire/account_title", "/payment/cheque/payee", "/payment/transfer/holder"] {
        *doc.pointer_mut(pointer).unwrap() = "Claude Durand, mandataire financier de Camille Martin (bis)".into();
    }
    let retitled = load(&doc.to_string()).account().cloned().unwrap();
    assert_eq!(entry.check_linked(&retitled).unwrap().rule, "link-title-mismatch");

    // An entry that states only the IBAN does not compare titles.
    let only_iban = r.find("99-02").unwrap();
    assert!(only_iban.expected_iban.is_some() && only_iban.expected_title.is_none());
    let association = load(&fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/association.json")).unwrap()).account().cloned().unwrap();
    assert_eq!(only_iban.check_linked(&association), None);
}

/// A commune: `(name, insee, postal codes)`.
type Town<'a> = (&'a str, &'a str, &'a [&'a str]);

/// A registry of link entries, each with its communes.
fn with_communes(entries: &[(&str, u16, &str, &[Town])]) -> circo_don::config::Registry {
    let circos: Vec<_> = entries
        .iter()
        .map(|(d, n, name, communes)| {
            let communes: Vec<_> = communes.iter().map(|(name, insee, codes)| serde_json::json!({ "name": name, "insee": insee, "postal_codes": codes })).collect();
            serde_json::json!({ "department": d, "number": n, "name": name, "url": format!("circos/{}.json", slug(d, *n)), "communes": communes })
        })
        .collect();
    let loaded = load(&serde_json::json!({ "format": "circo-don-registry/1", "circos": circos }).to_string());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.registry().cloned().unwrap()
}

#[test]
fn the_demo_registry_is_searched_by_town_and_postal_code() {
    let r = demo_registry();
    let slugs = |q: &str| r.search(q).iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    // Saint-Étienne-Exemple is split between the first two circos.
    for query in ["99200", "99210", "992", "saint-etienne", "SAINT ETIENNE", "Saint-Étienne-Exemple", "st etienne", "st-étienne exemple", "saintetienne", "etienne"] {
        assert_eq!(slugs(query), ["99-01", "99-02"], "{query}");
    }
    assert_eq!(slugs("oeuvre"), ["99-02"]);
    assert_eq!(slugs("ŒUVRE SUR LOUE"), ["99-02"]);
    assert_eq!(slugs("bourg labbaye"), ["99-02"], "apostrophe dropped");
    assert_eq!(slugs("bourg l'abbaye"), ["99-02"]);
    assert_eq!(slugs("99300"), ["99-02"]);
    assert_eq!(slugs("port eole"), ["99-03"], "an inline account's circo.communes");
    assert_eq!(slugs("994"), ["99-03"]);
    assert_eq!(slugs("saint etienne 2"), ["99-02"], "a town with the circo's number");
    assert_eq!(slugs("val fictif"), ["99-01"]);
    // Not searched: INSEE codes, postal codes from fewer than three digits, towns
    // another circo lists.
    assert!(slugs("99218").is_empty());
    assert_eq!(slugs("99"), ["99-01", "99-02", "99-03"], "the department, not postal codes");
    assert!(slugs("val eole").is_empty(), "words of two different communes");
    assert!(slugs("99999").is_empty());
    let found = r.matches("99300");
    let names: Vec<&str> = found[0].communes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Bourg-l’Abbaye", "Œuvre-sur-Loue"]);
    assert!(r.matches("Île-Exemple")[0].communes.is_empty(), "the circo's own name matched");
}

/// `st`/`ste` stand for Saint/Sainte and still begin other words; a query that names a
/// commune whole lists its circos first.
#[test]
fn search_abbreviations_and_ranking() {
    let r = with_communes(&[
        ("06", 1, "Alpes-Maritimes, 1re circonscription", &[("Saint-Étienne-de-Tinée", "06120", &["06660"])]),
        ("42", 1, "Loire, 1re circonscription", &[("Saint-Étienne", "42218", &["42000", "42100"])]),
        ("42", 2, "Loire, 2e circonscription", &[("Saint-Étienne", "42218", &["42100"]), ("Sainte-Croix-en-Jarez", "42207", &["42800"])]),
        ("93", 1, "Seine-Saint-Denis, 1re circonscription", &[("Stains", "93072", &["93240"]), ("St-Denis", "93066", &["93200", "93210"])]),
        ("2A", 1, "Corse-du-Sud, 1re circonscription", &[("Ajaccio", "2A004", &["20000", "20090"])]),
    ]);
    let slugs = |q: &str| r.search(q).iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs("saint etienne"), ["42-01", "42-02", "06-01"], "the town named whole first");
    assert_eq!(slugs("saint etienne de"), ["06-01"]);
    assert_eq!(slugs("st etienne"), ["42-01", "42-02", "06-01"]);
    assert_eq!(slugs("ste croix"), ["42-02"]);
    assert_eq!(slugs("st"), ["06-01", "42-01", "42-02", "93-01"], "Saint…, Stains");
    assert_eq!(slugs("stains"), ["93-01"]);
    assert_eq!(slugs("saint denis"), ["93-01"], "St-Denis spelt out");
    assert_eq!(slugs("42100"), ["42-01", "42-02"]);
    assert_eq!(slugs("42000"), ["42-01"]);
    assert_eq!(slugs("200"), ["2A-01"]);
    assert_eq!(slugs("ajaccio"), ["2A-01"]);
    assert_eq!(slugs("2a004"), Vec::<String>::new(), "the INSEE code is not searched");
}

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Town names with the accents, ligatures and separators a donor may leave out.
    const TOWNS: [&str; 6] = ["Saint-Étienne", "L’Haÿ-les-Roses", "Œuvre-sur-Loue", "Châlons-en-Champagne", "Île-Exemple", "Évry-Courcouronnes"];

    /// What a donor may type for `name`: any case, accents dropped, separators as spaces.
    fn typed(name: &str, upper: bool) -> String {
        let plain: String = name
            .chars()
            .map(|c| match c {
                'É' => 'E',
                'é' | 'è' => 'e',
                'Î' => 'I',
                'â' => 'a',
                'ÿ' => 'y',
                '’' | '-' => ' ',
                c => c,
            })
            .collect::<String>()
            .replace('Œ', "Oe");
        if upper { plain.to_uppercase() } else { plain.to_lowercase() }
    }

    proptest! {
        // Nothing is rejected: not one rejection allowed.
        #![proptest_config(crate::proptest_floor::accepting(256, 100))]
        /// Each of 1 to 12 circos lists some of the towns, each town with a postal code of
        /// its own: the town typed any way, or its postal code, finds exactly the circos
        /// that list it (a town split across circos shows all of them).
        #[test]
        fn a_town_or_its_postal_code_finds_every_circo_listing_it(
            listing in proptest::collection::vec(proptest::collection::vec(any::<bool>(), TOWNS.len()), 1..12),
            town in 0..TOWNS.len(),
            upper: bool,
        ) {
            let circos: Vec<_> = listing
                .iter()
                .enumerate()
                .map(|(i, lists)| {
                    let communes: Vec<_> = TOWNS
                        .iter()
                        .enumerate()
                        .filter(|(t, _)| lists[*t])
                        .map(|(t, name)| serde_json::json!({ "name": name, "insee": format!("9910{t}"), "postal_codes": [format!("9920{t}")] }))
                        .collect();
                    serde_json::json!({ "department": "99", "number": i + 1, "name": format!("Circonscription {}", i + 1), "url": "x.json", "communes": communes })
                })
                .collect();
            let loaded = load(&serde_json::json!({ "format": "circo-don-registry/1", "circos": circos }).to_string());
            prop_assert!(loaded.problems.is_empty());
            let r = loaded.registry().unwrap();
            let expected: Vec<String> = listing.iter().enumerate().filter(|(_, l)| l[town]).map(|(i, _)| slug("99", i as u16 + 1)).collect();
            let slugs = |q: &str| r.search(q).iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
            prop_assert_eq!(slugs(&typed(TOWNS[town], upper)), expected.clone());
            prop_assert_eq!(slugs(&format!("9920{town}")), expected);
        }

        /// Any query, on the demo registry: no panic, and every entry found is listed once.
        #[test]
        fn any_query_is_answered(query in "\\PC{0,20}") {
            let r = demo_registry();
            let found = r.search(&query);
            let mut slugs: Vec<&str> = found.iter().map(|e| e.slug.as_str()).collect();
            slugs.dedup();
            prop_assert_eq!(slugs.len(), found.len());
        }
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! A registry's commune files (`config::communes`, schema/README.md "Communes for all of
//! France"): the keys a commune is filed under, the keys a query asks for, and that a
//! query the search answers with a commune always asks for a file that holds it.

use circo_don::config::communes::{commune_keys, load_communes, query_keys, Added};
use circo_don::config::{load, CheckId, Registry};
use proptest::prelude::*;
use serde_json::json;

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

/// A registry of two link entries (no communes of their own) and the circo `zz` names.
fn registry(communes_url: Option<&str>) -> Registry {
    let mut r = json!({ "format": "circo-don-registry/1", "circos": [
        { "department": "42", "number": 1, "name": "Loire, 1re circonscription", "url": "42-01.json" },
        { "department": "42", "number": 2, "name": "Loire, 2e circonscription", "url": "42-02.json" },
    ] });
    if let Some(url) = communes_url {
        r["communes_url"] = url.into();
    }
    let loaded = load(&r.to_string());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.registry().cloned().unwrap()
}

/// The one commune of a registry entry listing only it.
fn commune(name: &str, postal_codes: &[&str]) -> circo_don::config::Commune {
    let r = json!({ "format": "circo-don-registry/1", "circos": [
        { "department": "ZZ", "number": 1, "name": "Qqq", "url": "a.json", "communes": [ { "name": name, "insee": "42218", "postal_codes": postal_codes } ] },
    ] });
    let loaded = load(&r.to_string());
    assert!(!loaded.has_errors(), "{name}: {:#?}", loaded.problems);
    loaded.registry().unwrap().entries[0].communes[0].clone()
}

#[test]
fn a_commune_is_filed_under_each_word_each_word_run_and_each_postal_code() {
    assert_eq!(commune_keys(&commune("Saint-Étienne", &["42000", "42100"])), ["sai", "eti", "420", "421"]);
    // A short word is filed with the words after it (`lhay`, a name typed without its
    // separators); `St` is spelt out as the search reads it.
    assert_eq!(commune_keys(&commune("L’Haÿ-les-Roses", &["94240"])), ["lha", "hay", "les", "ros", "942"]);
    assert_eq!(commune_keys(&commune("St-Denis", &[])), ["sai", "den"]);
    assert_eq!(commune_keys(&commune("Y", &["80190"])), ["801"], "too short a name: by its postal code only");
}

#[test]
fn a_query_asks_for_the_keys_of_its_words() {
    assert_eq!(query_keys("Saint-Étienne"), ["sai", "eti"]);
    assert_eq!(query_keys("st etienne"), ["sai", "eti", "ste"], "spelt out, as typed, and without spaces");
    assert_eq!(query_keys("lhay"), ["lha"]);
    assert_eq!(query_keys("l hay"), ["hay", "lha"]);
    assert_eq!(query_keys("42000"), ["420"]);
    assert_eq!(query_keys("ste"), ["sai", "ste"], "Sainte-… and Stenay alike");
    assert!(query_keys("75").is_empty() && query_keys("2a").is_empty() && query_keys("  ").is_empty());
    assert_eq!(query_keys("un deux trois quatre cinq six").len(), 4, "at most four files for one query");
}

fn file(key: &str, circos: serde_json::Value) -> String {
    json!({ "format": "circo-don-communes/1", "key": key, "circos": circos }).to_string()
}

#[test]
fn a_commune_file_is_read_checked_and_merged_into_the_search() {
    let r = registry(Some("communes/"));
    assert_eq!(r.communes_url.as_deref(), Some("communes/"));
    assert!(r.search("saint etienne").is_empty(), "nothing known before the file");
    let text = file("sai", json!([
        { "circo": "42-01", "communes": [ { "name": "Saint-Étienne", "insee": "42218", "postal_codes": ["42000"] } ] },
        { "circo": "42-2", "communes": [ { "name": "Saint-Étienne", "insee": "42218", "postal_codes": ["42100"] }, { "name": "Saint-Chamond", "insee": "42207" } ] },
    ]));
    let (found, problems) = load_communes(&text, "sai", &r);
    assert!(problems.is_empty(), "{problems:#?}");
    let mut added = Added::default();
    added.add(&r, found.unwrap());
    let slugs = |added: &Added, q: &str| r.matches_with(q, added).iter().map(|m| m.entry.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs(&added, "saint etienne"), ["42-01", "42-02"]);
    assert_eq!(slugs(&added, "chamond"), ["42-02"]);
    assert_eq!(r.matches_with("chamond", &added)[0].communes[0].name, "Saint-Chamond");
    // The same commune from another file is added once.
    let again = file("eti", json!([{ "circo": "42-01", "communes": [ { "name": "Saint-Étienne", "insee": "42218", "postal_codes": ["42000"] } ] }]));
    added.add(&r, load_communes(&again, "eti", &r).0.unwrap());
    assert_eq!(added.of(0).len(), 1);
    assert!(added.of(7).is_empty());
}

#[test]
fn a_wrong_commune_file_is_refused_at_its_place_and_an_unknown_circo_left_out() {
    let r = registry(Some("communes/"));
    let ids = |text: &str, key: &str| {
        let (found, problems) = load_communes(text, key, &r);
        (found.is_some(), problems.iter().map(|p| (p.path.clone(), p.rule)).collect::<Vec<_>>())
    };
    let town = json!([{ "circo": "42-01", "communes": [ { "name": "Saint-Étienne", "insee": "42218" } ] }]);
    assert_eq!(ids(&file("sai", town.clone()), "eti").1, [(String::from("key"), CheckId::CommunesKey)]);
    assert!(!ids(&file("sai", town.clone()), "cha").0);
    let astray = json!([{ "circo": "42-01", "communes": [ { "name": "Firminy", "insee": "42095" } ] }]);
    assert_eq!(ids(&file("sai", astray), "sai"), (false, vec![(String::from("circos[0].communes[0]"), CheckId::CommunesKey)]));
    let unknown = json!([{ "circo": "75-01", "communes": [ { "name": "Paris", "insee": "75056" } ] }]);
    assert_eq!(ids(&file("par", unknown), "par"), (true, vec![(String::from("circos[0].circo"), CheckId::CommunesCirco)]));
    let bad_insee = json!([{ "circo": "42-01", "communes": [ { "name": "Saint-Étienne", "insee": "4221" } ] }]);
    assert_eq!(ids(&file("sai", bad_insee), "sai"), (false, vec![(String::from("circos[0].communes[0].insee"), CheckId::CommuneInsee)]));
    assert_eq!(ids("{\"format\": \"circo-don/1\"}", "sai").1[0].1, CheckId::FormatVersion);
    assert_eq!(ids("{", "sai").1[0].1, CheckId::JsonSyntax);
    assert_eq!(ids(&json!({ "format": "circo-don-communes/1", "key": "sai" }).to_string(), "sai").1[0].1, CheckId::MissingField);
}

#[test]
fn communes_url_names_a_folder() {
    let r = json!({ "format": "circo-don-registry/1", "communes_url": "communes", "circos": [
        { "department": "42", "number": 1, "name": "Loire, 1re circonscription", "url": "42-01.json" } ] });
    let loaded = load(&r.to_string());
    assert_eq!(loaded.problems.iter().map(|p| (p.path.as_str(), p.rule)).collect::<Vec<_>>(), [("communes_url", CheckId::CommunesUrl)]);
    let r = json!({ "format": "circo-don-registry/1", "communes_url": "ftp://x/", "circos": [] });
    assert!(load(&r.to_string()).problems.iter().any(|p| p.rule == CheckId::UrlScheme));
}

/// Words of French commune names, with accents, apostrophes, `St`/`Ste` and short ones.
const WORDS: &[&str] = &[
    "Saint", "Sainte", "St", "Ste", "Étienne", "Denis", "L’Haÿ", "les", "Roses", "Bourg", "en", "Bresse", "Œuvre", "sur", "Loue",
    "Le", "Havre", "Aix", "Provence", "Île", "d’Yeu", "Châlons", "Champagne", "Y", "Ax", "Thermes", "Val", "d’Isère", "Ézy",
];

/// A name of one to four of [`WORDS`], joined by hyphens or spaces.
fn name() -> impl Strategy<Value = String> {
    (prop::collection::vec(prop::sample::select(WORDS), 1..=4), prop::bool::ANY).prop_map(|(w, hyphen)| w.join(if hyphen { "-" } else { " " }))
}

proptest! {
    #![proptest_config(proptest_floor::accepting(600, 60))]

    /// Whatever a donor types that the search answers with a commune (a word begun,
    /// two words begun, the name typed without separators, a postal code begun), the
    /// query asks for a file the commune is filed in: once that file is in, it is found.
    #[test]
    fn a_commune_the_search_finds_is_in_a_file_the_query_asks_for(name in name(), code in "[0-9]{5}", form in 0..4u8, i in 0usize..4, j in 0usize..4, len in 3usize..12) {
        let c = commune(&name, &[&code]);
        let words: Vec<String> = c.search_words().to_vec();
        prop_assume!(!words.is_empty());
        let (i, j) = (i % words.len(), j % words.len());
        let cut = |w: &str, n: usize| w.chars().take(n).collect::<String>();
        let query = match form {
            0 => cut(&words[i], len),
            1 => format!("{} {}", cut(&words[i], len), cut(&words[j], len.max(3))),
            2 => cut(&words[i..].concat(), len),
            _ => cut(&code, len.min(5)),
        };
        // Only queries with a word of three characters or more ask for a file.
        prop_assume!(query.split(' ').all(|w| w.chars().count() >= 3) || (form == 2 && query.chars().count() >= 3));
        let r = json!({ "format": "circo-don-registry/1", "circos": [
            { "department": "ZZ", "number": 1, "name": "Qqq", "url": "a.json", "communes": [ { "name": name, "insee": "42218", "postal_codes": [code] } ] } ] });
        let loaded = load(&r.to_string());
        let found = loaded.registry().unwrap().matches(&query);
        prop_assume!(found.iter().any(|m| !m.communes.is_empty()));
        let filed = commune_keys(&c);
        let asked = query_keys(&query);
        prop_assert!(asked.iter().any(|k| filed.contains(k)), "{query:?} asks {asked:?}; {name:?} is filed under {filed:?}");
    }
}

fn run(args: &[&str]) -> circo_don::cli::Output {
    circo_don::cli::run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

#[test]
fn a_registry_split_by_circo_don_communes_is_searched_as_before_and_checked() {
    let out_dir = std::env::temp_dir().join(format!("circo-don-communes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/registry.json");
    let out = run(&["communes", demo, "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("6 communes en "), "{}", out.stdout);
    let original = load(&std::fs::read_to_string(demo).unwrap()).registry().cloned().unwrap();
    let split_text = std::fs::read_to_string(out_dir.join("registry.json")).unwrap();
    let split = load(&split_text).registry().cloned().unwrap();
    assert_eq!(split.communes_url.as_deref(), Some("communes/"));
    assert!(split.entries.iter().all(|e| e.communes.is_empty()), "the communes left the registry");
    // Every query with a word of three characters or more: the same circos, in the same
    // order, once the files it asks for are in.
    for query in ["saint etienne", "st etienne", "99200", "992", "oeuvre sur loue", "bourg labbaye", "port eole", "saint etienne 2", "val fictif", "eole", "saintetienne", "zzz"] {
        let mut added = Added::default();
        for key in query_keys(query) {
            if let Ok(text) = std::fs::read_to_string(out_dir.join("communes").join(format!("{key}.json"))) {
                let (found, problems) = load_communes(&text, &key, &split);
                assert!(problems.is_empty(), "{key}: {problems:#?}");
                added.add(&split, found.unwrap());
            }
        }
        let found = |r: &Registry, added: &Added| {
            r.matches_with(query, added).iter().map(|m| (m.entry.slug.clone(), m.communes.iter().map(|c| c.insee.clone()).collect::<Vec<_>>())).collect::<Vec<_>>()
        };
        assert_eq!(found(&split, &added), found(&original, &Added::default()), "{query}");
    }
    // `check` reads the files back: clean; a file lost is named.
    for file in ["circo-exemple.json", "association.json"] {
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/").to_owned() + file, out_dir.join(file)).unwrap();
    }
    let registry = out_dir.join("registry.json");
    let check = run(&["check", registry.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!((check.code, report["errors"].as_array().unwrap().len(), report["warnings"].as_array().unwrap().len()), (0, 0, 0), "{}", check.stdout);
    std::fs::remove_file(out_dir.join("communes/eti.json")).unwrap();
    let check = run(&["check", registry.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let warnings = report["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty() && warnings.iter().all(|w| w["rule"] == "communes-missing" && w["path"] == "communes/eti.json"), "{warnings:#?}");
    std::fs::remove_dir_all(out_dir.join("communes")).unwrap();
    let check = run(&["check", registry.to_str().unwrap()]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("[communes-url]"), "{}", check.stdout);
    std::fs::remove_dir_all(&out_dir).unwrap();
}

/// The files of a zip, by path, read back with the zip project's own reader.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated, "{name}");
            // Dated as zip dates an undated file, so that the bytes never depend on when.
            assert_eq!(file.last_modified(), Some(zip::DateTime::default()), "{name}");
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (name, text)
        })
        .collect()
}

/// Every file under `dir`, by path relative to it (`communes/sai.json`).
fn files_under(dir: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let mut files = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            files.extend(files_under(&path).into_iter().map(|(p, t)| (format!("{name}/{p}"), t)));
        } else {
            files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    files
}

#[test]
fn the_zip_of_a_split_registry_holds_the_folder_circo_don_communes_writes_and_check_reads_it() {
    let base = std::env::temp_dir().join(format!("circo-don-communes-zip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/registry.json");
    let (dir, zip_file) = (base.join("site"), base.join("site.zip"));
    assert_eq!(run(&["communes", demo, "--out", dir.to_str().unwrap()]).code, 0);
    let out = run(&["communes", demo, "--zip", zip_file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("6 communes en ") && out.stdout.contains("site.zip"), "{}", out.stdout);
    let zipped = std::fs::read(&zip_file).unwrap();
    let in_zip = unzip(&zipped);
    // The same files, byte for byte, as the folder: the registry and each key's file.
    assert_eq!(in_zip, files_under(&dir));
    assert!(in_zip.contains_key("registry.json") && in_zip.keys().filter(|p| p.starts_with("communes/")).count() > 5, "{:?}", in_zip.keys());
    // What the builder page gives is the same zip (the registry named as it saves it).
    let text = std::fs::read_to_string(demo).unwrap();
    let layout = circo_don::builder::communes::split(&text).unwrap();
    assert_eq!(circo_don::widget::zip::zip_layout(&layout, "registry.json").unwrap(), zipped, "the same registry always gives the same bytes");
    assert_eq!(layout.communes, 6, "Saint-Étienne-Exemple, in two circos, counted once");
    // Each file is written as text, piece by piece: the very bytes serde_json writes for
    // the object it reads back (compact, keys in order), and the communes listed as given.
    for (key, text) in &layout.files {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(*text, format!("{value}\n"), "{key}");
        assert_eq!((value["format"].as_str(), value["key"].as_str()), (Some("circo-don-communes/1"), Some(key.as_str())));
    }
    let sai = &layout.files.iter().find(|(k, _)| k == "sai").unwrap().1;
    assert!(sai.contains(r#"{"insee":"99218","name":"Saint-Étienne-Exemple","postal_codes":["99200","99210"]}"#), "{sai}");
    // Unpacked beside the linked files, `check` finds nothing to say.
    for file in ["circo-exemple.json", "association.json"] {
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/").to_owned() + file, base.join(file)).unwrap();
    }
    std::fs::create_dir_all(base.join("communes")).unwrap();
    for (path, text) in &in_zip {
        std::fs::write(base.join(path), text).unwrap();
    }
    let check = run(&["check", base.join("registry.json").to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!((check.code, report["errors"].as_array().unwrap().len(), report["warnings"].as_array().unwrap().len()), (0, 0, 0), "{}", check.stdout);
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn a_registry_that_cannot_be_split_is_refused_with_what_to_do_and_nothing_written() {
    use circo_don::builder::communes::{split, Refused};
    let base = std::env::temp_dir().join(format!("circo-don-communes-refused-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let write = |name: &str, value: serde_json::Value| {
        let path = base.join(name);
        std::fs::write(&path, value.to_string()).unwrap();
        (path.to_str().unwrap().to_owned(), value.to_string())
    };
    let no_communes = write("none.json", json!({ "format": "circo-don-registry/1", "circos": [
        { "department": "42", "number": 1, "name": "Loire, 1re circonscription", "url": "42-01.json" } ] }));
    let broken = write("broken.json", json!({ "format": "circo-don-registry/1", "circos": [
        { "department": "42", "number": 1, "name": "Loire, 1re circonscription", "url": "42-01.json", "communes": [ { "name": "Firminy", "insee": "4209" } ] } ] }));
    let account = (concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json").to_owned(), std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap());
    assert!(matches!(split(&no_communes.1), Err(Refused::NoCommunes)));
    assert!(matches!(split(&broken.1), Err(Refused::Errors(loaded)) if loaded.problems.iter().any(|p| p.rule == CheckId::CommuneInsee)));
    assert!(matches!(split(&account.1), Err(Refused::NotRegistry)));
    for ((path, _), code, said) in [(&no_communes, 2, "ne liste aucune commune"), (&broken, 1, "[commune-insee]"), (&account, 2, "n’est pas un registre")] {
        for (flag, to) in [("--out", base.join("out")), ("--zip", base.join("out.zip"))] {
            let out = run(&["communes", path, flag, to.to_str().unwrap()]);
            assert_eq!(out.code, code, "{path} {flag}: {}{}", out.stdout, out.stderr);
            assert!([&out.stdout, &out.stderr].iter().any(|s| s.contains(said)), "{path}: {}{}", out.stdout, out.stderr);
            assert!(!to.exists(), "{path} {flag}: nothing written");
        }
    }
    // Neither or both of --out and --zip, for a registry that would split: a usage
    // error naming the flag, nothing written.
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/registry.json");
    let (a, b) = (base.join("a"), base.join("b.zip"));
    for args in [vec!["communes", demo], vec!["communes", demo, "--out", a.to_str().unwrap(), "--zip", b.to_str().unwrap()]] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(out.stderr.contains("--out <DIR>") && out.stderr.contains("--zip <FILE>"), "{args:?}: {}", out.stderr);
        assert!(!a.exists() && !b.exists(), "{args:?}: nothing written");
    }
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn the_builder_names_the_zip_and_its_registry_after_the_registry_s_address() {
    use circo_don::builder::words::communes_names;
    let names = |url: &str| communes_names(url);
    assert_eq!(names("https://mouvement.example/don/mouvement.json"), ("mouvement-communes.zip".into(), "mouvement.json".into()));
    assert_eq!(names("/don/registre-2027.json"), ("registre-2027-communes.zip".into(), "registre-2027.json".into()));
    // No file name to take (empty, a folder, not JSON, or odd characters): registre.json.
    // Its query and fragment are not part of the name.
    assert_eq!(names("https://mouvement.example/don/mouvement.json?v=2#liste"), ("mouvement-communes.zip".into(), "mouvement.json".into()));
    // A local path keeps its folders' `#` (only the file's name is read).
    assert_eq!(names("site#2/mouvement.json"), ("mouvement-communes.zip".into(), "mouvement.json".into()));
    assert_eq!(names("C:\\dons\\mouvement.json"), ("mouvement-communes.zip".into(), "mouvement.json".into()));
    for url in ["", "https://mouvement.example/don/", "https://mouvement.example/registre", "/don/.json", "/don/mon registre.json", "/don/r?x=1.json"] {
        assert_eq!(names(url), ("registre-communes.zip".into(), "registre.json".into()), "{url:?}");
    }
}

#[test]
fn a_registry_still_over_a_page_without_its_communes_is_refused_and_says_to_link_the_accounts() {
    use circo_don::builder::communes::{split, Refused};
    // 2 850 inline accounts, each with its communes: clean, but over 1 MiB even without them.
    let demo: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/registry.json")).unwrap()).unwrap();
    let inline = demo["circos"].as_array().unwrap().iter().find(|c| c.get("format").is_some()).unwrap().clone();
    let circos: Vec<serde_json::Value> = (1..=95)
        .flat_map(|dep| (1..=30).map(move |number| (dep, number)))
        .map(|(dep, number)| {
            let mut circo = inline.clone();
            circo["circo"]["department"] = if dep == 20 { "2A".into() } else { format!("{dep:02}").into() };
            circo["circo"]["number"] = number.into();
            circo
        })
        .collect();
    let text = json!({ "format": "circo-don-registry/1", "name": "Trop grand", "circos": circos }).to_string();
    assert!(!circo_don::config::load_within(&text, u64::MAX).has_errors());
    // Over a page's limit, `check` and the builder say to put the communes apart when the
    // registry lists some, to link the accounts otherwise.
    let too_large = |text: &str| {
        let loaded = circo_don::config::load(text);
        let p = loaded.problems.iter().find(|p| p.rule == CheckId::FileTooLarge).expect("over the limit");
        p.message.clone()
    };
    let apart = too_large(&text);
    assert!(apart.fr.contains("mettez les communes à part (« circo-don communes »") && apart.en.contains("put the communes apart"), "{}", apart.fr);
    // It does not promise that the registry will then fit: this one will not.
    assert!(apart.fr.contains("mettez aussi les comptes en ligne dans des fichiers liés") && apart.en.contains("move inline accounts to linked files too"), "{}", apart.en);
    // An account file (not a registry) with its circo's communes is not told to split them.
    let account = text.replace("circo-don-registry/1", "circo-don/1");
    assert!(!too_large(&account).fr.contains("communes à part"), "{}", too_large(&account).fr);
    let without = text.replace("\"communes\"", "\"x_communes\"");
    let link = too_large(&without);
    assert!(link.fr.contains("découpez le registre en liens") && !link.fr.contains("communes à part"), "{}", link.fr);
    let Err(Refused::TooLarge { size, limit }) = split(&text) else { panic!("a registry over the limit without its communes is split") };
    assert!(size as u64 > limit && limit == circo_don::embed::MAX_CONFIG_BYTES, "{size} {limit}");
    let why = Refused::TooLarge { size, limit }.why();
    assert!(why.fr.contains(&format!("{size} octets")) && why.fr.contains("fichiers liés"), "{}", why.fr);
    // The command says the same, writes nothing.
    let base = std::env::temp_dir().join(format!("circo-don-communes-large-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    std::fs::write(base.join("large.json"), &text).unwrap();
    let out = run(&["communes", base.join("large.json").to_str().unwrap(), "--zip", base.join("out/large.zip").to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("fichiers liés"), "{}", out.stderr);
    assert!(!base.join("out").exists(), "nothing written");
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn a_town_split_between_two_circos_is_counted_once_and_the_counts_are_said_in_good_french() {
    use circo_don::builder::communes::split;
    use circo_don::builder::words::communes_downloaded;
    let town = json!({ "name": "Val-Partagé", "insee": "99101", "postal_codes": ["99100"] });
    let circo = |number: u32, communes: serde_json::Value| {
        json!({ "department": "99", "number": number, "name": format!("Circo {number}"), "url": format!("c{number}.json"), "communes": communes })
    };
    let other = json!({ "name": "Mont-Seul", "insee": "99102", "postal_codes": ["99110"] });
    let text = json!({ "format": "circo-don-registry/1", "name": "Deux", "circos": [circo(1, json!([town, other])), circo(2, json!([town]))] }).to_string();
    let layout = split(&text).unwrap();
    assert_eq!(layout.communes, 2, "three listings, two towns");
    // The town is in its keys' files under both circos.
    let val = &layout.files.iter().find(|(k, _)| k == "val").unwrap().1;
    assert!(val.contains("\"99-01\"") && val.contains("\"99-02\""), "{val}");
    // French puts 0 and 1 in the singular, English 1 only.
    let said = communes_downloaded("r-communes.zip", "r.json", 0, 1);
    assert!(said.fr.contains("et 0 fichier dans communes/ (1 commune)") && said.en.contains("and 0 files in communes/ (1 commune)"), "{} / {}", said.fr, said.en);
    let said = communes_downloaded("r-communes.zip", "r.json", 2, 2);
    assert!(said.fr.contains("et 2 fichiers dans communes/ (2 communes)") && said.en.contains("and 2 files in communes/ (2 communes)"), "{} / {}", said.fr, said.en);
    // The command line says it the same way.
    let base = std::env::temp_dir().join(format!("circo-don-communes-two-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    std::fs::write(base.join("deux.json"), &text).unwrap();
    let out = run(&["communes", base.join("deux.json").to_str().unwrap(), "--out", base.join("site").to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = layout.files.len();
    assert!(out.stdout.contains(&format!("communes : 2 communes en {files} fichiers (communes/CLÉ.json), et deux.json sans ses communes")), "{}", out.stdout);
    std::fs::remove_dir_all(&base).unwrap();
}

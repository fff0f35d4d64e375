#![cfg(not(target_arch = "wasm32"))]
//! `circo-don check` and `circo-don schema`, through `cli::run`.

use circo_don::cli::run;

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn path(p: &str) -> String {
    format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_valid_example_exits_0() {
    let out = run(&args(&["check", &path("demo/circo-exemple.json")]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("0 erreur(s)"), "{}", out.stdout);
    let out = run(&args(&["check", &path("demo/registry.json"), "--json"]));
    assert_eq!(out.code, 0);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["kind"], "registry");
}

#[test]
fn errors_exit_1_with_paths_in_both_languages() {
    let out = run(&args(&["check", &path("tests/configs/broken/iban-checksum.json")]));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("payment.transfer.iban"));
    assert!(out.stdout.contains("[iban-checksum]"));
    let fr = out.stdout.find("fr: ").unwrap();
    let en = out.stdout.find("en: ").unwrap();
    assert!(fr < en, "French first");

    let out = run(&args(&["check", "--json", &path("tests/configs/broken/card-javascript.json")]));
    assert_eq!(out.code, 1);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["errors"][0]["path"], "payment.card.url");
    assert_eq!(report["errors"][0]["rule"], "url-scheme");
    assert!(report["errors"][0]["message_fr"].as_str().unwrap().contains("https"));
    assert!(report["errors"][0]["message_en"].as_str().unwrap().contains("https"));
    assert!(report["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn warnings_only_exit_0() {
    let out = run(&args(&["check", "--json", &path("tests/configs/warnings/card-helloasso.json")]));
    assert_eq!(out.code, 0);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["warnings"][0]["rule"], "card-third-party-platform");
}

#[test]
fn usage_and_unreadable_files_exit_2() {
    assert_eq!(run(&args(&["check"])).code, 2);
    assert_eq!(run(&args(&["check", "a.json", "b.json"])).code, 2);
    assert_eq!(run(&args(&["check", "--jsn", "a.json"])).code, 2);
    let out = run(&args(&["check", &path("tests/configs/no-such-file.json")]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read"));
    assert_eq!(run(&args(&["schema", "--bogus"])).code, 2);
}

#[test]
fn schema_prints_json() {
    let out = run(&args(&["schema"]));
    assert_eq!(out.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], "circo-don/1");
    let out = run(&args(&["schema", "--registry"]));
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], "circo-don-registry/1");
}

/// The circo's population gives the collective its spending ceiling and cash cap
/// (docs/law.md §6: 125 000 inhabitants → 71 505 €, cash 14 301 €), legislative only.
#[test]
fn check_tells_the_spending_ceiling_from_the_population() {
    use circo_don::i18n::Lang;
    use circo_don::law::limits::{cash_cap, spending_ceiling};
    let out = run(&args(&["check", &path("demo/circo-exemple.json")]));
    let at = out.stdout.find("info  circo.population  [spending-ceiling]").expect(&out.stdout);
    let note = &out.stdout[at..];
    let (ceiling, cash) = (spending_ceiling(125_000), cash_cap(125_000));
    assert_eq!((ceiling.get(), cash.get()), (7_150_500, 1_430_100));
    assert!(note.contains(&ceiling.format(Lang::Fr)) && note.contains(&cash.format(Lang::En)), "{note}");
    // Without a population, nothing is said.
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path("demo/circo-exemple.json")).unwrap()).unwrap();
    doc["circo"].as_object_mut().unwrap().remove("population");
    let file = std::env::temp_dir().join(format!("circo-don-no-population-{}.json", std::process::id()));
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = run(&args(&["check", file.to_str().unwrap()]));
    std::fs::remove_file(&file).ok();
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("spending-ceiling"), "{}", out.stdout);
}

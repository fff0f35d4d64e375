#![cfg(not(target_arch = "wasm32"))]
//! The examples in `demo/` load without any problem; every file of the broken corpus
//! (`tests/configs/broken`) produces the error its manifest names, and every file of
//! `tests/configs/warnings` the warning named, without any error.

use std::fs;
use std::path::Path;

use circo_don::config::{load, Severity};

fn manifest(dir: &str) -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let text = fs::read_to_string(root.join("expected.txt")).expect("manifest");
    let lines: Vec<_> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(parts.len(), 3, "manifest line {l:?}: expected `file path rule`");
            let path = if parts[1] == "-" { String::new() } else { parts[1].to_owned() };
            (parts[0].to_owned(), path, parts[2].to_owned())
        })
        .collect();
    // Every JSON file of the folder is in the manifest.
    let mut files: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = lines.iter().map(|l| l.0.clone()).collect();
    listed.sort();
    assert_eq!(files, listed, "{dir}: files and manifest differ");
    lines
}

fn read(dir: &str, file: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(file)).unwrap()
}

#[test]
fn examples_have_no_problem() {
    for file in ["circo-exemple.json", "association.json", "registry.json"] {
        let loaded = load(&read("demo", file));
        assert!(loaded.problems.is_empty(), "demo/{file}: {:#?}", loaded.problems);
        assert!(loaded.config.is_some(), "demo/{file}");
    }
}

#[test]
fn every_broken_file_reports_its_error() {
    let cases = manifest("tests/configs/broken");
    assert!(cases.len() >= 15);
    for (file, path, rule) in cases {
        let loaded = load(&read("tests/configs/broken", &file));
        assert!(
            loaded.problems.iter().any(|p| p.path == path && p.rule.as_str() == rule && p.severity == Severity::Error),
            "{file}: expected error {rule} at {path:?}, got {:#?}",
            loaded.problems
        );
        assert!(loaded.account().is_none(), "{file}: an account with errors must not be usable");
        for p in &loaded.problems {
            assert!(!p.message.fr.is_empty() && !p.message.en.is_empty() && p.message.fr != p.message.en, "{file}: {p}");
        }
    }
}

#[test]
fn every_warning_file_reports_its_warning_and_still_works() {
    for (file, path, rule) in manifest("tests/configs/warnings") {
        let loaded = load(&read("tests/configs/warnings", &file));
        assert!(
            loaded.problems.iter().any(|p| p.path == path && p.rule.as_str() == rule && p.severity == Severity::Warning),
            "{file}: expected warning {rule} at {path:?}, got {:#?}",
            loaded.problems
        );
        assert!(!loaded.has_errors(), "{file}: {:#?}", loaded.problems);
        assert!(loaded.account().is_some(), "{file}");
    }
}

#[test]
fn every_rule_of_the_corpus_is_documented() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/README.md")).unwrap();
    for dir in ["tests/configs/broken", "tests/configs/warnings"] {
        for (file, _, rule) in manifest(dir) {
            assert!(doc.contains(&format!("`{rule}`")), "{file}: rule {rule} is not in schema/README.md");
        }
    }
}

#[test]
fn a_schema_key_for_editors_is_accepted() {
    let text = read("demo", "circo-exemple.json").replacen('{', r#"{ "$schema": "../schema/circo-don-1.schema.json","#, 1);
    let loaded = load(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let text = read("demo", "registry.json").replacen('{', r#"{ "$schema": "x","#, 1);
    assert!(load(&text).problems.is_empty());
}

/// The rule ids are a published contract: `schema/README.md`'s table of checks lists
/// every id of `CheckId` and no other, and the corpus manifests name only real ids.
#[test]
fn the_guide_and_the_manifests_list_the_checks_that_exist() {
    use circo_don::config::CheckId;
    let guide = read("schema", "README.md");
    let table = &guide[guide.find("| rule | severity | what |").expect("the table of checks")..];
    let mut listed: Vec<String> = Vec::new();
    for line in table.lines().skip(2).take_while(|l| l.starts_with("| `")) {
        let first = line.split('|').nth(1).unwrap_or("");
        listed.extend(first.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    let mut all: Vec<String> = CheckId::ALL.iter().map(|id| id.as_str().to_owned()).collect();
    let listed_sorted = {
        let mut l = listed.clone();
        l.sort();
        l
    };
    all.sort();
    assert_eq!(listed_sorted, all, "schema/README.md's table of checks and CheckId differ");
    for id in &listed {
        assert_eq!(CheckId::parse(id).map(|c| c.as_str()), Some(id.as_str()));
    }
    for dir in ["tests/configs/broken", "tests/configs/warnings"] {
        for (file, _, rule) in manifest(dir) {
            assert!(CheckId::parse(&rule).is_some(), "{dir}/{file}: {rule} is not a check id");
        }
    }
}

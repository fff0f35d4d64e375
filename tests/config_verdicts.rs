#![cfg(not(target_arch = "wasm32"))]
//! The verdicts of the configuration's checks are recorded in `tests/configs/verdicts.txt`
//! (see `tests/support/verdicts.rs`): natively here, in the donor's wasm by
//! `tests/browser.rs`. After a deliberate change of a check, write the record anew with
//! `BLESS=1 cargo test --test config_verdicts` and read its diff.

use std::path::Path;

#[path = "support/verdicts.rs"]
mod verdicts;

const RECORD: &str = "tests/configs/verdicts.txt";

#[test]
fn the_recorded_verdicts_are_todays() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RECORD);
    let now = verdicts::record();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let recorded = std::fs::read_to_string(&path).unwrap_or_default();
    let first = recorded.lines().zip(now.lines()).find(|(a, b)| a != b);
    assert!(recorded == now, "{RECORD} differs from today's checks (first difference: {first:?}); if the change is meant, BLESS=1");
}

#[test]
fn the_record_covers_refusals_warnings_and_usable_files() {
    let now = verdicts::record();
    let lines: Vec<&str> = now.lines().collect();
    assert!(lines.len() > 1_000, "{} cases", lines.len());
    let refused = lines.iter().filter(|l| l.ends_with("usable=false")).count();
    let warned = lines.iter().filter(|l| l.contains(" W ") || l.contains(": W ")).count();
    let clean = lines.iter().filter(|l| l.ends_with(": usable=true")).count();
    assert!(refused > 300 && warned > 50 && clean > 3, "refused {refused}, warned {warned}, clean {clean}");
}

#[test]
fn the_embedded_corpus_is_the_folders_files() {
    let mut files = Vec::new();
    for dir in ["broken", "warnings"] {
        for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/configs").join(dir)).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".json") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    let embedded: Vec<String> = verdicts::CORPUS.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(embedded, files, "list every corpus file in tests/support/verdicts.rs");
}

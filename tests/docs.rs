//! The documentation that states figures says what the code does: the end of
//! `docs/law.md` is `circo-don rules`, printed from the one rules table.
#![cfg(not(target_arch = "wasm32"))]

use circo_don::cli::run;

#[test]
fn docs_law_md_ends_with_the_rules_table_of_the_code() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/law.md")).unwrap();
    let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
    let start = doc.find(begin).expect("the rules:begin marker") + begin.len();
    let stop = doc.find(end).expect("the rules:end marker");
    let printed = run(&["rules".to_owned()]);
    assert_eq!(printed.code, 0);
    assert!(printed.stdout.contains("`cgi-200-rate` | 66\u{A0}% | CGI art. 200-1 et 200-3"), "{}", printed.stdout);
    assert_eq!(
        &doc[start..stop],
        printed.stdout,
        "docs/law.md differs from the rules table: paste the output of `cargo run -- rules` between the markers"
    );
}

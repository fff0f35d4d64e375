//! The verdicts of `config::load` on the configuration corpus and on the demo's examples
//! mutated value by value: for each case, every problem's severity, check id and path,
//! in order. Shared by the native test (`tests/config_verdicts.rs`) and the browser test
//! (`tests/browser.rs`), which compare them with the same recorded file,
//! `tests/configs/verdicts.txt`: so the donor's widget (wasm without `explain`, no
//! messages) refuses exactly what the command line and the builder refuse, at the same
//! paths, for the same checks (issue 22).

use circo_don::config::{load, Severity};
use serde_json::Value;

/// The corpus, embedded so that the browser test reads it too (a native test checks
/// this list is the folders' files).
pub const CORPUS: &[(&str, &str)] = &[
    ("broken/address-line-tab.json", include_str!("../configs/broken/address-line-tab.json")),
    ("broken/bic-format.json", include_str!("../configs/broken/bic-format.json")),
    ("broken/bidi-isolate-address.json", include_str!("../configs/broken/bidi-isolate-address.json")),
    ("broken/bidi-override-title.json", include_str!("../configs/broken/bidi-override-title.json")),
    ("broken/card-http.json", include_str!("../configs/broken/card-http.json")),
    ("broken/card-javascript.json", include_str!("../configs/broken/card-javascript.json")),
    ("broken/card-relative.json", include_str!("../configs/broken/card-relative.json")),
    ("broken/cheque-payee-mismatch.json", include_str!("../configs/broken/cheque-payee-mismatch.json")),
    ("broken/circo-number-zero.json", include_str!("../configs/broken/circo-number-zero.json")),
    ("broken/commune-insee-corsica-lowercase.json", include_str!("../configs/broken/commune-insee-corsica-lowercase.json")),
    ("broken/contact-data-url.json", include_str!("../configs/broken/contact-data-url.json")),
    ("broken/control-character.json", include_str!("../configs/broken/control-character.json")),
    ("broken/date-nonexistent.json", include_str!("../configs/broken/date-nonexistent.json")),
    ("broken/department-code.json", include_str!("../configs/broken/department-code.json")),
    ("broken/designation-after-first-round.json", include_str!("../configs/broken/designation-after-first-round.json")),
    ("broken/election-kind-unknown.json", include_str!("../configs/broken/election-kind-unknown.json")),
    ("broken/format-missing.json", include_str!("../configs/broken/format-missing.json")),
    ("broken/format-version.json", include_str!("../configs/broken/format-version.json")),
    ("broken/goal-target-zero.json", include_str!("../configs/broken/goal-target-zero.json")),
    ("broken/holder-too-long.json", include_str!("../configs/broken/holder-too-long.json")),
    ("broken/iban-checksum.json", include_str!("../configs/broken/iban-checksum.json")),
    ("broken/iban-format.json", include_str!("../configs/broken/iban-format.json")),
    ("broken/invalid-json.json", include_str!("../configs/broken/invalid-json.json")),
    ("broken/missing-field.json", include_str!("../configs/broken/missing-field.json")),
    ("broken/missing-payment.json", include_str!("../configs/broken/missing-payment.json")),
    ("broken/non-character-operator.json", include_str!("../configs/broken/non-character-operator.json")),
    ("broken/not-an-object.json", include_str!("../configs/broken/not-an-object.json")),
    ("broken/number-as-string.json", include_str!("../configs/broken/number-as-string.json")),
    ("broken/preset-negative.json", include_str!("../configs/broken/preset-negative.json")),
    ("broken/preset-over-cap.json", include_str!("../configs/broken/preset-over-cap.json")),
    ("broken/registry-commune-empty-name.json", include_str!("../configs/broken/registry-commune-empty-name.json")),
    ("broken/registry-commune-insee.json", include_str!("../configs/broken/registry-commune-insee.json")),
    ("broken/registry-commune-postal-code.json", include_str!("../configs/broken/registry-commune-postal-code.json")),
    ("broken/registry-duplicate-slug.json", include_str!("../configs/broken/registry-duplicate-slug.json")),
    ("broken/registry-inline-iban.json", include_str!("../configs/broken/registry-inline-iban.json")),
    ("broken/registry-inline-typo.json", include_str!("../configs/broken/registry-inline-typo.json")),
    ("broken/registry-link-iban.json", include_str!("../configs/broken/registry-link-iban.json")),
    ("broken/registry-link-javascript.json", include_str!("../configs/broken/registry-link-javascript.json")),
    ("broken/second-round-before-first.json", include_str!("../configs/broken/second-round-before-first.json")),
    ("broken/transfer-holder-mismatch.json", include_str!("../configs/broken/transfer-holder-mismatch.json")),
    ("broken/unknown-field-typo.json", include_str!("../configs/broken/unknown-field-typo.json")),
    ("broken/zero-width-holder.json", include_str!("../configs/broken/zero-width-holder.json")),
    ("warnings/account-title-candidate.json", include_str!("../configs/warnings/account-title-candidate.json")),
    ("warnings/bic-country.json", include_str!("../configs/warnings/bic-country.json")),
    ("warnings/by-election-without-trigger.json", include_str!("../configs/warnings/by-election-without-trigger.json")),
    ("warnings/card-helloasso.json", include_str!("../configs/warnings/card-helloasso.json")),
    ("warnings/commune-duplicate.json", include_str!("../configs/warnings/commune-duplicate.json")),
    ("warnings/commune-postal-code-duplicate.json", include_str!("../configs/warnings/commune-postal-code-duplicate.json")),
    ("warnings/iban-belgian.json", include_str!("../configs/warnings/iban-belgian.json")),
    ("warnings/markup-in-name.json", include_str!("../configs/warnings/markup-in-name.json")),
    ("warnings/mixed-script-candidate.json", include_str!("../configs/warnings/mixed-script-candidate.json")),
    ("warnings/payee-case.json", include_str!("../configs/warnings/payee-case.json")),
    ("warnings/preset-duplicate.json", include_str!("../configs/warnings/preset-duplicate.json")),
    ("warnings/presets-too-many.json", include_str!("../configs/warnings/presets-too-many.json")),
    ("warnings/second-round-interval.json", include_str!("../configs/warnings/second-round-interval.json")),
];

/// The demo's examples, mutated below.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("circo-exemple.json", include_str!("../../demo/circo-exemple.json")),
    ("association.json", include_str!("../../demo/association.json")),
    ("registry.json", include_str!("../../demo/registry.json")),
];

/// Every path to a value of `v`, in document order.
fn paths(v: &Value, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    let child = |k: String| [prefix, &[k]].concat();
    match v {
        Value::Object(o) => o.iter().for_each(|(k, c)| paths(c, &child(k.clone()), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| paths(c, &child(i.to_string()), out)),
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

/// The values each leaf and branch is replaced with: wrong types, empty, out of range,
/// too long, hidden or markup characters, a broken checksum.
fn replacements() -> Vec<(&'static str, Value)> {
    vec![
        ("null", Value::Null),
        ("empty", Value::from("")),
        ("zero", Value::from(0)),
        ("negative", Value::from(-5)),
        ("long", Value::from("x".repeat(2_100))),
        ("markup", Value::from("<b>Exemple</b>")),
        ("rlo", Value::from("Exemple\u{202E}")),
        ("list", Value::Array(vec![])),
        ("date", Value::from("2027-02-30")),
    ]
}

/// Every case: (name, text). The corpus, the examples, then each example with each value
/// replaced, and each object member removed.
pub fn cases() -> Vec<(String, String)> {
    let mut cases: Vec<(String, String)> = CORPUS.iter().chain(EXAMPLES).map(|(n, t)| (n.to_string(), t.to_string())).collect();
    for (name, text) in EXAMPLES {
        let doc: Value = serde_json::from_str(text).unwrap();
        let mut all = Vec::new();
        paths(&doc, &[], &mut all);
        for path in all.iter().filter(|p| !p.is_empty()) {
            let place = path.join(".");
            for (what, value) in replacements() {
                let mut d = doc.clone();
                *at(&mut d, path) = value;
                cases.push((format!("{name} {place}={what}"), d.to_string()));
            }
            let (parent, key) = path.split_at(path.len() - 1);
            let mut d = doc.clone();
            if let Value::Object(o) = at(&mut d, parent) {
                o.remove(&key[0]);
                cases.push((format!("{name} {place} removed"), d.to_string()));
            }
        }
    }
    cases
}

/// One case's verdict: its problems as `E rule path` or `W rule path`, `-` for none.
pub fn verdict(text: &str) -> String {
    let loaded = load(text);
    let mut out: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| format!("{} {} {}", if p.severity == Severity::Error { "E" } else { "W" }, p.rule.as_str(), if p.path.is_empty() { "-" } else { &p.path }))
        .collect();
    out.push(format!("usable={}", loaded.config.is_some()));
    out.join("; ")
}

/// The whole record: a line per case, `name: verdict`.
pub fn record() -> String {
    cases().iter().map(|(name, text)| format!("{name}: {}\n", verdict(text))).collect()
}

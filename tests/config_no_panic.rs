#![cfg(not(target_arch = "wasm32"))]
//! `config::load` never panics: arbitrary strings, and the examples mutated (a value
//! replaced, a key removed, the text cut or spliced). The cargo-fuzz target in
//! `fuzz/` explores further; this runs with every `cargo test`.

use std::fs;

use circo_don::config::load;
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/proptest_floor.rs"]
mod proptest_floor;

fn examples() -> Vec<String> {
    ["demo/circo-exemple.json", "demo/association.json", "demo/registry.json"]
        .iter()
        .map(|f| fs::read_to_string(format!("{}/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .collect()
}

/// Every path to a value of `v`.
fn paths(v: &Value, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(o) => o.iter().for_each(|(k, c)| paths(c, [prefix.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| paths(c, [prefix.clone(), vec![i.to_string()]].concat(), out)),
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

fn arb_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,80}".prop_map(Value::from),
        prop::sample::select(vec!["", "FR76", "2027-02-29", "https://", "javascript:x", "ZZ", "2A", "é", "<b>", "\u{0}", "99999999999999999999"]).prop_map(Value::from),
        Just(Value::Array(vec![])),
        Just(Value::Object(Default::default())),
    ]
}

proptest! {
    // Only non-finite numbers are filtered out: at least 95 % of the draws are kept.
    #![proptest_config(proptest_floor::accepting(2000, 95))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = load(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\{\}\[\]":,0-9a-z_\-\. ]{0,200}"#) {
        let _ = load(&format!(r#"{{"format":"circo-don/1",{text}"#));
        let _ = load(&text);
    }

    #[test]
    fn mutated_examples_never_panic(which in 0usize..3, pick in any::<prop::sample::Index>(), value in arb_value(), remove in any::<bool>(), cut in any::<prop::sample::Index>()) {
        let text = &examples()[which];
        let mut doc: Value = serde_json::from_str(text).unwrap();
        let mut all = Vec::new();
        paths(&doc, Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        if let (true, Some((last, parent))) = (remove, path.split_last()) {
            if let Value::Object(o) = at(&mut doc, parent) { o.remove(last); }
        } else {
            *at(&mut doc, &path) = value;
        }
        let mutated = doc.to_string();
        let loaded = load(&mutated);
        for p in &loaded.problems { let _ = p.to_string(); }
        prop_assert!(loaded.account().is_none() || !loaded.has_errors());
        // The original text cut anywhere (on a char boundary).
        let mut i = cut.index(text.len() + 1);
        while !text.is_char_boundary(i) { i -= 1; }
        let _ = load(&text[..i]);
    }
}

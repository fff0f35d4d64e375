#![cfg(not(target_arch = "wasm32"))]
//! The committed JSON Schemas are exactly what the Rust types generate, and the schema
//! and the serde parser agree on required fields and unknown fields.

use std::fs;
use std::path::Path;

use circo_don::cli::check::schema_text;
use circo_don::config::load;
use serde_json::{Map, Value};

const REGENERATE: &str = "regenerate with:\n  cargo run -- schema > schema/circo-don-1.schema.json\n  cargo run -- schema --registry > schema/circo-don-registry-1.schema.json\n  cargo run -- schema --communes > schema/circo-don-communes-1.schema.json";

fn committed(file: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema").join(file)).unwrap()
}

#[test]
fn committed_schemas_match_the_types() {
    assert!(committed("circo-don-1.schema.json") == schema_text(false), "schema/circo-don-1.schema.json is stale; {REGENERATE}");
    assert!(committed("circo-don-registry-1.schema.json") == schema_text(true), "schema/circo-don-registry-1.schema.json is stale; {REGENERATE}");
    assert!(committed("circo-don-communes-1.schema.json") == circo_don::cli::check::communes_schema_text(), "schema/circo-don-communes-1.schema.json is stale; {REGENERATE}");
}

/// The object schema a property's schema stands for: follows `$ref` and picks the
/// object alternative of an `anyOf` (options are `anyOf [X, null]`).
fn object_schema<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Map<String, Value>> {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/")?;
        return object_schema(root, &root["$defs"][name]);
    }
    if let Some(alts) = node.get("anyOf").and_then(Value::as_array) {
        return alts.iter().find_map(|a| object_schema(root, a));
    }
    let o = node.as_object()?;
    (o.get("type") == Some(&Value::from("object"))).then_some(o)
}

fn get_mut<'a>(doc: &'a mut Value, path: &[String]) -> &'a mut Map<String, Value> {
    path.iter().fold(doc, |v, k| &mut v[k.as_str()]).as_object_mut().unwrap()
}

/// Walks the example and the schema together: removing a field the schema requires
/// gives `missing-field` at its path; removing an optional one gives no error; an
/// extra field is `unknown-field` wherever the schema forbids additional properties.
fn walk(root: &Value, schema: &Map<String, Value>, example: &Value, path: Vec<String>, checked: &mut usize) {
    let required: Vec<&str> = schema.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let dotted = |k: &str| path.iter().map(String::as_str).chain([k]).collect::<Vec<_>>().join(".");
    let node = path.iter().fold(example, |v, k| &v[k.as_str()]);
    for (key, value) in node.as_object().unwrap() {
        let mut doc = example.clone();
        get_mut(&mut doc, &path).remove(key);
        let loaded = load(&doc.to_string());
        let expected_rule = if key == "format" && path.is_empty() { "format-missing" } else { "missing-field" };
        let reported = loaded.problems.iter().any(|p| p.rule == expected_rule && p.path == dotted(key));
        if required.contains(&key.as_str()) {
            assert!(reported, "schema requires {} but the parser does not: {:#?}", dotted(key), loaded.problems);
        } else if key != "payment" {
            assert!(!reported && !loaded.problems.iter().any(|p| p.rule == "missing-field"), "{} is optional in the schema: {:#?}", dotted(key), loaded.problems);
        }
        *checked += 1;
        if let Some(child) = schema.get("properties").and_then(|p| p.get(key)).and_then(|s| object_schema(root, s)) {
            if value.is_object() {
                let mut child_path = path.clone();
                child_path.push(key.clone());
                walk(root, child, example, child_path, checked);
            }
        }
    }
    if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
        let mut doc = example.clone();
        get_mut(&mut doc, &path).insert("zz_typo".into(), Value::from(1));
        let loaded = load(&doc.to_string());
        assert!(loaded.problems.iter().any(|p| p.rule == "unknown-field" && p.path == dotted("zz_typo")), "{}: {:#?}", dotted("zz_typo"), loaded.problems);
    }
}

#[test]
fn schema_and_parser_agree_on_required_and_unknown_fields() {
    let root: Value = serde_json::from_str(&schema_text(false)).unwrap();
    let example: Value = serde_json::from_str(&fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/circo-exemple.json")).unwrap()).unwrap();
    let mut checked = 0;
    walk(&root, root.as_object().unwrap(), &example, Vec::new(), &mut checked);
    assert!(checked > 30, "only {checked} fields checked");
    // The format is pinned in the schema.
    assert_eq!(root["properties"]["format"]["const"], "circo-don/1");
    let registry: Value = serde_json::from_str(&schema_text(true)).unwrap();
    assert_eq!(registry["properties"]["format"]["const"], "circo-don-registry/1");
    assert!(registry["required"].as_array().unwrap().contains(&Value::from("circos")));
}

/// The schema's descriptions that state a legal figure write it from the rules table:
/// the published schema says what the code enforces.
#[test]
fn the_schemas_figures_are_the_rules_tables() {
    use circo_don::law::rules::{CASH_PER_GIFT, DONOR_CAP};
    let schema: Value = serde_json::from_str(&schema_text(false)).unwrap();
    let description = |pointer: &str| schema.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{pointer}")).to_owned();
    let presets = description("/properties/presets/description");
    assert!(presets.ends_with(&format!("each from 1 to {}.", DONOR_CAP.get() / 100)), "{presets}");
    let cash = description("/$defs/CashFile/description");
    assert!(cash.contains(&format!("at most {} € per gift", CASH_PER_GIFT.get() / 100)), "{cash}");
}

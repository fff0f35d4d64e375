//! The configuration as the builder saves it: pretty JSON with each object's keys in the
//! order its format type declares them (`format` first, then the election, the circo...;
//! the reader's declarations, `config::format`), not the alphabetical order of
//! `serde_json`'s map, so that the exported file reads like the form and the examples.

use serde_json::Value;

use crate::config::format::{AccountFile, LinkFile};
use crate::config::registry::RegistryHead;
use crate::config::{Child, Shape, REGISTRY_FORMAT};

/// The declaration a file's root follows: a registry's head, or an account.
fn file_shape(value: &Value) -> Option<&'static Shape> {
    if value.get("format").and_then(Value::as_str) == Some(REGISTRY_FORMAT) {
        RegistryHead::SHAPE
    } else {
        AccountFile::SHAPE
    }
}

/// A registry's entry: a link when it has a `url`, as the registry's reader tells them.
fn entry_shape(value: &Value) -> Option<&'static Shape> {
    if value.get("url").is_some() {
        LinkFile::SHAPE
    } else {
        AccountFile::SHAPE
    }
}

/// Where `key` comes in an object of `shape`: its declared place; any other key comes
/// after, alphabetically.
fn rank(shape: Option<&Shape>, key: &str) -> usize {
    shape.and_then(|s| s.field(key)).map_or(usize::MAX, |(i, _)| i)
}

/// `value` as pretty JSON (two spaces), ordered keys, ending with a line break. Short
/// lists of numbers (`presets`) stay on one line.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(value, file_shape(value), false, 0, &mut out);
    out.push('\n');
    out
}

/// Writes `value`, an object of `shape` (or a list of such objects, or of a registry's
/// `entries`).
fn write(value: &Value, shape: Option<&'static Shape>, entries: bool, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| rank(shape, a).cmp(&rank(shape, b)).then(a.cmp(b)));
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                let child = shape.and_then(|s| s.field(key)).and_then(|(_, child)| child);
                let entries = key.as_str() == "circos" && shape.is_some_and(|s| *s.fields == RegistryHead::FIELDS);
                write(&map[key.as_str()], child, entries, depth + 1, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            let inner: Vec<String> = items.iter().map(Value::to_string).collect();
            out.push('[');
            out.push_str(&inner.join(", "));
            out.push(']');
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write(item, if entries { entry_shape(item) } else { shape }, false, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_guide_and_the_text_reads_back_equal() {
        let value: Value = serde_json::from_str(r#"{"presets":[20,50],"election":{"first_round":"2027-06-13","kind":"legislative"},"format":"circo-don/1","zzz":{},"a":"é\"<"}"#).unwrap();
        let text = pretty(&value);
        assert!(text.starts_with("{\n  \"format\": \"circo-don/1\",\n  \"election\": {\n    \"kind\": \"legislative\",\n    \"first_round\""), "{text}");
        assert!(text.contains("\"presets\": [20, 50]"), "{text}");
        assert!(text.find("\"a\"").unwrap() < text.find("\"zzz\"").unwrap(), "unknown keys alphabetically, after: {text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }

    /// An object of every declared type, its keys given alphabetically: written in the
    /// order of the type's declaration, whatever the type (a registry's link and its
    /// communes included).
    #[test]
    fn every_declared_object_is_written_in_its_declared_order() {
        fn check(shape: &'static Shape, entries: bool, checked: &mut usize) {
            let object: serde_json::Map<String, Value> = shape.fields.keys.iter().map(|k| ((*k).to_owned(), Value::from(0))).collect();
            let mut text = String::new();
            write(&Value::Object(object), Some(shape), entries, 0, &mut text);
            let places: Vec<usize> = shape.fields.keys.iter().map(|k| text.find(&format!("\"{k}\"")).unwrap()).collect();
            assert!(places.windows(2).all(|w| w[0] < w[1]), "{text}");
            *checked += 1;
            for child in shape.children.iter().flatten() {
                check(child, false, checked);
            }
        }
        let mut checked = 0;
        for shape in [AccountFile::SHAPE, LinkFile::SHAPE, RegistryHead::SHAPE] {
            check(shape.unwrap(), false, &mut checked);
        }
        assert!(checked > 15, "{checked}");
        // A registry's entries: a link's keys as a link's, an inline account's as an account's.
        let registry: Value = serde_json::from_str(r#"{"format":"circo-don-registry/1","circos":[{"url":"a.json","name":"x","department":"75","communes":[{"postal_codes":[],"name":"y","insee":"75056"}]},{"payment":{},"format":"circo-don/1"}]}"#).unwrap();
        let text = pretty(&registry);
        let at = |k: &str| text.find(k).unwrap();
        assert!(at("\"department\"") < at("\"name\": \"x\"") && at("\"name\": \"x\"") < at("\"url\"") && at("\"url\"") < at("\"communes\""), "{text}");
        assert!(at("\"name\": \"y\"") < at("\"insee\"") && at("\"insee\"") < at("\"postal_codes\""), "{text}");
        assert!(at("\"format\": \"circo-don/1\"") < at("\"payment\""), "{text}");
    }
}

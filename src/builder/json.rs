//! The configuration as the builder saves it: pretty JSON with the keys in the order of
//! the format's guide (`format` first, then the election, the circo...), not the
//! alphabetical order of `serde_json`'s map, so that the exported file reads like the
//! examples of `schema/README.md`.

use serde_json::Value;

/// Keys in the order a treasurer reads them; any other key comes after, alphabetically.
const ORDER: [&str; 40] = [
    "format", "$schema", "name", "election", "circo", "candidate", "mandataire", "payment", "presets", "goal",
    "contact", "default_lang", "circos", "kind", "trigger_date", "first_round", "second_round", "department",
    "number", "population", "designated_on", "account_title", "cheque", "transfer", "card", "cash", "payee",
    "address", "holder", "iban", "bic", "reference", "url", "operator", "accepted", "target", "raised", "as_of",
    "average_gift", "email",
];

fn rank(key: &str) -> usize {
    ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len())
}

/// `value` as pretty JSON (two spaces), ordered keys, ending with a line break. Short
/// lists of numbers (`presets`) stay on one line.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(value, 0, &mut out);
    out.push('\n');
    out
}

fn write(value: &Value, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                write(&map[key.as_str()], depth + 1, out);
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
                write(item, depth + 1, out);
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
}

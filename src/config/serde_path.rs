//! Reading serde_json's errors for a collective: the field path of a type error
//! (`payment.transfer.iban`), recovered from the error's line and column, and the
//! problem it becomes, with its message in French and English.

use super::problem::{CheckId, Problem};
use crate::i18n::Text;

/// A serde error with its field path, as one [`Problem`].
pub(crate) fn type_problem(prefix: &str, path: &str, e: &serde_json::Error) -> Problem {
    json_problem(&join_path(prefix, path), e, true)
}

/// Reads `T` from `text` (already known to be valid JSON); an error comes with the path
/// of where it happened (`payment.transfer.iban`, `circos[3]`; empty for the whole file),
/// as `serde_path_to_error` gives it.
///
/// Size: serde_path_to_error wraps serde's generated code for every type it reads and
/// cost 7.9 KB of the widget's gzip. The path is instead found from the error's line
/// and column, by walking the text up to there; a native test checks both agree.
pub(crate) fn read_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    T::deserialize(&mut de).map_err(|e| (path_at(text, &e), e))
}

/// The path of what is being read at `e`'s line and column in `text`: a key counts once
/// it is read (an unknown field is reported at its own path, a duplicate one at its
/// object, an unknown enum variant at its enum), a list element as soon as the list is open or its previous `,` read, and
/// a missing field at its object (just after the closing brace).
fn path_at(text: &str, e: &serde_json::Error) -> String {
    enum Frame {
        /// `colon`: the key's `:` was read.
        Object { key: Option<String>, colon: bool },
        List { index: usize },
    }
    if e.line() == 0 {
        return String::new();
    }
    let bytes = text.as_bytes();
    let mut line_start = 0;
    for _ in 1..e.line() {
        match bytes[line_start..].iter().position(|&b| b == b'\n') {
            Some(i) => line_start += i + 1,
            None => break,
        }
    }
    // A syntax error is placed after the byte it peeked at, a data error after what was read.
    let peeked = usize::from(matches!(e.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof));
    let end = (line_start + e.column()).saturating_sub(peeked).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the last container closed was an object.
    let mut closed_object = false;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        let is_key = b == b'"' && matches!(stack.last(), Some(Frame::Object { key: None, .. }));
        match b {
            b'{' => stack.push(Frame::Object { key: None, colon: false }),
            b':' => {
                if let Some(Frame::Object { colon, .. }) = stack.last_mut() {
                    *colon = true;
                }
            }
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                closed_object = matches!(stack.pop(), Some(Frame::Object { .. }));
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, colon }) => (*key, *colon) = (None, false),
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if is_key {
                    let raw = &text[start..(i + 1).min(text.len())];
                    let key = if raw.contains('\\') { serde_json::from_str::<String>(raw).unwrap_or_default() } else { raw.get(1..raw.len().saturating_sub(1)).unwrap_or("").to_owned() };
                    if let Some(Frame::Object { key: k, .. }) = stack.last_mut() {
                        *k = Some(key);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    // An enum's variant is read as a key; if it is unknown, the error is the enum's. A
    // duplicate field is the error of its object.
    let message = e.to_string();
    if message.starts_with("unknown variant") || message.starts_with("duplicate field") {
        if let Some(Frame::Object { key, colon: false }) = stack.last_mut() {
            *key = None;
        }
    }
    // The untagged address is reported by the cheque around it, after it was read to
    // its end (or to the `,` after the address, when the cheque is given as a list).
    let untagged = message.starts_with("data did not match any variant of untagged enum AddressFile");
    let mut path = String::new();
    // A too-long list (a struct given as a list) is noticed at its first extra element;
    // the error is the list's.
    if message.starts_with("trailing characters") && matches!(stack.last(), Some(Frame::List { .. })) {
        stack.pop();
    }
    let mut suffix = "";
    if untagged {
        match stack.last() {
            Some(Frame::List { .. }) => {
                stack.pop();
                suffix = "[1]";
            }
            Some(Frame::Object { key: Some(key), .. }) if key == "address" => {}
            _ if closed_object => suffix = ".address",
            _ => suffix = "[1]",
        }
    }
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::List { index } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path.push_str(suffix);
    path
}

/// As [`type_problem`], for an error whose line and column are not the file's (a
/// registry's inline account is read again from its own text): the message omits them.
pub(crate) fn type_problem_unplaced(prefix: &str, path: &str, e: &serde_json::Error) -> Problem {
    json_problem(&join_path(prefix, path), e, false)
}

fn join_path(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => path.to_owned(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// Maps a serde_json error (syntax, or a type error at `path`) to a problem.
pub(crate) fn json_problem(path: &str, e: &serde_json::Error, placed: bool) -> Problem {
    use serde_json::error::Category;
    let at = if placed && e.line() > 0 {
        (format!("Ligne {}, colonne {} : ", e.line(), e.column()), format!("Line {}, column {}: ", e.line(), e.column()))
    } else {
        (String::new(), String::new())
    };
    // serde_json appends " at line L column C" to its message; keep the message alone.
    let full = e.to_string();
    let detail = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    let (rule, path, fr, en) = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => (
            CheckId::JsonSyntax,
            String::new(),
            format!("{}le fichier n’est pas du JSON valide ({detail}). Cherchez une virgule en trop ou manquante, un guillemet ou une accolade non fermés.", at.0),
            format!("{}the file is not valid JSON ({detail}). Look for an extra or missing comma, an unclosed quote or brace.", at.1),
        ),
        Category::Data => {
            if let Some(field) = between(&detail, "unknown field `", "`") {
                let expected = detail.split_once(", expected ").map(|(_, x)| x.trim_start_matches("one of ")).unwrap_or("");
                (
                    CheckId::UnknownField,
                    path.to_owned(),
                    format!("{}champ « {field} » inconnu : vérifiez son orthographe (attendu : {expected}).", at.0),
                    format!("{}unknown field “{field}”: check its spelling (expected: {expected}).", at.1),
                )
            } else if let Some(field) = between(&detail, "missing field `", "`") {
                (
                    CheckId::MissingField,
                    join_path(path, field),
                    format!("{}le champ obligatoire « {field} » manque : ajoutez-le.", at.0),
                    format!("{}the required field “{field}” is missing: add it.", at.1),
                )
            } else if detail.starts_with("unknown variant") {
                (
                    CheckId::UnknownValue,
                    path.to_owned(),
                    format!("{}valeur non prévue ({detail}) : choisissez l’une des valeurs attendues.", at.0),
                    format!("{}unexpected value ({detail}): pick one of the expected values.", at.1),
                )
            } else {
                (
                    CheckId::JsonType,
                    path.to_owned(),
                    format!("{}type de valeur inattendu ({detail}) : un texte s’écrit entre guillemets, un nombre sans, une date \"AAAA-MM-JJ\".", at.0),
                    format!("{}unexpected kind of value ({detail}): text goes in quotes, numbers without, dates as \"YYYY-MM-DD\".", at.1),
                )
            }
        }
    };
    Problem::error(path, rule, Text::new(fr, en))
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod read_text_tests {
    use super::*;
    use crate::config::{registry, AccountFile};
    use serde_json::{json, Value};

    /// serde_path_to_error's path and error, which [`read_text`] stands for. The path of
    /// a syntax error is not compared: [`json_problem`] never shows it (and
    /// `registry::read_again` rebuilds those errors, see its own test).
    fn tracked<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), (String, String)> {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize::<_, T>(&mut de).map(drop).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." || !e.inner().is_data() { String::new() } else { path };
            (path, e.inner().to_string())
        })
    }

    fn ours<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), (String, String)> {
        read_text::<T>(text).map(drop).map_err(|(path, e)| (if e.is_data() { path } else { String::new() }, e.to_string()))
    }

    fn agree(text: &str) -> usize {
        assert_eq!(ours::<AccountFile>(text), tracked::<AccountFile>(text), "{text}");
        assert_eq!(ours::<registry::RegistryHeadForTests>(text), tracked::<registry::RegistryHeadForTests>(text), "{text}");
        1
    }

    fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
            _ => {}
        }
        if !at.is_empty() {
            out.push(at);
        }
    }

    /// On the examples and the corpus as written (several lines), and on mutations of
    /// them written compact and pretty, with duplicated and unknown keys: the same path
    /// and the same error, line and column included, as serde_path_to_error.
    #[test]
    fn read_text_agrees_with_serde_path_to_error() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut documents: Vec<Value> = Vec::new();
        let mut checked = 0;
        for dir in ["demo", "tests/configs/broken", "tests/configs/warnings"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for file in files.iter().filter(|f| f.extension().is_some_and(|x| x == "json")) {
                let text = std::fs::read_to_string(file).unwrap();
                let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
                checked += agree(&text);
                documents.push(value);
            }
        }
        let replacements = [
            json!(null), json!(true), json!(0), json!(-3), json!(1.5), json!(18446744073709551615u64), json!(""),
            json!("x"), json!("legislative"), json!("fr"), json!([]), json!(["a"]), json!([1]), json!(["75", 1, "x"]),
            json!(["75", 1, "x", null, 5]), json!(["x", ["a"]]), json!(["x", null]), json!({}), json!({"legislative": null}),
            json!({"legislative": 1}), json!({"fr": null, "en": null}), json!({"typo": 1}), json!({"a": [1, {"b": 2}]}),
            json!({"payee": "x", "address": 3}), json!({"address": 3, "payee": "x"}), json!({"k\"e\\y": 1}),
        ];
        for document in &documents {
            let mut all = Vec::new();
            pointers(document, String::new(), &mut all);
            for pointer in all {
                for replacement in &replacements {
                    let mut v = document.clone();
                    *v.pointer_mut(&pointer).unwrap() = replacement.clone();
                    checked += agree(&v.to_string());
                    checked += agree(&serde_json::to_string_pretty(&v).unwrap());
                }
                // The key at `pointer` duplicated (text only), and renamed.
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let parent_value = if parent.is_empty() { Some(document) } else { document.pointer(parent) };
                if let Some(Value::Object(map)) = parent_value {
                    let mut text = document.to_string();
                    let needle = format!("{}:", serde_json::to_string(key).unwrap());
                    if let Some(at) = text.find(&needle) {
                        text.insert_str(at, &format!("{needle}{},", map[key]));
                        checked += agree(&text);
                    }
                    let mut v = document.clone();
                    let object = if parent.is_empty() { Some(&mut v) } else { v.pointer_mut(parent) };
                    if let Some(Value::Object(m)) = object {
                        let old = m.remove(key).unwrap();
                        m.insert(format!("{key}x"), old);
                    }
                    checked += agree(&serde_json::to_string_pretty(&v).unwrap());
                }
            }
        }
        assert!(checked > 20_000, "{checked}");
    }
}

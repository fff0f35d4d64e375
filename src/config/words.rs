//! The configuration reader's words: what a collective reads when its file is not JSON,
//! or not of the format's types, in French and English. Written from the reader's typed
//! error ([`Kind`]: what went wrong and the values involved), one language at a time;
//! nothing reads them back. serde's English, which the reader's tests compare with, is
//! not here: the widget never carries it.

use super::json::{Expected, Found, Kind, Quoted, Syntax};
use super::validate::{int, shorten};
use crate::i18n::{fill, Lang, Text};

/// What is wrong with the text, by [`Syntax`] code (in its order), French then English:
/// said inside the sentence "the file is not valid JSON (…)".
const SYNTAX: [[&str; 2]; 19] = [
    ["le fichier s’arrête là où une valeur est attendue", "the file ends where a value is expected"],
    ["le fichier s’arrête dans une liste [ ]", "the file ends inside a list [ ]"],
    ["le fichier s’arrête dans un objet { }", "the file ends inside an object { }"],
    ["le fichier s’arrête dans un texte entre guillemets", "the file ends inside a quoted string"],
    ["« : » attendu après le nom du champ", "“:” expected after the field's name"],
    ["« , » ou « ] » attendu", "“,” or “]” expected"],
    ["« , » ou « } » attendu", "“,” or “}” expected"],
    ["mot inconnu : true, false ou null attendu", "unknown word: true, false or null expected"],
    ["valeur attendue", "a value is expected"],
    ["nombre mal écrit", "malformed number"],
    ["nombre trop grand", "number too large"],
    ["échappement « \\ » inconnu", "unknown “\\” escape"],
    ["caractère de contrôle dans un texte : écrivez \\n, \\t", "control character in a string: write \\n, \\t"],
    ["un nom de champ s’écrit entre guillemets", "a field's name goes in quotes"],
    ["échappement \\u incomplet", "incomplete \\u escape"],
    ["échappement \\u incomplet", "incomplete \\u escape"],
    ["virgule en trop", "extra comma"],
    ["texte après la fin du JSON", "text after the end of the JSON"],
    ["plus de 127 niveaux d’imbrication", "more than 127 levels of nesting"],
];

/// The message of a reader's error, with its line and column when it has a `place`.
pub(crate) fn reader_text(kind: &Kind, place: Option<(usize, usize)>) -> Text {
    Text::each(|lang| {
        let mut message = match place {
            Some((line, column)) => fill(lang.pick("Ligne {}, colonne {} : ", "Line {}, column {}: "), &[&int(line as i64), &int(column as i64)]),
            None => String::new(),
        };
        message.push_str(&reader_in(kind, lang));
        message
    })
}

fn reader_in(kind: &Kind, lang: Lang) -> String {
    let say = |fr: &'static str, en: &'static str, args: &[&str]| fill(lang.pick(fr, en), args);
    match kind {
        Kind::Syntax(code) => say(
            "le fichier n’est pas du JSON valide ({}). Cherchez une virgule en trop ou manquante, un guillemet ou une accolade non fermés.",
            "the file is not valid JSON ({}). Look for an extra or missing comma, an unclosed quote or brace.",
            &[syntax_in(*code, lang)],
        ),
        Kind::InvalidType { found, expected } | Kind::NoVariant { found, expected } => say(
            "type de valeur inattendu ({} là où il faut {}) : un texte s’écrit entre guillemets, un nombre sans, une date \"AAAA-MM-JJ\".",
            "unexpected kind of value ({} where {} is expected): text goes in quotes, numbers without, dates as \"YYYY-MM-DD\".",
            &[&found_in(found, lang), expected_in(*expected, lang)],
        ),
        Kind::InvalidValue { found, expected } => {
            say("valeur non acceptée ({}) : il faut {}.", "value not accepted ({}): {} is needed.", &[&found_in(found, lang), expected_in(*expected, lang)])
        }
        Kind::UnknownField { key, expected } => say(
            "champ « {} » inconnu : vérifiez son orthographe (attendu : {}).",
            "unknown field “{}”: check its spelling (expected: {}).",
            &[&shorten(key), &listed(expected)],
        ),
        Kind::DuplicateField(key) => say("le champ « {} » figure deux fois : gardez-en un seul.", "the field “{}” is given twice: keep one.", &[*key]),
        Kind::MissingField(key) => say("le champ obligatoire « {} » manque : ajoutez-le.", "the required field “{}” is missing: add it.", &[*key]),
        Kind::UnknownVariant { name, expected } => say(
            "valeur « {} » non prévue : choisissez l’une des valeurs attendues ({}).",
            "unexpected value “{}”: pick one of the expected values ({}).",
            &[&shorten(name), &listed(expected)],
        ),
    }
}

fn syntax_in(code: Syntax, lang: Lang) -> &'static str {
    let [fr, en] = SYNTAX[code as usize];
    lang.pick(fr, en)
}

/// The value found, named: `le texte "x"`, `the integer 5`.
fn found_in(found: &Found, lang: Lang) -> String {
    let quoted;
    let (fr, en, arg): (&'static str, &'static str, Option<&str>) = match found {
        Found::Null => ("null", "null", None),
        Found::Bool(true) => ("le booléen true", "the boolean true", None),
        Found::Bool(false) => ("le booléen false", "the boolean false", None),
        Found::Integer(n) => ("le nombre entier {}", "the integer {}", Some(n)),
        Found::Fraction(n) => ("le nombre à virgule {}", "the number with a fraction {}", Some(n)),
        Found::String(s) => {
            quoted = Quoted(s).to_string();
            ("le texte {}", "the string {}", Some(&quoted))
        }
        Found::Sequence => ("une liste [ ]", "a list [ ]", None),
        Found::Map => ("un objet { }", "an object { }", None),
    };
    match arg {
        Some(arg) => fill(lang.pick(fr, en), &[arg]),
        None => lang.pick(fr, en).to_owned(),
    }
}

/// What the field takes: `un texte entre guillemets`, `a whole number`.
fn expected_in(expected: Expected, lang: Lang) -> &'static str {
    let (fr, en) = match expected {
        Expected::String | Expected::StringOrMap => ("un texte entre guillemets", "a string in quotes"),
        Expected::I64 => ("un nombre entier", "a whole number"),
        Expected::Bool => ("true ou false", "true or false"),
        Expected::Sequence => ("une liste [ ]", "a list [ ]"),
        Expected::Struct(_) => ("un objet { }", "an object { }"),
        Expected::Unit => ("null", "null"),
        Expected::SingleKeyMap => ("un objet d’une seule clé", "an object of one key"),
        // Any value is read only where a list of lines or a text is (the cheque's address).
        Expected::AnyValue | Expected::LinesOrText => ("une liste de lignes ou un texte", "a list of lines or a string"),
    };
    lang.pick(fr, en)
}

/// The keys or names expected: `` `kind`, `name` ``.
fn listed(names: &[&str]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load;

    /// The problem a text gives: its path, rule and message.
    fn problem(text: &str) -> (String, String, Text) {
        let p = load(text).problems.into_iter().next().unwrap();
        (p.path, p.rule.to_string(), p.message)
    }

    /// Each kind of the reader's errors, as the collective reads it: the values involved
    /// named in each language, with the line and column.
    #[test]
    fn each_kind_is_said_in_both_languages_with_its_values() {
        let account = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap();
        let cases = [
            ("{\"format\": ", "", "json-syntax", "Ligne 1, colonne 11 : le fichier n’est pas du JSON valide (le fichier s’arrête là où une valeur est attendue).", "Line 1, column 11: the file is not valid JSON (the file ends where a value is expected)."),
            ("[1,]", "", "json-syntax", "(virgule en trop)", "(extra comma)"),
            // `\u{7d}` is `}`, written so for tests/architecture.rs, which counts braces.
            ("{\"a\":1 \"b\":2}", "", "json-syntax", "(« , » ou « \u{7d} » attendu)", "(“,” or “\u{7d}” expected)"),
            ("\"\\q\"", "", "json-syntax", "(échappement « \\ » inconnu)", "(unknown “\\” escape)"),
        ];
        for (text, path, rule, fr, en) in cases {
            let (p, r, message) = problem(text);
            assert_eq!((p.as_str(), r.as_str()), (path, rule), "{text}");
            assert!(message.fr.contains(fr) && message.en.contains(en), "{text}: {message:?}");
        }
        let with = |from: &str, to: &str| {
            assert!(account.contains(from), "{from}");
            problem(&account.replacen(from, to, 1))
        };
        let (p, r, m) = with("\"number\": 1,", "\"number\": \"1\",");
        assert_eq!((p.as_str(), r.as_str()), ("circo.number", "json-type"));
        assert!(m.fr.contains("(le texte \"1\" là où il faut un nombre entier)") && m.en.contains("(the string \"1\" where a whole number is expected)"), "{m:?}");
        assert!(m.fr.starts_with("Ligne ") && m.en.starts_with("Line "), "{m:?}");
        let (p, r, m) = with("\"kind\": \"person\"", "\"kind\": \"persons\"");
        assert_eq!((p.as_str(), r.as_str()), ("mandataire.kind", "unknown-value"));
        assert!(m.fr.contains("valeur « persons » non prévue") && m.fr.contains("(`person`, `association`)") && m.en.contains("unexpected value “persons”"), "{m:?}");
        let (p, r, m) = with("\"designated_on\"", "\"designed_on\"");
        assert_eq!((p.as_str(), r.as_str()), ("mandataire.designed_on", "unknown-field"));
        assert!(m.fr.contains("champ « designed_on » inconnu") && m.fr.contains("(attendu : `kind`, `name`, `designated_on`, `account_title`)"), "{m:?}");
        assert!(m.en.contains("unknown field “designed_on”: check its spelling (expected: `kind`, `name`, `designated_on`, `account_title`)"), "{m:?}");
        let (p, r, m) = with("\"candidate\": { \"name\": \"Camille Martin\" },", "");
        assert_eq!((p.as_str(), r.as_str()), ("candidate", "missing-field"));
        assert!(m.fr.contains("le champ obligatoire « candidate » manque") && m.en.contains("the required field “candidate” is missing"), "{m:?}");
        let (p, r, m) = with("\"candidate\": { \"name\": \"Camille Martin\" },", "\"candidate\": { \"name\": \"Camille Martin\", \"name\": \"C\" },");
        assert_eq!((p.as_str(), r.as_str()), ("candidate", "json-type"));
        assert!(m.fr.contains("le champ « name » figure deux fois") && m.en.contains("the field “name” is given twice"), "{m:?}");
        let (p, r, m) = with("\"number\": 1,", "\"number\": 18446744073709551615,");
        assert_eq!((p.as_str(), r.as_str()), ("circo.number", "json-type"));
        assert!(m.fr.contains("valeur non acceptée (le nombre entier 18446744073709551615) : il faut un nombre entier.") && m.en.contains("value not accepted (the integer 18446744073709551615): a whole number is needed."), "{m:?}");
        // What could hide in a message is shown as its code point.
        let (_, _, m) = with("\"number\": 1,", "\"number\": \"1\\u202e\",");
        assert!(m.fr.contains("le texte \"1\\u{202e}\"") && !m.fr.contains('\u{202e}'), "{m:?}");
    }

    /// Every syntax code has its words, distinct in each language but for the two of an
    /// incomplete `\u` escape (serde_json tells them apart, a collective need not).
    #[test]
    fn every_syntax_code_has_its_words() {
        for lang in Lang::ALL {
            let mut words: Vec<&str> = SYNTAX.iter().map(|[fr, en]| lang.pick(fr, en)).collect();
            assert!(words.iter().all(|w| !w.is_empty()));
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), SYNTAX.len() - 1, "{lang:?}");
        }
        assert_eq!(syntax_in(Syntax::RecursionLimitExceeded, Lang::En), "more than 127 levels of nesting");
        assert_eq!(syntax_in(Syntax::EofWhileParsingValue, Lang::Fr), "le fichier s’arrête là où une valeur est attendue");
    }
}

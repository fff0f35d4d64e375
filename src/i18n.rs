//! Languages and bilingual text.
//!
//! Everything a person reads (a donor in the widget, a collective in `circo-don check`)
//! is produced by the core as a [`Text`] carrying both French and English; the shell
//! only picks one with [`Lang`].

use std::fmt;

/// A language the widget speaks. French is the default: the law, the donors and the
/// collectives are French first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a language switch shows it (« Français »).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// `fr` or `en`, whichever this language reads: choosing the words before building a
    /// sentence, so that only one language is ever formatted.
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Every language the widget speaks, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Parses `fr`, `en` and regional forms (`fr-FR`, `en-GB`), case-insensitively.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// `template` with each `{}` replaced, in order, by the next of `args`. A sentence picked
/// with [`Lang::pick`] and filled here costs the widget one call where `format!` costs
/// one formatting site per language (README, "Size: the moves"); templates are the
/// code's own text, never a person's input.
///
/// A template must have exactly one `{}` per argument: debug builds (every test) panic
/// otherwise, and `tests/architecture.rs` compares every literal template of the code
/// with its arguments. The release build checks nothing (it costs the widget no byte)
/// and leaves a `{}` without an argument empty.
pub fn fill(template: &str, args: &[&str]) -> String {
    debug_assert_eq!(
        template.matches("{}").count(),
        args.len(),
        "the template {template:?} and its arguments {args:?} differ in number"
    );
    let bytes = template.as_bytes();
    let mut out = String::with_capacity(template.len() + 32);
    let mut args = args.iter();
    let (mut start, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1] == b'}' {
            out.push_str(&template[start..i]);
            out.push_str(args.next().copied().unwrap_or(""));
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&template[start..]);
    out
}

/// `fr` and `en` each filled with the same `args` (see [`fill`]): one call and one
/// argument list where a bilingual message would otherwise cost two `format!` (the
/// configuration's problems). Out of line and not generic, so that every message site
/// shares it.
#[inline(never)]
pub fn fill_both(fr: &str, en: &str, args: &[&str]) -> Text {
    Text { fr: fill(fr, args), en: fill(en, args) }
}

/// A sentence in French and in English.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text { fr: fr.into(), en: en.into() }
    }

    /// The sentence `build` writes, in each language: the bilingual form of words that
    /// are written one language at a time (the widget asks for its reader's only).
    pub fn each(build: impl Fn(Lang) -> String) -> Text {
        Text { fr: build(Lang::Fr), en: build(Lang::En) }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang`, keeping only that side.
    pub fn into_lang(self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

impl fmt::Display for Text {
    /// Displays the French text, then the English one: the form used where the reader's
    /// language is not known (command-line output, the browser console).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fr == self.en {
            f.write_str(&self.fr)
        } else {
            write!(f, "{} / {}", self.fr, self.en)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regional_forms_parse() {
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::ALL.map(Lang::name), ["Français", "English"]);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn text_picks_language_and_displays_both() {
        let t = Text::new("bonjour", "hello");
        assert_eq!(t.get(Lang::Fr), "bonjour");
        assert_eq!(t.get(Lang::En), "hello");
        assert_eq!(t.clone().into_lang(Lang::Fr), "bonjour");
        assert_eq!(t.clone().into_lang(Lang::En), "hello");
        assert_eq!(t.to_string(), "bonjour / hello");
        assert_eq!(Text::new("OK", "OK").to_string(), "OK");
    }

    #[test]
    fn fill_replaces_each_marker_in_order() {
        assert_eq!(fill("Coût : {} − {} = {}.", &["5 €", "3 €", "2 €"]), "Coût : 5 € − 3 € = 2 €.");
        assert_eq!(fill("{}{}", &["a", "b"]), "ab");
        assert_eq!(fill("sans marque", &[]), "sans marque");
        assert_eq!(fill("{ } { {}", &["x"]), "{ } { x");
        assert_eq!(fill("", &[]), "");
        assert_eq!(Lang::En.pick("oui", "yes"), "yes");
        assert_eq!(Lang::Fr.pick("oui", "yes"), "oui");
    }

    #[test]
    #[should_panic(expected = "differ in number")]
    fn fill_refuses_a_placeholder_without_its_argument() {
        fill("{} et {}", &["un"]);
    }

    #[test]
    #[should_panic(expected = "differ in number")]
    fn fill_refuses_an_argument_without_its_placeholder() {
        fill("sans marque", &["x"]);
    }

    #[test]
    fn fill_both_fills_each_language_from_one_list() {
        let t = fill_both("« {} » a {} ans.", "“{}” is {}.", &["Léa", "7"]);
        assert_eq!(t, Text::new("« Léa » a 7 ans.", "“Léa” is 7."));
        assert_eq!(fill_both("{}", "“{}”", &["x"]), Text::new("x", "“x”"));
    }
}

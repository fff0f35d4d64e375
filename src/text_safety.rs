//! Text that can lie: characters that make a string display differently from the bytes
//! a bank compares. A right-to-left override (U+202E) before an account title reverses
//! what the donor reads; a zero-width space inside a name makes two names that look the
//! same differ for the bank's verification of payee. Such characters have no place in a
//! name, an account title, an address or an amount, so they are refused wherever a
//! person reads or types one: the configuration's text fields (errors for the
//! collective), the donor's amount field ([`crate::money::parse_amount`]) and the
//! printable form's identity fields ([`typed_error`]).
//!
//! Refused ([`hidden_kind`]):
//! - bidirectional controls: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C;
//! - every other format character (Unicode general category Cf: zero-width space and
//!   joiners, soft hyphen, word joiner, byte order mark, tags...), from [`FORMAT`], a
//!   hand-written table of the 21 ranges of Cf (Unicode 15.1; checked against Python's
//!   `unicodedata`, see the test) so that the widget carries no Unicode crate;
//! - other characters that draw nothing: line and paragraph separators, Hangul fillers,
//!   the combining grapheme joiner and variation selectors;
//! - non-characters (U+FDD0–U+FDEF and every code point ending in FFFE or FFFF).
//!
//! A word mixing Latin letters with Cyrillic, Greek, Armenian or Cherokee ones (a
//! Cyrillic « а » inside « Martin ») is only suspicious: [`mixed_script_word`] finds
//! it, and configuration validation warns.

use crate::i18n::Text;

/// Why a character is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Reorders the text around it on screen (bidi control).
    Bidi,
    /// Draws nothing, or nothing of its own: format characters, fillers, selectors.
    Invisible,
    /// Reserved by Unicode never to be text.
    NonCharacter,
}

/// The bidirectional controls: embeddings, overrides, isolates and marks.
const BIDI: [(u32, u32); 4] = [(0x061C, 0x061C), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069)];

/// General category Cf (format), Unicode 15.1, as sorted inclusive ranges.
pub const FORMAT: [(u32, u32); 21] = [
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Not Cf, but drawing nothing of their own: the combining grapheme joiner, Hangul
/// fillers, Mongolian and other variation selectors, line and paragraph separators.
const OTHER_INVISIBLE: [(u32, u32); 9] = [
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0x2028, 0x2029),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
];

fn within(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
}

/// Why `c` has no place in a name, a title or an amount; `None` for ordinary text.
pub fn hidden_kind(c: char) -> Option<Hidden> {
    let cp = u32::from(c);
    // Fast path: nothing below U+00AD is refused here (controls are their own rule).
    if cp < 0xAD {
        return None;
    }
    if within(&BIDI, cp) {
        Some(Hidden::Bidi)
    } else if within(&FORMAT, cp) || within(&OTHER_INVISIBLE, cp) {
        Some(Hidden::Invisible)
    } else if (0xFDD0..=0xFDEF).contains(&cp) || cp & 0xFFFE == 0xFFFE {
        Some(Hidden::NonCharacter)
    } else {
        None
    }
}

/// The first refused character of `s`, if any.
pub fn first_hidden(s: &str) -> Option<char> {
    s.chars().find(|&c| hidden_kind(c).is_some())
}

/// `U+202E`: how messages name a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `s` with every refused character written as `<U+202E>`, for quoting a value in a
/// message without the character acting on the message itself.
pub fn reveal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if hidden_kind(c).is_some() {
            out.push_str(&format!("<{}>", code_point(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// What `c` is, in French and English, and its code point.
fn describe(c: char) -> (&'static str, &'static str, String) {
    let (fr, en) = match hidden_kind(c).unwrap_or(Hidden::Invisible) {
        Hidden::Bidi => ("un contrôle de direction du texte", "a text direction control"),
        Hidden::Invisible => ("un caractère invisible", "an invisible character"),
        Hidden::NonCharacter => ("un non-caractère Unicode", "a Unicode non-character"),
    };
    (fr, en, code_point(c))
}

/// For the collective: the configuration's text holds `c`. Names the code point, says
/// why it matters and how to fix it.
pub fn config_message(c: char) -> Text {
    let (fr, en, cp) = describe(c);
    Text::new(
        format!("Ce texte contient {fr} (« {cp} ») : à l’écran, il peut faire lire autre chose que ce que la banque compare. Retirez-le : retapez ce texte à la main plutôt que de le copier-coller."),
        format!("This text contains {en} (“{cp}”): on screen it can make people read something other than what the bank compares. Remove it: type the text again by hand rather than pasting it."),
    )
}

/// For the donor: a field they typed holds `c`.
pub fn typed_message(c: char) -> Text {
    let (fr, en, cp) = describe(c);
    Text::new(
        format!("Ce champ contient {fr} ({cp}), souvent venu d’un copier-coller : effacez le champ et retapez-le."),
        format!("This field contains {en} ({cp}), often from copy and paste: clear the field and type it again."),
    )
}

/// The message for a field the donor typed, when it holds a refused character.
pub fn typed_error(s: &str) -> Option<Text> {
    first_hidden(s).map(typed_message)
}

/// Whether `c` belongs to a word: an ASCII letter or digit, or any other character but
/// spaces and punctuation (Latin-1's signs such as `«` `°` `·`, but not `ª` `º` `²`; `×`, `÷`; General Punctuation:
/// `’ “ ” – — …`, the thin and no-break spaces; the modifier apostrophe `ʼ`, which some
/// keyboards type in `Lʼ Haÿ-les-Roses`). Written out rather than
/// `char::is_alphanumeric`, whose Unicode tables would weigh on every page's download;
/// for comparing and searching names, letters of every script are words.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && !matches!(c, '\u{80}'..='\u{A9}' | '\u{AB}'..='\u{B1}' | '\u{B4}' | '\u{B6}'..='\u{B8}' | '\u{BB}' | '\u{BF}' | '×' | '÷' | '\u{2BC}' | '\u{2000}'..='\u{206F}' | '\u{3000}'))
}

/// `c` in lower case, for the Latin letters names are written with (ASCII, Latin-1,
/// Latin Extended-A, `Œ`, `Ÿ`); other characters unchanged. Not `char::to_lowercase`:
/// its Unicode tables cost the widget 13 KB gzip.
pub fn lower(c: char) -> char {
    let cp = u32::from(c);
    let lowered = match cp {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => cp + 0x20,
        // Latin Extended-A: upper case at even code points, then at odd ones from Ĺ, then
        // even again from Ŋ, odd again from Ź (Ÿ, 0x178, is Latin-1's ÿ).
        0x100..=0x137 | 0x14A..=0x177 if cp % 2 == 0 => cp + 1,
        0x139..=0x148 | 0x179..=0x17E if cp % 2 == 1 => cp + 1,
        0x178 => 0xFF,
        _ => cp,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// Scripts whose letters can pass for Latin ones.
fn lookalike_script(c: char) -> bool {
    matches!(u32::from(c),
        0x0370..=0x03FF | 0x1F00..=0x1FFF // Greek
        | 0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F // Cyrillic
        | 0x0530..=0x058F // Armenian
        | 0x13A0..=0x13FF | 0xAB70..=0xABBF // Cherokee
        | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A) // full-width Latin
}

/// The first word of `s` that mixes Latin letters with letters of a script that can
/// pass for Latin, and the first such letter: `Mаrtin` with a Cyrillic `а`.
pub fn mixed_script_word(s: &str) -> Option<(&str, char)> {
    s.split(|c: char| !is_word_char(c)).find_map(|word| {
        let latin = word.chars().any(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
        let other = word.chars().find(|&c| lookalike_script(c));
        match (latin, other) {
            (true, Some(c)) => Some((word, c)),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written case and word tables agree with std's Unicode ones wherever
    /// they claim to (Latin letters), and never split a letter of another script.
    #[test]
    fn lower_and_word_chars_agree_with_unicode_on_latin_letters() {
        for cp in 0..=0x24Fu32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) if cp <= 0x17F => l,
                _ => c,
            };
            if cp != 0x130 && cp != 0x178 {
                assert_eq!(lower(c), expected, "U+{cp:04X}");
            }
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{cp:04X}");
        }
        assert_eq!(lower('Ÿ'), 'ÿ');
        assert_eq!(lower('Œ'), 'œ');
        for c in ['а', 'Ж', 'λ', '中', 'é'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '\u{A0}', '\u{202F}', '«', '»', '’', '–', '…', ',', '-'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn the_tables_are_sorted_ranges() {
        for table in [&BIDI[..], &FORMAT[..], &OTHER_INVISIBLE[..]] {
            for (i, &(lo, hi)) in table.iter().enumerate() {
                assert!(lo <= hi && char::from_u32(lo).is_some() && char::from_u32(hi).is_some(), "{lo:X}-{hi:X}");
                if i > 0 {
                    assert!(table[i - 1].1 < lo, "overlap or disorder at {lo:X}");
                }
            }
        }
        // Every bidi control is also a format character.
        for &(lo, hi) in &BIDI {
            assert!((lo..=hi).all(|cp| within(&FORMAT, cp)), "{lo:X}");
        }
    }

    /// The Cf table is the one Python's `unicodedata` (Unicode 14) gives, plus U+13439–
    /// U+1343F (Cf since Unicode 15.0), when such a Python is at hand; the test is
    /// skipped otherwise (no Python in CI is fine: the table does not change).
    #[test]
    fn the_format_table_is_unicode_cf() {
        let script = "import unicodedata as u\nprint(u.unidata_version)\nprint(' '.join('%X' % c for c in range(0x110000) if u.category(chr(c)) == 'Cf'))";
        let Ok(out) = std::process::Command::new("python3").args(["-c", script]).output() else { return };
        if !out.status.success() {
            return;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let version = lines.next().unwrap_or("");
        let listed: Vec<u32> = lines.next().unwrap_or("").split(' ').filter_map(|h| u32::from_str_radix(h, 16).ok()).collect();
        let ours: Vec<u32> = FORMAT.iter().flat_map(|&(lo, hi)| lo..=hi).collect();
        if version.starts_with("14.") {
            let added: Vec<u32> = (0x13439..=0x1343F).collect();
            let expected: Vec<u32> = ours.iter().copied().filter(|cp| !added.contains(cp)).collect();
            assert_eq!(listed, expected);
        } else if version.starts_with("15.") || version.starts_with("16.") {
            assert_eq!(listed, ours);
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_listed_character_is_refused() {
        let all = strategy::all_hidden();
        assert!(all.len() > 400, "{}", all.len());
        assert!(all.iter().all(|&c| hidden_kind(c).is_some()));
    }

    #[test]
    fn what_is_refused_and_why() {
        for (c, kind) in [
            ('\u{202E}', Hidden::Bidi),
            ('\u{202A}', Hidden::Bidi),
            ('\u{2066}', Hidden::Bidi),
            ('\u{2069}', Hidden::Bidi),
            ('\u{200E}', Hidden::Bidi),
            ('\u{200F}', Hidden::Bidi),
            ('\u{061C}', Hidden::Bidi),
            ('\u{200B}', Hidden::Invisible),
            ('\u{200D}', Hidden::Invisible),
            ('\u{2060}', Hidden::Invisible),
            ('\u{FEFF}', Hidden::Invisible),
            ('\u{00AD}', Hidden::Invisible),
            ('\u{E0041}', Hidden::Invisible),
            ('\u{3164}', Hidden::Invisible),
            ('\u{FE0F}', Hidden::Invisible),
            ('\u{2028}', Hidden::Invisible),
            ('\u{FDD0}', Hidden::NonCharacter),
            ('\u{FFFE}', Hidden::NonCharacter),
            ('\u{FFFF}', Hidden::NonCharacter),
            ('\u{10FFFF}', Hidden::NonCharacter),
            ('\u{1FFFE}', Hidden::NonCharacter),
        ] {
            assert_eq!(hidden_kind(c), Some(kind), "{}", code_point(c));
        }
        // French text, its typography and the euro are untouched.
        for ok in ["Camille Martin", "Île-de-France", "Cœur d’Alène", "1 000 €", "1\u{202F}000", "« 2A »", "Ελένη", "Владимир", "l’été — «\u{A0}oui\u{A0}»", "😀"] {
            assert_eq!(first_hidden(ok), None, "{ok}");
        }
    }

    #[test]
    fn messages_name_the_code_point() {
        assert_eq!(code_point('\u{202E}'), "U+202E");
        assert_eq!(code_point('\u{E0041}'), "U+E0041");
        let m = config_message('\u{202E}');
        assert!(m.fr.contains("« U+202E »") && m.en.contains("U+202E") && m.fr.contains("direction"), "{m:?}");
        let t = typed_error("Dupont\u{200B}").unwrap();
        assert!(t.fr.contains("U+200B") && t.en.contains("invisible"), "{t:?}");
        assert_eq!(typed_error("Dupont"), None);
        assert_eq!(reveal("a\u{202E}b"), "a<U+202E>b");
        // The messages carry no refused character themselves.
        assert_eq!(first_hidden(&m.fr), None);
    }

    #[test]
    fn latin_words_with_lookalike_letters() {
        assert_eq!(mixed_script_word("Camille M\u{430}rtin"), Some(("M\u{430}rtin", '\u{430}')));
        assert_eq!(mixed_script_word("\u{421}amille Martin").map(|w| w.1), Some('\u{421}'));
        assert_eq!(mixed_script_word("Hélène Ρaris").map(|w| w.1), Some('Ρ'));
        assert_eq!(mixed_script_word("Ｍartin").map(|w| w.1), Some('Ｍ'));
        // Whole words of one script are not confusable within a word.
        assert_eq!(mixed_script_word("Владимир Martin"), None);
        assert_eq!(mixed_script_word("Ελένη Dupont-Éluard"), None);
        assert_eq!(mixed_script_word("Claude Durand, mandataire financier"), None);
    }
}

/// Proptest strategies for the characters refused here (tests only).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod strategy {
    use proptest::prelude::*;

    /// Every refused character: the tables' ranges and the non-characters.
    pub fn all_hidden() -> Vec<char> {
        let ranges = super::FORMAT.iter().chain(&super::OTHER_INVISIBLE).flat_map(|&(lo, hi)| lo..=hi);
        let non_characters = (0xFDD0..=0xFDEF).chain((0..=0x10).flat_map(|plane| [plane << 16 | 0xFFFE, plane << 16 | 0xFFFF]));
        ranges.chain(non_characters).filter_map(char::from_u32).collect()
    }

    pub fn hidden_char() -> impl Strategy<Value = char> {
        prop::sample::select(all_hidden())
    }
}

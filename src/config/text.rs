//! Text normalisation for comparisons and search: lower case, accents folded,
//! punctuation to single spaces. Hand-written for French (no Unicode tables in the
//! widget).

/// How each character from `ß` (U+00DF) to `ſ` (U+017F) folds, lower or upper case:
/// Latin-1's letters and all of Latin Extended-A, which covers the accents of French
/// place names and of most European names (`Ÿ` `Œ` `Š` `Ł` `Ő`...). One ASCII byte per
/// character, so the widget carries 161 bytes rather than a Unicode table; a capital
/// stands for two letters (`S` ß → ss, `A` æ → ae, `T` þ → th, `I` ĳ → ij, `O` œ → oe)
/// and `.` for a character left as is (`÷`).
const FOLDS: &[u8; 161] = b"SaaaaaaAceeeeiiiidnooooo.ouuuuyTyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Folds one lower-case character to ASCII where Latin letters carry accents (`é` →
/// `e`, `œ` → `oe`, `ł` → `l`); other characters unchanged.
fn fold(c: char, out: &mut String) {
    let folded = (u32::from(c).checked_sub(0xDF)).and_then(|i| FOLDS.get(i as usize));
    match folded {
        None | Some(b'.') => out.push(c),
        Some(b'S') => out.push_str("ss"),
        Some(b'A') => out.push_str("ae"),
        Some(b'T') => out.push_str("th"),
        Some(b'I') => out.push_str("ij"),
        Some(b'O') => out.push_str("oe"),
        Some(&b) => out.push(char::from(b)),
    }
}

/// Lower case, accents folded, every run of non-alphanumeric characters one space,
/// trimmed: `« Marie  DUPONT, mandataire »` → `marie dupont mandataire`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().map(crate::text_safety::lower) {
        if crate::text_safety::is_word_char(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            fold(c, &mut out);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Whether the words of `needle` appear, in order and whole, in `haystack` (both
/// normalised).
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    let (h, n) = (normalize(haystack), normalize(needle));
    !n.is_empty() && format!(" {h} ").contains(&format!(" {n} "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(normalize("« Île-de-France »"), "ile de france");
        assert_eq!(normalize("  Marie  DUPONT,  mandataire "), "marie dupont mandataire");
        assert_eq!(normalize("Cœur"), "coeur");
        assert_eq!(normalize(""), "");
        assert!(contains_words("Claude Durand, mandataire financier de Camille Martin", "camille MARTIN"));
        assert!(!contains_words("Claude Durandal", "Claude Durand"));
    }

    /// Place names as written, with every separator French uses between their words.
    #[test]
    fn folds_french_place_names() {
        let cases = [
            ("Saint-Étienne", "saint etienne"),
            ("SAINT-ÉTIENNE", "saint etienne"),
            ("L’Haÿ-les-Roses", "l hay les roses"),
            ("L'HAŸ‑LES‑ROSES", "l hay les roses"),
            ("Lʼ\u{a0}Haÿ – les – Roses", "l hay les roses"),
            ("ŒUVRE Æ Straße", "oeuvre ae strasse"),
            ("Łódź Ostrava-Přívoz Ölüdeniz Ĳsselmonde", "lodz ostrava privoz oludeniz ijsselmonde"),
            // Other scripts are kept, not folded.
            ("Κέρκυρα", "Κέρκυρα"),
        ];
        for (written, folded) in cases {
            assert_eq!(normalize(written), folded, "{written}");
        }
    }

    /// The table against Unicode's own decompositions, written out for the letters
    /// French and its neighbours use.
    #[test]
    fn the_fold_table_agrees_with_the_letters() {
        let pairs = "àa áa âa ãa äa åa çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy ÿy \
            āa ăa ąa ćc ĉc ċc čc ďd đd ēe ĕe ėe ęe ěe ĝg ğg ġg ģg ĥh ħh ĩi īi ĭi įi ıi ĵj ķk ĸk ĺl ļl ľl ŀl łl \
            ńn ņn ňn ŉn ŋn ōo ŏo őo ŕr ŗr řr śs ŝs şs šs ţt ťt ŧt ũu ūu ŭu ůu űu ųu ŵw ŷy źz żz žz ſs";
        for pair in pairs.split_whitespace() {
            let mut chars = pair.chars();
            let (letter, ascii) = (chars.next().unwrap(), chars.next().unwrap());
            let upper: String = letter.to_uppercase().collect();
            assert_eq!(normalize(&letter.to_string()), ascii.to_string(), "{letter}");
            if upper.chars().count() == 1 && upper != "I" {
                assert_eq!(normalize(&upper), ascii.to_string(), "{upper}");
            }
        }
        assert_eq!(normalize("÷"), "");
        assert_eq!(normalize("ĲĳŒœÆæÞþß"), "ijijoeoeaeaeththss");
    }

    proptest! {
        // Nothing is rejected: not one rejection allowed.
        #![proptest_config(crate::proptest_floor::accepting(256, 100))]
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        }

        #[test]
        fn ascii_changes_only_in_case_and_separators(s in "[ -~]{0,40}") {
            let lowered = s.to_ascii_lowercase();
            let expected: Vec<&str> = lowered.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
            prop_assert_eq!(normalize(&s), expected.join(" "));
        }

        #[test]
        fn any_string_folds_without_panicking(s in any::<String>()) {
            let folded = normalize(&s);
            prop_assert!(folded.chars().all(|c| c == ' ' || crate::text_safety::is_word_char(c)));
        }
    }
}

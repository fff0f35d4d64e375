//! Text normalisation for comparisons and search: lower case, accents folded,
//! punctuation to single spaces. Hand-written for French (no Unicode tables in the
//! widget).

/// Folds one lower-case character to ASCII where French needs it (`é` → `e`,
/// `œ` → `oe`); other characters unchanged.
fn fold(c: char, out: &mut String) {
    let s = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'ç' => "c",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'ÿ' | 'ý' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'æ' => "ae",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
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

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(normalize("« Île-de-France »"), "ile de france");
        assert_eq!(normalize("  Marie  DUPONT,  mandataire "), "marie dupont mandataire");
        assert_eq!(normalize("Cœur"), "coeur");
        assert_eq!(normalize(""), "");
        assert!(contains_words("Claude Durand, mandataire financier de Camille Martin", "camille MARTIN"));
        assert!(!contains_words("Claude Durandal", "Claude Durand"));
    }
}

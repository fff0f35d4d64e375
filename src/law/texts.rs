//! The statutory texts every appeal for donations shows (Code électoral L52-9; LAW.md
//! §5), and the statement the donor signs.
//!
//! The French texts are the consolidated versions named on each, word for word, as
//! LAW.md §5 gives them after checking them against Légifrance's consolidated text on
//! [`CHECKED_ON`]; `docs/law-texts.md` is the project's copy of that wording and a test
//! compares the two character for character. The English versions are courtesy
//! translations without legal value.

use crate::date::Date;
use crate::i18n::{fill, Lang, Text};

/// The day the statutory texts were last compared with the official consolidated text
/// (ISO 8601). Re-check before each general election: a later law may change them.
pub const CHECKED_ON: &str = "2026-11-25";

/// One alinéa or part of an article, shipped as data: the consolidated version it
/// reproduces and when that was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatutoryText {
    /// Stable id, e.g. `ce-l52-8-al1`.
    pub id: &'static str,
    /// How people cite it: « Code électoral, art. L52-8, alinéa 1 ».
    pub citation: &'static str,
    /// The article, as the version note names it: `L52-8`.
    pub article: &'static str,
    /// The first day of the consolidated version reproduced (ISO 8601).
    pub in_force_since: &'static str,
    /// The day this wording was last checked against the official text (ISO 8601).
    pub checked_on: &'static str,
    /// The text in French, one entry per paragraph: the only version with legal value.
    pub fr: &'static [&'static str],
    /// Courtesy translation (unofficial), paragraph for paragraph.
    pub en_unofficial: &'static [&'static str],
}

impl StatutoryText {
    /// The English label that must accompany [`StatutoryText::en_unofficial`].
    pub const UNOFFICIAL: &'static str = "Unofficial translation; only the French text has legal value.";

    /// The English paragraphs, the last one marked as an unofficial translation.
    pub fn english(&self) -> Vec<String> {
        let last = self.en_unofficial.len().saturating_sub(1);
        let mark = |(i, p): (usize, &&str)| if i == last { format!("{p} ({})", Self::UNOFFICIAL) } else { (*p).to_owned() };
        self.en_unofficial.iter().enumerate().map(mark).collect()
    }

    /// The version reproduced: « version en vigueur depuis le 30 juin 2020 ».
    pub fn version(&self) -> Text {
        Text::each(|lang| self.version_in(lang))
    }

    /// [`StatutoryText::version`] in one language.
    pub fn version_in(&self, lang: Lang) -> String {
        fill(lang.pick("version en vigueur depuis le {}", "version in force since {}"), &[&iso_date(self.in_force_since, lang)])
    }
}

/// An ISO date as people read it (the ISO text itself if it is not a date).
fn iso_date(iso: &str, lang: Lang) -> String {
    Date::parse_iso(iso).map(|d| d.format(lang)).unwrap_or_else(|| iso.to_owned())
}

/// L52-8 in its version in force since 30 June 2020 (loi 2019-1269).
const L52_8_SINCE: &str = "2020-06-30";
/// L113-1 in its version in force since 1 January 2018 (loi 2017-1339).
const L113_1_SINCE: &str = "2018-01-01";

/// L52-8 al. 1, 2 and 3 and L113-1 III, in the order the widget shows them (L52-9).
pub static STATUTORY_TEXTS: [StatutoryText; 4] = [
    StatutoryText {
        id: "ce-l52-8-al1",
        citation: "Code électoral, art. L52-8, alinéa 1",
        article: "L52-8",
        in_force_since: L52_8_SINCE,
        checked_on: CHECKED_ON,
        fr: &["Une personne physique peut verser un don à un candidat si elle est de nationalité française ou si elle réside en France. Les dons consentis par une personne physique dûment identifiée pour le financement de la campagne d'un ou plusieurs candidats lors des mêmes élections ne peuvent excéder 4 600 euros."],
        en_unofficial: &["A natural person may make a gift to a candidate if they are of French nationality or reside in France. Gifts made by a duly identified natural person to fund the campaign of one or more candidates in the same elections may not exceed 4,600 euros."],
    },
    StatutoryText {
        id: "ce-l52-8-al2",
        citation: "Code électoral, art. L52-8, alinéa 2",
        article: "L52-8",
        in_force_since: L52_8_SINCE,
        checked_on: CHECKED_ON,
        fr: &["Les personnes morales, à l'exception des partis ou groupements politiques, ne peuvent participer au financement de la campagne électorale d'un candidat, ni en lui consentant des dons sous quelque forme que ce soit, ni en lui fournissant des biens, services ou autres avantages directs ou indirects à des prix inférieurs à ceux qui sont habituellement pratiqués. Les personnes morales, à l'exception des partis et groupements politiques ainsi que des établissements de crédit ou sociétés de financement ayant leur siège social dans un Etat membre de l'Union européenne ou partie à l'accord sur l'Espace économique européen, ne peuvent ni consentir des prêts à un candidat, ni lui apporter leur garantie pour l'obtention de prêts."],
        en_unofficial: &["Legal persons, except political parties or groups, may not take part in funding a candidate's election campaign, either by making gifts in any form whatsoever, or by supplying goods, services or other direct or indirect advantages at prices below those usually charged. Legal persons, except political parties and groups and credit institutions or financing companies having their registered office in a State that is a member of the European Union or party to the Agreement on the European Economic Area, may neither grant loans to a candidate nor give the candidate their guarantee for obtaining loans."],
    },
    StatutoryText {
        id: "ce-l52-8-al3",
        citation: "Code électoral, art. L52-8, alinéa 3",
        article: "L52-8",
        in_force_since: L52_8_SINCE,
        checked_on: CHECKED_ON,
        fr: &["Tout don de plus de 150 euros consenti à un candidat en vue de sa campagne doit être versé par chèque, virement, prélèvement automatique ou carte bancaire."],
        en_unofficial: &["Any gift of more than 150 euros made to a candidate for their campaign must be paid by cheque, transfer, direct debit or bank card."],
    },
    StatutoryText {
        id: "ce-l113-1-III",
        citation: "Code électoral, art. L113-1, III",
        article: "L113-1",
        in_force_since: L113_1_SINCE,
        checked_on: CHECKED_ON,
        fr: &[
            "Sera puni de trois ans d'emprisonnement et de 45 000 € d'amende quiconque aura, en vue d'une campagne électorale, accordé un don ou un prêt en violation des articles L. 52-7-1 et L. 52-8.",
            "Lorsque le donateur ou le prêteur sera une personne morale, le premier alinéa du présent III sera applicable à ses dirigeants de droit ou de fait.",
        ],
        en_unofficial: &[
            "Anyone who, for an election campaign, has made a gift or a loan in breach of articles L. 52-7-1 and L. 52-8 shall be punished by three years' imprisonment and a fine of €45,000.",
            "Where the donor or the lender is a legal person, the first paragraph of this III shall apply to its de jure or de facto managers.",
        ],
    },
];

/// The texts every appeal must show, in order (L52-9).
pub fn statutory_texts() -> &'static [StatutoryText] {
    &STATUTORY_TEXTS
}

/// The title of the L52-9 mentions, wherever they are shown.
pub fn heading() -> Text {
    Text::new(heading_in(Lang::Fr), heading_in(Lang::En))
}

/// [`heading`] in one language.
pub fn heading_in(lang: Lang) -> &'static str {
    lang.pick("Mentions légales (article L52-9 du code électoral)", "Legal notice (article L52-9 of the Electoral Code)")
}

/// The line under the texts: which version of each article they reproduce and when
/// they were checked (the earliest check, if they were checked on different days).
pub fn version_note() -> Text {
    Text::each(version_note_in)
}

/// [`version_note`] in one language.
pub fn version_note_in(lang: Lang) -> String {
    let mut articles: Vec<&StatutoryText> = Vec::new();
    for t in statutory_texts() {
        if !articles.iter().any(|a| a.article == t.article) {
            articles.push(t);
        }
    }
    let checked = statutory_texts().iter().map(|t| t.checked_on).min().unwrap_or(CHECKED_ON);
    let mut list = String::new();
    for (i, t) in articles.iter().enumerate() {
        if i > 0 {
            list.push_str(lang.pick(" et ", " and "));
        }
        list.push_str(&fill(lang.pick("article {} dans sa {}", "article {} in its {}"), &[t.article, &t.version_in(lang)]));
    }
    fill(
        lang.pick("Code électoral : {} ; textes vérifiés sur le texte consolidé le {}.", "Electoral Code: {}; texts checked against the consolidated text on {}."),
        &[&list, &iso_date(checked, lang)],
    )
}

/// A statement the donor signs: a practice, not a statute, shipped as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Stable id, e.g. `cnccfp-donor-statement`.
    pub id: &'static str,
    /// Where the wording comes from.
    pub source: &'static str,
    /// Wording not confirmed on an official source (LAW.md's open questions).
    pub unverified: bool,
    /// The statement in French.
    pub fr: &'static str,
    /// Courtesy translation (unofficial).
    pub en_unofficial: &'static str,
}

impl Statement {
    /// Both versions as a [`Text`] (the English one marked as unofficial).
    pub fn text(&self) -> Text {
        Text::each(|lang| self.text_in(lang))
    }

    /// [`Statement::text`] in one language.
    pub fn text_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr.to_owned(),
            Lang::En => format!("{} ({})", self.en_unofficial, StatutoryText::UNOFFICIAL),
        }
    }
}

/// The statement the donor makes when giving (CNCCFP practice; wording UNVERIFIED: the
/// CNCCFP's exact wording is among LAW.md's open questions).
pub static SWORN_STATEMENT: Statement = Statement {
    id: "cnccfp-donor-statement",
    source: "Pratique de la CNCCFP (Code électoral L52-8, R39-1)",
    unverified: true,
    fr: "Je certifie sur l'honneur être une personne physique, verser ce don à partir de mes fonds personnels, être de nationalité française ou résider en France, et que le total de mes dons aux candidats de cette élection ne dépasse pas 4 600 euros.",
    en_unofficial: "I certify on my honour that I am a natural person, that I make this gift from my personal funds, that I am of French nationality or reside in France, and that my gifts to the candidates of this election do not exceed 4,600 euros in total.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Cents;

    /// Whole euros grouped by thousands as the statutes write them (`4 600`, `4,600`).
    fn grouped(c: Cents, sep: char) -> String {
        assert!(c.is_whole_euros(), "{c}");
        let digits = (c.get() / 100).to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(d);
        }
        out
    }

    fn euros_fr(c: Cents) -> String {
        format!("{} euros", grouped(c, ' '))
    }

    fn euros_en(c: Cents) -> String {
        format!("{} euros", grouped(c, ','))
    }

    /// Small numbers in words, as the statutes write years (« trois ans »).
    fn words(n: u32, lang: Lang) -> &'static str {
        const FR: [&str; 11] = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];
        const EN: [&str; 11] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        let i = usize::try_from(n).unwrap_or(usize::MAX);
        match lang {
            Lang::Fr => FR.get(i).copied().unwrap_or("?"),
            Lang::En => EN.get(i).copied().unwrap_or("?"),
        }
    }

    fn fr(id: &str) -> String {
        statutory_texts().iter().find(|t| t.id == id).map(|t| t.fr.join("\n")).unwrap_or_default()
    }

    fn en(id: &str) -> String {
        statutory_texts().iter().find(|t| t.id == id).map(|t| t.en_unofficial.join("\n")).unwrap_or_default()
    }

    #[test]
    fn texts_are_complete_dated_and_translated_paragraph_for_paragraph() {
        let ids: Vec<&str> = statutory_texts().iter().map(|t| t.id).collect();
        assert_eq!(ids, ["ce-l52-8-al1", "ce-l52-8-al2", "ce-l52-8-al3", "ce-l113-1-III"]);
        for t in statutory_texts() {
            assert!(!t.fr.is_empty() && t.fr.iter().all(|p| !p.trim().is_empty()), "{}", t.id);
            assert_eq!(t.fr.len(), t.en_unofficial.len(), "{}: one translation per paragraph", t.id);
            assert!(Date::parse_iso(t.in_force_since).is_some() && Date::parse_iso(t.checked_on).is_some(), "{}", t.id);
            assert!(t.in_force_since < t.checked_on, "{}", t.id);
            let english = t.english();
            assert_eq!(english.len(), t.en_unofficial.len());
            assert!(english.last().is_some_and(|p| p.ends_with(&format!("({})", StatutoryText::UNOFFICIAL))), "{}", t.id);
        }
        // L52-8 al. 2 has two sentences (loans, loi 2017-1339); L113-1 III two paragraphs.
        assert!(fr("ce-l52-8-al2").contains(". Les personnes morales, à l'exception des partis et groupements politiques ainsi que"));
        assert_eq!(STATUTORY_TEXTS[3].fr.len(), 2);
        let versions: Vec<String> = statutory_texts().iter().map(|t| t.version().fr).collect();
        assert_eq!(versions[..3], ["version en vigueur depuis le 30 juin 2020"; 3]);
        assert_eq!(versions[3], "version en vigueur depuis le 1er janvier 2018");
        assert_eq!(STATUTORY_TEXTS[3].version().en, "version in force since 1 January 2018");
        let note = version_note();
        assert_eq!(note.fr, "Code électoral : article L52-8 dans sa version en vigueur depuis le 30 juin 2020 et article L113-1 dans sa version en vigueur depuis le 1er janvier 2018 ; textes vérifiés sur le texte consolidé le 25 novembre 2026.");
        assert_eq!(note.en, "Electoral Code: article L52-8 in its version in force since 30 June 2020 and article L113-1 in its version in force since 1 January 2018; texts checked against the consolidated text on 25 November 2026.");
        // The sworn statement is not a statute: its CNCCFP wording is still an open question.
        assert!(SWORN_STATEMENT.unverified);
        assert!(SWORN_STATEMENT.text().en.ends_with(&format!("({})", StatutoryText::UNOFFICIAL)));
    }

    #[test]
    fn figures_in_the_texts_are_those_of_the_rules_table_and_no_other() {
        use crate::law::rules;
        // Each expected wording is built from the constant, so changing a constant
        // without its text fails; what remains after removing them has no digit, so a
        // figure added to a text without a rule behind it fails too.
        let cap = rules::DONOR_CAP;
        let cash = rules::CASH_PER_GIFT;
        let (years, fine) = (rules::PENALTY_YEARS, rules::PENALTY_FINE);
        let articles = ["L. 52-7-1", "L. 52-8"];
        let expected_fr = [
            ("ce-l52-8-al1", euros_fr(cap)),
            ("ce-l52-8-al3", format!("plus de {}", euros_fr(cash))),
            ("ce-l113-1-III", format!("{} ans d'emprisonnement et de {} € d'amende", words(years, Lang::Fr), grouped(fine, ' '))),
        ];
        let expected_en = [
            ("ce-l52-8-al1", euros_en(cap)),
            ("ce-l52-8-al3", format!("more than {}", euros_en(cash))),
            ("ce-l113-1-III", format!("{} years' imprisonment and a fine of €{}", words(years, Lang::En), grouped(fine, ','))),
        ];
        for (text_of, expected) in [(fr as fn(&str) -> String, expected_fr), (en, expected_en)] {
            let mut rest: Vec<(&str, String)> = statutory_texts().iter().map(|t| (t.id, text_of(t.id))).collect();
            for (id, wording) in &expected {
                let text = rest.iter_mut().find(|(i, _)| i == id).map(|(_, t)| t).unwrap();
                assert!(text.contains(wording.as_str()), "{id}: {wording:?}");
                *text = text.replace(wording.as_str(), "");
            }
            for (id, text) in &rest {
                let text = articles.iter().fold(text.clone(), |t, a| t.replace(a, ""));
                assert!(!text.chars().any(|c| c.is_ascii_digit()), "{id}: a figure not in the rules table: {text}");
            }
        }
        assert!(SWORN_STATEMENT.fr.contains(&euros_fr(cap)));
        assert!(SWORN_STATEMENT.en_unofficial.contains(&euros_en(cap)));
    }
}

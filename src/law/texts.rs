//! The statutory texts every appeal for donations shows (Code électoral L52-9; LAW.md
//! §5), and the statement the donor signs. The French wording is as LAW.md collected it
//! from public reproductions: UNVERIFIED as to exact punctuation and paragraph breaks,
//! to be checked against Légifrance before a release. The English versions are
//! courtesy translations without legal value.

use super::rules;
use crate::i18n::Text;

/// A statutory or contractual text, shipped as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatutoryText {
    /// Stable id, e.g. `ce-l52-8-al1`.
    pub id: &'static str,
    /// How people cite it: « Code électoral, art. L52-8, alinéa 1 ».
    pub citation: &'static str,
    /// The date on which this wording was collected as in force (ISO 8601).
    pub version: &'static str,
    /// Wording not yet checked against the official source.
    pub unverified: bool,
    /// The text, in French: the only version with legal value.
    pub fr: &'static str,
    /// Courtesy translation (unofficial).
    pub en_unofficial: &'static str,
}

impl StatutoryText {
    /// The English label that must accompany [`StatutoryText::en_unofficial`].
    pub const UNOFFICIAL: &'static str = "Unofficial translation; only the French text has legal value.";

    /// Both versions as a [`Text`] (the English one marked as unofficial).
    pub fn text(&self) -> Text {
        Text::new(self.fr, format!("{} ({})", self.en_unofficial, Self::UNOFFICIAL))
    }
}

/// L52-8 al. 1, 2 and 3 and L113-1 III, in the order the widget shows them (L52-9).
pub static STATUTORY_TEXTS: [StatutoryText; 4] = [
    StatutoryText {
        id: "ce-l52-8-al1",
        citation: "Code électoral, art. L52-8, alinéa 1",
        version: rules::IN_FORCE_ON,
        unverified: true,
        fr: "Une personne physique peut verser un don à un candidat si elle est de nationalité française ou si elle réside en France. Les dons consentis par une personne physique dûment identifiée pour le financement de la campagne d'un ou plusieurs candidats lors des mêmes élections ne peuvent excéder 4 600 euros.",
        en_unofficial: "A natural person may make a gift to a candidate if they are of French nationality or reside in France. Gifts made by a duly identified natural person to fund the campaign of one or more candidates in the same elections may not exceed 4,600 euros.",
    },
    StatutoryText {
        id: "ce-l52-8-al2",
        citation: "Code électoral, art. L52-8, alinéa 2",
        version: rules::IN_FORCE_ON,
        unverified: true,
        fr: "Les personnes morales, à l'exception des partis ou groupements politiques, ne peuvent participer au financement de la campagne électorale d'un candidat, ni en lui consentant des dons sous quelque forme que ce soit, ni en lui fournissant des biens, services ou autres avantages directs ou indirects à des prix inférieurs à ceux qui sont habituellement pratiqués.",
        en_unofficial: "Legal persons, except political parties or groups, may not take part in funding a candidate's election campaign, either by making gifts in any form whatsoever, or by supplying goods, services or other direct or indirect advantages at prices below those usually charged.",
    },
    StatutoryText {
        id: "ce-l52-8-al3",
        citation: "Code électoral, art. L52-8, alinéa 3",
        version: rules::IN_FORCE_ON,
        unverified: true,
        fr: "Tout don de plus de 150 euros consenti à un candidat en vue de sa campagne doit être versé par chèque, virement, prélèvement automatique ou carte bancaire.",
        en_unofficial: "Any gift of more than 150 euros made to a candidate for their campaign must be paid by cheque, transfer, direct debit or bank card.",
    },
    StatutoryText {
        id: "ce-l113-1-III",
        citation: "Code électoral, art. L113-1, III",
        version: rules::IN_FORCE_ON,
        unverified: true,
        fr: "Sera puni de trois ans d'emprisonnement et de 45 000 € d'amende quiconque aura, en vue d'une campagne électorale, accordé un don ou un prêt en violation des articles L. 52-7-1 et L. 52-8.",
        en_unofficial: "Anyone who, for an election campaign, has made a gift or a loan in breach of articles L. 52-7-1 and L. 52-8 shall be punished by three years' imprisonment and a fine of €45,000.",
    },
];

/// The statement the donor makes when giving (CNCCFP practice; wording UNVERIFIED).
pub static SWORN_STATEMENT: StatutoryText = StatutoryText {
    id: "cnccfp-donor-statement",
    citation: "Pratique de la CNCCFP (Code électoral L52-8, R39-1)",
    version: rules::IN_FORCE_ON,
    unverified: true,
    fr: "Je certifie sur l'honneur être une personne physique, verser ce don à partir de mes fonds personnels, être de nationalité française ou résider en France, et que le total de mes dons aux candidats de cette élection ne dépasse pas 4 600 euros.",
    en_unofficial: "I certify on my honour that I am a natural person, that I make this gift from my personal funds, that I am of French nationality or reside in France, and that my gifts to the candidates of this election do not exceed 4,600 euros in total.",
};

/// The texts every appeal must show, in order (L52-9).
pub fn statutory_texts() -> &'static [StatutoryText] {
    &STATUTORY_TEXTS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
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

    #[test]
    fn texts_are_complete_flagged_and_agree_with_the_rules_table() {
        let ids: Vec<&str> = statutory_texts().iter().map(|t| t.id).collect();
        assert_eq!(ids, ["ce-l52-8-al1", "ce-l52-8-al2", "ce-l52-8-al3", "ce-l113-1-III"]);
        for t in statutory_texts().iter().chain([&SWORN_STATEMENT]) {
            assert!(t.unverified, "{}", t.id);
            assert!(!t.fr.is_empty() && !t.en_unofficial.is_empty());
            assert!(t.text().en.contains("Unofficial translation"));
        }
        // The figures quoted in the texts are those of the table: each expected wording
        // is built from the constant, so changing a constant without its text fails.
        let cap = rules::DONOR_CAP;
        assert!(STATUTORY_TEXTS[0].fr.contains(&euros_fr(cap)), "{}", euros_fr(cap));
        assert!(STATUTORY_TEXTS[0].en_unofficial.contains(&euros_en(cap)), "{}", euros_en(cap));
        let cash = rules::CASH_PER_GIFT;
        assert!(STATUTORY_TEXTS[2].fr.contains(&format!("plus de {}", euros_fr(cash))));
        assert!(STATUTORY_TEXTS[2].en_unofficial.contains(&format!("more than {}", euros_en(cash))));
        let (years, fine) = (rules::PENALTY_YEARS, rules::PENALTY_FINE);
        let penalty_fr = format!("{} ans d'emprisonnement et de {} € d'amende", words(years, Lang::Fr), grouped(fine, ' '));
        assert!(STATUTORY_TEXTS[3].fr.contains(&penalty_fr), "{penalty_fr}");
        let penalty_en = format!("{} years' imprisonment and a fine of €{}", words(years, Lang::En), grouped(fine, ','));
        assert!(STATUTORY_TEXTS[3].en_unofficial.contains(&penalty_en), "{penalty_en}");
        assert!(SWORN_STATEMENT.fr.contains(&euros_fr(cap)));
        assert!(SWORN_STATEMENT.en_unofficial.contains(&euros_en(cap)));
    }
}

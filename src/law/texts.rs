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

    #[test]
    fn texts_are_complete_flagged_and_agree_with_the_rules_table() {
        let ids: Vec<&str> = statutory_texts().iter().map(|t| t.id).collect();
        assert_eq!(ids, ["ce-l52-8-al1", "ce-l52-8-al2", "ce-l52-8-al3", "ce-l113-1-III"]);
        for t in statutory_texts().iter().chain([&SWORN_STATEMENT]) {
            assert!(t.unverified, "{}", t.id);
            assert!(!t.fr.is_empty() && !t.en_unofficial.is_empty());
            assert!(t.text().en.contains("Unofficial translation"));
        }
        // The figures quoted in the texts are those of the table.
        assert_eq!(rules::DONOR_CAP.get(), 460_000);
        assert!(STATUTORY_TEXTS[0].fr.contains("4 600 euros"));
        assert_eq!(rules::CASH_PER_GIFT.get(), 15_000);
        assert!(STATUTORY_TEXTS[2].fr.contains("150 euros"));
        assert_eq!((rules::PENALTY_YEARS, rules::PENALTY_FINE.get()), (3, 4_500_000));
        assert!(STATUTORY_TEXTS[3].fr.contains("trois ans") && STATUTORY_TEXTS[3].fr.contains("45 000 €"));
        assert!(SWORN_STATEMENT.fr.contains("4 600 euros"));
    }
}

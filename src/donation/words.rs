//! The donor's words: every sentence and label the widget (and the prerendered view)
//! shows, in French and English, built from the facts of the law and the account. One
//! idiom: each sentence is written once per language by a `…_in(…, lang)` function, its
//! two templates side by side in [`say`] (or a [`Label`]); the page asks for its
//! reader's language only, and the bilingual [`Text`] form (the CLI, the tests) is
//! built from the same function with `Text::each`. Nothing here computes or decides;
//! `page` picks which words a person reads.

use std::borrow::Cow;

use crate::config::model::{Card, ElectionKind, MandataireKind, ValidAccount as Account};
use crate::date::Date;
use crate::i18n::{fill, Lang, Text};
use crate::law::calendar::CollectionState;
use crate::law::plan::Plan;
use crate::law::rules::{self, RuleId};
use crate::law::tax::{self, Condition, Quote, Step, TaxDue};
use crate::payment::Method;
use crate::money::Cents;

use super::inputs::Mode;

/// The fixed labels of the donor's page, named by what they label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    MakeADonation,
    Loading,
    LoadingCirco,
    DetailsForCollective,
    /// The link from an invalid configuration to the builder that explains it.
    SeeInBuilder,
    LanguageGroup,
    CostHeading,
    ModeGroup,
    ModeGive,
    ModeCost,
    AmountLegend,
    PresetsGroup,
    GiftField,
    GiftHint,
    TargetField,
    TargetHint,
    GiveThis,
    HouseholdSummary,
    HouseholdPrivacy,
    IncomeField,
    IncomeHint,
    TaxField,
    OtherGiftsField,
    CarriedField,
    NotTaxableBox,
    HowSummary,
    HowEmpty,
    OpenQuestions,
    RuleToConfirm,
    WhoMayGive,
    GivenElsewhereField,
    HowToGive,
    MethodLegend,
    ByCheque,
    PayableTo,
    SendTo,
    ChequeEnclose,
    ByTransfer,
    Holder,
    CopyIban,
    Bic,
    Reference,
    CopyReference,
    TransferSendForm,
    TransferQr,
    ByCard,
    InCash,
    Copied,
    CopyFailed,
    FormSummary,
    FormIntro,
    Surname,
    GivenNames,
    Nationality,
    TaxAddress,
    PrintForm,
    FormTitle,
    FormFor,
    FormAccount,
    FormDate,
    FormDeclare,
    FormSignature,
    FormSendWithCheque,
    FormGiveToMandataire,
    FormReceipt,
    ChooseAnother,
    ChooseCirco,
    FindCirco,
    FindCircoHint,
    FindCircoHintCommunes,
    OtherRegistry,
    FrequencyGroup,
    Once,
    EveryMonth,
    MonthlyGiftField,
    MonthlyTargetField,
    FirstMonthField,
    MonthMalformed,
    MonthPast,
    PerYear,
    StandingOrder,
    PaymentDay,
    FirstPayment,
    LastPayment,
    CopyMonthly,
    CopyDay,
    CopyFirst,
    CopyLast,
    ReferenceWhere,
    FormReference,
    StandingOrderMethod,
}

impl Label {
    pub fn text(self) -> Text {
        let (fr, en) = self.pair();
        Text::new(fr, en)
    }

    /// The label in `lang` only: one call where `text().into_lang(lang)` would copy both
    /// languages at each site and drop one (README, "Size: the moves").
    #[inline(never)]
    pub fn get(self, lang: Lang) -> String {
        let (fr, en) = self.pair();
        lang.pick(fr, en).to_owned()
    }

    #[inline(never)]
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Label::MakeADonation => ("Faire un don", "Make a donation"),
            Label::Loading => ("Chargement des informations de don…", "Loading the donation details…"),
            Label::LoadingCirco => ("Chargement…", "Loading…"),
            Label::DetailsForCollective => ("Détails pour le collectif", "Details for the collective"),
            Label::SeeInBuilder => ("Voir le détail dans le préparateur", "See the details in the builder"),
            Label::LanguageGroup => ("Langue", "Language"),
            Label::CostHeading => ("Combien coûte vraiment un don ?", "What does a gift really cost?"),
            Label::ModeGroup => ("Mode de calcul", "Calculation mode"),
            Label::ModeGive => ("Je choisis mon don", "I choose my gift"),
            Label::ModeCost => ("Je choisis ce qu’il me coûte", "I choose what it costs me"),
            Label::AmountLegend => ("Montant", "Amount"),
            Label::PresetsGroup => ("Montants suggérés", "Suggested amounts"),
            Label::GiftField => ("Montant du don", "Donation amount"),
            Label::GiftHint => ("En euros, par exemple 37 ou 37,50.", "In euros, for example 37 or 37.50."),
            Label::TargetField => ("Je veux que mon don me coûte", "I want my gift to cost me"),
            Label::TargetHint => ("Le coût réel après réduction d’impôt, en euros.", "The real cost after the tax reduction, in euros."),
            Label::GiveThis => ("Donner ce montant", "Give this amount"),
            Label::HouseholdSummary => ("Affiner selon mon foyer fiscal (facultatif)", "Refine for my tax household (optional)"),
            Label::HouseholdPrivacy => (
                "Ces informations restent sur votre appareil : rien n’est envoyé ni enregistré.",
                "This stays on your device: nothing is sent or stored.",
            ),
            Label::IncomeField => ("Revenu imposable du foyer", "Household’s taxable income"),
            Label::IncomeHint => ("Sur votre dernier avis d’impôt (« revenu imposable »).", "On your latest tax notice (“revenu imposable”)."),
            Label::TaxField => ("Impôt sur le revenu dû avant réductions", "Income tax due before reductions"),
            Label::OtherGiftsField => (
                "Autres dons de l’année ouvrant droit à réduction (associations, partis, autres candidats…)",
                "Other tax-deductible gifts this year (charities, parties, other candidates…)",
            ),
            Label::CarriedField => ("Excédent de dons reporté des années passées", "Excess gifts carried over from past years"),
            Label::NotTaxableBox => ("Mon foyer ne paie pas d’impôt sur le revenu", "My household pays no income tax"),
            Label::HowSummary => ("Comment est-ce calculé ?", "How is this computed?"),
            Label::HowEmpty => ("Indiquez un montant pour voir le détail du calcul.", "Enter an amount to see how it is computed."),
            Label::OpenQuestions => ("Questions encore ouvertes", "Questions still open"),
            Label::RuleToConfirm => ("règle à confirmer", "rule to be confirmed"),
            Label::WhoMayGive => ("Qui peut donner, et combien ?", "Who may give, and how much?"),
            Label::GivenElsewhereField => ("Déjà donné à d’autres candidats de cette élection", "Already given to other candidates in this election"),
            Label::HowToGive => ("Comment donner", "How to give"),
            Label::MethodLegend => ("Moyen de paiement", "Payment method"),
            Label::ByCheque => ("Par chèque", "By cheque"),
            Label::PayableTo => ("À l’ordre de", "Payable to"),
            Label::SendTo => ("À envoyer à", "Send to"),
            Label::ChequeEnclose => (
                "Joignez le bulletin de don ci-dessous, rempli et signé : le mandataire en a besoin pour vous délivrer le reçu fiscal.",
                "Enclose the donation form below, filled in and signed: the mandataire needs it to issue your tax receipt.",
            ),
            Label::ByTransfer => ("Par virement", "By bank transfer"),
            Label::Holder => ("Titulaire", "Account holder"),
            Label::CopyIban => ("Copier l’IBAN", "Copy the IBAN"),
            Label::Bic => ("BIC", "BIC"),
            Label::Reference => ("Libellé à indiquer", "Reference to write"),
            Label::CopyReference => ("Copier le libellé", "Copy the reference"),
            Label::TransferSendForm => (
                "Envoyez aussi le bulletin de don ci-dessous au mandataire (par courrier ou selon ses indications) : il en a besoin pour le reçu.",
                "Also send the donation form below to the mandataire (by post or as they say): they need it for the receipt.",
            ),
            Label::TransferQr => ("QR code de virement (norme EPC)", "Transfer QR code (EPC standard)"),
            Label::ByCard => ("Par carte bancaire", "By bank card"),
            Label::InCash => ("En espèces", "In cash"),
            Label::Copied => ("Copié ✓", "Copied ✓"),
            Label::CopyFailed => ("Copie impossible : sélectionnez le texte.", "Could not copy: select the text."),
            Label::FormSummary => ("Bulletin de don à imprimer", "Printable donation form"),
            Label::FormIntro => (
                "Remplissez-le ici pour l’imprimer déjà complété, ou imprimez-le vide. Ce que vous tapez reste sur votre appareil.",
                "Fill it in here to print it completed, or print it blank. What you type stays on your device.",
            ),
            Label::Surname => ("Nom", "Surname"),
            Label::GivenNames => ("Prénoms", "First names"),
            Label::Nationality => ("Nationalité", "Nationality"),
            Label::TaxAddress => ("Adresse du domicile fiscal", "Tax address"),
            Label::PrintForm => ("Imprimer le bulletin", "Print the form"),
            Label::FormTitle => ("Bulletin de don", "Donation form"),
            Label::FormFor => ("Pour la campagne de", "For the campaign of"),
            Label::FormAccount => ("compte", "account"),
            Label::FormDate => ("Date", "Date"),
            Label::FormDeclare => ("Je soussigné(e) déclare sur l’honneur :", "I, the undersigned, solemnly declare:"),
            Label::FormSignature => ("Signature :", "Signature:"),
            Label::FormSendWithCheque => ("À envoyer, avec votre chèque à l’ordre de", "Send with your cheque payable to"),
            Label::FormGiveToMandataire => ("À remettre au mandataire :", "Give to the mandataire:"),
            Label::FormReceipt => (
                "Le mandataire vous délivrera un reçu numéroté (formulaire de la CNCCFP), à conserver pour votre déclaration de revenus. Ces informations ne servent qu’à l’établir.",
                "The mandataire will issue a numbered receipt (CNCCFP form), to keep for your tax return. This information serves only to issue it.",
            ),
            Label::ChooseAnother => ("← Choisir une autre circonscription", "← Choose another circonscription"),
            Label::ChooseCirco => ("Choisissez votre circonscription pour donner à sa campagne.", "Choose your circonscription to give to its campaign."),
            Label::FindCirco => ("Chercher une circonscription", "Find a circonscription"),
            Label::FindCircoHint => ("Département, numéro ou nom : « 75 », « Paris 1 », « Lyon ».", "Department, number or name: “75”, “Paris 1”, “Lyon”."),
            Label::FindCircoHintCommunes => (
                "Votre commune ou votre code postal, ou le département, le numéro, le nom : « Saint-Étienne », « 42000 », « 75 », « Paris 1 ».",
                "Your town or postal code, or the department, number, name: “Saint-Étienne”, “42000”, “75”, “Paris 1”.",
            ),
            Label::OtherRegistry => ("Cette entrée renvoie à un autre registre.", "This entry points to another registry."),
            Label::FrequencyGroup => ("Fréquence du don", "How often"),
            Label::Once => ("Une fois", "Once"),
            Label::EveryMonth => ("Chaque mois", "Every month"),
            Label::MonthlyGiftField => ("Montant par mois", "Amount a month"),
            Label::MonthlyTargetField => ("Je veux que chaque mois me coûte", "I want each month to cost me"),
            Label::FirstMonthField => ("Premier mois", "First month"),
            Label::MonthMalformed => ("Mois invalide : écrivez AAAA-MM, par exemple 2027-01.", "Invalid month: write YYYY-MM, for example 2027-01."),
            Label::MonthPast => ("Ce mois est passé : un virement permanent commence ce mois-ci ou plus tard.", "That month is past: a standing order starts this month or later."),
            Label::PerYear => (
                "La réduction d’impôt se compte par année civile de versement : chaque année a son propre plafond de 20 % du revenu imposable, et les détails de votre foyer valent pour chaque année.",
                "The tax reduction is counted per calendar year of payment: each year has its own ceiling of 20 % of taxable income, and your household’s details apply to each year.",
            ),
            Label::StandingOrder => ("Virement permanent à mettre en place dans votre banque, vers ce compte et avec ce libellé", "Standing order to set up in your bank, to this account with this reference"),
            Label::PaymentDay => ("Jour de chaque mois", "Day of each month"),
            Label::FirstPayment => ("Premier versement", "First payment"),
            Label::LastPayment => ("Date de fin (dernier versement)", "End date (last payment)"),
            Label::CopyMonthly => ("Copier le montant", "Copy the amount"),
            Label::CopyDay => ("Copier le jour", "Copy the day"),
            Label::CopyFirst => ("Copier la date du premier versement", "Copy the first payment’s date"),
            Label::CopyLast => ("Copier la date du dernier versement", "Copy the last payment’s date"),
            Label::ReferenceWhere => ("À indiquer dans le motif du virement et au dos du chèque.", "Write it in the transfer’s reason and on the back of a cheque."),
            Label::FormReference => ("Référence du don", "Gift reference"),
            Label::StandingOrderMethod => ("Virement permanent", "Standing order"),
        }
    }
}

/// A value in a sentence: text as it is, a whole number, or an amount or a date written
/// in the sentence's language.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    S(&'a str),
    N(i64),
    M(Cents),
    D(Date),
}

/// `fr` or `en`, whichever `lang` reads, each `{}` filled in order by `args` written in
/// that language: one call per sentence, and only the reader's language is formatted
/// (a `format!` per language costs a formatting site each, and the language nobody
/// reads is built and dropped; README, "Size: the moves").
#[inline(never)]
pub fn say(lang: Lang, fr: &'static str, en: &'static str, args: &[Arg<'_>]) -> String {
    let written: Vec<Cow<'_, str>> = args
        .iter()
        .map(|a| match *a {
            Arg::S(s) => Cow::Borrowed(s),
            Arg::N(n) => Cow::Owned(n.to_string()),
            Arg::M(c) => Cow::Owned(c.format(lang)),
            Arg::D(d) => Cow::Owned(d.format(lang)),
        })
        .collect();
    let args: Vec<&str> = written.iter().map(|w| w.as_ref()).collect();
    fill(lang.pick(fr, en), &args)
}

/// « 1 versement », « 9 versements ».
fn payments_in(n: u32, lang: Lang) -> String {
    if n == 1 {
        say(lang, "1 versement", "1 payment", &[])
    } else {
        say(lang, "{} versements", "{} payments", &[Arg::N(i64::from(n))])
    }
}

/// The headline of a standing order: the amount a month, the payments, the total, the
/// real cost over all its years.
pub fn monthly_headline_in(q: &crate::law::monthly::MonthlyQuote, lang: Lang) -> String {
    say(
        lang,
        "{} par mois : {}, {} au total, pour un coût réel de {}",
        "{} a month: {}, {} in all, for a real cost of {}",
        &[Arg::M(q.order.monthly()), Arg::S(&payments_in(q.payments, lang)), Arg::M(q.total), Arg::M(q.net_cost)],
    )
}

/// Until when the order may run, and why.
pub fn monthly_end_in(first: Date, last: Date, deadline: Date, lang: Lang) -> String {
    say(
        lang,
        "Du {} au {} : c’est le dernier versement possible, les dons à cette campagne étant reçus jusqu’au dépôt du compte (au plus tard le {}, art. L52-4 et L52-12 du code électoral).",
        "From {} to {}: the last payment possible, as gifts to this campaign are received until its account is filed (by {} at the latest, Code électoral L52-4 and L52-12).",
        &[Arg::D(first), Arg::D(last), Arg::D(deadline)],
    )
}

/// One calendar year of an order: its payments, its gifts, what it saves, its real cost.
pub fn monthly_year_in(y: &crate::law::monthly::YearShare, lang: Lang) -> String {
    say(
        lang,
        "{} : {}, {} ; réduction d’impôt {} ; coût réel {}",
        "{}: {}, {}; tax reduction {}; real cost {}",
        &[Arg::N(i64::from(y.year)), Arg::S(&payments_in(y.payments, lang)), Arg::M(y.gifts), Arg::M(y.quote.imputed), Arg::M(y.quote.net_cost)],
    )
}

/// Why a standing order is refused, with what is possible.
pub fn monthly_refusal_in(problem: &crate::law::monthly::OrderProblem, lang: Lang) -> String {
    use crate::law::monthly::OrderProblem as P;
    let (fr, en, args): (&'static str, &'static str, Vec<Arg<'_>>) = match *problem {
        P::NothingMonthly | P::DayNotInEveryMonth { .. } => ("Indiquez un montant par mois positif.", "Enter a positive amount a month.", vec![]),
        P::EndsBeforeStart { .. } | P::AfterClosing { last_allowed: None, .. } => (
            "Trop tard pour un virement permanent : la collecte se termine avant un deuxième mois.",
            "Too late for a standing order: the collection ends before a second month.",
            vec![],
        ),
        P::BeforeOpening { opens, .. } => ("La collecte ouvre le {} : choisissez un premier mois à partir de celui-ci.", "The collection opens on {}: choose a first month from then.", vec![Arg::D(opens)]),
        P::AfterClosing { last_allowed: Some(allowed), .. } => ("Le dernier versement possible est le {}.", "The last payment possible is on {}.", vec![Arg::D(allowed)]),
        P::OverCap { total, remaining, largest_monthly } => (
            "{} au total dépasserait ce que vous pouvez encore donner pour cette élection ({}, plafond de {} par personne, art. L52-8) : au plus {} par mois.",
            "{} in all would be more than you may still give for this election ({}, a cap of {} per person, L52-8): at most {} a month.",
            vec![Arg::M(total), Arg::M(remaining), Arg::M(rules::DONOR_CAP), Arg::M(largest_monthly)],
        ),
    };
    say(lang, fr, en, &args)
}

/// The reverse found nothing: no amount a month costs that little within the cap.
pub fn monthly_nothing_fits_in(lang: Lang) -> String {
    say(lang, "Aucun montant mensuel ne coûte si peu dans la limite de ce que vous pouvez encore donner.", "No amount a month costs that little within what you may still give.", &[])
}

/// Under the first month's field: its form, and this month by default.
pub fn month_hint_in(today: Date, lang: Lang) -> String {
    let this = today.to_string();
    say(lang, "AAAA-MM ; vide : ce mois-ci ({}).", "YYYY-MM; empty: this month ({}).", &[Arg::S(&this[..7])])
}

/// The button that gives an amount every month.
pub fn give_monthly_in(monthly: Cents, lang: Lang) -> String {
    say(lang, "Donner {} par mois", "Give {} a month", &[Arg::M(monthly)])
}

/// « le 5 de chaque mois ».
pub fn payment_day_in(day: u8, lang: Lang) -> String {
    say(lang, "le {} de chaque mois", "day {} of each month", &[Arg::N(i64::from(day))])
}

/// The gift's reference, to write in the transfer's reason and on a cheque's back.
pub fn gift_reference_in(reference: crate::payment::Reference, lang: Lang) -> String {
    say(lang, "Référence de votre don : {}", "Your gift’s reference: {}", &[Arg::S(&reference.to_string())])
}

/// The card page, for a gift every month.
pub fn card_monthly_link_in(card: &Card, lang: Lang) -> String {
    say(lang, "Ou donner chaque mois par carte sur la page de {} (nouvel onglet)", "Or give every month by card on {}’s page (new tab)", &[Arg::S(&card.operator)])
}

/// On the printed form: the order in one line.
pub fn bulletin_monthly_in(order: &crate::law::monthly::StandingOrder, lang: Lang) -> String {
    say(
        lang,
        "{} par mois, du {} au {} ({}, {} au total)",
        "{} a month, from {} to {} ({}, {} in all)",
        &[Arg::M(order.monthly()), Arg::D(order.first()), Arg::D(order.last()), Arg::S(&payments_in(order.payments(), lang)), Arg::M(order.total())],
    )
}

/// One problem of a configuration as the donor's widget names it: where (the file, the
/// field) and which check, `circo.json — payment.transfer.iban [iban-checksum]`.
pub fn problem_place_in(source: &str, path: &str, rule: &str, lang: Lang) -> String {
    let path = if path.is_empty() { lang.pick("(tout le fichier)", "(whole file)") } else { path };
    say(lang, "{} — {} [{}]", "{} — {} [{}]", &[Arg::S(source), Arg::S(path), Arg::S(rule)])
}

/// Where the explanation of a configuration's problems is, besides the link.
pub fn explained_elsewhere_in(lang: Lang) -> String {
    lang.pick(
        "Le préparateur (builder.html, publié à côté du widget et fourni dans le paquet de circo-don) et la commande « circo-don check » expliquent chaque problème et comment le corriger, en français et en anglais.",
        "The builder (builder.html, published beside the widget and included in the circo-don bundle) and the command “circo-don check” explain each problem and how to fix it, in French and English.",
    )
    .to_owned()
}

/// A configuration with errors, for the donor: no payment details are shown.
pub fn invalid_configuration() -> Text {
    Text::new(
        "Les informations de paiement de cette page contiennent une erreur : par prudence, elles ne sont pas affichées. Merci de prévenir le collectif local ; rien n’a été envoyé.",
        "This page’s payment details contain an error: to be safe, they are not shown. Please let the local collective know; nothing has been sent.",
    )
}

/// How many circos of a registry match the donor's search.
pub fn circos_found(n: usize) -> Text {
    Text::each(|lang| circos_found_in(n, lang))
}

/// [`circos_found`] in one language.
pub fn circos_found_in(n: usize, lang: Lang) -> String {
    match n {
        0 => say(lang, "Aucune circonscription ne correspond.", "No circonscription matches.", &[]),
        1 => say(lang, "1 circonscription trouvée.", "1 circonscription found.", &[]),
        n => say(lang, "{} circonscriptions trouvées.", "{} circonscriptions found.", &[Arg::N(n as i64)]),
    }
}

/// A commune the donor's search found in several circos: which one is theirs depends
/// on their address.
pub fn commune_split(commune: &str, circos: usize) -> Text {
    Text::each(|lang| commune_split_in(commune, circos, lang))
}

/// [`commune_split`] in one language.
pub fn commune_split_in(commune: &str, circos: usize, lang: Lang) -> String {
    say(
        lang,
        "{} est partagée entre {} circonscriptions selon l’adresse : votre mairie vous indique la vôtre.",
        "{} is split between {} circonscriptions by address: your town hall can tell you which is yours.",
        &[Arg::S(commune), Arg::N(circos as i64)],
    )
}

/// One step of the computation, in words.
pub fn step(step: &Step) -> Text {
    Text::new(step_in(step, Lang::Fr), step_in(step, Lang::En))
}

/// [`step`] in one language.
pub fn step_in(step: &Step, lang: Lang) -> String {
    let (rate, pct) = (Arg::N(rules::REDUCTION_RATE.0), Arg::N(rules::INCOME_CEILING.0));
    let m = Arg::M;
    match *step {
        Step::CashNoReduction { gift } => say(
            lang,
            "Un don en espèces n’ouvre droit à aucune réduction d’impôt : il vous coûte {}. Par chèque, virement ou carte, il ouvrirait droit à {} %.",
            "A cash gift gives no tax reduction: it costs you {}. By cheque, transfer or card it would give {}%.",
            &[m(gift), rate],
        ),
        Step::Ceiling { income, ceiling, total, base } => say(
            lang,
            "Plafond : {} % de votre revenu imposable de {}, soit {}. Dons de l’année et reports avec ce don : {} ; base retenue, arrondie à l’euro : {}.",
            "Ceiling: {}% of your taxable income of {}, that is {}. This year’s gifts and carry-overs with this gift: {}; base used, rounded to the euro: {}.",
            &[pct, m(income), m(ceiling), m(total), m(base)],
        ),
        Step::CeilingAssumed => say(
            lang,
            "Revenu imposable non indiqué : on suppose que vos dons de l’année restent sous {} % de ce revenu.",
            "Taxable income not given: we assume your gifts this year stay under {}% of it.",
            &[pct],
        ),
        Step::Reduction { exact, rounded } => say(
            lang,
            "Réduction : {} % de la part retenue de votre don = {} ; l’administration arrondit à l’euro, les demis vers le haut : {}.",
            "Reduction: {}% of the counted part of your gift = {}; the tax office rounds to the euro, halves up: {}.",
            &[rate, m(exact), m(rounded)],
        ),
        Step::HouseholdReduction { with, without, share, exact } => say(
            lang,
            "Réduction du foyer : {} avec ce don, {} sans ({} % de la base, arrondie à l’euro) ; part de ce don : {} ({} % exact : {}).",
            "Household reduction: {} with this gift, {} without ({}% of the base, rounded to the euro); this gift’s share: {} (exact {}%: {}).",
            &[m(with), m(without), rate, m(share), rate, m(exact)],
        ),
        Step::TaxAssumed { saved } => say(
            lang,
            "Impôt non indiqué : on suppose qu’il couvre la réduction ; vous économisez {}.",
            "Tax not given: we assume it covers the reduction; you save {}.",
            &[m(saved)],
        ),
        Step::NotTaxable { lost } => say(
            lang,
            "Foyer non imposable : une réduction d’impôt ne s’impute sur rien, ce don ne vous rapporte rien cette année.{}",
            "Household not taxable: a tax reduction has nothing to come off, this gift saves you nothing this year.{}",
            &[Arg::S(&lost_sentence(lost, lang))],
        ),
        Step::TaxDue { tax, saved, lost } => say(
            lang,
            "Impôt dû avant réductions : {} ; vous économisez grâce à ce don {}.{}",
            "Tax due before reductions: {}; this gift saves you {}.{}",
            &[m(tax), m(saved), Arg::S(&lost_sentence(lost, lang))],
        ),
        Step::NetCost { gift, saved, net, before_rounding, .. } => {
            let exact = match before_rounding {
                Some(x) => say(lang, " ({} avant l’arrondi de l’administration)", " ({} before the tax office’s rounding)", &[m(x)]),
                None => String::new(),
            };
            say(lang, "Coût réel : {} − {} = {}{}.", "Real cost: {} − {} = {}{}.", &[m(gift), m(saved), m(net), Arg::S(&exact)])
        }
        Step::CarryOver { carried, future } => say(
            lang,
            "{} de ce don dépassent le plafond : reportés sur les {} années suivantes, ils pourront réduire votre impôt d’environ {} plus tard.",
            "{} of this gift is over the ceiling: carried over to the next {} years, it may reduce your tax by about {} later.",
            &[m(carried), Arg::N(rules::CARRY_OVER_YEARS.into()), m(future)],
        ),
        Step::Receipt => say(
            lang,
            "Le mandataire vous remet un reçu numéroté (formulaire CNCCFP) à conserver.",
            "The mandataire gives you a numbered receipt (CNCCFP form) to keep.",
            &[],
        ),
        Step::TaxBox => say(
            lang,
            "Déclarez le don case {} (à vérifier sur la notice 2042-RICI de l’année).",
            "Declare the gift in box {} (check that year’s form 2042-RICI notice).",
            &[Arg::S(rules::TAX_BOX)],
        ),
        Step::JanuaryAdvance => say(
            lang,
            "Quand : l’avance de janvier ({} % des réductions de l’avant-dernière année) ne couvre pas un don ponctuel, remboursé avec le solde de l’été suivant la déclaration (règle non vérifiée pour la case {}).",
            "When: the January advance ({}% of the reductions of the year before last) does not cover a one-off gift, refunded with the summer balance after the return (rule unverified for box {}).",
            &[Arg::N(rules::JANUARY_ADVANCE.0), Arg::S(rules::TAX_BOX)],
        ),
    }
}

/// « La part de la réduction au-delà de l’impôt dû, 130 €, est perdue… » when `lost`
/// is positive (CGI art. 200: a reduction, not a credit; docs/law.md vector 7), else nothing.
fn lost_sentence(lost: Cents, lang: Lang) -> String {
    if lost <= Cents::ZERO {
        return String::new();
    }
    say(
        lang,
        " La part de la réduction au-delà de l’impôt dû, {}, est perdue cette année : c’est une réduction, pas un crédit, et seule la part des dons au-delà de {} % du revenu imposable se reporte.",
        " The part of the reduction above the tax due, {}, is lost this year: it is a reduction, not a credit, and only the part of gifts above {}% of taxable income is carried over.",
        &[Arg::M(lost), Arg::N(rules::INCOME_CEILING.0)],
    )
}

/// A condition of a quote, in words (« si votre revenu imposable est d’au moins 185 € »).
pub fn condition(condition: &Condition) -> Text {
    Text::each(|lang| condition_in(condition, lang))
}

/// [`condition`] in one language.
pub fn condition_in(condition: &Condition, lang: Lang) -> String {
    match *condition {
        Condition::IncomeAtLeast(income) => say(lang, "si votre revenu imposable est d’au moins {}", "if your taxable income is at least {}", &[Arg::M(income)]),
        Condition::TaxAtLeast(tax) => say(
            lang,
            "si vous devez au moins {} d’impôt sur le revenu (avant réductions) ; sinon la part de la réduction au-delà de l’impôt dû est perdue",
            "if you owe at least {} of income tax (before reductions); otherwise the part of the reduction above the tax due is lost",
            &[Arg::M(tax)],
        ),
        Condition::DomicileAndReceipt => say(
            lang,
            "si votre domicile fiscal est en France et que vous conservez le reçu du mandataire",
            "if your tax domicile is in France and you keep the mandataire’s receipt",
            &[],
        ),
    }
}

/// Where a rule comes from, after a step: « (CGI, art. 200 — règle à confirmer) ».
pub fn rule_source(rule: RuleId) -> Text {
    Text::each(|lang| rule_source_in(rule, lang))
}

/// [`rule_source`] in one language.
pub fn rule_source_in(rule: RuleId, lang: Lang) -> String {
    let rule = rule.rule();
    if rule.unverified {
        fill("({} — {})", &[rule.source, &Label::RuleToConfirm.get(lang)])
    } else {
        fill("({})", &[rule.source])
    }
}

/// The collection window in one sentence for the donor, dates in each language's form
/// (« La collecte ouvre le 1er décembre 2028. »).
pub fn window_sentence(state: &CollectionState) -> Text {
    Text::each(|lang| window_in(state, lang))
}

/// [`window_sentence`] in one language.
pub fn window_in(state: &CollectionState, lang: Lang) -> String {
    match *state {
        CollectionState::NotYetOpen { opens } => say(lang, "La collecte ouvre le {}.", "Collection opens on {}.", &[Arg::D(opens)]),
        CollectionState::Open { next_round, days_to_next_round, second_round_next, .. } => {
            let round = if second_round_next { lang.pick("second tour", "second round") } else { lang.pick("premier tour", "first round") };
            let d = Arg::D(next_round);
            // Dated, not only relative: a page prerendered on one day and read on
            // another (or printed) still says something true.
            let today = next_round.add_days(-days_to_next_round).map(|t| t.format(lang)).unwrap_or_default();
            let today = Arg::S(&today);
            match days_to_next_round {
                0 => say(lang, "C’est aujourd’hui le {} ({}) : les dons restent possibles.", "Today is the {} ({}): gifts are still possible.", &[Arg::S(round), d]),
                1 => say(lang, "Au {}, plus qu’un jour avant le {} ({}).", "On {}, one day left before the {} ({}).", &[today, Arg::S(round), d]),
                n => say(lang, "Au {}, plus que {} jours avant le {} ({}).", "On {}, {} days left before the {} ({}).", &[today, Arg::N(n), Arg::S(round), d]),
            }
        }
        CollectionState::AfterPolling { until } => say(
            lang,
            "Le scrutin est passé : les dons restent possibles jusqu’au dépôt du compte, au plus tard le {} à {} h.",
            "Polling day is over: gifts remain possible until the account is filed, at the latest on {} at {}:00.",
            &[Arg::D(until), Arg::N(rules::FILING_HOUR.into())],
        ),
        CollectionState::Closed { .. } => say(lang, "La collecte est close.", "Collection is closed.", &[]),
    }
}

/// The collective's plan in one line, with the end date when known:
/// « Un peu plus de 2 dons par jour de 37 € d’ici le 11 juin 2017 (82 dons). ».
pub fn plan_sentence(plan: &Plan, until: Option<Date>) -> Text {
    Text::each(|lang| plan_in(plan, until, lang))
}

/// [`plan_sentence`] in one language.
pub fn plan_in(p: &Plan, until: Option<Date>, lang: Lang) -> String {
    let avg = Arg::M(p.average_gift);
    if p.reached() {
        return say(lang, "Objectif atteint : {} collectés sur {}.", "Target reached: {} raised of {}.", &[Arg::M(p.raised), Arg::M(p.target)]);
    }
    let n = p.donors_needed;
    if n == 0 {
        // Something remains but no average gift to count it in gifts.
        return say(
            lang,
            "Il manque {} ; indiquez un don moyen pour compter les dons nécessaires.",
            "{} missing; give an average gift to count the gifts needed.",
            &[Arg::M(p.remaining)],
        );
    }
    let total = gifts(n, lang);
    let total = Arg::S(&total);
    let Some(tenths) = p.donors_per_day_tenths else {
        return say(lang, "Il manque {} ({} de {}) ; plus aucun jour de collecte.", "{} missing ({} of {}); no collection day left.", &[Arg::M(p.remaining), total, avg]);
    };
    // The rate with its noun, agreed with the number shown. `tenths` is at least 1
    // here (n ≥ 1 gift over a positive number of days, rounded up).
    let whole = tenths / 10;
    let rate = match (tenths, tenths % 10) {
        (..=9, _) => lang.pick("Moins d’un don", "Fewer than one gift").to_owned(),
        (10, _) => lang.pick("Un don", "One gift").to_owned(),
        (11..=14, _) => lang.pick("Un peu plus d’un don", "A little over one gift").to_owned(),
        (_, 0) => gifts(whole, lang),
        (_, 1..=4) => say(lang, "Un peu plus de {}", "A little over {}", &[Arg::S(&gifts(whole, lang))]),
        _ => say(lang, "Un peu moins de {}", "A little under {}", &[Arg::S(&gifts(whole + 1, lang))]),
    };
    let days = p.days_left;
    let when = match until {
        Some(d) => say(lang, "d’ici le {}", "until {}", &[Arg::D(d)]),
        None => say(lang, "pendant {} {}", "for {} {}", &[Arg::N(days), Arg::S(if days > 1 { lang.pick("jours", "days") } else { lang.pick("jour", "day") })]),
    };
    say(lang, "{} par jour de {} {} ({}).", "{} a day of {} {} ({}).", &[Arg::S(&rate), avg, Arg::S(&when), total])
}

/// « 1 don », « 2 dons »; "1 gift", "2 gifts" (French: singular below 2).
fn gifts(n: i64, lang: Lang) -> String {
    let plural = match lang {
        Lang::Fr => n > 1,
        Lang::En => n != 1,
    };
    say(lang, "{} don", "{} gift", &[Arg::N(n)]) + if plural { "s" } else { "" }
}

/// The announced result: one headline and its supporting sentences (in both languages,
/// or in one for [`summary_in`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary<T = Text> {
    pub headline: T,
    pub details: Vec<T>,
}

/// The headline and details of a quote. The tax office's rounded figure leads; the
/// exact figure, before the tax office's rounding, follows where it differs (docs/law.md §1: show both).
pub fn summary(q: &Quote, mode: Mode, tax: TaxDue) -> Summary {
    let (fr, en) = (summary_in(q, mode, tax, Lang::Fr), summary_in(q, mode, tax, Lang::En));
    Summary { headline: Text::new(fr.headline, en.headline), details: fr.details.into_iter().zip(en.details).map(|(f, e)| Text::new(f, e)).collect() }
}

/// [`summary`] in one language.
pub fn summary_in(q: &Quote, mode: Mode, tax: TaxDue, lang: Lang) -> Summary<String> {
    let (g, n) = (Arg::M(q.gift), Arg::M(q.net_cost));
    let headline = match mode {
        Mode::Give => say(lang, "Votre don de {} vous coûtera réellement {}.", "Your gift of {} will really cost you {}.", &[g, n]),
        Mode::Cost => say(lang, "Donnez {} : ce don vous coûtera réellement {}.", "Give {}: it will really cost you {}.", &[g, n]),
    };
    let mut details = Vec::new();
    if q.imputed.get() > 0 {
        details.push(say(
            lang,
            "Économie d’impôt sur le revenu cette année : {} (la réduction est arrondie à l’euro par l’administration fiscale).",
            "Income tax saved this year: {} (the tax office rounds the reduction to the euro).",
            &[Arg::M(q.imputed)],
        ));
        if let Some(exact_net) = q.net_cost_exact.filter(|&x| x != q.net_cost) {
            details.push(say(
                lang,
                "Exactement {} % : {} de réduction, soit un coût de {} avant l’arrondi.",
                "Exactly {}%: a {} reduction, a cost of {} before rounding.",
                &[Arg::N(rules::REDUCTION_RATE.0), Arg::M(q.reduction_exact), Arg::M(exact_net)],
            ));
        }
    }
    let lost = q.lost();
    if lost.get() > 0 && tax::qualifies(q.method) && tax == TaxDue::NotTaxable {
        details.push(say(
            lang,
            "Foyer non imposable : ce don ne donne lieu à aucune réduction cette année (une réduction n’est pas un crédit d’impôt).",
            "Household not taxable: this gift brings no reduction this year (a reduction is not a tax credit).",
            &[],
        ));
    } else if lost.get() > 0 && tax::qualifies(q.method) {
        details.push(say(
            lang,
            "Votre impôt dû limite l’économie : {} de réduction sont perdus (une réduction n’est pas un crédit d’impôt ; seul l’excédent au-delà du plafond de revenu est reporté).",
            "Your tax due limits the saving: {} of reduction is lost (a reduction is not a tax credit; only the excess over the income ceiling carries over).",
            &[Arg::M(lost)],
        ));
    }
    if q.carried_over.get() > 0 {
        details.push(say(
            lang,
            "Au-delà du plafond de {} % de votre revenu imposable, {} sont reportés sur les {} années suivantes : jusqu’à {} de réduction plus tard.",
            "Above the ceiling of {}% of your taxable income, {} is carried over to the next {} years: up to {} of reduction later.",
            &[Arg::N(rules::INCOME_CEILING.0), Arg::M(q.carried_over), Arg::N(rules::CARRY_OVER_YEARS.into()), Arg::M(q.future_saving)],
        ));
    }
    Summary { headline, details }
}

/// What the result area says before an amount is typed.
pub fn invitation() -> Text {
    Text::each(invitation_in)
}

/// [`invitation`] in one language.
pub fn invitation_in(lang: Lang) -> String {
    say(
        lang,
        "Choisissez ou tapez un montant : son coût réel après réduction d’impôt s’affiche ici.",
        "Choose or type an amount: its real cost after the tax reduction shows here.",
        &[],
    )
}

/// The method's name as a choice label (« Virement »).
pub fn method_name(m: Method) -> Text {
    Text::each(|lang| method_name_in(m, lang).to_owned())
}

/// [`method_name`] in one language.
pub fn method_name_in(m: Method, lang: Lang) -> &'static str {
    match m {
        Method::Cheque => lang.pick("Chèque", "Cheque"),
        Method::Transfer => lang.pick("Virement", "Transfer"),
        Method::Card => lang.pick("Carte bancaire", "Bank card"),
        Method::DirectDebit => lang.pick("Prélèvement", "Direct debit"),
        Method::Cash => lang.pick("Espèces", "Cash"),
    }
}

/// What replaces the payment details outside the collection window.
pub fn payment_notice(state: &CollectionState) -> Text {
    Text::each(|lang| payment_notice_in(state, lang))
}

/// [`payment_notice`] in one language.
pub fn payment_notice_in(state: &CollectionState, lang: Lang) -> String {
    match *state {
        CollectionState::NotYetOpen { opens } => say(
            lang,
            "Les moyens de paiement seront affichés à l’ouverture de la collecte, le {}. Aucun don ne peut être reçu avant.",
            "Payment details will be shown when collection opens on {}. No gift can be received before.",
            &[Arg::D(opens)],
        ),
        _ => say(
            lang,
            "La collecte de dons pour cette campagne est close : aucun don ne peut plus être reçu.",
            "Collection for this campaign is closed: no gift can be received any more.",
            &[],
        ),
    }
}

/// The title of an account's widget: who the money is for.
pub fn title(account: &Account) -> Text {
    Text::each(|lang| title_in(account, lang))
}

/// [`title`] in one language.
pub fn title_in(account: &Account, lang: Lang) -> String {
    say(lang, "Soutenir la campagne de {}", "Support {}’s campaign", &[Arg::S(&account.candidate.name)])
}

/// The circo and the election, one line.
pub fn subtitle(account: &Account) -> Text {
    Text::each(|lang| subtitle_in(account, lang))
}

/// [`subtitle`] in one language.
pub fn subtitle_in(account: &Account, lang: Lang) -> String {
    let kind = election_kind_in(account.election.kind, lang);
    fill("{} · {} {}", &[&account.circo.name, kind, &account.election.first_round.year().to_string()])
}

/// The election's kind, as people say it.
pub fn election_kind_name(kind: ElectionKind) -> Text {
    Text::each(|lang| election_kind_in(kind, lang).to_owned())
}

/// [`election_kind_name`] in one language.
pub fn election_kind_in(kind: ElectionKind, lang: Lang) -> &'static str {
    let (fr, en) = match kind {
        ElectionKind::Legislative => ("élections législatives", "legislative elections"),
        ElectionKind::ByElection => ("élection législative partielle", "by-election"),
        ElectionKind::Municipal => ("élections municipales", "municipal elections"),
        ElectionKind::Departmental => ("élections départementales", "departmental elections"),
        ElectionKind::Regional => ("élections régionales", "regional elections"),
        ElectionKind::European => ("élections européennes", "European elections"),
        ElectionKind::Presidential => ("élection présidentielle", "presidential election"),
        ElectionKind::Territorial => ("élections territoriales", "territorial elections"),
    };
    lang.pick(fr, en)
}

/// « 1 240 € collectés sur un objectif de 3 000 € (au 1er mai 2027) ».
pub fn goal_progress(raised: Cents, target: Cents, as_of: Option<Date>) -> Text {
    Text::each(|lang| goal_progress_in(raised, target, as_of, lang))
}

/// [`goal_progress`] in one language.
pub fn goal_progress_in(raised: Cents, target: Cents, as_of: Option<Date>, lang: Lang) -> String {
    let (r, t) = (Arg::M(raised), Arg::M(target));
    match as_of {
        Some(d) => say(lang, "{} collectés sur un objectif de {} (au {})", "{} raised of a {} goal (as of {})", &[r, t, Arg::D(d)]),
        None => say(lang, "{} collectés sur un objectif de {}", "{} raised of a {} goal", &[r, t]),
    }
}

/// Under the transfer QR code.
pub fn qr_caption(gift: Option<Cents>) -> Text {
    Text::each(|lang| qr_caption_in(gift, lang))
}

/// [`qr_caption`] in one language.
pub fn qr_caption_in(gift: Option<Cents>, lang: Lang) -> String {
    match gift {
        Some(g) => say(
            lang,
            "Scannez ce code avec l’application de votre banque : le virement de {} est pré-rempli. Vérifiez le bénéficiaire et l’IBAN avant de valider.",
            "Scan this code with your banking app: the {} transfer is pre-filled. Check the beneficiary and IBAN before confirming.",
            &[Arg::M(g)],
        ),
        None => say(
            lang,
            "Scannez ce code avec l’application de votre banque : bénéficiaire, IBAN et libellé sont pré-remplis ; indiquez le montant.",
            "Scan this code with your banking app: beneficiary, IBAN and reference are pre-filled; enter the amount.",
            &[],
        ),
    }
}

/// Who runs the card payment page, and that the donor leaves for it.
pub fn card_notice(card: &Card) -> Text {
    Text::each(|lang| card_notice_in(card, lang))
}

/// [`card_notice`] in one language.
pub fn card_notice_in(card: &Card, lang: Lang) -> String {
    let host = crate::url::host(&card.url).unwrap_or(&card.url);
    say(
        lang,
        "Le paiement par carte se fait sur une page de {} ({}), ouverte dans un nouvel onglet ; ce widget ne voit ni ne transmet aucune donnée bancaire.",
        "Card payment happens on a page run by {} ({}), opened in a new tab; this widget neither sees nor passes on any card data.",
        &[Arg::S(&card.operator), Arg::S(host)],
    )
}

pub fn card_link(card: &Card) -> Text {
    Text::each(|lang| card_link_in(card, lang))
}

/// [`card_link`] in one language.
pub fn card_link_in(card: &Card, lang: Lang) -> String {
    say(lang, "Payer par carte sur la page de {} (nouvel onglet)", "Pay by card on {}’s page (new tab)", &[Arg::S(&card.operator)])
}

pub fn cash_notice() -> Text {
    Text::each(cash_notice_in)
}

/// [`cash_notice`] in one language.
pub fn cash_notice_in(lang: Lang) -> String {
    say(
        lang,
        "Uniquement lors des rencontres et réunions de la campagne : {} au plus par don, sans réduction d’impôt.",
        "Only at campaign events and meetings: at most {} per gift, with no tax reduction.",
        &[Arg::M(rules::CASH_PER_GIFT)],
    )
}

/// Who may give, and how much (L52-8), with figures from the rules table.
pub fn eligibility() -> Vec<Text> {
    let (fr, en) = (eligibility_in(Lang::Fr), eligibility_in(Lang::En));
    fr.into_iter().zip(en).map(|(f, e)| Text::new(f, e)).collect()
}

/// [`eligibility`] in one language.
pub fn eligibility_in(lang: Lang) -> Vec<String> {
    vec![
        say(
            lang,
            "Les dons viennent de personnes physiques, sur leurs fonds personnels. Les personnes morales (entreprises, associations, syndicats…) ne peuvent pas donner, à l’exception des partis politiques.",
            "Gifts come from natural persons, from their own funds. Legal persons (companies, associations, unions…) may not give, except political parties.",
            &[],
        ),
        say(lang, "Il faut être de nationalité française ou résider en France.", "You must be a French national or live in France.", &[]),
        say(
            lang,
            "{} au plus par personne pour cette élection, tous candidats confondus (par personne, pas par foyer).",
            "At most {} per person for this election, all candidates together (per person, not per household).",
            &[Arg::M(rules::DONOR_CAP)],
        ),
        say(
            lang,
            "Au-delà de {} : chèque, virement, prélèvement ou carte bancaire uniquement. Les espèces ne donnent droit à aucune réduction d’impôt.",
            "Above {}: cheque, transfer, direct debit or bank card only. Cash gives no tax reduction.",
            &[Arg::M(rules::CASH_PER_GIFT)],
        ),
    ]
}

/// The hint under "already given to other candidates": the cap counts them all.
pub fn cap_hint() -> Text {
    Text::each(cap_hint_in)
}

/// [`cap_hint`] in one language.
pub fn cap_hint_in(lang: Lang) -> String {
    say(lang, "Le plafond de {} vaut pour tous les candidats réunis.", "The {} cap counts all candidates together.", &[Arg::M(rules::DONOR_CAP)])
}

/// The L52-9 mentions about this account: who receives the gifts and through whom.
pub fn mentions(account: &Account) -> Vec<Text> {
    let (fr, en) = (mentions_in(account, Lang::Fr), mentions_in(account, Lang::En));
    fr.into_iter().zip(en).map(|(f, e)| Text::new(f, e)).collect()
}

/// [`mentions`] in one language.
pub fn mentions_in(account: &Account, lang: Lang) -> Vec<String> {
    let m = &account.mandataire;
    let candidate = Arg::S(&account.candidate.name);
    let (name, on) = (Arg::S(&m.name), Arg::D(m.designated_on));
    let who = match m.kind {
        MandataireKind::Person => say(
            lang,
            "Les dons sont reçus par {}, mandataire financier de {}, désigné(e) le {}.",
            "Gifts are received by {}, financial agent (mandataire financier) of {}, appointed on {}.",
            &[name, candidate, on],
        ),
        MandataireKind::Association => say(
            lang,
            "Les dons sont reçus par l’association de financement électoral « {} », déclarée le {}.",
            "Gifts are received by the election-financing association “{}”, declared on {}.",
            &[name, on],
        ),
    };
    vec![
        who,
        say(
            lang,
            "{} ne peut recevoir de dons pour sa campagne que par l’intermédiaire de ce mandataire, sur le compte « {} ».",
            "{} may receive gifts for the campaign only through this agent, on the account “{}”.",
            &[candidate, Arg::S(&m.account_title)],
        ),
    ]
}

/// How to reach the collective, when the configuration says.
pub fn contact(account: &Account) -> Option<Text> {
    Some(Text::new(contact_in(account, Lang::Fr)?, contact_in(account, Lang::En)?))
}

/// [`contact`] in one language.
pub fn contact_in(account: &Account, lang: Lang) -> Option<String> {
    let c = account.contact.as_ref()?;
    let how: Vec<&str> = [c.email.as_deref(), c.url.as_deref()].into_iter().flatten().collect();
    (!how.is_empty()).then(|| say(lang, "Une question ? Contactez le collectif : {}", "A question? Contact the collective: {}", &[Arg::S(&how.join(" · "))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::donation::assessment::{assess, Outcome};
    use crate::donation::inputs::{Action, AmountField, Inputs};
    use crate::law::plan;
    use crate::law::tax::{self, Household};

    fn eur(n: i64) -> Cents {
        Cents::from_euros(n)
    }

    fn account() -> Account {
        let loaded = crate::config::load(include_str!("../../demo/circo-exemple.json"));
        loaded.account().expect("the demo account is valid").clone()
    }

    fn quoted(gift: &str, income: &str, tax: &str) -> (Box<Quote>, TaxDue) {
        let typed = [(AmountField::Gift, gift), (AmountField::Income, income), (AmountField::Tax, tax)];
        let a = assess(&typed.into_iter().fold(Inputs::default(), |i, (f, t)| i.apply(Action::Type(f, t.into()))));
        match a.outcome {
            Outcome::Quote(q) => (q, a.tax),
            other => panic!("expected a quote, got {other:?}"),
        }
    }

    fn said(s: &Summary, lang: Lang) -> String {
        std::iter::once(&s.headline).chain(&s.details).map(|t| t.get(lang)).collect::<Vec<_>>().join("\n")
    }

    fn steps(q: &Quote, lang: Lang) -> String {
        q.steps.iter().map(|s| step(s).get(lang).to_owned()).collect::<Vec<_>>().join("\n")
    }


    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_window_in_every_state_with_fixed_dates() {
        let say = |s: CollectionState| window_sentence(&s);
        let s = say(CollectionState::NotYetOpen { opens: d("2016-12-01") });
        assert_eq!((s.fr.as_str(), s.en.as_str()), ("La collecte ouvre le 1er décembre 2016.", "Collection opens on 1 December 2016."));
        let open = |days: i64, round: &str, second: bool| CollectionState::Open { days_to_first_round: days, next_round: d(round), days_to_next_round: days, second_round_next: second };
        let s = say(open(12, "2017-06-11", false));
        assert_eq!((s.fr.as_str(), s.en.as_str()), ("Au 30 mai 2017, plus que 12 jours avant le premier tour (11 juin 2017).", "On 30 May 2017, 12 days left before the first round (11 June 2017)."));
        assert!(say(open(0, "2017-06-11", false)).fr.starts_with("C’est aujourd’hui le premier tour"));
        assert_eq!(say(open(4, "2017-06-18", true)).fr, "Au 14 juin 2017, plus que 4 jours avant le second tour (18 juin 2017).");
        assert_eq!(say(open(1, "2017-06-11", false)).en, "On 10 June 2017, one day left before the first round (11 June 2017).");
        assert_eq!(
            say(CollectionState::AfterPolling { until: d("2017-08-18") }).fr,
            "Le scrutin est passé : les dons restent possibles jusqu’au dépôt du compte, au plus tard le 18 août 2017 à 18 h."
        );
        assert_eq!(say(CollectionState::Closed { since: d("2017-08-18") }).to_string(), "La collecte est close. / Collection is closed.");
    }

    // docs/law.md §7: 3 000 €, 37 € average, 35 days → about 81 donors, a little over 2 a day.
    #[test]
    fn the_collectives_plan_in_words() {
        let p = plan::plan(eur(3000), Cents::ZERO, eur(37), 35);
        let until = Date::parse_iso("2017-06-11");
        assert_eq!(plan_sentence(&p, until).fr, "Un peu plus de 2 dons par jour de 37\u{A0}€ d’ici le 11 juin 2017 (82 dons).");
        assert_eq!(plan_sentence(&p, until).en, "A little over 2 gifts a day of €37 until 11 June 2017 (82 gifts).");
        assert!(plan_sentence(&p, None).en.contains("for 35 days"));
        for days in [0, -5] {
            assert!(plan_sentence(&plan::plan(eur(3000), eur(100), eur(37), days), None).en.contains("no collection day left"));
        }
        assert!(plan_sentence(&plan::plan(eur(3000), eur(3100), eur(37), 10), None).fr.starts_with("Objectif atteint"));
    }

    /// Every count agrees with its noun, and no rate reads « 0 don » or « plus de 0 ».
    #[test]
    fn sentences_agree_in_number_in_both_languages() {
        let until = Date::parse_iso("2017-06-11");
        let avg = eur(37);
        for n in 0..200i64 {
            for days in 1..100i64 {
                let p = plan::plan(Cents::new(n * avg.get()), Cents::ZERO, avg, days);
                assert_eq!(p.donors_needed, n);
                for s in [plan_sentence(&p, until), plan_sentence(&p, None)] {
                    for text in [&s.fr, &s.en] {
                        let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '(' || c == ')').collect();
                        for w in words.windows(2) {
                            let noun = w[1].trim_end_matches(['.', ',', ';']);
                            let Ok(k) = w[0].parse::<i64>() else { continue };
                            assert!(k > 0 || !matches!(noun, "don" | "dons" | "gift" | "gifts"), "{n}/{days}: {text}");
                            let plural = matches!(noun, "dons" | "gifts" | "jours" | "days");
                            let singular = matches!(noun, "don" | "gift" | "jour" | "day");
                            assert!(!(k == 1 && plural || k > 1 && singular), "{n}/{days}: {text}");
                        }
                        assert!(!text.contains("de 0 ") && !text.contains("over 0 ") && !text.contains("under 1 "), "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn fewer_than_one_a_day_and_exactly_one() {
        let p = plan::plan(eur(37), Cents::ZERO, eur(37), 10);
        assert_eq!(p.donors_per_day_tenths, Some(1));
        assert_eq!(plan_sentence(&p, None).fr, "Moins d’un don par jour de 37\u{A0}€ pendant 10 jours (1 don).");
        assert_eq!(plan_sentence(&p, None).en, "Fewer than one gift a day of €37 for 10 days (1 gift).");
        let p = plan::plan(eur(37 * 3), Cents::ZERO, eur(37), 3);
        assert_eq!(plan_sentence(&p, None).fr, "Un don par jour de 37\u{A0}€ pendant 3 jours (3 dons).");
        assert_eq!(plan_sentence(&p, None).en, "One gift a day of €37 for 3 days (3 gifts).");
        let p = plan::plan(eur(37 * 4), Cents::ZERO, eur(37), 3);
        assert_eq!(plan_sentence(&p, None).fr, "Un peu plus d’un don par jour de 37\u{A0}€ pendant 3 jours (4 dons).");
        let p = plan::plan(eur(37), Cents::ZERO, eur(37), 1);
        assert_eq!(plan_sentence(&p, None).en, "One gift a day of €37 for 1 day (1 gift).");
        let p = plan::plan(eur(37), Cents::ZERO, eur(37), 0);
        assert_eq!(plan_sentence(&p, None).fr, "Il manque 37\u{A0}€ (1 don de 37\u{A0}€) ; plus aucun jour de collecte.");
        let p = plan::plan(eur(37), Cents::ZERO, Cents::ZERO, 5);
        assert!(!plan_sentence(&p, None).fr.contains("0 don") && plan_sentence(&p, None).en.contains("average gift"));
    }

    #[test]
    fn vector_1_headline_gives_the_rounded_cost_and_the_exact_one() {
        let (q, tax) = quoted("37", "30 000", "2000");
        let s = summary(&q, Mode::Give, tax);
        assert!(s.headline.fr.contains(&eur(13).format(Lang::Fr)), "{}", s.headline.fr);
        assert!(s.headline.en.contains(&eur(13).format(Lang::En)), "{}", s.headline.en);
        let fr = said(&s, Lang::Fr);
        assert!(fr.contains(&Cents::new(1258).format(Lang::Fr)) && fr.contains(&Cents::new(2442).format(Lang::Fr)), "{fr}");
        assert!(said(&s, Lang::En).contains("66%"));
        assert!(steps(&q, Lang::Fr).contains("12,58"), "the net-cost step gives the cost before rounding");
    }

    #[test]
    fn vector_7_says_the_part_above_the_tax_due_is_lost() {
        let (q, tax) = quoted("500", "25000", "200");
        let s = summary(&q, Mode::Give, tax);
        assert!(said(&s, Lang::Fr).contains(&format!("{} de réduction sont perdus", eur(130).format(Lang::Fr))));
        assert!(said(&s, Lang::En).contains(&format!("{} of reduction is lost", eur(130).format(Lang::En))));
        let (fr, en) = (steps(&q, Lang::Fr), steps(&q, Lang::En));
        assert!(fr.contains("au-delà de l’impôt dû, 130\u{A0}€, est perdue cette année"), "{fr}");
        assert!(fr.contains("seule la part des dons au-delà de 20 % du revenu imposable se reporte"), "{fr}");
        assert!(en.contains("above the tax due, €130, is lost this year"), "{en}");
        // Vector 1 loses nothing and says nothing of the kind.
        let (q1, tax1) = quoted("37", "30000", "2000");
        assert!(!said(&summary(&q1, Mode::Give, tax1), Lang::Fr).contains("perdus"));
        assert!(!steps(&q1, Lang::Fr).contains("perdue"));
    }

    #[test]
    fn vector_8_explains_the_carry_over() {
        let (q, tax) = quoted("4600", "15000", "400");
        let fr = said(&summary(&q, Mode::Give, tax), Lang::Fr);
        assert!(fr.contains(&eur(1600).format(Lang::Fr)) && fr.contains("5 années"), "{fr}");
        assert!(steps(&q, Lang::En).contains("carried over to the next 5 years"));
    }

    #[test]
    fn a_household_that_pays_no_tax_is_told_so() {
        let a = assess(&Inputs::default().apply(Action::Type(AmountField::Gift, "100".into())).apply(Action::SetNotTaxable(true)));
        let Outcome::Quote(q) = &a.outcome else { panic!("{a:?}") };
        let s = said(&summary(q, Mode::Give, a.tax), Lang::Fr);
        assert!(s.contains("Foyer non imposable") && !s.contains("impôt dû limite"), "{s}");
        assert!(steps(q, Lang::En).contains("Household not taxable") && steps(q, Lang::En).contains("€66, is lost"));
    }

    #[test]
    fn conditions_and_the_receipt_are_worded_for_the_donor() {
        let q = tax::quote(eur(37), &Household::default(), Method::Card);
        let en: Vec<String> = q.conditions.iter().map(|c| condition(c).en).collect();
        assert_eq!(
            en,
            [
                "if your taxable income is at least €185",
                "if you owe at least €24 of income tax (before reductions); otherwise the part of the reduction above the tax due is lost",
                "if your tax domicile is in France and you keep the mandataire’s receipt",
            ]
        );
        assert!(condition(&q.conditions[0]).fr.contains("au moins 185\u{A0}€"));
        // R39-1 (docs/law.md §1): the receipt is to keep, never to attach to the tax return.
        let receipt = step(&Step::Receipt);
        assert!(receipt.fr.contains("à conserver") && receipt.en.contains("to keep"));
        for t in q.steps.iter().map(step).chain(q.conditions.iter().map(condition)) {
            assert!(!t.fr.contains("joindre") && !t.en.contains("attach"), "{t:?}");
        }
    }

    #[test]
    fn every_step_has_words_in_both_languages_and_names_its_figures() {
        let households = [
            Household::default(),
            Household { income: Some(eur(15_000)), tax: TaxDue::Due(eur(400)), ..Household::default() },
            Household { income: Some(eur(60_000)), tax: TaxDue::Due(eur(11_000)), other_gifts: eur(8000), ..Household::default() },
            Household { tax: TaxDue::NotTaxable, ..Household::default() },
        ];
        for h in &households {
            for m in [Method::Cheque, Method::Cash] {
                let q = tax::quote(eur(4600), h, m);
                for s in &q.steps {
                    let t = step(s);
                    assert!(!t.fr.is_empty() && !t.en.is_empty() && t.fr != t.en, "{s:?}");
                    // A zero (nothing lost) goes unsaid; every other figure is said.
                    for (_, figure) in s.figures().into_iter().filter(|(_, f)| *f > Cents::ZERO) {
                        assert!(t.fr.contains(&figure.format(Lang::Fr)) && t.en.contains(&figure.format(Lang::En)), "{s:?}: {t:?}");
                    }
                }
            }
        }
    }

    /// The steps' French keeps a no-break space before « % », as before the words left
    /// the law (the CLI's JSON carries these strings).
    #[test]
    fn french_percentages_do_not_break_from_their_figure() {
        let (fr, en) = (Lang::Fr, Lang::En);
        let q = tax::quote(eur(37), &Household { income: Some(eur(30_000)), tax: TaxDue::Due(eur(2000)), ..Household::default() }, Method::Cheque);
        assert_eq!(
            step(&q.steps[0]).fr,
            format!("Plafond : 20\u{A0}% de votre revenu imposable de {}, soit {}. Dons de l’année et reports avec ce don : {} ; base retenue, arrondie à l’euro : {}.", eur(30_000).format(fr), eur(6000).format(fr), eur(37).format(fr), eur(37).format(fr))
        );
        assert_eq!(step(&q.steps[1]).en, format!("Reduction: 66% of the counted part of your gift = {}; the tax office rounds to the euro, halves up: {}.", Cents::new(2442).format(en), eur(24).format(en)));
        for s in [
            Step::CashNoReduction { gift: eur(150) },
            Step::CeilingAssumed,
            Step::Reduction { exact: eur(1), rounded: eur(1) },
            Step::HouseholdReduction { with: eur(2), without: eur(1), share: eur(1), exact: eur(1) },
        ] {
            let t = step(&s).fr;
            assert!(t.contains("\u{A0}%") && !t.contains(" %"), "{t}");
        }
    }

    #[test]
    fn unverified_rules_say_so_after_their_source() {
        for rule in RuleId::ALL {
            let source = rule_source(rule);
            assert!(source.fr.contains(rule.rule().source));
            assert_eq!(source.fr.contains("règle à confirmer"), rule.rule().unverified, "{rule:?}");
        }
    }

    #[test]
    fn eligibility_and_cash_read_their_figures_from_the_rules_table() {
        let all: String = eligibility().iter().map(|t| t.fr.clone()).collect();
        assert!(all.contains(&rules::DONOR_CAP.format(Lang::Fr)) && all.contains(&rules::CASH_PER_GIFT.format(Lang::Fr)));
        assert!(all.contains("partis politiques"), "legal persons may not give, except parties");
        assert!(cash_notice().en.contains(&rules::CASH_PER_GIFT.format(Lang::En)));
        assert!(cap_hint().fr.contains(&rules::DONOR_CAP.format(Lang::Fr)));
    }

    #[test]
    fn the_card_notice_names_the_operator_and_the_host() {
        let a = account();
        let card = a.payment.card.as_ref().unwrap();
        let t = card_notice(card);
        assert!(t.fr.contains(&card.operator) && t.fr.contains("paiement.banque-exemple.fr"), "{}", t.fr);
        assert!(!t.fr.contains("/dons/"), "only the host is named");
    }

    #[test]
    fn mentions_name_who_receives_the_gifts() {
        let a = account();
        let m = mentions(&a);
        assert!(m[0].fr.contains(&a.mandataire.name) && m[0].fr.contains(&a.mandataire.designated_on.format(Lang::Fr)));
        assert!(m[1].fr.contains(&a.candidate.name) && m[1].fr.contains(&a.mandataire.account_title));
        let assoc = crate::config::load(include_str!("../../demo/association.json"));
        assert!(mentions(assoc.account().unwrap())[0].fr.contains("association de financement électoral"));
    }

    #[test]
    fn labels_are_bilingual_and_counts_agree_in_number() {
        assert_eq!(circos_found(1).fr, "1 circonscription trouvée.");
        assert_eq!(circos_found(2).en, "2 circonscriptions found.");
        assert!(circos_found(0).fr.starts_with("Aucune"));
        for m in Method::ALL {
            let name = method_name(m);
            assert!(name.fr.chars().next().is_some_and(char::is_uppercase), "{name:?}");
        }
    }
}

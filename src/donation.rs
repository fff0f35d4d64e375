//! The donor's side of the widget as data: what a person typed, assessed by the law;
//! every sentence the widget shows around it (headline, payment notices, eligibility,
//! the L52-9 mentions); the transfer QR code; the printable donation form. Pure: the
//! widget only turns these values into DOM, and all of it is tested natively.

use crate::config::model::{Card, ElectionKind, MandataireKind, ValidAccount as Account};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::law::calendar::{self, CollectionState};
use crate::law::limits::{self, Refusal};
use crate::law::plan;
use crate::law::rules;
use crate::law::tax::{self, Household, Method, Quote, TaxDue};
use crate::money::{parse_amount, Cents};
use crate::payment;

/// Whether the donor chooses the gift or what it should cost them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Give,
    Cost,
}

/// Everything the donor typed or chose, as typed: parsing is part of the assessment so
/// that a malformed field keeps its text and gets its own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub mode: Mode,
    /// The gift ("Montant du don").
    pub amount: String,
    /// In `Mode::Cost`: what the gift should cost after the reduction.
    pub target: String,
    pub income: String,
    pub tax: String,
    pub not_taxable: bool,
    pub other: String,
    pub carried: String,
    pub given_elsewhere: String,
    pub method: Method,
}

impl Default for Inputs {
    /// Nothing typed yet; a transfer until the account's own default is chosen.
    fn default() -> Inputs {
        Inputs {
            mode: Mode::Give,
            amount: String::new(),
            target: String::new(),
            income: String::new(),
            tax: String::new(),
            not_taxable: false,
            other: String::new(),
            carried: String::new(),
            given_elsewhere: String::new(),
            method: Method::Transfer,
        }
    }
}

/// The fields that can be malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Amount,
    Target,
    Income,
    Tax,
    Other,
    Carried,
    GivenElsewhere,
}

/// What the law says of the inputs.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing to compute yet (or the main amount is malformed: its field says why).
    Empty,
    /// The gift is not allowed; each refusal names its rule and what is possible.
    Refused(Vec<Refusal>),
    Quote(Box<Quote>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub mode: Mode,
    /// The household's tax position as typed (the summary words a loss by it).
    pub tax: TaxDue,
    pub errors: Vec<(Field, Text)>,
    pub outcome: Outcome,
    /// The amount typed in `Mode::Give` when it parses, even if the law refuses it
    /// (the payment methods offered depend on it).
    pub typed: Option<Cents>,
}

impl Assessment {
    pub fn error(&self, field: Field) -> Option<&Text> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, t)| t)
    }

    /// The gift the outcome is about (typed, or found by the reverse computation).
    pub fn gift(&self) -> Option<Cents> {
        match &self.outcome {
            Outcome::Quote(q) => Some(q.gift),
            _ => None,
        }
    }

    /// `empty`, `refused` or `quote`: for styling and tests.
    pub fn kind(&self) -> &'static str {
        match self.outcome {
            Outcome::Empty => "empty",
            Outcome::Refused(_) => "refused",
            Outcome::Quote(_) => "quote",
        }
    }
}

/// Parses an optional amount field: empty is `None`; malformed records its message.
fn optional(text: &str, field: Field, errors: &mut Vec<(Field, Text)>) -> Option<Cents> {
    if text.trim().is_empty() {
        return None;
    }
    match parse_amount(text) {
        Ok(cents) => Some(cents),
        Err(e) => {
            errors.push((field, e.message()));
            None
        }
    }
}

/// Assesses the inputs: parses every field, applies the limits, computes the real cost
/// (or, in `Mode::Cost`, the largest gift that costs at most the target).
pub fn assess(inputs: &Inputs) -> Assessment {
    let mut errors = Vec::new();
    let income = optional(&inputs.income, Field::Income, &mut errors);
    let tax_due = optional(&inputs.tax, Field::Tax, &mut errors);
    let other = optional(&inputs.other, Field::Other, &mut errors).unwrap_or(Cents::ZERO);
    let carried = optional(&inputs.carried, Field::Carried, &mut errors).unwrap_or(Cents::ZERO);
    let elsewhere = optional(&inputs.given_elsewhere, Field::GivenElsewhere, &mut errors).unwrap_or(Cents::ZERO);
    let household = Household {
        income,
        tax: match (inputs.not_taxable, tax_due) {
            (true, _) => TaxDue::NotTaxable,
            (false, Some(t)) => TaxDue::Due(t),
            (false, None) => TaxDue::Unknown,
        },
        other_gifts: other,
        carried,
    };
    let typed = match inputs.mode {
        Mode::Give => optional(&inputs.amount, Field::Amount, &mut errors),
        Mode::Cost => None,
    };
    let outcome = match inputs.mode {
        Mode::Give => match typed {
            None => Outcome::Empty,
            Some(gift) => match limits::check_gift(gift, inputs.method, elsewhere) {
                Err(refusals) => Outcome::Refused(refusals),
                Ok(()) => Outcome::Quote(Box::new(tax::quote(gift, &household, inputs.method))),
            },
        },
        Mode::Cost => match optional(&inputs.target, Field::Target, &mut errors) {
            None => Outcome::Empty,
            Some(net) => match tax::reverse(net, &household, inputs.method, elsewhere) {
                Err(refusal) => Outcome::Refused(vec![refusal]),
                Ok(q) => Outcome::Quote(Box::new(q)),
            },
        },
    };
    Assessment { mode: inputs.mode, tax: household.tax, errors, outcome, typed }
}

/// What the donor types back into the amount field for `gift` (`37`, `37,50`).
pub fn amount_text(gift: Cents) -> String {
    let (euros, cents) = (gift.get() / 100, gift.get() % 100);
    if cents == 0 { euros.to_string() } else { format!("{euros},{cents:02}") }
}

/// The announced result: one headline and its supporting sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub headline: Text,
    pub details: Vec<Text>,
}

/// The headline and details of a quote. The tax office's rounded figure leads; the
/// exact 66 % figure follows where it differs (LAW.md §1: show both).
pub fn summary(q: &Quote, mode: Mode, tax: TaxDue) -> Summary {
    let (g, n) = (q.gift, q.net_cost);
    let headline = match mode {
        Mode::Give => Text::new(
            format!("Votre don de {} vous coûtera réellement {}.", g.format(Lang::Fr), n.format(Lang::Fr)),
            format!("Your gift of {} will really cost you {}.", g.format(Lang::En), n.format(Lang::En)),
        ),
        Mode::Cost => Text::new(
            format!("Donnez {} : ce don vous coûtera réellement {}.", g.format(Lang::Fr), n.format(Lang::Fr)),
            format!("Give {}: it will really cost you {}.", g.format(Lang::En), n.format(Lang::En)),
        ),
    };
    let mut details = Vec::new();
    if q.imputed.get() > 0 {
        details.push(Text::new(
            format!("Économie d’impôt sur le revenu cette année : {} (la réduction est arrondie à l’euro par l’administration fiscale).", q.imputed.format(Lang::Fr)),
            format!("Income tax saved this year: {} (the tax office rounds the reduction to the euro).", q.imputed.format(Lang::En)),
        ));
        if let Some(exact_net) = q.net_cost_exact.filter(|&x| x != q.net_cost) {
            let rate = rules::REDUCTION_RATE.0;
            details.push(Text::new(
                format!("Exactement {rate} % : {} de réduction, soit un coût de {} avant l’arrondi.", q.reduction_exact.format(Lang::Fr), exact_net.format(Lang::Fr)),
                format!("Exactly {rate}%: a {} reduction, a cost of {} before rounding.", q.reduction_exact.format(Lang::En), exact_net.format(Lang::En)),
            ));
        }
    }
    let lost = q.lost();
    if lost.get() > 0 && q.method.qualifies() && tax == TaxDue::NotTaxable {
        details.push(Text::new(
            "Foyer non imposable : ce don ne donne lieu à aucune réduction cette année (une réduction n’est pas un crédit d’impôt).",
            "Household not taxable: this gift brings no reduction this year (a reduction is not a tax credit).",
        ));
    } else if lost.get() > 0 && q.method.qualifies() {
        details.push(Text::new(
            format!("Votre impôt dû limite l’économie : {} de réduction sont perdus (une réduction n’est pas un crédit d’impôt ; seul l’excédent au-delà du plafond de revenu est reporté).", lost.format(Lang::Fr)),
            format!("Your tax due limits the saving: {} of reduction is lost (a reduction is not a tax credit; only the excess over the income ceiling carries over).", lost.format(Lang::En)),
        ));
    }
    if q.carried_over.get() > 0 {
        let (ceiling, years) = (rules::INCOME_CEILING.0, rules::CARRY_OVER_YEARS);
        details.push(Text::new(
            format!("Au-delà du plafond de {ceiling} % de votre revenu imposable, {} sont reportés sur les {years} années suivantes : jusqu’à {} de réduction plus tard.", q.carried_over.format(Lang::Fr), q.future_saving.format(Lang::Fr)),
            format!("Above the ceiling of {ceiling}% of your taxable income, {} is carried over to the next {years} years: up to {} of reduction later.", q.carried_over.format(Lang::En), q.future_saving.format(Lang::En)),
        ));
    }
    Summary { headline, details }
}

/// What the result area says before an amount is typed.
pub fn invitation() -> Text {
    Text::new(
        "Choisissez ou tapez un montant : son coût réel après réduction d’impôt s’affiche ici.",
        "Choose or type an amount: its real cost after the tax reduction shows here.",
    )
}

/// The payment methods this account offers, in the order shown.
pub fn offered_methods(account: &Account) -> Vec<Method> {
    let p = &account.payment;
    let mut methods = Vec::new();
    if p.transfer.is_some() {
        methods.push(Method::Transfer);
    }
    if p.card.is_some() {
        methods.push(Method::Card);
    }
    if p.cheque.is_some() {
        methods.push(Method::Cheque);
    }
    if p.cash_at_events {
        methods.push(Method::Cash);
    }
    methods
}

/// The method preselected: the first offered (never cash, which gives no reduction,
/// unless it is the only one).
pub fn default_method(account: &Account) -> Method {
    offered_methods(account).first().copied().unwrap_or(Method::Transfer)
}

/// The method's name as a choice label: the law's name, capitalised (« Virement »).
pub fn method_name(m: Method) -> Text {
    let label = m.label();
    Text::new(capitalised(&label.fr), capitalised(&label.en))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The methods offered for the amount typed: those the account provides and the law
/// allows for that amount (no cash above the cap), all provided ones before an amount.
/// The donor's current choice stays listed even when the amount rules it out, so that
/// it stays visibly selected while the result says why it is refused.
pub fn methods_for(account: &Account, typed: Option<Cents>, chosen: Method) -> Vec<Method> {
    let allowed = typed.map(limits::allowed_methods);
    offered_methods(account)
        .into_iter()
        .filter(|m| *m == chosen || allowed.as_ref().is_none_or(|a| a.contains(m)))
        .collect()
}

/// The collection window on `today` (L52-4, L52-12).
/// Gifts go only through the mandataire (L52-4, L52-6): before the designation (or the
/// association's declaration) the account cannot collect, even once the legal window
/// has opened.
pub fn collection_state(account: &Account, today: Date) -> CollectionState {
    let designated = account.mandataire.designated_on;
    match calendar::state_on(&election(account), today) {
        CollectionState::Open { .. } | CollectionState::AfterPolling { .. } if today < designated => CollectionState::NotYetOpen { opens: designated },
        CollectionState::NotYetOpen { opens } => CollectionState::NotYetOpen { opens: opens.max(designated) },
        state => state,
    }
}

/// The law's view of the configured election.
pub fn election(account: &Account) -> calendar::Election {
    let e = &account.election;
    calendar::Election { first_round: e.first_round, second_round: e.second_round, trigger: e.trigger_date }
}

/// The election's kind, as people say it.
pub fn election_kind_name(kind: ElectionKind) -> Text {
    match kind {
        ElectionKind::Legislative => Text::new("élections législatives", "legislative elections"),
        ElectionKind::ByElection => Text::new("élection législative partielle", "by-election"),
        ElectionKind::Municipal => Text::new("élections municipales", "municipal elections"),
        ElectionKind::Departmental => Text::new("élections départementales", "departmental elections"),
        ElectionKind::Regional => Text::new("élections régionales", "regional elections"),
        ElectionKind::European => Text::new("élections européennes", "European elections"),
        ElectionKind::Presidential => Text::new("élection présidentielle", "presidential election"),
        ElectionKind::Territorial => Text::new("élections territoriales", "territorial elections"),
    }
}

/// Whether payment details may be offered: only while gifts can be collected.
pub fn accepts_gifts(state: &CollectionState) -> bool {
    matches!(state, CollectionState::Open { .. } | CollectionState::AfterPolling { .. })
}

/// A stable name of the window's state, for styling and tests.
pub fn window_slug(state: &CollectionState) -> &'static str {
    match state {
        CollectionState::NotYetOpen { .. } => "not-open",
        CollectionState::Open { .. } => "open",
        CollectionState::AfterPolling { .. } => "after-polling",
        CollectionState::Closed { .. } => "closed",
    }
}

/// What replaces the payment details outside the collection window.
pub fn payment_notice(state: &CollectionState) -> Text {
    match state {
        CollectionState::NotYetOpen { opens } => Text::new(
            format!("Les moyens de paiement seront affichés à l’ouverture de la collecte, le {}. Aucun don ne peut être reçu avant.", opens.format(Lang::Fr)),
            format!("Payment details will be shown when collection opens on {}. No gift can be received before.", opens.format(Lang::En)),
        ),
        _ => Text::new(
            "La collecte de dons pour cette campagne est close : aucun don ne peut plus être reçu.",
            "Collection for this campaign is closed: no gift can be received any more.",
        ),
    }
}

/// The title of an account's widget: who the money is for.
pub fn title(account: &Account) -> Text {
    let name = &account.candidate.name;
    Text::new(format!("Soutenir la campagne de {name}"), format!("Support {name}’s campaign"))
}

/// The circo and the election, one line.
pub fn subtitle(account: &Account) -> Text {
    let c = &account.circo;
    let year = account.election.first_round.year();
    let kind = election_kind_name(account.election.kind);
    Text::new(format!("{} · {} {year}", c.name, kind.fr), format!("{} · {} {year}", c.name, kind.en))
}

/// The goal as the widget shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalView {
    /// "1 240 € collectés sur 3 000 € (au 1er mai 2027)".
    pub progress: Text,
    /// 0 to 100, for the bar.
    pub percent: u8,
    /// The plan in one line, while there are days left before the first round.
    pub plan: Option<Text>,
}

/// The configured goal, with the plan to reach it by the first round.
pub fn goal(account: &Account, today: Date) -> Option<GoalView> {
    let g = account.goal.as_ref()?;
    let percent = if g.target.get() > 0 { (g.raised.get().saturating_mul(100) / g.target.get()).clamp(0, 100) as u8 } else { 100 };
    let progress = |lang: Lang| {
        let (raised, target) = (g.raised.format(lang), g.target.format(lang));
        match (lang, g.as_of) {
            (Lang::Fr, Some(d)) => format!("{raised} collectés sur un objectif de {target} (au {})", d.format(lang)),
            (Lang::Fr, None) => format!("{raised} collectés sur un objectif de {target}"),
            (Lang::En, Some(d)) => format!("{raised} raised of a {target} goal (as of {})", d.format(lang)),
            (Lang::En, None) => format!("{raised} raised of a {target} goal"),
        }
    };
    let progress = Text::new(progress(Lang::Fr), progress(Lang::En));
    let first_round = account.election.first_round;
    let days_left = today.days_until(first_round);
    let plan = g
        .average_gift
        .filter(|_| days_left > 0 && g.raised < g.target)
        .map(|average| plan::plan(g.target, g.raised, average, days_left).sentence(Some(first_round)));
    Some(GoalView { progress, percent, plan })
}

/// The transfer QR code (EPC069-12) as SVG, with the amount when one is chosen, or why
/// it cannot be drawn (the IBAN stays in text next to it either way).
pub fn transfer_qr(account: &Account, gift: Option<Cents>) -> Result<String, Text> {
    let t = account.payment.transfer.as_ref().ok_or_else(|| Text::new("Pas de virement configuré.", "No transfer configured."))?;
    let order = payment::TransferOrder {
        bic: t.bic.as_deref(),
        name: &t.holder,
        iban: &t.iban,
        amount: gift.filter(|g| g.get() > 0),
        remittance: t.reference.as_deref(),
    };
    payment::transfer_qr_svg(&order).map_err(|e| e.message())
}

pub fn qr_caption(gift: Option<Cents>) -> Text {
    match gift {
        Some(g) => Text::new(
            format!("Scannez ce code avec l’application de votre banque : le virement de {} est pré-rempli. Vérifiez le bénéficiaire et l’IBAN avant de valider.", g.format(Lang::Fr)),
            format!("Scan this code with your banking app: the {} transfer is pre-filled. Check the beneficiary and IBAN before confirming.", g.format(Lang::En)),
        ),
        None => Text::new(
            "Scannez ce code avec l’application de votre banque : bénéficiaire, IBAN et libellé sont pré-remplis ; indiquez le montant.",
            "Scan this code with your banking app: beneficiary, IBAN and reference are pre-filled; enter the amount.",
        ),
    }
}

/// Who runs the card payment page, and that the donor leaves for it.
pub fn card_notice(card: &Card) -> Text {
    let host = crate::config::validate::url_host(&card.url).unwrap_or(&card.url);
    Text::new(
        format!("Le paiement par carte se fait sur une page de {} ({host}), ouverte dans un nouvel onglet ; ce widget ne voit ni ne transmet aucune donnée bancaire.", card.operator),
        format!("Card payment happens on a page run by {} ({host}), opened in a new tab; this widget neither sees nor passes on any card data.", card.operator),
    )
}

pub fn card_link(card: &Card) -> Text {
    Text::new(
        format!("Payer par carte sur la page de {} (nouvel onglet)", card.operator),
        format!("Pay by card on {}’s page (new tab)", card.operator),
    )
}

pub fn cash_notice() -> Text {
    let max = rules::CASH_PER_GIFT;
    Text::new(
        format!("Uniquement lors des rencontres et réunions de la campagne : {} au plus par don, sans réduction d’impôt.", max.format(Lang::Fr)),
        format!("Only at campaign events and meetings: at most {} per gift, with no tax reduction.", max.format(Lang::En)),
    )
}

/// Who may give, and how much (L52-8), with figures from the rules table.
pub fn eligibility() -> Vec<Text> {
    let cap = rules::DONOR_CAP;
    let cash = rules::CASH_PER_GIFT;
    vec![
        Text::new(
            "Les dons viennent de personnes physiques, sur leurs fonds personnels. Les personnes morales (entreprises, associations, syndicats…) ne peuvent pas donner, à l’exception des partis politiques.",
            "Gifts come from natural persons, from their own funds. Legal persons (companies, associations, unions…) may not give, except political parties.",
        ),
        Text::new(
            "Il faut être de nationalité française ou résider en France.",
            "You must be a French national or live in France.",
        ),
        Text::new(
            format!("{} au plus par personne pour cette élection, tous candidats confondus (par personne, pas par foyer).", cap.format(Lang::Fr)),
            format!("At most {} per person for this election, all candidates together (per person, not per household).", cap.format(Lang::En)),
        ),
        Text::new(
            format!("Au-delà de {} : chèque, virement, prélèvement ou carte bancaire uniquement. Les espèces ne donnent droit à aucune réduction d’impôt.", cash.format(Lang::Fr)),
            format!("Above {}: cheque, transfer, direct debit or bank card only. Cash gives no tax reduction.", cash.format(Lang::En)),
        ),
    ]
}

/// The L52-9 mentions about this account: who receives the gifts and through whom.
pub fn mentions(account: &Account) -> Vec<Text> {
    let m = &account.mandataire;
    let candidate = &account.candidate.name;
    let on = m.designated_on;
    let (fr, en) = match m.kind {
        MandataireKind::Person => (
            format!("Les dons sont reçus par {}, mandataire financier de {candidate}, désigné(e) le {}.", m.name, on.format(Lang::Fr)),
            format!("Gifts are received by {}, financial agent (mandataire financier) of {candidate}, appointed on {}.", m.name, on.format(Lang::En)),
        ),
        MandataireKind::Association => (
            format!("Les dons sont reçus par l’association de financement électoral « {} », déclarée le {}.", m.name, on.format(Lang::Fr)),
            format!("Gifts are received by the election-financing association “{}”, declared on {}.", m.name, on.format(Lang::En)),
        ),
    };
    vec![
        Text::new(fr, en),
        Text::new(
            format!("{candidate} ne peut recevoir de dons pour sa campagne que par l’intermédiaire de ce mandataire, sur le compte « {} ».", m.account_title),
            format!("{candidate} may receive gifts for the campaign only through this agent, on the account “{}”.", m.account_title),
        ),
    ]
}

/// How to reach the collective, when the configuration says.
pub fn contact(account: &Account) -> Option<Text> {
    let c = account.contact.as_ref()?;
    let how: Vec<&str> = [c.email.as_deref(), c.url.as_deref()].into_iter().flatten().collect();
    (!how.is_empty()).then(|| {
        let how = how.join(" · ");
        Text::new(format!("Une question ? Contactez le collectif : {how}"), format!("A question? Contact the collective: {how}"))
    })
}

/// What the donor typed into the printable form. Never leaves the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub surname: String,
    pub given_names: String,
    pub nationality: String,
    pub address: String,
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The printable donation form as a whole HTML document (printed from a `srcdoc`
/// frame): the R39-1 fields pre-filled with what the donor typed (blank lines where
/// not), the sworn statement, the payee and where to send it. Every value is escaped.
pub fn bulletin_html(account: &Account, who: &Identity, gift: Option<Cents>, method: Method, today: Date, lang: Lang) -> String {
    let t = |fr: &'static str, en: &'static str| if lang == Lang::Fr { fr } else { en };
    let blank = "<span class=\"blank\"></span>";
    // A field holding text that can lie (the form shows why) prints blank, to be written by hand.
    let value = |s: &str| if s.trim().is_empty() || crate::text_safety::first_hidden(s).is_some() { blank.to_owned() } else { esc(s.trim()) };
    let amount = gift.map(|g| esc(&g.format(lang))).unwrap_or_else(|| blank.to_owned());
    let m = &account.mandataire;
    let mut rows = String::new();
    for (label, v) in [
        (t("Nom", "Surname"), value(&who.surname)),
        (t("Prénoms", "First names"), value(&who.given_names)),
        (t("Nationalité", "Nationality"), value(&who.nationality)),
        (t("Adresse du domicile fiscal", "Tax address"), value(&who.address)),
        (t("Montant du don", "Donation amount"), amount),
        (t("Moyen de paiement", "Payment method"), esc(method_name(method).get(lang))),
        (t("Date", "Date"), esc(&today.format(lang))),
    ] {
        rows.push_str(&format!("<tr><th>{label}</th><td>{v}</td></tr>"));
    }
    let statement = esc(crate::law::texts::SWORN_STATEMENT.text().get(lang));
    let send_to = match &account.payment.cheque {
        Some(c) => format!("<p>{} <strong>{}</strong><br>{}</p>", t("À envoyer, avec votre chèque à l’ordre de", "Send with your cheque payable to"), esc(&c.payee), c.address.iter().map(|l| esc(l)).collect::<Vec<_>>().join("<br>")),
        None => format!("<p>{} <strong>{}</strong>.</p>", t("À remettre au mandataire :", "Give to the mandataire:"), esc(&m.name)),
    };
    format!(
        "<!doctype html><html lang=\"{lang_tag}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>\
body{{font:12pt/1.45 Georgia,serif;margin:1.5cm;color:#000}}h1{{font-size:16pt;margin:0 0 .3cm}}\
table{{border-collapse:collapse;width:100%;margin:.4cm 0}}th{{text-align:left;width:38%;padding:.2cm .3cm .2cm 0;font-weight:normal}}\
td{{border-bottom:1px solid #000;padding:.2cm 0}}.blank{{display:inline-block;min-width:8cm}}.sign{{margin-top:1cm}}small{{font-size:9pt}}\
</style></head><body><h1>{title}</h1><p>{for_line}</p><table>{rows}</table><p><strong>{declare}</strong></p><p>{statement}</p>\
<p class=\"sign\">{signature}</p>{send_to}<p><small>{receipt}</small></p></body></html>",
        lang_tag = lang.tag(),
        title = t("Bulletin de don", "Donation form"),
        for_line = esc(&format!("{} {} — {} « {} »", t("Pour la campagne de", "For the campaign of"), account.candidate.name, t("compte", "account"), m.account_title)),
        declare = t("Je soussigné(e) déclare sur l’honneur :", "I, the undersigned, solemnly declare:"),
        signature = t("Signature :", "Signature:"),
        receipt = t(
            "Le mandataire vous délivrera un reçu numéroté (formulaire de la CNCCFP), à conserver pour votre déclaration de revenus. Ces informations ne servent qu’à l’établir.",
            "The mandataire will issue a numbered receipt (CNCCFP form), to keep for your tax return. This information serves only to issue it.",
        ),
    )
}

/// Where the statutory texts come from and what remains to check (LAW.md §5).
pub fn texts_version_note() -> Text {
    let version = crate::law::texts::STATUTORY_TEXTS[0].version;
    let on = |lang| Date::parse_iso(version).map(|d| d.format(lang)).unwrap_or_else(|| version.to_owned());
    Text::new(
        format!("Textes tels qu’en vigueur au {}, reproduits d’après des sources publiques ; la ponctuation exacte reste à vérifier sur Légifrance.", on(Lang::Fr)),
        format!("Texts as in force on {}, reproduced from public sources; exact punctuation still to be checked on Légifrance.", on(Lang::En)),
    )
}

/// The hint under "already given to other candidates": the cap counts them all.
pub fn cap_hint() -> Text {
    let cap = rules::DONOR_CAP;
    Text::new(
        format!("Le plafond de {} vaut pour tous les candidats réunis.", cap.format(Lang::Fr)),
        format!("The {} cap counts all candidates together.", cap.format(Lang::En)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::model::Mandataire;

    fn account() -> Account {
        let loaded = crate::config::load(include_str!("../demo/circo-exemple.json"));
        loaded.account().expect("the demo account is valid").clone()
    }

    fn eur(n: i64) -> Cents {
        Cents::from_euros(n)
    }

    fn give(amount: &str, income: &str, tax: &str) -> Inputs {
        Inputs { amount: amount.into(), income: income.into(), tax: tax.into(), ..Inputs::default() }
    }

    fn quote_of(a: &Assessment) -> &Quote {
        match &a.outcome {
            Outcome::Quote(q) => q,
            other => panic!("expected a quote, got {other:?}"),
        }
    }

    fn all_text(s: &Summary, lang: Lang) -> String {
        std::iter::once(&s.headline).chain(&s.details).map(|t| t.get(lang)).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn vector_1_headline_gives_the_rounded_cost_and_the_exact_one() {
        let a = assess(&give("37", "30 000", "2000"));
        let q = quote_of(&a);
        let s = summary(q, Mode::Give, a.tax);
        assert!(s.headline.fr.contains(&eur(13).format(Lang::Fr)), "{}", s.headline.fr);
        assert!(s.headline.en.contains(&eur(13).format(Lang::En)), "{}", s.headline.en);
        let fr = all_text(&s, Lang::Fr);
        assert!(fr.contains(&Cents::new(1258).format(Lang::Fr)), "{fr}");
        assert!(fr.contains(&Cents::new(2442).format(Lang::Fr)), "{fr}");
        assert!(all_text(&s, Lang::En).contains("66%"));
    }

    #[test]
    fn vector_7_says_the_part_above_the_tax_due_is_lost() {
        let a = assess(&give("500", "25000", "200"));
        let q = quote_of(&a);
        assert_eq!((q.imputed, q.net_cost), (eur(200), eur(300)));
        let s = summary(q, Mode::Give, a.tax);
        assert!(all_text(&s, Lang::Fr).contains(&format!("{} de réduction sont perdus", eur(130).format(Lang::Fr))));
        assert!(all_text(&s, Lang::En).contains(&format!("{} of reduction is lost", eur(130).format(Lang::En))));
        // Vector 1 loses nothing and says nothing of the kind.
        let a1 = assess(&give("37", "30000", "2000"));
        let s1 = summary(quote_of(&a1), Mode::Give, a1.tax);
        assert!(!all_text(&s1, Lang::Fr).contains("perdus"));
    }

    #[test]
    fn vector_8_explains_the_carry_over() {
        let a = assess(&give("4600", "15000", "400"));
        let q = quote_of(&a);
        assert_eq!((q.net_cost, q.carried_over), (eur(4200), eur(1600)));
        let fr = all_text(&summary(q, Mode::Give, a.tax), Lang::Fr);
        assert!(fr.contains(&eur(1600).format(Lang::Fr)) && fr.contains("5 années"), "{fr}");
    }

    #[test]
    fn a_household_that_pays_no_tax_pays_the_whole_gift() {
        let a = assess(&Inputs { amount: "100".into(), not_taxable: true, ..Inputs::default() });
        let q = quote_of(&a);
        assert_eq!((q.imputed, q.net_cost), (Cents::ZERO, eur(100)));
        let said = all_text(&summary(q, Mode::Give, a.tax), Lang::Fr);
        assert!(said.contains("Foyer non imposable") && !said.contains("impôt dû limite"), "{said}");
        // The checkbox wins over a tax figure typed before it was ticked.
        let a = assess(&Inputs { amount: "100".into(), tax: "5000".into(), not_taxable: true, ..Inputs::default() });
        assert_eq!(quote_of(&a).net_cost, eur(100));
    }

    #[test]
    fn limits_refuse_with_the_rule_and_malformed_fields_keep_their_message() {
        let cash = assess(&Inputs { amount: "151".into(), method: Method::Cash, ..Inputs::default() });
        assert_eq!(cash.kind(), "refused");
        assert_eq!(cash.typed, Some(eur(151)));
        assert_eq!(cash.gift(), None);
        let over = assess(&give("4 601", "", ""));
        assert_eq!(over.kind(), "refused");
        let elsewhere = assess(&Inputs { amount: "3000".into(), given_elsewhere: "2000".into(), ..Inputs::default() });
        match &elsewhere.outcome {
            Outcome::Refused(r) => assert!(r[0].message.fr.contains(&eur(2600).format(Lang::Fr)), "{}", r[0].message.fr),
            other => panic!("{other:?}"),
        }
        let typo = assess(&give("trente", "", ""));
        assert_eq!((typo.kind(), typo.typed), ("empty", None));
        assert!(typo.error(Field::Amount).is_some());
        // A malformed optional field is reported and the rest still computes.
        let income = assess(&give("37", "beaucoup", ""));
        assert!(income.error(Field::Income).is_some());
        assert_eq!(income.kind(), "quote");
    }

    #[test]
    fn reverse_finds_the_largest_gift_and_says_so() {
        let a = assess(&Inputs { mode: Mode::Cost, target: "20".into(), ..Inputs::default() });
        let q = quote_of(&a);
        assert_eq!(q.gift, eur(60));
        assert!(summary(q, Mode::Cost, a.tax).headline.fr.starts_with(&format!("Donnez {}", eur(60).format(Lang::Fr))));
        assert_eq!(a.typed, None, "the typed amount is the gift field's, not the target's");
    }

    #[test]
    fn amount_text_parses_back() {
        for cents in [1, 99, 100, 3700, 3750, 123_456, 460_000] {
            assert_eq!(parse_amount(&amount_text(Cents::new(cents))), Ok(Cents::new(cents)));
        }
    }

    #[test]
    fn methods_are_those_configured_and_allowed_for_the_amount() {
        let mut a = account();
        assert_eq!(offered_methods(&a), [Method::Transfer, Method::Card, Method::Cheque, Method::Cash]);
        let over = Some(rules::CASH_PER_GIFT + Cents::new(1));
        assert!(methods_for(&a, Some(rules::CASH_PER_GIFT), Method::Transfer).contains(&Method::Cash));
        assert!(!methods_for(&a, over, Method::Transfer).contains(&Method::Cash));
        // Chosen before the amount grew: still listed, so it stays visibly selected.
        assert!(methods_for(&a, over, Method::Cash).contains(&Method::Cash));
        a.payment.card = None;
        a.payment.cash_at_events = false;
        assert_eq!(methods_for(&a, None, Method::Transfer), [Method::Transfer, Method::Cheque]);
        assert_eq!(default_method(&a), Method::Transfer);
        assert_eq!(method_name(Method::Transfer), Text::new("Virement", "Transfer"));
    }

    #[test]
    fn no_collection_before_the_mandataire_is_designated() {
        let mut a = account();
        let designated = Date::parse_iso("2026-11-01").unwrap();
        a.mandataire.designated_on = designated;
        // The by-election's window opened on its trigger date (2026-10-05).
        let before = Date::parse_iso("2026-10-20").unwrap();
        assert_eq!(collection_state(&a, before), CollectionState::NotYetOpen { opens: designated });
        assert!(!accepts_gifts(&collection_state(&a, before)));
        assert!(accepts_gifts(&collection_state(&a, designated)));
        // Before the legal opening, the later of the two dates is announced.
        let early = Date::parse_iso("2026-09-01").unwrap();
        assert_eq!(collection_state(&a, early), CollectionState::NotYetOpen { opens: designated });
    }

    #[test]
    fn the_printed_form_escapes_every_value() {
        let hostile = "<script>alert('x')</script> & \"q\"";
        let mut a = account();
        a.candidate.name = hostile.into();
        a.mandataire = Mandataire { name: hostile.into(), account_title: hostile.into(), ..a.mandataire.clone() };
        if let Some(c) = a.payment.cheque.as_mut() {
            c.payee = hostile.into();
            c.address = vec![hostile.into(), "99100 Ville".into()];
        }
        let who = Identity { surname: hostile.into(), given_names: hostile.into(), nationality: hostile.into(), address: hostile.into() };
        let today = Date::parse_iso("2026-12-01").unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let html = bulletin_html(&a, &who, Some(eur(50)), Method::Cheque, today, lang);
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("'x'") && !html.contains("\"q\""));
            assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
            assert!(html.contains(&esc(&eur(50).format(lang))));
            assert!(html.contains(&esc(crate::law::texts::SWORN_STATEMENT.text().get(lang))));
        }
        // Blank fields print as lines to fill in by hand.
        let blank = bulletin_html(&account(), &Identity::default(), None, Method::Transfer, today, Lang::Fr);
        assert!(blank.matches("class=\"blank\"").count() >= 5);
    }

    #[test]
    fn mentions_name_who_receives_the_gifts() {
        let a = account();
        let m = mentions(&a);
        assert!(m[0].fr.contains(&a.mandataire.name) && m[0].fr.contains(&a.mandataire.designated_on.format(Lang::Fr)));
        assert!(m[1].fr.contains(&a.candidate.name) && m[1].fr.contains(&a.mandataire.account_title));
        let assoc = crate::config::load(include_str!("../demo/association.json"));
        let assoc = assoc.account().unwrap();
        assert!(mentions(assoc)[0].fr.contains("association de financement électoral"));
    }

    #[test]
    fn the_goal_shows_progress_and_a_plan_until_the_first_round() {
        let a = account();
        let g = a.goal.as_ref().unwrap();
        let before = a.election.first_round.add_days(-30).unwrap();
        let view = goal(&a, before).unwrap();
        assert_eq!(i64::from(view.percent), g.raised.get() * 100 / g.target.get());
        assert!(view.progress.fr.contains(&g.raised.format(Lang::Fr)) && view.progress.fr.contains(&g.target.format(Lang::Fr)));
        assert!(view.plan.is_some());
        assert_eq!(goal(&a, a.election.first_round).unwrap().plan, None);
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
}

//! Everything a person reads on the donor's page, for one language: a plain struct per
//! section, with its labels, sentences, figures and flags, built from the account, the
//! donor's inputs and today. The widget renders these structs and decides nothing; the
//! same structs serve any other renderer (a prerendered snippet, tests).

use crate::config::model::ValidAccount as Account;
use crate::config::{Match, Problem, Registry};
use crate::config::communes::Added;
use crate::date::Date;
use crate::embed::LoadFailure;
use crate::i18n::Lang;
use crate::law::calendar::{self, CollectionState};
use crate::payment::Method;
use crate::law::{plan, rules, texts};
use crate::money::Cents;
use crate::payment;

use super::assessment::{self, assess, Assessment, Outcome};
use super::bulletin::{bulletin_html, BulletinGift, IdentityField};
use super::monthly::{self, MonthProblem, MonthlyAssessment, MonthlyOutcome};
use crate::law::monthly::{OrderProblem, StandingOrder};
use crate::payment::Reference;
use super::inputs::{Action, AmountField, Inputs, Mode};
use super::words::{self, Label};

/// Which input a text field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKey {
    Amount(AmountField),
    Identity(IdentityField),
    /// The standing order's first month.
    Month,
}

impl InputKey {
    /// What typing `value` into this input does.
    pub fn action(self, value: String) -> Action {
        match self {
            InputKey::Amount(field) => Action::Type(field, value),
            InputKey::Identity(field) => Action::TypeIdentity(field, value),
            InputKey::Month => Action::TypeMonth(value),
        }
    }
}

/// A labelled text field, with its hint and its error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextInput {
    pub key: InputKey,
    /// The element id (`cd-amount`).
    pub id: &'static str,
    pub label: String,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    /// `decimal` for amounts, `text` for names.
    pub inputmode: &'static str,
    pub autocomplete: &'static str,
}

/// A choice among several (a mode, a preset amount, a payment method).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    /// The element id, where the choice is a radio button.
    pub id: String,
    pub label: String,
    pub selected: bool,
}

/// The donor's page of one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountPage {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub window: Window,
    pub goal: Option<GoalView>,
    pub calculator: Calculator,
    pub household: HouseholdForm,
    pub how: How,
    pub eligibility: EligibilityView,
    pub payment: PaymentView,
    pub contact: Option<String>,
    pub mentions: MentionsView,
    /// What a copy button says after copying, or when it could not.
    pub copied: String,
    pub copy_failed: String,
}

/// The collection window: a stable state name (`open`) and its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub state: &'static str,
    pub text: String,
}

/// The collective's goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalView {
    /// "1 240 € collectés sur un objectif de 3 000 € (au 1er mai 2027)".
    pub progress: String,
    /// 0 to 100, for the bar.
    pub percent: u8,
    /// The plan in one line, while there are days left before the first round.
    pub plan: Option<String>,
}

/// "What does a gift really cost?": the mode, the amount, the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calculator {
    pub heading: String,
    pub modes_label: String,
    pub modes: Vec<Choice<Mode>>,
    /// Once (`false`) or every month (`true`).
    pub frequency_label: String,
    pub frequency: Vec<Choice<bool>>,
    /// Every month: the first month (empty: this month).
    pub first_month: Option<TextInput>,
    /// In `Mode::Give`: the suggested amounts and the gift field.
    pub amount: Option<AmountForm>,
    /// In `Mode::Cost`: what the gift should cost.
    pub target: Option<TextInput>,
    pub result: ResultView,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountForm {
    pub legend: String,
    pub presets_label: String,
    pub presets: Vec<Choice<Cents>>,
    pub gift: TextInput,
}

/// The announced result (a live region): `kind` is `empty`, `refused` or `quote`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultView {
    pub kind: &'static str,
    /// The emphasised lines: the real cost, or each refusal.
    pub figures: Vec<String>,
    pub details: Vec<String>,
    /// Under which conditions the figures hold.
    pub conditions: Vec<String>,
    /// In `Mode::Cost`, the gift found and the button that gives it.
    pub give_this: Option<(String, Cents)>,
}

/// The optional tax-household details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdForm {
    pub summary: String,
    pub privacy: String,
    pub fields: Vec<TextInput>,
    pub not_taxable_label: String,
    pub not_taxable: bool,
}

/// "How is this computed?": each step with its source, then the open questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct How {
    pub summary: String,
    /// (the step, its source).
    pub steps: Vec<(String, String)>,
    /// Said instead of the steps before an amount is typed.
    pub empty: Option<String>,
    pub open_heading: String,
    pub open_questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibilityView {
    pub heading: String,
    pub items: Vec<String>,
    pub given_elsewhere: TextInput,
}

/// "How to give": the methods and their details while collecting, else why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentView {
    pub heading: String,
    pub body: PaymentBody,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentBody {
    /// Outside the collection window: no payment details.
    Closed(String),
    Open(Box<OpenPayment>),
}

/// While collecting: the methods, the chosen one's details, the printable form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenPayment {
    /// No methods configured: nothing to choose.
    pub methods: Option<MethodChoice>,
    /// The chosen method's details, when the amount allows it.
    pub detail: Option<MethodDetail>,
    /// « Référence de votre don : DON-XXXXXX » and where to write it, when drawn.
    pub reference: Option<(String, String)>,
    pub form: BulletinForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodChoice {
    pub legend: String,
    pub options: Vec<Choice<Method>>,
}

/// How to pay by the chosen method, with the account's own details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodDetail {
    Cheque { heading: String, payee_label: String, payee: String, address_label: String, address: Vec<String>, note: String },
    Transfer(Box<TransferDetail>),
    Card { heading: String, notice: String, link: String, url: String },
    Cash { heading: String, notice: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferDetail {
    pub heading: String,
    pub holder_label: String,
    /// The holder exactly as configured: the same string the QR code carries.
    pub holder: String,
    /// Grouped by four for reading; `iban` is what the copy button copies.
    pub iban_grouped: String,
    pub iban: String,
    pub copy_iban: String,
    pub bic: Option<(String, String)>,
    /// (label, reference, copy button): the account's own reference, then the gift's.
    pub reference: Option<(String, String, String)>,
    pub note: String,
    /// Every month: how to set the standing order up in one's bank.
    pub standing: Option<StandingView>,
    /// The QR code, or why it cannot be drawn.
    pub qr: Result<QrView, String>,
}

/// The standing order's details, every figure copyable: (label, value shown, what the
/// copy button copies), and each row's copy button's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandingView {
    pub heading: String,
    pub rows: Vec<(String, String, String)>,
    pub copies: Vec<String>,
    /// Where the card page takes monthly gifts: (link, url).
    pub card: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrView {
    /// An SVG document built by the core from the EPC payload (no markup from outside).
    pub svg: String,
    pub label: String,
    pub caption: String,
}

/// The printable form and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulletinForm {
    pub summary: String,
    pub intro: String,
    pub fields: Vec<TextInput>,
    pub print: String,
    /// The whole HTML document to print.
    pub document: String,
}

/// The L52-9 mentions and the statutory texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionsView {
    pub heading: String,
    pub lines: Vec<String>,
    pub texts: Vec<StatuteView>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatuteView {
    pub citation: String,
    /// The French text's paragraphs, the only version with legal value.
    pub fr: Vec<String>,
    /// In English: the courtesy translation's paragraphs, marked as unofficial; empty in
    /// French.
    pub translation: Vec<String>,
}

fn amount_input(field: AmountField, label: Label, hint: Option<String>, inputs: &Inputs, a: &Assessment, lang: Lang) -> TextInput {
    TextInput {
        key: InputKey::Amount(field),
        id: field.id(),
        label: label.get(lang),
        value: inputs.get(field).to_owned(),
        hint,
        error: a.error(field).map(|e| e.message_in(lang)),
        inputmode: "decimal",
        autocomplete: "off",
    }
}

/// The donor's page of `account` for `inputs` on `today`, in `lang`.
pub fn account_page(account: &Account, inputs: &Inputs, today: Date, lang: Lang) -> AccountPage {
    let t = |label: Label| label.get(lang);
    let a = assess(inputs);
    let m = inputs.monthly().then(|| monthly::assess_monthly(account, inputs, &a, today));
    let monthly_label = |once: Label, every: Label| if m.is_some() { every } else { once };
    let window = calendar::state_for(&account.election.dates(), account.mandataire.designated_on, today);
    let modes = [(Mode::Give, Label::ModeGive), (Mode::Cost, Label::ModeCost)]
        .into_iter()
        .map(|(mode, label)| Choice { value: mode, id: String::new(), label: t(label), selected: inputs.mode() == mode })
        .collect();
    let amount = (inputs.mode() == Mode::Give).then(|| AmountForm {
        legend: t(Label::AmountLegend),
        presets_label: t(Label::PresetsGroup),
        presets: account
            .presets
            .iter()
            .map(|&p| Choice { value: p, id: format!("cd-preset-{}", p.get()), label: p.format(lang), selected: a.typed == Some(p) })
            .collect(),
        gift: amount_input(AmountField::Gift, monthly_label(Label::GiftField, Label::MonthlyGiftField), Some(Label::GiftHint.get(lang)), inputs, &a, lang),
    });
    let target = (inputs.mode() == Mode::Cost).then(|| amount_input(AmountField::Target, monthly_label(Label::TargetField, Label::MonthlyTargetField), Some(Label::TargetHint.get(lang)), inputs, &a, lang));
    AccountPage {
        lang,
        title: words::title_in(account, lang),
        subtitle: words::subtitle_in(account, lang),
        window: Window { state: window.slug(), text: words::window_in(&window, lang) },
        goal: goal(account, today, lang),
        calculator: Calculator {
            heading: t(Label::CostHeading),
            modes_label: t(Label::ModeGroup),
            modes,
            frequency_label: t(Label::FrequencyGroup),
            frequency: [(false, Label::Once), (true, Label::EveryMonth)]
                .into_iter()
                .map(|(every, label)| Choice { value: every, id: String::new(), label: t(label), selected: inputs.monthly() == every })
                .collect(),
            first_month: m.as_ref().map(|m| TextInput {
                key: InputKey::Month,
                id: "cd-first-month",
                label: t(Label::FirstMonthField),
                value: inputs.first_month().to_owned(),
                hint: Some(words::month_hint_in(today, lang)),
                error: m.first.err().map(|e| t(if e == MonthProblem::Past { Label::MonthPast } else { Label::MonthMalformed })),
                inputmode: "numeric",
                autocomplete: "off",
            }),
            amount,
            target,
            result: match &m {
                Some(m) => monthly_result(m, &a, lang),
                None => result(&a, lang),
            },
        },
        household: HouseholdForm {
            summary: t(Label::HouseholdSummary),
            privacy: t(Label::HouseholdPrivacy),
            fields: vec![
                amount_input(AmountField::Income, Label::IncomeField, Some(Label::IncomeHint.get(lang)), inputs, &a, lang),
                amount_input(AmountField::Tax, Label::TaxField, None, inputs, &a, lang),
                amount_input(AmountField::OtherGifts, Label::OtherGiftsField, None, inputs, &a, lang),
                amount_input(AmountField::Carried, Label::CarriedField, None, inputs, &a, lang),
            ],
            not_taxable_label: t(Label::NotTaxableBox),
            not_taxable: inputs.not_taxable(),
        },
        how: how(&a, m.as_ref(), lang),
        eligibility: EligibilityView {
            heading: t(Label::WhoMayGive),
            items: words::eligibility_in(lang),
            given_elsewhere: amount_input(AmountField::GivenElsewhere, Label::GivenElsewhereField, Some(words::cap_hint_in(lang)), inputs, &a, lang),
        },
        payment: PaymentView { heading: t(Label::HowToGive), body: payment_body(account, inputs, &a, m.as_ref(), &window, today, lang) },
        contact: words::contact_in(account, lang),
        mentions: mentions(account, lang),
        copied: t(Label::Copied),
        copy_failed: t(Label::CopyFailed),
    }
}

/// The configured goal, with the plan to reach it by the first round.
fn goal(account: &Account, today: Date, lang: Lang) -> Option<GoalView> {
    let g = account.goal.as_ref()?;
    let percent = plan::percent_raised(g.target, g.raised).min(100) as u8;
    let first_round = account.election.first_round;
    let days_left = today.days_until(first_round);
    let plan = g
        .average_gift
        .filter(|_| days_left > 0 && g.raised < g.target)
        .map(|average| words::plan_in(&plan::plan(g.target, g.raised, average, days_left), Some(first_round), lang));
    Some(GoalView { progress: words::goal_progress_in(g.raised, g.target, g.as_of, lang), percent, plan })
}

fn result(a: &Assessment, lang: Lang) -> ResultView {
    let mut view = ResultView { kind: a.kind(), figures: Vec::new(), details: Vec::new(), conditions: Vec::new(), give_this: None };
    match &a.outcome {
        Outcome::Empty => view.details.push(words::invitation_in(lang)),
        Outcome::Refused(refusals) => view.figures = refusals.iter().map(|r| r.message.get(lang).to_owned()).collect(),
        Outcome::Quote(q) => {
            let summary = words::summary_in(q, a.mode, a.tax, lang);
            view.figures.push(summary.headline);
            view.details = summary.details;
            view.conditions = q.conditions.iter().map(|c| words::condition_in(c, lang)).collect();
            if a.mode == Mode::Cost {
                view.give_this = Some((Label::GiveThis.get(lang), q.gift));
            }
        }
    }
    view
}

/// The result of a standing order: the headline, until when and why, each calendar
/// year, and that each year has its own ceiling; or the refusal, with the largest amount
/// a month that fits and its button.
fn monthly_result(m: &MonthlyAssessment, a: &Assessment, lang: Lang) -> ResultView {
    let mut view = ResultView { kind: "refused", figures: Vec::new(), details: Vec::new(), conditions: Vec::new(), give_this: None };
    match &m.outcome {
        MonthlyOutcome::Empty => {
            view.kind = "empty";
            view.details.push(words::invitation_in(lang));
        }
        MonthlyOutcome::NothingFits => view.figures.push(words::monthly_nothing_fits_in(lang)),
        MonthlyOutcome::Refused(problem) => {
            view.figures.push(words::monthly_refusal_in(problem, lang));
            if let OrderProblem::OverCap { largest_monthly, .. } = problem {
                view.give_this = (largest_monthly.get() > 0).then(|| (words::give_monthly_in(*largest_monthly, lang), *largest_monthly));
            }
        }
        MonthlyOutcome::Quote(q) => {
            view.kind = "quote";
            view.figures.push(words::monthly_headline_in(q, lang));
            view.details.push(words::monthly_end_in(q.order.first(), q.order.last(), m.deadline, lang));
            view.details.extend(q.years.iter().map(|y| words::monthly_year_in(y, lang)));
            view.details.push(Label::PerYear.get(lang));
            let mut conditions: Vec<String> = Vec::new();
            for c in q.years.iter().flat_map(|y| &y.quote.conditions) {
                let said = words::condition_in(c, lang);
                if !conditions.contains(&said) {
                    conditions.push(said);
                }
            }
            view.conditions = conditions;
            if a.mode == Mode::Cost {
                view.give_this = Some((words::give_monthly_in(q.order.monthly(), lang), q.order.monthly()));
            }
        }
    }
    view
}

fn how(a: &Assessment, m: Option<&MonthlyAssessment>, lang: Lang) -> How {
    let step = |s: &crate::law::tax::Step| (words::step_in(s, lang), words::rule_source_in(s.rule(), lang));
    let (steps, empty) = match (m.map(|m| &m.outcome), &a.outcome) {
        // Every month: each year's steps, under its year.
        (Some(MonthlyOutcome::Quote(q)), _) => (
            q.years.iter().flat_map(|y| y.quote.steps.iter().map(move |s| (y.year, s))).map(|(year, s)| {
                let (text, source) = step(s);
                ([&*year.to_string(), " — ", &text].concat(), source)
            }).collect(),
            None,
        ),
        (None, Outcome::Quote(q)) => (q.steps.iter().map(step).collect(), None),
        _ => (Vec::new(), Some(Label::HowEmpty.get(lang))),
    };
    How {
        summary: Label::HowSummary.get(lang),
        steps,
        empty,
        open_heading: Label::OpenQuestions.get(lang),
        open_questions: rules::OPEN_QUESTIONS.iter().map(|&(fr, en)| lang.pick(fr, en).to_owned()).collect(),
    }
}

fn payment_body(account: &Account, inputs: &Inputs, a: &Assessment, m: Option<&MonthlyAssessment>, window: &CollectionState, today: Date, lang: Lang) -> PaymentBody {
    if !window.accepts_gifts() {
        return PaymentBody::Closed(words::payment_notice_in(window, lang));
    }
    let t = |label: Label| label.get(lang);
    let mut offered = assessment::methods_for(account, a.typed, inputs.method());
    // Every month: a standing order, or the card page where it takes monthly gifts.
    let card_monthly = account.payment.card.as_ref().is_some_and(|c| c.monthly);
    if m.is_some() {
        offered.retain(|&x| x == Method::Transfer || (x == Method::Card && card_monthly));
    }
    let order = m.and_then(|m| match &m.outcome {
        MonthlyOutcome::Quote(q) => Some(q.order),
        _ => None,
    });
    let methods = (!offered.is_empty()).then(|| MethodChoice {
        legend: t(Label::MethodLegend),
        options: offered
            .iter()
            .map(|&m| Choice { value: m, id: format!("cd-method-{}", m.as_str()), label: words::method_name_in(m, lang).to_owned(), selected: inputs.method() == m })
            .collect(),
    });
    // Every month, the QR code and the bulletin carry the first payment.
    let gift = if m.is_some() { order.map(|o| o.monthly()) } else { a.gift() };
    let reference = inputs.reference();
    let detail = if offered.contains(&inputs.method()) { method_detail(account, inputs.method(), gift, reference, order.as_ref(), lang) } else { None };
    let form = BulletinForm {
        summary: t(Label::FormSummary),
        intro: t(Label::FormIntro),
        fields: IdentityField::ALL
            .iter()
            .map(|&f| TextInput {
                key: InputKey::Identity(f),
                id: f.id(),
                label: f.label().get(lang),
                value: inputs.identity().get(f).to_owned(),
                hint: None,
                // A character that draws nothing or reorders the text is named (and left
                // off the print).
                error: crate::text_safety::typed_error(inputs.identity().get(f)).map(|t| t.into_lang(lang)),
                inputmode: "text",
                autocomplete: f.autocomplete(),
            })
            .collect(),
        print: t(Label::PrintForm),
        document: bulletin_html(account, inputs.identity(), &BulletinGift { amount: gift, method: inputs.method(), order, reference }, today, lang),
    };
    let reference = reference.map(|r| (words::gift_reference_in(r, lang), t(Label::ReferenceWhere)));
    PaymentBody::Open(Box::new(OpenPayment { methods, detail, reference, form }))
}

fn method_detail(account: &Account, method: Method, gift: Option<Cents>, reference: Option<Reference>, order: Option<&StandingOrder>, lang: Lang) -> Option<MethodDetail> {
    let t = |label: Label| label.get(lang);
    let p = &account.payment;
    Some(match method {
        Method::Cheque => {
            let c = p.cheque.as_ref()?;
            MethodDetail::Cheque {
                heading: t(Label::ByCheque),
                payee_label: t(Label::PayableTo),
                payee: c.payee.clone(),
                address_label: t(Label::SendTo),
                address: c.address.clone(),
                note: t(Label::ChequeEnclose),
            }
        }
        Method::Transfer => {
            let tr = p.transfer.as_ref()?;
            // The account's own reference, then the gift's, within EPC's 140 characters.
            let remittance = payment::epc::remittance_with(tr.reference.as_deref(), reference);
            let transfer = payment::TransferOrder {
                bic: tr.bic.as_deref(),
                name: &tr.holder,
                iban: &tr.iban,
                amount: gift.filter(|g| g.get() > 0),
                remittance: remittance.as_deref(),
            };
            let qr = payment::transfer_qr_svg(&transfer)
                .map(|svg| QrView { svg, label: t(Label::TransferQr), caption: words::qr_caption_in(gift, lang) })
                .map_err(|e| e.message().into_lang(lang));
            MethodDetail::Transfer(Box::new(TransferDetail {
                heading: t(Label::ByTransfer),
                holder_label: t(Label::Holder),
                holder: tr.holder.clone(),
                iban_grouped: payment::group_iban(&tr.iban),
                iban: tr.iban.clone(),
                copy_iban: t(Label::CopyIban),
                bic: tr.bic.clone().map(|b| (t(Label::Bic), b)),
                reference: remittance.clone().map(|r| (t(Label::Reference), r, t(Label::CopyReference))),
                note: t(Label::TransferSendForm),
                standing: order.map(|o| standing(account, o, lang)),
                qr,
            }))
        }
        Method::Card => {
            let card = p.card.as_ref()?;
            MethodDetail::Card {
                heading: t(Label::ByCard),
                notice: words::card_notice_in(card, lang),
                link: words::card_link_in(card, lang),
                url: card.url.clone(),
            }
        }
        Method::Cash => MethodDetail::Cash { heading: t(Label::InCash), notice: words::cash_notice_in(lang) },
        Method::DirectDebit => return None,
    })
}

/// How to set the standing order up, to the account above: amount, day, first and last
/// payment; and the card page where it takes monthly gifts.
fn standing(account: &Account, order: &StandingOrder, lang: Lang) -> StandingView {
    let t = |label: Label| label.get(lang);
    // The beneficiary, the IBAN and the reason are the transfer's, just above: the
    // order adds its amount, its day and its dates.
    let mut rows = Vec::new();
    rows.push((t(Label::MonthlyGiftField), order.monthly().format(lang), super::inputs::amount_text(order.monthly())));
    let day = order.first().day();
    rows.push((t(Label::PaymentDay), words::payment_day_in(day, lang), day.to_string()));
    for (label, date) in [(Label::FirstPayment, order.first()), (Label::LastPayment, order.last())] {
        rows.push((t(label), date.format(lang), date.format(lang)));
    }
    let card = account.payment.card.as_ref().filter(|c| c.monthly).map(|c| (words::card_monthly_link_in(c, lang), c.url.clone()));
    let copies = [Label::CopyMonthly, Label::CopyDay, Label::CopyFirst, Label::CopyLast].map(t).to_vec();
    StandingView { heading: t(Label::StandingOrder), rows, copies, card }
}

fn mentions(account: &Account, lang: Lang) -> MentionsView {
    MentionsView {
        heading: texts::heading_in(lang).to_owned(),
        lines: words::mentions_in(account, lang),
        texts: texts::statutory_texts()
            .iter()
            .map(|s| StatuteView {
                citation: s.citation.to_owned(),
                fr: s.fr.iter().map(|p| (*p).to_owned()).collect(),
                translation: if lang == Lang::En { s.english() } else { Vec::new() },
            })
            .collect(),
        note: texts::version_note_in(lang),
    }
}

/// What the widget shows around a page: its heading while there is no account yet,
/// and the loading line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub heading: String,
    pub loading: String,
    pub language_label: String,
}

pub fn frame(lang: Lang) -> Frame {
    Frame {
        heading: Label::MakeADonation.get(lang),
        loading: Label::Loading.get(lang),
        language_label: Label::LanguageGroup.get(lang),
    }
}

/// A failure as the donor sees it, with the collective's details one click away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailureView {
    pub donor: String,
    pub details_label: String,
    pub details: Vec<String>,
    /// For a configuration with errors: where its explanation is.
    pub explained: Option<Explained>,
}

/// Where a collective reads what is wrong with its configuration: the donor's widget
/// names each check and field, the builder and `circo-don check` explain them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    /// « Voir le détail dans le préparateur », and its address: `builder.html` beside
    /// the widget's files with the configuration imported (when the widget knows both).
    pub link: Option<(String, String)>,
    /// How to see the same explanation without the link.
    pub elsewhere: String,
}

/// The configuration could not be loaded from `source`.
pub fn load_failure(failure: &LoadFailure, source: &str, lang: Lang) -> FailureView {
    FailureView {
        donor: failure.for_donor().into_lang(lang),
        details_label: Label::DetailsForCollective.get(lang),
        details: vec![failure.for_collective(source).into_lang(lang)],
        explained: None,
    }
}

/// The configuration from `source` has errors: no payment details; for the collective,
/// each problem's field and check id (`circo.json — payment.transfer.iban
/// [iban-checksum]`), and the builder's address with the file imported (`builder`,
/// from [`crate::url::import_fragment`]) where its problems are explained at their fields.
pub fn invalid(problems: &[Problem], source: &str, builder: Option<String>, lang: Lang) -> FailureView {
    FailureView {
        donor: words::invalid_configuration().into_lang(lang),
        details_label: Label::DetailsForCollective.get(lang),
        details: problems.iter().map(|p| words::problem_place_in(source, &p.path, p.rule.as_str(), lang)).collect(),
        explained: Some(Explained {
            link: builder.map(|href| (Label::SeeInBuilder.get(lang), href)),
            elsewhere: words::explained_elsewhere_in(lang),
        }),
    }
}

/// At most this many circos are listed ([`super::overview::keep_found`]); the donor
/// refines the search for more.
pub const MAX_CHOICES: usize = 30;

/// A movement's registry: the donor searches for a circo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChooserPage {
    pub title: String,
    pub subtitle: String,
    pub search_label: String,
    pub search_hint: String,
    /// How many circos match (a live region).
    pub status: String,
    /// (slug, label) of every circo found, in the search's order; the overview lists
    /// them in its own ([`super::overview::keep_found`]).
    pub choices: Vec<(String, String)>,
}

/// At most this many communes name a circo found by its communes (`Saint-Étienne,
/// Villars… — Loire, 1re circonscription`).
const MAX_COMMUNES_NAMED: usize = 3;

pub fn chooser_page(registry: &Registry, added: &Added, query: &str, lang: Lang) -> ChooserPage {
    let t = |label: Label| label.get(lang);
    let matches = registry.matches_with(query, added);
    let mut status = words::circos_found_in(matches.len(), lang);
    // A commune found in several circos (split between them): say how to tell which.
    let split = matches.iter().flat_map(|m| &m.communes).find_map(|c| {
        let circos = matches.iter().filter(|m| m.communes.iter().any(|o| o.insee == c.insee)).count();
        (circos > 1).then_some((c, circos))
    });
    if let Some((commune, circos)) = split {
        status = format!("{status} {}", words::commune_split_in(&commune.name, circos, lang));
    }
    let lists_communes = registry.entries.iter().any(|e| !e.communes.is_empty());
    let choice = |m: &Match<'_>| {
        let e = m.entry;
        let circo = format!("{} ({})", e.name, e.slug);
        let label = match m.communes.len() {
            0 => circo,
            n => {
                let names: Vec<&str> = m.communes.iter().take(MAX_COMMUNES_NAMED).map(|c| c.name.as_str()).collect();
                let more = if n > MAX_COMMUNES_NAMED { "…" } else { "" };
                format!("{}{more} — {circo}", names.join(", "))
            }
        };
        (e.slug.clone(), label)
    };
    ChooserPage {
        title: registry.name.clone().unwrap_or_else(|| t(Label::MakeADonation)),
        subtitle: t(Label::ChooseCirco),
        search_label: t(Label::FindCirco),
        search_hint: t(if lists_communes { Label::FindCircoHintCommunes } else { Label::FindCircoHint }),
        status,
        choices: matches.iter().map(choice).collect(),
    }
}

/// What surrounds a chosen circo of a registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChosenLabels {
    pub back: String,
    pub loading: String,
    pub other_registry: String,
}

pub fn chosen_labels(lang: Lang) -> ChosenLabels {
    ChosenLabels {
        back: Label::ChooseAnother.get(lang),
        loading: Label::LoadingCirco.get(lang),
        other_registry: Label::OtherRegistry.get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::communes::NONE_ADDED;

    fn account() -> Account {
        let loaded = crate::config::load(include_str!("../../demo/circo-exemple.json"));
        loaded.account().expect("the demo account is valid").clone()
    }

    /// A day when the demo account collects: 30 days before its first round.
    fn collecting(a: &Account) -> Date {
        a.election.first_round.add_days(-30).unwrap()
    }

    fn transfer(page: &AccountPage) -> &TransferDetail {
        match &page.payment.body {
            PaymentBody::Open(open) => match &open.detail {
                Some(MethodDetail::Transfer(t)) => t,
                other => panic!("expected the transfer details, got {other:?}"),
            },
            other => panic!("expected the transfer details, got {other:?}"),
        }
    }

    #[test]
    fn a_typed_gift_shows_its_real_cost_and_the_transfer_with_its_amount() {
        let a = account();
        let inputs = Inputs::with_method(Method::Transfer).apply(Action::Type(AmountField::Gift, "37,50".into()));
        let page = account_page(&a, &inputs, collecting(&a), Lang::Fr);
        assert_eq!(page.title, words::title(&a).fr);
        assert_eq!(page.window.state, "open");
        assert_eq!(page.calculator.result.kind, "quote");
        assert!(page.calculator.result.figures[0].contains("37,50"), "{:?}", page.calculator.result);
        let t = transfer(&page);
        // Verification of payee: what the donor reads is what the configuration says.
        assert_eq!(t.holder, a.payment.transfer.as_ref().unwrap().holder);
        let qr = t.qr.as_ref().expect("a QR code");
        assert!(qr.svg.starts_with("<svg") && qr.caption.contains("37,50"), "{}", qr.caption);
        // The same page in English.
        let en = account_page(&a, &inputs, collecting(&a), Lang::En);
        assert!(en.calculator.result.figures[0].contains("€37.50"), "{:?}", en.calculator.result);
        assert!(en.mentions.texts.iter().all(|s| s.translation.iter().any(|t| t.contains("Unofficial"))));
        assert!(page.mentions.texts.iter().all(|s| s.translation.is_empty() && !s.fr.is_empty()));
        assert!(page.mentions.texts[1].fr.concat().contains("ne peuvent ni consentir des prêts"), "L52-8 al. 2 has its second sentence, on loans");
    }

    #[test]
    fn fields_carry_their_text_and_their_error() {
        let a = account();
        let inputs = Inputs::default().apply(Action::Type(AmountField::Gift, "trente".into())).apply(Action::Type(AmountField::Income, "30 000".into()));
        let page = account_page(&a, &inputs, collecting(&a), Lang::En);
        let gift = &page.calculator.amount.as_ref().unwrap().gift;
        assert_eq!((gift.id, gift.value.as_str()), ("cd-amount", "trente"));
        assert!(gift.error.as_deref().is_some_and(|e| e.contains("not an amount")), "{gift:?}");
        let income = &page.household.fields[0];
        assert_eq!((income.value.as_str(), income.error.as_deref()), ("30 000", None));
        assert_eq!(page.calculator.result.kind, "empty");
        assert!(page.how.empty.is_some() && page.how.steps.is_empty());
    }

    #[test]
    fn the_reverse_mode_offers_to_give_what_it_found() {
        let a = account();
        let inputs = Inputs::default().apply(Action::SetMode(Mode::Cost)).apply(Action::Type(AmountField::Target, "20".into()));
        let page = account_page(&a, &inputs, collecting(&a), Lang::Fr);
        assert!(page.calculator.amount.is_none() && page.calculator.target.is_some());
        let (label, gift) = page.calculator.result.give_this.clone().expect("give this amount");
        assert_eq!((label.as_str(), gift), ("Donner ce montant", Cents::from_euros(60)));
        assert!(page.calculator.modes.iter().any(|m| m.value == Mode::Cost && m.selected));
        assert!(!page.how.steps.is_empty() && page.how.steps.iter().all(|(_, source)| source.starts_with('(')));
    }

    #[test]
    fn presets_follow_the_typed_amount_and_methods_the_law() {
        let a = account();
        let first = a.presets[0];
        let inputs = Inputs::default().apply(Action::Preset(first));
        let page = account_page(&a, &inputs, collecting(&a), Lang::Fr);
        let presets = &page.calculator.amount.as_ref().unwrap().presets;
        assert!(presets.iter().all(|p| p.selected == (p.value == first)));
        // Above the cash cap, cash is not offered.
        let big = Inputs::default().apply(Action::Type(AmountField::Gift, "500".into()));
        let PaymentBody::Open(open) = account_page(&a, &big, collecting(&a), Lang::Fr).payment.body else { panic!() };
        let methods = open.methods.expect("methods");
        assert!(methods.options.iter().all(|o| o.value != Method::Cash));
        assert!(methods.options.iter().any(|o| o.selected && o.value == Method::Transfer));
    }

    #[test]
    fn outside_the_window_no_payment_details_are_shown() {
        let a = account();
        let before = a.mandataire.designated_on.add_days(-1).unwrap();
        let page = account_page(&a, &Inputs::default(), before, Lang::Fr);
        assert_eq!(page.window.state, "not-open");
        match page.payment.body {
            PaymentBody::Closed(notice) => assert!(notice.contains("Aucun don ne peut être reçu avant"), "{notice}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_goal_shows_progress_and_a_plan_until_the_first_round() {
        let a = account();
        let g = a.goal.as_ref().unwrap();
        let view = goal(&a, collecting(&a), Lang::Fr).unwrap();
        assert_eq!(i64::from(view.percent), g.raised.get() * 100 / g.target.get());
        assert!(view.progress.contains(&g.raised.format(Lang::Fr)) && view.progress.contains(&g.target.format(Lang::Fr)));
        assert!(view.plan.is_some());
        assert_eq!(goal(&a, a.election.first_round, Lang::Fr).unwrap().plan, None);
    }

    #[test]
    fn the_printable_form_follows_the_inputs() {
        let a = account();
        let inputs = Inputs::default().apply(Action::TypeIdentity(IdentityField::Surname, "Martin <b>".into()));
        let PaymentBody::Open(open) = account_page(&a, &inputs, collecting(&a), Lang::Fr).payment.body else { panic!() };
        let form = open.form;
        assert_eq!(form.fields.len(), 4);
        assert_eq!(form.fields[0].value, "Martin <b>");
        assert!(form.document.contains("Martin &lt;b&gt;"));
        assert_eq!(form.fields[0].error, None);
        // A right-to-left override is named under its field and left off the print.
        let lying = inputs.apply(Action::TypeIdentity(IdentityField::GivenNames, "Anne\u{202E}".into()));
        let PaymentBody::Open(open) = account_page(&a, &lying, collecting(&a), Lang::Fr).payment.body else { panic!() };
        assert!(open.form.fields[1].error.as_deref().is_some_and(|e| e.contains("U+202E")), "{:?}", open.form.fields[1]);
        assert!(!open.form.document.contains("Anne"));
    }

    #[test]
    fn failures_and_the_chooser_speak_the_donors_language() {
        let problems = crate::config::load("{").problems;
        let view = invalid(&problems, "c.json", Some("https://a.example/builder.html#import=%7B".into()), Lang::En);
        assert!(view.donor.contains("contain an error"), "{view:?}");
        // The widget names the file, the field and the check; the builder explains it.
        assert_eq!(view.details, ["c.json — (whole file) [json-syntax]"]);
        let explained = view.explained.as_ref().unwrap();
        assert_eq!(explained.link, Some(("See the details in the builder".into(), "https://a.example/builder.html#import=%7B".into())));
        assert!(explained.elsewhere.contains("circo-don check") && explained.elsewhere.contains("builder.html"));
        let problems = crate::config::load(r#"{"format": "circo-don/1"}"#).problems;
        let view = invalid(&problems, "c.json", None, Lang::Fr);
        assert!(view.details.iter().any(|d| d == "c.json — election [missing-field]"), "{:?}", view.details);
        assert_eq!(view.explained.unwrap().link, None);
        let failed = load_failure(&LoadFailure::Http(404), "c.json", Lang::Fr);
        assert_eq!(failed.details_label, "Détails pour le collectif");
        let loaded = crate::config::load(include_str!("../../demo/registry.json"));
        let registry = loaded.registry().unwrap();
        let page = chooser_page(registry, &NONE_ADDED, "", Lang::Fr);
        assert_eq!(page.choices.len(), registry.entries.len());
        assert!(page.status.contains(&registry.entries.len().to_string()));
        assert_eq!(chooser_page(registry, &NONE_ADDED, "zzzz-nowhere", Lang::En).status, "No circonscription matches.");
    }

    /// Found by a town: each choice names it; a town split between circos is said to be,
    /// with how to tell which circo is the donor's.
    #[test]
    fn the_chooser_names_the_towns_found_and_a_split_town() {
        let loaded = crate::config::load(include_str!("../../demo/registry.json"));
        let registry = loaded.registry().unwrap();
        let page = chooser_page(registry, &NONE_ADDED, "saint etienne", Lang::Fr);
        let labels: Vec<&str> = page.choices.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Saint-Étienne-Exemple — Circonscription exemple, 1re circonscription (fictive) (99-01)",
                "Saint-Étienne-Exemple — Circonscription exemple, 2e circonscription (fictive) (99-02)",
            ]
        );
        assert_eq!(page.status, "2 circonscriptions trouvées. Saint-Étienne-Exemple est partagée entre 2 circonscriptions selon l’adresse : votre mairie vous indique la vôtre.");
        let en = chooser_page(registry, &NONE_ADDED, "99300", Lang::En);
        assert_eq!(en.status, "1 circonscription found.", "one circo: no note");
        assert_eq!(en.choices[0].1, "Bourg-l’Abbaye, Œuvre-sur-Loue — Circonscription exemple, 2e circonscription (fictive) (99-02)");
        assert!(en.search_hint.contains("postal code"), "{}", en.search_hint);
        // The circo's own name: the plain label.
        assert_eq!(chooser_page(registry, &NONE_ADDED, "2e", Lang::Fr).choices[0].1, "Circonscription exemple, 2e circonscription (fictive) (99-02)");
        // A registry without communes does not promise a search by town.
        let without = Registry { name: None, communes_url: None, entries: registry.entries.iter().cloned().map(|mut e| { e.communes.clear(); e }).collect() };
        assert!(chooser_page(registry, &NONE_ADDED, "", Lang::Fr).search_hint.contains("code postal"));
        assert!(!chooser_page(&without, &NONE_ADDED, "", Lang::Fr).search_hint.contains("postal"));
        assert!(!chooser_page(&without, &NONE_ADDED, "", Lang::En).search_hint.contains("postal"));
    }
}

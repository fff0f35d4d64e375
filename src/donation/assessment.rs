//! The inputs assessed by the law: each amount parsed (a malformed field keeps its own
//! message), the limits applied, the real cost computed, or, in `Mode::Cost`, the
//! largest gift that costs at most the target. Also which payment methods an account
//! offers for the amount typed. Facts only: `words` and `page` turn them into text.

use crate::config::model::ValidAccount as Account;
use crate::law::limits::{self, Refusal};
use crate::law::tax::{self, Household, Quote, TaxDue};
use crate::payment::Method;
use crate::money::{parse_amount, AmountError, Cents};

use super::inputs::{Action, AmountField, Inputs, Mode};

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
    /// Each malformed field and why (its message written by the page, in its reader's
    /// language).
    pub errors: Vec<(AmountField, AmountError)>,
    pub outcome: Outcome,
    /// The amount typed in `Mode::Give` when it parses, even if the law refuses it
    /// (the payment methods offered depend on it).
    pub typed: Option<Cents>,
    /// The main amount as parsed, in either mode (a monthly order is assessed from it).
    pub amount: Option<Cents>,
    pub household: Household,
    pub given_elsewhere: Cents,
}

impl Assessment {
    pub fn error(&self, field: AmountField) -> Option<&AmountError> {
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
fn optional(inputs: &Inputs, field: AmountField, errors: &mut Vec<(AmountField, AmountError)>) -> Option<Cents> {
    let text = inputs.get(field);
    if text.trim().is_empty() {
        return None;
    }
    match parse_amount(text) {
        Ok(cents) => Some(cents),
        Err(e) => {
            errors.push((field, e));
            None
        }
    }
}

/// The figures of a request, once parsed: what the law decides on. The widget gets it
/// from [`assess`]; the command line builds it from its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub mode: Mode,
    /// The gift (`Mode::Give`) or the cost it should have (`Mode::Cost`).
    pub amount: Option<Cents>,
    pub household: Household,
    pub given_elsewhere: Cents,
    pub method: Method,
}

/// What the law says of a request: the limits, then the real cost (or, in
/// `Mode::Cost`, the largest gift that costs at most the target).
pub fn decide(request: &Request) -> Outcome {
    let Some(amount) = request.amount else { return Outcome::Empty };
    let (household, method, elsewhere) = (&request.household, request.method, request.given_elsewhere);
    match request.mode {
        Mode::Give => match limits::check_gift(amount, method, elsewhere) {
            Err(refusals) => Outcome::Refused(refusals),
            Ok(()) => Outcome::Quote(Box::new(tax::quote(amount, household, method))),
        },
        Mode::Cost => match tax::reverse(amount, household, method, elsewhere) {
            Err(refusal) => Outcome::Refused(vec![refusal]),
            Ok(q) => Outcome::Quote(Box::new(q)),
        },
    }
}

/// Assesses the inputs: parses every field (a malformed one keeps its message), then
/// [`decide`]s.
pub fn assess(inputs: &Inputs) -> Assessment {
    let mut errors = Vec::new();
    let income = optional(inputs, AmountField::Income, &mut errors);
    let tax_due = optional(inputs, AmountField::Tax, &mut errors);
    let other = optional(inputs, AmountField::OtherGifts, &mut errors).unwrap_or(Cents::ZERO);
    let carried = optional(inputs, AmountField::Carried, &mut errors).unwrap_or(Cents::ZERO);
    let elsewhere = optional(inputs, AmountField::GivenElsewhere, &mut errors).unwrap_or(Cents::ZERO);
    let household = Household {
        income,
        tax: match (inputs.not_taxable(), tax_due) {
            (true, _) => TaxDue::NotTaxable,
            (false, Some(t)) => TaxDue::Due(t),
            (false, None) => TaxDue::Unknown,
        },
        other_gifts: other,
        carried,
    };
    let main = match inputs.mode() {
        Mode::Give => AmountField::Gift,
        Mode::Cost => AmountField::Target,
    };
    let amount = optional(inputs, main, &mut errors);
    let outcome = decide(&Request { mode: inputs.mode(), amount, household, given_elsewhere: elsewhere, method: inputs.method() });
    let typed = amount.filter(|_| inputs.mode() == Mode::Give);
    Assessment { mode: inputs.mode(), tax: household.tax, errors, outcome, typed, amount, household, given_elsewhere: elsewhere }
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
/// unless it is the only one). With no account (the command line), a transfer.
pub fn default_method(account: Option<&Account>) -> Method {
    account.and_then(|a| offered_methods(a).first().copied()).unwrap_or(Method::Transfer)
}

/// The suggested amount preselected, so that a donor sees at once what a gift really
/// costs: the goal's average gift when it is one of the presets, else the middle preset;
/// none without presets.
pub fn default_preset(account: &Account) -> Option<Cents> {
    let presets = &account.presets;
    let average = account.goal.as_ref().and_then(|g| g.average_gift).filter(|a| presets.contains(a));
    average.or_else(|| presets.get(presets.len() / 2).copied())
}

/// What the widget starts from for `account`: its default method and preset.
pub fn initial_inputs(account: &Account) -> Inputs {
    let inputs = Inputs::with_method(default_method(Some(account)));
    match default_preset(account) {
        Some(preset) => inputs.apply(Action::Preset(preset)),
        None => inputs,
    }
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::law::rules;
    use crate::i18n::Lang;

    pub(crate) fn account() -> Account {
        let loaded = crate::config::load(include_str!("../../demo/circo-exemple.json"));
        loaded.account().expect("the demo account is valid").clone()
    }

    fn eur(n: i64) -> Cents {
        Cents::from_euros(n)
    }

    fn give(amount: &str) -> Inputs {
        Inputs::default().apply(Action::Type(AmountField::Gift, amount.into()))
    }

    #[test]
    fn the_widget_starts_from_the_goals_average_gift_or_the_middle_preset() {
        let mut a = account();
        // The demo: presets 20, 37, 50, 100, 150 and an average gift of 37 €.
        assert_eq!(default_preset(&a), Some(eur(37)));
        let start = initial_inputs(&a);
        assert_eq!((start.get(AmountField::Gift), start.method()), ("37", default_method(Some(&a))));
        assert_eq!(assess(&start).kind(), "quote");
        // An average that is not a preset: the middle one.
        a.goal.as_mut().unwrap().average_gift = Some(eur(40));
        assert_eq!(default_preset(&a), Some(eur(50)));
        a.goal = None;
        assert_eq!(default_preset(&a), Some(eur(50)));
        a.presets.clear();
        assert_eq!(default_preset(&a), None);
        assert_eq!(initial_inputs(&a).get(AmountField::Gift), "");
    }

    #[test]
    fn limits_refuse_with_the_rule_and_malformed_fields_keep_their_message() {
        let cash = assess(&give("151").apply(Action::ChooseMethod(Method::Cash)));
        assert_eq!(cash.kind(), "refused");
        assert_eq!(cash.typed, Some(eur(151)));
        assert_eq!(cash.gift(), None);
        assert_eq!(assess(&give("4 601")).kind(), "refused");
        let elsewhere = assess(&give("3000").apply(Action::Type(AmountField::GivenElsewhere, "2000".into())));
        match &elsewhere.outcome {
            Outcome::Refused(r) => assert!(r[0].message.fr.contains(&eur(2600).format(Lang::Fr)), "{}", r[0].message.fr),
            other => panic!("{other:?}"),
        }
        let typo = assess(&give("trente"));
        assert_eq!((typo.kind(), typo.typed), ("empty", None));
        assert!(typo.error(AmountField::Gift).is_some());
        // A malformed optional field is reported and the rest still computes.
        let income = assess(&give("37").apply(Action::Type(AmountField::Income, "beaucoup".into())));
        assert!(income.error(AmountField::Income).is_some());
        assert_eq!(income.kind(), "quote");
    }

    #[test]
    fn the_not_taxable_box_wins_over_a_tax_figure() {
        let a = assess(&give("100").apply(Action::Type(AmountField::Tax, "5000".into())).apply(Action::SetNotTaxable(true)));
        assert_eq!((a.tax, a.gift()), (TaxDue::NotTaxable, Some(eur(100))));
        match a.outcome {
            Outcome::Quote(q) => assert_eq!(q.net_cost, eur(100)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reverse_finds_the_largest_gift() {
        let a = assess(&Inputs::default().apply(Action::SetMode(Mode::Cost)).apply(Action::Type(AmountField::Target, "20".into())));
        assert_eq!(a.gift(), Some(eur(60)));
        assert_eq!(a.typed, None, "the typed amount is the gift field's, not the target's");
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
        assert_eq!(default_method(Some(&a)), Method::Transfer);
        a.payment.transfer = None;
        assert_eq!(default_method(Some(&a)), Method::Cheque);
        assert_eq!(default_method(None), Method::Transfer);
    }
}

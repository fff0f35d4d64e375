//! What the donor typed or chose, as typed, and the one way it changes:
//! [`Inputs::apply`] of an [`Action`]. The widget drives it with `use_reducer`; every
//! state change is a pure function tested natively.

use crate::payment::{Method, Reference};
use crate::money::Cents;

use super::bulletin::{Identity, IdentityField};

/// Whether the donor chooses the gift or what it should cost them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Give,
    Cost,
}

/// The amount fields, which can be malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountField {
    /// The gift ("Montant du don").
    Gift,
    /// In `Mode::Cost`: what the gift should cost after the reduction.
    Target,
    Income,
    Tax,
    OtherGifts,
    Carried,
    GivenElsewhere,
}

impl AmountField {
    /// The input's element id in the widget (`cd-amount`), stable for tests and labels.
    pub fn id(self) -> &'static str {
        match self {
            AmountField::Gift => "cd-amount",
            AmountField::Target => "cd-target",
            AmountField::Income => "cd-income",
            AmountField::Tax => "cd-tax",
            AmountField::OtherGifts => "cd-other",
            AmountField::Carried => "cd-carried",
            AmountField::GivenElsewhere => "cd-elsewhere",
        }
    }
}

/// Everything the donor typed or chose, as typed: parsing is part of the assessment so
/// that a malformed field keeps its text and gets its own message. Read through its
/// accessors; changed only by [`Inputs::apply`] (its fields are private).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    mode: Mode,
    gift: String,
    target: String,
    income: String,
    tax: String,
    not_taxable: bool,
    other_gifts: String,
    carried: String,
    given_elsewhere: String,
    method: Method,
    /// What the donor typed into the printable form. Never leaves the page.
    identity: Identity,
    /// A gift every month (a standing order) rather than once.
    monthly: bool,
    /// The standing order's first month, as typed (`01/2027`); empty: this month.
    first_month: String,
    /// This gift's reference, drawn at random by the live widget (none in a prerender).
    reference: Option<Reference>,
}

impl Default for Inputs {
    /// Nothing typed yet; a transfer until the account's own default is chosen.
    fn default() -> Inputs {
        Inputs {
            mode: Mode::Give,
            gift: String::new(),
            target: String::new(),
            income: String::new(),
            tax: String::new(),
            not_taxable: false,
            other_gifts: String::new(),
            carried: String::new(),
            given_elsewhere: String::new(),
            method: Method::Transfer,
            identity: Identity::default(),
            monthly: false,
            first_month: String::new(),
            reference: None,
        }
    }
}

/// What a donor can do to the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Typed into an amount field.
    Type(AmountField, String),
    /// Typed into a field of the printable form.
    TypeIdentity(IdentityField, String),
    SetMode(Mode),
    /// Picked a suggested amount.
    Preset(Cents),
    ChooseMethod(Method),
    SetNotTaxable(bool),
    /// "Give this amount" after the reverse computation: back to choosing the gift,
    /// with that gift typed in.
    GiveThis(Cents),
    /// Once (`false`) or every month (`true`). Every month is a standing order: the
    /// transfer becomes the method.
    SetMonthly(bool),
    /// Typed the standing order's first month.
    TypeMonth(String),
}

impl Inputs {
    /// Nothing typed, `method` preselected.
    pub fn with_method(method: Method) -> Inputs {
        Inputs { method, ..Inputs::default() }
    }

    /// The same inputs with this gift's reference.
    pub fn with_reference(self, reference: Option<Reference>) -> Inputs {
        Inputs { reference, ..self }
    }

    /// This gift's reference, when the live widget drew one.
    pub fn reference(&self) -> Option<Reference> {
        self.reference
    }

    /// Every month rather than once.
    pub fn monthly(&self) -> bool {
        self.monthly
    }

    /// The first month as typed (empty: this month).
    pub fn first_month(&self) -> &str {
        &self.first_month
    }

    /// Whether the donor chooses the gift or its cost.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The payment method chosen.
    pub fn method(&self) -> Method {
        self.method
    }

    /// "I pay no income tax", ticked.
    pub fn not_taxable(&self) -> bool {
        self.not_taxable
    }

    /// What the donor typed into the printable form.
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// The text of an amount field, as typed.
    pub fn get(&self, field: AmountField) -> &str {
        match field {
            AmountField::Gift => &self.gift,
            AmountField::Target => &self.target,
            AmountField::Income => &self.income,
            AmountField::Tax => &self.tax,
            AmountField::OtherGifts => &self.other_gifts,
            AmountField::Carried => &self.carried,
            AmountField::GivenElsewhere => &self.given_elsewhere,
        }
    }

    fn slot(&mut self, field: AmountField) -> &mut String {
        match field {
            AmountField::Gift => &mut self.gift,
            AmountField::Target => &mut self.target,
            AmountField::Income => &mut self.income,
            AmountField::Tax => &mut self.tax,
            AmountField::OtherGifts => &mut self.other_gifts,
            AmountField::Carried => &mut self.carried,
            AmountField::GivenElsewhere => &mut self.given_elsewhere,
        }
    }

    /// The inputs after `action`.
    pub fn apply(&self, action: Action) -> Inputs {
        let mut next = self.clone();
        match action {
            Action::Type(field, text) => *next.slot(field) = text,
            Action::TypeIdentity(field, text) => next.identity.set(field, text),
            Action::SetMode(mode) => next.mode = mode,
            Action::Preset(gift) => next.gift = amount_text(gift),
            Action::ChooseMethod(method) => next.method = method,
            Action::SetNotTaxable(on) => next.not_taxable = on,
            Action::GiveThis(gift) => {
                next.mode = Mode::Give;
                next.gift = amount_text(gift);
            }
            Action::SetMonthly(on) => {
                next.monthly = on;
                if on {
                    next.method = Method::Transfer;
                }
            }
            Action::TypeMonth(text) => next.first_month = text,
        }
        next
    }
}

/// What the donor types back into the amount field for `gift` (`37`, `37,50`).
pub fn amount_text(gift: Cents) -> String {
    let (euros, cents) = (gift.get() / 100, gift.get() % 100);
    if cents == 0 { euros.to_string() } else { format!("{euros},{cents:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::parse_amount;

    #[test]
    fn amount_text_parses_back() {
        for cents in [1, 99, 100, 3700, 3750, 123_456, 460_000] {
            assert_eq!(parse_amount(&amount_text(Cents::new(cents))), Ok(Cents::new(cents)));
        }
    }

    #[test]
    fn each_action_changes_what_it_names_and_nothing_else() {
        let start = Inputs::with_method(Method::Cheque);
        let typed = start.apply(Action::Type(AmountField::Income, "30 000".into()));
        assert_eq!((typed.get(AmountField::Income), typed.method), ("30 000", Method::Cheque));
        assert_eq!(Inputs { income: String::new(), ..typed.clone() }, start);
        let preset = typed.apply(Action::Preset(Cents::new(3750)));
        assert_eq!((preset.gift.as_str(), preset.income.as_str()), ("37,50", "30 000"));
        let cost = preset.apply(Action::SetMode(Mode::Cost)).apply(Action::Type(AmountField::Target, "20".into()));
        assert_eq!((cost.mode, cost.gift.as_str(), cost.target.as_str()), (Mode::Cost, "37,50", "20"));
        // "Give this amount" returns to the gift with the reverse computation's result.
        let give = cost.apply(Action::GiveThis(Cents::from_euros(60)));
        assert_eq!((give.mode, give.gift.as_str(), give.target.as_str()), (Mode::Give, "60", "20"));
        assert_eq!(give.apply(Action::ChooseMethod(Method::Cash)).method, Method::Cash);
        assert!(give.apply(Action::SetNotTaxable(true)).not_taxable);
        let named = give.apply(Action::TypeIdentity(IdentityField::Surname, "Martin".into()));
        assert_eq!(named.identity.get(IdentityField::Surname), "Martin");
        assert_eq!(Inputs { identity: Identity::default(), ..named }, give);
    }

    #[test]
    fn every_month_is_a_transfer_and_keeps_the_rest() {
        let start = Inputs::with_method(Method::Cheque).apply(Action::Type(AmountField::Gift, "10".into()));
        let monthly = start.apply(Action::SetMonthly(true));
        assert!(monthly.monthly());
        assert_eq!((monthly.method(), monthly.get(AmountField::Gift)), (Method::Transfer, "10"));
        let from = monthly.apply(Action::TypeMonth("01/2027".into()));
        assert_eq!(from.first_month(), "01/2027");
        // The reverse works monthly too, and "give this" stays monthly.
        let cost = from.apply(Action::SetMode(Mode::Cost)).apply(Action::Type(AmountField::Target, "5".into()));
        let give = cost.apply(Action::GiveThis(Cents::from_euros(15)));
        assert_eq!((give.mode(), give.monthly(), give.get(AmountField::Gift)), (Mode::Give, true, "15"));
        // Back to once: the method chosen stays, the month is kept for a return.
        let once = give.apply(Action::SetMonthly(false));
        assert_eq!((once.monthly(), once.method(), once.first_month()), (false, Method::Transfer, "01/2027"));
        // The reference is drawn once and survives every action.
        let r = Reference::from_bits(42);
        let drawn = start.clone().with_reference(Some(r));
        assert_eq!(drawn.apply(Action::SetMonthly(true)).apply(Action::Preset(Cents::from_euros(5))).reference(), Some(r));
        assert_eq!(start.reference(), None);
    }

    #[test]
    fn every_amount_field_has_its_own_slot_and_id() {
        use AmountField::*;
        let all = [Gift, Target, Income, Tax, OtherGifts, Carried, GivenElsewhere];
        let mut inputs = Inputs::default();
        for (i, f) in all.iter().enumerate() {
            inputs = inputs.apply(Action::Type(*f, i.to_string()));
        }
        for (i, f) in all.iter().enumerate() {
            assert_eq!(inputs.get(*f), i.to_string());
            assert_eq!(all.iter().filter(|g| g.id() == f.id()).count(), 1);
        }
    }
}

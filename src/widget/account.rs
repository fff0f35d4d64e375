//! One circo's account: renders the core's [`AccountPage`] for the donor's inputs.
//! State is the donor's [`Inputs`], changed only by [`Inputs::apply`] through
//! `use_reducer`; every word, figure and decision comes from `crate::donation`.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ValidAccount as Account;
use crate::date::Date;
use crate::donation::page::{AccountPage, Choice, PaymentBody, TextInput};
use crate::donation::{self, Action, Inputs};
use crate::i18n::Lang;

use super::dom::{bar, details, each, el, group, list, text, toggle, top};
use super::form::use_print_cleanup;
use super::legal::{eligibility, mentions};
use super::pay::payment;
use super::ui::{checked, focus, labelled_input, Copies};

/// What the account view keeps: the account it is for with the donor's inputs (held with
/// the account itself, so that another account, a new `Rc` even at a freed one's
/// address, starts anew), and which copy button copied last ([`Copies`]).
#[derive(Default)]
struct Held(Option<(Rc<Account>, Inputs)>, Option<(AttrValue, bool)>);

enum Change {
    /// Another account (or none): its initial inputs, nothing copied.
    Start(Box<Option<(Rc<Account>, Inputs)>>),
    Act(Action),
    Copied((AttrValue, bool)),
}

impl Reducible for Held {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        Rc::new(match change {
            Change::Start(start) => Held(*start, None),
            Change::Act(action) => Held(self.0.as_ref().map(|(a, i)| (a.clone(), i.apply(action))), self.1.clone()),
            Change::Copied(copied) => Held(self.0.clone(), Some(copied)),
        })
    }
}

#[derive(Properties, Clone)]
pub struct AccountProps {
    pub account: Rc<Account>,
    pub lang: Lang,
    /// The language switch, drawn in the header.
    pub switch: Html,
    /// Today, from the browser's clock (a parameter so that tests can fix it).
    #[prop_or_else(super::today)]
    pub today: Date,
    /// Focus the title once shown (after the donor chose this circo in a registry).
    #[prop_or_default]
    pub focus_title: bool,
}

/// The account by identity: its parent hands on the one `Rc` it loaded, so a new account
/// is a new `Rc` (comparing the whole account, field by field, cost the widget code).
impl PartialEq for AccountProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.account, &other.account)
            && self.lang == other.lang
            && self.switch == other.switch
            && self.today == other.today
            && self.focus_title == other.focus_title
    }
}

/// What the page's renderers need to turn the donor's gestures into actions: one
/// callback for every action. Each gesture is one closure type, whatever the action it
/// carries (a closure per site would each be compiled apart).
pub(crate) struct Dispatch {
    pub(crate) actions: Callback<Action>,
    /// The view's copy buttons ([`Copies`]).
    pub(crate) copies: Copies,
}

impl Dispatch {
    /// A callback that dispatches the action made by `make`, for the one-off gestures.
    pub(crate) fn to<T: 'static>(&self, make: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let emit = self.actions.clone();
        Callback::from(move |value: T| emit.emit(make(value)))
    }

    /// A click that dispatches `action`.
    #[inline(never)]
    pub(crate) fn click(&self, action: Action) -> Callback<MouseEvent> {
        let emit = self.actions.clone();
        Callback::from(move |_| emit.emit(action.clone()))
    }

    /// Radio buttons named `name`, one per choice; choosing one dispatches `action` of
    /// its value.
    pub(crate) fn radios<T: Copy + 'static>(&self, name: &'static str, choices: &[Choice<T>], action: fn(T) -> Action) -> Html {
        choices.iter().map(|c| self.radio(name, c.id.clone(), c.label.clone(), c.selected, action(c.value))).collect()
    }

    #[inline(never)]
    fn radio(&self, name: &'static str, id: String, label: String, selected: bool, action: Action) -> Html {
        let emit = self.actions.clone();
        let onchange = Callback::from(move |_: Event| emit.emit(action.clone()));
        html! {
            <span class="cd-preset">
                <input type="radio" {name} id={id.clone()} checked={selected} {onchange} />
                <label for={id}>{ label }</label>
            </span>
        }
    }

    /// A text field that types into the input it names.
    #[inline(never)]
    pub(crate) fn field(&self, input: &TextInput, node_ref: NodeRef) -> Html {
        labelled_input(input, self.actions.clone(), node_ref)
    }
}

/// The account view as a component, for the prerender (natively, and in the builder's
/// wasm); the live widget calls [`use_account_view`] from its root (so that its wasm
/// has no such component).
#[function_component(AccountView)]
pub fn account_view(props: &AccountProps) -> Html {
    use_account_view(Some(props.clone()))
}

/// The view of `props`' account (nothing without one): a hook of the widget's root, not a
/// component of its own, since each component type costs its own copy of Yew's
/// lifecycle (2.9 KB of code for this one). Another account starts anew: its initial
/// inputs, a new reference, no copy status, the focus and the printed form's cleanup
/// keyed by it.
#[hook]
pub(crate) fn use_account_view(props: Option<AccountProps>) -> Html {
    let held = use_reducer(Held::default);
    let amount_ref = use_node_ref();
    let title_ref = use_node_ref();
    let focus_amount = use_state(|| false);
    let inputs = match (&props, &held.0) {
        (Some(p), Some((a, inputs))) if Rc::ptr_eq(a, &p.account) => Some(inputs.clone()),
        (Some(p), _) => {
            // This gift's reference, drawn once per account (none in a prerender).
            let fresh = donation::initial_inputs(&p.account).with_reference(draw_reference());
            held.dispatch(Change::Start(Box::new(Some((p.account.clone(), fresh.clone())))));
            Some(fresh)
        }
        (None, Some(_)) => {
            held.dispatch(Change::Start(Box::new(None)));
            None
        }
        (None, None) => None,
    };
    let key = props.as_ref().map_or(0, |p| Rc::as_ptr(&p.account) as usize);
    {
        let (amount_ref, focus_amount) = (amount_ref.clone(), focus_amount.clone());
        use_effect_with(*focus_amount, move |wanted| {
            if *wanted {
                focus(&amount_ref);
                focus_amount.set(false);
            }
        });
    }
    {
        let title_ref = title_ref.clone();
        use_effect_with((key, props.as_ref().is_some_and(|p| p.focus_title)), move |(_, wanted)| {
            if *wanted {
                focus(&title_ref);
            }
        });
    }
    let page = props.as_ref().zip(inputs.as_ref()).map(|(p, inputs)| donation::account_page(&p.account, inputs, p.today, p.lang));
    // The printable form is shown while collecting (see `pay::payment`).
    use_print_cleanup(key, page.as_ref().is_some_and(|page| matches!(page.payment.body, PaymentBody::Open(_))));
    let (Some(props), Some(page)) = (props, page) else { return Html::default() };
    let actions = {
        let held = held.dispatcher();
        Callback::from(move |action| held.dispatch(Change::Act(action)))
    };
    let copies = {
        let dispatcher = held.dispatcher();
        Copies { last: held.1.clone(), report: Callback::from(move |copied| dispatcher.dispatch(Change::Copied(copied))) }
    };
    let dispatch = Dispatch { actions, copies };
    let give_this = {
        let actions = dispatch.actions.clone();
        let focus_amount = focus_amount.clone();
        page.calculator.result.give_this.as_ref().map(|(label, gift)| {
            let gift = *gift;
            // The button disappears with the mode: the amount field takes the focus.
            let onclick = Callback::from(move |_| {
                actions.emit(Action::GiveThis(gift));
                focus_amount.set(true);
            });
            html! { <button type="button" class="cd-primary" {onclick}>{ label.clone() }</button> }
        })
    };

    html! {
        <>
        { top(&page.title, Some(title_ref), Some(&page.subtitle), props.switch.clone()) }
        <p class="cd-window" data-state={page.window.state}>{ page.window.text.clone() }</p>
        if let Some(goal) = &page.goal {
            { el("div", "cd-goal", vec![
                el("p", "", vec![text("strong", "", &goal.progress)]),
                bar(goal.percent, &goal.progress),
                goal.plan.as_deref().map(|plan| text("p", "cd-muted", plan)).unwrap_or_default(),
            ]) }
        }

        { calculator(&page, &dispatch, amount_ref, give_this) }
        { household(&page, &dispatch) }
        { how(&page) }
        { eligibility(&page, &dispatch) }
        { payment(&page, &dispatch) }
        if let Some(contact) = &page.contact {
            { text("p", "cd-muted", contact) }
        }
        { mentions(&page) }
        </>
    }
}

/// 30 random bits from the browser's `crypto.getRandomValues`: a gift's reference that
/// names nobody. None where there is no browser (the prerender) or no crypto.
fn draw_reference() -> Option<crate::payment::Reference> {
    #[cfg(target_arch = "wasm32")]
    {
        let mut bytes = [0u8; 4];
        web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
        Some(crate::payment::Reference::from_bits(u32::from_le_bytes(bytes) & 0x3FFF_FFFF))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The mode, the amount (presets and field) or the target, and the announced result.
fn calculator(page: &AccountPage, dispatch: &Dispatch, amount_ref: NodeRef, give_this: Option<Html>) -> Html {
    let c = &page.calculator;
    let result = &c.result;
    html! {
        <>
        { text("h3", "", &c.heading) }
        { group("cd-modes", "group", &c.modes_label, c.modes.iter().map(|m| toggle(&m.label, m.selected, None, dispatch.click(Action::SetMode(m.value)))).collect()) }
        { group("cd-modes", "group", &c.frequency_label, c.frequency.iter().map(|m| toggle(&m.label, m.selected, None, dispatch.click(Action::SetMonthly(m.value)))).collect()) }
        if let Some(amount) = &c.amount {
            { el("fieldset", "cd-amount", vec![
                text("legend", "", &amount.legend),
                if amount.presets.is_empty() {
                    Html::default()
                } else {
                    group("cd-presets", "radiogroup", &amount.presets_label, vec![dispatch.radios("cd-preset", &amount.presets, Action::Preset)])
                },
                dispatch.field(&amount.gift, amount_ref),
            ]) }
        }
        if let Some(target) = &c.target {
            { dispatch.field(target, NodeRef::default()) }
        }
        if let Some(first) = &c.first_month {
            { dispatch.field(first, NodeRef::default()) }
        }
        <div class="cd-result" role="status" aria-live="polite" data-kind={result.kind}>
            { each("p", "cd-figure", &result.figures) }
            { each("p", "", &result.details) }
            if !result.conditions.is_empty() {
                { list("cd-conditions", &result.conditions) }
            }
            { for give_this }
        </div>
        </>
    }
}

/// The optional household details.
fn household(page: &AccountPage, dispatch: &Dispatch) -> Html {
    let h = &page.household;
    details("cd-household", &h.summary, vec![
        text("p", "cd-muted", &h.privacy),
        el("div", "cd-grid", h.fields.iter().map(|f| dispatch.field(f, NodeRef::default())).collect()),
        html! {
            <label class="cd-check">
                <input type="checkbox" checked={h.not_taxable} onchange={dispatch.to(|e: Event| Action::SetNotTaxable(checked(&e)))} />
                { text("span", "", &h.not_taxable_label) }
            </label>
        },
    ])
}

/// The computation's steps, each with its source, then the questions the law leaves open.
fn how(page: &AccountPage) -> Html {
    let h = &page.how;
    let steps = match &h.empty {
        Some(empty) => text("p", "", empty),
        None => el("ol", "cd-steps", h.steps.iter().map(|(step, source)| {
            el("li", "", vec![Html::from(step.as_str()), Html::from(" "), text("span", "cd-source", source)])
        }).collect()),
    };
    details("cd-how", &h.summary, vec![steps, text("h4", "", &h.open_heading), list("cd-source", &h.open_questions)])
}

//! The register page's root: the configuration, the register (new or opened), the
//! statements' import with a CSV's columns to confirm, the credits, the save. State
//! lives here; every word comes from `circo_don::register::words`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use circo_don::config;
use circo_don::i18n::{Lang, Text};
use circo_don::payment::iban::group_iban;
use circo_don::register::file::{self, FileError};
use circo_don::register::session::{Import, Session};
use circo_don::register::checks::Context;
use circo_don::register::statement::{AmountColumns, ColumnMapping, EntryId, Proposal};
use circo_don::register::words::{self as w, Words};

use crate::{io, records};

/// A message under a step: good news, or a refusal.
#[derive(Clone, PartialEq)]
pub(crate) struct Note {
    pub(crate) text: Text,
    pub(crate) error: bool,
}

pub(crate) fn ok(text: Text) -> Option<Note> {
    Some(Note { text, error: false })
}

pub(crate) fn err(text: Text) -> Option<Note> {
    Some(Note { text, error: true })
}

pub(crate) fn t(words: Words) -> Text {
    Text::new(words.fr, words.en)
}

/// A CSV file waiting for its columns to be confirmed.
#[derive(Clone, PartialEq)]
struct PendingCsv {
    name: String,
    bytes: Vec<u8>,
    proposal: Proposal,
}

#[derive(Clone, Default)]
pub(crate) struct State {
    lang: Lang,
    /// The account's title and IBAN, from its circo.json.
    account: Option<(String, String)>,
    config_note: Option<Note>,
    /// The saved register chosen, waiting for its passphrase.
    chosen: Option<(String, Vec<u8>)>,
    pub(crate) register: Option<Session>,
    /// Kept in memory only, to seal the next save.
    passphrase: String,
    register_note: Option<Note>,
    pending: Option<PendingCsv>,
    import_note: Option<Note>,
    save_note: Option<Note>,
    handle: io::Handle,
    pub(crate) dirty: bool,
    busy: bool,
    /// The configuration's text, for the new circo.json, and what the checks need of it.
    pub(crate) config_text: Option<String>,
    ctx: Option<Context>,
    /// The credit whose attribution panel is open.
    pub(crate) selected: Option<EntryId>,
    /// The deposit's parts as typed, for their running total.
    pub(crate) split_text: String,
    pub(crate) attribute_note: Option<Note>,
    pub(crate) gifts_note: Option<Note>,
    pub(crate) donors_note: Option<Note>,
    pub(crate) outputs_note: Option<Note>,
}

impl State {
    /// A register created or opened: nothing said or half-typed about the previous one
    /// stays on the page.
    fn forget_edits(&mut self) {
        self.selected = None;
        self.split_text.clear();
        self.attribute_note = None;
        self.gifts_note = None;
        self.donors_note = None;
        self.outputs_note = None;
        self.import_note = None;
        self.save_note = None;
    }
}

impl PartialEq for State {
    fn eq(&self, _: &State) -> bool {
        false
    }
}

/// A change of the state, applied to a copy.
pub(crate) struct Update(Box<dyn FnOnce(&mut State)>);

impl Reducible for State {
    type Action = Update;
    fn reduce(self: Rc<Self>, update: Update) -> Rc<Self> {
        let mut next = (*self).clone();
        (update.0)(&mut next);
        Rc::new(next)
    }
}

pub(crate) type Handle = UseReducerHandle<State>;

pub(crate) fn apply(state: &Handle, f: impl FnOnce(&mut State) + 'static) {
    state.dispatch(Update(Box::new(f)));
}

/// The first file of a file input's change, and the input emptied (so that the same
/// file can be chosen again).
pub(crate) fn chosen_file(e: &Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

fn value_of(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

pub(crate) fn note_view(note: &Option<Note>, lang: Lang) -> Html {
    match note {
        Some(Note { text, error: true }) => html! { <p class="r-note r-error" role="alert">{ text.get(lang) }</p> },
        Some(Note { text, error: false }) => html! { <p class="r-note" role="status">{ text.get(lang) }</p> },
        None => html! {},
    }
}

fn open_config(state: Handle, e: Event) {
    let Some(file) = chosen_file(&e) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let text = io::file_bytes(file).await.map(|b| String::from_utf8_lossy(&b).into_owned());
        apply(&state, move |s| {
            let loaded = text.as_deref().map(config::load);
            let valid = loaded.as_ref().and_then(|l| l.account());
            s.ctx = valid.map(Context::of);
            let account = valid.and_then(|a| {
                let transfer = a.payment.transfer.as_ref()?;
                Some((a.mandataire.account_title.clone(), transfer.iban.clone()))
            });
            s.config_text = text.clone().filter(|_| account.is_some());
            match account {
                Some((title, iban)) => {
                    s.config_note = ok(w::config_opened(&title, &group_iban(&iban)));
                    s.account = Some((title, iban));
                }
                None => {
                    s.config_note = err(t(if text.is_some() { w::CONFIG_NOT_ACCOUNT } else { w::UNREADABLE_FILE }));
                    s.account = None;
                }
            }
        });
    });
}

fn create(state: Handle, pass: String, again: String) {
    if let Some(problem) = file::passphrase_problem(&pass, &again) {
        apply(&state, move |s| s.register_note = err(problem));
        return;
    }
    apply(&state, move |s| {
        s.register = Some(Session::default());
        s.forget_edits();
        s.passphrase = pass;
        s.handle = None;
        s.dirty = true;
        s.register_note = ok(t(w::CREATED));
    });
}

fn open_register(state: Handle, pass: String) {
    let Some((_, bytes)) = state.chosen.clone() else { return };
    apply(&state, |s| {
        s.busy = true;
        s.register_note = ok(t(w::WORKING));
    });
    wasm_bindgen_futures::spawn_local(async move {
        io::next_frame().await;
        let opened = file::open(&bytes, &pass).map_err(FileError::message).and_then(|plain| Session::from_json(&plain));
        apply(&state, move |s| {
            s.busy = false;
            match opened {
                Ok(session) => {
                    s.register = Some(session);
                    s.forget_edits();
                    s.passphrase = pass;
                    s.handle = None;
                    s.dirty = false;
                    s.pending = None;
                    s.register_note = ok(t(w::OPENED));
                }
                // Nothing the page holds changes.
                Err(message) => s.register_note = err(message),
            }
        });
    });
}

fn import(state: Handle, e: Event) {
    let Some(file) = chosen_file(&e) else { return };
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = io::file_bytes(file).await;
        apply(&state, move |s| {
            let (Some(bytes), Some((_, iban)), Some(register)) = (bytes, s.account.clone(), s.register.as_mut()) else {
                s.import_note = err(t(w::UNREADABLE_FILE));
                return;
            };
            s.pending = None;
            match register.import(&bytes, &iban, None) {
                Ok(Import::Columns(proposal)) => {
                    s.import_note = None;
                    s.pending = Some(PendingCsv { name, bytes, proposal });
                }
                Ok(Import::Done { added, known, note }) => {
                    s.dirty |= added > 0;
                    let mut text = w::imported(added, known);
                    if let Some(n) = note {
                        text = Text::new(format!("{} {}", text.fr, n.fr), format!("{} {}", text.en, n.en));
                    }
                    s.import_note = ok(text);
                }
                Err(e) => s.import_note = err(w::refused(&name, &e.message())),
            }
        });
    });
}

/// Imports the pending CSV with the columns as the form now says. A refusal (a column
/// that does not read as dates or amounts) keeps the file and the form, to correct.
fn confirm_columns(state: Handle, mapping: ColumnMapping) {
    apply(&state, move |s| {
        let (Some(p), Some((_, iban)), Some(register)) = (s.pending.clone(), s.account.clone(), s.register.as_mut()) else { return };
        s.import_note = match register.import(&p.bytes, &iban, Some(&mapping)) {
            Ok(Import::Done { added, known, note }) => {
                s.dirty = true;
                s.pending = None;
                let text = w::imported(added, known);
                ok(match note {
                    Some(n) => Text::new(format!("{} {}", text.fr, n.fr), format!("{} {}", text.en, n.en)),
                    None => text,
                })
            }
            Ok(Import::Columns(_)) => None,
            Err(e) => err(w::refused(&p.name, &e.message())),
        };
    });
}

/// The mapping the columns' form says: each role's chosen header, the label columns
/// ticked, in the header's order.
fn mapping_from_form(p: &Proposal) -> ColumnMapping {
    let m = &p.mapping;
    let optional = |id: &str| Some(io::control_value(id)).filter(|v| !v.is_empty());
    let amount = match &m.amount {
        AmountColumns::Signed { .. } => AmountColumns::Signed { signed: io::control_value("r-col-amount") },
        AmountColumns::DebitCredit { .. } => AmountColumns::DebitCredit { debit: io::control_value("r-col-debit"), credit: io::control_value("r-col-credit") },
    };
    let ticked = |i: usize| io::control_checked(&format!("r-col-label-{i}"));
    ColumnMapping {
        delimiter: m.delimiter,
        date: io::control_value("r-col-date"),
        amount,
        remittance: p.headers.iter().enumerate().filter(|(i, _)| ticked(*i)).map(|(_, h)| h.clone()).collect(),
        counterparty: optional("r-col-party"),
        reference: optional("r-col-reference"),
        currency: m.currency.clone(),
    }
}

fn save(state: Handle) {
    let Some(register) = state.register.clone() else { return };
    let (pass, handle) = (state.passphrase.clone(), state.handle.clone());
    apply(&state, |s| {
        s.busy = true;
        s.save_note = ok(t(w::WORKING));
    });
    wasm_bindgen_futures::spawn_local(async move {
        io::next_frame().await;
        let sealed = file::seal(&register.to_json(), &pass, io::random(), io::random());
        let saved = io::save(&sealed, w::FILE_NAME, handle).await;
        apply(&state, move |s| {
            s.busy = false;
            match saved {
                Ok(handle) => {
                    s.handle = handle;
                    s.dirty = false;
                    s.save_note = ok(t(w::SAVED));
                }
                Err(()) => s.save_note = err(t(w::SAVE_FAILED)),
            }
        });
    });
}

fn columns_view(p: &PendingCsv, lang: Lang, state: &Handle) -> Html {
    let m: &ColumnMapping = &p.proposal.mapping;
    // One list of the header's names per role, the proposal chosen; optional roles may
    // be none.
    let choose = |id: &'static str, role: Words, chosen: Option<&str>, optional: bool| {
        html! {
            <div class="r-col">
                <label for={id}>{ role.get(lang) }</label>
                <select {id}>
                    if optional { <option value="" selected={chosen.is_none()}>{ w::COL_NONE.get(lang) }</option> }
                    { for p.proposal.headers.iter().filter(|h| !h.is_empty()).map(|h| html! {
                        <option value={h.clone()} selected={chosen == Some(h.as_str())}>{ h.clone() }</option>
                    }) }
                </select>
            </div>
        }
    };
    let amounts = match &m.amount {
        AmountColumns::Signed { signed } => choose("r-col-amount", w::COL_AMOUNT, Some(signed), false),
        AmountColumns::DebitCredit { debit, credit } => html! {
            <>{ choose("r-col-debit", w::COL_DEBIT, Some(debit), false) }{ choose("r-col-credit", w::COL_CREDIT, Some(credit), false) }</>
        },
    };
    let confirm = {
        let (state, proposal) = (state.clone(), p.proposal.clone());
        Callback::from(move |_| confirm_columns(state.clone(), mapping_from_form(&proposal)))
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_| apply(&state, |s| s.pending = None))
    };
    html! {
        <section class="r-columns" aria-labelledby="r-columns-h" key={p.name.clone()}>
            <h3 id="r-columns-h">{ w::COLUMNS_TITLE.get(lang) }{ " — " }{ &p.name }</h3>
            <p>{ w::COLUMNS_INTRO.get(lang) }</p>
            <div class="r-grid">
                { choose("r-col-date", w::COL_DATE, Some(&m.date), false) }
                { amounts }
                { choose("r-col-party", w::COL_PARTY, m.counterparty.as_deref(), true) }
                { choose("r-col-reference", w::COL_REFERENCE, m.reference.as_deref(), true) }
            </div>
            <fieldset class="r-labels">
                <legend>{ w::COL_LABEL.get(lang) }</legend>
                { for p.proposal.headers.iter().enumerate().filter(|(_, h)| !h.is_empty()).map(|(i, h)| {
                    let id = format!("r-col-label-{i}");
                    html! { <label class="r-check" for={id.clone()}><input type="checkbox" {id} checked={m.remittance.contains(h)} />{ " " }{ h.clone() }</label> }
                }) }
            </fieldset>
            <div class="r-actions">
                <button type="button" class="r-primary" onclick={confirm}>{ w::CONFIRM_COLUMNS.get(lang) }</button>
                <button type="button" onclick={cancel}>{ w::CANCEL.get(lang) }</button>
            </div>
        </section>
    }
}

/// Sections 5 to 8, and the printable list: they share the checks and the summary.
fn assessed(state: &Handle, register: &Session, ctx: &Context, lang: Lang) -> Html {
    let (checks, summary) = records::assess(register, ctx);
    let account = state.account.as_ref().map(|(title, _)| title.clone()).unwrap_or_default();
    html! {
        <>
            <section aria-labelledby="r-gifts-h">
                <h2 id="r-gifts-h">{ w::STEP_GIFTS.get(lang) }</h2>
                { records::gifts(state, register, &checks, lang) }
            </section>
            <section aria-labelledby="r-donors-h">
                <h2 id="r-donors-h">{ w::STEP_DONORS.get(lang) }</h2>
                { records::donors(state, register, &checks, lang) }
            </section>
            <section aria-labelledby="r-checks-h">
                <h2 id="r-checks-h">{ w::STEP_CHECKS.get(lang) }</h2>
                { records::summary(register, &summary, &checks, lang) }
            </section>
            <section aria-labelledby="r-outputs-h">
                <h2 id="r-outputs-h">{ w::STEP_OUTPUTS.get(lang) }</h2>
                { records::outputs(state, register, &summary, lang) }
            </section>
            { records::printable(register, &account, lang) }
        </>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let lang = state.lang;
    let dirty = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let dirty = (*dirty).clone();
        use_effect_with((), move |_| io::warn_before_leaving(dirty, w::LEAVE_WARNING.fr));
    }
    dirty.set(state.dirty);
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.tag());
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&format!("circo-don : {}", w::TITLE.get(*lang)));
        }
    });
    let (pass_new, pass_again, pass_open) = (use_node_ref(), use_node_ref(), use_node_ref());

    let switch = {
        let state = state.clone();
        Callback::from(move |_| apply(&state, |s| s.lang = if s.lang == Lang::Fr { Lang::En } else { Lang::Fr }))
    };
    let on_config = {
        let state = state.clone();
        Callback::from(move |e: Event| open_config(state.clone(), e))
    };
    let on_create = {
        let (state, a, b) = (state.clone(), pass_new.clone(), pass_again.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            create(state.clone(), value_of(&a), value_of(&b));
        })
    };
    let on_choose = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(file) = chosen_file(&e) else { return };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let bytes = io::file_bytes(file).await;
                apply(&state, move |s| match bytes {
                    Some(b) => {
                        s.chosen = Some((name, b));
                        s.register_note = None;
                    }
                    None => s.register_note = err(t(w::UNREADABLE_FILE)),
                });
            });
        })
    };
    let on_open = {
        let (state, p) = (state.clone(), pass_open.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            open_register(state.clone(), value_of(&p));
        })
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |e: Event| import(state.clone(), e))
    };
    let on_save = {
        let state = state.clone();
        Callback::from(move |_| save(state.clone()))
    };
    let ready = state.account.is_some();

    html! {
        <main class="r-page">
            <header class="r-head">
                <h1>{ w::TITLE.get(lang) }</h1>
                <button type="button" class="r-lang" lang={w::SWITCH_LANG.get(lang)} onclick={switch}>{ w::SWITCH.get(lang) }</button>
            </header>
            <p class="r-intro">{ w::INTRO.get(lang) }</p>

            <section aria-labelledby="r-config-h">
                <h2 id="r-config-h">{ w::STEP_CONFIG.get(lang) }</h2>
                <label for="r-config">{ w::CONFIG_LABEL.get(lang) }</label>
                <p class="r-hint" id="r-config-hint">{ w::CONFIG_HINT.get(lang) }</p>
                <input type="file" id="r-config" accept=".json,application/json" aria-describedby="r-config-hint" onchange={on_config} />
                { note_view(&state.config_note, lang) }
            </section>

            if ready {
                <section aria-labelledby="r-register-h">
                    <h2 id="r-register-h">{ w::STEP_REGISTER.get(lang) }</h2>
                    <p class="r-hint" id="r-pass-hint">{ w::PASSPHRASE_HINT.get(lang) }</p>
                    <div class="r-two">
                        <form class="r-box" onsubmit={on_create}>
                            <h3>{ w::NEW_REGISTER.get(lang) }</h3>
                            <label for="r-new-pass">{ w::PASSPHRASE.get(lang) }</label>
                            <input type="password" id="r-new-pass" autocomplete="new-password" aria-describedby="r-pass-hint" ref={pass_new} />
                            <label for="r-new-again">{ w::PASSPHRASE_AGAIN.get(lang) }</label>
                            <input type="password" id="r-new-again" autocomplete="new-password" ref={pass_again} />
                            <button type="submit" disabled={state.busy}>{ w::CREATE.get(lang) }</button>
                        </form>
                        <form class="r-box" onsubmit={on_open}>
                            <h3>{ w::OPEN.get(lang) }</h3>
                            <label for="r-open-file">{ w::OPEN_LABEL.get(lang) }</label>
                            <input type="file" id="r-open-file" accept=".circo-reg" onchange={on_choose} />
                            if let Some((name, _)) = &state.chosen { <p class="r-hint">{ name }</p> }
                            <label for="r-open-pass">{ w::PASSPHRASE.get(lang) }</label>
                            <input type="password" id="r-open-pass" autocomplete="current-password" ref={pass_open} />
                            <button type="submit" disabled={state.busy || state.chosen.is_none()}>{ w::OPEN.get(lang) }</button>
                        </form>
                    </div>
                    { note_view(&state.register_note, lang) }
                </section>
            }

            if let (true, Some(register)) = (ready, &state.register) {
                <section aria-labelledby="r-import-h">
                    <h2 id="r-import-h">{ w::STEP_IMPORT.get(lang) }</h2>
                    <label for="r-import">{ w::IMPORT_LABEL.get(lang) }</label>
                    <p class="r-hint" id="r-import-hint">{ w::IMPORT_HINT.get(lang) }</p>
                    <input type="file" id="r-import" accept=".xml,.ofx,.qfx,.csv,.txt" aria-describedby="r-import-hint" onchange={on_import} />
                    if let Some(p) = &state.pending { { columns_view(p, lang, &state) } }
                    { note_view(&state.import_note, lang) }
                </section>
                <section aria-labelledby="r-credits-h">
                    <h2 id="r-credits-h" tabindex="-1">{ w::STEP_CREDITS.get(lang) }</h2>
                    { records::credits(&state, register, lang) }
                </section>
                if let Some(ctx) = &state.ctx {
                    { assessed(&state, register, ctx, lang) }
                }
                <section aria-labelledby="r-save-h">
                    <h2 id="r-save-h">{ w::STEP_SAVE.get(lang) }</h2>
                    <p class="r-hint">{ w::SAVE_HINT.get(lang) }</p>
                    if state.dirty { <p class="r-dirty">{ w::UNSAVED.get(lang) }</p> }
                    <button type="button" class="r-primary" onclick={on_save} disabled={state.busy}>{ w::SAVE.get(lang) }</button>
                    { note_view(&state.save_note, lang) }
                </section>
            }
        </main>
    }
}

//! The register page's records: the credits to attribute (one gift, a deposit split into
//! its payments, or not a gift), the gifts (their donor, their receipt's number, undo),
//! the donors (their R39-1 data, merged when one person appears twice), the checks with
//! the summary, and what comes out (the list of donors as CSV and printed, the new
//! circo.json). The state is the app's; every change goes through
//! `circo_don::register::model` on a copy, kept only when the core accepts it, so a
//! refused change loses nothing; every word comes from `circo_don::register::words`.

use yew::prelude::*;

use circo_don::date::Date;
use circo_don::i18n::{Lang, Text};
use circo_don::money::{parse_amount, Cents};
use circo_don::payment::Method;
use circo_don::register::checks::{At, Check, Level};
use circo_don::register::model::{parse_parts, parts_text, AttributionError, Donor, DonorId, Gift, MatchBy, NewGift, NotGift, Register, Source};
use circo_don::register::outputs::{self, method_name, Summary};
use circo_don::register::provider::parts_from_csv;
use circo_don::register::session::Session;
use circo_don::register::statement::{Entry, EntryId};
use circo_don::register::words as w;

use crate::app::{apply, err, note_view, ok, t, Handle, Note, State};
use crate::io;

// Every `<select>` here marks its default option `selected`: Yew inserts a list's
// children from the last, so a select without one would show its last option.

/// Applies `f` to a copy of the register and keeps the copy only if `f` succeeds: the
/// note says what happened, or why nothing did.
fn change(s: &mut State, f: impl FnOnce(&mut Register) -> Result<Text, AttributionError>) -> Option<Note> {
    let session = s.register.as_mut()?;
    let mut copy = session.register.clone();
    match f(&mut copy) {
        Ok(text) => {
            session.register = copy;
            s.dirty = true;
            ok(text)
        }
        Err(e) => err(e.message()),
    }
}

fn callback<E: 'static>(state: &Handle, f: impl Fn(&Handle, E) + 'static) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |e: E| f(&state, e))
}

fn donors_sorted(r: &Register) -> Vec<&Donor> {
    let mut donors: Vec<&Donor> = r.donors.iter().collect();
    donors.sort_by_key(|d| (d.display_name().to_lowercase(), d.id));
    donors
}

fn donor_label(d: &Donor, lang: Lang) -> String {
    let name = d.display_name();
    if name.is_empty() { w::NO_NAME.get(lang).to_owned() + " " + &d.id.0.to_string() } else { name }
}

/// A donor chosen in a select: `""` none, `"new"` a new one (made by `new`), else a
/// donor's number.
fn chosen_donor(r: &mut Register, choice: &str, new: impl FnOnce() -> Donor) -> Result<Option<DonorId>, AttributionError> {
    match choice {
        "" => Ok(None),
        "new" => Ok(Some(r.add_donor(new()))),
        id => {
            let id = DonorId(id.parse().unwrap_or(u32::MAX));
            r.donor(id).map(|_| Some(id)).ok_or(AttributionError::UnknownDonor(id))
        }
    }
}

/// A payer's name as the first guess of a new donor's surname.
fn donor_from(name: &str, first_names: &str) -> Donor {
    Donor { name: name.trim().to_owned(), first_names: first_names.trim().to_owned(), ..Donor::default() }
}

// ---------------------------------------------------------------- the credits

/// Section 4: the credits not yet attributed, and the panel of the one chosen.
pub fn credits(state: &Handle, session: &Session, lang: Lang) -> Html {
    let all = session.credits().count();
    if all == 0 {
        return html! { <p>{ w::NO_CREDITS.get(lang) }</p> };
    }
    let left: Vec<&Entry> = session.register.unattributed(&session.entries).collect();
    let total = left.iter().fold(Cents::ZERO, |sum, e| sum + e.amount);
    let selected = state.selected.as_ref().and_then(|id| left.iter().find(|e| &e.id == id)).copied();
    html! {
        <>
            <p>{ w::credits_left(left.len(), all, total).get(lang) }</p>
            if left.is_empty() { <p class="r-good">{ w::ALL_ATTRIBUTED.get(lang) }</p> } else {
                <div class="r-scroll" role="region" aria-labelledby="r-credits-h" tabindex="0">
                    <table>
                        <thead><tr>
                            <th scope="col">{ w::TH_DATE.get(lang) }</th>
                            <th scope="col" class="r-num">{ w::TH_AMOUNT.get(lang) }</th>
                            <th scope="col">{ w::TH_PAYER.get(lang) }</th>
                            <th scope="col">{ w::TH_TEXT.get(lang) }</th>
                            <th scope="col">{ w::TH_BATCH.get(lang) }</th>
                            <th scope="col"><span class="r-hidden">{ w::ATTRIBUTE.get(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for left.iter().map(|e| credit_row(state, e, lang)) }
                        </tbody>
                    </table>
                </div>
            }
            { note_view(&state.attribute_note, lang) }
            if let Some(entry) = selected { { panel(state, session, entry, lang) } }
        </>
    }
}

fn credit_row(state: &Handle, e: &Entry, lang: Lang) -> Html {
    let id = e.id.clone();
    let open = callback(state, move |state, _: MouseEvent| {
        let id = id.clone();
        apply(state, move |s| {
            s.selected = Some(id);
            s.attribute_note = None;
            s.split_text.clear();
        });
        focus_later("r-panel-h");
    });
    let payer = e.counterparty.clone().unwrap_or_default();
    let label = w::attribute_title(e.booking_date, e.amount, &payer);
    let pressed = state.selected.as_ref() == Some(&e.id);
    html! {
        <tr key={e.id.as_str().to_owned()} data-entry={e.id.as_str().to_owned()}>
            <td class="r-date" data-label={w::TH_DATE.get(lang)}>{ e.booking_date.format(lang) }</td>
            <td class="r-num" data-label={w::TH_AMOUNT.get(lang)}>{ e.amount.format_with_cents(lang) }</td>
            <td data-label={w::TH_PAYER.get(lang)}>{ payer }</td>
            <td data-label={w::TH_TEXT.get(lang)}>{ &e.remittance }</td>
            <td data-label={w::TH_BATCH.get(lang)}>{ e.batch.as_ref().map(|b| format!("{} · {}", b.label, w::batch_part(b.index, b.count).get(lang))).unwrap_or_default() }</td>
            <td><button type="button" class="r-small" aria-label={label.get(lang).to_owned()} aria-expanded={pressed.to_string()} aria-controls="r-panel" onclick={open}>{ w::ATTRIBUTE.get(lang) }</button></td>
        </tr>
    }
}

/// Moves the focus to `id` once the next render has drawn it: to an opened credit's
/// panel, and back to the credits' heading (which says how many are left) once the
/// panel closes.
fn focus_later(id: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        io::next_frame().await;
        if let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
            let _ = js_sys::Reflect::get(&e, &"focus".into())
                .ok()
                .and_then(|f| js_sys::Function::from(f).call0(&e).ok());
        }
    });
}

/// The panel that attributes one credit: the proposal (to confirm), one gift, a split,
/// or not a gift.
fn panel(state: &Handle, session: &Session, entry: &Entry, lang: Lang) -> Html {
    let r = &session.register;
    let payer = entry.counterparty.clone().unwrap_or_default();
    let proposal = r.proposals(&session.entries).into_iter().find(|p| p.entry == entry.id);
    let proposal_view = proposal.as_ref().and_then(|p| {
        let donor = r.donor(p.donor)?;
        let reference = match &p.by {
            MatchBy::Reference(reference) => Some(reference.to_string()),
            MatchBy::Name => None,
        };
        let by_hand = p.gift.is_some();
        let (p, e) = (p.clone(), entry.clone());
        let confirm = callback(state, move |state, _: MouseEvent| {
            let (p, e) = (p.clone(), e.clone());
            apply(state, move |s| {
                s.attribute_note = change(s, |r| r.confirm(&p, &e).map(|_| t(w::ATTRIBUTED)));
                if s.attribute_note.as_ref().is_some_and(|n| !n.error) {
                    s.selected = None;
                    focus_later("r-credits-h");
                }
            });
        });
        Some(html! {
            <div class="r-proposal">
                <p>{ w::proposal(&donor_label(donor, lang), reference.as_deref(), by_hand).get(lang) }</p>
                <button type="button" class="r-primary" onclick={confirm}>{ w::CONFIRM_PROPOSAL.get(lang) }</button>
            </div>
        })
    });

    let one = {
        let e = entry.clone();
        callback(state, move |state, ev: SubmitEvent| {
            ev.prevent_default();
            let (choice, name, first) = (io::control_value("r-att-donor"), io::control_value("r-att-name"), io::control_value("r-att-first"));
            let e = e.clone();
            apply(state, move |s| {
                // « Nouveau donateur » with no name typed: the gift waits for its donor.
                let unnamed = choice == "new" && name.trim().is_empty() && first.trim().is_empty();
                let choice = if unnamed { String::new() } else { choice };
                s.attribute_note = change(s, |r| {
                    let donor = chosen_donor(r, &choice, || donor_from(&name, &first))?;
                    r.attribute(&e, donor).map(|_| t(w::ATTRIBUTED))
                });
                if s.attribute_note.as_ref().is_some_and(|n| !n.error) {
                    s.selected = None;
                    focus_later("r-credits-h");
                }
            });
        })
    };
    let typed = callback(state, |state, e: InputEvent| {
        let text = io::event_value(&e);
        apply(state, move |s| s.split_text = text);
    });
    let split = {
        let e = entry.clone();
        callback(state, move |state, ev: SubmitEvent| {
            ev.prevent_default();
            let text = io::control_value("r-att-parts");
            let e = e.clone();
            apply(state, move |s| {
                s.attribute_note = match parse_parts(&text) {
                    Ok(parts) => change(s, |r| r.split(&e, &parts).map(|ids| w::split_done(ids.len()))),
                    Err(message) => err(message),
                };
                if s.attribute_note.as_ref().is_some_and(|n| !n.error) {
                    s.selected = None;
                    focus_later("r-credits-h");
                    s.split_text.clear();
                }
            });
        })
    };
    let not_gift = {
        let e = entry.clone();
        callback(state, move |state, ev: SubmitEvent| {
            ev.prevent_default();
            let (why, other) = (io::control_value("r-att-why"), io::control_value("r-att-other"));
            let e = e.clone();
            apply(state, move |s| {
                let why = match why.as_str() {
                    "personal-contribution" => NotGift::PersonalContribution,
                    "party-payment" => NotGift::PartyPayment,
                    "refund" => NotGift::Refund,
                    _ if other.trim().is_empty() => {
                        s.attribute_note = err(t(w::OTHER_MISSING));
                        return;
                    }
                    _ => NotGift::Other(other.trim().to_owned()),
                };
                s.attribute_note = change(s, |r| r.not_a_gift(&e, why).map(|()| t(w::NOT_GIFT_DONE)));
                if s.attribute_note.as_ref().is_some_and(|n| !n.error) {
                    s.selected = None;
                    focus_later("r-credits-h");
                }
            });
        })
    };
    let provider = {
        let credit = entry.amount;
        callback(state, move |state, e: Event| {
            let Some(file) = crate::app::chosen_file(&e) else { return };
            let (state, name) = (state.clone(), file.name());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = io::file_bytes(file).await;
                apply(&state, move |s| {
                    let Some(bytes) = bytes else {
                        s.attribute_note = err(t(w::UNREADABLE_FILE));
                        return;
                    };
                    match parts_from_csv(&bytes) {
                        Ok(export) => {
                            s.split_text = parts_text(&export.parts);
                            let read = w::provider_read(&name, export.parts.len(), export.skipped.len());
                            // Read, but not the credit's amount: say why next to what was read.
                            s.attribute_note = match export.against(credit) {
                                Ok(()) => ok(read),
                                Err(why) => err(Text::new(format!("{} {}", read.fr, why.fr), format!("{} {}", read.en, why.en))),
                            };
                        }
                        Err(why) => s.attribute_note = err(w::refused(&name, &why)),
                    }
                });
            });
        })
    };
    let close = callback(state, |state, _: MouseEvent| {
        apply(state, |s| s.selected = None);
        focus_later("r-credits-h");
    });

    let status = (!state.split_text.trim().is_empty()).then(|| match parse_parts(&state.split_text) {
        Ok(parts) => {
            let sum = parts.iter().fold(Cents::ZERO, |s, p| s + p.amount);
            (w::split_status(parts.len(), sum, entry.amount), sum != entry.amount)
        }
        Err(message) => (message, true),
    });
    let proposed = proposal.as_ref().map(|p| p.donor);
    let title = w::attribute_title(entry.booking_date, entry.amount, &payer);
    html! {
        <section id="r-panel" class="r-panel" key={entry.id.as_str().to_owned()} aria-labelledby="r-panel-h">
            <h3 id="r-panel-h" tabindex="-1">{ title.get(lang) }</h3>
            if !entry.remittance.is_empty() { <p class="r-hint">{ &entry.remittance }</p> }
            { for proposal_view }
            <div class="r-three">
                <form class="r-box" onsubmit={one}>
                    <h4>{ w::ONE_GIFT.get(lang) }</h4>
                    <label for="r-att-donor">{ w::DONOR.get(lang) }</label>
                    <select id="r-att-donor">
                        <option value="new" selected={proposed.is_none()}>{ w::NEW_DONOR.get(lang) }</option>
                        <option value="">{ w::NO_DONOR_YET.get(lang) }</option>
                        { for donors_sorted(r).into_iter().map(|d| html! {
                            <option value={d.id.0.to_string()} selected={proposed == Some(d.id)}>{ donor_label(d, lang) }</option>
                        }) }
                    </select>
                    <p class="r-hint" id="r-att-new-hint">{ w::NEW_DONOR_HINT.get(lang) }</p>
                    <label for="r-att-name">{ w::NAME.get(lang) }</label>
                    <input type="text" id="r-att-name" value={payer.clone()} aria-describedby="r-att-new-hint" autocomplete="off" />
                    <label for="r-att-first">{ w::FIRST_NAMES.get(lang) }</label>
                    <input type="text" id="r-att-first" aria-describedby="r-att-new-hint" autocomplete="off" />
                    <button type="submit">{ w::ATTRIBUTE_GIFT.get(lang) }</button>
                </form>
                <form class="r-box" onsubmit={split}>
                    <h4>{ w::SPLIT_TITLE.get(lang) }</h4>
                    <label for="r-att-parts">{ w::SPLIT_LABEL.get(lang) }</label>
                    <p class="r-hint" id="r-att-parts-hint">{ w::SPLIT_HINT.get(lang) }</p>
                    <textarea id="r-att-parts" rows="5" aria-describedby="r-att-parts-hint r-att-parts-status" oninput={typed} value={state.split_text.clone()} />
                    <p id="r-att-parts-status" class={classes!("r-status", status.as_ref().filter(|s| s.1).map(|_| "r-off"))} aria-live="polite">
                        { status.map(|(text, _)| text.get(lang).to_owned()).unwrap_or_default() }
                    </p>
                    <label for="r-att-provider">{ w::PROVIDER_LABEL.get(lang) }</label>
                    <input type="file" id="r-att-provider" accept=".csv,.txt,text/csv" onchange={provider} />
                    <button type="submit">{ w::SPLIT.get(lang) }</button>
                </form>
                <form class="r-box" onsubmit={not_gift}>
                    <h4>{ w::NOT_GIFT_TITLE.get(lang) }</h4>
                    <label for="r-att-why">{ w::NOT_GIFT_LABEL.get(lang) }</label>
                    <select id="r-att-why">
                        { for [NotGift::PersonalContribution, NotGift::PartyPayment, NotGift::Refund].iter().enumerate().map(|(i, n)| html! {
                            <option value={n.as_str().to_owned()} selected={i == 0}>{ n.text().get(lang).to_owned() }</option>
                        }) }
                        <option value="other">{ w::OTHER.get(lang) }</option>
                    </select>
                    <label for="r-att-other">{ w::OTHER_LABEL.get(lang) }</label>
                    <input type="text" id="r-att-other" autocomplete="off" />
                    <button type="submit">{ w::MARK_NOT_GIFT.get(lang) }</button>
                </form>
            </div>
            <button type="button" onclick={close}>{ w::CLOSE.get(lang) }</button>
        </section>
    }
}

// ---------------------------------------------------------------- the gifts

/// Section 5: the form for a gift by hand, every gift with its donor and receipt and
/// the checks that fire at it, and the credits marked as not gifts.
pub fn gifts(state: &Handle, session: &Session, checks: &[Check], lang: Lang) -> Html {
    let r = &session.register;
    let mut gifts: Vec<&Gift> = r.gifts.iter().collect();
    gifts.sort_by_key(|g| (g.date, g.id));
    let donors = donors_sorted(r);
    let add = callback(state, |state, ev: SubmitEvent| {
        ev.prevent_default();
        let (date, amount, method, payer, cheque, donor) =
            (io::control_value("r-hand-date"), io::control_value("r-hand-amount"), io::control_value("r-hand-method"), io::control_value("r-hand-payer"), io::control_value("r-hand-cheque"), io::control_value("r-hand-donor"));
        apply(state, move |s| {
            let Some(date) = Date::parse_iso(date.trim()) else {
                s.gifts_note = err(t(w::BAD_DATE));
                return;
            };
            let amount = match parse_amount(&amount) {
                Ok(a) => a,
                Err(e) => {
                    s.gifts_note = err(e.message());
                    return;
                }
            };
            let method = Method::ALL.into_iter().find(|m| m.as_str() == method).unwrap_or(Method::Cash);
            let payer = Some(payer.trim().to_owned()).filter(|p| !p.is_empty());
            let cheque_number = Some(cheque.trim().to_owned()).filter(|c| !c.is_empty());
            s.gifts_note = change(s, |r| {
                let new_name = payer.clone().unwrap_or_default();
                let donor = chosen_donor(r, &donor, || donor_from(&new_name, ""))?;
                r.add_by_hand(NewGift { amount, date, method, payer, cheque_number, donor }).map(|_| t(w::HAND_ADDED))
            });
        });
    });
    let not_gifts: Vec<(&EntryId, &NotGift, Option<&Entry>)> =
        r.not_gifts.iter().map(|(id, why)| (id, why, session.entries.iter().find(|e| &e.id == id))).collect();
    html! {
        <>
            <details class="r-box">
                <summary>{ w::HAND_TITLE.get(lang) }</summary>
                <form onsubmit={add} class="r-grid">
                    <div><label for="r-hand-date">{ w::HAND_DATE.get(lang) }</label><input type="date" id="r-hand-date" /></div>
                    <div><label for="r-hand-amount">{ w::HAND_AMOUNT.get(lang) }</label><input type="text" inputmode="decimal" id="r-hand-amount" autocomplete="off" /></div>
                    <div><label for="r-hand-method">{ w::HAND_METHOD.get(lang) }</label>
                        <select id="r-hand-method">
                            { for [Method::Cash, Method::Cheque, Method::Transfer, Method::Card].iter().map(|m| html! {
                                <option value={m.as_str()} selected={*m == Method::Cash}>{ method_name(*m, lang) }</option>
                            }) }
                        </select></div>
                    <div><label for="r-hand-payer">{ w::HAND_PAYER.get(lang) }</label><input type="text" id="r-hand-payer" autocomplete="off" /></div>
                    <div><label for="r-hand-cheque">{ w::HAND_CHEQUE.get(lang) }</label><input type="text" id="r-hand-cheque" autocomplete="off" /></div>
                    <div><label for="r-hand-donor">{ w::DONOR.get(lang) }</label>
                        <select id="r-hand-donor">
                            <option value="" selected=true>{ w::NO_DONOR_YET.get(lang) }</option>
                            <option value="new">{ w::NEW_DONOR_IS_PAYER.get(lang) }</option>
                            { for donors.iter().map(|d| html! { <option value={d.id.0.to_string()}>{ donor_label(d, lang) }</option> }) }
                        </select></div>
                    <div><button type="submit">{ w::ADD_GIFT.get(lang) }</button></div>
                </form>
            </details>
            { note_view(&state.gifts_note, lang) }
            if gifts.is_empty() { <p>{ w::NO_GIFTS.get(lang) }</p> } else {
                <p class="r-hint" id="r-receipt-hint">{ w::RECEIPT_HINT.get(lang) }</p>
                <div class="r-scroll" role="region" aria-labelledby="r-gifts-h" tabindex="0">
                    <table class="r-gifts">
                        <thead><tr>
                            <th scope="col">{ w::TH_GIFT.get(lang) }</th>
                            <th scope="col">{ w::TH_DATE.get(lang) }</th>
                            <th scope="col" class="r-num">{ w::TH_AMOUNT.get(lang) }</th>
                            <th scope="col">{ w::TH_METHOD.get(lang) }</th>
                            <th scope="col">{ w::TH_PAYER.get(lang) }</th>
                            <th scope="col">{ w::TH_DONOR.get(lang) }</th>
                            <th scope="col">{ w::TH_RECEIPT.get(lang) }</th>
                            <th scope="col"><span class="r-hidden">{ w::UNDO.get(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for gifts.iter().map(|g| gift_row(state, r, g, &donors, checks, lang)) }
                        </tbody>
                    </table>
                </div>
            }
            if !not_gifts.is_empty() {
                <h3>{ w::NOT_GIFTS_TITLE.get(lang) }</h3>
                <ul class="r-list">
                    { for not_gifts.into_iter().map(|(id, why, entry)| {
                        let id = id.clone();
                        let undo = callback(state, move |state, _: MouseEvent| {
                            let id = id.clone();
                            apply(state, move |s| s.gifts_note = change(s, |r| { r.undo(&id); Ok(t(w::UNDONE)) }));
                        });
                        let what = entry.map(|e| format!("{} · {} · {} — ", e.booking_date.format(lang), e.amount.format_with_cents(lang), e.counterparty.clone().unwrap_or_default())).unwrap_or_default();
                        html! { <li>{ what }{ why.text().get(lang).to_owned() }{ " " }<button type="button" class="r-small" onclick={undo}>{ w::UNDO.get(lang) }</button></li> }
                    }) }
                </ul>
            }
        </>
    }
}

fn gift_row(state: &Handle, r: &Register, g: &Gift, donors: &[&Donor], checks: &[Check], lang: Lang) -> Html {
    let id = g.id;
    let mine: Vec<&Check> = checks.iter().filter(|c| c.at == At::Gift(id)).collect();
    let payer = g.payer.clone().unwrap_or_default();
    let on_donor = {
        let payer = payer.clone();
        callback(state, move |state, e: Event| {
            let (choice, payer) = (io::event_value(&e), payer.clone());
            apply(state, move |s| {
                s.gifts_note = change(s, |r| {
                    let donor = chosen_donor(r, &choice, || donor_from(&payer, ""))?;
                    r.assign(id, donor).map(|()| t(w::GIFT_CHANGED))
                });
            });
        })
    };
    let on_receipt = callback(state, move |state, e: Event| {
        let number = io::event_value(&e);
        apply(state, move |s| s.gifts_note = change(s, |r| r.set_receipt(id, Some(number)).map(|()| t(w::GIFT_CHANGED))));
    });
    let undo = match &g.source {
        Source::Entry(entry) | Source::Part { entry, .. } => {
            let entry = entry.clone();
            let undo = callback(state, move |state, _: MouseEvent| {
                let entry = entry.clone();
                apply(state, move |s| s.gifts_note = change(s, |r| { r.undo(&entry); Ok(t(w::UNDONE)) }));
            });
            html! { <button type="button" class="r-small" onclick={undo}>{ w::UNDO.get(lang) }</button> }
        }
        Source::Hand => {
            let remove = callback(state, move |state, _: MouseEvent| {
                apply(state, move |s| s.gifts_note = change(s, |r| r.remove_by_hand(id).map(|()| t(w::REMOVED))));
            });
            html! { <button type="button" class="r-small" onclick={remove}>{ w::REMOVE.get(lang) }</button> }
        }
    };
    let (donor_id, receipt_id) = (format!("r-g{}-donor", id.0), format!("r-g{}-receipt", id.0));
    let new_option = (!payer.is_empty()).then(|| html! { <option value="new">{ w::new_donor_named(&payer).get(lang).to_owned() }</option> });
    // Keyed, so that a row keeps its own controls when rows move; its donor list is made
    // again when the gift's donor or the donors change, so that it shows the register's
    // choice and not a stale one.
    let select_key = format!("{}-{:?}-{}", id.0, g.donor.map(|d| d.0), donors.len());
    html! {
        <key={id.0}>
            <tr id={format!("gift-{}", id.0)} class={classes!((!mine.is_empty()).then_some("r-flagged"))}>
                <td data-label={w::TH_GIFT.get(lang)}>{ id.0 }</td>
                <td class="r-date" data-label={w::TH_DATE.get(lang)}>{ g.date.format(lang) }</td>
                <td class="r-num" data-label={w::TH_AMOUNT.get(lang)}>{ g.amount.format_with_cents(lang) }</td>
                <td data-label={w::TH_METHOD.get(lang)}>{ method_name(g.method, lang) }{ g.cheque_number.as_ref().map(|n| format!(" {n}")).unwrap_or_default() }</td>
                <td data-label={w::TH_PAYER.get(lang)}>{ payer.clone() }if let Some(r) = g.reference { <span class="r-ref">{ r.to_string() }</span> }</td>
                <td data-label={w::TH_DONOR.get(lang)}>
                    <select key={select_key} id={donor_id} aria-label={w::donor_of(id.0).get(lang).to_owned()} onchange={on_donor}>
                        <option value="" selected={g.donor.is_none()}>{ w::NO_DONOR_YET.get(lang) }</option>
                        { for new_option }
                        { for donors.iter().map(|d| html! { <option value={d.id.0.to_string()} selected={g.donor == Some(d.id)}>{ donor_label(d, lang) }</option> }) }
                    </select>
                </td>
                <td data-label={w::TH_RECEIPT.get(lang)}>
                    <input type="text" id={receipt_id} class="r-receipt" aria-label={w::receipt_of(id.0).get(lang).to_owned()} aria-describedby="r-receipt-hint" autocomplete="off"
                        value={g.receipt.clone().unwrap_or_default()} onchange={on_receipt} />
                </td>
                <td>{ undo }</td>
            </tr>
            if !mine.is_empty() {
                <tr class="r-checks-row"><td colspan="8">{ checks_list(r, &mine, false, lang) }</td></tr>
            }
        </>
    }
}

fn checks_list(r: &Register, checks: &[&Check], links: bool, lang: Lang) -> Html {
    html! {
        <ul class="r-checks">
            { for checks.iter().map(|c| {
                let (class, level) = match c.level { Level::Error => ("r-level r-error-level", w::LEVEL_ERROR), Level::Warning => ("r-level r-warn-level", w::LEVEL_WARNING) };
                let link = match (links, c.at) {
                    (true, At::Gift(g)) => html! { <>{ " — " }<a href={format!("#gift-{}", g.0)}>{ w::gift_name(g.0).get(lang).to_owned() }</a></> },
                    (true, At::Donor(d)) => {
                        let name = r.donor(d).map(|d| donor_label(d, lang)).unwrap_or_default();
                        html! { <>{ " — " }<a href={format!("#donor-{}", d.0)}>{ name }</a></> }
                    }
                    _ => html! {},
                };
                html! { <li><span class={class}>{ level.get(lang) }</span>{ " " }{ c.text().get(lang).to_owned() }{ link }</li> }
            }) }
        </ul>
    }
}

// ---------------------------------------------------------------- the donors

/// Section 6: each donor's R39-1 data, their total and checks; merging two records of
/// one person; adding a donor.
pub fn donors(state: &Handle, session: &Session, checks: &[Check], lang: Lang) -> Html {
    let r = &session.register;
    let donors = donors_sorted(r);
    let add = callback(state, |state, _: MouseEvent| {
        apply(state, |s| s.donors_note = change(s, |r| Ok(r.add_donor(Donor::default())).map(|_| t(w::DONOR_ADDED))));
    });
    html! {
        <>
            if donors.is_empty() { <p>{ w::NO_DONORS.get(lang) }</p> }
            { for donors.iter().map(|d| donor_view(state, r, d, &donors, checks, lang)) }
            <button type="button" onclick={add}>{ w::ADD_DONOR.get(lang) }</button>
            { note_view(&state.donors_note, lang) }
        </>
    }
}

fn donor_view(state: &Handle, r: &Register, d: &Donor, donors: &[&Donor], checks: &[Check], lang: Lang) -> Html {
    let id = d.id;
    let mine: Vec<&Check> = checks.iter().filter(|c| c.at == At::Donor(id)).collect();
    let field = |what: &str| format!("r-d{}-{what}", id.0);
    let save = {
        let ids = (field("name"), field("first"), field("nationality"), field("resides"), field("address"));
        callback(state, move |state, ev: SubmitEvent| {
            ev.prevent_default();
            let donor = Donor {
                id,
                name: io::control_value(&ids.0).trim().to_owned(),
                first_names: io::control_value(&ids.1).trim().to_owned(),
                nationality: Some(io::control_value(&ids.2).trim().to_owned()).filter(|n| !n.is_empty()),
                resides_in_france: match io::control_value(&ids.3).as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
                address: io::control_value(&ids.4).lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect(),
            };
            apply(state, move |s| s.donors_note = change(s, |r| r.update_donor(donor).map(|()| t(w::DONOR_SAVED))));
        })
    };
    let merge = {
        let with = field("merge");
        callback(state, move |state, _: MouseEvent| {
            let gone = io::control_value(&with).parse().map(DonorId);
            apply(state, move |s| {
                s.donors_note = match gone {
                    Ok(gone) => change(s, |r| r.merge_donors(id, gone).map(|()| t(w::MERGED))),
                    Err(_) => None,
                }
            });
        })
    };
    let gifts = r.gifts_of(id).count();
    let resides = d.resides_in_france;
    let others: Vec<&&Donor> = donors.iter().filter(|o| o.id != id).collect();
    html! {
        <details key={id.0} id={format!("donor-{}", id.0)} class={classes!("r-donor", (!mine.is_empty()).then_some("r-flagged"))} open={!mine.is_empty()}>
            <summary>
                <strong>{ donor_label(d, lang) }</strong>{ " — " }{ w::donor_total(r.donor_total(id), gifts).get(lang).to_owned() }
                if !mine.is_empty() { { " — " }{ w::checks_count(mine.iter().filter(|c| c.level == Level::Error).count(), mine.iter().filter(|c| c.level == Level::Warning).count()).get(lang).to_owned() } }
            </summary>
            { checks_list(r, &mine, false, lang) }
            <form class="r-grid" onsubmit={save}>
                <div><label for={field("name")}>{ w::NAME.get(lang) }</label><input type="text" id={field("name")} value={d.name.clone()} autocomplete="off" /></div>
                <div><label for={field("first")}>{ w::FIRST_NAMES.get(lang) }</label><input type="text" id={field("first")} value={d.first_names.clone()} autocomplete="off" /></div>
                <div><label for={field("nationality")}>{ w::NATIONALITY.get(lang) }</label><input type="text" id={field("nationality")} value={d.nationality.clone().unwrap_or_default()} autocomplete="off" /></div>
                <div><label for={field("resides")}>{ w::RESIDES.get(lang) }</label>
                    <select key={format!("{resides:?}")} id={field("resides")}>
                        <option value="" selected={resides.is_none()}>{ w::UNKNOWN.get(lang) }</option>
                        <option value="yes" selected={resides == Some(true)}>{ w::YES.get(lang) }</option>
                        <option value="no" selected={resides == Some(false)}>{ w::NO.get(lang) }</option>
                    </select></div>
                <div class="r-wide"><label for={field("address")}>{ w::ADDRESS.get(lang) }</label>
                    <textarea id={field("address")} rows="3" value={d.address.join("\n")} /></div>
                <div><button type="submit">{ w::SAVE_DONOR.get(lang) }</button></div>
            </form>
            if !others.is_empty() {
                <div class="r-merge">
                    <label for={field("merge")}>{ w::MERGE_LABEL.get(lang) }</label>
                    <select id={field("merge")}>
                        { for others.iter().enumerate().map(|(i, o)| html! { <option value={o.id.0.to_string()} selected={i == 0}>{ donor_label(o, lang) }</option> }) }
                    </select>
                    <button type="button" onclick={merge}>{ w::MERGE.get(lang) }</button>
                </div>
            }
        </details>
    }
}

// ---------------------------------------------------------------- checks and outputs

/// Section 7: the summary's lines, then every check with a link to where it fires.
pub fn summary(session: &Session, summary: &Summary, checks: &[Check], lang: Lang) -> Html {
    // What must be corrected first, then what to check.
    let mut all: Vec<&Check> = checks.iter().collect();
    all.sort_by_key(|c| c.level);
    html! {
        <>
            <ul class="r-summary">
                { for summary.lines().iter().map(|l| html! { <li>{ l.get(lang).trim().to_owned() }</li> }) }
            </ul>
            <p class="r-hint">{ w::CHECKS_NOTE.get(lang) }</p>
            if checks.is_empty() { <p class="r-good">{ w::NO_CHECKS.get(lang) }</p> } else {
                <p>{ w::checks_count(summary.errors, summary.warnings).get(lang).to_owned() }</p>
                { checks_list(&session.register, &all, true, lang) }
            }
        </>
    }
}

/// Today, from the browser's clock (the core has none).
fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
}

/// Section 8: the list of donors (CSV, printed) and the new circo.json.
pub fn outputs(state: &Handle, session: &Session, summary: &Summary, lang: Lang) -> Html {
    let figures = today().map(|d| outputs::goal(summary, d));
    let csv = callback(state, move |state, _: MouseEvent| {
        let Some(session) = state.register.as_ref() else { return };
        let bytes = outputs::donors_csv(&session.register, lang);
        let done = io::download_as(w::CSV_FILE_NAME, &bytes, "text/csv;charset=utf-8").is_some();
        apply(state, move |s| s.outputs_note = if done { ok(t(w::DOWNLOADED)) } else { err(t(w::SAVE_FAILED)) });
    });
    let print = callback(state, |_, _: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let config = callback(state, move |state, _: MouseEvent| {
        let (Some(text), Some(figures)) = (state.config_text.clone(), figures) else { return };
        let note = match outputs::with_goal(&text, figures) {
            Ok(json) => {
                if io::download_as(w::CONFIG_FILE_NAME, json.as_bytes(), "application/json").is_some() { ok(t(w::DOWNLOADED)) } else { err(t(w::SAVE_FAILED)) }
            }
            Err(message) => err(message),
        };
        apply(state, move |s| s.outputs_note = note);
    });
    let _ = session;
    html! {
        <>
            <p class="r-hint" id="r-csv-hint">{ w::CSV_HINT.get(lang) }</p>
            <div class="r-actions">
                <button type="button" aria-describedby="r-csv-hint" onclick={csv}>{ w::DOWNLOAD_CSV.get(lang) }</button>
                <button type="button" onclick={print}>{ w::PRINT_LIST.get(lang) }</button>
            </div>
            if let Some(f) = figures { <p id="r-goal-line">{ w::goal_line(f.raised_euros, f.as_of).get(lang).to_owned() }</p> }
            <p class="r-hint" id="r-config-out-hint">{ w::CONFIG_OUT_HINT.get(lang) }</p>
            <button type="button" aria-describedby="r-config-out-hint" onclick={config}>{ w::DOWNLOAD_CONFIG.get(lang) }</button>
            { note_view(&state.outputs_note, lang) }
        </>
    }
}

/// The printable list of donors: hidden on screen, the only thing printed.
pub fn printable(session: &Session, account: &str, lang: Lang) -> Html {
    let rows = outputs::list_rows(&session.register, lang);
    html! {
        <section class="r-print" aria-hidden="true">
            <h2>{ w::print_title(account).get(lang).to_owned() }</h2>
            <table>
                <thead><tr>{ for outputs::list_header(lang).iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>
                    { for rows.into_iter().map(|row| html! { <tr>{ for row.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }
                </tbody>
            </table>
        </section>
    }
}

/// The summary and the checks, computed once per render.
pub fn assess(session: &Session, ctx: &circo_don::register::checks::Context) -> (Vec<Check>, Summary) {
    let checks = circo_don::register::checks::checks(&session.register, ctx);
    let summary = Summary::of(&session.register, &checks, ctx, &session.entries);
    (checks, summary)
}

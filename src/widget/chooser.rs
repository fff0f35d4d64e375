//! A movement's registry: the donor finds their circo (by department, number or name),
//! then sees that circo's account. The choice is written to the page's fragment
//! (`#circo-75-01`) so that it can be linked to; `data-circo` or the fragment preselects.
//! What an entry means is the core's ([`Entry::resolve`]); loading a linked file is
//! [`use_config`], as for the widget's own configuration.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::config::{Loaded, Registry, Resolved, Target};
use crate::donation::overview::{keep_found, needs_file, overview_page, Linked, OverviewPage, RowView, SortBy};
use crate::donation::page::{self, ChooserPage};
use crate::embed::Source;
use crate::i18n::Lang;

use super::account::{use_account_view, AccountProps};
use super::app::{failure, use_config, State, Wanted};
use super::dom::{bar, group, text, toggle, top, with_attr};
use super::ui::{focus, input_value};

/// Fragment prefix for linking to a circo: `page.html#circo-75-01`.
pub const FRAGMENT_PREFIX: &str = "circo-";

/// What a chosen circo shows: its state at once (an inline account, or the problems of
/// a disabled entry), or a linked file to load.
enum Chosen {
    Now(Rc<State>),
    Load(Wanted),
}

/// At most this many linked files are fetched at once for the overview.
const IN_FLIGHT: usize = 4;

/// What the overview knows of each linked file, by [`crate::config::Entry::index`]: the
/// files of the links whose figures the registry does not publish ([`needs_file`]; none
/// other is fetched), loaded the way every configuration is ([`Wanted::fetch`]: timeout,
/// checks, console), at most [`IN_FLIGHT`] at once. Each result, read or failed, is its
/// circo's only: one failure never stops the others.
#[hook]
fn use_linked(loaded: Option<Rc<Loaded>>, base: AttrValue) -> Rc<RefCell<Vec<Linked>>> {
    let linked = use_mut_ref(Vec::new);
    let update = use_force_update();
    {
        let linked = linked.clone();
        use_effect_with(loaded.as_ref().map(|l| Rc::as_ptr(l) as usize), move |_| {
            let stop = Rc::new(Cell::new(false));
            if let Some(registry) = loaded.as_deref().and_then(Loaded::registry) {
                *linked.borrow_mut() = vec![Linked::Pending; registry.entries.iter().map(|e| e.index + 1).max().unwrap_or(0)];
                let files: Vec<(usize, Wanted)> = registry
                    .entries
                    .iter()
                    .filter_map(|e| match &e.target {
                        Target::Link(url) if needs_file(e) => Some((e.index, Wanted { raw: crate::url::resolve(url, &base), entry: Some((loaded.clone()?, e.slug.clone())) })),
                        _ => None,
                    })
                    .collect();
                let queue = Rc::new(RefCell::new(files.into_iter()));
                for _ in 0..IN_FLIGHT {
                    let (queue, linked, update, stop) = (queue.clone(), linked.clone(), update.clone(), stop.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        loop {
                            let Some((i, w)) = queue.borrow_mut().next() else { return };
                            let read = match w.fetch(Source::Url(w.raw.clone())).await {
                                State::Account(account) => Linked::Read(account.goal.clone()),
                                _ => Linked::Failed,
                            };
                            if stop.get() {
                                return;
                            }
                            if let Some(slot) = linked.borrow_mut().get_mut(i) {
                                *slot = read;
                            }
                            update.force_update();
                        }
                    });
                }
            }
            // Unmounted: the workers stop, late answers are dropped.
            move || stop.set(true)
        });
    }
    linked
}

/// The chooser's view for `loaded`, when the widget's configuration is a registry
/// (nothing otherwise): a hook of the widget's root, not a component of its own, since
/// each component type costs its own copy of Yew's lifecycle. `base` is the registry's
/// own URL (or `#id`), against which linked files are resolved; `initial` the circo to
/// preselect.
#[hook]
pub(crate) fn use_chooser(loaded: Option<Rc<Loaded>>, base: AttrValue, initial: Option<AttrValue>, lang: Lang, switch: Html) -> Html {
    let empty = Registry { name: None, entries: Vec::new(), communes_url: None };
    let registry = loaded.as_deref().and_then(Loaded::registry).unwrap_or(&empty);
    // `None` until the donor chooses (or goes back to the list): the preselection.
    let picked = use_state(|| None::<Option<String>>);
    let selected = match &*picked {
        Some(picked) => picked.clone(),
        None => initial.as_ref().and_then(|s| registry.find(s)).map(|e| e.slug.clone()),
    };
    let query = use_state(String::new);
    // Focus follows the donor's own choices only, never a preselection at page load.
    let by_click = use_state(|| false);
    let search_ref = use_node_ref();
    let sort = use_state(SortBy::default);
    let linked = use_linked(loaded.clone(), base.clone());

    // Decided once per choice (an inline account is copied out of the registry once,
    // not at every render).
    let chosen = use_memo((selected.clone(), loaded.as_ref().map(|l| Rc::as_ptr(l) as usize)), |(slug, _)| {
        let (loaded, entry) = (loaded.as_ref()?, registry.find(slug.as_deref()?)?);
        Some(match entry.resolve(loaded) {
            Resolved::Account(account) => Chosen::Now(Rc::new(State::Account(account))),
            Resolved::Invalid(problems) => Chosen::Now(Rc::new(State::Invalid(Rc::new(problems), base.to_string(), None))),
            Resolved::Fetch(link) => Chosen::Load(Wanted { raw: crate::url::resolve(&link, &base), entry: Some((loaded.clone(), entry.slug.clone())) }),
        })
    });
    let fetched = use_config(match &*chosen {
        Some(Chosen::Load(wanted)) => Some(wanted.clone()),
        _ => None,
    });
    let shown = match &*chosen {
        Some(Chosen::Now(state)) => state.clone(),
        Some(Chosen::Load(_)) => fetched.clone(),
        None => Rc::new(State::Loading),
    };
    let account_view = use_account_view(match &*shown {
        State::Account(account) => Some(AccountProps { account: account.clone(), lang, switch: switch.clone(), today: super::today(), focus_title: *by_click }),
        _ => None,
    });

    // The fragment is set here, not by the link's own navigation, which a host page's
    // `<base href>` would send elsewhere.
    let choose = {
        let picked = picked.clone();
        let by_click = by_click.clone();
        Callback::from(move |slug: String| {
            by_click.set(true);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&format!("{FRAGMENT_PREFIX}{slug}"));
            }
            picked.set(Some(Some(slug)));
        })
    };
    let change = {
        let picked = picked.clone();
        let by_click = by_click.clone();
        Callback::from(move |_| {
            by_click.set(true);
            picked.set(Some(None));
        })
    };
    {
        // Back on the list after "choose another": the search field takes the focus.
        let (search_ref, by_click) = (search_ref.clone(), *by_click);
        use_effect_with(selected.is_none(), move |listing| {
            if *listing && by_click {
                focus(&search_ref);
            }
        });
    }

    if loaded.is_none() {
        return Html::default();
    }
    if chosen.is_some() {
        let labels = page::chosen_labels(lang);
        let body = match &*shown {
            State::Account(_) => account_view,
            State::Registry(_) => html! { <p role="alert">{ labels.other_registry.clone() }</p> },
            State::Loading => html! { <p class="cd-busy" aria-busy="true">{ labels.loading.clone() }</p> },
            other => failure(other, lang),
        };
        return html! {
            <>
            <p><button type="button" onclick={change}>{ labels.back.clone() }</button></p>
            { body }
            </>
        };
    }

    let view = page::chooser_page(registry, &crate::config::communes::NONE_ADDED, &query, lang);
    let files = linked.borrow();
    let mut overview = overview_page(registry, |e| files.get(e.index), *sort, lang);
    keep_found(&mut overview, &view.choices);
    let live = Live {
        query: (*query).clone(),
        on_query: Callback::from(move |e: InputEvent| query.set(input_value(&e))),
        search_ref,
        sort: Callback::from(move |by| sort.set(by)),
        choose,
    };
    listing(view, overview, &base, switch, Some(live))
}

/// What the live widget adds to the overview's list: the search as typed, the sort and
/// the choice of a circo.
pub(crate) struct Live {
    query: String,
    on_query: Callback<InputEvent>,
    search_ref: NodeRef,
    sort: Callback<SortBy>,
    choose: Callback<String>,
}

/// The registry's list (its search, the movement's totals, the sorts, a row for each
/// circo found), one markup for the live widget (with `live`) and the prerender
/// (`circo-don render REGISTRY`, without): there, the search and the sorts wait for
/// the live widget (and go without JavaScript), and each circo is the same link to its
/// fragment, which the live widget opens, and to its own page when the registry names one.
pub(crate) fn listing(view: ChooserPage, overview: OverviewPage, base: &str, switch: Html, live: Option<Live>) -> Html {
    let (query, on_query, search_ref) = live.as_ref().map(|l| (l.query.clone(), l.on_query.clone(), l.search_ref.clone())).unwrap_or_default();
    let mut sorts = vec![text("span", "", &overview.sort_label)];
    sorts.extend(overview.sorts.iter().map(|&(key, label, on)| {
        let onclick = live.as_ref().map(|l| l.sort.reform(move |_| SortBy::from_key(key))).unwrap_or_default();
        toggle(label, on, None, onclick)
    }));
    let row = |r: RowView| {
        let onclick = live.as_ref().map(|l| {
            let slug = r.slug.clone();
            l.choose.reform(move |e: MouseEvent| {
                e.prevent_default();
                slug.clone()
            })
        });
        with_attr("li", &["data-state"], Some(AttrValue::Static(r.state)), vec![
            html! { <a href={format!("#{FRAGMENT_PREFIX}{}", r.slug)} {onclick}>{ r.label }</a> },
            r.page.map(|page| html! { <>{ " " }<a href={crate::url::resolve(&page, base)}>{ r.page_label }</a></> }).unwrap_or_default(),
            text("p", "", &r.figures),
            r.percent.map(|percent| bar(percent, &r.figures)).unwrap_or_default(),
            r.missing.map(|missing| text("p", "cd-muted", &missing)).unwrap_or_default(),
        ])
    };
    html! {
        <>
        { top(&view.title, None, Some(&view.subtitle), switch) }
        <div class="cd-field">
            <label for="cd-search">{ view.search_label }</label>
            <input id="cd-search" ref={search_ref} type="search" value={query} oninput={on_query} autocomplete="off"
                aria-describedby="cd-search-hint" />
            <p class="cd-field-hint" id="cd-search-hint">{ view.search_hint }</p>
        </div>
        <p role="status" class="cd-muted">{ view.status }</p>
        { text("h3", "", &overview.heading) }
        { text("p", "", &overview.totals) }
        { group("cd-modes", "group", &overview.sort_label, sorts) }
        <ul class="cd-choices">{ for overview.rows.into_iter().map(row) }</ul>
        </>
    }
}

//! The builder page's root: the draft, the language, the import, the form with its
//! error summary, the preview and the export. State lives here; every word and check
//! comes from `circo_don::builder` and `circo_don::config`.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use circo_don::builder::fields::Group;
use circo_don::builder::{self, words, Draft, EntryEdit, Shape};
use circo_don::config::Problem;
use circo_don::i18n::{Lang, Text};
use circo_don::widget::render::{render_snippet, Snippet};

use crate::form::{self, target_id, Edit, Placed};
use crate::io;
use crate::preview::Preview;

/// How long typing pauses before the preview reads the configuration anew.
const PREVIEW_PAUSE_MS: u32 = 400;
/// Runs `job` in a task of its own once the browser has painted its next frame: a
/// frame's callback runs just before that frame is painted, and a timeout set there runs
/// after it. What the page shows now (a status) is on screen before `job` keeps its
/// thread busy; input that arrives meanwhile is handled before the frame after.
fn after_next_paint(job: impl FnOnce() + 'static) {
    let job = Rc::new(Cell::new(Some(Box::new(job) as Box<dyn FnOnce()>)));
    let in_frame = job.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        Timeout::new(0, move || in_frame.take().into_iter().for_each(|job| job())).forget();
    });
    let asked = web_sys::window().and_then(|w| w.request_animation_frame(frame.unchecked_ref()).ok());
    if asked.is_none() {
        // No frames to wait for: after the current task, then.
        Timeout::new(0, move || job.take().into_iter().for_each(|job| job())).forget();
    }
}

/// The label of what a problem is about, for the summary: its field's or group's.
fn about(problem: &Problem, groups: &[Group], lang: Lang) -> String {
    let target = target_id(problem, groups);
    groups
        .iter()
        .find_map(|g| {
            g.fields.iter().find(|f| f.id() == target).map(|f| f.label.get(lang).to_owned()).or_else(|| {
                let switched = g.switch.as_ref().is_some_and(|s| form::switch_id(&s.path) == target);
                switched.then(|| g.legend.get(lang).to_owned())
            })
        })
        .unwrap_or_else(|| words::page().file_problem.get(lang).to_owned())
}

/// Moves the focus to the element `id` (a summary link's field), as the GOV.UK error
/// summary does: following the link alone would only scroll.
fn focus_id(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

fn summary(title: Text, intro: Option<Text>, class: &'static str, problems: &[&Problem], groups: &[Group], lang: Lang) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let heading_id = format!("{class}-h");
    html! {
        <div class={class} role="region" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ title.get(lang) }</h2>
            if let Some(intro) = intro { <p>{ intro.get(lang) }</p> }
            <ul>
                { for problems.iter().map(|p| {
                    let id = target_id(p, groups);
                    let onclick = {
                        let id = id.clone();
                        Callback::from(move |e: MouseEvent| { e.prevent_default(); focus_id(&id); })
                    };
                    html! { <li data-rule={p.rule.as_str()}><a href={format!("#{id}")} {onclick}>{ about(p, groups, lang) }{ words::page().colon.get(lang) }{ p.message.get(lang) }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// What a prerendered snippet is made of: the file's text and the two addresses.
type Addressed = (String, String, String);

/// The configuration being edited and whether it holds edits not downloaded.
#[derive(Clone, PartialEq, Default)]
struct Doc {
    draft: Draft,
    dirty: bool,
    /// What became of the last files added to a registry.
    added: Option<Text>,
}

/// What changes the configuration as a whole.
enum Change {
    Edit(Edit),
    Import(String),
    New(Draft),
    Accounts(Vec<String>),
    Saved,
}

impl Reducible for Doc {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Edit(edit) => {
                match edit {
                    Edit::Field(field, typed, done) => next.draft.set(&field, &typed, done),
                    Edit::Switch(path, on) => next.draft.switch(&path, on),
                    Edit::Entries(e) => next.draft.edit_entries(e),
                }
                next.dirty = next.dirty || next.draft != self.draft;
            }
            Change::Import(text) => next = Doc { draft: Draft::import(&text), ..Doc::default() },
            Change::New(draft) => next = Doc { draft, ..Doc::default() },
            Change::Accounts(texts) => {
                let skipped = next.draft.add_accounts(&texts);
                next.added = Some(words::accounts_added(texts.len() - skipped, skipped));
                next.dirty = true;
            }
            Change::Saved => next.dirty = false,
        }
        Rc::new(next)
    }
}

/// The files of a file input's or a drop's list, taken at once: the list is emptied
/// when the input is reset.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The texts of `files`, in order.
async fn texts(files: Vec<web_sys::File>) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        if let Some(text) = io::file_text(file).await {
            out.push(text);
        }
    }
    out
}

/// The controls of registry entry `i`: move it, remove it.
fn entry_tools(g: &Group, lang: Lang, on_edit: &Callback<Edit>) -> Html {
    let Some(i) = g.entry else { return html! {} };
    let w = words::page();
    let button = |label: &Text, edit: EntryEdit| {
        let on_edit = on_edit.clone();
        html! { <button type="button" onclick={Callback::from(move |_: MouseEvent| on_edit.emit(Edit::Entries(edit)))}>{ label.get(lang) }</button> }
    };
    html! {
        <div class="b-entry-tools" role="group" aria-label={words::entry_legend(i, false).get(lang).to_owned()}>
            { button(&w.move_up, EntryEdit::Up(i)) }
            { button(&w.move_down, EntryEdit::Down(i)) }
            { button(&w.remove, EntryEdit::Remove(i)) }
        </div>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let doc = use_reducer(Doc::default);
    let draft = &doc.draft;
    let lang = use_state(|| Lang::Fr);
    let dirty = use_memo((), |_| Rc::new(Cell::new(false)));
    dirty.set(doc.dirty);
    let config_url = use_state(String::new);
    let files_url = use_state(String::new);
    let status = use_state(|| None::<Text>);
    // The prerendered snippet, with what it was made of (the file, the two addresses).
    let prerendered = use_state(|| None::<(Addressed, String)>);
    let prerender_status = use_state(|| None::<Text>);
    let communes_status = use_state(|| None::<Text>);
    let communes_busy = use_memo((), |_| Rc::new(Cell::new(false)));
    let text = draft.text();
    let preview = use_state(|| (0u64, text.clone()));
    let timer = use_mut_ref(|| None::<Timeout>);
    let w = words::page();
    let l = *lang;
    let addressed: Addressed = (text.clone(), (*config_url).clone(), (*files_url).clone());
    {
        // Rendered anew whenever the file or an address changes, by the function behind
        // `circo-don render`, for the day of this browser's clock.
        let prerendered = prerendered.clone();
        use_effect_with(addressed.clone(), move |addressed| {
            let addressed = addressed.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (text, config_url, files_url) = &addressed;
                let loaded = circo_don::config::load(text);
                let html = match builder::prerender(&loaded, config_url, files_url) {
                    Ok(p) => {
                        let today = circo_don::widget::today();
                        render_snippet(&Snippet { account: p.account, config_url: &p.config_url, base: &p.base, lang: None, today }).await
                    }
                    Err(_) => String::new(),
                };
                prerendered.set(Some((addressed, html)));
            });
        });
    }
    let change = |make: fn(String) -> Change| {
        let doc = doc.dispatcher();
        Callback::from(move |text: String| doc.dispatch(make(text)))
    };
    let import = change(Change::Import);
    {
        let (dirty, import) = ((*dirty).clone(), import.clone());
        use_effect_with((), move |_| {
            io::warn_before_leaving(dirty, words::page().leave_warning.fr);
            // Opened from a donor's widget that refused its configuration
            // (`builder.html#import=…`): that file, its problems shown at their fields.
            if let Some(text) = io::imported_from_address() {
                import.emit(text);
            }
            io::on_paste(import);
        });
    }
    {
        let (preview, timer) = (preview.clone(), timer.clone());
        use_effect_with(text.clone(), move |text| {
            let text = text.clone();
            let next = preview.0 + 1;
            // A new pause replaces the previous one (dropping a Timeout cancels it).
            *timer.borrow_mut() = Some(Timeout::new(PREVIEW_PAUSE_MS, move || preview.set((next, text))));
        });
    }
    use_effect_with(l, |l| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", l.tag());
            }
            document.set_title(&format!("circo-don : {}", words::page().title.get(*l)));
        }
    });

    let on_edit = {
        let doc = doc.dispatcher();
        Callback::from(move |edit: Edit| doc.dispatch(Change::Edit(edit)))
    };
    // Files chosen or dropped: one opens it; many (for a registry) are added to it.
    let open_files = |many: bool| {
        let doc = doc.dispatcher();
        Callback::from(move |files: Vec<web_sys::File>| {
            let doc = doc.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut texts = texts(files).await;
                if many {
                    doc.dispatch(Change::Accounts(texts));
                } else if let Some(text) = texts.pop() {
                    doc.dispatch(Change::Import(text));
                }
            });
        })
    };
    let from_input = |open: Callback<Vec<web_sys::File>>| {
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            open.emit(files_of(input.files()));
            // The same file opened again is read again.
            input.set_value("");
        })
    };
    let on_file = from_input(open_files(false));
    let on_files = from_input(open_files(draft.shape() == Shape::Registry));
    let on_drop = {
        let (one, many) = (open_files(false), open_files(true));
        let registry = draft.shape() == Shape::Registry;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = files_of(io::dropped(&e));
            // On a registry, several files dropped are added to it.
            if registry && files.len() > 1 {
                many.emit(files)
            } else {
                one.emit(files)
            }
        })
    };
    let start_with = |make: fn() -> Draft| {
        let doc = doc.dispatcher();
        Callback::from(move |_: MouseEvent| doc.dispatch(Change::New(make())))
    };
    let on_download = {
        let (text, doc) = (text.clone(), doc.dispatcher());
        Callback::from(move |_: MouseEvent| {
            if io::download("circo.json", &text).is_some() {
                doc.dispatch(Change::Saved);
            }
        })
    };
    // A registry's commune files, split by the core and zipped, saved as one download.
    let on_communes = {
        let (text, config_url, communes_status) = (text.clone(), config_url.clone(), communes_status.clone());
        let busy = (*communes_busy).clone();
        Callback::from(move |_: MouseEvent| {
            // A whole-France registry takes seconds on the page's thread: the status says
            // so first (painted before the work starts), and clicks meanwhile are ignored,
            // those made while the thread is busy too (they are handled before `busy` is
            // cleared, after the next paint).
            if busy.replace(true) {
                return;
            }
            communes_status.set(Some(words::communes_preparing()));
            let (text, config_url, communes_status, busy) = (text.clone(), config_url.clone(), communes_status.clone(), busy.clone());
            after_next_paint(move || {
                let (zip_name, registry_name) = words::communes_names(&config_url);
                let said = builder::communes::split(&text).map_err(|refused| refused.why()).and_then(|layout| {
                    let bytes = circo_don::widget::zip::zip_layout(&layout, &registry_name)?;
                    io::download_zip(&zip_name, &bytes).ok_or_else(|| words::page().download_failed.clone())?;
                    Ok(words::communes_downloaded(&zip_name, &registry_name, layout.files.len(), layout.communes))
                });
                communes_status.set(Some(said.unwrap_or_else(|why| why)));
                after_next_paint(move || busy.set(false));
            });
        })
    };
    let on_copy = {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let w = words::page();
                status.set(Some(if io::copy(&text).await { w.copied } else { w.copy_failed }));
            });
        })
    };
    let add = |edit: EntryEdit| {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::Entries(edit)))
    };
    let typed_into = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(form::value_of(&e)))
    };

    let loaded = draft.check();
    let groups = draft.groups();
    let placed = Placed::new(&loaded.problems, &groups);
    let errors: Vec<&Problem> = loaded.errors().collect();
    let warnings: Vec<&Problem> = loaded.warnings().collect();
    let snippet = words::snippet(&config_url, &files_url);
    // Shown only once rendered for what the page holds now: never a stale account.
    let prerender = builder::prerender(&loaded, &config_url, &files_url).map(|_| {
        prerendered.as_ref().filter(|(made_of, _)| *made_of == addressed).map(|(_, html)| html.clone()).unwrap_or_default()
    });
    let on_copy_prerendered = {
        let (shown, status) = (prerender.clone().unwrap_or_default(), prerender_status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (shown.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let w = words::page();
                status.set(Some(if io::copy(&text).await { w.prerender_copied } else { w.copy_failed }));
            });
        })
    };

    html! {
        <main ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <header class="b-head">
                <h1>{ w.title.get(l) }</h1>
                <div class="b-lang" role="group" aria-label={w.language_label.get(l).to_owned()}>
                    { for Lang::ALL.into_iter().map(|other| {
                        let lang = lang.clone();
                        html! { <button type="button" lang={other.tag()} aria-pressed={(other == l).to_string()}
                            onclick={Callback::from(move |_| lang.set(other))}>{ other.name() }</button> }
                    }) }
                </div>
            </header>
            <p class="b-intro">{ w.intro.get(l) }</p>
            <p class="b-privacy">{ w.privacy.get(l) }</p>
            <div class="b-work">
                <div class="b-form-col">
                    <section class="b-start" aria-labelledby="b-start-h">
                        <h2 id="b-start-h">{ w.start_heading.get(l) }</h2>
                        <label for="import">{ w.import.get(l) }</label>
                        <p class="b-help" id="import-help">{ w.import_help.get(l) }</p>
                        <input type="file" id="import" accept=".json,application/json" aria-describedby="import-help" onchange={on_file} />
                        <p class="b-actions">
                            <button type="button" onclick={start_with(Draft::new)}>{ w.new.get(l) }</button>
                            <button type="button" onclick={start_with(Draft::new_registry)}>{ w.new_registry.get(l) }</button>
                        </p>
                    </section>
                    { summary(words::summary_heading(errors.len()), Some(w.problems_help.clone()), "b-summary", &errors, &groups, l) }
                    { summary(w.warnings_heading.clone(), None, "b-warnings", &warnings, &groups, l) }
                    if draft.shape() == Shape::Unreadable { <p class="b-error">{ w.unreadable.get(l) }</p> }
                    if draft.shape() == Shape::Registry { <p class="b-help">{ w.registry_note.get(l) }</p> }
                    <form class="b-form" aria-label={w.form_label.get(l).to_owned()} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { for groups.iter().map(|g| html! { <>{ entry_tools(g, l, &on_edit) }{ form::group(g, draft, &placed, l, &on_edit) }</> }) }
                    </form>
                    if draft.shape() == Shape::Registry {
                        <section class="b-start">
                            <p class="b-actions">
                                <button type="button" onclick={add(EntryEdit::AddLink)}>{ w.add_link.get(l) }</button>
                                <button type="button" onclick={add(EntryEdit::AddInline)}>{ w.add_inline.get(l) }</button>
                            </p>
                            <label for="add-files">{ w.add_files.get(l) }</label>
                            <input type="file" id="add-files" multiple=true accept=".json,application/json" onchange={on_files} />
                            <p role="status">{ for doc.added.as_ref().map(|t| t.get(l).to_owned()) }</p>
                        </section>
                    }
                    <section class="b-export" aria-labelledby="b-export-h">
                        <h2 id="b-export-h">{ w.export_heading.get(l) }</h2>
                        <p class="b-actions">
                            <button type="button" class="b-primary" onclick={on_download}>{ w.download.get(l) }</button>
                            <button type="button" onclick={on_copy}>{ w.copy.get(l) }</button>
                        </p>
                        <p role="status" class="b-status">{ for status.as_ref().map(|s| s.get(l).to_owned()) }</p>
                        <details>
                            <summary>{ w.json_label.get(l) }</summary>
                            <textarea class="b-json" readonly=true rows="16" aria-label={w.json_label.get(l).to_owned()} value={text.clone()} />
                        </details>
                        <h3>{ w.embed_heading.get(l) }</h3>
                        <div class="b-field">
                            <label for="config-url">{ w.config_url.get(l) }</label>
                            <p class="b-help" id="config-url-help">{ w.config_url_help.get(l) }</p>
                            <input type="text" id="config-url" inputmode="url" aria-describedby="config-url-help" value={(*config_url).clone()} oninput={typed_into(&config_url)} />
                        </div>
                        <div class="b-field">
                            <label for="files-url">{ w.files_url.get(l) }</label>
                            <p class="b-help" id="files-url-help">{ w.files_url_help.get(l) }</p>
                            <input type="text" id="files-url" inputmode="url" aria-describedby="files-url-help" value={(*files_url).clone()} oninput={typed_into(&files_url)} />
                        </div>
                        <div class="b-field">
                            <label for="snippet">{ w.snippet_label.get(l) }</label>
                            <textarea id="snippet" class="b-json" readonly=true rows="3" value={snippet} />
                        </div>
                        <h3>{ w.prerender_heading.get(l) }</h3>
                        <p class="b-help" id="prerendered-help">{ w.prerender_help.get(l) }</p>
                        { match prerender {
                            Ok(html) => html! {
                                <>
                                    <div class="b-field">
                                        <label for="prerendered">{ w.prerender_label.get(l) }</label>
                                        <textarea id="prerendered" class="b-json" readonly=true rows="6" aria-describedby="prerendered-help" value={html} />
                                    </div>
                                    <p class="b-actions"><button type="button" onclick={on_copy_prerendered}>{ w.prerender_copy.get(l) }</button></p>
                                    <p role="status" class="b-status">{ for prerender_status.as_ref().map(|s| s.get(l).to_owned()) }</p>
                                </>
                            },
                            Err(why) => html! { <p class="b-help b-no-prerender">{ why.get(l) }</p> },
                        } }
                        if draft.shape() == Shape::Registry {
                            <h3>{ w.communes_heading.get(l) }</h3>
                            <p class="b-help" id="communes-help">{ w.communes_help.get(l) }</p>
                            <p class="b-actions"><button type="button" aria-describedby="communes-help" onclick={on_communes}>{ w.communes_download.get(l) }</button></p>
                            <p role="status" class="b-status" id="communes-status">{ for communes_status.as_ref().map(|s| s.get(l).to_owned()) }</p>
                        }
                        <p class="b-help">{ w.check_help.get(l) }</p>
                    </section>
                </div>
                <aside class="b-preview" aria-labelledby="b-preview-h">
                    <h2 id="b-preview-h">{ w.preview_heading.get(l) }</h2>
                    <p class="b-help">{ w.preview_help.get(l) }</p>
                    <Preview text={preview.1.clone()} generation={preview.0} />
                </aside>
            </div>
        </main>
    }
}

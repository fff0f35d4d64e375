//! The builder page's root: the draft, the language, the import, the form with its
//! error summary, the preview and the export. State lives here; every word and check
//! comes from `circo_don::builder` and `circo_don::config`.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use circo_don::builder::fields::Group;
use circo_don::builder::{words, Draft, Shape};
use circo_don::config::Problem;
use circo_don::i18n::{Lang, Text};

use crate::form::{self, target_id, Edit, Placed};
use crate::io;
use crate::preview::Preview;

/// How long typing pauses before the preview reads the configuration anew.
const PREVIEW_PAUSE_MS: u32 = 400;

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

#[function_component(App)]
pub fn app() -> Html {
    let draft = use_state(Draft::new);
    let lang = use_state(|| Lang::Fr);
    let dirty = use_memo((), |_| Rc::new(Cell::new(false)));
    let config_url = use_state(String::new);
    let files_url = use_state(String::new);
    let status = use_state(|| None::<Text>);
    let text = draft.text();
    let preview = use_state(|| (0u64, text.clone()));
    let timer = use_mut_ref(|| None::<Timeout>);
    let w = words::page();
    let l = *lang;

    let import = {
        let (draft, dirty, status) = (draft.clone(), (*dirty).clone(), status.clone());
        Callback::from(move |text: String| {
            draft.set(Draft::import(&text));
            dirty.set(false);
            status.set(None);
        })
    };
    {
        let (dirty, import) = ((*dirty).clone(), import.clone());
        use_effect_with((), move |_| {
            io::warn_before_leaving(dirty);
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
        let (draft, dirty) = (draft.clone(), (*dirty).clone());
        Callback::from(move |edit: Edit| {
            let mut next = (*draft).clone();
            match edit {
                Edit::Field(field, typed, done) => next.set(&field, &typed, done),
                Edit::Switch(path, on) => next.switch(&path, on),
            }
            if next != *draft {
                dirty.set(true);
                draft.set(next);
            }
        })
    };
    let on_file = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let import = import.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(text) = io::file_text(file).await {
                        import.emit(text);
                    }
                });
            }
            // The same file opened again is read again.
            input.set_value("");
        })
    };
    let on_drop = {
        let import = import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                let import = import.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(text) = io::file_text(file).await {
                        import.emit(text);
                    }
                });
            }
        })
    };
    let on_new = {
        let (draft, dirty) = (draft.clone(), (*dirty).clone());
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft::new());
            dirty.set(false);
        })
    };
    let on_download = {
        let (text, dirty) = (text.clone(), (*dirty).clone());
        Callback::from(move |_: MouseEvent| {
            if io::download("circo.json", &text).is_some() {
                dirty.set(false);
            }
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
                        <p><button type="button" onclick={on_new}>{ w.new.get(l) }</button></p>
                    </section>
                    { summary(words::summary_heading(errors.len()), Some(w.problems_help.clone()), "b-summary", &errors, &groups, l) }
                    { summary(w.warnings_heading.clone(), None, "b-warnings", &warnings, &groups, l) }
                    if draft.shape() == Shape::Unreadable { <p class="b-error">{ w.unreadable.get(l) }</p> }
                    if draft.shape() == Shape::Registry { <p class="b-help">{ w.registry_note.get(l) }</p> }
                    <form class="b-form" aria-label={w.form_label.get(l).to_owned()} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { for groups.iter().map(|g| form::group(g, &draft, &placed, l, &on_edit)) }
                    </form>
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

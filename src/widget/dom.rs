//! The markup patterns the views repeat, each compiled once. Every `html!` element is
//! expanded where it is written (its tag, attributes, children and their allocations),
//! so a pattern written at twenty sites is twenty copies in the wasm; these functions
//! take plain `&str` and `Html` and are kept out of line, so each site is one call.
//! They draw exactly the markup the `html!` they replace drew. No words, no decisions:
//! their text comes from the page structs of `crate::donation::page`.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VTag};

/// An element as `html!` builds it: fixed attribute names, values given (or `None`, to
/// leave an attribute out), children in one list.
fn tag(name: &'static str, keys: &'static [&'static str], values: Box<[Option<AttributeOrProperty>]>, children: Vec<Html>) -> Html {
    let children = Html::VList(Rc::new(VList::with_children(children, None)));
    VTag::__new_other(AttrValue::Static(name), NodeRef::default(), None, Attributes::Dynamic { keys, values }, Listeners::None, children).into()
}

/// `<tag class="class">children</tag>`; no class attribute when `class` is empty.
#[inline(never)]
pub(crate) fn el(name: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let class = (!class.is_empty()).then_some(AttributeOrProperty::Attribute(AttrValue::Static(class)));
    tag(name, &["class"], Box::new([class]), children)
}

/// `<tag key="value">children</tag>`: one attribute (left out when `value` is `None`).
#[inline(never)]
pub(crate) fn with_attr(name: &'static str, key: &'static [&'static str], value: Option<AttrValue>, children: Vec<Html>) -> Html {
    tag(name, key, Box::new([value.map(AttributeOrProperty::Attribute)]), children)
}

/// A progress bar: `<progress class="cd-bar" max="100" value="percent" aria-label="label">percent %</progress>`.
#[inline(never)]
pub(crate) fn bar(percent: u8, label: &str) -> Html {
    let values = Box::new([
        Some(AttributeOrProperty::Attribute(AttrValue::Static("cd-bar"))),
        Some(AttributeOrProperty::Attribute(AttrValue::Static("100"))),
        Some(AttributeOrProperty::Attribute(AttrValue::from(percent.to_string()))),
        Some(AttributeOrProperty::Attribute(AttrValue::from(label.to_owned()))),
    ]);
    tag("progress", &["class", "max", "value", "aria-label"], values, vec![Html::from([&percent.to_string(), " %"].concat())])
}

/// `<tag class="class">text</tag>`; no class attribute when `class` is empty.
#[inline(never)]
pub(crate) fn text(tag: &'static str, class: &'static str, text: &str) -> Html {
    el(tag, class, vec![Html::from(text)])
}

/// `<tag class="class">item</tag>` for each item, one after the other.
#[inline(never)]
pub(crate) fn each(tag: &'static str, class: &'static str, items: &[String]) -> Html {
    items.iter().map(|item| text(tag, class, item)).collect()
}

/// `<ul class="class"><li>item</li>…</ul>`.
#[inline(never)]
pub(crate) fn list(class: &'static str, items: &[String]) -> Html {
    el("ul", class, vec![each("li", "", items)])
}

/// `<details class="class"><summary>summary</summary>children</details>`.
#[inline(never)]
pub(crate) fn details(class: &'static str, summary: &str, mut children: Vec<Html>) -> Html {
    children.insert(0, text("summary", "", summary));
    el("details", class, children)
}

/// A definition row: `<dt>label</dt><dd>value</dd>`.
#[inline(never)]
pub(crate) fn row(label: &str, value: Vec<Html>) -> Html {
    html! { <>{ text("dt", "", label) }{ el("dd", "", value) }</> }
}

/// A section named by its heading: `<section class="class" aria-labelledby="id">` and
/// its `<heading id="id">`, then `children`.
#[inline(never)]
pub(crate) fn section(class: &'static str, id: &'static str, heading: &'static str, title: &str, mut children: Vec<Html>) -> Html {
    children.insert(0, tag(heading, &["id"], Box::new([Some(AttributeOrProperty::Attribute(AttrValue::Static(id)))]), vec![Html::from(title)]));
    // In the order `html!` sets them: as written, `class` last.
    let values = Box::new([Some(AttributeOrProperty::Attribute(AttrValue::Static(id))), Some(AttributeOrProperty::Attribute(AttrValue::Static(class)))]);
    tag("section", &["aria-labelledby", "class"], values, children)
}

/// `<div role="role" aria-label="label" class="class">children</div>`: a group of
/// controls and its accessible name.
#[inline(never)]
pub(crate) fn group(class: &'static str, role: &'static str, label: &str, children: Vec<Html>) -> Html {
    let values = Box::new([
        Some(AttributeOrProperty::Attribute(AttrValue::Static(role))),
        Some(AttributeOrProperty::Attribute(AttrValue::from(label.to_owned()))),
        Some(AttributeOrProperty::Attribute(AttrValue::Static(class))),
    ]);
    tag("div", &["role", "aria-label", "class"], values, children)
}

/// A toggle button, `aria-pressed` when `pressed`.
#[inline(never)]
pub(crate) fn toggle(label: &str, pressed: bool, lang: Option<&'static str>, onclick: Callback<MouseEvent>) -> Html {
    let pressed = if pressed { "true" } else { "false" };
    html! { <button type="button" {lang} aria-pressed={pressed} {onclick}>{ label }</button> }
}

/// A view's header: its title (which takes the focus through `title_ref` when given),
/// the subtitle, and the language switch.
#[inline(never)]
pub(crate) fn top(title: &str, title_ref: Option<NodeRef>, subtitle: Option<&str>, switch: Html) -> Html {
    let heading = match title_ref {
        Some(title_ref) => html! { <h2 ref={title_ref} tabindex="-1">{ title }</h2> },
        None => html! { <h2>{ title }</h2> },
    };
    html! {
        <div class="cd-top">
            <div class="cd-title">
                { heading }
                if let Some(subtitle) = subtitle { <p class="cd-sub">{ subtitle }</p> }
            </div>
            { switch }
        </div>
    }
}


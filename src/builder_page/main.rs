//! The builder page (`builder.html`): a collective fills a form and gets its
//! `circo.json`, checked live by the same core as the widget, with the real widget as a
//! preview. A binary of its own, so the donor widget carries none of it.
//!
//! Like the widget, it is a thin shell: the form, its words and every check come from
//! `circo_don::builder` and `circo_don::config`; this only draws them and moves what
//! the collective types, opens and saves. Nothing typed leaves the page.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod form;
#[cfg(target_arch = "wasm32")]
mod io;
#[cfg(target_arch = "wasm32")]
mod preview;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("circo-don-builder is a web page: `make demo`, then open http://127.0.0.1:8080/builder.html");
}

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("builder"));
    if let Some(root) = root {
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

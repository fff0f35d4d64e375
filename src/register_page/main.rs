//! The register page (`registre.html`): the mandataire opens the account's
//! configuration, creates or opens the encrypted register, imports the bank's
//! statements and saves. A binary of its own (the `register` feature), so the donor
//! widget carries none of it.
//!
//! A thin shell: every sentence comes from `circo_don::register::words`, every decision
//! from `circo_don::register`; this draws them and moves the files. Nothing is sent and
//! nothing is stored in the browser.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod io;
#[cfg(target_arch = "wasm32")]
mod records;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("circo-don-register is a web page: `make demo`, then open http://127.0.0.1:8080/registre.html");
}

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("registre"));
    if let Some(root) = root {
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

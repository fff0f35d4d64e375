//! One cfg for the whole crate: `explain`, set where a person reads the configuration's
//! explanations (the messages of `config::Problem`): every native build (the command
//! line, the tests), and the wasm builds of the builder's and the register's pages. The
//! donor's widget (wasm32 without those features) carries each check and its path only,
//! and links to the builder for the words (issue 22, README "Size: the moves").
fn main() {
    println!("cargo::rustc-check-cfg=cfg(explain)");
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let page = ["CARGO_FEATURE_BUILDER", "CARGO_FEATURE_REGISTER"].iter().any(|f| std::env::var_os(f).is_some());
    if !wasm || page {
        println!("cargo::rustc-cfg=explain");
    }
}

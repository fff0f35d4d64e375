//! The `circo-don` binary. Natively it is the command-line tool (`circo-don --help`;
//! its arguments and commands are `circo_don::cli`, which returns what to print and the
//! exit code); built for wasm32 by tools/build.sh it is the widget, which mounts itself
//! on every `[data-circo-don]` element of the page.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = circo_don::cli::run(&args);
    if !out.stdout.is_empty() {
        println!("{}", out.stdout.trim_end());
    }
    if !out.stderr.is_empty() {
        eprintln!("{}", out.stderr.trim_end());
    }
    std::process::exit(out.code);
}

// The widget's allocator: talc instead of std's dlmalloc, 1.3 KB of code instead of
// 4.7 KB (1.8 KB gzip less for every donor's page; README, "Size: the moves"). Its
// `disable-realloc-in-place` feature: a growing string is copied, never extended in
// place, for 0.1 KB less. The builder and register pages keep std's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    circo_don::widget::start();
}

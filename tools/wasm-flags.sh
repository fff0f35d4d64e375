# Sourced, not run: how the release wasm binaries are compiled and optimised. One place
# for tools/build.sh (the build), tools/size.sh (the named copy it breaks down) and
# tools/check-offline.sh (the guard that setup fetched every crate these builds need).
#
# Yew's minimum-size recipe (yewstack/yew, examples/.cargo/min-size-config.toml), on the
# pinned stable toolchain with its rust-src component (tools/setup.sh adds it):
#   - std rebuilt from source with the widget (-Zbuild-std), with its optimize_for_size
#     feature (smaller, slower variants of std's code). Its own crates (the standard
#     library's Cargo.lock) are fetched by tools/setup.sh, since the build is offline;
#   - -Cpanic=immediate-abort: a panic is a bare `unreachable` trap, without message,
#     formatting or unwinding machinery. The widget has no panic hook and never relies on
#     one: its failures are `Result`s written as sentences.
# Not used, measured worthless here (README, "Size: the moves"): -Zlocation-detail=none
# and -Zfmt-debug=none.
# These are unstable flags: on stable rustc they need RUSTC_BOOTSTRAP=1, set here for the
# release wasm builds only. Native builds, `cargo test`, clippy and the browser layer
# keep plain stable semantics.
# The builds have their own target directory (target/min-size): their std and flags
# differ from the other wasm builds, and build scripts that probe RUSTC_BOOTSTRAP
# (proc-macro2) would otherwise make each build redo the other's dependencies.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Only for the wasm32 target: build scripts and proc macros, which run on the host, are
# compiled as usual. RUSTFLAGS would override these: unset it.
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
export CARGO_TARGET_DIR=target/min-size
# Every release wasm build is offline and locked: tools/setup.sh fetched its crates.
WASM_CARGO_ARGS=(build --offline --locked --release --target wasm32-unknown-unknown)

# wasm-opt's passes for the donor's widget. `low-memory-unused` lets it fold address
# offsets, assuming nothing lives in the first KB of memory: there, Rust puts the bottom
# of its 1 MB stack, which the widget never gets near. `reorder-functions-by-name` puts
# each type's and module's functions side by side, where gzip finds their likeness (same
# code, 1.4 KB less gzip). The producers and target-features sections are for tools,
# not browsers: stripped from the output only (README, "Size: the moves").
# `-ocimfs=200`: a function called once is inlined into its caller only when it is at
# most 200 (binaryen's measure) large; larger ones stay functions of their own, which
# the reordering by name puts beside their likes: 0.75 KB less gzip than inlining all
# (from 50 to 200 all gain about 0.7 KB; from 300 up, 0.2 to 0.5 KB).
WIDGET_WASM_OPT=(-ocimfs=200 -Oz --converge --flatten --rereloop -Oz --low-memory-unused -Oz --reorder-functions-by-name --strip-producers --strip-target-features)
# The builder page (loaded by collectives only): plain -Oz.
BUILDER_WASM_OPT=(-Oz)

#!/usr/bin/env bash
# The release widget in dist/, built for size: `make build`, `make demo`, `make size` and
# the build and e2e layers of tools/test.sh all call this script, so every page gets the
# same bytes. Arguments are passed to `trunk build --release`.
#
# Yew's minimum-size recipe (yewstack/yew, examples/.cargo/min-size-config.toml), on the
# pinned stable toolchain with its rust-src component (tools/setup.sh adds it):
#   - std rebuilt from source with the widget (-Zbuild-std), with its optimize_for_size
#     feature (smaller, slower variants of std's code);
#   - -Cpanic=immediate-abort: a panic is a bare `unreachable` trap, without message,
#     formatting or unwinding machinery. The widget has no panic hook and never relies on
#     one: its failures are `Result`s written as sentences.
# Not used, measured worthless here (README, "Size: the moves"): -Zlocation-detail=none
# (immediate-abort already drops every panic location) and -Zfmt-debug=none (−37 bytes,
# and it would silently empty any Debug output the widget ever writes).
# These are unstable flags: on stable rustc they need RUSTC_BOOTSTRAP=1. It is set here,
# for this one cargo invocation (through trunk) and nothing else: native builds, `cargo
# test`, clippy and the wasm-bindgen-test browser layer keep plain stable semantics. A
# pinned nightly would need its own wasm32 target and rust-src download and a second
# toolchain to keep in step; this uses the same compiler as everything else.
# The build has its own target directory (target/min-size): its std and flags differ
# from the other wasm builds, and build scripts that probe RUSTC_BOOTSTRAP (proc-macro2)
# would otherwise make each build redo the other's dependencies.
# A plain `trunk build --release` still works and gives the larger stable build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Only for the wasm32 target (trunk passes --target): build scripts and proc macros, which
# run on the host, are compiled as usual. RUSTFLAGS would override these: unset it.
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
export CARGO_TARGET_DIR=target/min-size
trunk build --release "$@"
# The builder page (builder.html), its own wasm binary, by a second invocation: trunk
# builds one page per run and replaces its dist folder, so it builds into its own folder
# and its files (builder.html, circo-don-builder*.js/.wasm, builder.css) join dist/.
builder_dist=target/builder-dist
trunk build builder.html --release --dist "$builder_dist" --html-output builder.html --public-url ./ "$@"
cp "$builder_dist"/builder.html "$builder_dist"/circo-don-builder* "$builder_dist"/builder*.css dist/

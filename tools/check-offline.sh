#!/usr/bin/env bash
# The offline guard (test layer `offline`): every cargo command that the builds and tests
# run --offline finds all of its crates after `tools/setup.sh crates`, and nothing else,
# has fetched them. It runs setup's own fetch step into an empty, throw-away cargo home,
# then asks cargo to plan each of those commands there, offline, without compiling
# (`--unit-graph`: the whole graph of packages, the standard library's included, is
# loaded, so a crate setup did not fetch fails here as it would fail the build).
#
# Why a fresh cargo home: the machine's own cache also holds whatever earlier online
# commands downloaded, which hides a gap in setup (a bare machine once failed the size
# build on `moto-rt`, a crate of the standard library's lockfile, while every machine
# that had built before passed).
#
# Costs one download of the crates (about 230, 30 MB: some 30 seconds) per run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

home=$(mktemp -d "${TMPDIR:-/tmp}/circo-don-cargo-home.XXXXXX")
trap 'rm -rf "$home"' EXIT
# rustup's own settings live in RUSTUP_HOME, not in CARGO_HOME: pin it so the toolchain
# is the same one whatever CARGO_HOME says.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
[ -f "${CARGO_HOME:-$HOME/.cargo}/config.toml" ] && cp "${CARGO_HOME:-$HOME/.cargo}/config.toml" "$home/"

echo "offline: setup's fetch step into an empty cargo home ($home)"
CARGO_HOME=$home bash tools/setup.sh crates

failed=0
# plan NAME ENV... -- CARGO-ARGS...: the unit graph of one offline command.
plan() {
  local name=$1; shift
  local env=()
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  if out=$(cd "$root" && env CARGO_HOME="$home" RUSTC_BOOTSTRAP=1 "${env[@]}" \
            cargo "$@" --unit-graph -Z unstable-options 2>&1 >/dev/null); then
    echo "  ok    $name"
  else
    echo "  FAIL  $name: cargo $*"
    printf '%s\n' "$out" | grep -v '^\s*$' | head -8 | sed 's/^/        /'
    failed=$((failed + 1))
  fi
}

echo "offline: planning each offline cargo command of tools/test.sh and tools/build.sh"
# The test layers (tools/test.sh): native tests, clippy native and wasm32, browser tests.
plan "native tests" -- test --offline --locked --no-run
plan "lint, native" -- check --offline --locked --all-targets
plan "lint, wasm32 with the builder" -- check --offline --locked --target wasm32-unknown-unknown --features builder --lib --bins --test browser
plan "browser tests" -- test --offline --locked --target wasm32-unknown-unknown --test browser --no-run
# The size builds (tools/build.sh), with their own flags and the standard library rebuilt.
# shellcheck source=tools/wasm-flags.sh
source tools/wasm-flags.sh
size_env=(CARGO_UNSTABLE_BUILD_STD="$CARGO_UNSTABLE_BUILD_STD" CARGO_UNSTABLE_BUILD_STD_FEATURES="$CARGO_UNSTABLE_BUILD_STD_FEATURES"
          CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS")
plan "the donor's widget, built for size" "${size_env[@]}" -- "${WASM_CARGO_ARGS[@]}" --bin circo-don
plan "the builder page, built for size" "${size_env[@]}" -- "${WASM_CARGO_ARGS[@]}" --bin circo-don-builder --features builder

if [ "$failed" -gt 0 ]; then
  echo "offline: $failed command(s) need crates that 'tools/setup.sh crates' does not fetch: add them to its fetch step"
  exit 1
fi
echo "offline: every offline command finds its crates after setup alone"

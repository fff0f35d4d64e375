#!/usr/bin/env bash
# Installs, idempotently and only from the package registries (crates.io, npm, Debian),
# everything circo-don needs to build, serve and test on a bare Debian machine:
#   - the Rust wasm32 target, clippy, rustfmt and rust-src (the standard library's source,
#     which the release widget rebuilds for size: tools/build.sh);
#   - trunk and wasm-bindgen-cli (compiled from crates.io: the first run takes ~20 min);
#   - Chromium and chromedriver, Firefox ESR, WebKitGTK's WebKitWebDriver and MiniBrowser,
#     and Xvfb from Debian (about 3 minutes the first time);
#   - geckodriver (compiled from crates.io: about 5 more minutes the first time);
#   - the npm packages of package-lock.json: wasm-opt (binaryen), terser (minifies the
#     JS glue: tools/post-build.sh), csso (minifies the stylesheet), playwright-core,
#     axe-core, jsqr, selenium-webdriver.
# Each step checks before installing and says what it does. Nothing is downloaded from
# anywhere else: trunk runs offline with the tools installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock, or the glue and the
# test runner reject the wasm.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

start=$(date +%s)
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1
  fi
}

command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first (https://rustup.rs)."; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the Rust component $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (compiles from source: about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION, the version of Cargo.lock (compiles from source: about 7 minutes)"
  # Not --locked: its locked set asks for a webpki-roots release crates.io lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The browsers of the tests: Chromium (every layer), Firefox ESR and WebKitGTK (the
# gecko and webkit layers, WebKitGTK under the virtual display of xvfb).
debian_missing=()
for package in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || debian_missing+=("$package")
done
if [ ${#debian_missing[@]} -gt 0 ]; then
  say "installing Debian's ${debian_missing[*]} (about 3 minutes for all of them)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debian_missing[@]}" >/dev/null
fi

case "$(geckodriver --version 2>/dev/null | head -1)" in
  "geckodriver $GECKODRIVER_VERSION"*) ;;
  *) say "installing geckodriver $GECKODRIVER_VERSION from crates.io, which drives Firefox ESR (compiles from source: about 5 minutes)"
     cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  say "installing Debian's nodejs and npm"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# npm ci is exact but slow to repeat: reinstall only when the lockfile changed.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp.src" 2>/dev/null; then
  say "installing the npm packages of package-lock.json (wasm-opt, terser, csso, playwright-core, axe-core, jsqr, selenium-webdriver)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp.src"
fi

wasm_opt_version=$(wasm-opt --version)
case "$wasm_opt_version" in
  *"version 132"*) ;;
  *) say "unexpected wasm-opt: $wasm_opt_version (expected version 132 from npm binaryen)"; exit 1 ;;
esac

say "ready in $(( $(date +%s) - start )) s: $(trunk --version), $(wasm-bindgen --version), wasm-opt 132, $(/usr/bin/chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null), $(geckodriver --version 2>/dev/null | head -1), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"

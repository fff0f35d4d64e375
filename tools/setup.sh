#!/usr/bin/env bash
# Installs, idempotently and only from the package registries (crates.io, npm, Debian),
# what a command of circo-don needs on a bare Debian machine, and no more:
#
#   tools/setup.sh build          what `make build`, `make demo`, `make size` and
#                                 `make release` need: the build tools, no browser
#   tools/setup.sh test           what every test layer needs (`make test`)
#   tools/setup.sh LAYER...       what those test layers need (native lint browser build
#                                 e2e gecko webkit wordpress offline), as tools/test.sh
#                                 LAYER asks
#   tools/setup.sh crates         only the crates (what the offline guard checks)
#
# The parts, each checked before it is installed:
#   crates     every crate the builds and tests compile, fetched once into cargo's cache
#              (Cargo.lock, all targets) with the crates of the standard library's own
#              Cargo.lock, which the size build recompiles (-Zbuild-std): every cargo
#              command after setup runs --offline, and tools/check-offline.sh proves that
#              this list is enough;
#   rust       the wasm32 target and rust-src (the standard library's source);
#   bindgen    wasm-bindgen-cli, exactly the wasm-bindgen of Cargo.lock (compiled from
#              crates.io: about 2 to 3 minutes on 2 cores);
#   npm        the packages of package-lock.json: wasm-opt (binaryen), terser, csso, and
#              the test drivers playwright-core, axe-core, jsqr, selenium-webdriver;
#   clippy     the clippy component (lint);
#   chromium   Debian's Chromium and chromedriver (browser, e2e);
#   gecko      Debian's Firefox ESR, and geckodriver compiled from crates.io (gecko);
#   webkit     Debian's WebKitGTK WebDriver and MiniBrowser, and Xvfb (webkit);
#   gettext    Debian's gettext, whose msgfmt compiles the WordPress plugin's translation
#              (build: `make release`);
#   wordpress  Debian's WordPress (6.1 on bookworm) with its French translation and its
#              default theme, MariaDB, PHP's command line with php-mysql (the wordpress
#              layer runs them in a temporary folder, on 127.0.0.1: the packages' own
#              services are not used).
# Debian's packages install in the background while the Rust tools compile.
# Tools go to cargo's own bin folder (CARGO_HOME, ~/.cargo by default) and node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock, or the glue and the
# test runner reject the wasm.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PWD/node_modules/.bin:$PATH"
logs=target/setup-logs
mkdir -p "$logs"

start=$(date +%s)
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
# Nothing fails in silence: a failing step names itself.
trap 'say "failed at tools/setup.sh line $LINENO: $BASH_COMMAND"' ERR
took() { say "$1 in $(( $(date +%s) - $2 )) s"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1
  fi
}

# Which parts the arguments ask for.
declare -A want=()
[ $# -gt 0 ] || set -- build
for arg in "$@"; do
  case "$arg" in
    crates) want[crates]=1 ;;
    build) for p in crates rust bindgen npm gettext; do want[$p]=1; done ;;
    test)
          for p in crates rust bindgen npm clippy chromium gecko webkit gettext wordpress; do want[$p]=1; done ;;
    native|offline) want[crates]=1 ;;
    lint) for p in crates rust clippy; do want[$p]=1; done ;;
    browser) for p in crates rust bindgen chromium; do want[$p]=1; done ;;
    e2e) for p in crates rust bindgen npm chromium; do want[$p]=1; done ;;
    gecko) for p in crates rust bindgen npm gecko; do want[$p]=1; done ;;
    webkit) for p in crates rust bindgen npm webkit; do want[$p]=1; done ;;
    wordpress) for p in crates rust bindgen npm chromium gettext wordpress; do want[$p]=1; done ;;
    *) say "unknown part $arg (build, test, crates, native, lint, browser, e2e, gecko, webkit, wordpress, offline)"; exit 2 ;;
  esac
done
wants() { [ -n "${want[$1]:-}" ]; }

command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first (https://rustup.rs)."; exit 1; }

# Debian's packages, all in one apt-get, started first and left to run in the background
# while cargo compiles: the two are bound by different things (network and dpkg, CPU).
debian_packages=()
wants chromium && debian_packages+=(chromium chromium-driver)
wants gecko && debian_packages+=(firefox-esr)
wants webkit && debian_packages+=(webkit2gtk-driver xvfb)
wants gettext && debian_packages+=(gettext)
wants wordpress && debian_packages+=(wordpress wordpress-l10n wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql curl)
if wants npm && ! command -v npm >/dev/null 2>&1; then debian_packages+=(nodejs npm); fi
debian_missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || debian_missing+=("$package")
done
apt_pid=
if [ ${#debian_missing[@]} -gt 0 ]; then
  say "installing Debian's ${debian_missing[*]} in the background (about a minute each browser; log: $logs/apt.log)"
  (
    t=$(date +%s)
    as_root apt-get update -qq &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debian_missing[@]}" &&
      echo "apt: done in $(( $(date +%s) - t )) s"
  ) > "$logs/apt.log" 2>&1 &
  apt_pid=$!
fi
wait_apt() {
  [ -n "$apt_pid" ] || return 0
  if wait "$apt_pid"; then say "Debian's packages: $(tail -1 "$logs/apt.log")"
  else say "installing Debian's ${debian_missing[*]} failed:"; tail -20 "$logs/apt.log"; exit 1
  fi
  apt_pid=
}

if wants rust; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the Rust component rust-src (the standard library's source, rebuilt by the size build)"
    rustup component add rust-src
  fi
fi
if wants clippy && ! rustup component list --installed | grep -q '^clippy'; then
  say "adding the Rust component clippy"
  rustup component add clippy
fi

# The crates. `cargo fetch` without --target takes every platform's dependencies (the
# native tests', the widget's wasm32 ones). The size build also compiles the standard
# library, whose own dependencies (compiler_builtins, hashbrown, moto-rt…) are locked in
# the toolchain's rust-src; its manifest uses unstable cargo features, hence
# RUSTC_BOOTSTRAP for that one fetch. Fast when the cache has them: cargo checks only.
if wants crates; then
  t=$(date +%s)
  say "fetching the crates of Cargo.lock into ${CARGO_HOME:-~/.cargo} (every later cargo command is offline)"
  cargo fetch --locked --quiet
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the Rust component rust-src (the standard library's source, rebuilt by the size build)"
    rustup component add rust-src
  fi
  std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  say "fetching the standard library's own crates (its Cargo.lock in rust-src), which the size build compiles"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$std_manifest"
  took "crates fetched" "$t"
fi

# The Rust tools, compiled from crates.io. Each logs to its own file; geckodriver (only
# for the gecko layer) compiles at the same time as wasm-bindgen-cli, which fills the
# cores where one crate waits for another.
tool_pids=() tool_names=()
install_tool() { # NAME LOG CARGO-INSTALL-ARGS...
  local name=$1 log=$2; shift 2
  ( t=$(date +%s); cargo install "$@" && echo "$name: done in $(( $(date +%s) - t )) s" ) > "$log" 2>&1 &
  tool_pids+=($!) tool_names+=("$name")
}
if wants bindgen && [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "compiling wasm-bindgen-cli $WASM_BINDGEN_VERSION, the version of Cargo.lock (about 2 to 3 minutes; log: $logs/wasm-bindgen.log)"
  # Not --locked: its locked set asks for a webpki-roots release crates.io lacks.
  install_tool wasm-bindgen-cli "$logs/wasm-bindgen.log" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if wants gecko; then
  case "$(geckodriver --version 2>/dev/null | head -1)" in
    "geckodriver $GECKODRIVER_VERSION"*) ;;
    *) say "compiling geckodriver $GECKODRIVER_VERSION, which drives Firefox ESR (about 3 minutes; log: $logs/geckodriver.log)"
       install_tool geckodriver "$logs/geckodriver.log" geckodriver --version "$GECKODRIVER_VERSION" --locked ;;
  esac
fi

if wants npm; then
  wait_apt # nodejs and npm, if they were missing
  command -v npm >/dev/null 2>&1 || { say "npm is missing: install Node.js 20 and npm (Debian: apt-get install nodejs npm)"; exit 1; }
  # npm ci is exact but slow to repeat: reinstall only when the lockfile changed.
  stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp.src" 2>/dev/null; then
    t=$(date +%s)
    say "installing the npm packages of package-lock.json (wasm-opt, terser, csso, playwright-core, axe-core, jsqr, selenium-webdriver)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp.src"
    took "npm packages installed" "$t"
  fi
  wasm_opt_version=$(wasm-opt --version 2>&1) || { say "wasm-opt does not run: $wasm_opt_version (rm -rf node_modules, then run setup again)"; exit 1; }
  case "$wasm_opt_version" in
    *"version 132"*) ;;
    *) say "unexpected wasm-opt: $wasm_opt_version (expected version 132 from npm binaryen)"; exit 1 ;;
  esac
fi

for i in "${!tool_pids[@]}"; do
  log="$logs/${tool_names[$i]%-cli}.log"
  if wait "${tool_pids[$i]}"; then say "$(tail -1 "$log")"
  else say "compiling ${tool_names[$i]} failed:"; tail -30 "$log"; exit 1
  fi
done
wait_apt

# The summary line: a version a tool cannot print is shown as "?", never a failure.
version() { "$@" 2>/dev/null | head -1 || true; }
versions=()
wants bindgen && versions+=("$(version wasm-bindgen --version)")
wants npm && versions+=("wasm-opt 132")
wants chromium && versions+=("$(version /usr/bin/chromium --version)")
wants gecko && versions+=("$(version firefox-esr --version)" "$(version geckodriver --version)")
wants webkit && versions+=("WebKitGTK $(version dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0)")
wants wordpress && versions+=("WordPress $(version dpkg-query -W -f='${Version}' wordpress)" "$(version php -r 'echo "PHP ", PHP_VERSION;')")
say "ready in $(( $(date +%s) - start )) s${versions:+: $(IFS=,; echo "${versions[*]}" | sed 's/,/, /g')}"

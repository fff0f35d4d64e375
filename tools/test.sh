#!/usr/bin/env bash
# Runs every test layer of circo-don, each even when an earlier one failed, then prints
# one line per layer and a closing summary. `tools/test.sh LAYER...` runs only those.
# First it installs what those layers need (tools/setup.sh LAYER...): the browsers and
# their drivers only for the layers that drive them.
#   offline  the guard: every offline cargo command below finds its crates after
#            `tools/setup.sh crates` alone, in an empty cargo home (tools/check-offline.sh)
#   native   cargo test: the core (law, money, configuration, payloads) and the CLI
#   lint     clippy with warnings denied, native and wasm32
#   browser  wasm-bindgen-test: the Yew components in headless Chromium
#   build    the release widget and the builder page (tools/build.sh, built for size),
#            which the end-to-end tests serve, and the widget's bytes within their
#            budget (tools/size.sh --check)
#   e2e      Playwright + axe-core in Chromium against dist/ served on 127.0.0.1
#   gecko    the engine-dependent donor flows in Firefox ESR (headless), via WebDriver
#   webkit   the same flows in WebKitGTK's MiniBrowser under Xvfb, via WebDriver
#   wordpress the WordPress plugin on a real WordPress (Debian's, with MariaDB and PHP's
#            server, on 127.0.0.1 only, stopped after), in Chromium (tests/wordpress/)
# Each browser layer's summary line names the browser version it ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}

layers=("$@")
all=(offline native lint browser build e2e gecko webkit wordpress)
[ ${#layers[@]} -gt 0 ] || layers=("${all[@]}")
for layer in "${layers[@]}"; do
  case " ${all[*]} " in *" $layer "*) ;; *) echo "unknown layer $layer (${all[*]})"; exit 2 ;; esac
done
# Every cargo command below is --offline: setup fetched the crates, the guard proves it.
bash tools/setup.sh "${layers[@]}" || { echo "setup failed: no layer ran"; exit 1; }

# The end-to-end layers serve the release build: build it first when it is missing.
need_dist() { [ -f dist/circo-don_bg.wasm ] && [ -f dist/circo-don-builder_bg.wasm ] || bash tools/build.sh; }

# The browser (name and version) a layer runs in, for its summary line.
browser_of() {
  case "$1" in
    browser|e2e|wordpress) /usr/bin/chromium --version 2>/dev/null | awk '{ print $1, $2; exit }' ;;
    gecko) firefox-esr --version 2>/dev/null | sed 's/^Mozilla //' ;;
    webkit) dpkg-query -W -f='WebKitGTK ${Version}' libwebkit2gtk-4.1-0 2>/dev/null | sed 's/-[^-]*$//' ;;
  esac
}

run_layer() {
  case "$1" in
    offline) bash tools/check-offline.sh ;;
    native) cargo test --offline --locked ;;
    lint) cargo clippy --offline --locked --all-targets -- -D warnings &&
          cargo clippy --offline --locked --target wasm32-unknown-unknown --features builder --lib --bins --test browser -- -D warnings &&
          cargo clippy --offline --locked --target wasm32-unknown-unknown --features register --lib --bins --test register_browser -- -D warnings &&
          # The donor's widget alone: without `explain` (build.rs), other code compiles.
          cargo clippy --offline --locked --target wasm32-unknown-unknown --lib --bin circo-don -- -D warnings ;;
    browser) cargo test --offline --locked --target wasm32-unknown-unknown --test browser && cargo test --offline --locked --target wasm32-unknown-unknown --features register --test register_browser ;;
    # The donor's bytes against their budget too: a change that goes over fails here.
    build) bash tools/build.sh && bash tools/size.sh dist --check ;;
    e2e) need_dist && node --test --test-concurrency=1 tests/e2e/ ;;
    gecko) need_dist && node --test --test-timeout=300000 tests/engines/gecko.test.mjs ;;
    # WebKitGTK's MiniBrowser needs a display: a private Xvfb for the run.
    webkit) need_dist && xvfb-run -a -s '-screen 0 1280x1024x24' node --test --test-timeout=300000 tests/engines/webkit.test.mjs ;;
    wordpress) need_dist && bash tests/wordpress/run.sh ;;
  esac
}

results=()
passed=0
failed=0
for layer in "${layers[@]}"; do
  printf '\n\033[1m==> %s\033[0m\n' "$layer"
  start=$(date +%s)
  browser=$(browser_of "$layer")
  if run_layer "$layer"; then
    results+=("PASS  $layer ($(( $(date +%s) - start )) s)${browser:+, $browser}"); passed=$((passed + 1))
  else
    results+=("FAIL  $layer ($(( $(date +%s) - start )) s)${browser:+, $browser}"); failed=$((failed + 1))
  fi
done

printf '\n\033[1mcirco-don test summary\033[0m\n'
printf '  %s\n' "${results[@]}"
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

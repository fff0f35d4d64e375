#!/usr/bin/env bash
# A newcomer's first run, reproduced: a fresh clone of this repository's HEAD and an
# empty cargo home, with nothing on PATH from cargo but rustup's own proxies (so no tool
# installed earlier, no crate cached earlier, is found), then one of the README's two
# commands, timed.
#
#   tools/fresh-clone.sh demo   `make demo` until the widget is served, then stops it
#   tools/fresh-clone.sh test   `CI=true bash .ci/run` (what CI runs: `make test`)
#
# What it cannot empty: the rustup toolchain (its wasm32 target and rust-src stay if they
# were added) and Debian's packages (apt-get installs them for the whole machine).
# Leaves its clone and cargo home in target/fresh-clone/ for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
case "$what" in demo|test) ;; *) echo "usage: tools/fresh-clone.sh demo|test" >&2; exit 2 ;; esac

base=$PWD/target/fresh-clone/$what
rm -rf "$base"
mkdir -p "$base/proxies" "$base/cargo-home"
rustup_bin=$(dirname "$(command -v rustup)")
for tool in cargo rustc rustup rustdoc cargo-clippy clippy-driver rustfmt cargo-fmt; do
  [ -e "$rustup_bin/$tool" ] && ln -s "$rustup_bin/$tool" "$base/proxies/$tool"
done
git clone -q "$PWD" "$base/circo-don"
# The law's reference text sits beside the project, as on the CEO's and CI's machines.
[ -d ../shared ] && ln -s "$(cd ../shared && pwd)" "$base/shared"

clean_env=(env -i HOME="$HOME" TERM=dumb PATH="$base/proxies:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
           CARGO_HOME="$base/cargo-home" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}")
cd "$base/circo-don"
start=$(date +%s)
if [ "$what" = demo ]; then
  port=${PORT:-8181}
  "${clean_env[@]}" PORT="$port" make demo > "$base/demo.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/circo-don_bg.wasm" -o /dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$base/demo.log"; echo "fresh-clone: make demo failed after $(( $(date +%s) - start )) s"; exit 1; }
    sleep 2
  done
  echo "fresh-clone: make demo serves the widget after $(( $(date +%s) - start )) s (log: $base/demo.log)"
  kill -- "$pid" 2>/dev/null || true
  pkill -f "serve.mjs dist 127.0.0.1 $port" || true
else
  rc=0
  "${clean_env[@]}" CI=true bash .ci/run > "$base/test.log" 2>&1 || rc=$?
  sed -n '/circo-don test summary/,$p' "$base/test.log"
  echo "fresh-clone: make test exited $rc after $(( $(date +%s) - start )) s (log: $base/test.log)"
  exit "$rc"
fi

#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli (quality 11, node's zlib) bytes of every file a host
# page loads for the widget (the JS glue, the wasm and the stylesheet), their
# total against the budget, then where the bytes of the wasm are (tools/wasm-breakdown.mjs)
# on a copy that keeps function names: the same wasm-bindgen output and wasm-opt passes as
# the release build (index.html), plus `-g`. `make size` builds first (tools/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
source tools/wasm-flags.sh
# `tools/size.sh DIR --check`: the totals and the budget only (the build test layer).
dist=${1:-dist}
check_only=${2:-}
budget_kb=150
files=("$dist/circo-don.js" "$dist/circo-don_bg.wasm" "$dist/circo-don.css")

brotli_size() {
  node -e 'const z = require("zlib"); const b = require("fs").readFileSync(process.argv[1]);
    const p = { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length };
    process.stdout.write(String(z.brotliCompressSync(b, { params: p }).length));' "$1"
}
kb() { local t=$((($1 + 50) / 100)); printf '%d.%d KB' $((t / 10)) $((t % 10)); }

total_raw=0 total_gz=0 total_br=0
printf '%-24s %10s %10s %10s\n' file raw gzip brotli
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "size: $f is missing: run 'make build' first" >&2; exit 1; }
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli_size "$f")
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-24s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-24s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
over=0
if [ "$total_gz" -le $((budget_kb * 1000)) ]; then
  verdict="within budget, $(kb $((budget_kb * 1000 - total_gz))) left"
else
  verdict="OVER BUDGET by $(kb $((total_gz - budget_kb * 1000)))"; over=1
fi
echo "total: $(kb "$total_gz") gzip, $(kb "$total_br") brotli (budget $budget_kb KB gzip: $verdict)"

[ "$check_only" = --check ] && exit "$over"

# The builder page (builder.html) is its own wasm binary, loaded by collectives only:
# listed apart, never counted in the widget's bytes.
builder_files=("$dist/circo-don-builder.js" "$dist/circo-don-builder_bg.wasm" "$dist/builder.css")
if [ -f "${builder_files[1]}" ]; then
  b_raw=0 b_gz=0 b_br=0
  echo "builder page (builder.html, not loaded by donors):"
  for f in "${builder_files[@]}"; do
    raw=$(wc -c < "$f") gz=$(gzip -9 -c "$f" | wc -c) br=$(brotli_size "$f")
    b_raw=$((b_raw + raw)) b_gz=$((b_gz + gz)) b_br=$((b_br + br))
    printf '%-24s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  done
  echo "builder total: $(kb "$b_gz") gzip, $(kb "$b_br") brotli"
fi

# The register page (registre.html), the mandataire's only: listed apart too, with its
# HTML (it is opened directly).
register_files=("$dist/registre.html" "$dist/circo-don-register.js" "$dist/circo-don-register_bg.wasm" "$dist/registre.css")
if [ -f "${register_files[2]}" ]; then
  r_raw=0 r_gz=0 r_br=0
  echo "register page (registre.html, not loaded by donors):"
  for f in "${register_files[@]}"; do
    raw=$(wc -c < "$f") gz=$(gzip -9 -c "$f" | wc -c) br=$(brotli_size "$f")
    r_raw=$((r_raw + raw)) r_gz=$((r_gz + gz)) r_br=$((r_br + br))
    printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  done
  echo "register total: $(kb "$r_raw") raw, $(kb "$r_gz") gzip, $(kb "$r_br") brotli"
fi

# The breakdown needs function names, which the release wasm-opt drops.
bindgen=target/min-size/wasm-bindgen/release/circo-don_bg.wasm
named=target/min-size/size/circo-don_named.wasm
if [ ! -f "$bindgen" ]; then
  echo "(no breakdown: $bindgen is missing; build with 'make build')"
  exit "$over"
fi
if [ ! -f "$named" ] || [ "$bindgen" -nt "$named" ] || [ tools/wasm-flags.sh -nt "$named" ]; then
  mkdir -p "$(dirname "$named")"
  wasm-opt "$bindgen" "${WIDGET_WASM_OPT[@]}" -g -o "$named"
fi
node tools/wasm-breakdown.mjs "$named" 10
exit "$over"

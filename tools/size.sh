#!/usr/bin/env bash
# Prints the raw and gzip -9 bytes of every file a host page loads for the widget
# (the JS glue and the wasm; the CSS is inside the wasm), and their total.
set -euo pipefail
dist=${1:-dist}
files=("$dist/circo-don.js" "$dist/circo-don_bg.wasm")
total_raw=0
total_gz=0
printf '%-28s %10s %10s\n' file raw gzip
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "size: $f is missing: run 'make build' first" >&2; exit 1; }
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' total "$total_raw" "$total_gz"
printf 'total gzip: %d.%d KB (budget 110 KB)\n' $((total_gz / 1000)) $(((total_gz % 1000) / 100))

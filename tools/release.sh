#!/usr/bin/env bash
# `make release`: the bundle a collective downloads, dist/release/circo-don-VERSION.zip
# and its SHA256SUMS, the version read from Cargo.toml. Inside one folder
# circo-don-VERSION/: the widget's three files (stable names), the builder page and its
# files, an example page and configuration, `_headers` (Netlify, Cloudflare Pages) and
# `.htaccess` (Apache) setting application/wasm, the caching the README recommends and
# CORS, and the guide for collectives (docs/guide-collectifs.md, French then English).
# Zipped with `zip` when present, else by node (no dependency, no network). Files get
# the last commit's date, so the same commit gives the same zip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "release: no version in Cargo.toml" >&2; exit 1; }
name="circo-don-$version"
for f in circo-don.js circo-don_bg.wasm circo-don.css builder.html circo-don-builder.js circo-don-builder_bg.wasm builder.css; do
  [ -f "dist/$f" ] || { echo "release: dist/$f is missing: run 'make build' first" >&2; exit 1; }
done

stage="target/release-stage"
rm -rf "$stage"
mkdir -p "$stage/$name" dist/release
cp dist/circo-don.js dist/circo-don_bg.wasm dist/circo-don.css dist/builder.html dist/circo-don-builder.js dist/circo-don-builder_bg.wasm dist/builder.css "$stage/$name/"
cp demo/circo-exemple.json "$stage/$name/circo.json"
cp tools/release/exemple.html tools/release/_headers "$stage/$name/"
cp tools/release/htaccess "$stage/$name/.htaccess"
cp docs/guide-collectifs.md "$stage/$name/LISEZ-MOI.md"
cp LICENSE "$stage/$name/LICENSE"
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
find "$stage/$name" -exec touch -d "@$stamp" {} +

zipfile="$PWD/dist/release/$name.zip"
rm -f "$zipfile"
if command -v zip > /dev/null; then
  (cd "$stage" && find "$name" -type f | LC_ALL=C sort | TZ=UTC zip -q -X -D "$zipfile" -@)
else
  node tools/zip.mjs "$zipfile" "$stage" "$name"
fi
(cd dist/release && sha256sum "$name.zip" > SHA256SUMS)
echo "release: dist/release/$name.zip ($(wc -c < "$zipfile") bytes)"
cat dist/release/SHA256SUMS

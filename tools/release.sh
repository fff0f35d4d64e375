#!/usr/bin/env bash
# `make release`: the bundle a collective downloads, dist/release/circo-don-VERSION.zip
# and its SHA256SUMS, the version read from Cargo.toml. Inside one folder
# circo-don-VERSION/: the widget's three files (stable names), the builder page and its
# files, the mandataire's register page (registre.html) and its files, an example page and configuration, `_headers` (Netlify, Cloudflare Pages) and
# `.htaccess` (Apache) setting application/wasm, the caching the README recommends and
# CORS, and the guide for collectives (docs/guide-collectifs.md, French then English).
# Zipped with `zip` when present, else by node (no dependency, no network). Files get
# the last commit's date, so the same commit gives the same zip.
# Beside it, dist/release/circo-don-wordpress-VERSION.zip: the WordPress plugin
# (wordpress/circo-don/, one folder circo-don/ inside, the name WordPress installs it
# under) with the widget's and the builder's files copied into its assets/, its French
# translation compiled (msgfmt, Debian's gettext) and the version written in.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "release: no version in Cargo.toml" >&2; exit 1; }
name="circo-don-$version"
plugin="circo-don-wordpress-$version"
command -v msgfmt > /dev/null || { echo "release: msgfmt is missing (Debian: apt-get install gettext, or tools/setup.sh build)" >&2; exit 1; }
for f in circo-don.js circo-don_bg.wasm circo-don.css builder.html circo-don-builder.js circo-don-builder_bg.wasm builder.css registre.html circo-don-register.js circo-don-register_bg.wasm registre.css; do
  [ -f "dist/$f" ] || { echo "release: dist/$f is missing: run 'make build' first" >&2; exit 1; }
done

stage="target/release-stage"
rm -rf "$stage"
mkdir -p "$stage/$name" dist/release
cp dist/circo-don.js dist/circo-don_bg.wasm dist/circo-don.css dist/builder.html dist/circo-don-builder.js dist/circo-don-builder_bg.wasm dist/builder.css "$stage/$name/"
# The mandataire's register page: opened from the bundle's folder, it reads and saves local files only.
cp dist/registre.html dist/circo-don-register.js dist/circo-don-register_bg.wasm dist/registre.css "$stage/$name/"
cp demo/circo-exemple.json "$stage/$name/circo.json"
cp tools/release/exemple.html tools/release/_headers "$stage/$name/"
cp tools/release/htaccess "$stage/$name/.htaccess"
cp docs/guide-collectifs.md "$stage/$name/LISEZ-MOI.md"
# The guide's pictures of the register, beside it (it names them relatively, as in docs/).
cp docs/registre-dons-360.png docs/registre-dons-1280.png "$stage/$name/"
cp LICENSE "$stage/$name/LICENSE"

# The plugin: its sources, the built files in assets/ (never committed), the .mo.
wp="$stage/wordpress"
mkdir -p "$wp"
cp -r wordpress/circo-don "$wp/circo-don"
cp dist/circo-don.js dist/circo-don_bg.wasm dist/circo-don.css dist/builder.html dist/circo-don-builder.js dist/circo-don-builder_bg.wasm dist/builder.css "$wp/circo-don/assets/"
for po in "$wp"/circo-don/languages/*.po; do
  msgfmt --check -o "${po%.po}.mo" "$po"
done
# The version, where WordPress reads it: the header, the constant (scripts' ?ver=), the readme.
sed -i -e "s/^ \* Version:           0\.0\.0\$/ * Version:           $version/" \
  -e "s/define( 'CIRCO_DON_VERSION', '0\.0\.0' );/define( 'CIRCO_DON_VERSION', '$version' );/" "$wp/circo-don/circo-don.php"
sed -i -e "s/^Stable tag: 0\.0\.0\$/Stable tag: $version/" "$wp/circo-don/readme.txt"
[ "$(grep -c "$version" "$wp/circo-don/circo-don.php")" -eq 2 ] || { echo "release: the plugin's version lines changed shape" >&2; exit 1; }

stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
find "$stage/$name" "$wp" -exec touch -d "@$stamp" {} +

# zip_folder OUT BASE FOLDER: BASE/FOLDER zipped as FOLDER/, in sorted order.
zip_folder() {
  rm -f "$1"
  if command -v zip > /dev/null; then
    (cd "$2" && find "$3" -type f | LC_ALL=C sort | TZ=UTC zip -q -X -D "$1" -@)
  else
    node tools/zip.mjs "$1" "$2" "$3"
  fi
}
zipfile="$PWD/dist/release/$name.zip"
pluginzip="$PWD/dist/release/$plugin.zip"
zip_folder "$zipfile" "$stage" "$name"
zip_folder "$pluginzip" "$wp" circo-don
(cd dist/release && sha256sum "$name.zip" "$plugin.zip" > SHA256SUMS)
echo "release: dist/release/$name.zip ($(wc -c < "$zipfile") bytes)"
echo "release: dist/release/$plugin.zip ($(wc -c < "$pluginzip") bytes)"
cat dist/release/SHA256SUMS

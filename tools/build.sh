#!/usr/bin/env bash
# The release pages in dist/, built for size: `make build`, `make demo`, `make size`,
# `make release` and the build and e2e layers of tools/test.sh all call this script, so
# every page gets the same bytes.
#
#   dist/circo-don.js, circo-don_bg.wasm, circo-don.css   the donor's widget: glue that
#                                                         starts itself, wasm, stylesheet
#   dist/index.html, demo.css, demo/                      the demo page and its examples
#   dist/builder.html, circo-don-builder*, builder.css    the builder page, its own wasm
#   dist/registre.html, circo-don-register*, registre.css the mandataire's register page,
#                                                         its own wasm (`register` feature)
#
# Each wasm is three steps, the same as any wasm-bindgen project's: cargo (flags in
# tools/wasm-flags.sh), wasm-bindgen (glue for ES modules), wasm-opt (npm binaryen). It
# needs no bundler: the pages are hand-written HTML whose only build-time change is the
# stylesheet link (`styles/X.css` becomes `X.css` beside the page). Offline: every crate
# was fetched by tools/setup.sh, and tools/check-offline.sh proves it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
source tools/wasm-flags.sh

out=target/min-size
stage=$out/stage
rm -rf "$stage"
mkdir -p "$stage" "$out/wasm-bindgen/release"

# wasm_app BIN NAME CARGO_FLAGS... -- WASM_OPT_FLAGS...: compiles BIN, writes NAME.js and
# NAME_bg.wasm into the stage, the wasm optimised by the given passes.
wasm_app() {
  local bin=$1 name=$2; shift 2
  local cargo_flags=() opt_flags=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do cargo_flags+=("$1"); shift; done
  shift
  opt_flags=("$@")
  echo "build: $name (cargo ${WASM_CARGO_ARGS[*]} --bin $bin ${cargo_flags[*]})"
  cargo "${WASM_CARGO_ARGS[@]}" --bin "$bin" "${cargo_flags[@]}"
  wasm-bindgen --target=web --out-dir="$out/wasm-bindgen/release" --out-name="$name" --no-typescript \
    "$out/wasm32-unknown-unknown/release/$bin.wasm"
  cp "$out/wasm-bindgen/release/$name.js" "$stage/$name.js"
  wasm-opt --output="$stage/${name}_bg.wasm" "$out/wasm-bindgen/release/${name}_bg.wasm" "${opt_flags[@]}"
}

# page SRC: copies the page into the stage, its `<link data-build rel="css"
# href="styles/X.css">` turned into a plain stylesheet link to X.css (copied beside it).
page() {
  local src=$1
  node -e '
    const fs = require("fs"), path = require("path");
    const [src, stage] = process.argv.slice(1);
    let html = fs.readFileSync(src, "utf8"), found = 0;
    html = html.replace(/<link data-build rel="css" href="([^"]+)">/g, (_, href) => {
      found++;
      const name = path.basename(href);
      fs.copyFileSync(href, path.join(stage, name));
      return `<link rel="stylesheet" href="${name}">`;
    });
    if (!found) { console.error(`build: ${src} links no stylesheet (data-build rel="css")`); process.exit(1); }
    fs.writeFileSync(path.join(stage, path.basename(src)), html);
  ' "$src" "$stage"
}

wasm_app circo-don circo-don -- "${WIDGET_WASM_OPT[@]}"
bash tools/post-build.sh "$stage"
page index.html
cp -r demo "$stage/demo"

wasm_app circo-don-builder circo-don-builder --features builder -- "${BUILDER_WASM_OPT[@]}"
page builder.html

wasm_app circo-don-register circo-don-register --features register -- "${BUILDER_WASM_OPT[@]}"
page registre.html

# The new dist/ replaces the old one whole, so nothing stale survives a build.
rm -rf dist
mv "$stage" dist
echo "build: dist/ ready ($(ls dist | wc -l) entries)"

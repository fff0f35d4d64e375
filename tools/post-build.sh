#!/bin/sh
# The donor's widget after wasm-opt (tools/build.sh, DIR its stage folder): appends the
# self-start code to the wasm-bindgen glue, so that the collective's one-line
# `<script type="module" src=".../circo-don.js">` is enough, and puts the widget's
# stylesheet beside it under a stable name (the live widget and the prerendered snippet
# of `circo-don render` both link it), then minifies the glue in place (same file name):
# terser, pinned in package.json and installed by tools/setup.sh (`npm ci`). Measured:
# 46.8 KB raw / 8.6 KB gzip before, see the README's "Size: the moves". `--module` keeps
# the exports' names and lets terser rename everything else; no `unsafe` compress options.
set -eu
stage=$1
root=$(pwd)
glue="$stage/circo-don.js"
grep -q '__wbg_init' "$glue" || { echo "post-build: no __wbg_init in $glue: wasm-bindgen changed its glue" >&2; exit 1; }
cat "$root/tools/embed-start.js" >> "$glue"
# The stylesheet, minified by csso (pinned in package.json): comments and spaces out,
# nothing restructured, so each rule stays as written.
node -e 'const fs = require("fs"); const { minify } = require(process.argv[1]);
  fs.writeFileSync(process.argv[3], minify(fs.readFileSync(process.argv[2], "utf8"), { restructure: false }).css);' \
  "$root/node_modules/csso" "$root/styles/widget.css" "$stage/circo-don.css"
terser="$root/node_modules/.bin/terser"
[ -x "$terser" ] || { echo "post-build: $terser is missing: run tools/setup.sh (npm ci)" >&2; exit 1; }
"$terser" "$glue" --module --ecma 2020 --compress passes=2 --mangle --comments false --output "$glue.min"
mv "$glue.min" "$glue"
# The imports' names, `__wbg_<function>_<hash>`, shortened in the wasm and the glue
# together (tools/short-imports.mjs says why).
node "$root/tools/short-imports.mjs" "$stage/circo-don_bg.wasm" "$glue"

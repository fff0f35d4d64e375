#!/bin/sh
# trunk post_build hook: appends the self-start code to the wasm-bindgen glue, so that
# the collective's one-line `<script type="module" src=".../circo-don.js">` is enough,
# and puts the widget's stylesheet beside it under a stable name, for the prerendered
# snippet of `circo-don render` (the live widget carries its own copy in the wasm).
set -eu
# The builder page (builder.html) starts itself from its own page: nothing to append.
case "${TRUNK_HTML_FILE:-}" in *builder.html) exit 0 ;; esac
glue="$TRUNK_STAGING_DIR/circo-don.js"
grep -q '__wbg_init' "$glue" || { echo "post-build: no __wbg_init in $glue: wasm-bindgen changed its glue" >&2; exit 1; }
cat "$TRUNK_SOURCE_DIR/tools/embed-start.js" >> "$glue"
cp "$TRUNK_SOURCE_DIR/styles/widget.css" "$TRUNK_STAGING_DIR/circo-don.css"

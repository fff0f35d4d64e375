# circo-don: the two commands a newcomer needs are `make demo` and `make test`; both
# install what is missing first (tools/setup.sh, idempotent, registries only).
SHELL := bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: setup build demo test test-native test-browser test-e2e size lint bench bench-web clean release

setup:
	@bash tools/setup.sh

# The release widget in dist/: circo-don.js (glue that starts itself), circo-don_bg.wasm,
# the demo page and its example configurations, and the builder page (builder.html and
# its own circo-don-builder files: none of its bytes are in the widget's). Built for size by tools/build.sh (Yew's
# minimum-size recipe, with RUSTC_BOOTSTRAP=1 for that one build only: see the script).
build: setup
	@bash tools/build.sh

demo: build
	@node tools/serve.mjs dist $(HOST) $(PORT)

# Every layer, then one pass/fail line per layer and a summary (tools/test.sh).
test: setup
	@bash tools/test.sh

test-native:
	cargo test --locked

test-browser:
	@bash tools/test.sh browser

test-e2e:
	@bash tools/test.sh e2e

lint:
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --features builder --all-targets -- -D warnings

# Bytes a page loads (gzip and brotli) and where they are in the wasm (tools/size.sh).
size: build
	@bash tools/size.sh dist

# The bundle collectives download: dist/release/circo-don-VERSION.zip and SHA256SUMS
# (tools/release.sh; the guide inside is docs/guide-collectifs.md).
release: build
	@bash tools/release.sh

bench:
	cargo bench --locked --bench law

# A donor on a slow phone (slow 4G, CPU 4× slower): when the widget shows and answers,
# for the static markup, the widget by URL, inline, and prerendered (tools/bench-web.mjs).
bench-web: build
	@node tools/bench-web.mjs

clean:
	rm -rf dist target node_modules

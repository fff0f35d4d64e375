# circo-don: the two commands a newcomer needs are `make demo` and `make test`; both
# install what is missing first (tools/setup.sh, idempotent, registries only), each only
# what it needs: `make demo` the build tools, `make test` the browsers too.
SHELL := bash
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: setup setup-test build demo test test-native test-browser test-e2e size lint bench bench-web clean release

# The build tools only (no browser): what build, demo, size and release need.
setup:
	@bash tools/setup.sh build

# Everything every test layer needs, browsers and drivers included.
setup-test:
	@bash tools/setup.sh test

# The release widget in dist/: circo-don.js (glue that starts itself), circo-don_bg.wasm,
# the demo page and its example configurations, and the builder page (builder.html and
# its own circo-don-builder files: none of its bytes are in the widget's). Built for size
# by tools/build.sh: cargo, wasm-bindgen and wasm-opt, with Yew's minimum-size recipe
# (tools/wasm-flags.sh, RUSTC_BOOTSTRAP=1 for those builds only).
build: setup
	@bash tools/build.sh

demo: build
	@node tools/serve.mjs dist $(HOST) $(PORT)

# Every layer, then one pass/fail line per layer and a summary (tools/test.sh, which
# installs what the layers need first).
test:
	@bash tools/test.sh

test-native:
	@bash tools/test.sh native

test-browser:
	@bash tools/test.sh browser

test-e2e:
	@bash tools/test.sh e2e

lint:
	@bash tools/test.sh lint

# Bytes a page loads (gzip and brotli) and where they are in the wasm (tools/size.sh).
size: build
	@bash tools/size.sh dist

# The bundle collectives download: dist/release/circo-don-VERSION.zip and SHA256SUMS
# (tools/release.sh; the guide inside is docs/guide-collectifs.md).
release: build
	@bash tools/release.sh

bench: setup
	cargo bench --offline --locked --bench law
	cargo bench --offline --locked --bench register_file
	cargo bench --offline --locked --bench register

# A donor on a slow phone (slow 4G, CPU 4× slower): when the widget shows and answers,
# for the static markup, the widget by URL, inline, and prerendered (tools/bench-web.mjs).
bench-web: build
	@bash tools/setup.sh e2e
	@node tools/bench-web.mjs

clean:
	rm -rf dist target node_modules

#!/usr/bin/env bash
# Builds the wasm module in release and writes the JS bindings to www/pkg.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --lib --target wasm32-unknown-unknown
.tools/bin/wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir www/pkg target/wasm32-unknown-unknown/release/liangshan_pop.wasm
# The static fallback: every chart's default drawing into the pages and as
# www/charts/ID.svg; the page's drawings a phone's width (its first view there).
cargo run -q --bin liangshan-pop -- prerender --width 360 index.html --lang en --view www/charts/static-en.json >&2
# The static views of a phone as files (fetched by the page and the embed
# when they are the reader's; the page has the Chinese light one inline).
cargo run -q --bin liangshan-pop -- prerender --width 360 --lang zh --view www/charts/static-zh.json >&2
cargo run -q --bin liangshan-pop -- prerender --width 360 --lang zh --theme dark --view www/charts/static-zh-dark.json >&2
cargo run -q --bin liangshan-pop -- prerender --width 360 --lang en --theme dark --view www/charts/static-en-dark.json >&2
cargo run -q --bin liangshan-pop -- prerender --width 720 --out www/charts embed.html >&2
printf '[build] www/pkg/liangshan_pop_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/liangshan_pop_bg.wasm)" >&2

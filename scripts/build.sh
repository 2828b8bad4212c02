#!/usr/bin/env bash
# Builds what a static host serves into dist/ (README, "Deploying"):
#   1. the wasm core (the "wasm" profile: Cargo.toml), its JS bindings into www/pkg (where the
#      browser tests and the type check find them);
#   2. the site staged in target/site: the pages, www/ and the core, with
#      every chart's default drawing filled into the pages (the static
#      first view) and written as www/charts/ID.svg, and the static views of
#      the other languages and colours as JSON;
#   3. scripts/dist.mjs: content-hashed names, .gz and .br copies, dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/core.sh
core target www/pkg plain
printf '[build] the core: %s bytes\n' "$(wc -c < www/pkg/liangshan_pop_bg.wasm)" >&2
# The same core with wasm's 128-bit SIMD, which the engine's loops use
# (the engine 15-25% faster; www/core.js loads it where the browser validates
# SIMD, the one above elsewhere). The bindings are the same file, checked.
simd=$(mktemp -d)
trap 'rm -rf "$simd"' EXIT
core target/simd "$simd" simd
cmp -s "$simd/liangshan_pop.js" www/pkg/liangshan_pop.js || { echo '[build] the SIMD core has other bindings' >&2; exit 1; }
cp "$simd/liangshan_pop_bg.wasm" www/pkg/liangshan_pop_simd_bg.wasm
printf '[build] the core with SIMD: %s bytes\n' "$(wc -c < www/pkg/liangshan_pop_simd_bg.wasm)" >&2

site=target/site
rm -rf "$site"
mkdir -p "$site/www/pkg" "$site/www/charts"
cp index.html embed.html "$site/"
cp www/*.js www/style.css "$site/www/"
cp www/pkg/liangshan_pop.js www/pkg/liangshan_pop_bg.wasm www/pkg/liangshan_pop_simd_bg.wasm "$site/www/pkg/"

cargo build -q --release --bin liangshan-pop
cli=target/release/liangshan-pop
# The page's drawings a phone's width (its first view there), in Chinese
# and light colours inline.
"$cli" prerender --width 360 "$site/index.html" >&2
# The static views in every language and colour as files the page fetches
# when they are the reader's: a phone's, and a wide screen's at the widths
# of its layout (www/style.css: the text column 62rem of 18px less 2rem
# padding, 1080 px; the explorer's charts beside its 19rem controls and a
# 1.5rem gap, 711 px). The page uses each where its chart boxes are those
# widths (static-view.js, staticFit).
for lang in zh en; do
  for theme in light dark; do
    name="$site/www/charts/static-$lang$([ "$theme" = dark ] && echo "-dark" || true)"
    # A phone's explorer drawings apart: they come when the reader nears them.
    "$cli" prerender --width 360 --lang "$lang" --theme "$theme" --view "$name.json" --explorer-view "$name-explorer.json" >&2
    "$cli" prerender --width 1080 --explorer-width 711 --lang "$lang" --theme "$theme" --view "$name-wide.json" >&2
  done
done
# The embed's drawings and the chart files, wider.
"$cli" prerender --width 720 --out "$site/www/charts" "$site/embed.html" >&2

node scripts/dist.mjs "$site" dist

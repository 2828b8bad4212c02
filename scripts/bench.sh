#!/usr/bin/env bash
# The projection benchmark: the same 30-year single-year projection of the
# prefecture and its 17 counties natively (Rust), in WebAssembly (headless
# Chromium; the core with wasm SIMD and without), in plain JavaScript and in numpy (batched over regions and
# sexes, the strong baseline; and looped region by region), in one run,
# with ratios against the batched numpy; and 1,000 probabilistic
# trajectories of the prefecture and of all 17 counties. Figures, not
# verdicts. Writes bench/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if ! PYTHONPATH=.tools/py python3 -c "import numpy" 2>/dev/null; then
  echo "[bench] installing numpy into .tools/py" >&2
  python3 -m pip install -q --target .tools/py numpy
fi
cargo build --release -q
bash scripts/build.sh >/dev/null 2>&1
# The engine's exports are not in the page's module: a module of their own for the bench.
# Twice, as the page's: with wasm SIMD (what browsers that have it run) and without.
source scripts/core.sh
core target/bench www/pkg-bench plain -q --features bench
core target/bench-simd www/pkg-bench-simd simd -q --features bench
specs=$(mktemp --suffix=.json)
trap 'rm -f "$specs"' EXIT
./target/release/liangshan-pop bench > "$specs"
native=$(./target/release/liangshan-pop bench --input "$specs")
wasm=$(node bench/wasm_bench.mjs "$specs" pkg-bench-simd)
wasm_plain=$(node bench/wasm_bench.mjs "$specs" pkg-bench)
numpy=$(PYTHONPATH=.tools/py python3 bench/ccmpp_numpy.py "$specs" 20)
explorer=$(node bench/explorer_bench.mjs 20 5)
node - "$native" "$wasm" "$numpy" "$explorer" "$wasm_plain" <<'JS'
const [native, wasm, numpy, explorer, plain] = process.argv.slice(2).map((s) => JSON.parse(s));
const os = await import('node:os');
const fs = await import('node:fs');
const rel = (a, b) => Math.abs(a - b) / Math.abs(b);
const same = native.checksum_2050 === wasm.checksum_2050 && plain.checksum_2050 === wasm.checksum_2050 && rel(numpy.batched_checksum_2050, native.checksum_2050) < 1e-9 && rel(numpy.checksum_2050, native.checksum_2050) < 1e-9 && rel(wasm.js_checksum_2050, native.checksum_2050) < 1e-9;
const report = {
  date: new Date().toISOString(),
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), browser: wasm.browser_version, numpy: numpy.numpy },
  regions: native.regions,
  projection_ms: { native: native.projection_ms_median, wasm: wasm.projection_ms_median, wasm_without_simd: plain.projection_ms_median, js: wasm.js_ms_median, numpy_batched: numpy.batched_ms_median, numpy_looped: numpy.projection_ms_median },
  ratio_to_batched_numpy: {
    native: numpy.batched_ms_median / native.projection_ms_median,
    wasm: numpy.batched_ms_median / wasm.projection_ms_median,
    wasm_without_simd: numpy.batched_ms_median / plain.projection_ms_median,
    js: numpy.batched_ms_median / wasm.js_ms_median,
    numpy_looped: numpy.batched_ms_median / numpy.projection_ms_median,
  },
  wasm_over_native: wasm.projection_ms_median / native.projection_ms_median,
  results_agree: same,
  checksums_2050: { native: native.checksum_2050, wasm: wasm.checksum_2050, wasm_without_simd: plain.checksum_2050, js: wasm.js_checksum_2050, numpy_batched: numpy.batched_checksum_2050, numpy_looped: numpy.checksum_2050 },
  simulation_1000_ms: {
    native: { prefecture_first: native.simulation_first_ms, prefecture: native.simulation_ms, counties_17: native.simulation_counties_ms },
    wasm: { prefecture_first: wasm.simulation_first_ms, prefecture: wasm.simulation_ms, counties_17: wasm.simulation_counties_ms },
    wasm_without_simd: { prefecture_first: plain.simulation_first_ms, prefecture: plain.simulation_ms, counties_17: plain.simulation_counties_ms },
  },
  explorer,
};
fs.writeFileSync('bench/latest.json', JSON.stringify(report, null, 2) + '\n');
const f = (x) => x.toFixed(2).padStart(9);
const r = report.ratio_to_batched_numpy;
console.log(`machine: ${report.machine.cores} cores, ${report.machine.cpu}; Chromium ${report.machine.browser}; numpy ${report.machine.numpy}`);
console.log(`projection of ${report.regions} regions, 2020-2050 by single year and sex (median ms; specs validated once, before timing):`);
console.log(`  native ${f(report.projection_ms.native)}   wasm ${f(report.projection_ms.wasm)}   wasm without SIMD ${f(report.projection_ms.wasm_without_simd)}   plain JS ${f(report.projection_ms.js)}   numpy batched ${f(report.projection_ms.numpy_batched)}   numpy looped ${f(report.projection_ms.numpy_looped)}`);
console.log(`  times faster than batched numpy: native ${r.native.toFixed(1)}   wasm ${r.wasm.toFixed(1)}   wasm without SIMD ${r.wasm_without_simd.toFixed(1)}   plain JS ${r.js.toFixed(1)}   looped numpy ${r.numpy_looped.toFixed(2)}   (wasm/native ${report.wasm_over_native.toFixed(2)})`);
console.log(`  final populations agree (native = wasm with and without SIMD exactly; JS and both numpy within 1e-9 relative, their sums are ordered otherwise): ${same}`);
const s = report.simulation_1000_ms;
console.log(`1,000 probabilistic trajectories (ms)          prefecture, first run   prefecture, later runs   all 17 counties (and their sum)`);
console.log(`  native                                       ${f(s.native.prefecture_first)}               ${f(s.native.prefecture)}                ${f(s.native.counties_17)}`);
console.log(`  wasm                                         ${f(s.wasm.prefecture_first)}               ${f(s.wasm.prefecture)}                ${f(s.wasm.counties_17)}`);
console.log(`  wasm without SIMD                            ${f(s.wasm_without_simd.prefecture_first)}               ${f(s.wasm_without_simd.prefecture)}                ${f(s.wasm_without_simd.counties_17)}`);
const e = explorer;
const kb = (x) => (x / 1000).toFixed(1).padStart(7);
for (const [name, t] of Object.entries(e.transfer)) {
  console.log(`transfer, ${name} (kB)                        raw    gzip  brotli`);
  for (const file of t.files) console.log(`  ${file.file.padEnd(40)} ${kb(file.raw)} ${kb(file.gzip)} ${kb(file.brotli)}`);
  const budgets = { page_phone_first_view: 60, page_phone_first_view_en: 60, page_wide_first_view: 120, page_with_core: 200 };
  const budget = budgets[name] ? `   (budget: ${budgets[name]} kB gzip, a test${t.total.gzip > budgets[name] * 1000 ? ': not met' : ''})` : '';
  console.log(`  ${'total'.padEnd(40)} ${kb(t.total.raw)} ${kb(t.total.gzip)} ${kb(t.total.brotli)}${budget}`);
}
const ms = (x) => x.toFixed(1).padStart(6);
console.log(`cold loads (${e.cold_loads}, median / p95 ms): phone, first paint of the static view ${ms(e.cold.phone_first_paint.p50)} / ${ms(e.cold.phone_first_paint.p95)}`);
console.log(`  wide screen (1280 px), first paint of the static view ${ms(e.cold.wide_first_paint.p50)} / ${ms(e.cold.wide_first_paint.p95)}`);
console.log(`  wide screen opened at the explorer (#explorer): first projection drawn ${ms(e.cold.projection_drawn.p50)} / ${ms(e.cold.projection_drawn.p95)}   with intervals ${ms(e.cold.intervals_drawn.p50)} / ${ms(e.cold.intervals_drawn.p95)}   then the plan's charts redrawn by the core ${ms(e.cold.charts_drawn.p50)} / ${ms(e.cold.charts_drawn.p95)}`);
console.log(`explorer: input to redrawn, ${e.steps_per_control} steps a control (ms)      charts in page p50   p95   next frame p50   p95     core p50   placing p50`);
for (const [name, c] of Object.entries(e.redraw_ms)) {
  console.log(`  ${name.padEnd(10)}                                        ${ms(c.to_charts_in_page.p50)} ${ms(c.to_charts_in_page.p95)}          ${ms(c.to_next_frame.p50)} ${ms(c.to_next_frame.p95)}       ${ms(c.core.p50)}        ${ms(c.place.p50)}`);
}
console.log('written to bench/latest.json');
JS

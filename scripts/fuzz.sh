#!/usr/bin/env bash
# Fuzzes every parser of outside input (libFuzzer through cargo-fuzz, on
# nightly): the projection spec, the population CSV, the URL/attribute
# state. `scripts/fuzz.sh [SECONDS]` runs each target that long (default 20;
# the test run uses 20, a longer run is `scripts/fuzz.sh 600`). The committed
# corpus in fuzz/corpus/ seeds each run; what a run finds goes to a scratch
# corpus unless FUZZ_KEEP=1, so that a test run leaves the tree as it was.
# A crash stops with the input in fuzz/artifacts/TARGET/: make it a
# regression test (tests/fuzz_regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
export PATH="$PWD/.tools/bin:$PATH"
status=0
for target in projection_spec population_csv decode url_state; do
  if [ "${FUZZ_KEEP:-0}" = 1 ]; then out=fuzz/corpus/$target; seeds=(); else out=$(mktemp -d); seeds=(fuzz/corpus/$target); fi
  echo "[fuzz] $target for ${seconds}s"
  if cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$out" "${seeds[@]}" -- \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 2>&1 | tail -n 12; then
    echo "[fuzz] $target: no crash, no hang, no memory blow-up"
  else
    echo "[fuzz] $target: FAILED (see fuzz/artifacts/$target/)"
    status=1
  fi
done
exit $status

#!/usr/bin/env bash
# Runs every test: native (cargo test, properties included), browser
# (wasm-bindgen-test in headless Chromium, with the bench's exports), bounded fuzzing of every parser
# of outside input, and end to end (the build, dist/, in headless Chromium from the
# development server, from nginx with deploy/nginx.conf, and the page and
# server tests from Apache with deploy/apache.htaccess).
# Installs what is missing first. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
broken=()
log=$(mktemp -d)

# Adds the counts of cargo's "test result:" lines in $1.
count_cargo() {
  local p f
  p=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$1")
  f=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s + 0 }' "$1")
  passed=$((passed + p))
  failed=$((failed + f))
}

stage() { printf '\n=== %s ===\n' "$*"; }

# Stage $1 did not finish cleanly after reporting $2 failed tests of its
# own: a stage that broke without reporting one (it did not compile, or
# did not start) still counts as a failure, whatever the other stages did.
broke() {
  broken+=("$1")
  [ "$2" -gt 0 ] || failed=$((failed + 1))
}

# Adds the "# pass N" and "# fail N" of node's test runner (the last ones) in $1.
count_node() {
  local p f
  p=$(awk '/^# pass /{print $3}' "$1" 2>/dev/null | tail -1)
  f=$(awk '/^# fail /{print $3}' "$1" 2>/dev/null | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

stage "native: cargo test"
f0=$failed
cargo test --workspace --all-targets --no-fail-fast 2>&1 | tee "$log/native.txt"; ok=$?
count_cargo "$log/native.txt"
[ "$ok" -eq 0 ] || broke native $((failed - f0))

stage "browser: wasm-bindgen-test in headless Chromium"
# Exactly one driver variable: the runner prefers GECKODRIVER and SAFARIDRIVER.
f0=$failed
env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver PATH="$PWD/.tools/bin:$PATH" \
  WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/browser.txt"; ok=$?
count_cargo "$log/browser.txt"
[ "$ok" -eq 0 ] || broke browser $((failed - f0))

stage "browser: wasm-bindgen-test in headless Firefox ESR"
f0=$failed
env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$PWD/.tools/gecko/bin/geckodriver" PATH="$PWD/.tools/bin:$PATH" \
  WASM_BINDGEN_TEST_TIMEOUT=180 cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/firefox.txt"; ok=$?
count_cargo "$log/firefox.txt"
[ "$ok" -eq 0 ] || broke firefox $((failed - f0))

stage "browser: wasm-bindgen-test in WebKitGTK (under a virtual display)"
# With the wasm interpreter's loop OSR off: as installed, Debian's WebKitGTK
# (2.50.6) carries a loop's floats over as integers there (WebKit bug
# 301435), and about one run in five of these tests then drew wrong fans or
# crashed. tests/webdriver/e2e.mjs webkit-as-shipped checks that the page
# finds that fault and refuses to compute. With the loop OSR off alone the
# tests still crashed now and then in JavaScriptCore's compiled tiers ("Out
# of bounds memory access", "Unreachable code"; 2026-12-03: 3 of 20 runs at
# one commit, 7 of 20 at the next, different tests each time), and in none
# of 8 with its wasm interpreter alone, so they run there (about a minute).
f0=$failed
env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver PATH="$PWD/.tools/bin:$PATH" JSC_useWasmIPIntLoopOSR=0 JSC_useBBQJIT=0 JSC_useOMGJIT=0 \
  WASM_BINDGEN_TEST_TIMEOUT=180 xvfb-run -a cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/webkit.txt"; ok=$?
count_cargo "$log/webkit.txt"
[ "$ok" -eq 0 ] || broke webkit $((failed - f0))

stage "fuzz: every parser of outside input, 20 s each (libFuzzer)"
f0=$failed
bash scripts/fuzz.sh 20 2>&1 | tee "$log/fuzz.txt"; ok=$?
passed=$((passed + $(grep -c ': no crash' "$log/fuzz.txt" || true)))
failed=$((failed + $(grep -c ': FAILED' "$log/fuzz.txt" || true)))
[ "$ok" -eq 0 ] || broke fuzz $((failed - f0))

stage "end to end: the build (dist/) in headless Chromium from the development server"
f0=$failed
if bash scripts/build.sh; then
  node --test tests/e2e/ 2>&1 | tee "$log/e2e.txt"; ok=$?
  count_node "$log/e2e.txt"
else
  ok=1
fi
[ "$ok" -eq 0 ] || broke e2e $((failed - f0))

stage "types: www/ checked against the core's declarations (tsc)"
# After the build: the declarations are the ones wasm-bindgen just wrote.
if node_modules/.bin/tsc -p www 2>&1 | tee "$log/tsc.txt"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

stage "end to end behind nginx: dist/ under /rkgh/ with deploy/nginx.conf, the same suite and the server's own tests"
f0=$failed
bash scripts/nginx.sh node --test tests/e2e/ tests/deploy/ 2>&1 | tee "$log/nginx.txt"; ok=$?
count_node "$log/nginx.txt"
[ "$ok" -eq 0 ] || broke nginx $((failed - f0))

stage "behind Apache: dist/ under /rkgh/ with deploy/apache.htaccess, the page's tests and the server's own"
f0=$failed
bash scripts/apache.sh node --test tests/e2e/page.test.mjs tests/deploy/ 2>&1 | tee "$log/apache.txt"; ok=$?
count_node "$log/apache.txt"
[ "$ok" -eq 0 ] || broke apache $((failed - f0))

stage "end to end in Chromium, Firefox ESR and WebKitGTK (the W3C WebDriver suite), and WebKitGTK as installed"
for engine in chromium firefox webkit webkit-as-shipped; do
  f0=$failed
  node tests/webdriver/e2e.mjs "$engine" 2>&1 | tee "$log/webdriver-$engine.txt"; ok=$?
  count_node "$log/webdriver-$engine.txt"
  [ "$ok" -eq 0 ] || broke "webdriver-$engine" $((failed - f0))
done

[ "${#broken[@]}" -eq 0 ] || echo "stages that did not finish cleanly: ${broken[*]}"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

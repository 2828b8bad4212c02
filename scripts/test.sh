#!/usr/bin/env bash
# Runs every test: native (cargo test, properties included), browser
# (wasm-bindgen-test in headless Chromium, with the bench's exports), bounded fuzzing of every parser
# of outside input, and end to end (the build, dist/, in headless Chromium from the
# development server and from nginx with deploy/nginx.conf).
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

stage "native: cargo test"
if ! cargo test --all-targets --no-fail-fast 2>&1 | tee "$log/native.txt"; then broken+=("native"); fi
count_cargo "$log/native.txt"

stage "browser: wasm-bindgen-test in headless Chromium"
# Exactly one driver variable: the runner prefers GECKODRIVER and SAFARIDRIVER.
if ! env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver PATH="$PWD/.tools/bin:$PATH" \
     WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/browser.txt"; then
  broken+=("browser")
fi
count_cargo "$log/browser.txt"

stage "browser: wasm-bindgen-test in headless Firefox ESR"
if ! env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$PWD/.tools/gecko/bin/geckodriver" PATH="$PWD/.tools/bin:$PATH" \
     WASM_BINDGEN_TEST_TIMEOUT=180 cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/firefox.txt"; then
  broken+=("firefox")
fi
count_cargo "$log/firefox.txt"

stage "browser: wasm-bindgen-test in WebKitGTK (under a virtual display)"
if ! env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver PATH="$PWD/.tools/bin:$PATH" \
     WASM_BINDGEN_TEST_TIMEOUT=180 xvfb-run -a cargo test --target wasm32-unknown-unknown --test web --features bench 2>&1 | tee "$log/webkit.txt"; then
  broken+=("webkit")
fi
count_cargo "$log/webkit.txt"

stage "fuzz: every parser of outside input, 20 s each (libFuzzer)"
bash scripts/fuzz.sh 20 2>&1 | tee "$log/fuzz.txt" || broken+=("fuzz")
passed=$((passed + $(grep -c ': no crash' "$log/fuzz.txt" || true)))
failed=$((failed + $(grep -c ': FAILED' "$log/fuzz.txt" || true)))

stage "end to end: the built page in headless Chromium"
if bash scripts/build.sh && node --test tests/e2e/ 2>&1 | tee "$log/e2e.txt"; then :; else broken+=("e2e"); fi

stage "end to end behind nginx: dist/ under /rkgh/ with deploy/nginx.conf, the same suite and the server's own tests"
if bash scripts/nginx.sh node --test tests/e2e/ tests/deploy/ 2>&1 | tee "$log/nginx.txt"; then :; else broken+=("nginx"); fi
p=$(awk '/^# pass /{print $3}' "$log/nginx.txt" 2>/dev/null)
f=$(awk '/^# fail /{print $3}' "$log/nginx.txt" 2>/dev/null)
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))

stage "types: www/ checked against the core's declarations (tsc)"
# After the build: the declarations are the ones wasm-bindgen just wrote.
if node_modules/.bin/tsc -p www 2>&1 | tee "$log/tsc.txt"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
p=$(awk '/^# pass /{print $3}' "$log/e2e.txt" 2>/dev/null)
f=$(awk '/^# fail /{print $3}' "$log/e2e.txt" 2>/dev/null)
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))

stage "end to end in Chromium, Firefox ESR and WebKitGTK (the W3C WebDriver suite)"
for engine in chromium firefox webkit; do
  node tests/webdriver/e2e.mjs "$engine" 2>&1 | tee "$log/webdriver-$engine.txt" || broken+=("webdriver-$engine")
  p=$(awk '/^# pass /{print $3}' "$log/webdriver-$engine.txt" | tail -1)
  f=$(awk '/^# fail /{print $3}' "$log/webdriver-$engine.txt" | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# A stage that broke without reporting a failed test still fails the run.
if [ "${#broken[@]}" -gt 0 ] && [ "$failed" -eq 0 ]; then
  echo "stages that did not finish cleanly: ${broken[*]}"
  failed=$((failed + ${#broken[@]}))
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine, and skips what is
# already there, so a second run takes seconds.
#   setup.sh build   the wasm32 target, the wasm-bindgen CLI and the npm packages
#                    (for npm start and npm run build)
#   setup.sh test    also Chromium and ChromeDriver, Firefox ESR and geckodriver,
#                    WebKitGTK's driver and a virtual display, a CJK font, nginx, Apache
#                    with its brotli module (the deployment's tests), the
#                    nightly toolchain and cargo-fuzz, and npm packages
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"

say() { printf '[setup] %s\n' "$*" >&2; }

# Debian packages ----------------------------------------------------------
apt_missing=()
need_apt() {
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      apt_missing+=("$p")
    fi
  done
}
if [ "$mode" = test ]; then
  need_apt chromium chromium-driver fonts-wqy-microhei firefox-esr webkit2gtk-driver xvfb xauth nginx libnginx-mod-http-brotli-static apache2
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# Rust: the wasm32 target --------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI at the version Cargo.lock resolved -------------------
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || { say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
have=$(.tools/bin/wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want into .tools (a few minutes, once)"
  # No --locked: the CLI's own lockfile pins a crate the registry index lacks.
  cargo install -q wasm-bindgen-cli --version "$want" --root .tools
fi

# geckodriver for Firefox (tests only), off PATH: a geckodriver on PATH
# would turn the wasm-bindgen-test runner's Chromium runs into Firefox runs.
if [ "$mode" = test ] && [ ! -x .tools/gecko/bin/geckodriver ]; then
  say "installing geckodriver 0.37.1 into .tools/gecko (about three minutes, once)"
  cargo install -q --locked geckodriver --version 0.37.1 --root .tools/gecko
fi

# Fuzzing (tests only): a nightly toolchain and cargo-fuzz --------------------
if [ "$mode" = test ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if [ ! -x .tools/bin/cargo-fuzz ]; then
    say "installing cargo-fuzz into .tools (about two minutes, once)"
    cargo install -q --locked cargo-fuzz --version 0.13.2 --root .tools
  fi
fi

# npm packages (the build's minifier, esbuild; the tests' browser driver,
# accessibility audit and type checker) ---------------------------------------
if [ ! -d node_modules/esbuild ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/typescript ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

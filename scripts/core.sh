# The wasm core, built and bound for the browser; sourced by scripts/build.sh
# and scripts/bench.sh.
#   core TARGET_DIR OUT_DIR plain|simd [CARGO_FLAGS…]
# cargo builds the library with the "wasm" profile (Cargo.toml) into
# TARGET_DIR, with wasm's 128-bit SIMD for `simd` (give it a target directory
# of its own: other RUSTFLAGS would rebuild the other's every time), and
# wasm-bindgen writes the JS bindings and the module into OUT_DIR.
core() {
  local dir=$1 out=$2 simd=$3
  shift 3
  local flags=${RUSTFLAGS:-}
  if [ "$simd" = simd ]; then flags="$flags -C target-feature=+simd128"; fi
  RUSTFLAGS="$flags" cargo build --profile wasm --lib --target wasm32-unknown-unknown --target-dir "$dir" "$@"
  .tools/bin/wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$out" "$dir/wasm32-unknown-unknown/wasm/liangshan_pop.wasm"
}

// The one way in to the core from JavaScript: the page, the embed, the
// custom element and the explorer's workers all load it here. The module is
// compiled once per realm and its one `Core` created once; a worker is
// handed the page's compiled module instead of fetching it again.
import init, { Core } from './pkg/liangshan_pop.js';

/**
 * The smallest module with a 128-bit SIMD instruction (i8x16.popcnt, of the
 * final SIMD proposal): a browser that validates it runs the core built
 * with SIMD, in which the engine runs 15-25% faster (npm run bench); any
 * other runs the core without, which gives the same numbers to the last bit.
 */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** Whether this browser runs wasm SIMD (where WebAssembly itself is missing, no). */
function hasSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const WASM = hasSimd() ? new URL('./pkg/liangshan_pop_simd_bg.wasm', import.meta.url) : new URL('./pkg/liangshan_pop_bg.wasm', import.meta.url);

/** @type {Promise<{ core: Core, module: WebAssembly.Module }> | null} */
let loading = null;

/** Compiles the module as it arrives, or, where a server does not send it as application/wasm, once it has. */
async function compile() {
  try {
    return await WebAssembly.compileStreaming(fetch(WASM));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const response = await fetch(WASM);
    if (!response.ok) throw new Error(`${WASM.pathname}: ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/**
 * The core, loaded once (a failed load may be tried again).
 * @param {WebAssembly.Module} [module] a module compiled already (a worker gets the page's)
 * @returns {Promise<{ core: Core, module: WebAssembly.Module }>}
 */
export function loadCore(module) {
  loading ??= (async () => {
    const compiled = module ?? (await compile());
    await init({ module_or_path: compiled });
    return { core: new Core(), module: compiled };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

// The one way in to the core from JavaScript: the page, the embed, the
// custom element and the explorer's workers all load it here. The module is
// compiled once per realm and its one `Core` created once; a worker is
// handed the page's compiled module instead of fetching it again.
import init, { Core } from './pkg/liangshan_pop.js';

const WASM = new URL('./pkg/liangshan_pop_bg.wasm', import.meta.url);

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

// The one way in to the core from JavaScript: the page, the embed, the
// custom element and the explorer's workers all load it here. The module is
// compiled once per realm and its one `Core` created once; a worker is
// handed the page's compiled module instead of fetching it again.

/** @typedef {import('./pkg/liangshan_pop.js').Core} Core */

/**
 * `make`'s promise, made once (with the first call's arguments) and kept;
 * a promise that fails is made again at the next call.
 * @template {unknown[]} A
 * @template T
 * @param {(...args: A) => Promise<T>} make
 * @returns {(...args: A) => Promise<T>}
 */
function once(make) {
  /** @type {Promise<T> | null} */
  let made = null;
  return (...args) => {
    if (!made) {
      made = make(...args);
      made.catch(() => {
        made = null;
      });
    }
    return made;
  };
}

/**
 * The core's JS bindings. Not a static import: the module's download need
 * not wait for them.
 */
const loadBindings = once(() => import('./pkg/liangshan_pop.js'));
// At once, alongside whatever this realm does next.
loadBindings();

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

/**
 * A loop that carries a float (12345.678, times a global 1.0) on the stack
 * through a million turns: `f(n)` returns it unchanged in a sound engine.
 * JavaScriptCore's interpreter moves a loop this long into compiled code
 * while it runs ("loop OSR"), and before a fix of October 2025 (WebKit bug
 * 301435) it carried the floats over as integers: 4.668e18 here, and in the
 * core wrong figures or a crash, now and then. WebKitGTK 2.50.6 (Debian's)
 * still does. Two calls, since the compiled code may not be ready during
 * the first; about 3 ms in WebKit, 1-2 ms in Chromium.
 */
export const OSR_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 11, 2, 96, 1, 127, 1, 124, 96, 1, 124, 1, 124, 3, 2, 1, 0, 6, 13, 1, 124, 1, 68, 0, 0, 0, 0, 0, 0, 240, 63, 11, 7, 5, 1, 1, 102,
  0, 0, 10, 37, 1, 35, 1, 1, 127, 65, 0, 33, 1, 68, 88, 57, 180, 200, 214, 28, 200, 64, 3, 1, 35, 0, 162, 32, 1, 65, 1, 106, 34, 1, 32, 0, 72, 13, 0, 11, 11,
]);

/**
 * Thrown where this browser's WebAssembly gives wrong numbers: the page says
 * so instead of showing them. Its words, in both languages, are here rather
 * than with the page's: only a page that loads the core can need them.
 */
export class EngineFault extends Error {
  constructor() {
    super('this browser runs WebAssembly with a known fault (WebKit bug 301435): the core would compute wrong numbers');
    this.name = 'EngineFault';
    this.words = {
      zh: '这个浏览器运行WebAssembly有一个已知缺陷（WebKit问题301435），会算错数字，所以本页不在其中计算。请更新浏览器，或换用其他浏览器打开。',
      en: 'This browser runs WebAssembly with a known fault (WebKit bug 301435) that makes it compute wrong numbers, so the page does not calculate in it. Please update the browser, or open the page in another.',
    };
  }
}

/** Whether this browser's WebAssembly has the fault of OSR_PROBE (where WebAssembly cannot run at all, compile() says so). */
function engineFault() {
  try {
    const probe = /** @type {{ f: (n: number) => number }} */ (new WebAssembly.Instance(new WebAssembly.Module(OSR_PROBE)).exports);
    return probe.f(1e6) !== 12345.678 || probe.f(1e6) !== 12345.678;
  } catch {
    return false;
  }
}

const WASM = hasSimd() ? new URL('./pkg/liangshan_pop_simd_bg.wasm', import.meta.url) : new URL('./pkg/liangshan_pop_bg.wasm', import.meta.url);

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
 * The core's module, checked against the engine's fault and compiled once
 * (a failed compile may be tried again): what the explorer's workers are
 * handed as soon as it is ready, while the page builds its own core.
 * @type {() => Promise<WebAssembly.Module>}
 */
export const compileCore = once(async () => {
  if (engineFault()) throw new EngineFault();
  return compile();
});

/**
 * The core, loaded once (a failed load may be tried again).
 * @type {(module?: WebAssembly.Module) => Promise<{ core: Core, module: WebAssembly.Module }>}
 * `module`: a module compiled already (a worker gets the page's).
 */
export const loadCore = once(async (/** @type {WebAssembly.Module | undefined} */ module) => {
  // A worker is handed its module by a page that has checked the engine.
  const [compiled, { default: init, Core }] = await Promise.all([module ?? compileCore(), loadBindings()]);
  await init({ module_or_path: compiled });
  return { core: new Core(), module: compiled };
});

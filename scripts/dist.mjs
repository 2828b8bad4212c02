// Turns the staged site (the pages with their static drawings filled in,
// www/ and the core) into dist/: what a static host serves, and nothing
// else. Every file a page finds through another one is named after its
// content (`app.1a2b3c4d5e.js`) so that a server may let browsers keep it
// for a year; the names readers and other sites type or link to stay as
// they are (the pages, the custom element, the embed's resizer, the chart
// files), to be revalidated. Scripts and styles are minified (esbuild: no
// bundling, each module stays a file). Beside each file sit `.gz` and
// `.br` copies for servers that send precompressed files.
//
//   node scripts/dist.mjs STAGED OUT
//
// The hashes and the compression are Node's own.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files kept under their own names: typed into address bars or linked from other sites. */
export const STABLE = [/^index\.html$/, /^embed\.html$/, /^www\/liangshan-chart\.js$/, /^www\/embed-resizer\.js$/, /^www\/charts\/[\w-]+\.svg$/];

/** Files worth a compressed copy. */
const COMPRESSIBLE = /\.(html|js|css|svg|json|wasm)$/;

/** The length of a content hash in a name: 10 hex digits, 40 bits. */
const HASH = 10;

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function files(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await files(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * The references in `text` (the file `path`) to other files of the site:
 * quoted paths in scripts, `src` and `href` in pages, `url()` in style
 * sheets. Each is `{ start, end, target }`, `start..end` the path as
 * written, `target` the site's file it names.
 */
export function references(path, text, site) {
  const found = [];
  const re = path.endsWith('.html')
    ? /\b(?:src|href)="([^"#?]+)"/g
    : path.endsWith('.css')
      ? /url\(["']?([^"')#?]+)["']?\)/g
      : /['"]([\w./-]+\.(?:js|css|wasm|json|svg))['"]/g;
  for (const m of text.matchAll(re)) {
    const ref = m[1];
    if (/^[a-z]+:/i.test(ref) || ref.startsWith('/')) continue;
    const target = posix.normalize(posix.join(posix.dirname(path), ref));
    if (!site.has(target)) continue;
    const start = m.index + m[0].indexOf(ref);
    found.push({ start, end: start + ref.length, target });
  }
  return found;
}

/**
 * `bytes` of file `path` minified if it is a script or a style sheet:
 * whitespace, comments and local names, nothing that changes what runs
 * (syntax as the browsers of 2023 read it: ES2022, module scripts).
 */
export async function minify(path, bytes) {
  const loader = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : null;
  if (!loader) return bytes;
  const { code } = await transform(bytes.toString('utf8'), { loader, minify: true, target: loader === 'js' ? 'es2022' : ['chrome109', 'firefox115', 'safari16'], legalComments: 'none', charset: 'utf8' });
  return Buffer.from(code, 'utf8');
}

/** `path` named after `content`: `dir/name.HASH.ext`. */
function hashed(path, content) {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, HASH);
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}.${hash}${path.slice(dot)}`;
}

/**
 * The site's files in the order they can be named: every file after the
 * files it refers to. A cycle of references is an error (no order names
 * both by their final content).
 */
function order(paths, refs) {
  const done = new Set();
  const visiting = [];
  const out = [];
  const visit = (p) => {
    if (done.has(p)) return;
    if (visiting.includes(p)) throw new Error(`a cycle of references: ${[...visiting.slice(visiting.indexOf(p)), p].join(' -> ')}`);
    visiting.push(p);
    for (const r of refs.get(p) ?? []) visit(r.target);
    visiting.pop();
    done.add(p);
    out.push(p);
  };
  paths.forEach(visit);
  return out;
}

/** Builds `out` from the staged site `staged`; returns the files written, by their source path. */
export async function build(staged, out) {
  const paths = await files(staged);
  const site = new Set(paths);
  const content = new Map();
  const refs = new Map();
  for (const p of paths) {
    const bytes = await minify(p, await readFile(join(staged, p)));
    content.set(p, bytes);
    if (/\.(html|js|css)$/.test(p)) refs.set(p, references(p, bytes.toString('utf8'), site));
  }
  const names = new Map();
  const written = [];
  const tmp = `${out}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  for (const p of order(paths, refs)) {
    let bytes = content.get(p);
    const rs = refs.get(p) ?? [];
    if (rs.length) {
      const text = bytes.toString('utf8');
      let rewritten = '';
      let at = 0;
      for (const r of rs) {
        const ref = text.slice(r.start, r.end);
        rewritten += text.slice(at, r.start) + ref.slice(0, ref.lastIndexOf('/') + 1) + posix.basename(names.get(r.target));
        at = r.end;
      }
      bytes = Buffer.from(rewritten + text.slice(at), 'utf8');
    }
    const name = STABLE.some((re) => re.test(p)) ? p : hashed(p, bytes);
    names.set(p, name);
    const file = join(tmp, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const entry = { source: p, name, raw: bytes.length, gzip: null, brotli: null };
    if (COMPRESSIBLE.test(p)) {
      const gz = gzipSync(bytes, { level: 9 });
      const br = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      await writeFile(`${file}.gz`, gz);
      await writeFile(`${file}.br`, br);
      entry.gzip = gz.length;
      entry.brotli = br.length;
    }
    written.push(entry);
  }
  await rm(out, { recursive: true, force: true });
  await rename(tmp, out);
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [staged, out] = process.argv.slice(2);
  if (!staged || !out) {
    console.error('usage: node scripts/dist.mjs STAGED OUT');
    process.exit(2);
  }
  const written = await build(staged, out);
  const sum = (k) => written.reduce((s, f) => s + (f[k] ?? 0), 0);
  console.error(`[dist] ${out}/: ${written.length} files, ${(sum('raw') / 1000).toFixed(1)} kB raw, ${(sum('gzip') / 1000).toFixed(1)} kB gzip, ${(sum('brotli') / 1000).toFixed(1)} kB brotli (each with .gz and .br beside it)`);
}

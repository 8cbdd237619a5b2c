// Prints the gzipped size of what a page downloads before the first paint
// (the entry and every chunk it imports statically) and of the whole build.
// gzip at zlib's default level (6), as a typical server sends it.
// Run after `npm run build`: `npx tsx scripts/bundle-size.ts [--json]`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export interface BundleSize {
  initialGzip: number;
  totalGzip: number;
  initialRaw: number;
  totalRaw: number;
  files: BundleFile[];
}

const ENTRY = 'co-design-studio.js';
// Static imports only: `import("…")` is lazy and does not match `from "…"` or a bare `import "…"`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g;

export function bundleSize(dist: string, entry = ENTRY): BundleSize {
  const all = listJs(dist);
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), m[1]));
  };
  visit(join(dist, entry));
  const files = all.map((file): BundleFile => {
    const buf = readFileSync(file);
    return { file: relative(dist, file), raw: buf.length, gzip: gzipSync(buf).length, initial: initial.has(file) };
  });
  const sum = (fs: BundleFile[], k: 'raw' | 'gzip') => fs.reduce((n, f) => n + f[k], 0);
  const init = files.filter((f) => f.initial);
  return { initialGzip: sum(init, 'gzip'), totalGzip: sum(files, 'gzip'), initialRaw: sum(init, 'raw'), totalRaw: sum(files, 'raw'), files };
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'types' ? [] : listJs(p);
    // co-design-studio/print and its chunks run in Node, never in a browser: not part of what a page downloads.
    if (/^print(-.*)?\.js$/.test(d.name)) return [];
    return d.name.endsWith('.js') ? [p] : [];
  });
}

const kb = (n: number) => `${(n / 1000).toFixed(2)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const size = bundleSize(dist);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(size, null, 2));
  } else {
    for (const f of [...size.files].sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip)) {
      console.log(`${f.initial ? 'initial' : 'lazy   '}  ${kb(f.gzip).padStart(10)} gzip  ${kb(f.raw).padStart(10)}  ${f.file}`);
    }
    console.log(`initial: ${kb(size.initialGzip)} gzip (${kb(size.initialRaw)} raw)`);
    console.log(`total:   ${kb(size.totalGzip)} gzip (${kb(size.totalRaw)} raw)`);
  }
}

// `npm run bench`: the studio against hand-rolled fabric.js in one run
// (issue 6). Options: --sizes 200,2000  --quick (200 strokes only)  --seed N
//   --out bench/results.json  --sides studio (development). Draw figures are
//   medians over 3 strokes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize } from '../scripts/bundle-size.ts';
import { launch } from './browser.ts';
import { buildPages } from './build-pages.ts';
import { startServer } from './server.ts';
import { runSide, type SideResult } from './side.ts';
import { generateStrokes, toDesignDocument } from './strokes.ts';
import { budgets, table } from './table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const sizes = (option('sizes') ?? (quick ? '200' : '200,2000,10000')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes stroke counts, e.g. 200,2000; got ${option('sizes')}`);
const seed = Number(option('seed') ?? 1);
// For development only: a table needs both sides.
const sides = (option('sides') ?? 'studio,baseline').split(',') as ('studio' | 'baseline')[];
const out = option('out') ?? join(root, 'bench', 'results.json');

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

const manifest = JSON.parse(readFileSync(join(root, 'templates', 'roadster.json'), 'utf8')) as { id: string; templateVersion: string; views: { id: string }[] };
const template = { id: manifest.id, version: manifest.templateVersion, views: manifest.views.map((v) => v.id) };

// Generated once per size; the studio document and the baseline's points come from the same strokes.
const data = new Map<string, string>();
function dataFor(name: string): string | undefined {
  const m = /^(studio|baseline)-(\d+)\.json$/.exec(name);
  if (!m) return undefined;
  if (!data.has(name)) {
    const strokes = generateStrokes(Number(m[2]), seed);
    data.set(`baseline-${m[2]}.json`, JSON.stringify(strokes));
    data.set(`studio-${m[2]}.json`, JSON.stringify(toDesignDocument(strokes, template)));
  }
  return data.get(name);
}

async function main(): Promise<void> {
  const load = [loadavg()[0]];
  log(`sizes ${sizes.join(', ')}; ${cpus().length} cores, load ${load[0].toFixed(2)}`);
  const pages = await buildPages();
  const server = await startServer({ '/dist/': join(root, 'dist'), '/templates/': join(root, 'templates'), '/pages/': pages }, dataFor);
  const browser = await launch();
  const chromium = await browser.version();
  await browser.close();
  const runs: SideResult[] = [];
  try {
    for (const n of sizes) {
      for (const side of sides) {
        runs.push(await runSide(server.url, side, n, log));
        load.push(loadavg()[0]);
      }
      data.clear();
    }
  } finally {
    await server.close();
  }
  const studioBundle = bundleSize(join(root, 'dist'));
  const baselineBundle = bundleSize(pages, 'baseline.js');
  rmSync(pages, { recursive: true, force: true });
  const bundle = {
    studio: { initialGzip: studioBundle.initialGzip, totalGzip: studioBundle.totalGzip },
    baseline: { initialGzip: baselineBundle.initialGzip, totalGzip: baselineBundle.totalGzip },
  };
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, loadavg1m: load.map((l) => +l.toFixed(2)), chromium, node: process.version };
  console.log(table(runs, bundle));
  const verdicts = budgets(runs, bundle);
  console.log(verdicts.text);
  console.log(`\nmachine: ${machine.cores} cores, ${machine.chromium}, 1-minute load during the run ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)}`);
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), seed, sizes, machine, bundle, runs, budgets: verdicts.checks }, null, 2));
  log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

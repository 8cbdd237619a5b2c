// `npm run bench`: the studio against hand-rolled fabric.js, side by side,
// on one or both device profiles (bench/profiles.ts; docs/performance.md):
//   --profile desktop  the default, issue 6's: 1920×1000, DPR 1, mouse; sizes 200,2000,10000
//   --profile phone    issue 13's: 360×640, DPR 3, touch, CPU 4× slower; sizes 200,2000;
//                      then a cold start of the demo over slow 4G from the reference server
//   --profile all      desktop, then phone, in one run: both tables, both budget lists
// Options: --sizes 200,2000 (for every profile run)  --quick (each profile's smallest size)
//   --seed N  --cold-runs 3  --out bench/results.json  --sides studio (development).
// Then the print section (issue 15; bench/print.ts): print jobs in Node, no browser. --no-print leaves it out,
// --print-only runs nothing else.
//   --replay N  the replay section's stroke count (issue 17; default 10000 with the desktop profile, 0: skip)
//   --only replay  the replay section alone (development)
// Draw figures are medians over 3 strokes; cold start figures the median of --cold-runs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize } from '../scripts/bundle-size.ts';
import { launch, type Outcome } from './browser.ts';
import { budgetText, desktopBudgets, phoneBudgets, type Check } from './budgets.ts';
import { buildPages } from './build-pages.ts';
import { coldStarts, coldStartTable, type ColdStart } from './cold-start.ts';
import { printBudgets, printTable, runPrint, type PrintRun } from './print.ts';
import { parseProfiles, type BenchProfile } from './profiles.ts';
import { replayBudgets, replayTable, runReplay, type ReplayResult } from './replay.ts';
import { documentGrowth, withTiming } from './replay-data.ts';
import { startServer } from './server.ts';
import { runSide, type SideResult } from './side.ts';
import { generateStrokes, toDesignDocument } from './strokes.ts';
import { table, type Bundles } from './table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const printOnly = process.argv.includes('--print-only');
const withPrint = !process.argv.includes('--no-print');
const profiles = parseProfiles(option('profile'));
const sizesOption = option('sizes')
  ?.split(',')
  .map((v) => Number(v.trim()));
if (sizesOption?.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes takes stroke counts, e.g. 200,2000; got ${option('sizes')}`);
const sizesFor = (p: BenchProfile) => sizesOption ?? (quick ? p.sizes.slice(0, 1) : p.sizes);
const seed = Number(option('seed') ?? 1);
const coldRuns = Number(option('cold-runs') ?? 3);
// For development only: a table needs both sides.
const sides = (option('sides') ?? 'studio,baseline').split(',') as ('studio' | 'baseline')[];
const out = option('out') ?? join(root, 'bench', 'results.json');
const onlyReplay = option('only') === 'replay';
const replayStrokes = Number(
  option('replay') ?? (onlyReplay || profiles.some((p) => p.name === 'desktop') ? 10_000 : 0),
);

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

const manifest = JSON.parse(readFileSync(join(root, 'templates', 'roadster.json'), 'utf8')) as {
  id: string;
  templateVersion: string;
  views: { id: string }[];
};
const template = { id: manifest.id, version: manifest.templateVersion, views: manifest.views.map((v) => v.id) };

// Generated once per size; the studio document and the baseline's points come from the same strokes.
const data = new Map<string, string>();
// The studio's document carries the times a hand would leave (version 2), so its save figures include them.
function dataFor(name: string): string | undefined {
  const m = /^(studio|baseline|replay)-(\d+)\.json$/.exec(name);
  if (!m) return undefined;
  if (!data.has(name)) {
    const strokes = generateStrokes(Number(m[2]), seed);
    data.set(`baseline-${m[2]}.json`, JSON.stringify(strokes));
    const timed = JSON.stringify(withTiming(toDesignDocument(strokes, template), seed));
    data.set(`studio-${m[2]}.json`, timed);
    data.set(`replay-${m[2]}.json`, timed);
  }
  return data.get(name);
}

interface ProfileResult {
  profile: BenchProfile['name'];
  sizes: number[];
  runs: SideResult[];
  coldStart?: Outcome<ColdStart[]>;
  budgets: Check[];
}

const DESCRIBE: Record<BenchProfile['name'], string> = {
  desktop: 'desktop profile: 1920×1000, DPR 1, mouse',
  phone: 'phone profile: 360×640, DPR 3, touch, CPU 4× slower',
};

async function runProfile(
  profile: BenchProfile,
  base: string,
  load: number[],
): Promise<Omit<ProfileResult, 'budgets'>> {
  const sizes = sizesFor(profile);
  const plog = (s: string) => log(`${profile.name} ${s}`);
  plog(`sizes ${sizes.join(', ')}`);
  const runs: SideResult[] = [];
  for (const n of sizes) {
    for (const side of sides) {
      runs.push(await runSide(base, side, n, profile, plog));
      load.push(loadavg()[0]);
    }
    data.clear();
  }
  if (profile.name !== 'phone' || !sides.includes('studio')) return { profile: profile.name, sizes, runs };
  let coldStart: Outcome<ColdStart[]>;
  try {
    coldStart = { status: 'ok', value: await coldStarts(profile, coldRuns) };
    plog(`cold start: ${coldStart.value.map((r) => Math.round(r.navigationToReadyMs)).join(', ')} ms to ready`);
  } catch (error) {
    coldStart = { status: 'error', message: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    plog(`cold start: ${coldStart.message}`);
  }
  load.push(loadavg()[0]);
  return { profile: profile.name, sizes, runs, coldStart };
}

/** The print section alone, or after the browser's: its table and budgets, and its part of results.json. */
async function printSection(load: number[]): Promise<{ runs: PrintRun[]; budgets: Check[] } | undefined> {
  if (!withPrint) return undefined;
  const runs = await runPrint(log);
  load.push(loadavg()[0]);
  const budgets = printBudgets(runs);
  console.log(printTable(runs));
  console.log(budgetText('issue 15, print', budgets));
  return { runs, budgets };
}

async function main(): Promise<void> {
  const load = [loadavg()[0]];
  if (printOnly) {
    const print = await printSection(load);
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, node: process.version, loadavg1m: load },
          print,
        },
        null,
        2,
      ),
    );
    return log(`wrote ${out}`);
  }
  log(`profiles ${profiles.map((p) => p.name).join(', ')}; ${cpus().length} cores, load ${load[0].toFixed(2)}`);
  const pages = await buildPages();
  const server = await startServer(
    { '/dist/': join(root, 'dist'), '/templates/': join(root, 'templates'), '/pages/': pages },
    dataFor,
  );
  const browser = await launch();
  const chromium = await browser.version();
  await browser.close();
  const results: Omit<ProfileResult, 'budgets'>[] = [];
  let replay: ReplayResult | undefined;
  try {
    for (const profile of onlyReplay ? [] : profiles) results.push(await runProfile(profile, server.url, load));
    if (replayStrokes > 0) {
      const untimed = toDesignDocument(generateStrokes(replayStrokes, seed), template);
      const growth = documentGrowth(untimed, withTiming(untimed, seed));
      replay = await runReplay(server.url, replayStrokes, join(root, 'dist'), growth, log);
      data.clear();
      load.push(loadavg()[0]);
    }
  } finally {
    await server.close();
  }
  const studioBundle = bundleSize(join(root, 'dist'));
  const baselineBundle = bundleSize(pages, 'baseline.js');
  rmSync(pages, { recursive: true, force: true });
  const bundle: Bundles = {
    studio: { initialGzip: studioBundle.initialGzip, totalGzip: studioBundle.totalGzip },
    baseline: { initialGzip: baselineBundle.initialGzip, totalGzip: baselineBundle.totalGzip },
  };
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    loadavg1m: load.map((l) => +l.toFixed(2)),
    chromium,
    node: process.version,
  };
  const checked: ProfileResult[] = results.map((r) => {
    const budgets =
      r.profile === 'phone'
        ? phoneBudgets(r.runs, r.coldStart ?? { status: 'skipped', reason: 'not run' })
        : desktopBudgets(r.runs, bundle);
    console.log(table(r.runs, bundle, DESCRIBE[r.profile]));
    if (r.coldStart?.status === 'ok') console.log(coldStartTable(r.coldStart.value));
    console.log(
      budgetText(r.profile === 'phone' ? 'issue 13, phone profile' : 'issue 6 and issue 13, desktop profile', budgets),
    );
    return { ...r, budgets };
  });
  const replayChecks = replay ? replayBudgets(replay) : [];
  if (replay) {
    console.log(replayTable(replay));
    console.log(budgetText('issue 17, replay', replayChecks));
  }
  const print = await printSection(load);
  console.log(
    `\nmachine: ${machine.cores} cores, ${machine.chromium}, 1-minute load during the run ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)}`,
  );
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        seed,
        machine,
        bundle,
        profiles: checked,
        replay: replay && { ...replay, budgets: replayChecks },
        print,
      },
      null,
      2,
    ),
  );
  log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// A CPU profile and a trace of one studio step at one size, for finding hot paths:
//   npx tsx bench/profile.ts [--profile desktop|phone] --strokes 10000 [--step STEP] [--dpr N] [--out /tmp/x]
// Steps:
//   seed     loadDesign of the generated design (no kept bitmap) to its first frame
//   restore  reopening the saved draft from the drafts list, on a reloaded page
//   reopen   a fresh page with the saved draft: the element connecting to its first frame
//   draw     one stroke drawn for real (touch on the phone) over the seeded ones, its frames
//   memory   reopen + restore as the bench does, then where the pixels and the renderer's memory are
// Prints the functions with the most self time, a 100 ms timeline, and each thread's time by
// trace event; --out writes <out>.cpuprofile and <out>.trace.json. --dpr overrides the profile's
// device pixel ratio (what would DPR 2 cost on the phone?). Needs `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { launch, measureMemory } from './browser.ts';
import { buildPages } from './build-pages.ts';
import { mouseStroke, touchStroke } from './input.ts';
import { cpuReport, traceReport, traceTimeline, TRACE_CATEGORIES, type CpuProfile, type TraceEvent } from './profile-report.ts';
import { applyProfile, pageQuery, parseProfiles } from './profiles.ts';
import { startServer } from './server.ts';
import { generateStrokes, liveStroke, toDesignDocument } from './strokes.ts';
import { allocatorDump, RECORD_CANVASES, surveyCanvases } from './survey.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const chosen = parseProfiles(option('profile', 'desktop'))[0];
const dpr = Number(option('dpr', String(chosen.viewport.deviceScaleFactor ?? 1)));
const profile = { ...chosen, viewport: { ...chosen.viewport, deviceScaleFactor: dpr } };
const strokes = Number(option('strokes', '10000'));
const step = option('step', 'restore');
const out = option('out', '');
if (!['seed', 'restore', 'reopen', 'draw', 'memory'].includes(step)) throw new Error(`--step takes seed, restore, reopen, draw or memory; got ${step}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const call = (page: Page, m: string, ...a: unknown[]) => page.evaluate((m, a) => (window as any).bench[m](...a), m, a);

/** Runs `fn` under the CPU profiler and a trace; prints what it returned, its wall time and both reports. */
async function measured(page: Page, name: string, fn: () => Promise<unknown>): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  const result = await fn();
  const wall = Date.now() - t0;
  const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  if (out) {
    writeFileSync(`${out}.cpuprofile`, JSON.stringify(cpu));
    writeFileSync(`${out}.trace.json`, JSON.stringify(trace));
  }
  console.log(`${name} (${profile.name}, DPR ${dpr}, ${strokes} strokes): ${JSON.stringify(result)}, wall ${wall} ms\n`);
  console.log(cpuReport(cpu));
  const pid = rendererPid(trace.traceEvents);
  console.log('\nthreads of the renderer, self time by trace event:');
  console.log(traceReport(trace.traceEvents, pid));
  // The trace starts just before the step does.
  const start = Math.min(...trace.traceEvents.filter((e) => e.pid === pid && e.ph === 'X').map((e) => e.ts));
  console.log('\nmain thread tasks of 8 ms or more, and requests, in time order:');
  console.log(traceTimeline(trace.traceEvents, pid, start));
}

/** The page's renderer: the process whose main thread (CrRendererMain) has the most events. */
function rendererPid(events: TraceEvent[]): number {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const count = new Map<number, number>();
  for (const e of events) if (mains.has(`${e.pid}:${e.tid}`)) count.set(e.pid, (count.get(e.pid) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
}

/** Seeds the design and waits for its draft to be saved, and for the drafts to keep big layers' bitmaps in idle time. */
async function seedAndSave(page: Page): Promise<void> {
  await call(page, 'fetchData', '/data/doc.json');
  await call(page, 'seed');
  await call(page, 'settle');
  await sleep(4000);
}

/** A fresh page (its bundle loaded, as the bench's second page), then the element connected: the drafts reopen the draft. */
async function reopen(page: Page, measure?: (fn: () => Promise<unknown>) => Promise<void>): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  const mount = () => call(page, 'mount', '/templates/roadster.json');
  await (measure ? measure(mount) : mount());
}

async function memory(browser: Browser, page: Page): Promise<void> {
  await seedAndSave(page);
  await reopen(page);
  await sleep(500);
  await call(page, 'restore');
  console.log(`memory after reopen + restore (${profile.name}, DPR ${dpr}, ${strokes} strokes): ${JSON.stringify(await measureMemory(browser, page))}`);
  console.log('\ncanvases and bitmaps alive (width × height × 4 bytes):');
  for (const r of await surveyCanvases(page)) console.log(`${r.mb.toFixed(1).padStart(8)} MB  ${String(r.count).padStart(3)}×  ${r.name}  [${r.sizes}]`);
  console.log('\nrenderer memory by allocator (memory-infra; nested: skia, cc, canvas… are carved out of malloc/partition_alloc):');
  for (const a of (await allocatorDump(browser)).slice(0, 14)) console.log(`${a.mb.toFixed(1).padStart(8)} MB  ${a.name}`);
}

async function draw(page: Page): Promise<unknown> {
  const pts = (await Promise.all(liveStroke().map((p) => call(page, 'toPage', p.x, p.y)))) as [number, number][];
  const cdp = profile.input === 'touch' ? await page.createCDPSession() : undefined;
  await call(page, 'startFrames');
  await (cdp ? touchStroke(cdp, pts) : mouseStroke(page, pts));
  const frames = await call(page, 'frames');
  await cdp?.detach();
  return frames;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'templates', 'roadster.json'), 'utf8')) as { id: string; templateVersion: string; views: { id: string }[] };
  const template = { id: manifest.id, version: manifest.templateVersion, views: manifest.views.map((v) => v.id) };
  const doc = JSON.stringify(toDesignDocument(generateStrokes(strokes, 1), template));
  const pages = await buildPages();
  const server = await startServer({ '/dist/': join(root, 'dist'), '/templates/': join(root, 'templates'), '/pages/': pages }, (n) => (n === 'doc.json' ? doc : undefined));
  const browser = await launch(profile);
  try {
    const page = await browser.newPage();
    await applyProfile(page, profile);
    await page.evaluateOnNewDocument(RECORD_CANVASES);
    await page.goto(`${server.url}/pages/studio.html${pageQuery(profile)}`, { waitUntil: 'load' });
    await call(page, 'mount', '/templates/roadster.json');
    if (step === 'memory') return await memory(browser, page);
    if (step === 'seed') {
      await call(page, 'fetchData', '/data/doc.json');
      return await measured(page, 'seed', () => call(page, 'seed'));
    }
    await seedAndSave(page);
    if (step === 'draw') return await measured(page, 'draw', () => draw(page));
    if (step === 'reopen') return await reopen(page, (fn) => measured(page, 'reopen', fn));
    await reopen(page);
    await sleep(1000);
    await measured(page, 'restore', () => call(page, 'restore'));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

// One side (studio or baseline) at one size on one device profile, in a
// browser of its own: load, draw for real, save, export; then, in a fresh
// page, restore and memory.
import type { Browser, Page } from 'puppeteer-core';
import { launch, measureMemory, PageRun, type Memory, type Outcome } from './browser.ts';
import { summarizeAutosaves, type DraftFigures } from './drafts.ts';
import { mouseStroke, touchStroke, type Points } from './input.ts';
import type { AutosaveStats, FrameStats } from './pages/measure.ts';
import { applyProfile, pageQuery, type BenchProfile } from './profiles.ts';
import { liveStroke } from './strokes.ts';

export type Side = 'studio' | 'baseline';

export interface SideResult extends DraftFigures {
  profile: BenchProfile['name'];
  side: Side;
  strokes: number;
  ready: Outcome<{ readyMs: number; renderedMs: number }>;
  load: Outcome<{ ms: number }>;
  draw: Outcome<DrawStats>;
  save: Outcome<{ ms: number; rawBytes: number; gzipBytes: number; items: number }>;
  exportImage: Outcome<{ ms: number; bytes: number }>;
  restore: Outcome<{ ms: number }>;
  memory: Outcome<Memory>;
}

/** Time bounds in ms: a base plus a share per seeded stroke, both longer on a slowed CPU. */
export function bounds(strokes: number, slowdown = 1) {
  const k = strokes * slowdown;
  return {
    open: 30_000 * slowdown,
    fetch: 30_000 + k * 5,
    load: 20_000 + k * 10,
    draw: 60_000 + k * 10,
    save: 20_000 + k * 5,
    exportImage: 30_000 + k * 6,
    restore: 20_000 + k * 10,
    memory: 30_000,
  };
}

/** Calls a method of the page's `window.bench` harness. */
function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate((m, a) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[m](...a), method, args) as Promise<T>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPage(browser: Browser, base: string, side: Side, profile: BenchProfile): Promise<{ page: Page; run: PageRun; ready: Outcome<{ readyMs: number; renderedMs: number }> }> {
  const page = await browser.newPage();
  await applyProfile(page, profile);
  const run = new PageRun(page);
  const ready = await run.step('open', bounds(0, profile.cpuSlowdown).open, async () => {
    await page.goto(`${base}/pages/${side}.html${pageQuery(profile)}`, { waitUntil: 'load' });
    return call<{ readyMs: number; renderedMs: number }>(page, 'mount', '/templates/roadster.json');
  });
  return { page, run, ready };
}

/** Frames of each stroke drawn, and the median of each figure over them (one hiccup of a shared machine is not a freeze). */
export interface DrawStats {
  strokes: FrameStats[];
  p50: number;
  p95: number;
  longest: number;
  worstLongest: number;
}

const DRAWN_STROKES = 3;

/** Draws the strokes; after each, waits for the autosave it causes (drafts, or the baseline's own). */
async function drawStrokes(page: Page, profile: BenchProfile, autosaves: AutosaveStats[]): Promise<DrawStats> {
  const cdp = profile.input === 'touch' ? await page.createCDPSession() : undefined;
  const stroke = (pts: Points) => (cdp ? touchStroke(cdp, pts) : mouseStroke(page, pts));
  const strokes: FrameStats[] = [];
  for (let i = 0; i < DRAWN_STROKES; i++) {
    strokes.push(await drawStroke(page, i * 30 - 30, stroke));
    autosaves.push(await call<AutosaveStats>(page, 'autosave'));
    await sleep(300);
  }
  await cdp?.detach();
  const median = (f: (s: FrameStats) => number) => strokes.map(f).sort((a, b) => a - b)[Math.floor(strokes.length / 2)];
  return { strokes, p50: median((s) => s.p50), p95: median((s) => s.p95), longest: median((s) => s.longest), worstLongest: Math.max(...strokes.map((s) => s.longest)) };
}

/** A stroke over the seeded ones through the DevTools protocol (bench/input.ts), and the frames it took. */
async function drawStroke(page: Page, dy: number, stroke: (pts: Points) => Promise<void>): Promise<FrameStats> {
  const pts = await Promise.all(liveStroke().map((p) => call<[number, number]>(page, 'toPage', p.x, p.y + dy)));
  await call(page, 'startFrames');
  await stroke(pts);
  return call<FrameStats>(page, 'frames');
}

export async function runSide(base: string, side: Side, strokes: number, profile: BenchProfile, log: (s: string) => void): Promise<SideResult> {
  const b = bounds(strokes, profile.cpuSlowdown);
  const browser = await launch(profile);
  const skipped = { status: 'skipped', reason: 'the page did not open' } as const;
  const result: SideResult = { profile: profile.name, side, strokes, ready: skipped, load: skipped, draw: skipped, save: skipped, exportImage: skipped, restore: skipped, memory: skipped, autosaveLongTasks: skipped, draftOpenToInteractive: skipped };
  try {
    const first = await openPage(browser, base, side, profile);
    const { page, run } = first;
    result.ready = first.ready;
    log(`${side} ${strokes}: ready ${show(result.ready)}`);
    const fetched = await run.step('fetch', b.fetch, () => call(page, 'fetchData', `/data/${side}-${strokes}.json`));
    if (fetched.status !== 'ok') result.load = fetched as Outcome<never>;
    else result.load = await run.step('load', b.load, () => call<{ ms: number }>(page, 'seed'));
    log(`${side} ${strokes}: load ${show(result.load)}`);
    if (result.load.status === 'ok') {
      // The studio's drafts save a loaded design too: the strokes are drawn once that save is done.
      await run.step('settle', b.load, () => call(page, 'settle'));
      const autosaves: AutosaveStats[] = [];
      result.draw = await run.step('draw', b.draw, () => drawStrokes(page, profile, autosaves));
      result.autosaveLongTasks = result.draw.status === 'ok' ? summarizeAutosaves(autosaves) : (result.draw as Outcome<never>);
      log(`${side} ${strokes}: draw ${show(result.draw)}; autosave ${show(result.autosaveLongTasks)}`);
      result.save = await run.step('save', b.save, () => call(page, 'save'));
      // Exported last: it is the step that crashed hand-rolled fabric at 10,000 strokes.
      result.exportImage = await run.step('export', b.exportImage, () => call(page, 'exportImage'));
      log(`${side} ${strokes}: save ${show(result.save)}, export ${show(result.exportImage)}`);
    }
    await withBound(page.close({ runBeforeUnload: false }), 30_000);
    if (result.save.status === 'ok') {
      // A fresh page, so the memory figures hold what a restore costs and nothing of the seeding.
      const second = await openPage(browser, base, side, profile);
      // The same pause as before drawing: restore is timed on its own, not against start-up work still settling.
      if (second.ready.status === 'ok') await sleep(500);
      result.restore = second.ready.status === 'ok' ? await second.run.step('restore', b.restore, () => call<{ ms: number }>(second.page, 'restore')) : second.ready;
      if (side === 'studio') result.draftOpenToInteractive = second.ready.status === 'ok' ? { status: 'ok', value: { ms: second.ready.value.renderedMs } } : second.ready;
      else if (second.ready.status === 'ok' && result.restore.status === 'ok') result.draftOpenToInteractive = { status: 'ok', value: { ms: second.ready.value.renderedMs + result.restore.value.ms } };
      if (result.restore.status === 'ok') result.memory = await second.run.step('memory', b.memory, () => measureMemory(browser, second.page));
      log(`${side} ${strokes}: restore ${show(result.restore)}, memory ${show(result.memory)}`);
    } else {
      result.restore = result.memory = result.draftOpenToInteractive = { status: 'skipped', reason: 'nothing was saved' };
    }
  } catch (error) {
    log(`${side} ${strokes}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    const closed = await withBound(browser.close(), 30_000);
    if (!closed) browser.process()?.kill('SIGKILL');
  }
  return result;
}

function withBound(p: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([p.then(() => true, () => true), sleep(ms).then(() => false)]);
}

function show(o: Outcome<unknown>): string {
  return o.status === 'ok' ? JSON.stringify(o.value) : `${o.status}${'reason' in o ? `: ${o.reason}` : ''}`;
}


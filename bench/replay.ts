// `npm run bench`'s replay section (issue 17): <co-design-replay> on the bench's seeded strokes with
// hand-like times, in a browser of its own: frames while it plays at 64×, and seeks to seeded points once
// its checkpoints are baked; plus its bundle and what the times cost the gzipped document.
import type { Page } from 'puppeteer-core';
import { bundleSize } from '../scripts/bundle-size.ts';
import { launch, PageRun, type Outcome } from './browser.ts';
import type { Check } from './budgets.ts';
import { applyProfile, PROFILES } from './profiles.ts';
import type { DocumentGrowth } from './replay-data.ts';
import { bytes, ms } from './table.ts';

export interface ReplayResult {
  strokes: number;
  bundleGzip: number;
  document: DocumentGrowth;
  open: Outcome<{ readyMs: number; preparedMs: number; durationMs: number }>;
  frames: Outcome<{ p50: number; p95: number; longest: number; count: number }>;
  seeks: Outcome<{ p95: number; max: number; count: number }>;
}

/** Seeds of the seek targets: the same points on every run. */
const SEEKS = 24;
const PLAY_MS = 4000;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function open(page: Page, strokes: number) {
  return page.evaluate(async (n) => {
    const design = await (await fetch(`/data/replay-${n}.json`)).json();
    const el = document.createElement('co-design-replay') as HTMLElement & Record<string, any>;
    el.setAttribute('template', '/templates/roadster.json');
    el.setAttribute('speed', '64');
    const t0 = performance.now();
    const ready = new Promise((resolve, reject) => {
      el.addEventListener('co-design-replay-ready', resolve, { once: true });
      el.addEventListener('co-design-error', (e: any) => reject(new Error(e.message)), { once: true });
    });
    el.design = design;
    document.body.append(el);
    await ready;
    const readyMs = performance.now() - t0;
    el.pause();
    await el.prepared();
    (window as any).replay = el;
    return { readyMs, preparedMs: performance.now() - t0, durationMs: el.duration as number };
  }, strokes);
}

/** rAF intervals while the replay plays at 64× from a third of the way in. */
async function frames(page: Page) {
  // A string: tsx would wrap named functions in a helper the page does not have.
  const gaps: number[] = await page.evaluate(`(async () => {
    const el = window.replay;
    el.seek(el.duration / 3);
    await new Promise(requestAnimationFrame);
    const out = [];
    el.play();
    let last = performance.now();
    const end = last + ${PLAY_MS};
    await new Promise((resolve) => {
      const tick = (now) => {
        out.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    el.pause();
    return out;
  })()`) as number[];
  return { p50: quantile(gaps, 0.5), p95: quantile(gaps, 0.95), longest: Math.max(...gaps), count: gaps.length };
}

/** From a seek to the next frame, at seeded points spread over the whole replay. */
async function seeks(page: Page) {
  const times = await page.evaluate(async (count) => {
    const el = (window as any).replay;
    const out: number[] = [];
    let x = 0.123;
    for (let i = 0; i < count; i++) {
      x = (x * 9301 + 0.49297) % 1;
      const t0 = performance.now();
      el.seek(x * el.duration);
      await new Promise(requestAnimationFrame);
      out.push(performance.now() - t0);
    }
    return out;
  }, SEEKS);
  return { p95: quantile(times, 0.95), max: Math.max(...times), count: times.length };
}

export async function runReplay(base: string, strokes: number, dist: string, document: DocumentGrowth, log: (s: string) => void): Promise<ReplayResult> {
  const browser = await launch();
  const skipped = { status: 'skipped', reason: 'not run' } as const;
  const result: ReplayResult = { strokes, bundleGzip: bundleSize(dist, 'replay.js').initialGzip, document, open: skipped, frames: skipped, seeks: skipped };
  try {
    const page = await browser.newPage();
    await applyProfile(page, PROFILES.desktop);
    const run = new PageRun(page);
    await page.goto(`${base}/pages/replay.html`, { waitUntil: 'load' });
    result.open = await run.step('open', 60_000 + strokes * 10, () => open(page, strokes));
    result.frames = await run.step('frames', 60_000, () => frames(page));
    result.seeks = await run.step('seeks', 60_000 + SEEKS * 2000, () => seeks(page));
    log(`replay ${strokes}: ${JSON.stringify({ open: result.open, frames: result.frames, seeks: result.seeks })}`);
  } finally {
    await browser.close();
  }
  return result;
}

const val = <T>(o: Outcome<T>, f: (v: T) => number) => (o.status === 'ok' ? f(o.value) : undefined);
const why = (o: Outcome<unknown>) => (o.status === 'skipped' ? o.reason : o.status === 'ok' ? '' : o.status);

function limit(budget: string, strokes: number | undefined, o: Outcome<unknown> | undefined, v: number | undefined, max: number, fmt: (x: number) => string): Check {
  const value = v === undefined ? (o ? why(o) : 'not measured') : `${fmt(v)} (${v <= max ? 'within' : `${fmt(v - max)} over`})`;
  return { budget, strokes, value, pass: v === undefined ? null : v <= max };
}

/** Issue 17, points 1–3. */
export function replayBudgets(r: ReplayResult): Check[] {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  return [
    limit('replay frames (rAF interval at 64×) p95 ≤ 17 ms', r.strokes, r.frames, val(r.frames, (v) => v.p95), 17, ms),
    limit('seek → frame shown, slowest ≤ 150 ms', r.strokes, r.seeks, val(r.seeks, (v) => v.max), 150, ms),
    limit('replay bundle ≤ 60 KB gzip', undefined, undefined, r.bundleGzip, 60_000, bytes),
    limit('gzipped document grows by the times ≤ 5 %', r.strokes, undefined, r.document.growth, 0.05, pct),
    // Whether the timed document stays ≤ 1.2 MB is the desktop row "document ≤ 1.2 MB gzip": the studio's own
    // save of it, gzipped by the browser (its CompressionStream makes ~1.6 % more than zlib here).
  ];
}

export function replayTable(r: ReplayResult): string {
  const o = r.open.status === 'ok' ? r.open.value : undefined;
  const f = r.frames.status === 'ok' ? r.frames.value : undefined;
  const s = r.seeks.status === 'ok' ? r.seeks.value : undefined;
  return [
    '',
    `── replay (<co-design-replay>, ${r.strokes.toLocaleString('en')} timed strokes, 1200 px wide) ${'─'.repeat(60)}`.slice(0, 118),
    `bundle ${bytes(r.bundleGzip)} gzip (dist/replay.js and its static imports; fabric comes only with placed objects)`,
    `document ${bytes(r.document.gzipBefore)} → ${bytes(r.document.gzipAfter)} gzip (zlib 6 in Node) with times: +${(r.document.growth * 100).toFixed(2)} %`,
    o ? `open → ready ${ms(o.readyMs)}, checkpoints baked ${ms(o.preparedMs)}; replay ${(o.durationMs / 1000).toFixed(0)} s at 1×` : `open: ${why(r.open)}`,
    f ? `frames at 64×: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, longest ${ms(f.longest)} over ${f.count}` : `frames: ${why(r.frames)}`,
    s ? `seeks: p95 ${ms(s.p95)}, slowest ${ms(s.max)} over ${s.count}` : `seeks: ${why(r.seeks)}`,
  ].join('\n');
}

// The printed table: studio vs baseline, per size, on one device profile.
import type { Outcome } from './browser.ts';
import type { SideResult } from './side.ts';

export interface Bundles {
  studio: { initialGzip: number; totalGzip: number };
  baseline: { initialGzip: number; totalGzip: number };
}

type Row = [label: string, pick: (r: SideResult) => Outcome<unknown> | string, format: (v: never) => string, ratio?: boolean];

export const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
export const mb = (v: number) => `${v.toFixed(1)} MB`;
export const bytes = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${(v / 1e3).toFixed(1)} KB`);

const ROWS: Row[] = [
  ['connect → ready (roadster, no draft)', (r) => r.ready, (v: { readyMs: number }) => ms(v.readyMs)],
  ['load + first render', (r) => r.load, (v: { ms: number }) => ms(v.ms), true],
  ['draw: p50 frame', (r) => r.draw, (v: { p50: number }) => ms(v.p50)],
  ['draw: p95 frame', (r) => r.draw, (v: { p95: number }) => ms(v.p95), true],
  ['draw: longest frame (to up+500ms)', (r) => r.draw, (v: { longest: number; worstLongest: number }) => `${ms(v.longest)} (worst ${ms(v.worstLongest)})`, true],
  ['save (getDesign|toJSON + idb set)', (r) => r.save, (v: { ms: number }) => ms(v.ms), true],
  ['strokes saved (seeded + drawn)', (r) => r.save, (v: { items: number }) => v.items.toLocaleString('en')],
  ['document, raw', (r) => r.save, (v: { rawBytes: number }) => bytes(v.rawBytes), true],
  ['document, gzip', (r) => r.save, (v: { gzipBytes: number }) => bytes(v.gzipBytes), true],
  ['export 2048 px PNG', (r) => r.exportImage, (v: { ms: number }) => ms(v.ms), true],
  ['restore a saved design (to rendered)', (r) => r.restore, (v: { ms: number }) => ms(v.ms), true],
  ['JS heap after restore', (r) => r.memory, (v: { jsHeapMB: number }) => mb(v.jsHeapMB), true],
  ['renderer memory after restore', (r) => r.memory, (v: { rendererMB: number }) => mb(v.rendererMB), true],
  ['autosave: long tasks > 50 ms', (r) => r.autosaveLongTasks, (v: { count: number; longestMs: number }) => `${v.count}${v.count ? `, longest ${ms(v.longestMs)}` : ''}`],
  ['autosave: pointer-up → saved', (r) => r.autosaveLongTasks, (v: { upToSavedMs: number }) => ms(v.upToSavedMs)],
  ['saved draft → interactive', (r) => r.draftOpenToInteractive, (v: { ms: number }) => ms(v.ms), true],
];

/** The numeric value a row's ratio compares (baseline ÷ studio: above 1 means the studio wins). */
const RATIO_VALUE: Record<string, (v: never) => number> = {
  'load + first render': (v: { ms: number }) => v.ms,
  'draw: p95 frame': (v: { p95: number }) => v.p95,
  'draw: longest frame (to up+500ms)': (v: { longest: number }) => v.longest,
  'save (getDesign|toJSON + idb set)': (v: { ms: number }) => v.ms,
  'document, raw': (v: { rawBytes: number }) => v.rawBytes,
  'document, gzip': (v: { gzipBytes: number }) => v.gzipBytes,
  'export 2048 px PNG': (v: { ms: number }) => v.ms,
  'restore a saved design (to rendered)': (v: { ms: number }) => v.ms,
  'JS heap after restore': (v: { jsHeapMB: number }) => v.jsHeapMB,
  'renderer memory after restore': (v: { rendererMB: number }) => v.rendererMB,
  'saved draft → interactive': (v: { ms: number }) => v.ms,
};

export function cell(o: Outcome<unknown>, format: (v: never) => string): string {
  switch (o.status) {
    case 'ok':
      return format(o.value as never);
    case 'timeout':
      return `TIMEOUT (> ${Math.round(o.boundMs / 1000)} s)`;
    case 'crashed':
      return 'CRASHED';
    case 'error':
      return `ERROR: ${o.message.slice(0, 40)}`;
    case 'skipped':
      return o.reason.startsWith('not measured') ? o.reason : `— (${o.reason})`;
  }
}

function ratio(label: string, s: Outcome<unknown>, b: Outcome<unknown>): string {
  const f = RATIO_VALUE[label];
  if (!f) return '';
  if (b.status === 'crashed' || b.status === 'timeout') return `baseline ${b.status}`;
  if (s.status !== 'ok' || b.status !== 'ok') return '';
  const r = f(b.value as never) / f(s.value as never);
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

/** `heading` names the profile the runs were made on. */
export function table(runs: SideResult[], bundle: Bundles, heading: string): string {
  const lines: string[] = ['', `══ ${heading} ${'═'.repeat(120)}`.slice(0, 118)];
  const widths = [36, 34, 34, 16];
  const row = (...cells: string[]) => lines.push(cells.map((c, i) => c.padEnd(widths[i])).join(' │ ').trimEnd());
  for (const n of [...new Set(runs.map((r) => r.strokes))]) {
    const s = runs.find((r) => r.strokes === n && r.side === 'studio');
    const b = runs.find((r) => r.strokes === n && r.side === 'baseline');
    lines.push('', `── ${n.toLocaleString('en')} strokes ${'─'.repeat(100)}`.slice(0, 118));
    row('figure', 'studio', 'hand-rolled fabric', 'baseline/studio');
    for (const [label, pick, format] of ROWS) {
      const so = s ? pick(s) : { status: 'skipped' as const, reason: 'not run' };
      const bo = b ? pick(b) : { status: 'skipped' as const, reason: 'not run' };
      row(label, cell(so as Outcome<unknown>, format), cell(bo as Outcome<unknown>, format), ratio(label, so as Outcome<unknown>, bo as Outcome<unknown>));
    }
  }
  lines.push('', `── bundle ${'─'.repeat(100)}`.slice(0, 118));
  row('initial, gzip', bytes(bundle.studio.initialGzip), bytes(bundle.baseline.initialGzip));
  row('total, gzip', bytes(bundle.studio.totalGzip), bytes(bundle.baseline.totalGzip));
  return lines.join('\n');
}

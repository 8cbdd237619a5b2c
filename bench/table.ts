// The printed table (studio vs baseline per size) and issue 6's budgets.
import type { Outcome } from './browser.ts';
import type { SideResult } from './side.ts';

export interface Bundles {
  studio: { initialGzip: number; totalGzip: number };
  baseline: { initialGzip: number; totalGzip: number };
}

type Row = [label: string, pick: (r: SideResult) => Outcome<unknown> | string, format: (v: never) => string, ratio?: boolean];

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const mb = (v: number) => `${v.toFixed(1)} MB`;
const bytes = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${(v / 1e3).toFixed(1)} KB`);

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

export function table(runs: SideResult[], bundle: Bundles): string {
  const lines: string[] = [];
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

export interface Check {
  budget: string;
  strokes?: number;
  value: string;
  pass: boolean | null;
}

/** Issue 6, point 3. `pass: null` when the figure is missing (not run, not measured, failed). */
export function budgets(runs: SideResult[], bundle: Bundles): { checks: Check[]; text: string } {
  const checks: Check[] = [];
  const studio = (n: number) => runs.find((r) => r.side === 'studio' && r.strokes === n);
  const base = (n: number) => runs.find((r) => r.side === 'baseline' && r.strokes === n);
  const val = <T>(o: Outcome<T> | undefined, f: (v: T) => number): number | undefined => (o?.status === 'ok' ? f(o.value) : undefined);
  const why = (o: Outcome<unknown> | undefined) => (!o ? 'size not run' : o.status === 'skipped' ? o.reason : o.status);
  const limit = (budget: string, n: number | undefined, o: Outcome<unknown> | undefined, v: number | undefined, max: number, fmt: (x: number) => string) =>
    checks.push({ budget, strokes: n, value: v === undefined ? why(o) : `${fmt(v)} (${v <= max ? 'within' : `${fmt(v - max)} over, ${(v / max).toFixed(1)}× the budget`})`, pass: v === undefined ? null : v <= max });
  const s10 = studio(10_000);
  limit('drawing p95 ≤ 17 ms', 10_000, s10?.draw, val(s10?.draw, (v) => v.p95), 17, ms);
  limit('longest frame ≤ 50 ms', 10_000, s10?.draw, val(s10?.draw, (v) => v.longest), 50, ms);
  const auto = s10?.autosaveLongTasks;
  checks.push(
    auto?.status === 'ok'
      ? { budget: 'no long task during autosave', strokes: 10_000, value: auto.value.count ? `${auto.value.count} over 3 strokes, longest ${ms(auto.value.longestMs)}` : 'none over 3 strokes', pass: auto.value.count === 0 }
      : { budget: 'no long task during autosave', strokes: 10_000, value: why(auto), pass: null },
  );
  limit('restore ≤ 1 s', 10_000, s10?.restore, val(s10?.restore, (v) => v.ms), 1000, ms);
  limit('export 2048 px ≤ 1.5 s', 10_000, s10?.exportImage, val(s10?.exportImage, (v) => v.ms), 1500, ms);
  limit('document ≤ 1.2 MB gzip', 10_000, s10?.save, val(s10?.save, (v) => v.gzipBytes), 1.2e6, bytes);
  limit('renderer memory ≤ 500 MB', 10_000, s10?.memory, val(s10?.memory, (v) => v.rendererMB), 500, mb);
  checks.push({ budget: 'initial bundle ≤ 100 KB gzip', value: bytes(bundle.studio.initialGzip), pass: bundle.studio.initialGzip <= 100_000 });
  const readies = runs.filter((r) => r.side === 'studio' && r.ready.status === 'ok').map((r) => (r.ready as { value: { readyMs: number } }).value.readyMs);
  const worst = readies.length ? Math.max(...readies) : undefined;
  limit('ready ≤ 500 ms (slowest studio run)', undefined, undefined, worst, 500, ms);
  const s2 = studio(2000);
  const b2 = base(2000);
  const times = (label: string, pick: (r: SideResult) => Outcome<unknown>, f: (v: never) => number, min: number) => {
    const so = s2 && pick(s2);
    const bo = b2 && pick(b2);
    if (so?.status === 'ok' && (bo?.status === 'crashed' || bo?.status === 'timeout')) return checks.push({ budget: label, strokes: 2000, value: `baseline ${bo.status}`, pass: true });
    const sv = so?.status === 'ok' ? f(so.value as never) : undefined;
    const bv = bo?.status === 'ok' ? f(bo.value as never) : undefined;
    if (sv === undefined || bv === undefined) return checks.push({ budget: label, strokes: 2000, value: sv === undefined ? `studio: ${why(so)}` : `baseline: ${why(bo)}`, pass: null });
    checks.push({ budget: label, strokes: 2000, value: `${(bv / sv).toFixed(1)}×`, pass: bv / sv >= min });
  };
  times('restore ≥ 10× faster than the baseline', (r) => r.restore, (v: { ms: number }) => v.ms, 10);
  times('export ≥ 5× faster than the baseline', (r) => r.exportImage, (v: { ms: number }) => v.ms, 5);
  times('longest frame ≥ 10× shorter than the baseline', (r) => r.draw, (v: { longest: number }) => v.longest, 10);
  const text = ['', `── budgets (issue 6) ${'─'.repeat(100)}`.slice(0, 118)]
    .concat(checks.map((c) => `${c.pass === null ? 'n/a ' : c.pass ? 'PASS' : 'MISS'}  ${c.budget}${c.strokes ? ` @ ${c.strokes.toLocaleString('en')}` : ''}: ${c.value}`))
    .join('\n');
  return { checks, text };
}

// Latency and throughput per route, and the printed table.

export interface Sample {
  route: string;
  status: number;
  ms: number;
}

export interface RouteFigures {
  route: string;
  requests: number;
  /** Answers other than the route's expected status, and failed fetches (status 0). */
  errors: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `seconds` is the wall time of the phase the samples ran in: a route's req/s is its share of that phase. */
export function figures(route: string, samples: Sample[], expected: number, seconds: number): RouteFigures {
  const mine = samples.filter((s) => s.route === route);
  const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
  return {
    route,
    requests: mine.length,
    errors: mine.filter((s) => s.status !== expected).length,
    reqPerSec: mine.length / seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
  };
}

export function table(rows: RouteFigures[]): string {
  const head = ['route', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const body = rows.map((r) => [r.route, String(r.requests), String(r.errors), r.reqPerSec.toFixed(0), ...[r.p50, r.p95, r.p99, r.max].map((v) => v.toFixed(1))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Two runs' routes side by side: req/s and p50 / p95 / p99 for each. */
export function compare(a: { label: string; rows: RouteFigures[] }, b: { label: string; rows: RouteFigures[] }): string {
  const cell = (r: RouteFigures | undefined) => (r ? `${r.reqPerSec.toFixed(0)} req/s, ${[r.p50, r.p95, r.p99].map((v) => v.toFixed(0)).join(' / ')}` : '—');
  const body = a.rows.map((row) => [row.route, cell(row), cell(b.rows.find((other) => other.route === row.route))]);
  const head = ['route', a.label, b.label];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

import type { Metrics, MetricsReport } from '../protocol/metrics.ts';

/** docs/design.md: `POST {endpoint}/metrics` bodies stay under 60 KiB (browsers cap beacons at 64 KiB in flight). */
export const MAX_BEACON_BYTES = 60 * 1024;

const bytes = (s: string): number => new TextEncoder().encode(s).length;

/**
 * The report as a text/plain JSON body under 60 KiB, or undefined when even
 * a trimmed one does not fit. Trimming drops per-tool rows, least engaged
 * first, from `current` and `total` alike; the totals and counts are never
 * touched, so a trimmed report is still true, only less detailed. (With ten
 * tools a report is ~2 KiB: only absurd ids or template strings reach the cap,
 * and then the report is refused rather than cut.)
 */
export function beaconBody(report: MetricsReport): string | undefined {
  let body = JSON.stringify(report);
  if (bytes(body) < MAX_BEACON_BYTES) return body;
  const byEngaged = (m: Metrics) => [...m.tools].sort((a, b) => b.engagedMs - a.engagedMs);
  const current = byEngaged(report.current);
  const total = byEngaged(report.total);
  while (current.length || total.length) {
    if (total.length >= current.length) total.pop();
    else current.pop();
    body = JSON.stringify({
      ...report,
      current: { ...report.current, tools: current },
      total: { ...report.total, tools: total },
    });
    if (bytes(body) < MAX_BEACON_BYTES) return body;
  }
  return undefined;
}

/**
 * Queues the report with `navigator.sendBeacon`, which outlives the page: call
 * it on `visibilitychange` → hidden and on `pagehide`, never on `unload`
 * (unreliable on phones, and it keeps pages out of the back/forward cache).
 * A string body goes as `text/plain;charset=UTF-8`, a CORS-safelisted type,
 * so no preflight is needed. Returns whether the browser queued it.
 */
export function sendMetricsBeacon(url: string, report: MetricsReport): boolean {
  const body = beaconBody(report);
  if (body === undefined || typeof navigator.sendBeacon !== 'function') return false;
  try {
    return navigator.sendBeacon(url, body);
  } catch {
    // An invalid or non-http(s) URL throws; a report is never worth an exception on pagehide.
    return false;
  }
}

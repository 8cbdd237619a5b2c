/** Durations and shares as the campaign team reads them. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function duration(ms: number): string {
  if (ms < MINUTE) return `${trim(Math.round((ms / SECOND) * 10) / 10)} s`;
  if (ms < HOUR) return `${trim(Math.round((ms / MINUTE) * 10) / 10)} min`;
  return `${trim(Math.round((ms / HOUR) * 10) / 10)} h`;
}

/** A bucket's range: "1 min–2 min", or "4 h+" for the open-ended last one. */
export function bucketLabel(fromMs: number, toMs: number | null): string {
  if (toMs === null) return `${duration(fromMs)}+`;
  if (fromMs === 0) return `< ${duration(toMs)}`;
  return `${duration(fromMs)}–${duration(toMs)}`;
}

export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');

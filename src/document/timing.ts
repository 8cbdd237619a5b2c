/**
 * When marks and objects were made (version 2). A paint layer's `times` holds `[gap, duration]` per mark in
 * TIME_QUANTUM_MS, the gap counted from the end of the layer's previous mark, so the numbers are short and
 * compress well; an object layer's `at` and `meta.elapsed` are ms. All of the draft's clock, which runs only
 * while the draft is open and skips long idle gaps (src/editor/paint-clock.ts).
 */
import { TIME_QUANTUM_MS, type DesignDocument, type Layer, type MarkTime, type PaintLayer } from './types.ts';

export interface DecodedTime {
  /** ms of the draft's clock. */
  start: number;
  duration: number;
}

/** The times of a layer's marks in ms, or `undefined` when the layer has none (made before version 2). */
export function decodeMarkTimes(layer: PaintLayer): DecodedTime[] | undefined {
  const times = layer.times;
  if (!times) return undefined;
  const out: DecodedTime[] = [];
  let clock = 0;
  for (let i = 0; i + 1 < times.length; i += 2) {
    const start = clock + times[i];
    clock = start + times[i + 1];
    out.push({ start: start * TIME_QUANTUM_MS, duration: times[i + 1] * TIME_QUANTUM_MS });
  }
  return out;
}

/** Where a layer's clock stands after its last mark, in TIME_QUANTUM_MS (0 if untimed). */
export function layerClockTicks(layer: PaintLayer): number {
  let clock = 0;
  const times = layer.times ?? [];
  for (let i = 0; i < times.length; i++) clock += times[i];
  return clock;
}

/** The `[gap, duration]` of a mark from `startMs` lasting `durationMs`, after a layer whose clock is at `layerEnd`. */
export function encodeMarkTime(layerEnd: number, startMs: number, durationMs: number): MarkTime {
  // Start and end rounded (not the duration): a mark that began after another ended still does once decoded.
  const start = Math.round(startMs / TIME_QUANTUM_MS);
  const end = Math.round((startMs + Math.max(0, durationMs)) / TIME_QUANTUM_MS);
  return [start - layerEnd, end - start];
}

/** Appends a mark's time to its layer, giving earlier untimed marks a time of 0 (they replay first). */
export function appendMarkTime(layer: PaintLayer, time: MarkTime | undefined): void {
  if (!time && !layer.times) return;
  layer.times ??= new Array<number>(2 * layer.marks.length).fill(0);
  layer.times.push(...(time ?? [0, 0]));
}

/** The latest time (ms) any mark or object records: where a clock without `meta.elapsed` resumes. */
export function latestTime(doc: DesignDocument): number {
  let latest = doc.meta.elapsed ?? 0;
  for (const view of doc.views) {
    for (const layer of view.layers) {
      const end = layer.kind === 'paint' ? layerClockTicks(layer) * TIME_QUANTUM_MS : (layer.at ?? 0);
      if (end > latest) latest = end;
    }
  }
  return latest;
}

/** True when at least one mark or object carries a time: otherwise a replay paces the design evenly. */
export function hasTiming(doc: DesignDocument): boolean {
  const timed = (layer: Layer) => (layer.kind === 'paint' ? !!layer.times?.length : layer.at !== undefined);
  return doc.views.some((v) => v.layers.some(timed));
}

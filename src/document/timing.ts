/**
 * When marks and objects were made (version 2): each mark's `t` is `[gap, duration]`, the gap counted from
 * the end of the layer's previous timed mark, so a layer's times are small numbers that compress well; an
 * object layer's `at` is absolute. All in ms of the draft's clock (`meta.elapsed`), which runs only while
 * the draft is open and skips long idle gaps.
 */
import type { DesignDocument, Layer, Mark, MarkTime, PaintLayer } from './types.ts';

export interface DecodedTime {
  start: number;
  duration: number;
}

/** The absolute times of a layer's marks, `undefined` for marks made before version 2. */
export function decodeMarkTimes(marks: readonly Mark[]): (DecodedTime | undefined)[] {
  let clock = 0;
  return marks.map((mark) => {
    if (!mark.t) return undefined;
    const start = clock + mark.t[0];
    clock = start + mark.t[1];
    return { start, duration: mark.t[1] };
  });
}

/** Where a layer's clock stands after its last timed mark (0 if none is timed). */
export function layerClock(layer: PaintLayer): number {
  let clock = 0;
  for (const mark of layer.marks) if (mark.t) clock += mark.t[0] + mark.t[1];
  return clock;
}

/** The `t` of a mark that starts at `start` and lasts `duration`, after the layer's marks so far. */
export function encodeMarkTime(layerEnd: number, start: number, duration: number): MarkTime {
  return [Math.round(start - layerEnd), Math.max(0, Math.round(duration))];
}

/** The latest time any mark or object of the design records: where a clock without `meta.elapsed` resumes. */
export function latestTime(doc: DesignDocument): number {
  let latest = doc.meta.elapsed ?? 0;
  for (const view of doc.views) {
    for (const layer of view.layers) {
      const end = layer.kind === 'paint' ? layerClock(layer) : (layer.at ?? 0);
      if (end > latest) latest = end;
    }
  }
  return latest;
}

/** True when at least one mark or object carries a time: otherwise a replay paces the design evenly. */
export function hasTiming(doc: DesignDocument): boolean {
  const timed = (layer: Layer) => (layer.kind === 'paint' ? layer.marks.some((m) => m.t) : layer.at !== undefined);
  return doc.views.some((v) => v.layers.some(timed));
}

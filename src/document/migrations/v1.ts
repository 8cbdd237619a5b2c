/**
 * Version 1 → 2. Version 2 added when each mark and object was made (`times` on paint layers, `at` on objects,
 * `meta.elapsed`), all optional: a version-1 design has no timing to recover, so a replay paces its marks evenly
 * (docs/replay.md). And it stores points as second-order deltas (points.ts) where version 1 stored first-order
 * ones, [x0, y0, x1 - x0, y1 - y0, …]: every stroke's `pts` and every bucket ring is coded anew, the same points.
 */
import { encodeQuanta } from '../points.ts';
import type { RawDocument } from '../migrate.ts';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => !!value && typeof value === 'object' && !Array.isArray(value);

/** Quantised coordinates in version 1's coding (first-order deltas); the step from version 0 writes it. */
export function encodeFirstOrder(xy: readonly number[]): number[] {
  // `+ 0` turns -0 into 0, as the studio of version 1 did.
  return xy.map((value, i) => (i < 2 ? value : value - xy[i - 2]) + 0);
}

/**
 * Version 1's points in version 2's coding. An array that is not all integers, or whose sums leave the safe
 * integers, is left as it is for the schema to refuse by name (as it refused such points in version 1).
 */
export function recodePoints(value: unknown): unknown {
  if (!Array.isArray(value) || value.length % 2 !== 0) return value;
  const quanta = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (typeof entry !== 'number' || !Number.isSafeInteger(entry)) return value;
    quanta[i] = i < 2 ? entry : quanta[i - 2] + entry;
    if (!Number.isSafeInteger(quanta[i])) return value;
  }
  return encodeQuanta(quanta);
}

/** A raw mark with its points coded anew; anything that is not a stroke's `pts` or a fill's rings stays. */
export function recodeMark(mark: unknown): unknown {
  if (!isRecord(mark)) return mark;
  if (mark.type === 'stroke' && 'pts' in mark) return { ...mark, pts: recodePoints(mark.pts) };
  if (mark.type === 'fill' && Array.isArray(mark.region)) return { ...mark, region: mark.region.map(recodePoints) };
  return mark;
}

/** A raw layer whose marks (if it is a paint layer) are coded anew. */
export function recodeLayer(layer: unknown): unknown {
  if (!isRecord(layer) || layer.kind !== 'paint' || !Array.isArray(layer.marks)) return layer;
  return { ...layer, marks: layer.marks.map(recodeMark) };
}

export function fromV1(doc: RawDocument): RawDocument {
  const views = Array.isArray(doc.views)
    ? doc.views.map((view: unknown) =>
        isRecord(view) && Array.isArray(view.layers) ? { ...view, layers: view.layers.map(recodeLayer) } : view,
      )
    : doc.views;
  return { ...doc, version: 2, views };
}

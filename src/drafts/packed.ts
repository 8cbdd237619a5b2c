import type { Mark } from '../document/types.ts';

/**
 * Marks as chunk records hold them: a stroke's points (and pressure) as typed
 * arrays, which IndexedDB stores and reads back as one block of bytes. Read
 * back as plain arrays, ~1 million points took ~0.7 s to deserialise; as
 * Int32Array a fraction of that. Only exact int32 values are packed, so
 * unpacking gives back the very same numbers.
 */
export function packMark(mark: Mark): unknown {
  if (mark.type !== 'stroke' || !fitsInt32(mark.pts)) return mark;
  const packed: Record<string, unknown> = { ...mark, pts: Int32Array.from(mark.pts) };
  if (mark.pressure && fitsInt32(mark.pressure)) packed.pressure = Int32Array.from(mark.pressure);
  return packed;
}

/**
 * The other way, before any validation: an untrusted record may hold typed
 * arrays anywhere; only `pts` and `pressure` of a plain mark object are
 * turned back into arrays, anything else is left for the checks to refuse.
 */
export function unpackMarks(marks: readonly unknown[]): unknown[] {
  return marks.map((mark) => {
    if (typeof mark !== 'object' || mark === null || Object.getPrototypeOf(mark) !== Object.prototype) return mark;
    const m = mark as Record<string, unknown>;
    if (!(m.pts instanceof Int32Array) && !(m.pressure instanceof Int32Array)) return mark;
    const out = { ...m };
    if (m.pts instanceof Int32Array) out.pts = toArray(m.pts);
    if (m.pressure instanceof Int32Array) out.pressure = toArray(m.pressure);
    return out;
  });
}

// A plain loop: Array.from goes through the iterator, several times slower at a million points.
function toArray(typed: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < typed.length; i++) out.push(typed[i]);
  return out;
}

function fitsInt32(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] | 0) !== values[i] || Object.is(values[i], -0)) return false;
  return true;
}

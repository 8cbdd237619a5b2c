/**
 * Stroke points (and bucket rings) as stored: quantised to 1/POINT_QUANTUM of a
 * design unit and coded as second-order deltas,
 * [x0, y0, dx1, dy1, dx2 - dx1, dy2 - dy1, …] where dxi = xi - x(i-1).
 * A hand moves smoothly, so the change of each step is mostly a small number
 * near 0, which gzip packs ~10 % tighter than plain deltas (docs/design-document.md).
 * Deltas are taken between quantised points, so rounding never accumulates
 * along a stroke. This module is the one place that knows the coding; every
 * reader goes through `decodeQuanta` (or `decodePoints`), every writer through
 * `encodeQuanta` (or `encodePoints`).
 */
import { POINT_QUANTUM } from './types.ts';

export interface Point {
  x: number;
  y: number;
}

/** Quantised coordinates (integers, x,y interleaved) in the stored coding. */
export function encodeQuanta(xy: ArrayLike<number>): number[] {
  const n = xy.length - (xy.length % 2);
  const out = new Array<number>(n);
  let px = 0;
  let py = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    // The first point is stored as it is, the second as a plain delta (dx, dy start at 0).
    const nx = i === 0 ? 0 : x - px;
    const ny = i === 0 ? 0 : y - py;
    // `+ 0` turns -0 into 0, so the JSON never reads "-0".
    out[i] = i === 0 ? x + 0 : nx - dx + 0;
    out[i + 1] = i === 0 ? y + 0 : ny - dy + 0;
    dx = nx;
    dy = ny;
    px = x;
    py = y;
  }
  return out;
}

/**
 * The quantised coordinates of stored points, x,y interleaved. Writes into
 * `into` when it is long enough (a renderer's scratch buffer), so the result
 * may be longer than `pts`: read only its first `pts.length` entries.
 */
export function decodeQuanta(pts: ArrayLike<number>, into?: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const n = pts.length - (pts.length % 2);
  const out = into && into.length >= n ? into : new Float64Array(n);
  let x = 0;
  let y = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i += 2) {
    if (i === 0) {
      x = pts[0];
      y = pts[1];
    } else {
      dx += pts[i];
      dy += pts[i + 1];
      x += dx;
      y += dy;
    }
    out[i] = x;
    out[i + 1] = y;
  }
  return out;
}

/**
 * The index of the first point of stored `pts` (integers) that lies beyond
 * ±`limit` quanta once decoded, or -1 when all lie within. Stops there, so the
 * running sums stay small (a hostile run of huge second-order values would
 * otherwise grow them quadratically) and never leave the safe integers.
 */
export function firstPointBeyond(pts: ArrayLike<number>, limit: number): number {
  const n = pts.length - (pts.length % 2);
  let x = 0;
  let y = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i += 2) {
    if (i === 0) {
      x = pts[0];
      y = pts[1];
    } else {
      dx += pts[i];
      dy += pts[i + 1];
      x += dx;
      y += dy;
    }
    const safe =
      Number.isSafeInteger(x) && Number.isSafeInteger(y) && Number.isSafeInteger(dx) && Number.isSafeInteger(dy);
    if (!safe || x < -limit || x > limit || y < -limit || y > limit) return i >> 1;
  }
  return -1;
}

export function encodePoints(points: readonly Point[]): number[] {
  const xy = new Array<number>(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    xy[2 * i] = Math.round(points[i].x * POINT_QUANTUM);
    xy[2 * i + 1] = Math.round(points[i].y * POINT_QUANTUM);
  }
  return encodeQuanta(xy);
}

/**
 * Design-unit coordinates, x,y interleaved. Float32 is exact here: a valid
 * document keeps decoded coordinates within ±4,000,000 quanta (< 2^24).
 */
export function decodePoints(pts: readonly number[]): Float32Array {
  const quanta = decodeQuanta(pts);
  const out = new Float32Array(quanta.length);
  for (let i = 0; i < quanta.length; i++) out[i] = quanta[i] / POINT_QUANTUM;
  return out;
}

/** Distance from p to the segment a–b. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Ramer–Douglas–Peucker: keeps the first and last point and as few others
 * as leave every dropped point within `tolerance` of the kept polyline.
 * Iterative (an explicit stack), so 100k-point strokes cannot overflow the
 * call stack. Returns the kept points themselves, in order.
 */
export function simplify<T extends Point>(points: readonly T[], tolerance: number): T[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  // NaN or a negative tolerance would otherwise drop every inner point.
  const tol = tolerance > 0 ? tolerance : 0;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // Pairs of [first, last] still to split; at most ~2 per kept point.
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let worstDistance = tol;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worstDistance = d;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    if (worst - first > 1) stack.push(first, worst);
    if (last - worst > 1) stack.push(worst, last);
  }
  const out: T[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i]);
  return out;
}

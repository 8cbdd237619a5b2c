/**
 * Stroke points as stored: quantised to 1/POINT_QUANTUM of a design unit and
 * delta-encoded, [x0, y0, dx1, dy1, …]. Deltas are taken between quantised
 * points, so rounding never accumulates along a stroke.
 */
import { POINT_QUANTUM } from './types.ts';

export interface Point {
  x: number;
  y: number;
}

export function encodePoints(points: readonly Point[]): number[] {
  const out = new Array<number>(points.length * 2);
  let px = 0;
  let py = 0;
  for (let i = 0; i < points.length; i++) {
    const qx = Math.round(points[i].x * POINT_QUANTUM);
    const qy = Math.round(points[i].y * POINT_QUANTUM);
    // `+ 0` turns -0 into 0, so the JSON never reads "-0".
    out[2 * i] = qx - px + 0;
    out[2 * i + 1] = qy - py + 0;
    px = qx;
    py = qy;
  }
  return out;
}

/**
 * Design-unit coordinates, x,y interleaved. Float32 is exact here: a valid
 * document keeps decoded coordinates within ±4,000,000 quanta (< 2^24).
 */
export function decodePoints(pts: readonly number[]): Float32Array {
  const out = new Float32Array(pts.length - (pts.length % 2));
  let qx = 0;
  let qy = 0;
  for (let i = 0; i + 1 < pts.length; i += 2) {
    qx += pts[i];
    qy += pts[i + 1];
    out[i] = qx / POINT_QUANTUM;
    out[i + 1] = qy / POINT_QUANTUM;
  }
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

/**
 * The bucket's flood, on a grid of cells: which cells around a seed match its colour, and the outline of
 * those cells as closed rings. Pure functions over typed arrays; loaded with the first bucket tap.
 */
import { encodeQuanta } from '../../../document/points.ts';

export interface FloodGrid {
  width: number;
  height: number;
  /** RGBA per cell, not premultiplied (as `getImageData` gives it): the layer's paint. */
  paint: Uint8ClampedArray;
  /** RGBA per cell of the design area drawn opaque: cells with alpha ≥ 128 are inside it. */
  area: Uint8ClampedArray;
}

/**
 * The cells 4-connected to (x, y), inside the area, whose colour lies within `tolerance` (0..255) of the
 * seed's, on every channel, premultiplied, so that all fully transparent cells count as one colour.
 */
export function floodMask(grid: FloodGrid, x: number, y: number, tolerance: number): Uint8Array {
  const { width: w, height: h, paint, area } = grid;
  const mask = new Uint8Array(w * h);
  if (x < 0 || y < 0 || x >= w || y >= h) return mask;
  const seed = y * w + x;
  const [sr, sg, sb, sa] = premultiplied(paint, seed);
  const matches = (i: number) => {
    if (area[i * 4 + 3] < 128) return false;
    const [r, g, b, a] = premultiplied(paint, i);
    return Math.max(Math.abs(r - sr), Math.abs(g - sg), Math.abs(b - sb), Math.abs(a - sa)) <= tolerance;
  };
  if (!matches(seed)) return mask;
  // Each cell is marked when pushed, so the stack never holds more than every cell once.
  const stack = new Int32Array(w * h);
  let top = 0;
  mask[seed] = 1;
  stack[top++] = seed;
  const visit = (i: number) => {
    if (mask[i] || !matches(i)) return;
    mask[i] = 1;
    stack[top++] = i;
  };
  while (top > 0) {
    const i = stack[--top];
    const cx = i % w;
    if (cx > 0) visit(i - 1);
    if (cx < w - 1) visit(i + 1);
    if (i >= w) visit(i - w);
    if (i < w * (h - 1)) visit(i + w);
  }
  return mask;
}

function premultiplied(p: Uint8ClampedArray, i: number): [number, number, number, number] {
  const a = p[i * 4 + 3];
  return [(p[i * 4] * a) / 255, (p[i * 4 + 1] * a) / 255, (p[i * 4 + 2] * a) / 255, a];
}

/** The mask grown by one cell (4 neighbours): the fill tucks under the soft edge of the paint around it. */
export function grow(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = mask.slice();
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % w;
    if (x > 0) out[i - 1] = 1;
    if (x < w - 1) out[i + 1] = 1;
    if (i >= w) out[i - w] = 1;
    if (i < w * (h - 1)) out[i + w] = 1;
  }
  return out;
}

// Headings along the cell edges: right, down, left, up (y grows downwards).
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/**
 * The outline of the mask as closed rings of cell corners (x, y interleaved, corners only), walking each
 * cell's edge clockwise on screen, so that filled even-odd they cover exactly the mask's cells.
 */
export function traceRings(mask: Uint8Array, w: number, h: number): number[][] {
  const vw = w + 1;
  // Per corner, the edges that leave it: bit d for heading d.
  const edges = new Uint8Array(vw * (h + 1));
  const out = (x: number, y: number) => x < 0 || y < 0 || x >= w || y >= h || !mask[y * w + x];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      if (out(x, y - 1)) edges[y * vw + x] |= 1;
      if (out(x + 1, y)) edges[y * vw + x + 1] |= 2;
      if (out(x, y + 1)) edges[(y + 1) * vw + x + 1] |= 4;
      if (out(x - 1, y)) edges[(y + 1) * vw + x] |= 8;
    }
  }
  const rings: number[][] = [];
  for (let start = 0; start < edges.length; start++) {
    while (edges[start]) rings.push(walk(edges, vw, start));
  }
  return rings;
}

function walk(edges: Uint8Array, vw: number, start: number): number[] {
  const ring: number[] = [];
  let at = start;
  let heading = [0, 1, 2, 3].find((d) => edges[at] & (1 << d))!;
  let previous = -1;
  for (;;) {
    if (heading !== previous) ring.push(at % vw, Math.floor(at / vw));
    edges[at] &= ~(1 << heading);
    at += DY[heading] * vw + DX[heading];
    previous = heading;
    if (at === start) return ring;
    const next = nextHeading(edges[at], previous);
    // Every corner is left as often as it is reached, so a heading is always there; this only guards the loop.
    if (next < 0) return ring;
    heading = next;
  }
}

/** Right turn first (it keeps two cells that only touch at a corner apart), then straight on, then left. */
function nextHeading(bits: number, heading: number): number {
  for (const d of [(heading + 1) % 4, heading, (heading + 3) % 4]) if (bits & (1 << d)) return d;
  return -1;
}

/** Douglas-Peucker on a closed ring: staircases of cells become slopes within `epsilon` cells. */
export function simplifyRing(ring: readonly number[], epsilon: number): number[] {
  const n = ring.length / 2;
  if (n <= 3) return ring.slice();
  // Split the ring at its first point and the point farthest from it, and simplify both chains.
  let far = 0;
  let best = -1;
  for (let i = 1; i < n; i++) {
    const d = (ring[i * 2] - ring[0]) ** 2 + (ring[i * 2 + 1] - ring[1]) ** 2;
    if (d > best) ((best = d), (far = i));
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = keep[far] = keep[n] = 1;
  const point = (i: number) => (i % n) * 2;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, n],
  ];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = ring[point(a)];
    const ay = ring[point(a) + 1];
    const bx = ring[point(b)];
    const by = ring[point(b) + 1];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((bx - ax) * (ay - ring[point(i) + 1]) - (ax - ring[point(i)]) * (by - ay)) / len;
      if (d > worst) ((worst = d), (at = i));
    }
    if (worst > epsilon) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[i * 2], ring[i * 2 + 1]);
  return out;
}

/**
 * Rings in cells as stored: quantised (`quantum` per design unit, `scale` cells per design unit) and
 * coded like a stroke's points (encodeQuanta); rings left with fewer than three points are dropped.
 */
export function encodeRings(rings: readonly number[][], scale: number, quantum: number): number[][] {
  const out: number[][] = [];
  for (const ring of rings) {
    const quanta: number[] = [];
    for (let i = 0; i < ring.length; i += 2) {
      const x = Math.round((ring[i] / scale) * quantum);
      const y = Math.round((ring[i + 1] / scale) * quantum);
      // A point that rounds onto the one before adds nothing to the ring.
      if (quanta.length && x === quanta[quanta.length - 2] && y === quanta[quanta.length - 1]) continue;
      quanta.push(x, y);
    }
    if (quanta.length >= 6) out.push(encodeQuanta(quanta));
  }
  return out;
}

import { decodeQuanta } from '../../document/points.ts';
import { POINT_QUANTUM, type Mark } from '../../document/types.ts';
import { COVER_CELL, CoverGrid } from './cover-grid.ts';

export { CoverGrid };

// A paint layer's bitmap is only ever shown inside the design areas, and at
// 10,000 strokes they paint those over a hundred times: most strokes end up
// under later ones. A long bake leaves those out (RasterLayer.bake), with the
// same pixels wherever the bitmap shows.

/** Slack for anti-aliasing and for the rasteriser's own approximation of the stroke outline, in pixels. */
const EDGE_SLACK = 1.5;
/** From a cell's centre to its corners, in pixels. */
const HALF_DIAGONAL = (COVER_CELL * Math.SQRT2) / 2;

/**
 * Strokes that `drawSmoothLine` draws: one outline, round caps and joins, so
 * the pixels it touches are those within size / 2 of its centre line.
 */
function smoothLine(mark: Mark): boolean {
  return mark.type === 'stroke' && mark.tool !== 'spray' && (!mark.pressure || mark.tool === 'marker');
}

const OPAQUE = /^#[0-9a-f]{6}$/i;

/** Smooth lines that leave a covered pixel one exact colour: opaque paint, or fully erased. */
function settles(mark: Mark): boolean {
  if (mark.type !== 'stroke') return false;
  return mark.tool === 'eraser' || (mark.tool === 'pencil' && OPAQUE.test(mark.color));
}

/**
 * Leaving marks out pays once the smooth lines would paint the visible cells
 * over about this many times: below it most strokes still show, and settling
 * cells for them costs more than drawing the few hidden ones. Measured on the
 * benchmark's strokes on the roadster's body: 2,000 paint it 29 times over
 * and drawing them all is quicker; at 3,000 (43 times) both take as long; at
 * 10,000 (144 times) 7,000 strokes are left out and the bake takes 0.3 s
 * instead of 0.75 s.
 */
const CULL_MIN_OVERDRAW = 45;

/**
 * Which of `marks[from..to)` still show once all of them are drawn, or
 * undefined when too few are painted over for leaving them out to pay.
 * `unseen` is `CoverGrid.unseen` for the raster; it is not changed.
 */
export function marksToDraw(
  marks: readonly Mark[],
  from: number,
  to: number,
  scale: number,
  unseen: CoverGrid,
): Uint8Array | undefined {
  if (!paintsOver(marks, from, to, scale, unseen.openCells * COVER_CELL * COVER_CELL * CULL_MIN_OVERDRAW))
    return undefined;
  return shownMarks(marks, from, to, scale, unseen.copy());
}

/** Whether the smooth lines' length × width adds up to `area` (square pixels); stops as soon as it does. */
function paintsOver(marks: readonly Mark[], from: number, to: number, scale: number, area: number): boolean {
  const k = scale / POINT_QUANTUM;
  let painted = 0;
  let q = new Float64Array(256);
  for (let i = from; i < to && painted < area; i++) {
    const mark = marks[i];
    if (mark.type !== 'stroke' || !smoothLine(mark)) continue;
    q = decodeQuanta(mark.pts, q);
    let length = 0;
    for (let j = 2; j + 1 < mark.pts.length; j += 2) {
      const dx = q[j] - q[j - 2];
      const dy = q[j + 1] - q[j - 1];
      length += Math.sqrt(dx * dx + dy * dy);
    }
    painted += length * k * mark.size * scale;
  }
  return painted >= area;
}

/**
 * Walks the marks from the last: a smooth line is needed while any cell it
 * touches is unsettled, and a needed opaque one settles the cells it covers
 * completely. Every other kind of mark is always drawn and settles nothing.
 */
function shownMarks(marks: readonly Mark[], from: number, to: number, scale: number, grid: CoverGrid): Uint8Array {
  const draw = new Uint8Array(to - from);
  const line = new CenterLine();
  for (let i = to - 1; i >= from; i--) {
    const mark = marks[i];
    if (mark.type !== 'stroke' || !smoothLine(mark)) {
      draw[i - from] = 1;
      continue;
    }
    const half = (mark.size * scale) / 2;
    const reach = half + EDGE_SLACK + HALF_DIAGONAL;
    // Most painted-over strokes stop here, before their curves are flattened.
    line.bound(mark.pts, scale);
    if (grid.boxSettled(line.x0 - reach, line.y0 - reach, line.x1 + reach, line.y1 + reach)) continue;
    line.trace(scale);
    if (!line.reaches(grid, reach + line.deviation)) continue;
    draw[i - from] = 1;
    const inner = half - EDGE_SLACK - HALF_DIAGONAL - line.deviation;
    if (settles(mark) && inner > 0 && line.drawn) line.settle(grid, inner);
  }
  return draw;
}

/**
 * The centre line of a smooth stroke in raster pixels, as drawSmoothLine
 * builds it (quadratic curves through the midpoints of the stored points),
 * flattened into a polyline that strays at most `deviation` from the curves.
 */
class CenterLine {
  private xy = new Float64Array(256);
  private count = 0;
  /** The stored points decoded (set by `bound`), in quanta, and how many there are. */
  private q = new Float64Array(256);
  private points = 0;
  deviation = 0;
  /** The box around the stored points (set by `bound`): the curves through them stay inside it. */
  x0 = 0;
  y0 = 0;
  x1 = 0;
  y1 = 0;

  bound(pts: readonly number[], scale: number): void {
    const q = (this.q = decodeQuanta(pts, this.q));
    this.points = pts.length >> 1;
    let x0 = q[0];
    let x1 = q[0];
    let y0 = q[1];
    let y1 = q[1];
    for (let i = 2; i < 2 * this.points; i += 2) {
      const x = q[i];
      const y = q[i + 1];
      if (x < x0) x0 = x;
      else if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      else if (y > y1) y1 = y;
    }
    const k = scale / POINT_QUANTUM;
    this.x0 = x0 * k;
    this.y0 = y0 * k;
    this.x1 = x1 * k;
    this.y1 = y1 * k;
  }

  /** Flattens the curves through the points `bound` decoded. */
  trace(scale: number): void {
    const q = this.q;
    const n = this.points;
    const k = scale / POINT_QUANTUM;
    this.count = 0;
    this.deviation = 0;
    this.push(q[0] * k, q[1] * k);
    if (n === 1) return;
    let sx = q[0];
    let sy = q[1];
    for (let i = 1; i < n - 1; i++) {
      const cx = q[i * 2];
      const cy = q[i * 2 + 1];
      const ex = (cx + q[i * 2 + 2]) / 2;
      const ey = (cy + q[i * 2 + 3]) / 2;
      // A quadratic's chords over 1/steps of it stray |s - 2c + e| / (4 steps²) at most.
      const bx = sx - 2 * cx + ex;
      const by = sy - 2 * cy + ey;
      const bend = Math.sqrt(bx * bx + by * by) * k;
      const steps = Math.min(64, Math.max(1, Math.ceil(Math.sqrt(bend))));
      this.deviation = Math.max(this.deviation, bend / (4 * steps * steps));
      for (let j = 1; j <= steps; j++) {
        const t = j / steps;
        const u = 1 - t;
        this.push((u * u * sx + 2 * u * t * cx + t * t * ex) * k, (u * u * sy + 2 * u * t * cy + t * t * ey) * k);
      }
      sx = ex;
      sy = ey;
    }
    this.push(q[(n - 1) * 2] * k, q[(n - 1) * 2 + 1] * k);
  }

  /**
   * Whether the stroke paints the whole width of its line (after `bound`):
   * Canvas 2D prunes a path of several points that never moves, and only a
   * single point is drawn as a dot (drawSmoothLine).
   */
  get drawn(): boolean {
    return this.count === 1 || this.x0 !== this.x1 || this.y0 !== this.y1;
  }

  /** Whether a cell within `r` of the line is unsettled. */
  reaches(grid: CoverGrid, r: number): boolean {
    const xy = this.xy;
    if (this.count === 1) return grid.anyOpen(xy[0], xy[1], xy[0], xy[1], r);
    for (let i = 0; i < this.count - 1; i++) {
      if (grid.anyOpen(xy[i * 2], xy[i * 2 + 1], xy[i * 2 + 2], xy[i * 2 + 3], r)) return true;
    }
    return false;
  }

  settle(grid: CoverGrid, r: number): void {
    const xy = this.xy;
    if (this.count === 1) grid.settle(xy[0], xy[1], xy[0], xy[1], r);
    for (let i = 0; i < this.count - 1; i++) grid.settle(xy[i * 2], xy[i * 2 + 1], xy[i * 2 + 2], xy[i * 2 + 3], r);
  }

  private push(x: number, y: number): void {
    if (this.count * 2 + 2 > this.xy.length) {
      const grown = new Float64Array(this.xy.length * 2);
      grown.set(this.xy);
      this.xy = grown;
    }
    this.xy[this.count * 2] = x;
    this.xy[this.count * 2 + 1] = y;
    this.count++;
  }
}

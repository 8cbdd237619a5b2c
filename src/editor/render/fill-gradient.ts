import { decodeQuanta } from '../../document/points.ts';
import { POINT_QUANTUM, type Fill, type Gradient } from '../../document/types.ts';
import { areaViews } from '../areas.ts';
import { createCanvas } from './surface.ts';

// Gradients for area fills and shapes: loaded before a design that has one is shown (loadFillSupport) and
// with the gradient controls, so the first paint never carries them.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GradientCoords {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  r1: number;
  r2: number;
}

/**
 * Where a gradient runs in a box: a linear one from edge to edge through the centre at its angle (so the box's
 * extreme points take its end colours), a radial one from the centre to the corners.
 */
export function gradientCoords(g: Gradient, box: Box): GradientCoords {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  if (g.type === 'radial') return { x1: cx, y1: cy, x2: cx, y2: cy, r1: 0, r2: Math.hypot(box.width, box.height) / 2 };
  const a = ((g.angle ?? 0) * Math.PI) / 180;
  const dx = Math.cos(a);
  const dy = Math.sin(a);
  const half = (Math.abs(dx) * box.width + Math.abs(dy) * box.height) / 2;
  return { x1: cx - dx * half, y1: cy - dy * half, x2: cx + dx * half, y2: cy + dy * half, r1: 0, r2: 0 };
}

export function canvasGradient(ctx: CanvasRenderingContext2D, g: Gradient, box: Box): CanvasGradient {
  const c = gradientCoords(g, box);
  const gradient =
    g.type === 'radial'
      ? ctx.createRadialGradient(c.x1, c.y1, c.r1, c.x2, c.y2, c.r2)
      : ctx.createLinearGradient(c.x1, c.y1, c.x2, c.y2);
  for (const stop of g.stops) gradient.addColorStop(stop.at, stop.color);
  return gradient;
}

/** A fill's gradient across its region's box (a bucket) or its area's. */
export function fillGradient(ctx: CanvasRenderingContext2D, fill: Fill, area: Path2D): CanvasGradient | string {
  const box = fill.region ? regionBox(fill.region) : areaBox(area);
  return fill.gradient && box ? canvasGradient(ctx, fill.gradient, box) : fill.color;
}

function regionBox(region: readonly number[][]): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of region) {
    const xy = decodeQuanta(ring);
    for (let i = 0; i + 1 < xy.length; i += 2) {
      const [x, y] = [xy[i], xy[i + 1]];
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  const q = POINT_QUANTUM;
  return { x: minX / q, y: minY / q, width: (maxX - minX) / q, height: (maxY - minY) / q };
}

const areaBoxes = new WeakMap<Path2D, Box | undefined>();

/** An area's bounding box in whole design units, found once by drawing it at one pixel per unit. */
function areaBox(path: Path2D): Box | undefined {
  if (areaBoxes.has(path)) return areaBoxes.get(path);
  const view = areaViews.get(path);
  let box: Box | undefined;
  if (view) {
    const canvas = createCanvas(Math.ceil(view.width), Math.ceil(view.height));
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.fill(path);
    const alpha = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 3, p = 0; i < alpha.length; i += 4, p++) {
      if (alpha[i] < 128) continue;
      const x = p % canvas.width;
      const y = (p - x) / canvas.width;
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
    if (maxX >= minX) box = { x: minX, y: minY, width: maxX + 1 - minX, height: maxY + 1 - minY };
  }
  areaBoxes.set(path, box);
  return box;
}

import { decodeQuanta } from '../../document/points.ts';
import { POINT_QUANTUM, type Fill, type Mark, type Stroke } from '../../document/types.ts';
import { drawFill } from './fill.ts';
import { sprayPaint } from './spray/load.ts';

export { mulberry32 } from './spray/random.ts';

/**
 * Draws committed marks with plain Canvas 2D. The same function renders the
 * live preview, bakes paint layers and renders exports, so a stroke looks the
 * same while drawn, after a reload and in a PNG. The context must already be
 * transformed to design units.
 */
export function drawMark(
  ctx: CanvasRenderingContext2D,
  mark: Mark,
  areaPath: (id: string) => Path2D | undefined,
): void {
  if (mark.type === 'fill') {
    drawFill(ctx, mark, areaPath(mark.area));
    return;
  }
  drawStroke(ctx, mark, decodeStrokePoints(mark.pts));
}

/** Points in design units, x/y interleaved. */
export function decodeStrokePoints(pts: readonly number[]): Float64Array {
  const out = decodeQuanta(pts);
  for (let i = 0; i < out.length; i++) out[i] /= POINT_QUANTUM;
  return out;
}

export interface StrokeStyle {
  tool: Stroke['tool'];
  color: string;
  size: number;
  opacity: number;
  pressure?: readonly number[];
  seed?: number;
  density?: number;
  /** Spray: 2 draws paint from a can (spray/paint.ts); absent, the first spray's square dots. */
  style?: Stroke['style'];
  drips?: boolean;
}

/** Draws a stroke from decoded points (design units, interleaved). */
export function drawStroke(ctx: CanvasRenderingContext2D, style: StrokeStyle, xy: ArrayLike<number>): void {
  if (xy.length < 2) return;
  ctx.save();
  ctx.globalCompositeOperation = style.tool === 'eraser' ? 'destination-out' : 'source-over';
  ctx.globalAlpha = style.tool === 'marker' ? style.opacity : 1;
  ctx.fillStyle = ctx.strokeStyle = style.tool === 'eraser' ? '#000' : style.color;
  // The spray's renderers are loaded before anything draws a spray stroke (spray/load.ts).
  if (style.tool === 'spray') sprayPaint()?.drawSpray(ctx, style, xy);
  else if (style.pressure && style.tool !== 'marker') drawPressureLine(ctx, style, xy, style.pressure);
  else drawSmoothLine(ctx, style.size, xy);
  ctx.restore();
}

/** One path, one stroke() call: a translucent marker does not darken where it crosses itself. */
function drawSmoothLine(ctx: CanvasRenderingContext2D, size: number, xy: ArrayLike<number>): void {
  const n = xy.length / 2;
  ctx.lineWidth = size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  if (n === 1) {
    ctx.arc(xy[0], xy[1], size / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.moveTo(xy[0], xy[1]);
  // Quadratic curves through the midpoints, as fabric's PencilBrush smooths.
  for (let i = 1; i < n - 1; i++) {
    const cx = xy[i * 2];
    const cy = xy[i * 2 + 1];
    ctx.quadraticCurveTo(cx, cy, (cx + xy[i * 2 + 2]) / 2, (cy + xy[i * 2 + 3]) / 2);
  }
  ctx.lineTo(xy[(n - 1) * 2], xy[(n - 1) * 2 + 1]);
  ctx.stroke();
}

function drawPressureLine(
  ctx: CanvasRenderingContext2D,
  style: StrokeStyle,
  xy: ArrayLike<number>,
  pressure: readonly number[],
): void {
  const n = xy.length / 2;
  ctx.lineCap = 'round';
  const width = (i: number) => style.size * (0.15 + 0.85 * ((pressure[i] ?? 255) / 255));
  if (n === 1) {
    ctx.beginPath();
    ctx.arc(xy[0], xy[1], width(0) / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  for (let i = 0; i < n - 1; i++) {
    ctx.lineWidth = (width(i) + width(i + 1)) / 2;
    ctx.beginPath();
    ctx.moveTo(xy[i * 2], xy[i * 2 + 1]);
    ctx.lineTo(xy[i * 2 + 2], xy[i * 2 + 3]);
    ctx.stroke();
  }
}

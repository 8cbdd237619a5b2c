import type { Point } from 'fabric/es';
import { SPRAY_STYLE, type Stroke } from '../../../document/types.ts';
import { drawSprayPaint } from '../../render/spray/paint.ts';
import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool, isPen, pressureOf, type Gesture } from '../freehand.ts';
import { ToolId, type ToolContext } from '../types.ts';

/**
 * Samples one stroke may hold: the document's limit on points (DOCUMENT_LIMITS.ptsEntries / 2, over half an
 * hour of holding). Not imported from limits.ts, which would bring the draft checks' chunk along.
 */
export const SPRAY_MAX_SAMPLES = 100_000;

/** How often the nozzle is sampled (50 per second); the renderer lets out the same paint per sample. */
export const SPRAY_SAMPLE_MS = 20;

/**
 * Graffiti spray can (a chunk of its own with its renderer, see spray.ts). While the button is down the
 * nozzle is sampled every SPRAY_SAMPLE_MS, held still or not, and every sample is a stored point: the
 * spacing of the points is the speed, repeated points are the dwell. The renderer lets out the same paint
 * per sample (render/spray/paint.ts), so a reopened design draws exactly what was painted, from the points
 * and the seed.
 */
export class SprayTool extends FreehandTool {
  readonly id = ToolId.Spray;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Where the nozzle is now, and its pen pressure. */
  private nozzle = { x: 0, y: 0, pressure: 128 };
  /** Samples already drawn on the top canvas: the preview draws only new ones. */
  private drawn = 0;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    return {
      tool: 'spray',
      color: ctx.style.color,
      size: ctx.style.size * 3,
      opacity: 1,
      seed,
      density: ctx.style.sprayDensity,
      style: SPRAY_STYLE,
      drips: ctx.style.sprayDrips,
    };
  }

  override down(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    this.stop();
    this.nozzle = { x: p.x, y: p.y, pressure: pressureOf(e) };
    this.drawn = 0;
    ctx.clearTop();
    super.down(ctx, p, e);
    this.timer = setInterval(() => this.sample(ctx), SPRAY_SAMPLE_MS);
  }

  /** Moves only the nozzle: the next sample takes it. */
  override move(ctx: ToolContext, _p: Point, e: PointerEvent | MouseEvent): void {
    if (!this.gesture) return;
    const q = ctx.canvas.getScenePoint(e);
    this.nozzle = { x: q.x, y: q.y, pressure: isPen(e) ? pressureOf(e) : 128 };
  }

  override up(ctx: ToolContext): void {
    this.stop();
    const g = this.gesture;
    // The stroke ends where the button came up, even between two samples.
    if (g && (g.xy.at(-2) !== this.nozzle.x || g.xy.at(-1) !== this.nozzle.y)) this.sample(ctx);
    super.up(ctx);
  }

  override cancel(ctx: ToolContext): void {
    this.stop();
    super.cancel(ctx);
  }

  override deactivate(): void {
    this.stop();
    super.deactivate();
  }

  private sample(ctx: ToolContext): void {
    const g = this.gesture;
    if (!g) return this.stop();
    // The document's limit on points ends the stroke's growth, not the design.
    if (g.xy.length / 2 >= SPRAY_MAX_SAMPLES) return;
    g.xy.push(this.nozzle.x, this.nozzle.y);
    g.pressure?.push(this.nozzle.pressure);
    this.preview(ctx);
  }

  /** Draws only the samples taken since the last frame: the same pixels as drawing all, at a sample's cost. */
  protected override preview(ctx: ToolContext): void {
    const g = this.gesture!;
    const n = g.xy.length / 2;
    const style = { ...g.style, pressure: g.pressure };
    const mirrored = this.mirrorPoints(ctx, g.xy);
    ctx.drawTop((top) => {
      drawSprayPaint(top, style, g.xy, this.drawn, n);
      if (mirrored) drawSprayPaint(top, style, mirrored, this.drawn, n);
    });
    this.drawn = n;
  }

  protected override toStroke(g: Gesture): Stroke {
    const stroke = super.toStroke(g);
    stroke.style = SPRAY_STYLE;
    if (g.style.drips) stroke.drips = true;
    return stroke;
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

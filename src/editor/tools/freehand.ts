import type { Point } from 'fabric/es';
import { encodePoints, simplify } from '../../document/points.ts';
import type { Stroke, StrokeTool } from '../../document/types.ts';
import { drawStroke, type StrokeStyle } from '../render/strokes.ts';
import { mirrorPoints, mirrorStroke } from '../symmetry/mirror.ts';
import type { KeyAct, Tool, ToolContext, ToolId } from './types.ts';

/** Keyboard strokes get a point every this many design units, so spray dots follow the line. */
const KEY_STROKE_STEP = 4;

/** How far (design units) a simplified stroke may stray from the drawn one. */
// 0.6 units is under 0.8 px in a 2048 px export, and keeps 10,000 strokes under 1.2 MB gzipped (issue 6);
// test/editor/pixel-equivalence.test.ts holds the pixels to it.
export const SIMPLIFY_TOLERANCE = 0.6;

export interface Gesture {
  xy: number[];
  pressure: number[] | undefined;
  style: StrokeStyle;
}

/**
 * Shared state machine of the free-hand tools (idle → drawing → idle). The
 * live stroke is drawn on fabric's top canvas with the same renderer that
 * bakes it, and the whole gesture is committed as one undo step.
 */
export abstract class FreehandTool implements Tool {
  abstract readonly id: ToolId & StrokeTool;
  readonly cursor = 'crosshair';
  protected gesture: Gesture | undefined;
  /** Keyboard: the first end of a straight stroke, waiting for the second. */
  private anchor: { x: number; y: number } | undefined;

  protected abstract styleFor(ctx: ToolContext): StrokeStyle;

  down(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    const pen = isPen(e);
    this.gesture = { xy: [p.x, p.y], pressure: pen ? [pressureOf(e)] : undefined, style: this.styleFor(ctx) };
    this.preview(ctx);
  }

  move(ctx: ToolContext, _p: Point, e: PointerEvent | MouseEvent): void {
    const g = this.gesture;
    if (!g) return;
    // Coalesced events keep fast strokes smooth when frames are slower than input.
    const events = 'getCoalescedEvents' in e && e.getCoalescedEvents().length ? e.getCoalescedEvents() : [e];
    for (const ev of events) {
      const q = ctx.canvas.getScenePoint(ev);
      const n = g.xy.length;
      if (Math.abs(q.x - g.xy[n - 2]) + Math.abs(q.y - g.xy[n - 1]) < 0.25) continue;
      g.xy.push(q.x, q.y);
      g.pressure?.push(pressureOf(ev));
    }
    this.preview(ctx);
  }

  up(ctx: ToolContext): void {
    const g = this.gesture;
    this.gesture = undefined;
    this.endPreview(ctx);
    if (!g) return;
    const stroke = this.toStroke(g);
    const ops = this.opsFor(ctx, stroke);
    if (ops) ctx.commit(ops);
  }

  cancel(ctx: ToolContext): void {
    this.gesture = undefined;
    this.anchor = undefined;
    this.endPreview(ctx);
  }

  deactivate(): void {
    this.anchor = undefined;
  }

  /** Keyboard: the first act sets one end, the second draws a straight stroke to it, as one undo step. */
  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    const a = this.anchor;
    if (!a) {
      this.anchor = { x: p.x, y: p.y };
      ctx.notice('line-started');
      return 'anchored';
    }
    this.anchor = undefined;
    const steps = Math.max(1, Math.ceil(Math.hypot(p.x - a.x, p.y - a.y) / KEY_STROKE_STEP));
    const xy: number[] = [];
    for (let i = 0; i <= steps; i++) xy.push(a.x + ((p.x - a.x) * i) / steps, a.y + ((p.y - a.y) * i) / steps);
    const ops = this.opsFor(ctx, this.toStroke({ xy, pressure: undefined, style: this.styleFor(ctx) }));
    if (!ops?.length) return 'nothing';
    ctx.commit(ops);
    return 'done';
  }

  /** The waiting end of a keyboard stroke, if any (the cursor shows it). */
  get anchored(): { x: number; y: number } | undefined {
    return this.anchor;
  }

  /** The ops that record this stroke (and its mirror image); undefined when there is nowhere to draw. */
  protected opsFor(ctx: ToolContext, stroke: Stroke) {
    const target = ctx.paintTarget();
    if (!target) return undefined;
    const push = (mark: Stroke) => ({ op: 'push-mark' as const, view: ctx.viewId, layer: target.layer, mark });
    return [...target.ops, ...this.withMirror(ctx, stroke).map(push)];
  }

  /** The stroke, and with the mirror on its mirror image too: both go into the same undo step. */
  protected withMirror(ctx: ToolContext, stroke: Stroke): Stroke[] {
    return ctx.mirror ? [stroke, mirrorStroke(stroke, ctx.mirror)] : [stroke];
  }

  /** The gesture's points mirrored, while the mirror is on: the preview shows both halves as they are painted. */
  protected mirrorPoints(ctx: ToolContext, xy: ArrayLike<number>): number[] | undefined {
    return ctx.mirror ? mirrorPoints(xy, ctx.mirror) : undefined;
  }

  protected preview(ctx: ToolContext): void {
    const g = this.gesture!;
    const style = { ...g.style, pressure: g.pressure };
    const mirrored = this.mirrorPoints(ctx, g.xy);
    ctx.clearTop();
    ctx.drawTop((top) => {
      drawStroke(top, style, g.xy);
      if (mirrored) drawStroke(top, style, mirrored);
    });
  }

  protected endPreview(ctx: ToolContext): void {
    ctx.clearTop();
  }

  /** Simplification happens here, at commit, so the document holds exactly what is drawn. */
  protected toStroke(g: Gesture): Stroke {
    const pts: { x: number; y: number }[] = [];
    for (let i = 0; i < g.xy.length; i += 2) pts.push({ x: g.xy[i], y: g.xy[i + 1] });
    // Spray dots and pen pressure follow every input point; only plain lines are simplified.
    const kept = g.style.tool === 'spray' || g.pressure ? pts : simplify(pts, SIMPLIFY_TOLERANCE);
    const { style } = g;
    const stroke: Stroke = {
      type: 'stroke',
      tool: style.tool,
      color: style.color,
      size: style.size,
      opacity: style.opacity,
      pts: encodePoints(kept),
    };
    if (g.pressure) stroke.pressure = g.pressure.map((p) => Math.round(p));
    if (style.tool === 'spray') {
      stroke.seed = style.seed;
      stroke.density = style.density;
    }
    return stroke;
  }
}

export function isPen(e: PointerEvent | MouseEvent): e is PointerEvent {
  return 'pointerType' in e && e.pointerType === 'pen';
}

export function pressureOf(e: PointerEvent | MouseEvent): number {
  const p = 'pressure' in e && e.pressure > 0 ? e.pressure : 0.5;
  return Math.max(0, Math.min(255, Math.round(p * 255)));
}

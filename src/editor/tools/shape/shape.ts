import type { FabricObject, Point } from 'fabric/es';
import type { ShapeObject } from '../../../document/types.ts';
import { createFabricObject, loadObjectClasses, objectClassesLoaded, whenLoaded } from '../../render/objects.ts';
import { ToolId, type BrushStyle, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/** A tap places a shape of the default size; a drag sizes it. */
export const DEFAULT_SHAPE_SIZE = 160;
const MIN_DRAG = 6;

/** Rectangle, ellipse, line, star or polygon, dragged out from a corner. */
export class ShapeTool implements Tool {
  readonly id = ToolId.Shape;
  readonly cursor = 'crosshair';
  private start: Point | undefined;
  private preview: FabricObject | undefined;
  /** Bumped to drop a placement still waiting for the shapes chunk. */
  private generation = 0;

  // fabric's shape classes load when the tool is chosen; until they arrive a
  // drag shows no preview, and the shape is placed when they do.
  activate(): void {
    loadObjectClasses('shape').catch(() => undefined);
  }

  deactivate(): void {
    this.generation++;
  }

  down(ctx: ToolContext, p: Point): void {
    this.start = p;
  }

  move(ctx: ToolContext, p: Point): void {
    if (!this.start || !objectClassesLoaded('shape')) return;
    const shape = shapeFromDrag(ctx.style, this.start, p);
    if (!shape) return;
    if (this.preview) ctx.canvas.remove(this.preview);
    this.preview = createFabricObject(shape, { image: () => undefined });
    this.preview.set({ selectable: false, evented: false, opacity: 0.7 });
    ctx.canvas.add(this.preview);
    ctx.canvas.requestRenderAll();
  }

  up(ctx: ToolContext, p: Point): void {
    const start = this.start;
    this.cancel(ctx);
    if (!start) return;
    const shape =
      shapeFromDrag(ctx.style, start, p) ?? shapeAt(ctx.style, p.x, p.y, DEFAULT_SHAPE_SIZE, DEFAULT_SHAPE_SIZE);
    const generation = ++this.generation;
    whenLoaded(
      'shape',
      () => ctx.place(shape),
      () => generation === this.generation,
    );
  }

  /** Keyboard: a shape of the default size centred on the cursor. */
  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    const shape = shapeAt(ctx.style, p.x, p.y, DEFAULT_SHAPE_SIZE, DEFAULT_SHAPE_SIZE);
    const generation = ++this.generation;
    whenLoaded(
      'shape',
      () => ctx.place(shape),
      () => generation === this.generation,
    );
    return 'done';
  }

  cancel(ctx: ToolContext): void {
    this.start = undefined;
    if (this.preview) ctx.canvas.remove(this.preview);
    this.preview = undefined;
    ctx.canvas.requestRenderAll();
  }
}

function shapeFromDrag(style: BrushStyle, a: Point, b: Point): ShapeObject | undefined {
  const w = Math.abs(b.x - a.x);
  const h = Math.abs(b.y - a.y);
  if (Math.max(w, h) < MIN_DRAG) return undefined;
  if (style.shape === 'line') {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const shape = shapeAt(style, (a.x + b.x) / 2, (a.y + b.y) / 2, length, 0);
    return { ...shape, angle: (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI };
  }
  return shapeAt(style, (a.x + b.x) / 2, (a.y + b.y) / 2, Math.max(w, 1), Math.max(h, 1));
}

/** A shape in the current style, centred on a point (also used from the keyboard). */
export function shapeAt(style: BrushStyle, x: number, y: number, width: number, height: number): ShapeObject {
  const filled = style.shapeFilled && style.shape !== 'line';
  const shape: ShapeObject = {
    type: 'shape',
    shape: style.shape,
    width: Math.round(width * 100) / 100,
    height: style.shape === 'line' ? 0 : Math.round(height * 100) / 100,
    fill: filled ? style.color : null,
    stroke: filled ? null : style.color,
    strokeWidth: filled ? 0 : Math.max(1, style.size),
    x: Math.round(x * 100) / 100,
    y: Math.round(y * 100) / 100,
    scaleX: 1,
    scaleY: 1,
    angle: 0,
  };
  if (filled && style.gradient) ((shape.fill = style.gradient.stops[0].color), (shape.fillGradient = style.gradient));
  if (style.shape === 'star') shape.sides = 5;
  if (style.shape === 'polygon') shape.sides = 6;
  return shape;
}

export const shapeTool: ToolDefinition = {
  id: 'shape',
  key: 'r',
  icon: 'M3 14h8v7H3z M17 3l4 7h-8z M17 14a3.5 3.5 0 1 0 .01 0',
  options: ['color', 'size', 'shape', 'gradient'],
  create: () => new ShapeTool(),
};

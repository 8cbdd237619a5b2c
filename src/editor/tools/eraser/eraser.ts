import type { Point } from 'fabric/es';
import type { Stroke } from '../../../document/types.ts';
import type { RasterLayer } from '../../render/raster-layer.ts';
import { drawStroke, type StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type KeyAct, type ToolContext, type ToolDefinition } from '../types.ts';

/**
 * Rubs out the customer's paint, never the product: it erases from every
 * unlocked, visible paint layer of the view, live, and is one undo step.
 */
export class EraserTool extends FreehandTool {
  readonly id = ToolId.Eraser;
  private targets: { raster: RasterLayer; before: ImageData }[] = [];

  protected styleFor(ctx: ToolContext): StrokeStyle {
    return { tool: 'eraser', color: '#000000', size: ctx.style.size * 2, opacity: 1 };
  }

  override down(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    const layers = ctx.erasableLayers();
    if (layers.length === 0) {
      ctx.notice('no-paint-layer');
      return;
    }
    this.targets = layers.flatMap((l) => {
      const raster = ctx.scene.raster(l.id);
      return raster ? [{ raster, before: raster.snapshot() }] : [];
    });
    super.down(ctx, p, e);
  }

  override act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    if (ctx.erasableLayers().length > 0) return super.act(ctx, p);
    ctx.notice('no-paint-layer');
    return 'nothing';
  }

  protected override opsFor(ctx: ToolContext, stroke: Stroke) {
    const marks = this.withMirror(ctx, stroke);
    return ctx
      .erasableLayers()
      .flatMap((l) => marks.map((mark) => ({ op: 'push-mark' as const, view: ctx.viewId, layer: l.id, mark })));
  }

  /** Erases straight into the layer bitmaps, from a snapshot each frame, so the preview is exact. */
  protected override preview(ctx: ToolContext): void {
    const g = this.gesture!;
    const style = { ...g.style, pressure: g.pressure };
    const mirrored = this.mirrorPoints(ctx, g.xy);
    for (const t of this.targets) {
      t.raster.restore(t.before);
      t.raster.drawLive((c) => {
        drawStroke(c, style, g.xy);
        if (mirrored) drawStroke(c, style, mirrored);
      });
    }
    ctx.canvas.requestRenderAll();
  }

  /** Puts the bitmaps back; the committed stroke is then baked from the document. */
  protected override endPreview(ctx: ToolContext): void {
    for (const t of this.targets) t.raster.restore(t.before);
    this.targets = [];
    ctx.canvas.requestRenderAll();
  }
}

export const eraserTool: ToolDefinition = {
  id: 'eraser',
  key: 'e',
  icon: 'M4 16l9-11 7 6-8 10H8z M9 10l6 6 M12 21h8',
  options: ['size', 'mirror'],
  create: () => new EraserTool(),
};

import type { StudioCanvas } from '../render/studio-canvas.ts';
import type { Guide } from './geometry.ts';

/** Magenta: seen on light and dark paint alike, and on none of the templates' art. */
const GUIDE_COLOUR = '#ff00c8';

/**
 * Draws the guides on fabric's top canvas, after fabric has drawn the
 * design: one screen pixel wide at any zoom, never part of an export. The
 * top canvas is marked dirty so fabric clears it on its next render.
 */
export function drawGuides(canvas: StudioCanvas, guides: readonly Guide[]): void {
  const ctx = canvas.contextTop;
  canvas.clearContext(ctx);
  ctx.save();
  ctx.transform(...canvas.viewportTransform);
  const px = 1 / (canvas.getZoom() || 1);
  ctx.lineWidth = 1.5 * px;
  ctx.strokeStyle = GUIDE_COLOUR;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.beginPath();
  for (const g of guides) {
    ctx.moveTo(g.x1, g.y1);
    ctx.lineTo(g.x2, g.y2);
  }
  ctx.stroke();
  ctx.restore();
  canvas.contextTopDirty = true;
}

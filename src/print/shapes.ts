import type { ShapeObject } from '../document/types.ts';
import { canvasGradient } from '../editor/render/fill-gradient.ts';
import { regularPolygon, starPoints } from '../editor/render/shape-outline.ts';
import { createPath } from '../editor/render/surface.ts';

/**
 * Draws a shape as fabric shows it in the studio (tools/shape/shape-objects.ts): centred on (x, y), turned by
 * `angle`, scaled with its stroke (fabric's default, strokeUniform off), the fill under the stroke. The context is
 * in design units; everything it draws is a vector path.
 */
export function drawShape(ctx: CanvasRenderingContext2D, s: ShapeObject): void {
  ctx.save();
  ctx.translate(s.x, s.y);
  ctx.rotate((s.angle * Math.PI) / 180);
  ctx.scale(s.scaleX, s.scaleY);
  if (s.shape === 'line') drawLine(ctx, s);
  else {
    const { path, box } = outline(s);
    if (s.fill) {
      // fabric runs a shape's gradient in its own box, from the box's top-left corner.
      ctx.fillStyle = s.fillGradient ? canvasGradient(ctx, s.fillGradient, box) : s.fill;
      ctx.fill(path);
    }
    if (s.stroke && s.strokeWidth > 0) {
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = s.strokeWidth;
      ctx.lineJoin = 'miter';
      ctx.miterLimit = 4;
      ctx.stroke(path);
    }
  }
  ctx.restore();
}

/** A line is `width` long along its angle, with round ends; fabric strokes it in the stroke or else fill colour. */
function drawLine(ctx: CanvasRenderingContext2D, s: ShapeObject): void {
  ctx.strokeStyle = s.stroke ?? s.fill ?? '#000000';
  ctx.lineWidth = s.strokeWidth;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(-s.width / 2, 0);
  ctx.lineTo(s.width / 2, 0);
  ctx.stroke();
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function outline(s: ShapeObject): { path: Path2D; box: Box } {
  const ctxPath = createPath();
  if (s.shape === 'rect') {
    ctxPath.rect(-s.width / 2, -s.height / 2, s.width, s.height);
    return { path: ctxPath, box: { x: -s.width / 2, y: -s.height / 2, width: s.width, height: s.height } };
  }
  if (s.shape === 'ellipse') {
    ctxPath.ellipse(0, 0, s.width / 2, s.height / 2, 0, 0, Math.PI * 2);
    return { path: ctxPath, box: { x: -s.width / 2, y: -s.height / 2, width: s.width, height: s.height } };
  }
  const points =
    s.shape === 'star' ? starPoints(s.width, s.height, s.sides ?? 5) : regularPolygon(s.width, s.height, s.sides ?? 6);
  // fabric centres a polygon's bounding box on its position (a star's is not centred on its own middle).
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const box = { x: Math.min(...xs), y: Math.min(...ys), width: 0, height: 0 };
  box.width = Math.max(...xs) - box.x;
  box.height = Math.max(...ys) - box.y;
  const dx = box.x + box.width / 2;
  const dy = box.y + box.height / 2;
  points.forEach((p, i) => (i === 0 ? ctxPath.moveTo(p.x - dx, p.y - dy) : ctxPath.lineTo(p.x - dx, p.y - dy)));
  ctxPath.closePath();
  return { path: ctxPath, box: { ...box, x: box.x - dx, y: box.y - dy } };
}

import { decodeQuanta } from '../../document/points.ts';
import { POINT_QUANTUM, type DesignDocument, type Fill } from '../../document/types.ts';
import { createPath } from './surface.ts';

// Gradient fills draw with a chunk of their own (fill-gradient.ts); until it is loaded a fill shows its colour.
let gradients: typeof import('./fill-gradient.ts') | undefined;

/** Loads what gradient fills and shapes draw with (the gradient controls and `loadFillSupport` call it). */
export async function loadGradients(): Promise<void> {
  gradients ??= await import('./fill-gradient.ts');
}

/** Before a design is shown: loads the gradients' code if any fill or shape of it has one. */
export async function loadFillSupport(doc: Pick<DesignDocument, 'views'>): Promise<void> {
  const some = doc.views.some((v) =>
    v.layers.some((l) =>
      l.kind === 'paint' ? l.marks.some((m) => m.type === 'fill' && m.gradient) : 'fillGradient' in l.object,
    ),
  );
  if (some) await loadGradients();
}

// A region's path, built once per stored array (marks are never changed in place).
const regionPaths = new WeakMap<readonly number[][], Path2D>();

/** A bucket fill's region as one path in design units (rings decoded as stroke points are). */
export function regionPath(region: readonly number[][]): Path2D {
  let path = regionPaths.get(region);
  if (path) return path;
  path = createPath();
  for (const ring of region) {
    const xy = decodeQuanta(ring);
    for (let i = 0; i + 1 < xy.length; i += 2) {
      if (i === 0) path.moveTo(xy[i] / POINT_QUANTUM, xy[i + 1] / POINT_QUANTUM);
      else path.lineTo(xy[i] / POINT_QUANTUM, xy[i + 1] / POINT_QUANTUM);
    }
    path.closePath();
  }
  regionPaths.set(region, path);
  return path;
}

/**
 * Draws a fill inside its area: over the layer's paint, under it (a base coat fills only what is still
 * transparent, so strokes keep their colour), or only its flooded region. The context is in design units.
 */
export function drawFill(ctx: CanvasRenderingContext2D, fill: Fill, area: Path2D | undefined): void {
  if (!area) return;
  ctx.save();
  ctx.globalCompositeOperation = fill.under ? 'destination-over' : 'source-over';
  ctx.fillStyle = fill.gradient && gradients ? gradients.fillGradient(ctx, fill, area) : fill.color;
  if (fill.region) {
    ctx.clip(area);
    ctx.fill(regionPath(fill.region), 'evenodd');
  } else {
    ctx.fill(area);
  }
  ctx.restore();
}

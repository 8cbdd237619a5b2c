import { DOCUMENT_LIMITS } from '../../../document/limits.ts';
import { POINT_QUANTUM, type Fill, type Mark } from '../../../document/types.ts';
import type { ViewAreas } from '../../areas.ts';
import type { Op } from '../../history/ops.ts';
import { bakedRaster } from '../../render/paint-support.ts';
import { RASTER_LONG_SIDE } from '../../render/raster-layer.ts';
import { drawMark } from '../../render/strokes.ts';
import type { ToolContext } from '../types.ts';
import { encodeRings, floodMask, grow, simplifyRing, traceRings, type FloodGrid } from './flood.ts';

/** How far a staircase of cells may be straightened, in cells. */
const SIMPLIFY = 0.75;

/** Floods the region tapped in the target layer and commits it as one fill mark, or says there is none. */
export function bucketFill(
  ctx: ToolContext,
  target: { layer: string; ops: Op[] },
  area: string,
  x: number,
  y: number,
): void {
  const layer = ctx.view().layers.find((l) => l.id === target.layer);
  const marks = layer?.kind === 'paint' ? layer.marks : [];
  const tolerance = Math.round((Math.min(100, Math.max(0, ctx.style.fillTolerance)) * 255) / 100);
  const region = floodRegion(ctx.areas, area, marks, { x, y }, tolerance);
  if (!region) return ctx.notice('flood-failed');
  const { gradient } = ctx.style;
  const color = gradient?.stops[0].color ?? ctx.style.color;
  const mark: Fill = { type: 'fill', area, color, region, ...(gradient && { gradient }) };
  ctx.commit([...target.ops, { op: 'push-mark', view: ctx.viewId, layer: target.layer, mark }]);
}

/**
 * The region a bucket tap at (x, y) floods, as stored in a fill mark, or undefined when nothing matches.
 * It is computed on the paint layer's own pixels at its raster's resolution (fixed per view, in design units),
 * bounded by that layer's paint and by the area's edge; other layers, objects and the product art do not bound it.
 */
export function floodRegion(
  areas: ViewAreas,
  area: string,
  marks: readonly Mark[],
  at: { x: number; y: number },
  tolerance: number,
): number[][] | undefined {
  const { view } = areas;
  const scale = RASTER_LONG_SIDE / Math.max(view.width, view.height);
  const grid = floodGrid(areas, area, marks, scale);
  if (!grid) return undefined;
  const mask = floodMask(grid, Math.floor(at.x * scale), Math.floor(at.y * scale), tolerance);
  if (!mask.includes(1)) return undefined;
  const rings = traceRings(grow(mask, grid.width, grid.height), grid.width, grid.height);
  // A very ragged region is straightened harder rather than refused, until it fits the document's limits.
  for (let epsilon = SIMPLIFY; epsilon <= SIMPLIFY * 16; epsilon *= 2) {
    const region = encodeRings(
      rings.map((r) => simplifyRing(r, epsilon)),
      scale,
      POINT_QUANTUM,
    );
    const entries = region.reduce((n, r) => n + r.length, 0);
    if (region.length && region.length <= DOCUMENT_LIMITS.regionRings && entries <= DOCUMENT_LIMITS.regionEntries)
      return region;
  }
  return undefined;
}

function floodGrid(areas: ViewAreas, area: string, marks: readonly Mark[], scale: number): FloodGrid | undefined {
  const path = areas.path(area);
  if (!path) return undefined;
  const width = Math.round(areas.view.width * scale);
  const height = Math.round(areas.view.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  // The layer's bitmap as the editor baked it, or the same drawn anew (a layer no raster holds yet).
  const baked = bakedRaster(marks, scale);
  if (baked) ctx.drawImage(baked, 0, 0);
  else {
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    for (const mark of marks) drawMark(ctx, mark, (id) => areas.path(id));
  }
  const paint = ctx.getImageData(0, 0, width, height).data;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = '#000';
  ctx.fill(path);
  const inside = ctx.getImageData(0, 0, width, height).data;
  return { width, height, paint, area: inside };
}

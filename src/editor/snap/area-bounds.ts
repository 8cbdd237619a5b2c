import type { ViewAreas } from '../areas.ts';
import type { Box } from './geometry.ts';

const cache = new WeakMap<ViewAreas, Box[]>();

/**
 * The bounding box of each design area of a view. A Path2D cannot be asked
 * for its bounds, so each area is filled once on a scratch canvas of the
 * view's size and its pixels are scanned (a few milliseconds, once per view).
 */
export function areaBoxes(areas: ViewAreas): Box[] {
  let boxes = cache.get(areas);
  if (!boxes) {
    boxes = areas.view.areas.flatMap((a) => {
      const path = areas.path(a.id);
      const box = path ? boundsOf(path, areas.view.width, areas.view.height) : undefined;
      return box ? [box] : [];
    });
    cache.set(areas, boxes);
  }
  return boxes;
}

function boundsOf(path: Path2D, width: number, height: number): Box | undefined {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.fill(path);
  const data = ctx.getImageData(0, 0, w, h).data;
  let left = w;
  let right = -1;
  let top = h;
  let bottom = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w * 4;
    for (let x = 0; x < w; x++) {
      if (data[row + x * 4 + 3] < 128) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  return right < 0 ? undefined : { left, top, right: right + 1, bottom: bottom + 1 };
}

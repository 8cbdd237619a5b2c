import type { TemplateView } from '../../src/template/types.ts';
import type { Pt } from './studio.ts';

/**
 * Points picked from a view's real geometry, so tests do not hard-code
 * coordinates that break when the artwork changes.
 */
export function geometry(view: TemplateView) {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const areas = view.areas.map((a) => new Path2D(a.path));
  const inArea = (x: number, y: number) => areas.some((p) => ctx.isPointInPath(p, x, y));
  const clearOf = (x: number, y: number, r: number) =>
    [0, 1, 2, 3, 4, 5, 6, 7].every((k) => inArea(x + Math.cos((k * Math.PI) / 4) * r, y + Math.sin((k * Math.PI) / 4) * r));
  const locked = (x: number, y: number, r: number) => (view.locked ?? []).some((l) => x + r > l.x && x - r < l.x + l.width && y + r > l.y && y - r < l.y + l.height);
  /** Points well inside the areas (at least r from any edge), left to right. */
  const interior = (r: number): Pt[] => {
    const found: Pt[] = [];
    for (let y = r; y < view.height - r; y += Math.max(4, r / 2)) {
      for (let x = r; x < view.width - r; x += Math.max(4, r / 2)) {
        if (clearOf(x, y, r) && inArea(x, y) && !locked(x, y, r)) found.push([x, y]);
      }
    }
    if (found.length === 0) throw new Error(`No interior point with margin ${r} in view ${view.id}`);
    return found.sort((a, b) => a[0] - b[0]);
  };
  /** A point straight above (smaller y) an inside point that is outside every area. */
  const outsideAbove = ([x, y]: Pt): Pt => {
    for (let yy = y; yy > 0; yy -= 4) if (!inArea(x, yy) && !inArea(x, yy - 20)) return [x, yy - 20];
    return [x, 2];
  };
  const centre = (r: number): Pt => {
    const pts = interior(r);
    return pts[Math.floor(pts.length / 2)];
  };
  return { inArea, interior, outsideAbove, centre };
}

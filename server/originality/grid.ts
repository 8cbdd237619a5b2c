import type { TemplateView } from '../../src/template/types.ts';
import { insidePolygons, pathPolygons } from './path.ts';

/** Cells on a view's long side: each cell is under 1 % of it, and a view costs at most 160² point tests. */
export const GRID_CELLS = 160;

/** A view's design areas sampled on a grid: the centres of the cells inside any area, in view units. */
export interface AreaGrid {
  /** x, y of each inside cell's centre. */
  centres: Float64Array;
  /** The surface one cell stands for, in square view units. */
  cellArea: number;
}

const grids = new WeakMap<TemplateView, AreaGrid>();

/** Computed once per template view (templates are cached by the lookup), a few milliseconds each. */
export function areaGrid(view: TemplateView): AreaGrid {
  let grid = grids.get(view);
  if (grid) return grid;
  const polygons = view.areas.flatMap((a) => pathPolygons(a.path));
  const step = Math.max(view.width, view.height) / GRID_CELLS;
  const cols = Math.ceil(view.width / step);
  const rows = Math.ceil(view.height / step);
  const inside: number[] = [];
  for (let row = 0; row < rows; row++) {
    const y = (row + 0.5) * step;
    for (let col = 0; col < cols; col++) {
      const x = (col + 0.5) * step;
      if (insidePolygons(polygons, x, y)) inside.push(x, y);
    }
  }
  grid = { centres: Float64Array.from(inside), cellArea: step * step };
  grids.set(view, grid);
  return grid;
}

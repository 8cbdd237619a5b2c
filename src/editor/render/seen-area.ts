/**
 * How far beyond the design areas' clip a paint layer's raster may still
 * show: everything that shows the raster draws it inside that clip, and a
 * 160 px thumbnail samples about 13 raster pixels beyond its anti-aliased
 * edge. Farther out, nothing of the raster is ever seen.
 */
export const SHOWN_BEYOND_CLIP = 32;
/** Raster pixels per side of a cell: coarse, as finding the cells is on the way to a reopened draft's first frame. */
export const SEEN_CELL = 4;

/**
 * The part of a raster that may show, in cells of SEEN_CELL × SEEN_CELL
 * pixels: the design areas widened by SHOWN_BEYOND_CLIP.
 */
export interface SeenArea {
  cols: number;
  rows: number;
  /** 1 for each cell, row by row, that may show. */
  seen: Uint8Array;
  /**
   * Those cells as a clip of whole pixels. Strokes are drawn inside it: less
   * to rasterise, and kept bitmaps a third of an unclipped one's size (0.6 MB
   * at 2,000 strokes; 0.44 MB clipped to the areas themselves). Skia renders
   * a stroke inside a clip a little differently from one without (up to 47
   * levels on its edges), so all that must give the same pixels draws inside
   * this same clip.
   */
  clip: Path2D;
}

// Per view's areas, the last few sizes asked for: the rasters' own, and an export's at another size.
const byAreas = new WeakMap<Path2D, Map<string, SeenArea>>();
const SIZES_KEPT = 3;

/** The seen area of a raster of width × height pixels at `scale` (pixels per design unit). */
export function seenArea(width: number, height: number, scale: number, areas: Path2D): SeenArea {
  const key = `${width}x${height}@${scale}`;
  let sizes = byAreas.get(areas);
  if (!sizes) byAreas.set(areas, (sizes = new Map()));
  let area = sizes.get(key);
  if (!area) {
    area = measure(width, height, scale, areas);
    if (sizes.size >= SIZES_KEPT) sizes.delete(sizes.keys().next().value!);
    sizes.set(key, area);
  }
  return area;
}

function measure(width: number, height: number, scale: number, areas: Path2D): SeenArea {
  const mask = document.createElement('canvas');
  const cols = (mask.width = Math.ceil(width / SEEN_CELL));
  const rows = (mask.height = Math.ceil(height / SEEN_CELL));
  const ctx = mask.getContext('2d', { willReadFrequently: true })!;
  const s = scale / SEEN_CELL;
  ctx.setTransform(s, 0, 0, s, 0, 0);
  ctx.fill(areas);
  ctx.lineWidth = (2 * SHOWN_BEYOND_CLIP) / scale;
  ctx.lineJoin = 'round';
  ctx.stroke(areas);
  const alpha = ctx.getImageData(0, 0, cols, rows).data;
  const seen = new Uint8Array(cols * rows);
  const clip = new Path2D();
  for (let row = 0; row < rows; row++) {
    let col = 0;
    while (col < cols) {
      // Even a sliver of the widened areas makes a cell seen.
      while (col < cols && alpha[(row * cols + col) * 4 + 3] === 0) col++;
      const first = col;
      while (col < cols && alpha[(row * cols + col) * 4 + 3] !== 0) seen[row * cols + col++] = 1;
      if (col > first) clip.rect(first * SEEN_CELL, row * SEEN_CELL, (col - first) * SEEN_CELL, SEEN_CELL);
    }
  }
  return { cols, rows, seen, clip };
}

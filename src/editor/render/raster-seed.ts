import type { DesignDocument, Mark } from '../../document/types.ts';
import type { RasterLayer } from './raster-layer.ts';

/**
 * A paint layer's baked bitmap kept with a draft, so reopening a design of
 * thousands of strokes shows one image instead of rasterising every stroke
 * again (the software rasteriser takes seconds for 10,000). It is a cache:
 * used only when its size and the fingerprint of the marks it holds match
 * the design exactly; marks after `baked` are drawn on top as usual.
 */
export interface RasterSeed {
  layer: string;
  /** How many of the layer's marks, in order, the bitmap holds. */
  baked: number;
  /** `marksFingerprint(marks, baked)` when the bitmap was taken. */
  fingerprint: string;
  bitmap: ImageBitmap;
}

/** What the editor hands out to be kept: the bitmap as a canvas, taken now. */
export interface RasterSnapshot {
  view: string;
  layer: string;
  baked: number;
  fingerprint: string;
  width: number;
  height: number;
  canvas: HTMLCanvasElement;
}

/**
 * A fingerprint of the first `count` marks: two 32-bit FNV-1a hashes over
 * every field that changes pixels. Cheap (a few ms at 10,000 strokes) and
 * not security: a hostile record only ever changes what its own draft shows.
 */
export function marksFingerprint(marks: readonly Mark[], count: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ count;
  const num = (v: number) => {
    a = Math.imul(a ^ (v | 0), 0x01000193);
    b = Math.imul(b ^ ((v * 1000) | 0), 0x5bd1e995);
  };
  const str = (s: string) => {
    for (let i = 0; i < s.length; i++) num(s.charCodeAt(i));
    num(-1);
  };
  for (let m = 0; m < count && m < marks.length; m++) {
    const mark = marks[m];
    str(mark.type);
    if (mark.type === 'fill') {
      str(mark.area);
      str(mark.color);
      continue;
    }
    str(mark.tool);
    str(mark.color);
    num(mark.size);
    num(mark.opacity);
    num(mark.seed ?? -1);
    num(mark.density ?? -1);
    for (const v of mark.pts) num(v);
    num(-2);
    if (mark.pressure) for (const v of mark.pressure) num(v);
    num(-3);
  }
  return `${count}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/**
 * A design handed to the editor to keep (parsed or restored for it, held by
 * no one else, so it is not copied), with bitmaps kept with its draft.
 */
export interface KeptDesign {
  handOver: true;
  seeds?: readonly RasterSeed[];
}

/** Snapshots of the baked rasters, each with the view and fingerprint of the marks it holds. */
export function snapshotRasters(design: DesignDocument, rasters: Map<string, RasterLayer>): RasterSnapshot[] {
  const out: RasterSnapshot[] = [];
  for (const view of design.views) {
    for (const layer of view.layers) {
      const raster = layer.kind === 'paint' ? rasters.get(layer.id) : undefined;
      if (!raster || layer.kind !== 'paint' || raster.baked > layer.marks.length) continue;
      const { width, height } = raster.raster;
      out.push({ view: view.view, layer: layer.id, baked: raster.baked, fingerprint: marksFingerprint(layer.marks, raster.baked), width, height, canvas: raster.raster });
    }
  }
  return out;
}

import type { DesignDocument, Fill, Mark, Stroke } from '../../document/types.ts';
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
 * What a kept bitmap holds, part of every fingerprint so that bitmaps of an
 * older kind stop matching and are baked again: 2 since rasters are no
 * longer clipped to the design areas (RasterLayer).
 */
const RASTER_KIND = 2;

/**
 * A fingerprint of the first `count` marks: two 32-bit hashes over every
 * field that changes pixels. Cheap (one tight loop over the points) and not
 * security: a hostile record only ever changes what its own draft shows.
 */
export function marksFingerprint(marks: readonly Mark[], count: number): string {
  let a = 0x811c9dc5 ^ count;
  let b = count;
  const n = Math.min(count, marks.length);
  for (let m = 0; m < n; m++) {
    const mark = marks[m];
    const text =
      mark.type === 'fill'
        ? fillKey(mark)
        : `${mark.tool}${mark.color}${mark.size}/${mark.opacity}/${mark.seed ?? ''}/${mark.density ?? ''}` +
          sprayStyle(mark);
    for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    if (mark.type === 'fill') {
      for (const ring of mark.region ?? [])
        for (let i = 0; i < ring.length; i++) a = Math.imul(a ^ ring[i], 0x01000193);
      continue;
    }
    const pts = mark.pts;
    for (let i = 0; i < pts.length; i++) {
      a = Math.imul(a ^ pts[i], 0x01000193);
      b = (Math.imul(b, 31) + pts[i]) | 0;
    }
    const pressure = mark.pressure;
    if (pressure) for (let i = 0; i < pressure.length; i++) a = Math.imul(a ^ (pressure[i] + 0x10000), 0x01000193);
    a = Math.imul(a ^ 0x7fffffff, 0x01000193);
    b = (b + pts.length) | 0;
  }
  return `${RASTER_KIND}/${count}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** What of a fill changes pixels besides its region's points; a plain fill's key is what it always was. */
function fillKey(fill: Fill): string {
  const gradient = fill.gradient ? JSON.stringify(fill.gradient) : '';
  return `f${fill.area}${fill.color}${fill.under ? 'u' : ''}${fill.region ? `r${fill.region.length}` : ''}${gradient}`;
}

/** Only strokes that have a spray style add to the text, so fingerprints of older marks stay as they were. */
function sprayStyle(mark: Stroke): string {
  return mark.style ? `/s${mark.style}${mark.drips ? 'd' : ''}` : '';
}

/**
 * A design handed to the editor to keep (parsed or restored for it, held by
 * no one else, so it is not copied), with bitmaps kept with its draft.
 */
export interface KeptDesign {
  handOver: true;
  seeds?: readonly RasterSeed[];
}

/**
 * The bitmaps worth keeping with a draft (big layers' older checkpoint), each with the fingerprint of the marks
 * it holds.
 */
export function snapshotRasters(design: DesignDocument, rasters: Map<string, RasterLayer>): RasterSnapshot[] {
  const out: RasterSnapshot[] = [];
  for (const view of design.views) {
    for (const layer of view.layers) {
      const kept = layer.kind === 'paint' ? rasters.get(layer.id)?.keepable() : undefined;
      if (!kept || layer.kind !== 'paint' || kept.baked > layer.marks.length) continue;
      const { width, height } = kept.canvas;
      out.push({
        view: view.view,
        layer: layer.id,
        baked: kept.baked,
        fingerprint: marksFingerprint(layer.marks, kept.baked),
        width,
        height,
        canvas: kept.canvas,
      });
    }
  }
  return out;
}

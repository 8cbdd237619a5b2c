/**
 * What paint layers need besides their fabric object (raster-layer.ts), apart from it so that code without
 * fabric (the exporter, `<co-design-replay>`) can use it: the lazy loads of a design's paint, and the
 * registry of baked rasters an export may copy.
 */
import type { DesignDocument, Mark } from '../../document/types.ts';
import { loadSprayPaint, needsSprayPaint } from './spray/load.ts';

/**
 * Runs of fewer marks are drawn whole: too few to paint much over (2,000 of
 * the benchmark's strokes paint the roadster's body 29 times over, and
 * leaving marks out pays from about 45 times, see occlusion.ts).
 */
export const LONG_RUN = 2500;

// Leaving painted-over marks out of a long run (occlusion.ts) is a chunk of its own: the first paint never
// needs it, and a design with a long paint layer loads it before it is shown (OpenTemplate.preload).
let occlusion: typeof import('./occlusion.ts') | undefined;

/** The occlusion module once a long design has loaded it. */
export const occlusionModule = () => occlusion;

/**
 * Loads what a long bake uses if `doc` has a paint layer that long (without it every mark is drawn), and the
 * spray's renderer if `doc` has a stroke of it.
 */
export async function loadPaintSupport(doc: Pick<DesignDocument, 'views'>): Promise<void> {
  const long = doc.views.some((v) => v.layers.some((l) => l.kind === 'paint' && l.marks.length >= LONG_RUN));
  const spray = needsSprayPaint(doc) ? loadSprayPaint() : undefined;
  // A flaky network costs a slower bake, never the design; the next design tries again.
  if (long && !occlusion) occlusion = await import('./occlusion.ts').catch(() => undefined);
  await spray;
}

/** What the registry needs of a paint layer's raster (RasterLayer). */
export interface BakedRaster {
  readonly live: boolean;
  readonly baked: number;
  readonly rasterScale: number;
  readonly raster: HTMLCanvasElement;
}

// The raster that holds a layer's marks, keyed by the document's marks array
// (ops push and pop it in place), so an export at the raster's own scale can
// copy the bitmap instead of drawing every stroke again.
export const bakedByMarks = new WeakMap<readonly Mark[], BakedRaster>();

/**
 * The bitmap of exactly `marks` at `scale` (pixels per design unit), when a
 * raster holds them all and no live preview is drawn into it.
 */
export function bakedRaster(marks: readonly Mark[], scale: number): HTMLCanvasElement | undefined {
  const r = bakedByMarks.get(marks);
  // Canvas transforms are single precision: 2048/1600 reads back as 1.2799999713897705.
  return r && !r.live && r.baked === marks.length && Math.abs(r.rasterScale - scale) < 1e-6 * scale
    ? r.raster
    : undefined;
}

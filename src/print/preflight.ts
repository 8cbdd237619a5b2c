import type { Layer, PlacedObject } from '../document/types.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { readRasterDimensions } from '../security/dimensions.ts';
import { ImageMime } from '../security/sniff.ts';
import type { TemplateView } from '../template/types.ts';
import { dataUrlBytes } from './assets.ts';
import { rasterReason, STRIP_PIXELS } from './layers.ts';
import type { RasterScale } from './page.ts';

/**
 * What one print job may hold, over all its printed views: a design the document validator accepts can still ask
 * for hours of drawing or gigabytes of pixels (the limits at their maximum, huge text, spray by the ten thousand).
 * Chosen so that the heaviest accepted job stays within the budgets in docs/print.md (time and 600 MB).
 */
export const PRINT_LIMITS = {
  /** Points of strokes and bucket regions drawn as vectors (a 10,000-stroke design of 20 points has 200,000). */
  vectorPoints: 1_000_000,
  /** Pixels of all image layers at the raster dpi, strips together (the roadster's side at 150 dpi: 125 million). */
  rasterPixels: 1_000_000_000,
  /**
   * Pixels the spray paints, overlaps counted: each sample lays a mist dot about 2 radii wide and about
   * 2 × density particles a quarter radius wide. Skia blends about 0.25 billion a second here (soft, transparent
   * dots), so this is about 40 s; on a car's side at 150 dpi, some 130 two-second strokes of radius 20.
   */
  sprayPixels: 10_000_000_000,
  /** Characters of text, all objects together. */
  textChars: 20_000,
  /** Ink of text: characters × (size × scale)² over the printed views' area; 1 would cover them once. */
  textCover: 50,
  /** Decoded pixels of uploaded images and SVG art drawn as bitmaps (4 bytes each in memory). */
  imagePixels: 80_000_000,
} as const;

/** What a job would draw, in the measures PRINT_LIMITS bounds. */
export interface PrintCost {
  vectorPoints: number;
  rasterPixels: number;
  sprayPixels: number;
  textChars: number;
  textCover: number;
  imagePixels: number;
}

const WHAT: Record<keyof PrintCost, string> = {
  vectorPoints: 'vector stroke points',
  rasterPixels: 'image-layer pixels',
  sprayPixels: 'spray pixels',
  textChars: 'text characters',
  textCover: 'text ink (times the printed area)',
  imagePixels: 'image pixels',
};

/** A view as the pre-flight measures it: its template view, its layers, and its image layers' scale. */
export interface PreflightView extends RasterScale {
  view: TemplateView;
  layers: readonly Layer[];
}

/** Refuses, with `print-too-large` naming the measure, a job past PRINT_LIMITS; else returns what it costs. */
export async function preflight(views: readonly PreflightView[]): Promise<PrintCost> {
  const cost = await measure(views);
  for (const key of Object.keys(PRINT_LIMITS) as (keyof PrintCost)[]) {
    if (cost[key] <= PRINT_LIMITS[key]) continue;
    const [value, limit] = [Math.ceil(cost[key]), PRINT_LIMITS[key]].map((n) => n.toLocaleString('en'));
    const detail = `${value} ${WHAT[key]}, at most ${limit}`;
    throw new StudioError(ErrorCode.PrintTooLarge, `design is too large to print: ${detail}`, { detail });
  }
  return cost;
}

async function measure(views: readonly PreflightView[]): Promise<PrintCost> {
  const cost: PrintCost = {
    vectorPoints: 0,
    rasterPixels: 0,
    sprayPixels: 0,
    textChars: 0,
    textCover: 0,
    imagePixels: 0,
  };
  let area = 0;
  for (const { view, layers, pxPerUnit, widthPx, heightPx } of views) {
    area += view.width * view.height;
    const layerPixels = widthPx * heightPx;
    for (const layer of layers) {
      if (!layer.visible) continue;
      if (layer.kind === 'object') {
        await measureObject(layer.object, pxPerUnit, cost);
        continue;
      }
      const raster = !!rasterReason(layer);
      if (raster) cost.rasterPixels += layerPixels;
      layer.marks.forEach((mark) => {
        if (mark.type === 'fill') cost.vectorPoints += (mark.region ?? []).reduce((n, ring) => n + ring.length / 2, 0);
        else if (mark.tool === 'spray') {
          const radius = mark.size * pxPerUnit;
          const perSample = (2.1 * radius) ** 2 + 2 * (mark.density ?? 20) * (0.25 * radius) ** 2;
          cost.sprayPixels += (mark.pts.length / 2) * perSample;
        } else if (!raster) cost.vectorPoints += mark.pts.length / 2;
      });
    }
  }
  cost.textCover = area ? cost.textCover / area : 0;
  return cost;
}

async function measureObject(o: PlacedObject, pxPerUnit: number, cost: PrintCost): Promise<void> {
  const scale = Math.sqrt(Math.abs(o.scaleX * o.scaleY));
  if (o.type === 'text') {
    cost.textChars += o.text.length;
    cost.textCover += o.text.length * (o.size * scale) ** 2;
  } else if (o.type === 'sticker' || (o.type === 'image' && o.src.startsWith('data:image/svg'))) {
    // SVG art becomes a bitmap of at most one strip.
    cost.imagePixels += Math.min(STRIP_PIXELS, o.width * o.height * (scale * pxPerUnit) ** 2);
  } else if (o.type === 'image') {
    const mime = o.src.startsWith('data:image/png') ? ImageMime.Png : ImageMime.Jpeg;
    const bytes = dataUrlBytes(o.src);
    const { width, height } = await readRasterDimensions(new Blob([bytes as Uint8Array<ArrayBuffer>]), mime);
    cost.imagePixels += width * height;
  }
}

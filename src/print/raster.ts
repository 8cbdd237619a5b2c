import type { Layer } from '../document/index.ts';
import { drawMark } from '../editor/render/strokes.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { ReadAsset } from './assets.ts';
import { drawLocked, lockedArt, type PageContent } from './draw-page.ts';
import type { PrintViewReport } from './report.ts';
import { prepareJob, type JobPage } from './job.ts';
import { breather, drawVectorLayer, marksInRows, rasterReason, releaseCanvas } from './layers.ts';
import { LayerImages } from './layer-image.ts';
import { drawObject } from './objects.ts';
import { rasterScale } from './page.ts';
import { pngStream, type Strip } from './png-stream.ts';
import { drawShape } from './shapes.ts';
import { skiaCanvas } from './skia.ts';

export interface PrintRasterOptions {
  /** The printed view to draw. */
  view: string;
  /** Dots per inch on the product: 50 to 600. */
  dpi: number;
  format: 'png';
  readAsset?: ReadAsset;
  /** Pixels drawn at a time (two canvases of 4 bytes each, a copy, and the PNG's rows); default 4 million. */
  stripPixels?: number;
  /** Stops the drawing between strips and layers once aborted (`PrintOptions.signal`). */
  signal?: AbortSignal;
}

export interface PrintRaster {
  view: string;
  dpi: number;
  /**
   * The image's size in pixels: the printed panels grown by the bleed (their bounding box), at their size on the
   * product — the roadster's body, not the empty sky of its view.
   */
  width: number;
  height: number;
  /** Where the image's top-left corner lies on the PDF's page, in millimetres from the page's top-left corner. */
  offsetMm: { x: number; y: number };
  /** The PNG's bytes, made strip by strip as they are read. */
  png: AsyncGenerator<Uint8Array>;
}

/** A strip's pixels: each lives in four copies at a time (canvas, layer canvas, its RGBA, the PNG's rows). */
const RASTER_STRIP_PIXELS = 4_000_000;

export const MIN_RASTER_OUTPUT_DPI = 50;
export const MAX_RASTER_OUTPUT_DPI = 600;
/** Pixels of a raster file: the roadster's body at 150 dpi is 0.125 billion, at 300 dpi 0.5, at 600 dpi 2. */
export const MAX_RASTER_OUTPUT_PIXELS = 600_000_000;

/**
 * A print view as pixels, for shops that want them: what the PDF's page prints (the customer's design clipped to
 * the printed panels grown by the bleed, no product art, no cut line) over the panels' bounding box, at `dpi` on
 * the product, on white, as an RGB PNG. It is drawn in horizontal strips, each encoded as soon as it is drawn, so
 * a car's side at 150 dpi (26,368 px wide) is never one bitmap. Validation and the print limits run before it resolves;
 * the drawing happens as `png` is read.
 */
export async function renderPrintRaster(
  design: unknown,
  template: unknown,
  options: PrintRasterOptions,
): Promise<PrintRaster> {
  if (options.format !== 'png')
    throw new StudioError(ErrorCode.ExportFailed, `format: only "png" is made, got ${String(options.format)}`);
  const job = await prepareJob(design, template, {
    dpi: options.dpi,
    dpiRange: { min: MIN_RASTER_OUTPUT_DPI, max: MAX_RASTER_OUTPUT_DPI, option: 'dpi' },
    stripPixels: options.stripPixels ?? RASTER_STRIP_PIXELS,
    readAsset: options.readAsset,
    view: options.view,
    signal: options.signal,
  });
  const [page] = job.pages;
  const { geometry } = page;
  const { pxPerUnit, widthPx: width, heightPx: height } = rasterScale(geometry, options.dpi);
  if (width * height > MAX_RASTER_OUTPUT_PIXELS)
    throw new StudioError(
      ErrorCode.PrintTooLarge,
      `design is too large to print: ${(width * height).toLocaleString('en')} raster pixels, at most ` +
        `${MAX_RASTER_OUTPUT_PIXELS.toLocaleString('en')} (a lower dpi)`,
      { detail: `${width} × ${height} px` },
    );
  const content: PageContent = {
    geometry,
    layers: page.layers,
    locked: await lockedArt(page.view, job.assets),
    assets: job.assets,
    raster: { dpi: options.dpi, stripPixels: job.stripPixels, signal: options.signal, images: new LayerImages() },
  };
  const strips = drawStrips(page, content, width, height, pxPerUnit);
  const { left, top } = geometry.bounds;
  const offsetMm = {
    x: geometry.print.bleedMm + left * geometry.mmPerUnit,
    y: geometry.print.bleedMm + top * geometry.mmPerUnit,
  };
  return { view: page.view.id, dpi: options.dpi, width, height, offsetMm, png: pngStream(width, height, strips) };
}

async function* drawStrips(
  page: JobPage,
  content: PageContent,
  width: number,
  height: number,
  k: number,
): AsyncGenerator<Strip> {
  const { geometry } = page;
  const stripRows = Math.max(1, Math.min(height, Math.floor(content.raster.stripPixels / width)));
  const strip = skiaCanvas(width, stripRows);
  // A layer that PDF cannot hold as vectors (spray, eraser) is drawn on a canvas of its own, as the studio does.
  const scratch = skiaCanvas(width, stripRows);
  const { left, top } = geometry.bounds;
  // The report's entries (image layers, SVG art) are the PDF's business: the raster is pixels through and through.
  const entry = { rasterLayers: [], skippedLocked: [], rasterLocked: [] } as unknown as PrintViewReport;
  try {
    for (let row = 0; row < height; row += stripRows) {
      const rows = Math.min(stripRows, height - row);
      const ctx = strip.getContext('2d')!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, stripRows);
      // Design units, the panels' box at the image's top-left corner, this strip's first row at the top.
      const transform = [k, 0, 0, k, -left * k, -top * k - row] as const;
      ctx.save();
      ctx.setTransform(...transform);
      ctx.clip(geometry.printed);
      const unitRows = { from: top + row / k, to: top + (row + rows) / k };
      for (const layer of page.layers) {
        await breather(content.raster.signal);
        if (!layer.visible) continue;
        ctx.save();
        drawLayer(ctx, layer, content, scratch, transform, unitRows);
        ctx.restore();
      }
      drawLocked(ctx, content, entry);
      ctx.restore();
      yield { rgba: ctx.getImageData(0, 0, width, rows).data, rows };
    }
  } finally {
    releaseCanvas(strip);
    releaseCanvas(scratch);
  }
}

function drawLayer(
  ctx: CanvasRenderingContext2D,
  layer: Layer,
  content: PageContent,
  scratch: HTMLCanvasElement,
  transform: readonly [number, number, number, number, number, number],
  unitRows: { from: number; to: number },
): void {
  const { geometry } = content;
  if (layer.kind === 'object') {
    const o = layer.object;
    if (o.type === 'shape') return drawShape(ctx, o);
    const pxPerUnit = (dpi: number) => (geometry.mmPerUnit / 25.4) * dpi;
    drawObject(ctx, o, content.assets, geometry.view.id, pxPerUnit, content.raster.dpi);
    return;
  }
  if (!rasterReason(layer)) return drawVectorLayer(ctx, layer, geometry);
  const sctx = scratch.getContext('2d')!;
  sctx.setTransform(1, 0, 0, 1, 0, 0);
  sctx.clearRect(0, 0, scratch.width, scratch.height);
  sctx.setTransform(...transform);
  const areaPath = (id: string) => geometry.areas.get(id);
  // Only the marks that can reach this strip, each in the studio's order (its eraser and base coats as drawn).
  for (const mark of marksInRows(layer.marks, unitRows.from, unitRows.to)) drawMark(sctx, mark, areaPath);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(scratch, 0, 0);
  ctx.restore();
}

/**
 * `co-design-studio/print`: print-ready PDFs at true size, made in Node from a stored design and its template
 * (never from the studio's PNG). See docs/print.md.
 */
import { PDFDocument } from '@napi-rs/canvas';
import { cutPath } from './cut-contour.ts';
import { finishPdf, type PageFinish } from './finish.ts';
import { drawPage, lockedArt } from './draw-page.ts';
import type { ReadAsset } from './assets.ts';
import { prepareJob } from './job.ts';
import { LayerImages } from './layer-image.ts';
import type { PrintReport } from './report.ts';

export { PT_PER_MM, type PdfBox } from './page.ts';
export type { ReadAsset } from './assets.ts';
export type { PrintReport, PrintViewReport, RasterLayerEntry, SkippedLayerEntry } from './report.ts';
export { PRINT_LIMITS, type PrintCost } from './preflight.ts';
export {
  renderPrintRaster,
  MAX_RASTER_OUTPUT_DPI,
  MAX_RASTER_OUTPUT_PIXELS,
  MIN_RASTER_OUTPUT_DPI,
  type PrintRaster,
  type PrintRasterOptions,
} from './raster.ts';

export interface PrintOptions {
  /** Resolution of the layers that cannot stay vector, in dots per inch on the product: 150 (default) to 600. */
  rasterDpi?: number;
  /** Pixels of an image layer drawn at a time (about 12 bytes each while a strip is drawn); default 8 million. */
  stripPixels?: number;
  /**
   * Reads a file of the template by its path as the manifest writes it: the fonts' woff2 files, the stickers' and
   * locked elements' art. Needed when the design has text in a template font or stickers; without it the view's
   * locked elements are left out (and listed in `skippedLocked`).
   */
  readAsset?: ReadAsset;
  /**
   * Strokes each printed panel's outline in the `CutContour` spot colour, for print-and-cut (default true); a
   * preview for people leaves it off.
   */
  cutContour?: boolean;
  /**
   * Stops the job between layers and strips once aborted (e.g. `AbortSignal.timeout(60_000)`), rejecting with
   * the signal's reason: Skia's drawing of one layer cannot be cut short, but a job never runs on for long past it.
   */
  signal?: AbortSignal;
}

export interface PrintResult {
  pdf: Uint8Array;
  report: PrintReport;
}

export const MIN_RASTER_DPI = 150;
/** Above this an image layer of a car's side would be gigabytes of PDF: a shop that wants more asks for vectors. */
export const MAX_RASTER_DPI = 600;

/**
 * One PDF page per template view that has a print size (`view.print`): the view at its size on the product plus
 * the bleed, with TrimBox and BleedBox, holding the customer's paint and objects — not the product art — clipped
 * to the printed panels grown by the bleed. Both inputs are validated here (a `StudioError` names what is wrong).
 */
export async function renderPrintPdf(
  design: unknown,
  template: unknown,
  options: PrintOptions = {},
): Promise<PrintResult> {
  const job = await prepareJob(design, template, {
    dpi: options.rasterDpi ?? MIN_RASTER_DPI,
    dpiRange: { min: MIN_RASTER_DPI, max: MAX_RASTER_DPI, option: 'rasterDpi' },
    stripPixels: options.stripPixels,
    readAsset: options.readAsset,
    signal: options.signal,
  });
  const { manifest, pages, assets, dpi, stripPixels } = job;

  const pdf = new PDFDocument({ title: `${manifest.name}: print`, creator: 'co-design-studio' });
  const report: PrintReport = {
    views: [],
    unprintedViews: manifest.views.filter((v) => !v.print).map((v) => v.id),
  };
  const finish: PageFinish[] = [];
  const images = new LayerImages();
  const cut = options.cutContour ?? true;
  for (const { view, geometry, layers } of pages) {
    const { width, height } = geometry.skiaPage;
    const locked = await lockedArt(view, assets);
    const ctx = pdf.beginPage(width, height) as unknown as CanvasRenderingContext2D;
    const raster = { dpi, stripPixels, signal: options.signal, images };
    const page = { geometry, layers, locked, assets, raster };
    report.views.push(await drawPage(ctx, page, report.views.length + 1));
    pdf.endPage();
    finish.push({
      media: geometry.page,
      trim: geometry.trim,
      bleed: geometry.page,
      cut: cut ? cutPath(geometry) : undefined,
    });
  }
  return { pdf: await finishPdf(pdf.close(), finish, images), report };
}

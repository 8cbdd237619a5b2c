/**
 * `co-design-studio/print`: print-ready PDFs at true size, made in Node from a stored design and its template
 * (never from the studio's PNG). See docs/print.md.
 */
import { PDFDocument } from '@napi-rs/canvas';
import { parseDesign, type DesignDocument, type Layer } from '../document/index.ts';
import { loadFillSupport } from '../editor/render/fill.ts';
import { loadSprayPaint, needsSprayPaint } from '../editor/render/spray/load.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { parseTemplateManifest } from '../template/schema.ts';
import type { TemplateManifest } from '../template/types.ts';
import { setPageBoxes } from './boxes.ts';
import { drawRasterLayer, drawVectorLayer, rasterReason, STRIP_PIXELS, type RasterLayerReport } from './layers.ts';
import { pageGeometry, type PageGeometry } from './page.ts';
import { drawShape } from './shapes.ts';
import { useSkia } from './skia.ts';

export { PT_PER_MM, type PdfBox } from './page.ts';

export interface PrintOptions {
  /** Resolution of the layers that cannot stay vector, in dots per inch on the product: 150 (default) to 600. */
  rasterDpi?: number;
  /** Pixels of an image layer drawn at a time (memory per strip is 4 bytes each); default 16 million. */
  stripPixels?: number;
}

/** A layer printed as an image, and why. */
export interface RasterLayerEntry extends RasterLayerReport {
  layer: string;
  name: string;
  reason: string;
}

/** A layer left out of the print file, and why (objects this slice does not draw yet). */
export interface SkippedLayerEntry {
  layer: string;
  name: string;
  reason: string;
}

export interface PrintViewReport {
  view: string;
  /** 1-based page number in the PDF. */
  page: number;
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  safeMm?: number;
  panels: string[];
  rasterLayers: RasterLayerEntry[];
  skippedLayers: SkippedLayerEntry[];
  /** The template's locked brand elements, which the studio's export prints and this slice does not draw yet. */
  skippedLocked: { id: string; name: string; reason: string }[];
}

export interface PrintReport {
  views: PrintViewReport[];
  /** Template views without a print size: not printed. */
  unprintedViews: string[];
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
  const doc = parseDesign(design);
  const manifest = parseTemplateManifest(template);
  if (doc.template.id !== manifest.id)
    throw new StudioError(
      ErrorCode.DesignTemplateMismatch,
      `template: the design was made on "${doc.template.id}", not on "${manifest.id}"`,
    );
  const dpi = options.rasterDpi ?? MIN_RASTER_DPI;
  if (!(dpi >= MIN_RASTER_DPI && dpi <= MAX_RASTER_DPI))
    throw new StudioError(
      ErrorCode.ExportFailed,
      `rasterDpi: must be ${MIN_RASTER_DPI} to ${MAX_RASTER_DPI}, got ${String(options.rasterDpi)}`,
    );
  const printed = manifest.views.filter((view) => view.print);
  if (!printed.length)
    throw new StudioError(ErrorCode.TemplateInvalid, `views: no view of "${manifest.id}" has a print size`);
  const stripPixels = Math.max(1_000, options.stripPixels ?? STRIP_PIXELS);
  useSkia();
  await loadDrawingSupport(doc);

  const pdf = new PDFDocument({ title: `${manifest.name}: print`, creator: 'co-design-studio' });
  const report: PrintReport = {
    views: [],
    unprintedViews: manifest.views.filter((v) => !v.print).map((v) => v.id),
  };
  const boxes = [];
  for (const view of printed) {
    const geometry = pageGeometry(view, view.print!);
    const layers = doc.views.find((v) => v.view === view.id)?.layers ?? [];
    const { width, height } = geometry.skiaPage;
    const ctx = pdf.beginPage(width, height) as unknown as CanvasRenderingContext2D;
    report.views.push(drawPage(ctx, geometry, layers, { dpi, stripPixels }, report.views.length + 1));
    pdf.endPage();
    boxes.push({ media: geometry.page, trim: geometry.trim, bleed: geometry.page });
  }
  return { pdf: await setPageBoxes(pdf.close(), boxes), report };
}

/** How image layers are made: their resolution and the pixels drawn at a time. */
interface Raster {
  dpi: number;
  stripPixels: number;
}

function drawPage(
  ctx: CanvasRenderingContext2D,
  geometry: PageGeometry,
  layers: readonly Layer[],
  raster: Raster,
  page: number,
): PrintViewReport {
  const { view, print } = geometry;
  const entry: PrintViewReport = {
    view: view.id,
    page,
    widthMm: geometry.widthMm,
    heightMm: geometry.heightMm,
    bleedMm: print.bleedMm,
    ...(print.safeMm === undefined ? {} : { safeMm: print.safeMm }),
    panels: print.panels ?? view.areas.map((a) => a.id),
    rasterLayers: [],
    skippedLayers: [],
    skippedLocked: (view.locked ?? []).map((el) => ({
      id: el.id,
      name: el.name,
      reason: 'locked element not yet rendered',
    })),
  };
  // Design units from the trim's top-left corner; Skia's page has y down, as the design has, from the top of
  // its rounded-up page, which lies above the exact page's top edge.
  const bleedPt = geometry.trim.x;
  const top = bleedPt + geometry.skiaPage.height - geometry.page.height;
  ctx.setTransform(geometry.ptPerUnit, 0, 0, geometry.ptPerUnit, bleedPt, top);
  ctx.clip(geometry.printed);
  for (const layer of layers) {
    if (!layer.visible) continue;
    ctx.save();
    drawLayer(ctx, layer, geometry, raster, entry);
    ctx.restore();
  }
  return entry;
}

function drawLayer(
  ctx: CanvasRenderingContext2D,
  layer: Layer,
  geometry: PageGeometry,
  raster: Raster,
  entry: PrintViewReport,
): void {
  const named = { layer: layer.id, name: layer.name };
  if (layer.kind === 'paint') {
    const reason = rasterReason(layer);
    if (!reason) return drawVectorLayer(ctx, layer, geometry);
    const drawn = drawRasterLayer(ctx, layer, geometry, raster.dpi, raster.stripPixels);
    entry.rasterLayers.push({ ...named, reason, ...drawn });
    return;
  }
  const object = layer.object;
  if (object.type === 'shape') return drawShape(ctx, object);
  // Said, never silently dropped: the next slice draws them (docs/print.md).
  entry.skippedLayers.push({ ...named, reason: `${object.type} not yet rendered` });
}

/** The spray's renderer and the gradients are chunks of their own in the studio; a job loads what it draws. */
async function loadDrawingSupport(doc: DesignDocument): Promise<void> {
  await loadFillSupport(doc);
  if (needsSprayPaint(doc)) await loadSprayPaint();
}

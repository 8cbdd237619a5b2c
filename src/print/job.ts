import type { Layer } from '../document/index.ts';
import { parseDesign, type DesignDocument } from '../document/index.ts';
import { loadFillSupport } from '../editor/render/fill.ts';
import { loadSprayPaint, needsSprayPaint } from '../editor/render/spray/load.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { parseTemplateManifest } from '../template/schema.ts';
import type { TemplateManifest, TemplateView } from '../template/types.ts';
import { PrintAssets, type ReadAsset } from './assets.ts';
import { STRIP_PIXELS } from './layers.ts';
import { loadObjectDrawing } from './objects.ts';
import { pageGeometry, rasterScale, type PageGeometry } from './page.ts';
import { preflight } from './preflight.ts';
import { useSkia } from './skia.ts';

/** One printed view of a job: where it lies on its page and what the design holds for it. */
export interface JobPage {
  view: TemplateView;
  geometry: PageGeometry;
  layers: readonly Layer[];
}

/** A validated, measured job with everything it draws from loaded. */
export interface PrintJob {
  doc: DesignDocument;
  manifest: TemplateManifest;
  pages: JobPage[];
  assets: PrintAssets;
  dpi: number;
  stripPixels: number;
}

export interface JobOptions {
  dpi: number;
  /** The dpi a caller may ask for (`rasterDpi` of the PDF, `dpi` of the raster) and the option's name. */
  dpiRange: { min: number; max: number; option: string };
  stripPixels?: number;
  readAsset?: ReadAsset;
  /** The one view to draw (the raster); all printed views when absent. */
  view?: string;
  signal?: AbortSignal;
}

/**
 * Validates both inputs (a `StudioError` names what is wrong), measures the job against the print limits before
 * anything is loaded or drawn (`print-too-large`), then loads what it draws with: the lazy renderers, the
 * studio's object classes, the template's fonts and art.
 */
export async function prepareJob(design: unknown, template: unknown, options: JobOptions): Promise<PrintJob> {
  const doc = parseDesign(design);
  const manifest = parseTemplateManifest(template);
  if (doc.template.id !== manifest.id)
    throw new StudioError(
      ErrorCode.DesignTemplateMismatch,
      `template: the design was made on "${doc.template.id}", not on "${manifest.id}"`,
    );
  const { dpi, dpiRange } = options;
  if (!(dpi >= dpiRange.min && dpi <= dpiRange.max))
    throw new StudioError(
      ErrorCode.ExportFailed,
      `${dpiRange.option}: must be ${dpiRange.min} to ${dpiRange.max}, got ${String(dpi)}`,
    );
  let printed = manifest.views.filter((view) => view.print);
  if (!printed.length)
    throw new StudioError(ErrorCode.TemplateInvalid, `views: no view of "${manifest.id}" has a print size`);
  if (options.view !== undefined) {
    printed = printed.filter((view) => view.id === options.view);
    if (!printed.length)
      throw new StudioError(ErrorCode.ViewUnknown, `view: "${options.view}" is not a printed view of "${manifest.id}"`);
  }
  const stripPixels = Math.max(1_000, options.stripPixels ?? STRIP_PIXELS);
  const pages = printed.map((view) => ({
    view,
    geometry: pageGeometry(view, view.print!),
    layers: doc.views.find((v) => v.view === view.id)?.layers ?? [],
  }));
  options.signal?.throwIfAborted();
  await preflight(pages.map(({ view, geometry, layers }) => ({ view, layers, ...rasterScale(geometry, dpi) })));
  useSkia();
  await loadFillSupport(doc);
  if (needsSprayPaint(doc)) await loadSprayPaint();
  if (pages.some((p) => p.layers.some((l) => l.kind === 'object' && l.object.type !== 'shape')))
    await loadObjectDrawing();
  const assets = await PrintAssets.load(
    pages.flatMap((p) => p.layers),
    manifest,
    options.readAsset,
  );
  options.signal?.throwIfAborted();
  return { doc, manifest, pages, assets, dpi, stripPixels };
}

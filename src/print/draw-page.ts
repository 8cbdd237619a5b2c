import type { Layer } from '../document/index.ts';
import type { TemplateView } from '../template/types.ts';
import { svgBitmap, type Picture, type PrintAssets } from './assets.ts';
import type { PrintViewReport } from './report.ts';
import { breather, drawRasterLayer, drawVectorLayer, rasterReason, releaseCanvas } from './layers.ts';
import { drawObject } from './objects.ts';
import type { PageGeometry } from './page.ts';
import type { LayerImages } from './layer-image.ts';
import { drawShape } from './shapes.ts';
import { drawVectorSvg } from './svg-vector.ts';

/**
 * For the comparison test only (test/print/studio-match.spec.ts): a renderer broken on purpose — the design
 * shifted right, or a layer left out — must fail it. Never set by the package.
 */
export const printTestHooks: { shiftUnits: number; skipLayer?: string } = { shiftUnits: 0 };

/** How image layers are made: their resolution and the pixels drawn at a time. */
export interface Raster {
  dpi: number;
  stripPixels: number;
  /** The job's image layers, swapped into the PDF after Skia (layer-image.ts); the raster file has none. */
  images: LayerImages;
  /** Checked between layers and strips: a job past its time stops there (`PrintOptions.signal`). */
  signal?: AbortSignal;
}

/** One view's page: where it lies, what is drawn on it and with what. */
export interface PageContent {
  geometry: PageGeometry;
  layers: readonly Layer[];
  /** The view's locked elements with their art, or none when it could not be read (no `readAsset`). */
  locked: { id: string; name: string; x: number; y: number; width: number; height: number; art?: Picture }[];
  assets: PrintAssets;
  raster: Raster;
}

/** The view's locked elements with their art read (the art needs `readAsset`: without it, none). */
export async function lockedArt(view: TemplateView, assets: PrintAssets): Promise<PageContent['locked']> {
  const out: PageContent['locked'] = [];
  for (const el of view.locked ?? [])
    out.push({ ...el, art: await assets.locked(el.src, `locked element "${el.id}"`) });
  return out;
}

/** Design units per inch on the product, times `dpi`: pixels per design unit at that resolution. */
const pxPerUnit = (geometry: PageGeometry) => (dpi: number) => (geometry.mmPerUnit / 25.4) * dpi;

export async function drawPage(
  ctx: CanvasRenderingContext2D,
  content: PageContent,
  page: number,
): Promise<PrintViewReport> {
  const { geometry } = content;
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
    skippedLocked: [],
    rasterLocked: [],
  };
  // Design units from the trim's top-left corner; Skia's page has y down, as the design has, from the top of
  // its rounded-up page, which lies above the exact page's top edge.
  const bleedPt = geometry.trim.x;
  const top = bleedPt + geometry.skiaPage.height - geometry.page.height;
  ctx.setTransform(geometry.ptPerUnit, 0, 0, geometry.ptPerUnit, bleedPt, top);
  ctx.clip(geometry.printed);
  ctx.translate(printTestHooks.shiftUnits, 0);
  for (const layer of content.layers) {
    await breather(content.raster.signal);
    if (!layer.visible || layer.id === printTestHooks.skipLayer) continue;
    ctx.save();
    await drawLayer(ctx, layer, content, entry);
    ctx.restore();
  }
  drawLocked(ctx, content, entry);
  return entry;
}

async function drawLayer(
  ctx: CanvasRenderingContext2D,
  layer: Layer,
  content: PageContent,
  entry: PrintViewReport,
): Promise<void> {
  const { geometry, raster } = content;
  const named = { layer: layer.id, name: layer.name };
  if (layer.kind === 'paint') {
    const reason = rasterReason(layer);
    if (!reason) return drawVectorLayer(ctx, layer, geometry);
    const drawn = await drawRasterLayer(ctx, layer, geometry, raster);
    entry.rasterLayers.push({ ...named, reason, ...drawn });
    return;
  }
  const object = layer.object;
  if (object.type === 'shape') return drawShape(ctx, object);
  const drawn = drawObject(ctx, object, content.assets, geometry.view.id, pxPerUnit(geometry), raster.dpi);
  if (drawn) entry.rasterLayers.push({ ...named, ...drawn, strips: 1 });
}

/**
 * The brand's elements over the customer's design, as the studio's export draws them (ViewPainter), within the
 * printed panels: what falls on an unprinted part (a sneaker's midsole) is moulded, not printed.
 */
export function drawLocked(ctx: CanvasRenderingContext2D, content: PageContent, entry: PrintViewReport): void {
  const toPx = pxPerUnit(content.geometry);
  for (const el of content.locked) {
    if (!el.art) {
      entry.skippedLocked.push({ id: el.id, name: el.name, reason: 'no readAsset to read its art' });
      continue;
    }
    if (!el.art.svg) {
      ctx.drawImage(el.art.image as unknown as CanvasImageSource, el.x, el.y, el.width, el.height);
      continue;
    }
    if (el.art.vector) {
      drawVectorSvg(ctx, el.art.vector, el);
      continue;
    }
    const dpi = content.raster.dpi;
    const [widthPx, heightPx] = [el.width, el.height].map((u) => Math.max(1, Math.ceil(u * toPx(dpi))));
    const bitmap = svgBitmap(el.art, widthPx, heightPx);
    ctx.drawImage(bitmap, el.x, el.y, el.width, el.height);
    releaseCanvas(bitmap);
    const reason = 'SVG drawn as an image (Skia draws SVG into PDF only as pixels)';
    entry.rasterLocked.push({ id: el.id, name: el.name, reason, dpi, widthPx, heightPx });
  }
}

import type { Fill, Mark, PaintLayer, Stroke } from '../document/types.ts';
import { decodeStrokePoints, drawMark } from '../editor/render/strokes.ts';
import type { PageGeometry } from './page.ts';
import { LayerImageWriter, type LayerImages } from './layer-image.ts';
import { skiaCanvas } from './skia.ts';

/** Why a paint layer is printed as an image rather than as vectors; undefined when it stays vector. */
export function rasterReason(layer: PaintLayer): string | undefined {
  let spray = 0;
  let eraser = 0;
  for (const mark of layer.marks) {
    if (mark.type !== 'stroke') continue;
    if (mark.tool === 'spray') spray++;
    else if (mark.tool === 'eraser') eraser++;
  }
  const reasons = [];
  // A spray stroke lays hundreds of soft dots per point: as vectors, millions of transparent objects.
  if (spray) reasons.push(`${spray} spray stroke${spray === 1 ? '' : 's'} (soft dots by the thousand)`);
  // PDF has no 'destination-out': an eraser's knock-out cannot be drawn as a vector over what it erased.
  if (eraser) reasons.push(`${eraser} eraser stroke${eraser === 1 ? '' : 's'} (knock-outs PDF cannot draw)`);
  return reasons.length ? reasons.join(', ') : undefined;
}

/**
 * The marks of a vector layer in the order PDF can draw them. A base coat (`under`) fills only what the layer has
 * not painted yet — in the studio with 'destination-over', which PDF lacks. Drawn before everything painted
 * earlier it looks the same (painting A over B is associative), so each base coat moves to the front: the
 * latest goes lowest, as each one slid under all before it. Only a layer without an eraser stays vector, so no
 * hole is left for a later base coat to fill.
 */
export function vectorOrder(marks: readonly Mark[]): Mark[] {
  const under: Fill[] = [];
  const rest: Mark[] = [];
  for (const mark of marks) {
    if (mark.type === 'fill' && mark.under) under.unshift({ ...mark, under: undefined });
    else rest.push(mark);
  }
  return [...under, ...rest];
}

export function drawVectorLayer(ctx: CanvasRenderingContext2D, layer: PaintLayer, geometry: PageGeometry): void {
  const areaPath = (id: string) => geometry.areas.get(id);
  for (const mark of vectorOrder(layer.marks)) drawMark(ctx, mark, areaPath);
}

/** How and where an image layer is made: its resolution, pixels drawn at a time, the job's layer images. */
export interface RasterTarget {
  dpi: number;
  stripPixels?: number;
  signal?: AbortSignal;
  images: LayerImages;
}

/** What a layer printed as an image came out as. */
export interface RasterLayerReport {
  dpi: number;
  widthPx: number;
  heightPx: number;
  strips: number;
}

/** Pixels in one strip of an image layer: its canvas, a copy of its RGBA and the split colour and alpha (~100 MB). */
export const STRIP_PIXELS = 8_000_000;

/**
 * How far below and above its points a stroke can paint, in design units. A spray's particles are a normal
 * spread of a third of its radius (at most about 2.3 radii out) and its drips run down at most 6.5 radii; a line
 * reaches half its width. Generous on purpose: a strip that skips a stroke it touches would show a seam.
 */
function reach(stroke: Stroke): number {
  return stroke.tool === 'spray' ? 8 * stroke.size : stroke.size;
}

/** The rows of design units each stroke can paint (fills paint anywhere in their area: undefined, always drawn). */
function verticalExtents(marks: readonly Mark[]): ({ top: number; bottom: number } | undefined)[] {
  return marks.map((mark) => {
    if (mark.type !== 'stroke') return undefined;
    const xy = decodeStrokePoints(mark.pts);
    let [top, bottom] = [Infinity, -Infinity];
    for (let i = 1; i < xy.length; i += 2) [top, bottom] = [Math.min(top, xy[i]), Math.max(bottom, xy[i])];
    return { top: top - reach(mark), bottom: bottom + reach(mark) };
  });
}

// A layer's extents, decoded once for all the strips that ask.
const extentsOf = new WeakMap<readonly Mark[], ReturnType<typeof verticalExtents>>();

/** The marks that can paint rows `from`..`to` (design units) of a strip, in their order. */
export function marksInRows(marks: readonly Mark[], from: number, to: number): Mark[] {
  let extents = extentsOf.get(marks);
  if (!extents) extentsOf.set(marks, (extents = verticalExtents(marks)));
  return marks.filter((_, i) => {
    const extent = extents[i];
    return !extent || (extent.bottom >= from && extent.top <= to);
  });
}

/**
 * Draws a paint layer as an image at `dpi` on the product, over the printed panels' bounds only, in horizontal
 * strips: a 4.9 m car side at 150 dpi is 29,000 px wide, and never one bitmap. Each strip draws the layer's marks
 * with the studio's own code (the spray's seeded dots, the eraser's knock-outs) and goes into the page as one
 * image. The context is in design units and clipped to the printed panels.
 */
export async function drawRasterLayer(
  ctx: CanvasRenderingContext2D,
  layer: PaintLayer,
  geometry: PageGeometry,
  { dpi, stripPixels = STRIP_PIXELS, signal, images }: RasterTarget,
): Promise<RasterLayerReport> {
  const { left, top, right, bottom } = geometry.bounds;
  const pxPerUnit = (geometry.mmPerUnit / 25.4) * dpi;
  const widthPx = Math.ceil((right - left) * pxPerUnit);
  const heightPx = Math.ceil((bottom - top) * pxPerUnit);
  const stripRows = stripRowsOf(widthPx, stripPixels);
  const areaPath = (id: string) => geometry.areas.get(id);
  let strips = 0;
  // One canvas for every strip, emptied at the end: a canvas left to the garbage collector, which does not see its
  // native memory, keeps its pixels for a long while (eight image layers of a car's side grew the process to 2.4 GB).
  const strip = skiaCanvas(widthPx, Math.min(stripRows, heightPx));
  const sctx = strip.getContext('2d')!;
  const writer = new LayerImageWriter(widthPx, heightPx);
  try {
    for (let row = 0; row < heightPx; row += stripRows) {
      await breather(signal);
      const rows = Math.min(stripRows, heightPx - row);
      sctx.setTransform(1, 0, 0, 1, 0, 0);
      sctx.clearRect(0, 0, strip.width, strip.height);
      sctx.setTransform(pxPerUnit, 0, 0, pxPerUnit, -left * pxPerUnit, -row - top * pxPerUnit);
      // Only the strokes that can reach this strip: a long layer is not drawn once per strip.
      const [from, to] = [top + row / pxPerUnit, top + (row + rows) / pxPerUnit];
      for (const mark of marksInRows(layer.marks, from, to)) drawMark(sctx, mark, areaPath);
      await writer.add(sctx.getImageData(0, 0, widthPx, rows).data, rows);
      strips++;
    }
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    releaseCanvas(strip);
  }
  // One image for the layer, put in its stand-in's place after Skia (layer-image.ts): strips would show seams.
  const standIn = images.add(await writer.finish());
  ctx.drawImage(standIn, left, top, widthPx / pxPerUnit, heightPx / pxPerUnit);
  return { dpi, widthPx, heightPx, strips };
}

/** Frees a scratch canvas's pixels now (a canvas resized to 1 × 1 lets its surface go at once). */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 1;
  canvas.height = 1;
}

/** Rows of one strip of an image layer `widthPx` wide. */
export function stripRowsOf(widthPx: number, stripPixels: number): number {
  return Math.max(1, Math.floor(stripPixels / Math.max(1, widthPx)));
}

/**
 * Lets the event loop run between strips and layers — the server that runs a job keeps answering, and a timeout
 * (`AbortSignal.timeout`) can fire — then stops the job if its signal has aborted.
 */
export async function breather(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}

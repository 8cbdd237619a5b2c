import type { PlacedObject } from '../document/types.ts';
import { createFabricObject, loadObjectClasses } from '../editor/render/objects.ts';
import { svgBitmap, type PrintAssets } from './assets.ts';
import { useFabricInNode } from './fabric-node.ts';
import { releaseCanvas, STRIP_PIXELS } from './layers.ts';
import { drawVectorSvg, type VectorSvg } from './svg-vector.ts';

/** An object printed as an image rather than as vectors, and at what resolution. */
export interface RasterObjectReport {
  reason: string;
  dpi: number;
  widthPx: number;
  heightPx: number;
}

/** Loads the studio's fabric text and image classes (lazy chunks in the browser) for the objects to draw. */
export async function loadObjectDrawing(): Promise<void> {
  useFabricInNode();
  await Promise.all([loadObjectClasses('text'), loadObjectClasses('image')]);
}

/**
 * Draws a text, image or sticker as the studio shows it: the studio's own fabric object (its text layout, its
 * curve along an arc or a template path, its placement) renders on the page's context, which is in design units.
 * Text comes out as text in the embedded font; a bitmap at its stored pixels; an SVG of the plain subset as paths
 * (svg-vector.ts). Any other SVG is drawn into a bitmap at `dpi` on the product first (Skia's PDF canvas would
 * make it 72 dpi), and the report says so.
 */
export function drawObject(
  ctx: CanvasRenderingContext2D,
  object: Exclude<PlacedObject, { type: 'shape' }>,
  assets: PrintAssets,
  view: string,
  pxPerUnitAtDpi: (dpi: number) => number,
  dpi: number,
): RasterObjectReport | undefined {
  const vector = object.type !== 'text' ? assets.picture(object)?.vector : undefined;
  if (vector && object.type !== 'text') return drawVectorObject(ctx, object, vector);
  let raster: RasterObjectReport | undefined;
  let bitmap: HTMLCanvasElement | undefined;
  const image = (o: PlacedObject): HTMLImageElement | undefined => {
    const picture = assets.picture(o);
    if (!picture) return undefined;
    if (!picture.svg || (o.type !== 'image' && o.type !== 'sticker'))
      return picture.image as unknown as HTMLImageElement;
    raster = svgRaster(o.width * Math.abs(o.scaleX), o.height * Math.abs(o.scaleY), pxPerUnitAtDpi, dpi);
    bitmap = svgBitmap(picture, raster.widthPx, raster.heightPx);
    return bitmap as unknown as HTMLImageElement;
  };
  const fo = createFabricObject(object, assets.objectAssets(image, view));
  fo.render(ctx);
  if (bitmap) releaseCanvas(bitmap);
  return raster;
}

/**
 * An SVG image or sticker as paths, placed as fabric places the image (render/objects.ts): centred on (x, y), turned
 * by `angle`, scaled so that scale 1 is the stored width and height.
 */
function drawVectorObject(
  ctx: CanvasRenderingContext2D,
  o: Exclude<PlacedObject, { type: 'shape' | 'text' }>,
  svg: VectorSvg,
): undefined {
  ctx.save();
  ctx.translate(o.x, o.y);
  ctx.rotate((o.angle * Math.PI) / 180);
  ctx.scale(o.scaleX, o.scaleY);
  drawVectorSvg(ctx, svg, { x: -o.width / 2, y: -o.height / 2, width: o.width, height: o.height });
  ctx.restore();
  return undefined;
}

/** The size of an SVG's bitmap: `dpi` on the product, lowered if need be to one strip's pixels. */
function svgRaster(
  width: number,
  height: number,
  pxPerUnitAtDpi: (dpi: number) => number,
  dpi: number,
): RasterObjectReport {
  const pixels = width * height * pxPerUnitAtDpi(dpi) ** 2;
  const fitted = pixels > STRIP_PIXELS ? dpi * Math.sqrt(STRIP_PIXELS / pixels) : dpi;
  const scale = pxPerUnitAtDpi(fitted);
  return {
    reason: 'SVG drawn as an image (Skia draws SVG into PDF only as pixels)',
    dpi: Math.floor(fitted),
    widthPx: Math.max(1, Math.ceil(width * scale)),
    heightPx: Math.max(1, Math.ceil(height * scale)),
  };
}

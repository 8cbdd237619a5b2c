/**
 * The sample entries' previews as the studio makes them: the product's art
 * (the view's base image), the strokes over it, then the view's overlay
 * (shading and lines over the paint), the strokes clipped to the view's
 * paintable areas as the studio clips them, drawn with @napi-rs/canvas (Skia) at
 * the preview's size. Without that package (it is optional) the seed falls
 * back to ./sketch.ts's plain renderer: strokes on a flat background.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Stroke } from '../../src/document/types.ts';
import { decodeStroke } from './sketch.ts';

interface ArtView {
  id: string;
  width: number;
  height: number;
  base?: string;
  overlay?: string;
  overlayBlend?: string;
  /** Where paint goes (SVG path data in view pixels): the studio clips every stroke to these. */
  areas?: Array<{ path: string }>;
}

/** A PNG of the view at `scale` with the strokes on the product, or undefined when Skia is not installed. */
export async function productPreview(
  templatesDir: string,
  view: ArtView,
  strokes: Stroke[],
  scale: number,
): Promise<Buffer | undefined> {
  let skia: typeof import('@napi-rs/canvas');
  try {
    skia = await import('@napi-rs/canvas');
  } catch {
    return undefined;
  }
  const width = Math.round(view.width * scale);
  const height = Math.round(view.height * scale);
  const canvas = skia.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const art = async (file: string | undefined) =>
    file ? skia.loadImage(await readFile(resolve(templatesDir, file))) : undefined;
  const base = await art(view.base);
  if (base) ctx.drawImage(base, 0, 0, width, height);
  ctx.save();
  // In view pixels from here: the areas' paths and the strokes' points are both in them.
  ctx.scale(scale, scale);
  if (view.areas?.length) {
    const paintable = new skia.Path2D();
    for (const area of view.areas) paintable.addPath(new skia.Path2D(area.path));
    ctx.clip(paintable);
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.strokeStyle = stroke.color;
    ctx.globalAlpha = stroke.opacity;
    ctx.lineWidth = stroke.size;
    ctx.beginPath();
    decodeStroke(stroke).forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
  }
  ctx.restore();
  const overlay = await art(view.overlay);
  if (overlay) {
    ctx.globalCompositeOperation = (view.overlayBlend ?? 'source-over') as GlobalCompositeOperation;
    ctx.drawImage(overlay, 0, 0, width, height);
  }
  return canvas.encode('png');
}

import type { PlacedObject } from '../document/types.ts';
import type { StudioCanvas } from './render/studio-canvas.ts';

type Rgb = [number, number, number];

/**
 * "Too close" (docs/craft/selection-options.md): a weighted RGB distance
 * ("redmean", a cheap stand-in for how different two colours look) under
 * this, of about 765 at most. Orange on orange, or orange under the car's
 * shading, is under it; black on navy is too; red on orange is not.
 */
const TOO_CLOSE = 150;

/** Candidates when the template sets no palette: black and white, one of which always shows. */
const NO_PALETTE = ['#111111', '#ffffff'];

export function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distance([r1, g1, b1]: Rgb, [r2, g2, b2]: Rgb): number {
  const r = (r1 + r2) / 2;
  return Math.sqrt((2 + r / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - r) / 256) * (b1 - b2) ** 2);
}

/** WCAG's contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => {
    const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour shown on screen at a design point (the mean of a few pixels), or undefined off the product. */
export function colourUnder(canvas: StudioCanvas, x: number, y: number): Rgb | undefined {
  // Drawn now: a shape tool's preview may just have been taken off, its removal not yet shown.
  canvas.renderAll();
  const [a, , , d, e, f] = canvas.viewportTransform;
  const r = canvas.getRetinaScaling();
  const px = Math.round((x * a + e) * r);
  const py = Math.round((y * d + f) * r);
  const data = canvas.getContext().getImageData(px - 2, py - 2, 5, 5).data;
  const sum = [0, 0, 0, 0];
  for (let i = 0; i < data.length; i++) sum[i % 4] += data[i];
  const n = data.length / 4;
  return sum[3] / n < 128 ? undefined : [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** The colour a new text or shape is drawn in, or undefined for a sticker or an image. */
function inkOf(o: PlacedObject): string | undefined {
  if (o.type === 'text') return o.color;
  if (o.type === 'shape') return o.fill ?? o.stroke ?? undefined;
  return undefined;
}

/**
 * A new text or shape whose colour is too close to the colour under it
 * comes out in the palette colour (or black or white) that contrasts most
 * with what is under it. Returns the object to place and the colour chosen,
 * if it had to choose one.
 */
export function visibleOn(o: PlacedObject, colourUnder: () => Rgb | undefined, palette: readonly string[] | undefined) {
  const ink = inkOf(o);
  const under = ink && colourUnder();
  if (!ink || !under || distance(rgb(ink), under) >= TOO_CLOSE) return { object: o };
  const best = (palette?.length ? palette : NO_PALETTE)
    .map((c) => ({ c, ratio: contrastRatio(rgb(c), under) }))
    .reduce((x, y) => (y.ratio > x.ratio ? y : x)).c;
  if (o.type === 'text') return { object: { ...o, color: best }, colour: best };
  if (o.type === 'shape') return { object: o.fill ? { ...o, fill: best } : { ...o, stroke: best }, colour: best };
  return { object: o };
}

import type { TemplateView } from '../../src/template/types.ts';

/**
 * The design areas of a view rendered at an export's size, grown by `grow`
 * pixels to allow for anti-aliased edges. `inside(x, y)` says whether paint
 * may show at an export pixel.
 */
export function areaMask(view: TemplateView, width: number, height: number, grow = 1.5) {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  const s = width / view.width;
  ctx.scale(s, height / view.height);
  ctx.fillStyle = ctx.strokeStyle = '#000';
  ctx.lineWidth = (grow * 2) / s;
  for (const a of view.areas) {
    const p = new Path2D(a.path);
    ctx.fill(p);
    ctx.stroke(p);
  }
  // Locked brand elements are drawn over the paint by design, with or without the product.
  for (const l of view.locked ?? []) ctx.fillRect(l.x, l.y, l.width, l.height);
  const data = ctx.getImageData(0, 0, width, height).data;
  return { inside: (x: number, y: number) => data[(y * width + x) * 4 + 3] > 0 };
}

/** Counts opaque export pixels inside and outside the design areas. */
export function paintCounts(img: ImageData, view: TemplateView): { inside: number; outside: number } {
  const mask = areaMask(view, img.width, img.height);
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] < 8) continue;
      if (mask.inside(x, y)) inside++;
      else outside++;
    }
  }
  return { inside, outside };
}

/** Opaque pixels of an export that are not in the brand elements (the customer's own paint). */
export function customerPaint(img: ImageData, view: TemplateView): number {
  const s = img.width / view.width;
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] < 8) continue;
      const dx = x / s;
      const dy = y / s;
      if ((view.locked ?? []).some((l) => dx >= l.x - 1 && dx <= l.x + l.width + 1 && dy >= l.y - 1 && dy <= l.y + l.height + 1)) continue;
      n++;
    }
  }
  return n;
}

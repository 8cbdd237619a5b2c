/**
 * The site's icon: a brush scribble on the studio's accent blue. Pages link
 * the SVG; browsers (and crawlers) that still ask for `/favicon.ico` get the
 * same drawing as a 32 × 32 ICO, rasterised here from the same geometry, so
 * the repository ships no binary and neither URL answers 404.
 */
import type { FastifyInstance } from 'fastify';

const SIZE = 32;
const RADIUS = 7;
const BLUE = { r: 0x0a, g: 0x58, b: 0xca };
const SCRIBBLE: ReadonlyArray<readonly [number, number]> = [
  [8, 21],
  [13, 11],
  [18, 21],
  [24, 11],
];
const STROKE = 4.5;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">
<rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#0a58ca"/>
<polyline points="${SCRIBBLE.map((p) => p.join(',')).join(' ')}" fill="none"
  stroke="#fff" stroke-width="${STROKE}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;

/** Inside the rounded square (the SVG's `rect` with `rx`). */
function inSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

/** Within half the stroke width of the scribble: round caps and joins, as in the SVG. */
function onStroke(x: number, y: number): boolean {
  for (let i = 1; i < SCRIBBLE.length; i++) {
    const [ax, ay] = SCRIBBLE[i - 1];
    const [bx, by] = SCRIBBLE[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (STROKE / 2) ** 2) return true;
  }
  return false;
}

/** One pixel's colour, averaged over a 4 × 4 grid of samples so the edges are smooth. */
function pixel(px: number, py: number): { r: number; g: number; b: number; a: number } {
  const n = 4;
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const x = px + (sx + 0.5) / n;
      const y = py + (sy + 0.5) / n;
      if (!inSquare(x, y)) continue;
      const c = onStroke(x, y) ? { r: 255, g: 255, b: 255 } : BLUE;
      r += c.r;
      g += c.g;
      b += c.b;
      a += 1;
    }
  }
  // Colours were summed over covered samples only: dividing by them un-premultiplies.
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  return { r: Math.round(r / a), g: Math.round(g / a), b: Math.round(b / a), a: Math.round((255 * a) / (n * n)) };
}

/**
 * An ICO holding one 32-bit BMP: the directory, a BITMAPINFOHEADER whose
 * height counts the colour rows and the AND mask, BGRA rows bottom-up, and
 * an all-zero mask (the alpha channel decides).
 */
export function faviconIco(): Buffer {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * Math.ceil(SIZE / 32) * 4;
  const image = 40 + pixels + mask;
  const out = Buffer.alloc(6 + 16 + image);
  out.writeUInt16LE(1, 2); // type: icon
  out.writeUInt16LE(1, 4); // one image
  out.writeUInt8(SIZE, 6);
  out.writeUInt8(SIZE, 7);
  out.writeUInt16LE(1, 10); // planes
  out.writeUInt16LE(32, 12); // bits per pixel
  out.writeUInt32LE(image, 14);
  out.writeUInt32LE(22, 18); // offset of the image
  const header = 22;
  out.writeUInt32LE(40, header);
  out.writeInt32LE(SIZE, header + 4);
  out.writeInt32LE(SIZE * 2, header + 8);
  out.writeUInt16LE(1, header + 12);
  out.writeUInt16LE(32, header + 14);
  out.writeUInt32LE(pixels + mask, header + 20);
  let at = header + 40;
  for (let y = SIZE - 1; y >= 0; y--) {
    for (let x = 0; x < SIZE; x++) {
      const { r, g, b, a } = pixel(x, y);
      out.writeUInt8(b, at);
      out.writeUInt8(g, at + 1);
      out.writeUInt8(r, at + 2);
      out.writeUInt8(a, at + 3);
      at += 4;
    }
  }
  return out;
}

const DAY_S = 24 * 3600;

/** `/favicon.svg` and `/favicon.ico`, made once. */
export function faviconRoutes(app: FastifyInstance): void {
  const ico = faviconIco();
  app.get('/favicon.svg', async (_request, reply) =>
    reply
      .header('Content-Type', 'image/svg+xml')
      .header('Cache-Control', `public, max-age=${DAY_S}`)
      // Opened as a document it still runs nothing.
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(FAVICON_SVG),
  );
  app.get('/favicon.ico', async (_request, reply) =>
    reply.header('Content-Type', 'image/x-icon').header('Cache-Control', `public, max-age=${DAY_S}`).send(ico),
  );
}

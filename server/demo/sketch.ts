/**
 * The demo's sample entries, drawn by a script: a few strokes per view of a
 * design document, and a plain PNG of them rendered here in Node — a round
 * brush stamped along each stroke, written with zlib. Deterministic (a seeded
 * generator), with no binary fixtures in the repository. The seed prefers
 * ./preview.ts (the product under the strokes, with Skia) and falls back to
 * this one where @napi-rs/canvas is not installed.
 */
import { deflateSync } from 'node:zlib';
import type { Stroke } from '../../src/document/types.ts';
import { decodePoints, encodePoints } from '../../src/document/points.ts';
import { mulberry32 } from '../../src/editor/render/spray/random.ts';

/** The spray's seeded generator (src/editor/render/spray/random.ts): the same strokes on every start. */
export const random = mulberry32;

/** A wavy stroke across `box` (view pixels) as the document stores it: quantised, delta-encoded points. */
export function waveStroke(
  rnd: () => number,
  box: { x: number; y: number; w: number; h: number },
  color: string,
  size: number,
): Stroke {
  const points: [number, number][] = [];
  const steps = 24;
  const phase = rnd() * Math.PI * 2;
  const amp = box.h * (0.15 + rnd() * 0.3);
  const mid = box.y + box.h * (0.25 + rnd() * 0.5);
  for (let i = 0; i <= steps; i++) {
    const x = box.x + (box.w * i) / steps;
    points.push([x, mid + Math.sin(phase + (i / steps) * Math.PI * (2 + rnd() * 2)) * amp]);
  }
  const pts = encodePoints(points.map(([x, y]) => ({ x, y })));
  return { type: 'stroke', tool: 'marker', color, size, opacity: 1, pts };
}

/** A stroke's points in view pixels. */
export function decodeStroke(stroke: Stroke): [number, number][] {
  const xy = decodePoints(stroke.pts);
  const out: [number, number][] = [];
  for (let i = 0; i < xy.length; i += 2) out.push([xy[i], xy[i + 1]]);
  return out;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** An RGB image of `width` × `height` showing the strokes (view pixels scaled by `scale`) over `background`. */
export function renderStrokes(
  strokes: Stroke[],
  width: number,
  height: number,
  scale: number,
  background: string,
): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const [br, bg, bb] = rgb(background);
  for (let i = 0; i < width * height; i++) pixels.set([br, bg, bb], i * 3);
  for (const stroke of strokes) {
    const colour = rgb(stroke.color);
    const r = Math.max(1, (stroke.size * scale) / 2);
    const points = decodeStroke(stroke).map(([x, y]) => [x * scale, y * scale]);
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0) / Math.max(1, r / 2));
      for (let s = 0; s <= n; s++) {
        const cx = x0 + ((x1 - x0) * s) / n;
        const cy = y0 + ((y1 - y0) * s) / n;
        for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(height - 1, Math.ceil(cy + r)); y++) {
          for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(width - 1, Math.ceil(cx + r)); x++) {
            if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) pixels.set(colour, (y * width + x) * 3);
          }
        }
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit RGB PNG of raw pixels. */
export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

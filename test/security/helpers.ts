// Hostile files are built here byte by byte, so every test says exactly what it feeds in.
import { expect } from '@open-wc/testing';
import { StudioError } from '../../src/errors.ts';
import { base64ToBytes } from '../../src/security/data-url.ts';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const SVG_NS = 'http://www.w3.org/2000/svg';

export function concat(...parts: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
export const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
export const be16 = (n: number) => [(n >>> 8) & 255, n & 255];

// Our own CRC-32, so the tests do not trust the code under test to build their input.
function crc32(bytes: ArrayLike<number>): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c ^= bytes[i]!;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: ArrayLike<number> = []): Uint8Array {
  const body = concat(ascii(type), data);
  return concat(be32(data.length), body, be32(crc32(body)));
}

/** A PNG with an arbitrary IHDR and a token IDAT: enough for a header reader, never decodable at that size. */
export function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = concat(be32(width), be32(height), [8, 2, 0, 0, 0]);
  // zlib header + a few stored zero bytes: what a bomb's first IDAT looks like.
  const idat = [0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
  return concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND'));
}

export type Paint = (ctx: CanvasRenderingContext2D, w: number, h: number) => void;

export async function canvasBytes(w: number, h: number, type: string, paint: Paint, quality = 0.95): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  paint(canvas.getContext('2d')!, w, h);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, quality));
  return new Uint8Array(await blob.arrayBuffer());
}

/** Four solid quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow. */
export const quadrants: Paint = (ctx, w, h) => {
  const [hw, hh] = [w / 2, h / 2];
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, hw, hh);
  ctx.fillStyle = '#0f0';
  ctx.fillRect(hw, 0, hw, hh);
  ctx.fillStyle = '#00f';
  ctx.fillRect(0, hh, hw, hh);
  ctx.fillStyle = '#ff0';
  ctx.fillRect(hw, hh, hw, hh);
};

/** Offset of the first SOFn marker of a JPEG (walking segment lengths). */
export function findSof(jpeg: Uint8Array): number {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return at;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  }
  throw new Error('no SOF');
}

/** A copy of a JPEG whose frame header claims another size. */
export function patchJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
  const out = concat(jpeg);
  const sof = findSof(out);
  out.set(be16(height), sof + 5);
  out.set(be16(width), sof + 7);
  return out;
}

/** An EXIF APP1 segment (big-endian TIFF) holding only the Orientation tag. */
export function exifOrientation(orientation: number): Uint8Array {
  const tiff = concat(ascii('MM'), be16(42), be32(8), be16(1), be16(0x0112), be16(3), be32(1), be16(orientation), [0, 0], be32(0));
  const payload = concat(ascii('Exif'), [0, 0], tiff);
  return concat([0xff, 0xe1], be16(payload.length + 2), payload);
}

/** Splices a segment right after SOI, where cameras put EXIF. */
export function spliceAfterSoi(jpeg: Uint8Array, segment: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat(jpeg.subarray(0, 2), segment, jpeg.subarray(2));
}

export function fileOf(bytes: BlobPart | BlobPart[], name: string, type = 'image/png'): File {
  return new File(Array.isArray(bytes) ? bytes : [bytes], name, { type });
}

export const svgFile = (text: string, name = 'art.svg') => fileOf(text, name, 'image/svg+xml');

/** Awaits a refusal and checks it is a StudioError with the expected code. */
export async function expectRefused(run: Promise<unknown> | (() => unknown), code: string): Promise<StudioError> {
  let error: unknown;
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (e) {
    error = e;
  }
  expect(error, `expected a StudioError ${code}`).to.be.instanceOf(StudioError);
  expect((error as StudioError).code, (error as StudioError).message).to.equal(code);
  expect((error as StudioError).message).to.be.a('string').and.not.empty;
  return error as StudioError;
}

/** Draws an image source into a canvas and reads one pixel. */
export async function pixelAt(src: string, x: number, y: number): Promise<[number, number, number, number]> {
  const img = new Image();
  img.src = src;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(img, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data] as [number, number, number, number];
}

export function dataUrlBytes(src: string): Uint8Array {
  return base64ToBytes(src.slice(src.indexOf(',') + 1));
}

export const hasBytes = (haystack: Uint8Array, needle: ArrayLike<number>) => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

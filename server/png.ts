/**
 * PNG checks on base64 text, header first: the signature and the IHDR
 * dimensions come from the first 44 characters, so a pixel bomb that claims
 * 100,000 × 100,000 is refused before the rest is even decoded. The server
 * never inflates image data; a browser showing a stored preview decodes at
 * most `maxSide`² pixels.
 */
import * as zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signature (8) + IHDR length, type, 13 bytes of data and CRC (25) = 33 bytes = 44 base64 characters. */
const HEADER_CHARS = 44;
/** Bit depths allowed for each colour type (PNG spec, table 11.1). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export class PngError extends Error {}

export interface PngHeader {
  width: number;
  height: number;
}

/** Reads and checks the header from the start of a base64 PNG. */
export function readPngHeader(base64: string, maxSide: number): PngHeader {
  if (base64.length < HEADER_CHARS) throw new PngError('not a PNG (too short)');
  const head = Buffer.from(base64.slice(0, HEADER_CHARS), 'base64');
  if (!head.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG (bad signature)');
  if (head.readUInt32BE(8) !== 13 || head.toString('latin1', 12, 16) !== 'IHDR') throw new PngError('not a PNG (IHDR must come first)');
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  if (width < 1 || height < 1) throw new PngError('PNG with no pixels');
  if (width > maxSide || height > maxSide) throw new PngError(`PNG of ${width} × ${height} pixels, above the ${maxSide} × ${maxSide} cap`);
  const [depth, colour, compression, filter, interlace] = head.subarray(24, 29);
  if (!DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) {
    throw new PngError('PNG header with an invalid bit depth, colour type or method');
  }
  return { width, height };
}

// zlib.crc32 came in Node 20.15; without it the chunk walk still checks the structure.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * The whole file: header as above, then every chunk's length, type and CRC,
 * at least one IDAT, and IEND as the very last bytes, so nothing (an HTML or
 * ZIP polyglot) hides after the image.
 */
export function checkPng(base64: string, maxSide: number): PngHeader & { bytes: Buffer } {
  const header = readPngHeader(base64, maxSide);
  const bytes = Buffer.from(base64, 'base64');
  let at = 8;
  let idat = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngError(`PNG chunk at byte ${at} has an invalid type`);
    const end = at + 12 + length;
    if (end > bytes.length) throw new PngError(`PNG chunk ${type} runs past the end of the file`);
    if (crc32 && crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) {
      throw new PngError(`PNG chunk ${type} has a bad CRC`);
    }
    if (type === 'IDAT') idat = true;
    at = end;
    if (type === 'IEND') {
      if (at !== bytes.length) throw new PngError('bytes after the end of the PNG');
      if (!idat) throw new PngError('PNG without image data');
      return { ...header, bytes };
    }
  }
  throw new PngError('PNG ends without an IEND chunk');
}

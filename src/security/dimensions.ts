import { ErrorCode, StudioError } from '../errors.ts';
import { Limits, type DimensionLimits } from './limits.ts';
import { ImageMime } from './sniff.ts';

export interface Dimensions {
  width: number;
  height: number;
}

/**
 * Reads a Blob piecewise: a JPEG header walk jumps over large APP segments
 * (EXIF, ICC, Photoshop) without reading them, so a 15 MB file costs a few
 * small slices.
 */
class BlobWindow {
  private start = 0;
  private bytes = new Uint8Array(0);
  constructor(private readonly blob: Blob) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (offset < this.start || offset + length > this.start + this.bytes.length) {
      const end = Math.min(this.blob.size, offset + Math.max(length, 4096));
      this.bytes = new Uint8Array(await this.blob.slice(offset, end).arrayBuffer());
      this.start = offset;
    }
    const from = offset - this.start;
    if (from + length > this.bytes.length) throw damaged();
    return this.bytes.subarray(from, from + length);
  }
}

function damaged(): StudioError {
  return new StudioError(ErrorCode.UploadDecode, 'The image is damaged or truncated.');
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * PNG: signature, then IHDR must be the first chunk (the spec says so, and a
 * decoder that finds it elsewhere is being tricked). 33 bytes are enough.
 */
export async function readPngDimensions(blob: Blob): Promise<Dimensions> {
  const b = new Uint8Array(await blob.slice(0, 33).arrayBuffer());
  if (b.length < 33) throw damaged();
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v)) throw damaged();
  const isIhdr = u32(b, 8) === 13 && String.fromCharCode(...b.subarray(12, 16)) === 'IHDR';
  // The CRC covers type + data; a mismatch means a corrupt or hand-edited header.
  if (!isIhdr || crc32(b.subarray(12, 29)) !== u32(b, 29)) throw damaged();
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) throw damaged();
  return { width, height };
}

// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// Markers without a length field.
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
/** A real JPEG has a handful of segments before the frame header; thousands is an attack. */
const MAX_JPEG_SEGMENTS = 1024;
const MAX_FILL_BYTES = 64;

/** JPEG: walks the marker segments up to the first SOFn, never past SOS. */
export async function readJpegDimensions(blob: Blob): Promise<Dimensions> {
  const win = new BlobWindow(blob);
  const soi = await win.read(0, 2);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) throw damaged();
  let offset = 2;
  for (let segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
    let fill = 0;
    let marker = 0xff;
    // Any number of 0xFF fill bytes may precede a marker (bounded here).
    while (marker === 0xff) {
      const [prefix, next] = await win.read(offset, 2);
      if (prefix !== 0xff || fill++ > MAX_FILL_BYTES) throw damaged();
      marker = next!;
      offset += marker === 0xff ? 1 : 2;
    }
    if (isStandalone(marker)) continue;
    // Entropy data, end of image or a second SOI before any frame header.
    if (marker === 0xda || marker === 0xd9 || marker === 0xd8 || marker === 0x00) throw damaged();
    const length = u16(await win.read(offset, 2), 0);
    if (length < 2) throw damaged();
    if (isSof(marker)) {
      if (length < 8) throw damaged();
      const sof = await win.read(offset + 2, 5);
      const height = u16(sof, 1);
      const width = u16(sof, 3);
      // Height 0 defers it to a DNL marker after the scan: we would have to decode to know.
      if (width === 0 || height === 0) throw damaged();
      return { width, height };
    }
    offset += length;
  }
  throw damaged();
}

/** Header dimensions for a sniffed raster type. */
export function readRasterDimensions(blob: Blob, mime: ImageMime): Promise<Dimensions> {
  if (mime === ImageMime.Png) return readPngDimensions(blob);
  if (mime === ImageMime.Jpeg) return readJpegDimensions(blob);
  throw new StudioError(ErrorCode.UploadType, 'Only PNG and JPEG have a raster header.');
}

/** Refuses sizes that would be too costly to decode or keep. */
export function checkDimensions(dim: Dimensions, limits: DimensionLimits = {}): void {
  const maxSide = limits.maxSide ?? Limits.maxSide;
  const maxPixels = limits.maxPixels ?? Limits.maxPixels;
  const { width, height } = dim;
  if (!(width > 0 && height > 0 && width <= maxSide && height <= maxSide && width * height <= maxPixels)) {
    throw new StudioError(
      ErrorCode.UploadDimensions,
      `The image is ${width} × ${height} pixels; ` +
        `the limit is ${maxSide} pixels per side and ${maxPixels / 1e6} megapixels.`,
      { width, height, maxSide, maxPixels },
    );
  }
}

import { ErrorCode, StudioError } from '../errors.ts';
import { assertDecodesAsImage, blobToDataUrl, decodeUtf8, svgToDataUrl } from './data-url.ts';
import { checkDimensions, readRasterDimensions, type Dimensions } from './dimensions.ts';
import { Limits } from './limits.ts';
import { ImageMime, sniffBlob } from './sniff.ts';
import { sanitizeSvg } from './svg.ts';

export interface PreparedImage {
  /** A `data:` URL of bytes we produced ourselves (re-encoded or re-serialised). */
  src: string;
  width: number;
  height: number;
  mime: ImageMime;
  name?: string;
}

export interface UploadOptions {
  /** Raster file size cap in bytes (default 15 MB). */
  maxBytes?: number;
  /** SVG file size cap in bytes (default 1 MB). */
  maxSvgBytes?: number;
  maxSide?: number;
  maxPixels?: number;
  /** Long side of the stored raster (default 2048). */
  storeMaxSide?: number;
  /**
   * Cap on the stored `src` length; a raster over it is scaled down further,
   * so one upload cannot make the design document too big to save.
   */
  maxSrcChars?: number;
}

const tooLarge = (limit: number) =>
  new StudioError(ErrorCode.UploadTooLarge, `The file is larger than ${limit} bytes.`, { limit });

/**
 * Turns an untrusted file into an image the design may hold. Order matters:
 * nothing is decoded before the size, the real type and the header
 * dimensions have been checked.
 */
export async function prepareUpload(file: Blob, opts: UploadOptions = {}): Promise<PreparedImage> {
  try {
    return await prepare(file, opts);
  } catch (error) {
    // A file that vanished from disk or a browser quirk: still one error shape for the UI.
    if (error instanceof StudioError) throw error;
    throw new StudioError(ErrorCode.UploadDecode, 'The file could not be read.');
  }
}

async function prepare(file: Blob, opts: UploadOptions): Promise<PreparedImage> {
  const maxBytes = opts.maxBytes ?? Limits.maxRasterBytes;
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  const mime = await sniffBlob(file);
  const prepared = mime === ImageMime.Svg ? await prepareSvg(file, opts) : await prepareRaster(file, mime, opts);
  const name = typeof File !== 'undefined' && file instanceof File ? cleanName(file.name) : '';
  return name ? { ...prepared, name } : prepared;
}

async function prepareSvg(file: Blob, opts: UploadOptions): Promise<PreparedImage> {
  const maxSvgBytes = opts.maxSvgBytes ?? Limits.maxSvgBytes;
  if (file.size > maxSvgBytes) throw tooLarge(maxSvgBytes);
  const text = decodeUtf8(await file.arrayBuffer());
  const clean = sanitizeSvg(text, { maxBytes: maxSvgBytes, maxSide: opts.maxSide });
  checkDimensions(clean, opts);
  const src = svgToDataUrl(clean.svg);
  await assertDecodesAsImage(src);
  return { src, width: clean.width, height: clean.height, mime: ImageMime.Svg };
}

const decodeFailed = (message = 'The image could not be decoded; it may be damaged or truncated.') =>
  new StudioError(ErrorCode.UploadDecode, message);

async function prepareRaster(file: Blob, mime: ImageMime, opts: UploadOptions): Promise<PreparedImage> {
  const header = await readRasterDimensions(file, mime);
  checkDimensions(header, opts);
  let bitmap: ImageBitmap;
  try {
    // from-image applies EXIF orientation, so a phone photo is upright once re-encoded without EXIF.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw decodeFailed();
  }
  try {
    const { width, height } = bitmap;
    const same = width === header.width && height === header.height;
    const rotated = width === header.height && height === header.width;
    if (!same && !rotated) throw decodeFailed('The decoded image does not match its header.');
    const maxSrcChars = opts.maxSrcChars ?? Limits.maxSrcChars;
    let side = opts.storeMaxSide ?? Limits.storeMaxSide;
    for (let attempt = 0; attempt < 6; attempt++) {
      const size = fit({ width, height }, side);
      // Re-encoding keeps the pixels and nothing else: no metadata, no trailing polyglot payload.
      const blob = await encode(bitmap, size, mime);
      const src = await blobToDataUrl(blob, mime);
      if (src.length <= maxSrcChars) return { src, ...size, mime };
      side = Math.floor(Math.max(size.width, size.height) * 0.7);
    }
    throw new StudioError(ErrorCode.UploadTooLarge, 'The image is too detailed to store.', { limit: maxSrcChars });
  } finally {
    bitmap.close();
  }
}

function fit(size: Dimensions, maxSide: number): Dimensions {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

async function encode(source: ImageBitmap, size: Dimensions, mime: ImageMime): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw decodeFailed('No 2D canvas is available to re-encode the image.');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, size.width, size.height);
  const blob = await canvas.convertToBlob({ type: mime, quality: Limits.jpegQuality });
  // A browser that cannot encode the type silently falls back to PNG; the label must not lie.
  if (blob.type !== mime) throw decodeFailed(`This browser cannot encode ${mime}.`);
  return blob;
}

/** File names are shown in the UI: drop control and bidi-override characters, bound the length. */
function cleanName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 120);
}

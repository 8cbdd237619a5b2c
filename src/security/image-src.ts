import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { base64ToBytes, decodeUtf8 } from './data-url.ts';
import { checkDimensions, readRasterDimensions, type Dimensions } from './dimensions.ts';
import { Limits, type DimensionLimits } from './limits.ts';
import { ImageMime, SNIFF_BYTES, sniffBytes } from './sniff.ts';
import { sanitizeSvg } from './svg.ts';

export interface VerifiedImage extends Dimensions {
  mime: ImageMime;
}

export interface ImageSrcOptions extends DimensionLimits {
  /** Characters of the whole `data:` URL (default: the design document's cap). */
  maxSrcChars?: number;
  maxRasterBytes?: number;
  maxSvgBytes?: number;
}

// Strict forms only: lowercase, no whitespace, padded base64. The URL parser
// drops tabs and newlines and treats `#` as a fragment, so anything looser
// could make the browser read other bytes than the ones we checked.
const B64 = '([A-Za-z0-9+/]+={0,2})';
const RASTER_SRC = new RegExp(`^data:(image/png|image/jpeg);base64,${B64}$`);
const SVG_BASE64_SRC = new RegExp(`^data:image/svg\\+xml(?:;charset=utf-8)?;base64,${B64}$`);
const SVG_TEXT_SRC = /^data:image\/svg\+xml(?:;charset=utf-8)?,([^#\s\u0000-\u001f\u007f]+)$/;

type ParsedSrc =
  | { mime: typeof ImageMime.Png | typeof ImageMime.Jpeg; base64: string }
  | { mime: typeof ImageMime.Svg; base64: string }
  | { mime: typeof ImageMime.Svg; encoded: string };

function parseSrc(src: string): ParsedSrc | null {
  let m = RASTER_SRC.exec(src);
  if (m) return m[2]!.length % 4 === 0 ? { mime: m[1] as typeof ImageMime.Png, base64: m[2]! } : null;
  m = SVG_BASE64_SRC.exec(src);
  if (m) return m[1]!.length % 4 === 0 ? { mime: ImageMime.Svg, base64: m[1]! } : null;
  m = SVG_TEXT_SRC.exec(src);
  return m ? { mime: ImageMime.Svg, encoded: m[1]! } : null;
}

function decodeText(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * Cheap, synchronous shape check for schema validation: a PNG, JPEG or SVG
 * `data:` URL in one of the strict forms, under the length cap. It says
 * nothing about the bytes; `verifyImageSrc` does.
 */
export function isAcceptableImageSrcSyntax(
  src: unknown,
  maxSrcChars: number = DOCUMENT_LIMITS.imageSrcChars,
): src is string {
  if (typeof src !== 'string' || src.length > maxSrcChars) return false;
  const parsed = parseSrc(src);
  return parsed !== null && ('base64' in parsed || decodeText(parsed.encoded) !== null);
}

const notAccepted = () =>
  new StudioError(ErrorCode.UploadType, 'Images must be PNG, JPEG or SVG data: URLs.', { accepted: 'PNG, JPEG, SVG' });

/**
 * Checks an image that arrives by any way other than an upload (a draft,
 * `loadDesign`, the iframe bridge): the same type, size and dimension rules,
 * and an SVG must be exactly what `sanitizeSvg` produces, i.e. it went
 * through the upload path (ours, unmodified) — anything else is refused, not
 * repaired, so a tampered design cannot slip markup past us.
 */
export async function verifyImageSrc(src: string, opts: ImageSrcOptions = {}): Promise<VerifiedImage> {
  try {
    return await verify(src, opts);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw new StudioError(ErrorCode.UploadDecode, 'The image data could not be read.');
  }
}

async function verify(src: string, opts: ImageSrcOptions): Promise<VerifiedImage> {
  const maxSrcChars = opts.maxSrcChars ?? DOCUMENT_LIMITS.imageSrcChars;
  if (typeof src !== 'string') throw notAccepted();
  if (src.length > maxSrcChars) {
    throw new StudioError(ErrorCode.UploadTooLarge, `The image is larger than ${maxSrcChars} characters.`, {
      limit: maxSrcChars,
    });
  }
  const parsed = parseSrc(src);
  if (!parsed) throw notAccepted();

  if (parsed.mime !== ImageMime.Svg) {
    const bytes = base64ToBytes(parsed.base64);
    const maxBytes = opts.maxRasterBytes ?? Limits.maxRasterBytes;
    if (bytes.length > maxBytes)
      throw new StudioError(ErrorCode.UploadTooLarge, `The image is larger than ${maxBytes} bytes.`, {
        limit: maxBytes,
      });
    // The label is a claim like file.type: the bytes must agree with it.
    if (sniffBytes(bytes.subarray(0, SNIFF_BYTES)) !== parsed.mime) {
      throw new StudioError(ErrorCode.UploadType, `The image data is not ${parsed.mime}.`, { accepted: parsed.mime });
    }
    const dims = await readRasterDimensions(new Blob([bytes]), parsed.mime);
    checkDimensions(dims, opts);
    return { ...dims, mime: parsed.mime };
  }

  const text = 'base64' in parsed ? decodeUtf8(base64ToBytes(parsed.base64)) : decodeText(parsed.encoded);
  if (text === null) throw notAccepted();
  const clean = sanitizeSvg(text, { maxBytes: opts.maxSvgBytes ?? Limits.maxSvgBytes, maxSide: opts.maxSide });
  if (clean.svg !== text) {
    throw new StudioError(ErrorCode.UploadUnsafe, 'This SVG was not prepared by the studio; upload it again.');
  }
  checkDimensions(clean, opts);
  return { width: clean.width, height: clean.height, mime: ImageMime.Svg };
}

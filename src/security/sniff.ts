import { ErrorCode, StudioError } from '../errors.ts';

/** The only image types a design may contain. */
export const ImageMime = {
  Png: 'image/png',
  Jpeg: 'image/jpeg',
  Svg: 'image/svg+xml',
} as const;
export type ImageMime = (typeof ImageMime)[keyof typeof ImageMime];

/** Enough for the SVG prolog (XML declaration, editor comments) of real files. */
export const SNIFF_BYTES = 8192;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * The real type from the first bytes; `file.type` and the file name are the
 * sender's claim and are never consulted. Everything else (GIF, WebP, HTML,
 * PDF, UTF-16 text…) is `null`.
 */
export function sniffBytes(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return ImageMime.Png;
  // SOI followed by the first marker's 0xFF; every JPEG flavour starts so.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ImageMime.Jpeg;
  // UTF-16 SVGs exist but are rare; refusing them keeps one text decoder.
  if (startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe])) return null;
  return looksLikeSvg(new TextDecoder('utf-8').decode(bytes)) ? ImageMime.Svg : null;
}

/**
 * True when, after whitespace, the XML declaration and comments, the text
 * starts with `<svg`. A `<!DOCTYPE svg` also counts so the sanitiser can
 * refuse it as unsafe (a clearer message than "not an image").
 */
export function looksLikeSvg(text: string): boolean {
  let i = 0;
  for (let guard = 0; guard < 64; guard++) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const rest = text.slice(i, i + 16);
    if (rest.startsWith('<?xml') && /^<\?xml\s/.test(rest)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return false;
      i = end + 2;
    } else if (rest.startsWith('<!--')) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else {
      return /^<svg[\s>/]/.test(rest) || /^<!DOCTYPE\s+svg[\s>[]/i.test(rest);
    }
  }
  return false;
}

/** Sniffs a Blob from its first bytes only; refuses anything unsupported. */
export async function sniffBlob(blob: Blob): Promise<ImageMime> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const mime = sniffBytes(head);
  if (!mime) {
    throw new StudioError(ErrorCode.UploadType, 'This file is not a PNG, JPEG or SVG image.', {
      accepted: 'PNG, JPEG, SVG',
    });
  }
  return mime;
}

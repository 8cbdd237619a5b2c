import { ErrorCode, StudioError } from '../errors.ts';

/** Base64 without FileReader, chunked so large images do not blow the argument limit. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The label is ours, never the Blob's own `type` (which the sender chose). */
export async function blobToDataUrl(blob: Blob, mime: string): Promise<string> {
  return `data:${mime};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

/** Base64 rather than URL-encoding: no `#` or whitespace for a URL parser to reinterpret. */
export function svgToDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svg))}`;
}

/** Strict UTF-8: invalid bytes would be read differently by different parsers. */
export function decodeUtf8(bytes: Uint8Array | ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StudioError(ErrorCode.UploadDecode, 'The SVG is not valid UTF-8 text.');
  }
}

/**
 * Loads a data: URL as an `<img>`, the way the canvas will: an image the
 * browser cannot draw is refused now, not when it silently fails later.
 * As an image, an SVG never runs script or fetches anything.
 */
export async function assertDecodesAsImage(src: string): Promise<void> {
  const img = new Image();
  img.src = src;
  try {
    await img.decode();
  } catch {
    throw new StudioError(ErrorCode.UploadDecode, 'The browser could not draw this image.');
  }
  if (img.naturalWidth === 0 || img.naturalHeight === 0) {
    throw new StudioError(ErrorCode.UploadDecode, 'The browser could not draw this image.');
  }
}

import { ErrorCode, StudioError } from '../errors.ts';
import type { Dimensions } from './dimensions.ts';

// CSS absolute units in px (96 dpi); relative units (%, em) say nothing on their own.
const UNIT_PX: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

function parseLength(value: string | null): number | null {
  const m = value?.trim().match(/^\+?(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*(px|pt|pc|mm|cm|in)?$/i);
  if (!m) return null;
  const number = Number(value!.trim().replace(/[a-z]+$/i, ''));
  return number * UNIT_PX[(m[2] ?? '').toLowerCase()]!;
}

function parseViewBox(value: string | null): Dimensions | null {
  if (!value) return null;
  const parts = value
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [, , width, height] = parts as [number, number, number, number];
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Two decimals are plenty and keep the written attributes stable on a second pass. */
const tidy = (n: number) => Math.round(n * 100) / 100;

/**
 * The intrinsic size from `width`/`height` (absolute units), else the
 * viewBox, else the other side through the viewBox aspect. The root is then
 * rewritten with plain px `width`/`height` (and a viewBox if it had none) so
 * an `<img>` and fabric both see the same, explicit size.
 */
export function fixSvgSize(root: Element, maxSide: number): Dimensions {
  const viewBox = parseViewBox(root.getAttribute('viewBox'));
  let width = parseLength(root.getAttribute('width'));
  let height = parseLength(root.getAttribute('height'));
  if (viewBox) {
    if (width === null && height !== null) width = (height * viewBox.width) / viewBox.height;
    if (height === null && width !== null) height = (width * viewBox.height) / viewBox.width;
    width ??= viewBox.width;
    height ??= viewBox.height;
  }
  if (width !== null) width = tidy(width);
  if (height !== null) height = tidy(height);
  if (width === null || height === null || !(width >= 1 && height >= 1 && width <= maxSide && height <= maxSide)) {
    throw new StudioError(
      ErrorCode.UploadDimensions,
      width === null || height === null
        ? 'The SVG has no usable width, height or viewBox.'
        : `The SVG is ${width} × ${height}; each side must be between 1 and ${maxSide}.`,
      { width: width ?? 0, height: height ?? 0, maxSide },
    );
  }
  if (!viewBox) root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  return { width, height };
}

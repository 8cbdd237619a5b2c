/**
 * Every bound the design-document validator enforces, in one place so the
 * server, the docs and the tests read the same numbers.
 */
import { MAX_BEND } from './types.ts';

export const DOCUMENT_LIMITS = {
  /** JSON text of a whole document, in UTF-8 bytes (docs/design.md: ≤ 8 MB). */
  documentBytes: 8 * 1024 * 1024,
  /** Nesting of objects and arrays; a valid document needs about 8. */
  depth: 32,
  views: 16,
  layersPerView: 200,
  /** Strokes and fills of all paint layers of one view together. */
  marksPerView: 200_000,
  idPattern: /^[A-Za-z0-9_-]{1,64}$/,
  nameChars: 120,
  templateStringChars: 64,
  textChars: 10_000,
  /** |x| and |y| of a placement, in view units. */
  coordinate: 100_000,
  scaleMin: 0.001,
  scaleMax: 1000,
  /** |angle| in degrees. */
  angle: 36_000,
  /** Upper bound of every size, width, height and stroke width, in design units. */
  size: 10_000,
  /** Entries of a stroke's `pts` array (two per point). */
  ptsEntries: 200_000,
  /** |x| and |y| of every decoded point (of a stroke or a bucket's ring), in quanta. */
  ptsValue: 4_000_000,
  /**
   * |value| of every `pts` or ring entry: a second-order delta between points within ±ptsValue stays within
   * 4 × ptsValue, so any such stroke can be stored (points.ts).
   */
  ptsEntry: 16_000_000,
  pressureMax: 255,
  /** Rings of a bucket fill's region, and their entries (two per point) together. */
  regionRings: 20_000,
  regionEntries: 400_000,
  gradientStops: 8,
  densityMin: 1,
  densityMax: 200,
  sidesMin: 3,
  sidesMax: 24,
  seedMax: 0xffff_ffff,
  /** |bend| of curved text; 100 closes the arc into a circle. */
  bend: MAX_BEND,
  /** The draft's clock, in ms (about 24 days of painting); the same in TIME_QUANTUM_MS; a stroke's (an hour). */
  clockMs: 2_147_483_647,
  clockTicks: 42_949_672,
  strokeTicks: 72_000,
  /** Characters of an image `data:` URL. */
  imageSrcChars: 12 * 1024 * 1024,
} as const;

/** The `data:` URL prefixes an image `src` may start with; nothing is ever fetched. */
export const IMAGE_SRC_PATTERN = /^data:image\/(?:png;base64,|jpeg;base64,|svg\+xml[;,])/;

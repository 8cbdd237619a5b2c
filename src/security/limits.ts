/**
 * Default caps for anything that becomes an image in a design. One place, so
 * the upload path, the draft/loadDesign path and the docs agree.
 */
export const Limits = {
  /** Raster uploads; a phone photo is 3–12 MB, anything bigger is not a photo. */
  maxRasterBytes: 15 * 1024 * 1024,
  /** SVG is text parsed in the page: keep it small. */
  maxSvgBytes: 1024 * 1024,
  /** Per side, read from the header before any decoding. */
  maxSide: 8192,
  /** 40 MP decodes to 160 MB of RGBA; more than that is a decompression bomb. */
  maxPixels: 40_000_000,
  /** Long side of the re-encoded image stored in the design. */
  storeMaxSide: 2048,
  jpegQuality: 0.92,
  /**
   * Stored `src` length of one upload (~3 MB of image). The whole design
   * document is capped at 8 MB, so one picture must not be able to fill it.
   */
  maxSrcChars: 4 * 1024 * 1024,
  /** Elements in an SVG as written. */
  svgMaxElements: 5000,
  /** Elements once every <use> is expanded (the "use bomb" cap). */
  svgMaxExpandedElements: 20_000,
} as const;

export interface DimensionLimits {
  maxSide?: number;
  maxPixels?: number;
}

import type { RasterLayerReport } from './layers.ts';

// What a print job says about each page: its size, and which layers became images or were left out, and why.

/** A layer printed as an image, and why. */
export interface RasterLayerEntry extends RasterLayerReport {
  layer: string;
  name: string;
  reason: string;
}

/** A layer left out of the print file, and why (none today: every kind of layer is drawn; kept for what may come). */
export interface SkippedLayerEntry {
  layer: string;
  name: string;
  reason: string;
}

export interface PrintViewReport {
  view: string;
  /** 1-based page number in the PDF. */
  page: number;
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  safeMm?: number;
  panels: string[];
  rasterLayers: RasterLayerEntry[];
  skippedLayers: SkippedLayerEntry[];
  /** Locked brand elements left out: no `readAsset` was given to read their art. */
  skippedLocked: { id: string; name: string; reason: string }[];
  /** Locked brand elements drawn as images (SVG art outside the vector subset, at the raster dpi). */
  rasterLocked: { id: string; name: string; reason: string; dpi: number; widthPx: number; heightPx: number }[];
}

export interface PrintReport {
  views: PrintViewReport[];
  /** Template views without a print size: not printed. */
  unprintedViews: string[];
}

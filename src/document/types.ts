/**
 * The design document: our own versioned JSON, not fabric's `toJSON`.
 * Pure data: no fabric, no lit, so the server validates with the same code.
 * Arrays with `id` fields instead of keyed objects, so no host-supplied key
 * ever becomes a property name.
 */
export const DOCUMENT_FORMAT = 'co-design-document';
export const DOCUMENT_VERSION = 1;

/** Stroke points are stored as integers in 1/POINT_QUANTUM of a design unit. */
export const POINT_QUANTUM = 4;

export interface DesignDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof DOCUMENT_VERSION;
  template: { id: string; version: string };
  meta: { created: string; updated: string; author?: string };
  views: ViewDesign[];
}

export interface ViewDesign {
  /** A view id of the template. */
  view: string;
  /** Bottom to top. */
  layers: Layer[];
}

interface LayerBase {
  id: string;
  name: string;
  visible: boolean;
  locked: boolean;
}

/** Holds free-hand strokes and fills, drawn in order into one raster. */
export interface PaintLayer extends LayerBase {
  kind: 'paint';
  marks: Mark[];
}

/** Holds one placed object: text, shape, image or sticker. */
export interface ObjectLayer extends LayerBase {
  kind: 'object';
  object: PlacedObject;
}

export type Layer = PaintLayer | ObjectLayer;

export const STROKE_TOOLS = ['pencil', 'marker', 'spray', 'eraser'] as const;
export type StrokeTool = (typeof STROKE_TOOLS)[number];

export interface Stroke {
  type: 'stroke';
  tool: StrokeTool;
  /** `#rrggbb`; ignored by the eraser. */
  color: string;
  /** Line width (pencil, marker, eraser) or spray radius, in design units. */
  size: number;
  /** 0..1; the marker is semi-transparent without darkening where it crosses itself. */
  opacity: number;
  /**
   * Points, quantised (see POINT_QUANTUM) and delta-encoded:
   * [x0, y0, dx1, dy1, …]. Simplified when the stroke is committed, so what
   * is stored is exactly what is drawn.
   */
  pts: number[];
  /** Optional pen pressure per point, 0..255 (pencil and eraser). */
  pressure?: number[];
  /** Spray only: the seed of its deterministic dot pattern, and dots per point. */
  seed?: number;
  density?: number;
  /**
   * Spray only: how it is drawn. Absent: the first spray (hard square dots).
   * 2: paint from a can, each point one sample of the nozzle (docs/craft/spray.md).
   */
  style?: typeof SPRAY_STYLE;
  /** Spray style 2 only: paint runs down where the nozzle was held still. */
  drips?: true;
}

/** The spray's current drawing style (Stroke.style). */
export const SPRAY_STYLE = 2;

/** Fills a whole design area with one colour. */
export interface Fill {
  type: 'fill';
  area: string;
  color: string;
}

export type Mark = Stroke | Fill;

/** Position of an object's centre in view units, with its transform. */
export interface Placement {
  x: number;
  y: number;
  scaleX: number;
  scaleY: number;
  /** Degrees, clockwise. */
  angle: number;
}

export interface TextObject extends Placement {
  type: 'text';
  text: string;
  font: string;
  /** Font size in design units. */
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
}

export const SHAPES = ['rect', 'ellipse', 'line', 'star', 'polygon'] as const;
export type ShapeKind = (typeof SHAPES)[number];

export interface ShapeObject extends Placement {
  type: 'shape';
  shape: ShapeKind;
  /** Unscaled size in design units (a line: its length, height 0). */
  width: number;
  height: number;
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  /** Star points or polygon sides (3..24). */
  sides?: number;
}

export interface ImageObject extends Placement {
  type: 'image';
  /** A `data:image/png|jpeg|svg+xml` URL: the bytes travel with the design. */
  src: string;
  /** Unscaled size in design units. */
  width: number;
  height: number;
  name?: string;
}

export interface StickerObject extends Placement {
  type: 'sticker';
  /** A sticker id of the template. */
  sticker: string;
  width: number;
  height: number;
}

export type PlacedObject = TextObject | ShapeObject | ImageObject | StickerObject;
export type PlacedObjectType = PlacedObject['type'];

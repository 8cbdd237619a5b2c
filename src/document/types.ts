/**
 * The design document: our own versioned JSON, not fabric's `toJSON`.
 * Pure data: no fabric, no lit, so the server validates with the same code.
 * Arrays with `id` fields instead of keyed objects, so no host-supplied key
 * ever becomes a property name.
 */
export const DOCUMENT_FORMAT = 'co-design-document';
export const DOCUMENT_VERSION = 2;

/** Stroke points are stored as integers in 1/POINT_QUANTUM of a design unit. */
export const POINT_QUANTUM = 4;

export interface DesignDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof DOCUMENT_VERSION;
  template: { id: string; version: string };
  meta: {
    created: string;
    updated: string;
    author?: string;
    /** The draft's painting clock in ms: time spent on it over every session, idle gaps capped (timing.ts). */
    elapsed?: number;
  };
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
  /**
   * When each mark was made (version 2): `[gap, duration]` per mark, in TIME_QUANTUM_MS of the draft's clock,
   * `gap` from the end of the layer's previous mark (from 0 for the first) to this one's start; a fill lasts 0.
   * Kept apart from the marks: one stream of small numbers compresses far better (timing.ts).
   */
  times?: number[];
}

/** Holds one placed object: text, shape, image or sticker. */
export interface ObjectLayer extends LayerBase {
  kind: 'object';
  object: PlacedObject;
  /** When the object was placed, in ms of the draft's clock (absent in designs made before version 2). */
  at?: number;
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
   * Points, quantised (see POINT_QUANTUM) and coded as second-order deltas:
   * [x0, y0, dx1, dy1, dx2 - dx1, dy2 - dy1, …] (points.ts). Simplified when
   * the stroke is committed, so what is stored is exactly what is drawn.
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

/**
 * Fills a design area with one colour: over what the layer holds (the default),
 * under it (a base coat), or only a flooded region of it (the bucket).
 */
export interface Fill {
  type: 'fill';
  area: string;
  color: string;
  /** A base coat: fills only the pixels of the area the layer has not painted yet (drawn `destination-over`). */
  under?: boolean;
  /**
   * The bucket's flooded region: closed rings, each quantised and coded as a stroke's `pts`, filled
   * even-odd inside the area. Computed once on the tap, so what is stored is exactly what is drawn.
   */
  region?: number[][];
  /** Paints a gradient instead of `color` (which stays, as its first stop), across what it fills. */
  gradient?: Gradient;
}

/** The unit of a paint layer's `times`, in ms: a twentieth of a second, finer than a replay needs. */
export const TIME_QUANTUM_MS = 50;

/** One mark's `[gap, duration]` in a layer's `times`, in TIME_QUANTUM_MS. */
export type MarkTime = [gap: number, duration: number];

export const GRADIENT_TYPES = ['linear', 'radial'] as const;

/**
 * A colour gradient across the bounding box of what it fills (an area, a bucket's region, a shape): linear
 * from edge to edge at `angle`, or radial from the box's centre to its corners.
 */
export interface Gradient {
  type: (typeof GRADIENT_TYPES)[number];
  /** Linear only: the direction in degrees, clockwise; 0 runs left to right, 90 top to bottom. */
  angle?: number;
  /** Two or more, in order of `at`. */
  stops: GradientStop[];
}

export interface GradientStop {
  /** 0 at the gradient's start, 1 at its end. */
  at: number;
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
  /** Set along an arc or a template's path instead of a straight line (docs/craft/curved-text.md). */
  curve?: TextCurve;
}

/**
 * `bend`: an arc, -100..100 (0 is straight, positive arches up, negative sags down; ±100 closes a circle).
 * `path`: the id of one of the template view's `paths`, which the text follows.
 */
export type TextCurve = { bend: number } | { path: string };

/** The largest |bend| (a closed circle); here rather than in limits.ts, which first paint does not load. */
export const MAX_BEND = 100;

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
  /** Fills the shape with a gradient instead of `fill` (which stays, as its first stop). */
  fillGradient?: Gradient;
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

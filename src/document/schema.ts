/**
 * Valibot schemas of the design document, matching `types.ts` field for
 * field. Objects are strict (unknown keys are refused) and unions are
 * discriminated on `kind` / `type`. Rules that relate two fields (pressure
 * length, spray-only fields, unique ids, marks per view) live in `rules.ts`.
 */
import * as v from 'valibot';
import { DOCUMENT_LIMITS as L, IMAGE_SRC_PATTERN } from './limits.ts';
import { firstPointBeyond } from './points.ts';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  GRADIENT_TYPES,
  POINT_QUANTUM,
  SHAPES,
  SPRAY_STYLE,
  STROKE_TOOLS,
  type DesignDocument,
  type Layer,
  type Mark,
  type PlacedObject,
} from './types.ts';

/**
 * JSON Schema for the parts valibot's converter cannot describe (the fast
 * integer arrays: their schema, check and copy all map to the same
 * fragment); read by `scripts/schemas/document.ts`.
 */
export const jsonSchemaHints = new WeakMap<object, Record<string, unknown>>();

/** Appends what was received to a fixed message, shortened. */
function got(text: string) {
  return (issue: v.BaseIssue<unknown>) => `${text}, got ${shorten(issue.received)}`;
}

export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function range(min: number, max: number) {
  const message = got(`expected a number from ${min} to ${max}`);
  return v.pipe(v.number(message), v.minValue(min, message), v.maxValue(max, message));
}

function integerRange(min: number, max: number) {
  const message = got(`expected an integer from ${min} to ${max}`);
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** 0 < size ≤ L.size */
const size = (() => {
  const message = got(`expected a number above 0 and at most ${L.size}`);
  return v.pipe(v.number(message), v.gtValue(0, message), v.maxValue(L.size, message));
})();

const id = v.pipe(v.string(), v.regex(L.idPattern, got('expected an id of 1 to 64 letters, digits, "_" or "-"')));

function text(min: number, max: number) {
  const message = got(`expected ${min ? `${min} to ` : 'at most '}${max} characters`);
  return min > 0
    ? v.pipe(v.string(), v.minLength(min, message), v.maxLength(max, message))
    : v.pipe(v.string(), v.maxLength(max, message));
}

const name = text(0, L.nameChars);
const color = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, got('expected a colour "#rrggbb"')));
const timestamp = v.pipe(v.string(), v.isoTimestamp(got('expected an ISO 8601 date and time')));

interface IntArrayOptions {
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
  /** Stored points (points.ts): x,y pairs whose decoded coordinates lie within ±`decoded` quanta. */
  decoded?: number;
}

/**
 * An array of bounded integers, checked in one loop: a valibot pipe per
 * number costs ~10× more on the 600,000 entries of a 10,000-stroke design.
 */
function intArray(o: IntArrayOptions) {
  const base = v.custom<number[]>(Array.isArray, got('expected an array of integers'));
  const check = v.rawCheck<number[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = intArrayProblem(dataset.value, o);
    if (problem) addIssue({ message: problem });
  });
  // A copy, so a host that mutates its object later cannot reach into ours.
  const copy = v.transform((a: number[]) => a.slice());
  const hint = {
    type: 'array',
    minItems: o.minLength,
    maxItems: o.maxLength,
    items: { type: 'integer', minimum: o.min, maximum: o.max },
    ...(o.decoded !== undefined && {
      description:
        `Points, in 1/${POINT_QUANTUM} design units, as second-order deltas ` +
        `[x0, y0, dx1, dy1, dx2 - dx1, dy2 - dy1, …], each decoded coordinate within ±${o.decoded} ` +
        `(docs/design-document.md, "Stroke points").`,
    }),
  };
  for (const part of [base, check, copy]) jsonSchemaHints.set(part, hint);
  return v.pipe(base, check, copy);
}

function intArrayProblem(a: number[], o: IntArrayOptions): string | null {
  const n = a.length;
  if (n < o.minLength || n > o.maxLength) return `expected ${o.minLength} to ${o.maxLength} entries, got ${n}`;
  if (o.decoded !== undefined && n % 2 !== 0) return `expected an even number of entries (x,y pairs), got ${n}`;
  for (let i = 0; i < n; i++) {
    const value = a[i];
    // Also refuses holes, NaN and ±Infinity.
    if (!Number.isInteger(value)) return `expected integers, found ${shorten(String(value))} at index ${i}`;
    if (value < o.min || value > o.max)
      return `expected integers from ${o.min} to ${o.max}, found ${value} at index ${i}`;
  }
  // Checked on the decoded values: deltas of deltas within bounds can still add up to any coordinate.
  const beyond = o.decoded === undefined ? -1 : firstPointBeyond(a, o.decoded);
  return beyond < 0 ? null : `point ${beyond} lies beyond ±${o.decoded} quanta once decoded`;
}

const clockMs = integerRange(0, L.clockMs);

const pts = intArray({
  min: -L.ptsEntry,
  max: L.ptsEntry,
  minLength: 2,
  maxLength: L.ptsEntries,
  decoded: L.ptsValue,
});
const pressure = intArray({ min: 0, max: L.pressureMax, minLength: 1, maxLength: L.ptsEntries / 2 });

export const strokeSchema = v.strictObject({
  type: v.literal('stroke'),
  tool: v.picklist(STROKE_TOOLS, got(`expected one of ${STROKE_TOOLS.join(', ')}`)),
  color,
  size,
  opacity: range(0, 1),
  pts,
  pressure: v.optional(pressure),
  seed: v.optional(integerRange(0, L.seedMax)),
  density: v.optional(integerRange(L.densityMin, L.densityMax)),
  style: v.optional(v.literal(SPRAY_STYLE, got(`expected ${SPRAY_STYLE}`))),
  drips: v.optional(v.literal(true, got('expected true'))),
});

export const gradientSchema = v.strictObject({
  type: v.picklist(GRADIENT_TYPES, got(`expected one of ${GRADIENT_TYPES.join(', ')}`)),
  angle: v.optional(range(-360, 360)),
  stops: v.pipe(
    v.array(v.strictObject({ at: range(0, 1), color })),
    v.minLength(2, got(`expected 2 to ${L.gradientStops} stops`)),
    v.maxLength(L.gradientStops, got(`expected 2 to ${L.gradientStops} stops`)),
  ),
});

const ring = intArray({
  min: -L.ptsEntry,
  max: L.ptsEntry,
  minLength: 6,
  maxLength: L.regionEntries,
  decoded: L.ptsValue,
});

export const fillSchema = v.strictObject({
  type: v.literal('fill'),
  area: id,
  color,
  under: v.optional(v.boolean()),
  region: v.optional(
    v.pipe(
      v.array(ring),
      v.minLength(1, got(`expected 1 to ${L.regionRings} rings`)),
      v.maxLength(L.regionRings, got(`expected 1 to ${L.regionRings} rings`)),
    ),
  ),
  gradient: v.optional(gradientSchema),
});

/** A push-mark step's time in a draft's undo history: one pair of a layer's `times`. */
export const markTimeSchema = v.strictTuple([
  integerRange(-L.clockTicks, L.clockTicks),
  integerRange(0, L.strokeTicks),
]);

export const markSchema = v.variant('type', [strokeSchema, fillSchema], got('expected a mark type "stroke" or "fill"'));

const placement = {
  x: range(-L.coordinate, L.coordinate),
  y: range(-L.coordinate, L.coordinate),
  scaleX: range(L.scaleMin, L.scaleMax),
  scaleY: range(L.scaleMin, L.scaleMax),
  angle: range(-L.angle, L.angle),
};

export const textCurveSchema = v.union(
  [v.strictObject({ bend: range(-L.bend, L.bend) }), v.strictObject({ path: id })],
  got('expected a curve { "bend": number } or { "path": id }'),
);

export const textObjectSchema = v.strictObject({
  type: v.literal('text'),
  ...placement,
  text: text(0, L.textChars),
  font: text(1, L.nameChars),
  size,
  color,
  bold: v.boolean(),
  italic: v.boolean(),
  curve: v.optional(textCurveSchema),
});

export const shapeObjectSchema = v.strictObject({
  type: v.literal('shape'),
  ...placement,
  shape: v.picklist(SHAPES, got(`expected one of ${SHAPES.join(', ')}`)),
  width: size,
  // 0 for a line; `rules.ts` requires more for the other shapes.
  height: range(0, L.size),
  fill: v.nullable(color),
  stroke: v.nullable(color),
  strokeWidth: range(0, L.size),
  sides: v.optional(integerRange(L.sidesMin, L.sidesMax)),
  fillGradient: v.optional(gradientSchema),
});

export const imageSrcSchema = v.pipe(
  v.string(),
  v.maxLength(L.imageSrcChars, got(`expected at most ${L.imageSrcChars} characters`)),
  v.regex(
    IMAGE_SRC_PATTERN,
    got('expected a data:image/png;base64, data:image/jpeg;base64, or data:image/svg+xml URL'),
  ),
);

export const imageObjectSchema = v.strictObject({
  type: v.literal('image'),
  ...placement,
  src: imageSrcSchema,
  width: size,
  height: size,
  name: v.optional(name),
});

export const stickerObjectSchema = v.strictObject({
  type: v.literal('sticker'),
  ...placement,
  sticker: id,
  width: size,
  height: size,
});

export const placedObjectSchema = v.variant(
  'type',
  [textObjectSchema, shapeObjectSchema, imageObjectSchema, stickerObjectSchema],
  got('expected an object type "text", "shape", "image" or "sticker"'),
);

const layerBase = {
  id,
  name,
  visible: v.boolean(),
  locked: v.boolean(),
};

export const paintLayerSchema = v.strictObject({
  ...layerBase,
  kind: v.literal('paint'),
  marks: v.pipe(v.array(markSchema), v.maxLength(L.marksPerView, got(`expected at most ${L.marksPerView} marks`))),
  // Pairs per mark; rules.ts checks the count, the durations and the decoded clock.
  times: v.optional(intArray({ min: -L.clockTicks, max: L.clockTicks, minLength: 0, maxLength: 2 * L.marksPerView })),
});

export const objectLayerSchema = v.strictObject({
  ...layerBase,
  kind: v.literal('object'),
  object: placedObjectSchema,
  at: v.optional(clockMs),
});

export const layerSchema = v.variant(
  'kind',
  [paintLayerSchema, objectLayerSchema],
  got('expected a layer kind "paint" or "object"'),
);

export const viewDesignSchema = v.strictObject({
  view: id,
  layers: v.pipe(v.array(layerSchema), v.maxLength(L.layersPerView, got(`expected at most ${L.layersPerView} layers`))),
});

export const designDocumentSchema = v.strictObject({
  format: v.literal(DOCUMENT_FORMAT, got(`expected "${DOCUMENT_FORMAT}"`)),
  version: v.literal(DOCUMENT_VERSION, got(`expected version ${DOCUMENT_VERSION}`)),
  template: v.strictObject({
    id: text(1, L.templateStringChars),
    version: text(1, L.templateStringChars),
  }),
  meta: v.strictObject({
    created: timestamp,
    updated: timestamp,
    author: v.optional(name),
    elapsed: v.optional(clockMs),
  }),
  views: v.pipe(
    v.array(viewDesignSchema),
    v.minLength(1, got(`expected 1 to ${L.views} views`)),
    v.maxLength(L.views, got(`expected 1 to ${L.views} views`)),
  ),
});

// The schemas must describe exactly the types of types.ts: a drift fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaMatchesTypes = [
  Assert<Same<v.InferOutput<typeof designDocumentSchema>, DesignDocument>>,
  Assert<Same<v.InferOutput<typeof layerSchema>, Layer>>,
  Assert<Same<v.InferOutput<typeof markSchema>, Mark>>,
  Assert<Same<v.InferOutput<typeof placedObjectSchema>, PlacedObject>>,
];

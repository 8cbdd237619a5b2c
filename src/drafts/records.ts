/**
 * What the drafts store keeps, versioned and validated on the way in: a
 * record read back from IndexedDB is as untrusted as a design from the host
 * (another script of the origin, an old version, a disk fault may have
 * written it). Anything that does not pass is quarantined, never opened.
 */
import * as v from 'valibot';
import { checkRawValue } from '../document/raw.ts';
import { layerSchema, markSchema, placedObjectSchema } from '../document/schema.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import type { DesignDocument } from '../document/types.ts';
import { ErrorCode, StudioError, isStudioError } from '../errors.ts';
import type { HistoryEntry } from '../editor/history/history.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { readMetrics } from '../metrics/figures.ts';
import { unpackMarks } from './packed.ts';

export const META_FORMAT = 'co-design-draft-meta';
export const BODY_FORMAT = 'co-design-draft';
export const CHUNK_FORMAT = 'co-design-draft-chunk';
export const RECORD_VERSION = 1;

/** The small part of a draft: enough for the drafts list. */
export interface DraftMeta {
  format: typeof META_FORMAT;
  version: typeof RECORD_VERSION;
  id: string;
  template: { id: string; version: string };
  /** The host's `draft-key` ('' when none): drafts are listed per template and key. */
  key: string;
  name: string;
  created: string;
  updated: string;
  /** Increases with every save; a save expecting another rev lost a race with another tab. */
  rev: number;
  /** The tab that saved it last. */
  writer: string;
  /** A small PNG `data:` URL of the view last shown, or null. */
  thumbnail: string | null;
}

/** Where a paint layer's marks went: `parts` chunk records holding `count` marks in all. */
export interface ChunkRef {
  view: string;
  layer: string;
  count: number;
  parts: number;
}

export interface SavedHistory {
  done: HistoryEntry[];
  undone: HistoryEntry[];
}

/** The rest of a draft. Its paint layers' marks live in chunk records, so a save writes only what changed. */
export interface DraftBody {
  format: typeof BODY_FORMAT;
  version: typeof RECORD_VERSION;
  id: string;
  rev: number;
  /** The design with every paint layer's `marks` empty; see `chunks`. */
  design: DesignDocument;
  chunks: ChunkRef[];
  history: SavedHistory;
  /** The view that was shown. */
  view: string;
  /** Time on task summed over the draft's sessions (DESIGN.md: beside the design, not in it). */
  metrics: Metrics | null;
}

export interface DraftChunk {
  format: typeof CHUNK_FORMAT;
  version: typeof RECORD_VERSION;
  marks: unknown[];
}

const id = v.pipe(v.string(), v.regex(DOCUMENT_LIMITS.idPattern));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DOCUMENT_LIMITS.marksPerView));
const timestamp = v.pipe(v.string(), v.isoTimestamp());
const thumbnail = v.nullable(v.pipe(v.string(), v.maxLength(2_000_000), v.startsWith('data:image/png;base64,')));

export const metaSchema = v.strictObject({
  format: v.literal(META_FORMAT),
  version: v.literal(RECORD_VERSION),
  id,
  template: v.strictObject({ id: text(DOCUMENT_LIMITS.templateStringChars), version: text(DOCUMENT_LIMITS.templateStringChars) }),
  key: text(200),
  name: text(DOCUMENT_LIMITS.nameChars),
  created: timestamp,
  updated: timestamp,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  writer: text(64),
  thumbnail,
});

const layerProps = v.strictObject({ name: text(DOCUMENT_LIMITS.nameChars), visible: v.boolean(), locked: v.boolean() });
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DOCUMENT_LIMITS.layersPerView));

/** Undo steps are data ops (editor/history/ops.ts), built from the document's own schemas. */
export const opSchema = v.variant('op', [
  v.strictObject({ op: v.literal('push-mark'), view: id, layer: id, mark: markSchema }),
  v.strictObject({ op: v.literal('pop-mark'), view: id, layer: id, mark: markSchema }),
  v.strictObject({ op: v.literal('insert-layer'), view: id, index, layer: layerSchema }),
  v.strictObject({ op: v.literal('delete-layer'), view: id, index, layer: layerSchema }),
  v.strictObject({ op: v.literal('move-layer'), view: id, from: index, to: index }),
  v.strictObject({ op: v.literal('set-layer'), view: id, layer: id, before: layerProps, after: layerProps }),
  v.strictObject({ op: v.literal('set-object'), view: id, layer: id, before: placedObjectSchema, after: placedObjectSchema }),
]);

const entrySchema = v.strictObject({ source: text(64), ops: v.pipe(v.array(opSchema), v.maxLength(1000)) });
export const historySchema = v.strictObject({
  done: v.pipe(v.array(entrySchema), v.maxLength(1000)),
  undone: v.pipe(v.array(entrySchema), v.maxLength(1000)),
});

const bodyEnvelope = v.strictObject({
  format: v.literal(BODY_FORMAT),
  version: v.literal(RECORD_VERSION),
  id,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  design: v.unknown(),
  chunks: v.pipe(v.array(v.strictObject({ view: id, layer: id, count, parts: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)) })), v.maxLength(DOCUMENT_LIMITS.views * DOCUMENT_LIMITS.layersPerView)),
  history: v.unknown(),
  view: id,
  metrics: v.unknown(),
});

const chunkSchema = v.strictObject({ format: v.literal(CHUNK_FORMAT), version: v.literal(RECORD_VERSION), marks: v.pipe(v.array(v.unknown()), v.maxLength(DOCUMENT_LIMITS.marksPerView)) });

/** A record that may not be opened; `reason` says why, for the quarantine and the message. */
export function draftInvalid(reason: string): StudioError {
  return new StudioError(ErrorCode.DraftInvalid, `A saved draft could not be opened: ${reason}`, { detail: reason });
}

function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string, maxBytes: number): T {
  try {
    checkRawValue(value, { maxDepth: DOCUMENT_LIMITS.depth, maxBytes });
  } catch (error) {
    throw draftInvalid(`${what}: ${isStudioError(error) ? error.message : String(error)}`);
  }
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    throw draftInvalid(`${what}${path ? `.${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}

export function parseMeta(value: unknown): DraftMeta {
  return check(metaSchema, value, 'meta', 4_000_000) as DraftMeta;
}

/** The body's envelope; its design is checked by `parseDesign` once the chunks are joined in. */
export function parseBodyEnvelope(value: unknown): Omit<DraftBody, 'design' | 'history' | 'metrics'> & { design: unknown; history: unknown; metrics: unknown } {
  return check(bodyEnvelope, value, 'body', Infinity);
}

export function parseChunk(value: unknown): unknown[] {
  const marks = (value as { marks?: unknown } | null)?.marks;
  // Points are stored packed (packed.ts): arrays again before any check sees them.
  const plain = Array.isArray(marks) && marks.length <= DOCUMENT_LIMITS.marksPerView ? { ...(value as object), marks: unpackMarks(marks) } : value;
  return check(chunkSchema, plain, 'chunk', Infinity).marks;
}

export function parseHistory(value: unknown): SavedHistory {
  return check(historySchema, value, 'history', DOCUMENT_LIMITS.documentBytes) as SavedHistory;
}

export function parseMetrics(value: unknown): Metrics | null {
  if (value === null || value === undefined) return null;
  try {
    checkRawValue(value, { maxDepth: DOCUMENT_LIMITS.depth, maxBytes: 100_000 });
  } catch (error) {
    throw draftInvalid(`metrics: ${isStudioError(error) ? error.message : String(error)}`);
  }
  // The metrics controller's own check (engaged ≤ visible ≤ wall, known tools, finite counts): already in
  // the bundle, where the protocol's valibot schema would bring the whole submission schema with it.
  const metrics = readMetrics(value);
  if (!metrics) throw draftInvalid('metrics: not a valid time-on-task record');
  return metrics;
}

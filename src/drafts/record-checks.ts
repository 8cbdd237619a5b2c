/**
 * The checks of a draft's body, chunks, undo steps and metrics, built on the
 * design document's own schemas. Loaded when a draft is opened, not before
 * the first paint (meta-check.ts holds the light meta check the list needs).
 */
import * as v from 'valibot';
import { checkRawValue } from '../document/raw.ts';
import { layerSchema, markSchema, markTimeSchema, placedObjectSchema } from '../document/schema.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { recodeLayer, recodeMark } from '../document/migrations/v1.ts';
import { isStudioError } from '../errors.ts';
import { readMetrics } from '../metrics/figures.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { check } from './meta-check.ts';
import { unpackMarks } from './packed.ts';
import {
  BODY_FORMAT,
  CHUNK_FORMAT,
  RECORD_VERSION,
  draftInvalid,
  type DraftBody,
  type SavedHistory,
} from './records.ts';

const id = v.pipe(v.string(), v.regex(DOCUMENT_LIMITS.idPattern));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DOCUMENT_LIMITS.marksPerView));

const layerProps = v.strictObject({ name: text(DOCUMENT_LIMITS.nameChars), visible: v.boolean(), locked: v.boolean() });
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DOCUMENT_LIMITS.layersPerView));

/** Undo steps are data ops (editor/history/ops.ts), built from the document's own schemas. */
export const opSchema = v.variant('op', [
  v.strictObject({
    op: v.literal('push-mark'),
    view: id,
    layer: id,
    mark: markSchema,
    time: v.optional(markTimeSchema),
  }),
  v.strictObject({
    op: v.literal('pop-mark'),
    view: id,
    layer: id,
    mark: markSchema,
    time: v.optional(markTimeSchema),
  }),
  v.strictObject({ op: v.literal('insert-layer'), view: id, index, layer: layerSchema }),
  v.strictObject({ op: v.literal('delete-layer'), view: id, index, layer: layerSchema }),
  v.strictObject({ op: v.literal('move-layer'), view: id, from: index, to: index }),
  v.strictObject({ op: v.literal('set-layer'), view: id, layer: id, before: layerProps, after: layerProps }),
  v.strictObject({
    op: v.literal('set-object'),
    view: id,
    layer: id,
    before: placedObjectSchema,
    after: placedObjectSchema,
  }),
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
  chunks: v.pipe(
    v.array(
      v.strictObject({
        view: id,
        layer: id,
        count,
        parts: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
      }),
    ),
    v.maxLength(DOCUMENT_LIMITS.views * DOCUMENT_LIMITS.layersPerView),
  ),
  history: v.unknown(),
  view: id,
  metrics: v.unknown(),
});

const chunkSchema = v.strictObject({
  format: v.literal(CHUNK_FORMAT),
  version: v.literal(RECORD_VERSION),
  marks: v.pipe(v.array(v.unknown()), v.maxLength(DOCUMENT_LIMITS.marksPerView)),
});

/** The body's envelope; its design is checked by `parseDesign` once the chunks are joined in. */
export function parseBodyEnvelope(
  value: unknown,
): Omit<DraftBody, 'design' | 'history' | 'metrics'> & { design: unknown; history: unknown; metrics: unknown } {
  return check(bodyEnvelope, value, 'body', Infinity);
}

export function parseChunk(value: unknown): unknown[] {
  const marks = (value as { marks?: unknown } | null)?.marks;
  // Points are stored packed (packed.ts): arrays again before any check sees them.
  const plain =
    Array.isArray(marks) && marks.length <= DOCUMENT_LIMITS.marksPerView
      ? { ...(value as object), marks: unpackMarks(marks) }
      : value;
  return check(chunkSchema, plain, 'chunk', Infinity).marks;
}

/**
 * A draft's undo steps, saved beside a design of `designVersion` (the stored design's own `version`): the marks
 * and layers they hold are in that version's coding, so a version-1 draft's are coded anew as its design is.
 */
export function parseHistory(value: unknown, designVersion: unknown): SavedHistory {
  const current = designVersion === 1 ? recodeHistory(value) : value;
  return check(historySchema, current, 'history', DOCUMENT_LIMITS.documentBytes) as SavedHistory;
}

function recodeHistory(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const entries = (list: unknown) => (Array.isArray(list) ? list.map(recodeEntry) : list);
  return { ...value, done: entries(value.done), undone: entries(value.undone) };
}

function recodeEntry(entry: unknown): unknown {
  if (!isRecord(entry) || !Array.isArray(entry.ops)) return entry;
  const ops = entry.ops.map((op: unknown) => {
    if (!isRecord(op)) return op;
    if ('mark' in op) return { ...op, mark: recodeMark(op.mark) };
    if ('layer' in op) return { ...op, layer: recodeLayer(op.layer) };
    return op;
  });
  return { ...entry, ops };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

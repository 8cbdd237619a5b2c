/**
 * The drafts list's check of a meta record, and the raw-then-schema check
 * every record goes through. A chunk of its own: a first visit with no
 * drafts never loads it, and the first paint does not wait for it.
 */
import * as v from 'valibot';
import { checkRawValue } from '../document/raw.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { isStudioError } from '../errors.ts';
import { draftInvalid, META_FORMAT, RECORD_VERSION, type DraftMeta } from './records.ts';

const id = v.pipe(v.string(), v.regex(DOCUMENT_LIMITS.idPattern));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestamp = v.pipe(v.string(), v.isoTimestamp());
const thumbnail = v.nullable(v.pipe(v.string(), v.maxLength(2_000_000), v.startsWith('data:image/png;base64,')));

export const metaSchema = v.strictObject({
  format: v.literal(META_FORMAT),
  version: v.literal(RECORD_VERSION),
  id,
  template: v.strictObject({
    id: text(DOCUMENT_LIMITS.templateStringChars),
    version: text(DOCUMENT_LIMITS.templateStringChars),
  }),
  key: text(200),
  name: text(DOCUMENT_LIMITS.nameChars),
  created: timestamp,
  updated: timestamp,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  writer: text(64),
  thumbnail,
});

/** Raw checks, then the schema; throws `draft-invalid` naming the record and the path. */
export function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string, maxBytes: number): T {
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

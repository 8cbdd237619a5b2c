/**
 * The one way in for a design document, whatever brought it: drafts from
 * IndexedDB, `loadDesign()`, messages from the parent frame, the server.
 * Size → raw checks → migration → schema → rules → optional content hook.
 */
import * as v from 'valibot';
import { isStudioError } from '../errors.ts';
import { designInvalid, formatPath, type PathKey } from './issues.ts';
import { DOCUMENT_LIMITS } from './limits.ts';
import { migrateDocument } from './migrate.ts';
import { checkRawValue, exceedsUtf8Bytes, formatBytes } from './raw.ts';
import { checkDocumentRules, listImages } from './rules.ts';
import { designDocumentSchema, shorten } from './schema.ts';
import type { DesignDocument } from './types.ts';

export interface ParseDesignOptions {
  /** Cap on the JSON size in bytes, checked before parsing; default 8 MB. */
  maxBytes?: number;
  /**
   * Synchronous deep check of each image `src` (the schema only checks its
   * prefix and length). Throw to refuse: a StudioError passes through as it
   * is, anything else becomes `design-invalid` at the image's path.
   */
  checkImage?: (src: string, path: string) => void;
}

/** Messages for issues whose schema has none of its own. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const received = shorten(issue.received);
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown key';
  if (received === 'undefined') return 'missing';
  return `expected ${issue.expected}, got ${received}`;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys: PathKey[] = [];
  for (const item of issue.path ?? []) keys.push(item.key as PathKey);
  return formatPath(keys);
}

/**
 * Parses and validates a design document given as JSON text or as a value,
 * migrating older versions. Returns a new object (never the input) or throws
 * a `design-invalid` StudioError whose message starts with the offending path.
 */
export function parseDesign(input: unknown, opts: ParseDesignOptions = {}): DesignDocument {
  const maxBytes = opts.maxBytes ?? DOCUMENT_LIMITS.documentBytes;
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (exceedsUtf8Bytes(input, maxBytes)) {
      throw designInvalid('document', `larger than ${formatBytes(maxBytes)} as JSON`, { limit: maxBytes });
    }
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw designInvalid('document', `not valid JSON (${shorten(String((error as Error)?.message ?? error), 80)})`);
    }
  }
  checkRawValue(raw, { maxDepth: DOCUMENT_LIMITS.depth, maxBytes: typeof input === 'string' ? Infinity : maxBytes });
  const current = migrateDocument(raw);
  const result = v.safeParse(designDocumentSchema, current, { abortEarly: true, message: describeIssue });
  if (!result.success) {
    const issue = result.issues[0];
    throw designInvalid(issuePath(issue), issue.message);
  }
  const doc = result.output;
  checkDocumentRules(doc);
  if (opts.checkImage) {
    for (const { path, image } of listImages(doc)) {
      try {
        opts.checkImage(image.src, `${path}.src`);
      } catch (error) {
        if (isStudioError(error)) throw error;
        throw designInvalid(`${path}.src`, String((error as Error)?.message ?? error));
      }
    }
  }
  return doc;
}

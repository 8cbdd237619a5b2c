/**
 * What a 2xx answer to a submission means. Any 2xx says the backend has the
 * design, whatever its body: a brand's own backend answered
 * `201 {"id":"d-1","status":"received"}`, was taken for "not a receipt",
 * and got the same 447 KB five times (a backend without idempotency keeps
 * five copies). So the answer's JSON, in any shape, is the receipt, passed
 * on as it came. Only an HTML page means the request never reached the
 * backend: a captive portal or a proxy answered in its place.
 * docs/transport.md, "Receipts".
 */
import * as v from 'valibot';
import { checkRawValue } from '../document/raw.ts';
import { DesignStatus, type DeliveryReceipt } from '../protocol/submission.ts';
import { submissionReceiptSchema } from '../protocol/schema.ts';

/** Bounds of a receipt as kept in the outbox record; beyond them only `id` and `status` are kept. */
export const RECEIPT_LIMITS = { chars: 16 * 1024, depth: 16, fieldChars: 1024 } as const;

export type ReadAnswer =
  /** Delivered; `unlike` says how the answer departs from the protocol's `{ id, status }`, when it does. */
  | { delivered: true; receipt: DeliveryReceipt; unlike?: string }
  /** Not the backend's answer (an HTML page): `reason` says what came instead. */
  | { delivered: false; reason: string };

/** Reads the body of a 2xx answer; `contentType` is its Content-Type header, if any. */
export function readReceipt(text: string, contentType: string | null): ReadAnswer {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (text.trim() === '') return { delivered: true, receipt: {}, unlike: 'it had no body' };
  let json: unknown;
  try {
    // JSON whatever the Content-Type says: PHP, for one, labels everything text/html unless told.
    json = JSON.parse(text);
  } catch {
    // A portal's page, by its type or its markup; plain text ("Created") is a backend's own word.
    const html = type === 'text/html' || type === 'application/xhtml+xml' || text.trimStart().startsWith('<');
    if (html) return { delivered: false, reason: `an HTML page${type ? ` (${type})` : ''}` };
    return { delivered: true, receipt: {}, unlike: `its body was not JSON${type ? ` (${type})` : ''}` };
  }
  // The protocol's receipt as it came: its optional fields (campaign, replaced, the entry's page) matter to the studio.
  if (v.is(submissionReceiptSchema, json)) return { delivered: true, receipt: { ...json } };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const what = Array.isArray(json) ? 'an array' : `the JSON ${json === null ? 'null' : typeof json}`;
    return { delivered: true, receipt: {}, unlike: `its body was ${what}, not an object` };
  }
  return foreignReceipt(json as Record<string, unknown>);
}

/** A JSON object other than the protocol's receipt: every field kept, unless it is too large or has unsafe keys. */
function foreignReceipt(json: Record<string, unknown>): ReadAnswer & { delivered: true } {
  const notes = [differences(json)];
  let receipt: Record<string, unknown> = json;
  try {
    checkRawValue(json, { maxDepth: RECEIPT_LIMITS.depth, maxBytes: RECEIPT_LIMITS.chars });
  } catch (error) {
    receipt = { id: json.id, status: json.status };
    notes.push(`only id and status were kept (${(error as Error).message})`);
  }
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(receipt)) if (value !== undefined) kept[key] = value;
  // The two fields the type names must be what it says; anything else there is dropped, and said.
  if ('id' in kept && !isField(kept.id, true)) {
    notes.push(`its id (${describe(kept.id)}) was dropped`);
    delete kept.id;
  }
  if ('status' in kept && !isField(kept.status, false)) {
    notes.push(`its status (${describe(kept.status)}) was dropped`);
    delete kept.status;
  }
  return { delivered: true, receipt: kept as DeliveryReceipt, unlike: notes.join('; ') };
}

function isField(value: unknown, numberToo: boolean): boolean {
  if (typeof value === 'string') return value.length <= RECEIPT_LIMITS.fieldChars;
  return numberToo && typeof value === 'number' && Number.isFinite(value);
}

/** How an object departs from `{ id, status }`, in words for the host's developer. */
function differences(json: Record<string, unknown>): string {
  const said: string[] = [];
  if (!('id' in json)) said.push('no id');
  else if (!v.is(submissionReceiptSchema.entries.id, json.id)) {
    said.push(`id ${describe(json.id)} is not a protocol id (a string of 1-64 letters, digits, _ or -)`);
  }
  const statuses = Object.values(DesignStatus);
  if (!('status' in json)) said.push('no status');
  else if (!statuses.includes(json.status as DesignStatus)) {
    said.push(`status ${describe(json.status)} is not one of ${statuses.join(', ')}`);
  }
  const others = Object.keys(json).filter((k) => k !== 'id' && k !== 'status');
  if (others.length) said.push(`other fields: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}`);
  return said.join('; ');
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const field = v.pipe(v.string(), v.maxLength(RECEIPT_LIMITS.fieldChars));

/** The receipt as stored in an outbox record: plain, bounded JSON with the two typed fields right. */
export const storedReceiptSchema = v.pipe(
  v.unknown(),
  v.check((value) => {
    try {
      checkRawValue(value, { maxDepth: RECEIPT_LIMITS.depth, maxBytes: RECEIPT_LIMITS.chars });
      return true;
    } catch {
      return false;
    }
  }, `expected plain JSON of at most ${RECEIPT_LIMITS.chars} characters`),
  v.looseObject({
    id: v.optional(v.union([field, v.pipe(v.number(), v.finite())])),
    status: v.optional(field),
  }),
);

/** The URLs (and kinds of answer) the host's developer has been told about on this page. */
const told = new Set<string>();

/**
 * Tells the host's developer, once per page per URL and kind, that the
 * backend's answer is not the protocol's. A warning, not a `co-design-error`:
 * nothing failed for the customer, and a host's error monitoring should not
 * page anyone for a backend that works.
 */
export function warnOnce(url: string, kind: 'receipt' | 'html', message: string): void {
  const key = `${kind} ${url}`;
  if (told.has(key)) return;
  told.add(key);
  console.warn(`co-design-studio: ${message} (said once per page; docs/transport.md, "Receipts")`);
}

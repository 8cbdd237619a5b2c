/**
 * The outbox record: one submission on its way to the brand, stored under
 * `['outbox', id]` in the studio's own IndexedDB store. Versioned, and
 * checked every time it is read back: storage is input like any other (a
 * browser extension, an older studio, a hand edit), and a record that fails
 * is set aside, never sent.
 */
import * as v from 'valibot';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { parseDesign } from '../document/validate.ts';
import { PROTOCOL_LIMITS, submissionSchema } from '../protocol/schema.ts';
import type { DeliveryReceipt, Submission } from '../protocol/submission.ts';
import { storedReceiptSchema } from './receipt.ts';

export const OUTBOX_FORMAT = 'co-design-outbox';
export const OUTBOX_VERSION = 1;

/** What is stored; "sending" is not a stored state: a lock says who is sending, and a closed tab holds no lock. */
export const OutboxState = { Queued: 'queued', Sent: 'sent', Failed: 'failed' } as const;
export type OutboxState = (typeof OutboxState)[keyof typeof OutboxState];

export interface OutboxError {
  code: string;
  message: string;
  /** HTTP status; 0 when nothing answered. */
  status: number;
}

export interface OutboxRecord {
  format: typeof OUTBOX_FORMAT;
  version: typeof OUTBOX_VERSION;
  id: string;
  /** The Idempotency-Key, made at enqueue and the same for every attempt. */
  key: string;
  /** The `endpoint` the submission was made for; it goes to `{endpoint}/designs`. */
  endpoint: string;
  /** The submission's draft id, so the UI can match a record to its draft without parsing the body. */
  draft: string;
  /** The exact JSON text sent at every attempt; dropped once sent (it can be 32 MB). */
  body?: string;
  state: OutboxState;
  /** ms since the epoch */
  createdAt: number;
  attempts: number;
  /**
   * No attempt before this time: a server's Retry-After, or MIN_ATTEMPT_GAP_MS
   * after the last attempt started and again after it ended; 0 when free to go.
   */
  notBefore: number;
  lastError?: OutboxError;
  /** The backend's answer as it came (docs/transport.md, "Receipts"). */
  receipt?: DeliveryReceipt;
  /** The receipt came as a replay: an earlier attempt had reached the server. */
  replayed?: boolean;
  sentAt?: number;
  /** Who may deliver it until when, where Web Locks are missing (plain-http host pages). */
  lease?: { owner: string; until: number };
}

const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const idSchema = v.pipe(v.string(), v.regex(DOCUMENT_LIMITS.idPattern));
const endpointSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'expected an http(s) URL'),
);

export const outboxRecordSchema = v.pipe(
  v.strictObject({
    format: v.literal(OUTBOX_FORMAT),
    version: v.literal(OUTBOX_VERSION),
    id: idSchema,
    key: v.pipe(v.string(), v.regex(PROTOCOL_LIMITS.idempotencyKey)),
    endpoint: endpointSchema,
    draft: idSchema,
    body: v.optional(v.pipe(v.string(), v.maxLength(PROTOCOL_LIMITS.submissionBytes))),
    state: v.picklist(Object.values(OutboxState)),
    createdAt: time,
    attempts: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
    notBefore: time,
    lastError: v.optional(
      v.strictObject({
        code: v.pipe(v.string(), v.maxLength(100)),
        message: v.pipe(v.string(), v.maxLength(2000)),
        status: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(599)),
      }),
    ),
    receipt: v.optional(storedReceiptSchema),
    replayed: v.optional(v.boolean()),
    sentAt: v.optional(time),
    lease: v.optional(v.strictObject({ owner: v.pipe(v.string(), v.maxLength(64)), until: time })),
  }),
  v.check((r) => r.state === OutboxState.Sent || r.body !== undefined, 'a record still to send needs its body'),
  v.check((r) => r.state !== OutboxState.Sent || r.receipt !== undefined, 'a sent record needs its receipt'),
);

/** Why a stored record cannot be used, or the record. */
export type Checked = { ok: true; record: OutboxRecord } | { ok: false; reason: string };

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  return `${path || 'record'}: ${issue.message}`.slice(0, 300);
}

/** The record under `['outbox', id]`, checked field by field (cheap: the body is only bounded). */
export function checkRecord(id: string, raw: unknown): Checked {
  const parsed = v.safeParse(outboxRecordSchema, raw);
  if (!parsed.success) return { ok: false, reason: firstIssue(parsed.issues) };
  if (parsed.output.id !== id) return { ok: false, reason: `id: "${parsed.output.id}" stored under "${id}"` };
  return { ok: true, record: parsed.output };
}

/**
 * The body checked as the server will check it (the envelope schema and the
 * design through `parseDesign`), before it is ever sent: a record that was
 * tampered with is set aside here rather than posted to a brand.
 */
export function checkBody(record: OutboxRecord): string | undefined {
  if (record.body === undefined) return 'body: missing';
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    return 'body: not JSON';
  }
  const parsed = v.safeParse(submissionSchema, json, { abortEarly: true });
  if (!parsed.success) return `body.${firstIssue(parsed.issues)}`;
  if (parsed.output.draft !== record.draft) return "body.draft: not the record's draft";
  try {
    parseDesign(parsed.output.design, { maxBytes: PROTOCOL_LIMITS.documentBytes });
  } catch (error) {
    return `body.design: ${String((error as Error)?.message ?? error).slice(0, 300)}`;
  }
  return undefined;
}

/** A fresh record for a submission, not yet attempted. */
export function newRecord(id: string, key: string, endpoint: string, submission: Submission, at: number): OutboxRecord {
  return {
    format: OUTBOX_FORMAT,
    version: OUTBOX_VERSION,
    id,
    key,
    endpoint,
    draft: submission.draft,
    body: JSON.stringify(submission),
    state: OutboxState.Queued,
    createdAt: at,
    attempts: 0,
    notBefore: 0,
  };
}

/**
 * The iframe bridge's wire format (docs/bridge.md): every message
 * is `{ source: 'co-design-studio', v: 1, type, id, payload }`. Shared by the
 * frame (`BridgeController`) and the host page (`co-design-studio/parent`),
 * so both sides read one list of types and one schema per payload. Plain
 * data and valibot only: no lit, no fabric, nothing of the element.
 *
 * A message from the other window is as untrusted as a file: `readMessage`
 * caps its size, refuses prototype keys and non-JSON values, checks the
 * payload with the type's schema and every design with `parseDesign`.
 */
import * as v from 'valibot';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { checkRawValue } from '../document/raw.ts';
import { parseDesign } from '../document/validate.ts';
import type { DesignDocument } from '../document/types.ts';
import { isStudioError } from '../errors.ts';
import { MetricsMode } from '../metrics/mode.ts';
import type { Metrics, MetricsReport } from '../protocol/metrics.ts';
import { metricsReportSchema, metricsSchema, PROTOCOL_LIMITS, submissionSchema } from '../protocol/schema.ts';
import type { Submission } from '../protocol/submission.ts';

export const BRIDGE_SOURCE = 'co-design-studio';
export const BRIDGE_VERSION = 1;

/** Messages the studio's frame sends to the host page. */
export const FrameMessage = {
  Ready: 'ready',
  Height: 'height',
  Change: 'change',
  Submission: 'submission',
  Metrics: 'metrics',
  DraftSave: 'draft-save',
  Error: 'error',
  Result: 'result',
} as const;
export type FrameMessage = (typeof FrameMessage)[keyof typeof FrameMessage];

/** Messages the host page sends to the studio's frame. */
export const ParentMessage = {
  LoadDesign: 'load-design',
  SetAuthor: 'set-author',
  SetParticipant: 'set-participant',
  SetMetrics: 'set-metrics',
  Submit: 'submit',
  DraftRestore: 'draft-restore',
  Ack: 'ack',
  Error: 'error',
} as const;
export type ParentMessage = (typeof ParentMessage)[keyof typeof ParentMessage];

/** Codes of `error` messages about the bridge itself (the studio's own codes pass through as they are). */
export const BridgeErrorCode = {
  /** `host-origin` / `origin` missing or not an absolute http(s) origin. */
  Origin: 'bridge-origin',
  /** A message that failed its schema, size cap or `parseDesign`. */
  Invalid: 'bridge-invalid',
  /** A command the other side cannot carry out (e.g. `submit` before the element has it). */
  Unsupported: 'bridge-unsupported',
  /** The host page's `onSubmission` threw or rejected, and the page could not keep the submission. */
  HostRefused: 'host-refused',
  /** The host page keeps the submission in its own outbox and hands it over again (next visit, `online`). */
  HostQueued: 'host-queued',
} as const;
export type BridgeErrorCode = (typeof BridgeErrorCode)[keyof typeof BridgeErrorCode];

export const StorageState = { Available: 'available', Denied: 'denied' } as const;
export type StorageState = (typeof StorageState)[keyof typeof StorageState];

export const BRIDGE_DRAFT_FORMAT = 'co-design-bridge-draft';

/**
 * A draft as the host page keeps it for a frame whose own storage is denied:
 * the design (its marks inline, no chunks: one record per template and key)
 * plus what is needed to carry on. Undo steps stay in the frame.
 */
export interface BridgeDraft {
  format: typeof BRIDGE_DRAFT_FORMAT;
  version: 1;
  /** The frame's draft id: the same id its metrics reports carry. */
  id: string;
  template: { id: string; version: string };
  /** The studio's `draft-key` ('' when none). */
  key: string;
  name: string;
  updated: string;
  view: string;
  design: DesignDocument;
  metrics: Metrics | null;
}

export interface ReadyPayload {
  template: { id: string; version: string };
  key: string;
  /** Whether the frame can keep drafts itself; when `denied` the host page keeps them. */
  storage: StorageState;
}

export interface ErrorPayload {
  code: string;
  message: string;
  /** The id of the message this error answers, when it answers one. */
  re?: string;
}

export interface ResultPayload {
  ok: boolean;
  error?: { code: string; message: string };
}

/** Payload types by message type, both directions. */
export interface FramePayloads {
  ready: ReadyPayload;
  height: { height: number };
  change: { source: string; kind: 'edit' | 'undo' | 'redo' };
  submission: Submission;
  metrics: MetricsReport;
  'draft-save': BridgeDraft;
  error: ErrorPayload;
  result: ResultPayload;
}

export interface ParentPayloads {
  'load-design': { design: DesignDocument };
  'set-author': { name: string | null };
  /** The participant token the host's backend signed (docs/campaigns.md), or null when signed out. */
  'set-participant': { token: string | null };
  /** The studio's `metrics` switch (docs/privacy.md). */
  'set-metrics': { metrics: MetricsMode };
  submit: Record<string, never>;
  'draft-restore': { draft: BridgeDraft | null };
  ack: Record<string, never>;
  error: ErrorPayload;
}

export interface Envelope<T extends string = string, P = unknown> {
  source: typeof BRIDGE_SOURCE;
  v: typeof BRIDGE_VERSION;
  type: T;
  /** Unique per message; a reply (`ack`, `result`, `error`) carries the id of what it answers. */
  id: string;
  payload: P;
}

// ---- schemas -------------------------------------------------------------------

const id = v.pipe(
  v.string(),
  v.regex(DOCUMENT_LIMITS.idPattern, 'expected an id of 1 to 64 letters, digits, "_" or "-"'),
);
const text = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.minLength(min),
    v.maxLength(max),
    v.regex(/^[^\u0000-\u001f\u007f]*$/, 'expected no control characters'),
  );
const templateRef = v.strictObject({
  id: text(1, DOCUMENT_LIMITS.templateStringChars),
  version: text(1, DOCUMENT_LIMITS.templateStringChars),
});
const draftKey = text(0, 200);
const error = v.strictObject({ code: text(1, 64), message: v.pipe(v.string(), v.maxLength(2000)), re: v.optional(id) });
const empty = v.strictObject({});

/** `design` fields are `v.unknown()` here and go through `parseDesign` after the schema. */
const bridgeDraftSchema = v.strictObject({
  format: v.literal(BRIDGE_DRAFT_FORMAT),
  version: v.literal(1),
  id,
  template: templateRef,
  key: draftKey,
  name: text(0, DOCUMENT_LIMITS.nameChars),
  updated: v.pipe(v.string(), v.isoTimestamp()),
  view: id,
  design: v.unknown(),
  metrics: v.nullable(metricsSchema),
});

interface PayloadRule {
  schema: v.GenericSchema;
  /** Cap on the payload's JSON size, checked before the schema runs. */
  maxBytes: number;
  /** Where the payload holds a design document, for `parseDesign`. */
  design?: (payload: never) => { get(): unknown; set(doc: DesignDocument): void } | undefined;
}

const SMALL = 64 * 1024;
const DESIGN = DOCUMENT_LIMITS.documentBytes + SMALL;
const designAt = (p: { design: unknown }) => ({
  get: () => p.design,
  set: (doc: DesignDocument) => void (p.design = doc),
});

export const framePayloadRules: Record<FrameMessage, PayloadRule> = {
  ready: {
    schema: v.strictObject({ template: templateRef, key: draftKey, storage: v.picklist(Object.values(StorageState)) }),
    maxBytes: SMALL,
  },
  height: {
    schema: v.strictObject({ height: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)) }),
    maxBytes: SMALL,
  },
  change: {
    schema: v.strictObject({ source: text(1, 64), kind: v.picklist(['edit', 'undo', 'redo']) }),
    maxBytes: SMALL,
  },
  submission: { schema: submissionSchema, maxBytes: PROTOCOL_LIMITS.submissionBytes, design: designAt },
  metrics: { schema: metricsReportSchema, maxBytes: PROTOCOL_LIMITS.metricsBytes },
  'draft-save': { schema: bridgeDraftSchema, maxBytes: DESIGN, design: designAt },
  error: { schema: error, maxBytes: SMALL },
  result: {
    schema: v.strictObject({
      ok: v.boolean(),
      error: v.optional(v.strictObject({ code: text(1, 64), message: v.pipe(v.string(), v.maxLength(2000)) })),
    }),
    maxBytes: SMALL,
  },
};

export const parentPayloadRules: Record<ParentMessage, PayloadRule> = {
  'load-design': { schema: v.strictObject({ design: v.unknown() }), maxBytes: DESIGN, design: designAt },
  'set-author': {
    schema: v.strictObject({
      name: v.nullable(
        v.pipe(
          text(1, PROTOCOL_LIMITS.authorChars),
          v.check((n) => /\S/.test(n), 'expected a name that is not blank'),
        ),
      ),
    }),
    maxBytes: SMALL,
  },
  'set-participant': {
    // Bounded only: the token is checked by its signature on the server, never here.
    schema: v.strictObject({ token: v.nullable(text(1, 2048)) }),
    maxBytes: SMALL,
  },
  'set-metrics': {
    schema: v.strictObject({ metrics: v.picklist(Object.values(MetricsMode), 'expected "on" or "off"') }),
    maxBytes: SMALL,
  },
  submit: { schema: empty, maxBytes: SMALL },
  'draft-restore': {
    schema: v.strictObject({ draft: v.nullable(bridgeDraftSchema) }),
    maxBytes: DESIGN,
    design: (p: { draft: { design: unknown } | null }) => (p.draft ? designAt(p.draft) : undefined),
  },
  ack: { schema: empty, maxBytes: SMALL },
  error: { schema: error, maxBytes: SMALL },
};

const envelopeSchema = v.strictObject({
  source: v.literal(BRIDGE_SOURCE),
  v: v.literal(BRIDGE_VERSION),
  type: v.pipe(v.string(), v.maxLength(32)),
  id,
  payload: v.unknown(),
});

// ---- reading and making ----------------------------------------------------------

export type Received<T extends string, P> =
  /** Not ours (another library's postMessage), or a type this version does not know: no answer. */
  | { kind: 'ignored' }
  /** Ours, but refused: answer with an `error` message (when there is an id to answer). */
  | { kind: 'invalid'; id: string | undefined; type: string | undefined; message: string }
  | { kind: 'ok'; message: { [K in T & keyof P]: Envelope<K, P[K]> }[T & keyof P] };

/**
 * Checks one `event.data` against the envelope and its type's payload rule.
 * Only call it after the origin and source checks: those decide whom we
 * listen to, this decides what we believe. Designs come back as the new
 * objects `parseDesign` returns, never the sender's.
 */
export function readMessage<T extends string, P>(data: unknown, rules: Record<T, PayloadRule>): Received<T, P> {
  if (!data || typeof data !== 'object' || (data as { source?: unknown }).source !== BRIDGE_SOURCE)
    return { kind: 'ignored' };
  const raw = data as Record<string, unknown>;
  const replyId = typeof raw.id === 'string' && DOCUMENT_LIMITS.idPattern.test(raw.id) ? raw.id : undefined;
  const type = typeof raw.type === 'string' ? raw.type.slice(0, 32) : undefined;
  const invalid = (message: string) => ({ kind: 'invalid' as const, id: replyId, type, message });
  const head = v.safeParse(envelopeSchema, data);
  if (!head.success)
    return raw.v !== BRIDGE_VERSION && typeof raw.v === 'number' && raw.v > BRIDGE_VERSION
      ? { kind: 'ignored' }
      : invalid(`envelope: ${describe(head.issues[0])}`);
  if (!Object.hasOwn(rules, head.output.type)) return { kind: 'ignored' };
  const rule = rules[head.output.type as T];
  try {
    checkRawValue(head.output.payload, { maxDepth: DOCUMENT_LIMITS.depth + 4, maxBytes: rule.maxBytes });
  } catch (e) {
    return invalid(`${head.output.type}: ${isStudioError(e) ? e.message : String(e)}`);
  }
  const body = v.safeParse(rule.schema, head.output.payload, { abortEarly: true });
  if (!body.success) return invalid(`${head.output.type}: ${describe(body.issues[0])}`);
  const payload = body.output;
  const at = rule.design?.(payload as never);
  if (at) {
    try {
      at.set(parseDesign(at.get()));
    } catch (e) {
      return invalid(`${head.output.type}: design ${isStudioError(e) ? e.message : String(e)}`);
    }
  }
  return { kind: 'ok', message: { ...head.output, payload } as never };
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`.slice(0, 500);
}

export function envelope<T extends string, P>(type: T, payload: P, id: string): Envelope<T, P> {
  return { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, type, id, payload };
}

/**
 * The exact origin `value` names (`https://host[:port]`), or undefined: a
 * path, a wildcard, `null` or another scheme is refused, because it becomes
 * postMessage's `targetOrigin` and the only origin we listen to.
 */
export function exactOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.origin === value.replace(/\/$/, '') ? url.origin : undefined;
}

/**
 * Valibot schemas of the host protocol's payloads, matching `metrics.ts` and
 * `submission.ts` field for field (a drift fails `tsc`). The server checks
 * every request with them and `scripts/openapi/` turns them into the JSON
 * Schemas of docs/openapi.json: one source of truth. Objects are strict, so
 * an unknown or prototype key is refused rather than carried along.
 *
 * The design document inside a submission is `v.unknown()` here: it goes
 * through `parseDesign` (size, raw checks, migrations, rules), never through
 * a second, weaker copy of its schema.
 */
import * as v from 'valibot';
import type { Assert, Out, Same } from './type-checks.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { METRICS_FORMAT, METRICS_VERSION, type Metrics, type MetricsReport, type ToolFigures } from './metrics.ts';
import {
  DesignStatus,
  GallerySort,
  SUBMISSION_FORMAT,
  SUBMISSION_VERSION,
  VoteRefusal,
  type ApiError,
  type CampaignStats,
  type Deletion,
  type DesignDetail,
  type DesignSummary,
  type GalleryPage,
  type ModerationResult,
  type Originality,
  type Submission,
  type SubmissionReceipt,
  type VoteResult,
} from './submission.ts';

/** Bounds of the protocol's numbers and strings, for the server, the docs and the tests. */
export const PROTOCOL_LIMITS = {
  /** Whole `POST /designs` body, bytes. */
  submissionBytes: 32 * 1024 * 1024,
  /** The design document inside it, bytes of JSON (DOCUMENT_LIMITS.documentBytes). */
  documentBytes: DOCUMENT_LIMITS.documentBytes,
  /** `POST /metrics` body, bytes: under sendBeacon's 64 KiB queue. */
  metricsBytes: 60 * 1024,
  /** Base64 characters of one preview (~9 MB of PNG). */
  previewChars: 12 * 1024 * 1024,
  /** Long side of a preview PNG, read from its header before anything else. */
  previewSide: 4096,
  /** Any duration, ms (about three years): larger is garbage, not attention. */
  durationMs: 1e11,
  /** Any counter (strokes, undos, sessions). */
  count: 1e7,
  seq: 1e9,
  licenceChars: 20_000,
  authorChars: DOCUMENT_LIMITS.nameChars,
  idempotencyKey: /^[A-Za-z0-9_.:-]{8,128}$/,
} as const;

const L = PROTOCOL_LIMITS;

/** Tool ids (docs/design.md); asserted equal to the editor's `ToolId` below. */
export const TOOL_IDS = [
  'pencil',
  'spray',
  'marker',
  'eraser',
  'fill',
  'text',
  'shape',
  'image',
  'sticker',
  'select',
  'eyedropper',
] as const;

/**
 * JSON Schema for the parts valibot's converter cannot describe (a
 * reference to the design document's schema); read by scripts/openapi/schemas.ts.
 */
export const protocolJsonHints = new WeakMap<object, Record<string, unknown>>();

function got(text: string) {
  return (issue: v.BaseIssue<unknown>) => `${text}, got ${String(issue.received).slice(0, 40)}`;
}

const id = v.pipe(
  v.string(),
  v.regex(DOCUMENT_LIMITS.idPattern, got('expected an id of 1 to 64 letters, digits, "_" or "-"')),
);
const timestamp = v.pipe(v.string(), v.isoTimestamp(got('expected an ISO 8601 date and time')));
const duration = (() => {
  const message = got(`expected milliseconds from 0 to ${L.durationMs}`);
  return v.pipe(v.number(message), v.minValue(0, message), v.maxValue(L.durationMs, message));
})();
function counter(max: number) {
  const message = got(`expected an integer from 0 to ${max}`);
  return v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(max, message));
}
function line(min: number, max: number) {
  const message = got(`expected ${min} to ${max} characters without control characters`);
  return v.pipe(
    v.string(),
    v.minLength(min, message),
    v.maxLength(max, message),
    v.regex(/^[^\u0000-\u001f\u007f]*$/, message),
  );
}
const templateRef = v.strictObject({
  id: line(1, DOCUMENT_LIMITS.templateStringChars),
  version: line(1, DOCUMENT_LIMITS.templateStringChars),
});

/** `v.unknown()` documented as a design document, checked by `parseDesign`. */
function designDocumentField() {
  const schema = v.unknown();
  protocolJsonHints.set(schema, { $ref: '#/components/schemas/DesignDocument' });
  return schema;
}

export const toolFiguresSchema = v.strictObject({
  tool: v.picklist(TOOL_IDS, got(`expected a tool id (${TOOL_IDS.join(', ')})`)),
  engagedMs: duration,
  visibleMs: duration,
  wallMs: duration,
});

export const metricsSchema = v.strictObject({
  format: v.literal(METRICS_FORMAT, got(`expected "${METRICS_FORMAT}"`)),
  version: v.literal(METRICS_VERSION, got(`expected version ${METRICS_VERSION}`)),
  engagedMs: duration,
  visibleMs: duration,
  wallMs: duration,
  tools: v.pipe(
    v.array(toolFiguresSchema),
    v.maxLength(TOOL_IDS.length, got(`expected at most ${TOOL_IDS.length} tools`)),
    v.check((tools) => new Set(tools.map((t) => t.tool)).size === tools.length, 'expected each tool at most once'),
  ),
  strokes: counter(L.count),
  undos: counter(L.count),
  redos: counter(L.count),
  sessions: counter(L.count),
  firstStrokeMs: v.nullable(duration),
});

export const metricsReportSchema = v.strictObject({
  format: v.literal('co-design-metrics-report', got('expected "co-design-metrics-report"')),
  version: v.literal(1, got('expected version 1')),
  draft: id,
  session: id,
  seq: counter(L.seq),
  template: templateRef,
  sent: timestamp,
  current: metricsSchema,
  total: metricsSchema,
  submitted: v.boolean(),
});

export const previewImageSchema = v.strictObject({
  view: id,
  png: v.pipe(
    v.string(),
    v.maxLength(L.previewChars, got(`expected at most ${L.previewChars} base64 characters`)),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected standard base64 without a data: prefix'),
  ),
});

export const consentSchema = v.strictObject({
  termsVersion: line(1, DOCUMENT_LIMITS.templateStringChars),
  licence: v.pipe(v.string(), v.minLength(1, 'expected the licence text that was shown'), v.maxLength(L.licenceChars)),
  acceptedAt: timestamp,
});

export const authorSchema = v.strictObject({
  name: v.pipe(
    line(1, L.authorChars),
    v.check((name) => /\S/.test(name), 'expected a name that is not blank'),
  ),
});

/** A participant token (docs/campaigns.md): checked by its signature on the server, here only bounded. */
export const participantTokenSchema = v.pipe(
  v.string('expected a participant token'),
  v.maxLength(2048, 'expected a participant token of at most 2048 characters'),
);

export const submissionSchema = v.strictObject({
  format: v.literal(SUBMISSION_FORMAT, got(`expected "${SUBMISSION_FORMAT}"`)),
  version: v.literal(SUBMISSION_VERSION, got(`expected version ${SUBMISSION_VERSION}`)),
  draft: id,
  design: designDocumentField(),
  previews: v.pipe(
    v.array(previewImageSchema),
    v.minLength(1, 'expected one preview per view'),
    v.maxLength(DOCUMENT_LIMITS.views, `expected at most ${DOCUMENT_LIMITS.views} previews`),
  ),
  author: authorSchema,
  consent: consentSchema,
  metrics: v.optional(metricsSchema),
  campaign: v.optional(id),
  participant: v.optional(participantTokenSchema),
});

const status = v.picklist(Object.values(DesignStatus));

export const submissionReceiptSchema = v.strictObject({
  id,
  status,
  shareUrl: v.optional(v.string()),
  campaign: v.optional(id),
  replaced: v.optional(id),
});

export const apiErrorSchema = v.strictObject({ code: v.string(), message: v.string() });

export const previewLinkSchema = v.strictObject({
  view: id,
  url: v.string(),
  width: counter(L.previewSide),
  height: counter(L.previewSide),
});

const share = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

export const originalitySchema = v.strictObject({
  strokes: counter(L.count),
  uploads: counter(L.count),
  uploadShare: share,
  largestUploadShare: share,
  engagedMs: v.nullable(duration),
  paintedMs: v.nullable(duration),
  mostlyUpload: v.boolean(),
});

const summaryEntries = {
  id,
  status,
  author: v.string(),
  template: v.strictObject({ id: v.string(), version: v.string() }),
  createdAt: timestamp,
  votes: v.nullable(counter(Number.MAX_SAFE_INTEGER)),
  previews: v.array(previewLinkSchema),
  campaign: v.optional(id),
  originality: v.optional(originalitySchema),
  voted: v.optional(v.boolean()),
};

export const designSummarySchema = v.strictObject(summaryEntries);

export const designDetailSchema = v.strictObject({
  ...summaryEntries,
  design: designDocumentField(),
  consent: v.optional(consentSchema),
  metrics: v.optional(metricsSchema),
});

export const galleryPageSchema = v.strictObject({
  items: v.array(designSummarySchema),
  page: counter(L.count),
  perPage: counter(100),
  total: counter(Number.MAX_SAFE_INTEGER),
});

/** `GET /designs` query: strings in, numbers out; other keys (cache busters) are ignored. */
export const galleryQuerySchema = v.object({
  page: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,5}$/, 'expected a page from 1'), v.transform(Number)),
    '1',
  ),
  perPage: v.optional(
    v.pipe(v.string(), v.regex(/^(?:[1-9][0-9]?|100)$/, 'expected 1 to 100 per page'), v.transform(Number)),
    '24',
  ),
  sort: v.optional(v.picklist(Object.values(GallerySort), 'expected sort "new" or "top"'), 'new'),
  status: v.optional(status, 'approved'),
  campaign: v.optional(id),
});

export const voteResultSchema = v.strictObject({
  votes: v.nullable(counter(Number.MAX_SAFE_INTEGER)),
  counted: v.boolean(),
  reason: v.optional(v.picklist(Object.values(VoteRefusal))),
});

export const moderationResultSchema = v.strictObject({ id, status });

export const deletionSchema = v.strictObject({
  draft: id,
  designs: v.array(id),
  sessions: counter(Number.MAX_SAFE_INTEGER),
});

const total = counter(Number.MAX_SAFE_INTEGER);
const anyMs = v.pipe(v.number(), v.minValue(0));

export const campaignStatsSchema = v.strictObject({
  funnel: v.strictObject({ opened: total, drew: total, submitted: total }),
  designs: v.strictObject({ pending: total, approved: total, rejected: total, hidden: total }),
  engaged: v.strictObject({
    drafts: total,
    totalMs: anyMs,
    meanMs: anyMs,
    medianMs: anyMs,
    p90Ms: anyMs,
    buckets: v.array(v.strictObject({ fromMs: anyMs, toMs: v.nullable(anyMs), drafts: total })),
  }),
  tools: v.array(
    v.strictObject({
      tool: v.picklist(TOOL_IDS),
      engagedMs: anyMs,
      visibleMs: anyMs,
      wallMs: anyMs,
      share: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    }),
  ),
  reports: v.strictObject({ accepted: total, sessions: total }),
});

// The schemas must describe exactly the types of metrics.ts and submission.ts.
export type ProtocolSchemasMatchTypes = [
  Assert<Same<(typeof TOOL_IDS)[number], ToolFigures['tool']>>,
  Assert<Same<Out<typeof metricsSchema>, Metrics>>,
  Assert<Same<Out<typeof metricsReportSchema>, MetricsReport>>,
  Assert<Same<Omit<Out<typeof submissionSchema>, 'design'>, Omit<Submission, 'design'>>>,
  Assert<Same<Out<typeof submissionReceiptSchema>, SubmissionReceipt>>,
  Assert<Same<Out<typeof apiErrorSchema>, ApiError>>,
  Assert<Same<Out<typeof designSummarySchema>, DesignSummary>>,
  Assert<Same<Out<typeof originalitySchema>, Originality>>,
  Assert<Same<Omit<Out<typeof designDetailSchema>, 'design'>, Omit<DesignDetail, 'design'>>>,
  Assert<Same<Out<typeof galleryPageSchema>, GalleryPage>>,
  Assert<Same<Out<typeof voteResultSchema>, VoteResult>>,
  Assert<Same<Out<typeof moderationResultSchema>, ModerationResult>>,
  Assert<Same<Out<typeof deletionSchema>, Deletion>>,
  Assert<Same<Out<typeof campaignStatsSchema>, CampaignStats>>,
];

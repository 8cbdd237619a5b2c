/**
 * The OpenAPI document's `components.schemas`, generated from the valibot
 * schemas the server validates with (src/protocol/schema.ts and
 * src/document/schema.ts): one source of truth.
 */
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { designDocumentSchema, jsonSchemaHints } from '../../src/document/schema.ts';
import {
  advanceSchema,
  campaignAdminSchema,
  campaignInputSchema,
  campaignListSchema,
  campaignSchema,
  campaignViewSchema,
  demoParticipantRequestSchema,
  demoParticipantSchema,
  entryQuerySchema,
  entryStatusSchema,
  voteBodySchema,
} from '../../src/protocol/campaign-schema.ts';
import {
  campaignResultsSchema,
  jurorInputSchema,
  jurorInviteSchema,
  jurorListSchema,
  jurorSchema,
  juryViewSchema,
  rankingSchema,
  scoreInputSchema,
  winnersInputSchema,
} from '../../src/protocol/jury-schema.ts';
import { DOCUMENT_VERSION } from '../../src/document/types.ts';
import {
  apiErrorSchema,
  authorSchema,
  campaignStatsSchema,
  consentSchema,
  deletionSchema,
  designDetailSchema,
  designSummarySchema,
  galleryPageSchema,
  metricsReportSchema,
  metricsSchema,
  moderationResultSchema,
  originalitySchema,
  previewImageSchema,
  protocolJsonHints,
  submissionReceiptSchema,
  submissionSchema,
  toolFiguresSchema,
  voteResultSchema,
} from '../../src/protocol/schema.ts';

const hint = (schema: object) =>
  (jsonSchemaHints.get(schema) ?? protocolJsonHints.get(schema)) as JsonSchema | undefined;

const config: ConversionConfig = {
  target: 'draft-2020-12',
  errorMode: 'throw',
  // Rules across entries (each tool once) are described in prose, not in JSON Schema.
  ignoreActions: ['check'],
  overrideSchema: ({ valibotSchema }: { valibotSchema: object }) => hint(valibotSchema),
  overrideAction: ({ valibotAction, jsonSchema }: { valibotAction: object; jsonSchema: JsonSchema }) =>
    jsonSchemaHints.has(valibotAction) ? jsonSchema : undefined,
  overrideRef: ({ referenceId }: { referenceId: string }) => `#/components/schemas/${referenceId}`,
};

/** Named payload schemas; a schema used inside another becomes a `$ref` to its name. */
const named: Record<string, v.GenericSchema> = {
  Submission: submissionSchema,
  PreviewImage: previewImageSchema,
  Author: authorSchema,
  Consent: consentSchema,
  Metrics: metricsSchema,
  ToolFigures: toolFiguresSchema,
  MetricsReport: metricsReportSchema,
  SubmissionReceipt: submissionReceiptSchema,
  ApiError: apiErrorSchema,
  DesignSummary: designSummarySchema,
  Originality: originalitySchema,
  DesignDetail: designDetailSchema,
  GalleryPage: galleryPageSchema,
  VoteResult: voteResultSchema,
  ModerationResult: moderationResultSchema,
  Deletion: deletionSchema,
  CampaignStats: campaignStatsSchema,
  CampaignInput: campaignInputSchema,
  Campaign: campaignSchema,
  CampaignAdmin: campaignAdminSchema,
  CampaignList: campaignListSchema,
  CampaignView: campaignViewSchema,
  DemoParticipantRequest: demoParticipantRequestSchema,
  DemoParticipant: demoParticipantSchema,
  AdvanceCampaign: advanceSchema,
  EntryQuery: entryQuerySchema,
  EntryStatus: entryStatusSchema,
  VoteBody: voteBodySchema,
  JurorInput: jurorInputSchema,
  Juror: jurorSchema,
  JurorInvite: jurorInviteSchema,
  JurorList: jurorListSchema,
  ScoreInput: scoreInputSchema,
  JuryView: juryViewSchema,
  Ranking: rankingSchema,
  WinnersInput: winnersInputSchema,
  CampaignResults: campaignResultsSchema,
};

const descriptions: Record<string, string> = {
  Submission:
    'POST /designs body. `design` goes through the full design-document validator (migrations, size and nesting caps, ' +
    'cross-field rules); there must be exactly one preview per view of the design. `metrics` is absent when the host ' +
    'switched time on task off (the studio\'s `metrics="off"`).',
  PreviewImage:
    'A PNG of one view, standard base64 without a data: prefix. Signature, IHDR (at most 4096 × 4096), chunk CRCs and IEND are checked.',
  Consent: "`licence` is the licence text exactly as it was shown (the template brief's `terms`).",
  Metrics: 'Time on task (docs/metrics.md). `tools` lists each tool at most once.',
  MetricsReport:
    "POST /metrics body, sent as text/plain. Idempotent by (session, seq): the server keeps each session's highest seq.",
  ApiError: 'Every 4xx and 5xx body: the same `{ code, message }` the studio rejects with.',
  SubmissionReceipt:
    'What the reference backend answers to a stored submission, and what a brand backend should answer. The studio ' +
    "accepts any JSON in its place (see `POST /designs`). `shareUrl` is the design's public page (a path on the API's host, " +
    'or an absolute URL), which opens once the design is approved: the studio offers it, with a share action, after "Sent!".',
  DesignSummary: '`originality` only with the admin token.',
  DesignDetail:
    '`consent`, `metrics` and `originality` only with the admin token; `metrics` only when the submission carried them.',
  Originality:
    'How a design was made, for moderators (docs/originality.md), computed by the server from the stored design ' +
    "document (never from what the client claims) and the submission's time on task. `uploadShare` and " +
    '`largestUploadShare` sample the design areas of the template on a grid of about 160 cells on the long side, ' +
    'counting uploads as their placed rectangles; null when the server does not know the template. ' +
    "`mostlyUpload`: one upload covers at least 60 % of its view's design areas and there are fewer than 20 strokes.",
  Deletion: 'What an erasure removed for good.',
  VoteResult:
    "`votes` is the design's count after this request (null while its campaign hides counts); `reason` is present exactly when `counted` is false.",
  CampaignInput:
    'What the campaign team writes. The schedule gives when each phase starts; each must be later than the one before.',
  Campaign:
    '`phase` is the phase now: by the schedule, or later when the team moved it on by hand. `phaseEndsAt` is null in results.',
  CampaignAdmin:
    "`secret` (base64url of 32 bytes) is the HMAC-SHA256 key of the campaign's participant tokens (docs/campaigns.md).",
};

export function componentSchemas(): Record<string, JsonSchema> {
  const { $schema: _ignored, ...designDocument } = toJsonSchema(designDocumentSchema, config);
  const defs = toJsonSchemaDefs(named, config) as Record<string, JsonSchema>;
  // Version 1 designs (before timing) are still taken and migrated on arrival (docs/design-document.md);
  // what the server stores and answers is the current version.
  const properties = designDocument.properties as Record<string, JsonSchema>;
  properties.version = {
    enum: [DOCUMENT_VERSION - 1, DOCUMENT_VERSION],
    description: `${DOCUMENT_VERSION - 1} is migrated to ${DOCUMENT_VERSION} when it arrives`,
  };
  const out: Record<string, JsonSchema> = {
    DesignDocument: {
      ...designDocument,
      description: `The design document, version ${DOCUMENT_VERSION} (docs/design-document.md); larger than 8 MB as JSON is refused with 413.`,
    },
  };
  for (const [name, schema] of Object.entries(defs)) {
    out[name] = descriptions[name] ? { description: descriptions[name], ...schema } : schema;
  }
  return out;
}

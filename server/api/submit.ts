/**
 * `POST /designs`: a finished design, exactly once. The Idempotency-Key is
 * looked up first (a replay costs no validation), then the body is checked
 * in full — envelope schema, design document through `parseDesign`, one
 * PNG preview per view, header first — and stored with the key's answer in
 * one step. Only a 201 is kept for a key (as Stripe does): a refused body
 * stores nothing, so the customer can fix it and send it again.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { newId } from '../../src/document/ids.ts';
import { parseDesign } from '../../src/document/validate.ts';
import { isStudioError } from '../../src/errors.ts';
import { PROTOCOL_LIMITS, submissionSchema } from '../../src/protocol/schema.ts';
import { DesignStatus, type Submission, type SubmissionReceipt } from '../../src/protocol/submission.ts';
import { checkPng, PngError, readPngHeader } from '../png.ts';
import type { NewDesign, NewPreview } from '../store/store.ts';
import { checkCampaignEntry } from './campaign-entry.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, applyFault, defaultIssueMessage, describeIssues, dropConnection, requireMediaType } from './http.ts';

/** Embedded PNGs in a design are uploads the widget already re-encoded; this only bounds what a browser would decode. */
const EMBEDDED_PNG_SIDE = 8192;

export function submitRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/designs', { bodyLimit: PROTOCOL_LIMITS.submissionBytes }, async (request, reply) => {
    requireMediaType(request, ['application/json']);
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !PROTOCOL_LIMITS.idempotencyKey.test(key)) {
      throw new ApiHttpError(400, 'idempotency-key-invalid', 'send an Idempotency-Key header of 8 to 128 letters, digits, "_", ".", ":" or "-"');
    }
    const fault = await applyFault(ctx.faults, 'designs', reply);
    if (fault === 'handled') return reply;

    const hash = ctx.bodyHash(request);
    const now = ctx.now();
    const since = now - ctx.idempotencyTtlMs;
    let answer = await ctx.store.findIdempotent(key, since);
    if (!answer) {
      const sub = request.body as Submission;
      const design = await checkCampaignEntry(ctx, sub, checkSubmission(request.body, newId(), new Date(now).toISOString()));
      const replaced = design.participant ? (await ctx.store.entryOf(design.campaign!, design.participant)).current?.id : undefined;
      const receipt: SubmissionReceipt = {
        id: design.id,
        status: design.status,
        // Beside the API on this host (server/pages/share.ts); the page opens once the design is approved.
        shareUrl: `/d/${design.id}`,
        ...(design.campaign ? { campaign: design.campaign } : {}),
        ...(replaced ? { replaced } : {}),
      };
      const result = await ctx.store.createDesign(design, { key, hash, status: 201, body: receipt, createdAt: now }, since);
      answer = result.created ? { hash, status: 201, body: receipt, createdAt: now } : result.existing;
      if (result.created && fault === 'drop-after') {
        dropConnection(reply);
        return reply;
      }
      if (result.created) return reply.code(201).header('Location', `${ctx.prefix}/designs/${design.id}`).send(receipt);
    }
    if (answer.hash !== hash) {
      throw new ApiHttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for another body: make a new key for a new submission');
    }
    if (fault === 'drop-after') {
      dropConnection(reply);
      return reply;
    }
    return reply.code(answer.status).header('Idempotent-Replayed', 'true').send(answer.body);
  });
}

/** Everything a submission must be, or a 400/413 that says what is wrong. */
export function checkSubmission(body: unknown, id: string, createdAt: string): NewDesign {
  const parsed = v.safeParse(submissionSchema, body, { abortEarly: true, message: defaultIssueMessage });
  if (!parsed.success) throw new ApiHttpError(400, 'submission-invalid', describeIssues(parsed.issues));
  const sub = parsed.output;

  let design;
  try {
    design = parseDesign(sub.design, { maxBytes: PROTOCOL_LIMITS.documentBytes, checkImage: checkEmbeddedImage });
  } catch (error) {
    if (!isStudioError(error)) throw error;
    if ('limit' in error.params) {
      throw new ApiHttpError(413, 'design-too-large', `design: larger than ${PROTOCOL_LIMITS.documentBytes} bytes as JSON`);
    }
    throw new ApiHttpError(400, 'design-invalid', prefixPath('design', error.message));
  }

  const views = design.views.map((view) => view.view);
  const previews: NewPreview[] = [];
  const seen = new Set<string>();
  sub.previews.forEach((preview, i) => {
    const where = `previews[${i}]`;
    if (!views.includes(preview.view)) throw previewInvalid(`${where}.view: "${preview.view}" is not a view of the design`);
    if (seen.has(preview.view)) throw previewInvalid(`${where}.view: a second preview of "${preview.view}"`);
    seen.add(preview.view);
    try {
      const png = checkPng(preview.png, PROTOCOL_LIMITS.previewSide);
      previews.push({ view: preview.view, width: png.width, height: png.height, png: png.bytes });
    } catch (error) {
      if (error instanceof PngError) throw previewInvalid(`${where}.png: ${error.message}`);
      throw error;
    }
  });
  const missing = views.find((view) => !seen.has(view));
  if (missing) throw previewInvalid(`previews: no preview of view "${missing}"`);

  return {
    id,
    draft: sub.draft,
    status: DesignStatus.Pending,
    author: sub.author.name.trim(),
    template: design.template,
    createdAt,
    designJson: JSON.stringify(design),
    consent: sub.consent,
    metrics: sub.metrics ?? null,
    previews,
    campaign: null,
    participant: null,
  };
}

/** `views[0]: …` → `design.views[0]: …`; `document: …` → `design: …`. */
function prefixPath(prefix: string, message: string): string {
  if (message.startsWith('document: ')) return `${prefix}: ${message.slice('document: '.length)}`;
  return message.startsWith('[') ? `${prefix}${message}` : `${prefix}.${message}`;
}

const previewInvalid = (message: string) => new ApiHttpError(400, 'preview-invalid', message);

function checkEmbeddedImage(src: string): void {
  const prefix = 'data:image/png;base64,';
  if (src.startsWith(prefix)) readPngHeader(src.slice(prefix.length, prefix.length + 44), EMBEDDED_PNG_SIDE);
}

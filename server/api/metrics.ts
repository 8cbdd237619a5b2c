/**
 * `POST /metrics` takes beacons: text/plain JSON (a CORS "simple" request,
 * so `navigator.sendBeacon` needs no preflight), idempotent by (session,
 * seq). `GET /stats` gives the campaign team the aggregates.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { metricsReportSchema, PROTOCOL_LIMITS } from '../../src/protocol/schema.ts';
import type { CampaignStats } from '../../src/protocol/submission.ts';
import { computeStats } from '../stats.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, applyFault, defaultIssueMessage, describeIssues, dropConnection, requireAdmin, requireMediaType } from './http.ts';

export function metricsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/metrics', { bodyLimit: PROTOCOL_LIMITS.metricsBytes }, async (request, reply) => {
    requireMediaType(request, ['text/plain', 'application/json']);
    const fault = await applyFault(ctx.faults, 'metrics', reply);
    if (fault === 'handled') return reply;
    const parsed = v.safeParse(metricsReportSchema, request.body, { abortEarly: true, message: defaultIssueMessage });
    if (!parsed.success) throw new ApiHttpError(400, 'metrics-invalid', describeIssues(parsed.issues));
    // A duplicate or older report is answered like a new one: the sender has nothing to fix.
    await ctx.store.recordReport(parsed.output, ctx.now());
    if (fault === 'drop-after') {
      dropConnection(reply);
      return reply;
    }
    return reply.code(204).send();
  });

  app.get('/stats', async (request): Promise<CampaignStats> => {
    requireAdmin(request, ctx.adminToken);
    const [drafts, designs, reports] = await Promise.all([ctx.store.draftFigures(), ctx.store.countByStatus(), ctx.store.reportCounts()]);
    return computeStats(drafts, designs, reports);
  });
}

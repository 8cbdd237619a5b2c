/** What the campaign routes share: finding a campaign, reading a body, listing its entries. */
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { DesignStatus, PreviewLink } from '../../src/protocol/submission.ts';
import type { StoredCampaign, StoredSummary } from '../store/store.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, defaultIssueMessage, describeIssues, notFound, requireMediaType } from './http.ts';

export async function findCampaign(ctx: ApiContext, id: string): Promise<StoredCampaign> {
  const campaign = await ctx.store.getCampaign(id);
  if (!campaign) throw notFound('campaign');
  return campaign;
}

export function parseBody<T extends v.GenericSchema>(schema: T, request: FastifyRequest, code: string): v.InferOutput<T> {
  requireMediaType(request, ['application/json']);
  const parsed = v.safeParse(schema, request.body, { abortEarly: true, message: defaultIssueMessage });
  if (!parsed.success) throw new ApiHttpError(400, code, describeIssues(parsed.issues));
  return parsed.output;
}

/** Far above any campaign a single server ranks in one answer; documented in docs/campaigns.md. */
export const MAX_ENTRIES = 10_000;

/** A campaign's current entries of one status, oldest first. */
export async function campaignEntries(ctx: ApiContext, campaign: string, status: DesignStatus): Promise<StoredSummary[]> {
  const { items } = await ctx.store.listDesigns({ status, sort: 'new', offset: 0, limit: MAX_ENTRIES, campaign });
  return items.reverse();
}

export const previewLinks = (ctx: ApiContext, d: StoredSummary): PreviewLink[] =>
  d.previews.map((p) => ({ ...p, url: `${ctx.prefix}/designs/${d.id}/preview/${p.view}.png` }));

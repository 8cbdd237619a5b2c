/**
 * The end of a campaign (docs/campaigns.md): the team's ranking (jury and
 * community combined, ties shown), the winners it picks, the public results
 * and a CSV of every entry.
 */
import type { FastifyInstance } from 'fastify';
import { currentPhase, phaseIndex } from '../../src/protocol/campaign.ts';
import { winnersInputSchema } from '../../src/protocol/jury-schema.ts';
import type { CampaignResults, Ranking } from '../../src/protocol/jury.ts';
import { DesignStatus } from '../../src/protocol/submission.ts';
import { rankEntries } from '../campaigns/ranking.ts';
import { entriesCsv } from '../campaigns/csv.ts';
import type { StoredCampaign } from '../store/store.ts';
import { campaignEntries, findCampaign, parseBody, previewLinks } from './campaign-shared.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, isAdmin, requireAdmin } from './http.ts';

export function campaignResultRoutes(app: FastifyInstance, ctx: ApiContext): void {
  async function ranking(campaign: StoredCampaign): Promise<Ranking> {
    const entries = await campaignEntries(ctx, campaign.id, DesignStatus.Approved);
    const active = new Set((await ctx.store.listJurors(campaign.id)).filter((j) => !j.revokedAt).map((j) => j.id));
    const scores = (await ctx.store.scoresOf(campaign.id)).filter((s) => active.has(s.juror));
    const { criteria, communityWeight } = campaign.input;
    const winners = await ctx.store.winnersOf(campaign.id);
    return { communityWeight, entries: rankEntries({ entries, criteria, communityWeight, scores, winners }) };
  }

  app.get<{ Params: { id: string } }>('/campaigns/:id/ranking', async (request): Promise<Ranking> => {
    requireAdmin(request, ctx.adminToken);
    return ranking(await findCampaign(ctx, request.params.id));
  });

  app.put<{ Params: { id: string } }>('/campaigns/:id/winners', { bodyLimit: 16 * 1024 }, async (request): Promise<Ranking> => {
    requireAdmin(request, ctx.adminToken);
    const { winners } = parseBody(winnersInputSchema, request, 'winners-invalid');
    const campaign = await findCampaign(ctx, request.params.id);
    const phase = currentPhase(campaign.input.schedule, campaign.movedTo, ctx.now());
    if (phaseIndex(phase) < phaseIndex('judging')) {
      throw new ApiHttpError(409, 'winners-too-early', `winners are picked from the judging phase on; "${campaign.input.name}" is in its ${phase} phase`);
    }
    const approved = new Set((await campaignEntries(ctx, campaign.id, DesignStatus.Approved)).map((e) => e.id));
    const stray = winners.find((id) => !approved.has(id));
    if (stray) throw new ApiHttpError(400, 'winners-invalid', `winners: "${stray}" is not an approved entry of this campaign`);
    await ctx.store.setWinners(campaign.id, winners, new Date(ctx.now()).toISOString());
    return ranking(campaign);
  });

  app.get<{ Params: { id: string } }>('/campaigns/:id/results', async (request): Promise<CampaignResults> => {
    const campaign = await findCampaign(ctx, request.params.id);
    const phase = currentPhase(campaign.input.schedule, campaign.movedTo, ctx.now());
    // The team may look before the public does; nobody else learns the winners early.
    if (phase !== 'results' && !isAdmin(request, ctx.adminToken)) {
      throw new ApiHttpError(409, 'results-not-yet', `the results of "${campaign.input.name}" are shown from ${campaign.input.schedule.results}`);
    }
    const winners = await ctx.store.winnersOf(campaign.id);
    const out: CampaignResults = { campaign: { id: campaign.id, name: campaign.input.name, template: campaign.input.template }, winners: [] };
    for (const [i, id] of winners.entries()) {
      const design = await ctx.store.getDesign(id);
      // A winner taken down after the pick leaves its place empty rather than moving everyone up silently.
      if (!design || design.status !== DesignStatus.Approved) continue;
      out.winners.push({ place: i + 1, id, author: design.author, previews: previewLinks(ctx, design) });
    }
    return out;
  });

  app.get<{ Params: { id: string } }>('/campaigns/:id/entries.csv', async (request, reply) => {
    requireAdmin(request, ctx.adminToken);
    const campaign = await findCampaign(ctx, request.params.id);
    const ranked = new Map((await ranking(campaign)).entries.map((e) => [e.id, e]));
    const rows = [];
    for (const status of Object.values(DesignStatus)) {
      for (const entry of await campaignEntries(ctx, campaign.id, status)) {
        const design = (await ctx.store.getDesign(entry.id))!;
        rows.push({ design, ranked: ranked.get(entry.id) });
      }
    }
    rows.sort((a, b) => a.design.createdAt.localeCompare(b.design.createdAt) || a.design.id.localeCompare(b.design.id));
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="campaign-${campaign.id}-entries.csv"`)
      .send(entriesCsv(rows));
  });
}

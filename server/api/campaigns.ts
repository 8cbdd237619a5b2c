/**
 * Campaigns (docs/campaigns.md): anyone reads a campaign's brief, terms and
 * phase; the campaign team (admin token) creates, edits and moves it on by
 * hand; a participant asks whether they already entered.
 */
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { newId } from '../../src/document/ids.ts';
import { currentPhase, nextPhase, phaseEnd, type Campaign, type CampaignAdmin, type CampaignList, type EntryStatus } from '../../src/protocol/campaign.ts';
import { advanceSchema, campaignInputSchema, entryQuerySchema } from '../../src/protocol/campaign-schema.ts';
import { ParticipantTokenError, verifyParticipant } from '../campaigns/token.ts';
import type { StoredCampaign } from '../store/store.ts';
import { findCampaign, parseBody } from './campaign-shared.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, isAdmin, notFound, requireAdmin } from './http.ts';

const BODY_LIMIT = 64 * 1024;

export function campaignRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const view = (c: StoredCampaign): Campaign => {
    const phase = currentPhase(c.input.schedule, c.movedTo, ctx.now());
    return { ...c.input, id: c.id, phase, phaseEndsAt: phaseEnd(c.input.schedule, phase), createdAt: c.createdAt, updatedAt: c.updatedAt };
  };
  const adminView = (c: StoredCampaign): CampaignAdmin => ({ ...view(c), secret: c.secret, movedTo: c.movedTo });

  const find = (id: string) => findCampaign(ctx, id);
  const body = parseBody;

  app.get('/campaigns', async (): Promise<CampaignList> => ({ items: (await ctx.store.listCampaigns()).map(view) }));

  app.post('/campaigns', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    requireAdmin(request, ctx.adminToken);
    const input = body(campaignInputSchema, request, 'campaign-invalid');
    const at = new Date(ctx.now()).toISOString();
    const campaign: StoredCampaign = { id: newId(12), input, secret: randomBytes(32).toString('base64url'), movedTo: null, createdAt: at, updatedAt: at };
    await ctx.store.createCampaign(campaign);
    return reply.code(201).header('Location', `${ctx.prefix}/campaigns/${campaign.id}`).send(adminView(campaign));
  });

  app.get<{ Params: { id: string } }>('/campaigns/:id', async (request): Promise<Campaign | CampaignAdmin> => {
    const campaign = await find(request.params.id);
    return isAdmin(request, ctx.adminToken) ? adminView(campaign) : view(campaign);
  });

  app.put<{ Params: { id: string } }>('/campaigns/:id', { bodyLimit: BODY_LIMIT }, async (request): Promise<CampaignAdmin> => {
    requireAdmin(request, ctx.adminToken);
    const input = body(campaignInputSchema, request, 'campaign-invalid');
    const updated = await ctx.store.updateCampaign(request.params.id, input, new Date(ctx.now()).toISOString());
    if (!updated) throw notFound('campaign');
    return adminView(updated);
  });

  app.post<{ Params: { id: string } }>('/campaigns/:id/advance', { bodyLimit: 1024 }, async (request): Promise<CampaignAdmin> => {
    requireAdmin(request, ctx.adminToken);
    const { from } = body(advanceSchema, request, 'advance-invalid');
    const campaign = await find(request.params.id);
    const phase = view(campaign).phase;
    if (phase !== from) {
      throw new ApiHttpError(409, 'phase-changed', `the campaign is in its ${phase} phase now, not ${from}: reload and try again`);
    }
    const to = nextPhase(phase);
    if (!to) throw new ApiHttpError(409, 'campaign-finished', 'the campaign shows its results: there is no later phase');
    if (!(await ctx.store.moveCampaign(campaign.id, campaign.movedTo, to, new Date(ctx.now()).toISOString()))) {
      throw new ApiHttpError(409, 'phase-changed', 'someone else moved the campaign on just now: reload and try again');
    }
    return adminView(await find(campaign.id));
  });

  // POST, not GET: the token must not end up in a URL, a log or a Referer.
  app.post<{ Params: { id: string } }>('/campaigns/:id/entry', { bodyLimit: 4096 }, async (request): Promise<EntryStatus> => {
    const { participant } = body(entryQuerySchema, request, 'entry-query-invalid');
    const campaign = await find(request.params.id);
    let sub: string;
    try {
      sub = verifyParticipant(participant, campaign.secret, campaign.id, ctx.now()).sub;
    } catch (error) {
      if (error instanceof ParticipantTokenError) throw new ApiHttpError(403, 'participant-invalid', `participant: ${error.message}`);
      throw error;
    }
    const { current, versions } = await ctx.store.entryOf(campaign.id, sub);
    if (!current) return { entered: false, versions };
    return { entered: true, design: { id: current.id, status: current.status, createdAt: current.createdAt }, versions };
  });
}

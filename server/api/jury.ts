/**
 * The jury (docs/campaigns.md): the team invites and revokes jurors; a
 * juror, known only by the key in their private link, sees the campaign's
 * approved entries with their own scores and scores them in the judging
 * phase. No route ever shows one juror another juror's scores.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../src/document/ids.ts';
import { currentPhase } from '../../src/protocol/campaign.ts';
import { jurorInputSchema, scoreInputSchema } from '../../src/protocol/jury-schema.ts';
import type { Juror, JurorInvite, JurorList, JuryView } from '../../src/protocol/jury.ts';
import { DesignStatus } from '../../src/protocol/submission.ts';
import type { StoredJuror } from '../store/store.ts';
import { campaignEntries, findCampaign, parseBody, previewLinks } from './campaign-shared.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, notFound, requireAdmin } from './http.ts';

const JUROR_KEY = /^[A-Za-z0-9_-]{32}$/;
const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export function juryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const juror = (j: StoredJuror, scored: number): Juror => ({ id: j.id, name: j.name, createdAt: j.createdAt, revoked: j.revokedAt !== null, scored });

  app.post<{ Params: { id: string } }>('/campaigns/:id/jurors', { bodyLimit: 4096 }, async (request, reply): Promise<JurorInvite> => {
    requireAdmin(request, ctx.adminToken);
    const { name } = parseBody(jurorInputSchema, request, 'juror-invalid');
    const campaign = await findCampaign(ctx, request.params.id);
    const key = randomBytes(24).toString('base64url');
    const stored: StoredJuror = { id: newId(12), campaign: campaign.id, name: name.trim(), keyHash: keyHash(key), createdAt: new Date(ctx.now()).toISOString(), revokedAt: null };
    await ctx.store.addJuror(stored);
    // The key rides in the fragment: browsers never send it to a server, so it stays out of logs and Referer headers.
    return reply.code(201).send({ ...juror(stored, 0), key, link: `/jury#key=${key}` });
  });

  app.get<{ Params: { id: string } }>('/campaigns/:id/jurors', async (request): Promise<JurorList> => {
    requireAdmin(request, ctx.adminToken);
    const campaign = await findCampaign(ctx, request.params.id);
    return { items: (await ctx.store.listJurors(campaign.id)).map((j) => juror(j, j.scored)) };
  });

  app.post<{ Params: { id: string; juror: string } }>('/campaigns/:id/jurors/:juror/revoke', { bodyLimit: 1024 }, async (request): Promise<Juror> => {
    requireAdmin(request, ctx.adminToken);
    const { id, juror: jurorId } = request.params;
    if (!(await ctx.store.revokeJuror(id, jurorId, new Date(ctx.now()).toISOString()))) throw notFound('juror');
    const found = (await ctx.store.listJurors(id)).find((j) => j.id === jurorId)!;
    return juror(found, found.scored);
  });

  /** The juror of the request's `Juror-Key`, or a 401 that says the link is unknown or revoked. */
  async function currentJuror(request: FastifyRequest): Promise<StoredJuror> {
    const key = request.headers['juror-key'];
    const found = typeof key === 'string' && JUROR_KEY.test(key) ? await ctx.store.jurorByKey(keyHash(key)) : undefined;
    if (!found) throw new ApiHttpError(401, 'juror-unknown', 'this jury link is not known: ask the campaign team for yours');
    if (found.revokedAt) throw new ApiHttpError(401, 'juror-revoked', `this jury link was revoked at ${found.revokedAt}`);
    return found;
  }

  app.get('/jury', async (request): Promise<JuryView> => {
    const me = await currentJuror(request);
    const campaign = await findCampaign(ctx, me.campaign);
    const mine = new Map((await ctx.store.scoresOf(campaign.id)).filter((s) => s.juror === me.id).map((s) => [s.design, s.scores]));
    const entries = await campaignEntries(ctx, campaign.id, DesignStatus.Approved);
    const { name, brief, criteria, schedule } = campaign.input;
    return {
      campaign: { id: campaign.id, name, phase: currentPhase(schedule, campaign.movedTo, ctx.now()), brief },
      criteria,
      juror: { id: me.id, name: me.name },
      entries: entries.map((e) => ({ id: e.id, author: e.author, previews: previewLinks(ctx, e), scores: mine.get(e.id) ?? null })),
    };
  });

  app.put<{ Params: { id: string } }>('/jury/entries/:id', { bodyLimit: 4096 }, async (request) => {
    const me = await currentJuror(request);
    const { scores } = parseBody(scoreInputSchema, request, 'scores-invalid');
    const campaign = await findCampaign(ctx, me.campaign);
    const phase = currentPhase(campaign.input.schedule, campaign.movedTo, ctx.now());
    if (phase !== 'judging') throw new ApiHttpError(409, 'judging-closed', `the jury scores in the judging phase; "${campaign.input.name}" is in its ${phase} phase`);
    const design = await ctx.store.getDesign(request.params.id);
    if (!design || design.campaign !== campaign.id || design.status !== DesignStatus.Approved || design.replacedBy) throw notFound('entry');
    const ids = campaign.input.criteria.map((c) => c.id);
    const missing = ids.find((c) => !scores.some((s) => s.criterion === c));
    const stray = scores.find((s) => !ids.includes(s.criterion));
    if (missing || stray) {
      throw new ApiHttpError(400, 'scores-invalid', `scores: expected one score for each criterion (${ids.join(', ')})${stray ? `, not "${stray.criterion}"` : ''}`);
    }
    const ordered = ids.map((c) => scores.find((s) => s.criterion === c)!);
    await ctx.store.setScores(me.id, design.id, ordered, new Date(ctx.now()).toISOString());
    return { scores: ordered };
  });
}

/**
 * The gallery's side of the API: approved designs for everyone, the rest
 * only with the admin token; previews served as inert images; moderation
 * and erasure; one vote per voter per design, and a daily cap of voters per
 * network.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import * as v from 'valibot';
import { newId } from '../../src/document/ids.ts';
import { galleryQuerySchema } from '../../src/protocol/schema.ts';
import {
  DesignStatus,
  type Deletion,
  type DesignDetail,
  type DesignSummary,
  type GalleryPage,
  type ModerationResult,
  type VoteResult,
} from '../../src/protocol/submission.ts';
import { originalityCache } from '../originality/index.ts';
import type { StoredSummary } from '../store/store.ts';
import { campaignPhases, voteParticipant, votingClosed, type PhaseInfo } from './campaign-votes.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, defaultIssueMessage, describeIssues, isAdmin, notFound, requireAdmin } from './http.ts';

const VOTER_COOKIE = 'cds_voter';
const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;
const VIEW_FILE = /^([A-Za-z0-9_-]{1,64})\.png$/;

export function galleryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const campaigns = campaignPhases(ctx);
  const originality = originalityCache(ctx.templates);
  /** `phases`: the phase and vote setting of each campaign the designs belong to (hidden counts are null). */
  const summary = (s: StoredSummary, phases: Map<string, PhaseInfo>, admin = false): DesignSummary => ({
    id: s.id,
    status: s.status,
    author: s.author,
    template: s.template,
    createdAt: s.createdAt,
    // The campaign team sees counts; the public does not while the campaign hides them.
    votes: !admin && s.campaign && phases.get(s.campaign)?.hidesVotes ? null : s.votes,
    previews: s.previews.map((p) => ({ ...p, url: `${ctx.prefix}/designs/${s.id}/preview/${p.view}.png` })),
    ...(s.campaign ? { campaign: s.campaign } : {}),
  });

  /** The designs of `ids` this request's voter (by the existing cookie; none is made here) has voted for. */
  const votedBy = async (request: FastifyRequest, ids: string[]) => {
    const voter = voterCookie(request);
    return voter ? ctx.store.votedBy(voter, ids) : new Set<string>();
  };

  /** A design the caller may see: approved, or any with the admin token; else 404 (never say it exists). */
  async function visible(request: FastifyRequest, id: string) {
    const design = await ctx.store.getDesign(id);
    if (!design || (design.status !== DesignStatus.Approved && !isAdmin(request, ctx.adminToken))) throw notFound();
    return design;
  }

  app.get('/designs', async (request): Promise<GalleryPage> => {
    const parsed = v.safeParse(galleryQuerySchema, request.query, { abortEarly: true, message: defaultIssueMessage });
    if (!parsed.success) throw new ApiHttpError(400, 'query-invalid', describeIssues(parsed.issues));
    const { page, perPage, sort, status, campaign } = parsed.output;
    if (status !== DesignStatus.Approved) requireAdmin(request, ctx.adminToken);
    const phases = await campaigns.of(campaign === undefined ? [] : [campaign]);
    // Ranked by hidden counts would tell them: while a campaign hides its counts, "top" lists its designs as "new".
    const admin = isAdmin(request, ctx.adminToken);
    const hidden = !admin && campaign !== undefined && phases.get(campaign)?.hidesVotes;
    const { items, total } = await ctx.store.listDesigns({
      status,
      sort: hidden ? 'new' : sort,
      offset: (page - 1) * perPage,
      limit: perPage,
      campaign,
    });
    const all = await campaigns.of(
      items.map((d) => d.campaign),
      phases,
    );
    const voted = await votedBy(
      request,
      items.map((d) => d.id),
    );
    const listed = items.map((d) => withVoted(summary(d, all, admin), voted, admin));
    // Moderators see how each design was made: each design read from the store once (originalityCache).
    if (admin) await Promise.all(listed.map(withOriginality));
    return { items: listed, page, perPage, total };
  });

  app.get<{ Params: { id: string } }>('/designs/:id', async (request): Promise<DesignDetail> => {
    const design = await visible(request, request.params.id);
    const admin = isAdmin(request, ctx.adminToken);
    const shown = withVoted(
      summary(design, await campaigns.of([design.campaign]), admin),
      await votedBy(request, [design.id]),
      admin,
    );
    const detail: DesignDetail = { ...shown, design: JSON.parse(design.designJson) };
    if (admin) {
      detail.consent = design.consent;
      // A design sent with time on task switched off has none to show.
      if (design.metrics) detail.metrics = design.metrics;
      detail.originality = await originality.of(design);
    }
    return detail;
  });

  /** Adds the originality figures to a listed design (read from the store only the first time; gone: none). */
  async function withOriginality(listed: DesignSummary): Promise<void> {
    const known = originality.known(listed.id);
    if (known) {
      listed.originality = known;
      return;
    }
    const design = await ctx.store.getDesign(listed.id);
    if (design) listed.originality = await originality.of(design);
  }

  app.get<{ Params: { id: string; file: string } }>('/designs/:id/preview/:file', async (request, reply) => {
    const view = VIEW_FILE.exec(request.params.file)?.[1];
    if (!view) throw notFound('preview');
    const preview = await ctx.store.getPreview(request.params.id, view);
    const admin = isAdmin(request, ctx.adminToken);
    if (!preview || (preview.status !== DesignStatus.Approved && !admin)) throw notFound('preview');
    // Bytes checked as PNG on the way in; served only as an image, never sniffed into anything active.
    return reply
      .header('Content-Type', 'image/png')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Content-Disposition', `inline; filename="${request.params.id}-${view}.png"`)
      .header('Cache-Control', admin ? 'private, no-store' : 'public, max-age=300')
      .send(preview.png);
  });

  for (const [action, status] of [
    ['approve', DesignStatus.Approved],
    ['reject', DesignStatus.Rejected],
    ['hide', DesignStatus.Hidden],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/designs/:id/${action}`,
      { bodyLimit: 1024 },
      async (request): Promise<ModerationResult> => {
        requireAdmin(request, ctx.adminToken);
        if (!(await ctx.store.setStatus(request.params.id, status))) throw notFound();
        // Print files are made in the background (server/jobs/); approving again finds the job there already.
        if (status === DesignStatus.Approved) await ctx.enqueuePrint(request.params.id);
        return { id: request.params.id, status };
      },
    );
  }

  // A customer's data, erased on request (docs/privacy.md): one design, or everything kept under its draft id.
  app.delete<{ Params: { id: string } }>('/designs/:id', async (request): Promise<Deletion> => {
    requireAdmin(request, ctx.adminToken);
    const deleted = await ctx.store.deleteDesign(request.params.id);
    if (!deleted) throw notFound();
    return deleted;
  });

  app.delete<{ Params: { draft: string } }>('/drafts/:draft', async (request): Promise<Deletion> => {
    requireAdmin(request, ctx.adminToken);
    const deleted = await ctx.store.deleteDraft(request.params.draft);
    if (!deleted) throw notFound('draft');
    return deleted;
  });

  app.post<{ Params: { id: string } }>(
    '/designs/:id/votes',
    { bodyLimit: 4096 },
    async (request, reply): Promise<VoteResult> => {
      const design = await ctx.store.getDesign(request.params.id);
      if (!design || design.status !== DesignStatus.Approved || design.replacedBy) throw notFound();
      const now = ctx.now();
      const phase = design.campaign ? (await campaigns.of([design.campaign])).get(design.campaign) : undefined;
      if (phase && phase.phase !== 'voting') throw votingClosed(phase);
      const participant = voteParticipant(request, phase?.campaign, now);
      // A participant votes as the person their host vouches for, on any device; everyone else by cookie and network cap.
      const voter = participant ? `p:${participant}` : voterId(request, reply);
      const network =
        !participant && ctx.voteIpCap > 0
          ? { hash: await networkHash(ctx, design.id, request.ip, now), cap: ctx.voteIpCap }
          : undefined;
      const result = await ctx.store.addVote(design.id, voter, now, network);
      if (!result) throw notFound();
      const shown: VoteResult = phase?.hidesVotes ? { ...result, votes: null } : result;
      return reply.code(result.counted ? 201 : 200).send(shown);
    },
  );
}

/** `VOTE_IP_CAP` (voters per network per design per day; 0 turns the cap off), 5 when unset. */
export function voteIpCapFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.VOTE_IP_CAP;
  if (raw === undefined || raw === '') return DEFAULT_VOTE_IP_CAP;
  if (!/^[0-9]{1,6}$/.test(raw))
    throw new Error(`VOTE_IP_CAP must be a whole number (0 turns the cap off), not "${raw}"`);
  return Number(raw);
}

export const DEFAULT_VOTE_IP_CAP = 5;

/**
 * The voter's network as a keyed hash: the day's secret salt, the design and
 * the address (IPv4) or its /64 (IPv6, where one household rotates through
 * a whole /64). Unlinkable across designs and days; the address itself is
 * never stored.
 */
async function networkHash(ctx: ApiContext, designId: string, ip: string, now: number): Promise<string> {
  const salt = await ctx.store.voteSalt(new Date(now).toISOString().slice(0, 10));
  return createHmac('sha256', salt)
    .update(`${designId}\n${networkOf(ip)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** An IPv4 address as it is, an IPv4-mapped one as IPv4, an IPv6 address as its /64 prefix. */
export function networkOf(ip: string): string {
  const address = ip.split('%')[0].toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** The team's view has no voter: `voted` is for the public pages, which show a visitor's votes as given. */
function withVoted(design: DesignSummary, voted: Set<string>, admin: boolean): DesignSummary {
  return admin ? design : { ...design, voted: voted.has(design.id) };
}

/** The `cds_voter` id the browser sent, if it is well-formed. */
export function voterCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === VOTER_COOKIE && value && VOTER_ID.test(value)) return value;
  }
  return undefined;
}

/**
 * The voter's id from its cookie, or a new one set on the reply. The store's
 * (design, voter) key is the server-side check; clearing cookies makes a new
 * voter, which the per-network cap bounds.
 */
export function voterId(request: FastifyRequest, reply: FastifyReply): string {
  const known = voterCookie(request);
  if (known) return known;
  const id = newId(22);
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('Set-Cookie', `${VOTER_COOKIE}=${id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`);
  return id;
}

/**
 * The gallery's side of the API: approved designs for everyone, the rest
 * only with the admin token; previews served as inert images; moderation;
 * one vote per voter per design.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { newId } from '../../src/document/ids.ts';
import { galleryQuerySchema } from '../../src/protocol/schema.ts';
import { DesignStatus, type DesignDetail, type DesignSummary, type GalleryPage, type ModerationResult } from '../../src/protocol/submission.ts';
import type { StoredSummary } from '../store/store.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, defaultIssueMessage, describeIssues, isAdmin, notFound, requireAdmin } from './http.ts';

const VOTER_COOKIE = 'cds_voter';
const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;
const VIEW_FILE = /^([A-Za-z0-9_-]{1,64})\.png$/;

export function galleryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const summary = (s: StoredSummary): DesignSummary => ({
    id: s.id,
    status: s.status,
    author: s.author,
    template: s.template,
    createdAt: s.createdAt,
    votes: s.votes,
    previews: s.previews.map((p) => ({ ...p, url: `${ctx.prefix}/designs/${s.id}/preview/${p.view}.png` })),
  });

  /** A design the caller may see: approved, or any with the admin token; else 404 (never say it exists). */
  async function visible(request: FastifyRequest, id: string) {
    const design = await ctx.store.getDesign(id);
    if (!design || (design.status !== DesignStatus.Approved && !isAdmin(request, ctx.adminToken))) throw notFound();
    return design;
  }

  app.get('/designs', async (request): Promise<GalleryPage> => {
    const parsed = v.safeParse(galleryQuerySchema, request.query, { abortEarly: true, message: defaultIssueMessage });
    if (!parsed.success) throw new ApiHttpError(400, 'query-invalid', describeIssues(parsed.issues));
    const { page, perPage, sort, status } = parsed.output;
    if (status !== DesignStatus.Approved) requireAdmin(request, ctx.adminToken);
    const { items, total } = await ctx.store.listDesigns({ status, sort, offset: (page - 1) * perPage, limit: perPage });
    return { items: items.map(summary), page, perPage, total };
  });

  app.get<{ Params: { id: string } }>('/designs/:id', async (request): Promise<DesignDetail> => {
    const design = await visible(request, request.params.id);
    const detail: DesignDetail = { ...summary(design), design: JSON.parse(design.designJson) };
    if (isAdmin(request, ctx.adminToken)) Object.assign(detail, { consent: design.consent, metrics: design.metrics });
    return detail;
  });

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
    app.post<{ Params: { id: string } }>(`/designs/:id/${action}`, { bodyLimit: 1024 }, async (request): Promise<ModerationResult> => {
      requireAdmin(request, ctx.adminToken);
      if (!(await ctx.store.setStatus(request.params.id, status))) throw notFound();
      return { id: request.params.id, status };
    });
  }

  app.post<{ Params: { id: string } }>('/designs/:id/votes', { bodyLimit: 1024 }, async (request, reply) => {
    const design = await ctx.store.getDesign(request.params.id);
    if (!design || design.status !== DesignStatus.Approved) throw notFound();
    const voter = voterId(request, reply);
    const result = await ctx.store.addVote(design.id, voter, ctx.now());
    if (!result) throw notFound();
    return reply.code(result.counted ? 201 : 200).send(result);
  });
}

/**
 * The voter's id from its cookie, or a new one set on the reply. The store's
 * (design, voter) key is the server-side check; clearing cookies makes a new
 * voter, which docs/server.md names as the known limit.
 */
function voterId(request: FastifyRequest, reply: FastifyReply): string {
  const cookie = request.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === VOTER_COOKIE && value && VOTER_ID.test(value)) return value;
  }
  const id = newId(22);
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('Set-Cookie', `${VOTER_COOKIE}=${id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`);
  return id;
}

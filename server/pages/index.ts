/**
 * The demo's pages beside the API: `/` (the studio), `/social.html` and
 * `/frame.html` (the studio in another site's iframe), `/gallery`,
 * `/dashboard`, the server-rendered `/d/:id` share pages and the site's
 * icon. Every HTML answer carries a Content-Security-Policy (server/pages/csp.ts).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/store.ts';
import { pagePolicy, partnerOrigin, type PageKind } from './csp.ts';
import { faviconRoutes } from './favicon.ts';
import { shareRoutes } from './share.ts';

export interface PagesOptions {
  store: Store;
  apiPrefix: string;
  /** Where demo/, dist/ and templates/ are; the static pages are only served when given. */
  root?: string;
  publicUrl?: string;
  siteName?: string;
}

/** Static pages by URL path; anything else in demo/ (CSS, scripts) is served as is. */
const PAGES: Record<string, { file: string; kind: PageKind }> = {
  '/': { file: 'index.html', kind: 'studio' },
  '/index.html': { file: 'index.html', kind: 'studio' },
  '/social.html': { file: 'social.html', kind: 'social' },
  '/frame.html': { file: 'frame.html', kind: 'frame' },
  '/gallery': { file: 'gallery.html', kind: 'app' },
  '/dashboard': { file: 'dashboard.html', kind: 'app' },
};

export async function pagesPlugin(app: FastifyInstance, opts: PagesOptions): Promise<void> {
  const siteName = opts.siteName ?? 'co-design-studio';
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });
  shareRoutes(app, { store: opts.store, apiPrefix: opts.apiPrefix, publicUrl: opts.publicUrl, siteName });
  // Beside the share pages, not only the demo: every browser that opens one asks for /favicon.ico.
  faviconRoutes(app);
  if (!opts.root) return;

  const demo = `${opts.root}demo`;
  const policyFor = (request: FastifyRequest, kind: PageKind) => pagePolicy(kind, partnerOrigin(request.host, request.protocol));
  // HTML only through these routes, each with its policy; the static handler serves the rest of demo/ (CSS, scripts).
  await app.register(fastifyStatic, { root: demo, prefix: '/', index: false, allowedPath: (path) => !path.endsWith('.html') });
  for (const [path, { file, kind }] of Object.entries(PAGES)) {
    app.get(path, async (request, reply) =>
      reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Content-Security-Policy', policyFor(request, kind))
        .header('Cache-Control', 'no-cache')
        .send(await readFile(join(demo, file))),
    );
  }
  await app.register(fastifyStatic, { root: `${opts.root}dist`, prefix: '/dist/', decorateReply: false });
  await app.register(fastifyStatic, { root: `${opts.root}templates`, prefix: '/templates/', decorateReply: false });
}

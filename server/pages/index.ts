/**
 * The demo's pages beside the API: `/` (the studio), `/social.html` and
 * `/frame.html` (the studio in another site's iframe), `/gallery`,
 * `/dashboard`, `/jury`, the server-rendered `/d/:id` share pages, `/results/:id` and the site's
 * icon. Every HTML answer carries a Content-Security-Policy (server/pages/csp.ts);
 * compression and caching are in ./assets.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.ts';
import { registerAssets } from './assets.ts';
import { pagePolicy, partnerOrigin, type PageKind } from './csp.ts';
import { faviconRoutes } from './favicon.ts';
import { resultsRoutes } from './results.ts';
import { shareRoutes } from './share.ts';

export interface PagesOptions {
  store: Store;
  apiPrefix: string;
  /** Where demo/, dist/ and templates/ are; the static pages are only served when given. */
  root?: string;
  publicUrl?: string;
  siteName?: string;
  /** The templates (`<id>.json` and art), for the share pages' social cards. */
  templatesDir?: string;
}

/** Static pages by URL path; anything else in demo/ (CSS, scripts) is served as is. */
const PAGES: Record<string, { file: string; kind: PageKind }> = {
  '/': { file: 'index.html', kind: 'studio' },
  '/index.html': { file: 'index.html', kind: 'studio' },
  '/social.html': { file: 'social.html', kind: 'social' },
  '/frame.html': { file: 'frame.html', kind: 'frame' },
  '/gallery': { file: 'gallery.html', kind: 'app' },
  '/dashboard': { file: 'dashboard.html', kind: 'app' },
  '/jury': { file: 'jury.html', kind: 'app' },
};

export async function pagesPlugin(app: FastifyInstance, opts: PagesOptions): Promise<void> {
  const siteName = opts.siteName ?? 'co-design-studio';
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });
  await shareRoutes(app, { store: opts.store, apiPrefix: opts.apiPrefix, publicUrl: opts.publicUrl, siteName, templatesDir: opts.templatesDir });
  resultsRoutes(app, { store: opts.store, apiPrefix: opts.apiPrefix, siteName });
  // Beside the share pages, not only the demo: every browser that opens one asks for /favicon.ico.
  faviconRoutes(app);
  if (!opts.root) return;

  const policyFor = (request: FastifyRequest, kind: PageKind) =>
    pagePolicy(kind, partnerOrigin(request.host, request.protocol));
  await registerAssets(app, opts.root);
  for (const [path, { file, kind }] of Object.entries(PAGES)) {
    // HEAD by the same handler, not fastify's own: its headers (Content-Encoding among them) are then GET's.
    app.route({
      method: ['GET', 'HEAD'],
      url: path,
      handler: (request, reply) => reply.header('Content-Security-Policy', policyFor(request, kind)).sendFile(file),
    });
  }
}

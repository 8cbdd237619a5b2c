/**
 * The page server of the packaging tests: the reference backend
 * (server/app.ts, in-memory SQLite) with the API under /api and, on the same
 * origin, the built bundle (/dist), the templates (/templates) and the
 * fixture pages (/pages). Every response can carry a Content-Security-Policy
 * header, so a page is tested under the policy a strict host would send.
 */
import fastifyStatic from '@fastify/static';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { DesignStatus } from '../../src/protocol/submission.ts';

/** The strict policy of issue 7, word for word. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'";

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PageServer {
  /** e.g. http://127.0.0.1:40123 — pages at `${origin}/pages/…`, the API at `${origin}/api`. */
  origin: string;
  /** Designs the backend stored, every status. */
  designs(): Promise<{ id: string; author: string; status: string }[]>;
  close(): Promise<void>;
}

export async function startPageServer(options: { csp?: string } = {}): Promise<PageServer> {
  const store = new SqliteStore(':memory:');
  const app = await createApp({ adminToken: 'test-admin-token', store, rateLimit: false, serveStatic: false });
  if (options.csp) {
    const csp = options.csp;
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', csp);
    });
  }
  await app.register(fastifyStatic, { root: `${root}test/fixtures/pages`, prefix: '/pages/', cacheControl: false });
  await app.register(fastifyStatic, { root: `${root}dist`, prefix: '/dist/', decorateReply: false, cacheControl: false });
  await app.register(fastifyStatic, { root: `${root}templates`, prefix: '/templates/', decorateReply: false, cacheControl: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    origin: new URL(address).origin,
    async designs() {
      const all = [];
      for (const status of Object.values(DesignStatus)) {
        const { items } = await store.listDesigns({ status, sort: 'new', offset: 0, limit: 1000 });
        all.push(...items.map((d) => ({ id: d.id, author: d.author, status: d.status })));
      }
      return all;
    },
    close: () => app.close(),
  };
}

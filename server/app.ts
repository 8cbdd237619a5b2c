import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ServerOptions {
  port?: number;
  host?: string;
}

/**
 * The reference host: for now it serves the demo, the built widget and the
 * templates; the host protocol (designs, metrics, gallery) lands here next.
 */
export function buildServer(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.register(fastifyStatic, { root: `${root}demo`, prefix: '/', index: ['index.html'] });
  app.register(fastifyStatic, { root: `${root}dist`, prefix: '/dist/', decorateReply: false });
  app.register(fastifyStatic, { root: `${root}templates`, prefix: '/templates/', decorateReply: false });
  return app;
}

export async function startServer(opts: ServerOptions = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildServer();
  const address = await app.listen({ port: opts.port ?? 0, host: opts.host ?? 'localhost' });
  return { app, url: address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost') };
}

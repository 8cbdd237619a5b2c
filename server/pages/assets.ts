/**
 * How the reference server hands out the widget, the way a CDN would
 * (docs/server.md, "Serving the widget"):
 * - compressed: the build's .br/.gz copies of dist/'s scripts (brotli at its
 *   best level, scripts/precompress.ts); everything else compressible goes
 *   through server/compression.ts on the fly;
 * - cached by what a name promises: a chunk named by its content hash never
 *   changes, so it is kept for a year; anything whose name stays while its
 *   content changes (the entries, templates, art, the demo) is revalidated
 *   every time, answered by 304 while its ETag still holds.
 */
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { relative, sep } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * A script the build named by its content: vite.config.ts writes lazy chunks as
 * `chunks/[name]-[hash].js`, the hash being rolldown's eight characters of
 * `A-Z a-z 0-9 _ -`. Nothing else in dist/ carries a hash: the entries keep their
 * names from build to build, and a chunk's source map is left to revalidate.
 */
const HASHED_CHUNK = /^chunks\/[^/]+-[A-Za-z0-9_-]{8}\.js$/;

/** `file` as a path inside dist/ (`chunks/x-1a2b3c4d.js`), for the copies too (`….js.br` is its script). */
export function isHashedChunk(file: string): boolean {
  return HASHED_CHUNK.test(file.replace(/\.(br|gz)$/, ''));
}

const VARY = 'accept-encoding';

/**
 * Static answers say `Vary: accept-encoding` whether or not this one was
 * compressed, so a shared cache keeps the identity answer apart from the br one.
 * Lower case: @fastify/compress looks for exactly that before adding its own.
 */
function headersFor(root: string, cacheControl: (file: string) => string) {
  return (res: SetHeadersResponse, path: string) => {
    res.setHeader('Cache-Control', cacheControl(relative(root, path).split(sep).join('/')));
    res.setHeader('Vary', VARY);
  };
}

/** The copies are served in place of their script, never at their own URL (a .br as `application/octet-stream`). */
const notACopy = (path: string) => !/\.(br|gz)$/.test(path);

/** dist/, templates/ and the demo's files; its pages through `reply.sendFile`, each route with its CSP (./index.ts). */
export async function registerAssets(app: FastifyInstance, root: string): Promise<void> {
  const common = { cacheControl: false, etag: true, lastModified: true } as const;
  const dist = `${root}dist`;
  await app.register(fastifyStatic, {
    ...common,
    root: dist,
    prefix: '/dist/',
    decorateReply: false,
    preCompressed: true,
    allowedPath: notACopy,
    setHeaders: headersFor(dist, (file) => (isHashedChunk(file) ? IMMUTABLE : REVALIDATE)),
  });
  const templates = `${root}templates`;
  await app.register(fastifyStatic, {
    ...common,
    root: templates,
    prefix: '/templates/',
    decorateReply: false,
    setHeaders: headersFor(templates, () => REVALIDATE),
  });
  const demo = `${root}demo`;
  await app.register(fastifyStatic, {
    ...common,
    root: demo,
    prefix: '/',
    index: false,
    decorateReply: false,
    allowedPath: (path) => !path.endsWith('.html'),
    setHeaders: headersFor(demo, () => REVALIDATE),
  });
  // Serves nothing by itself: gives the pages' routes `reply.sendFile`, with the same ETag, Last-Modified and 304.
  await app.register(fastifyStatic, {
    ...common,
    root: demo,
    serve: false,
    setHeaders: headersFor(demo, () => REVALIDATE),
  });
}

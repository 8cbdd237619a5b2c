/**
 * Compression on the fly (@fastify/compress) for every route registered after
 * it: the pages, templates and art, the demo's files, the share pages and the
 * API's JSON; brotli before gzip, as the request's Accept-Encoding allows, with
 * `Vary: accept-encoding`. dist/'s scripts arrive already compressed at the best
 * level (server/pages/assets.ts) and are passed through as they are.
 */
import compress, { type FastifyCompressOptions } from '@fastify/compress';
import type { FastifyInstance, onSendHookHandler } from 'fastify';
import { constants } from 'node:zlib';

export const COMPRESSION: FastifyCompressOptions = {
  global: true,
  // Request bodies are read as sent, as before: the API hashes the exact bytes for Idempotency-Key.
  globalDecompression: false,
  encodings: ['br', 'gzip'],
  // Brotli 5, not the plugin's 4: on this repository's templates, art and pages 4 is no smaller than gzip
  // (roadster.json: 1,607 bytes against gzip's 1,585), 5 is 5-20 % smaller (1,503) and as fast as gzip.
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  // Buffered answers (the API's JSON, share pages) under 1 KB go as they are: the bytes saved do not pay for
  // the work. Files are streamed, and the plugin compresses a stream whatever its size.
  threshold: 1024,
};

/**
 * A 304 has no body to encode, but @fastify/compress (looking at the body, not
 * the status) labels it `Content-Encoding: br` all the same. The ETag on the fly
 * is the file's, one for every encoding, so a cache holding the identity copy
 * could revalidate with br allowed and relabel its plain bytes as br: the label goes.
 */
const notModifiedIsNotEncoded: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.statusCode === 304) reply.removeHeader('Content-Encoding');
  done(null, payload);
};

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, COMPRESSION);
  // A route's own onSend hooks run after the app's, and compress adds its own there: this one goes after it.
  app.addHook('onRoute', (route) => {
    route.onSend = [route.onSend ?? []].flat().concat(notModifiedIsNotEncoded);
  });
}

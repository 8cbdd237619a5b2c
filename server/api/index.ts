/**
 * The host protocol and the gallery API (docs/openapi.json), as one fastify
 * plugin mounted under a prefix. CORS and rate limiting come from fastify's
 * own plugins; body limits and media types from fastify's content-type
 * parsers, replaced here so a body is read once, as bytes, hashed for the
 * Idempotency-Key and parsed with fastify's prototype-safe JSON parser.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { PROTOCOL_LIMITS } from '../../src/protocol/schema.ts';
import type { FaultQueue } from '../faults.ts';
import { noTemplates, type TemplateLookup } from '../originality/templates.ts';
import type { Store } from '../store/store.ts';
import { campaignResultRoutes } from './campaign-results.ts';
import { campaignRoutes } from './campaigns.ts';
import { demoParticipantRoutes } from './demo-participant.ts';
import type { ApiContext } from './context.ts';
import { galleryRoutes, voteIpCapFrom } from './gallery.ts';
import { juryRoutes } from './jury.ts';
import { ApiHttpError } from './http.ts';
import { metricsRoutes } from './metrics.ts';
import { productionRoutes } from './production.ts';
import { submitRoutes } from './submit.ts';

export interface ApiOptions {
  store: Store;
  adminToken: string;
  prefix: string;
  /** Exact origins allowed to call the API from a browser; others get no CORS headers. */
  corsOrigins: string[];
  /** Requests per client (IP) per window, or false for none. */
  rateLimit: { max: number; timeWindowMs: number } | false;
  idempotencyTtlMs: number;
  now: () => number;
  faults?: FaultQueue;
  /** Votes per network per design per day (0 = off); default `VOTE_IP_CAP` from the environment, else 5. */
  voteIpCap?: number;
  /** Queues a design's print job when it is approved. */
  enqueuePrint: (design: string) => Promise<void>;
  /** Sign participant tokens for anyone (the demo's stand-in for a brand's sign-in). */
  demoParticipants?: boolean;
  /** Template manifests by id, for the originality figures; none known when absent. */
  templates?: TemplateLookup;
}

const hashes = new WeakMap<FastifyRequest, string>();
/** Seconds a client waits when the store is out of reach: long enough for a restart, short for a customer. */
const STORE_RETRY_AFTER_S = 2;
const EMPTY_HASH = createHash('sha256').digest('hex');

/** Fastify's error codes mapped to the API's `{ code }` values. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request'],
};

/** Why fastify's prototype-safe parser refused a body, in words: a syntax error, or a poisoned key. */
function jsonError(body: Buffer): ApiHttpError {
  if (body.length === 0) return new ApiHttpError(400, 'invalid-json', 'the body is empty: expected JSON');
  try {
    JSON.parse(body.toString('utf8'));
  } catch (error) {
    return new ApiHttpError(
      400,
      'invalid-json',
      `the body is not valid JSON (${String((error as Error).message).slice(0, 80)})`,
    );
  }
  return new ApiHttpError(
    400,
    'invalid-json',
    'the body has a "__proto__" or "constructor.prototype" key, which is never accepted',
  );
}

export async function apiPlugin(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  const allowed = new Set(opts.corsOrigins);
  // Before the rate limit, so a 429 still carries the CORS headers the widget needs to read Retry-After.
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After', 'Location', 'Idempotent-Replayed'],
    credentials: false,
    maxAge: 600,
  });
  if (opts.rateLimit) {
    await app.register(rateLimit, {
      max: opts.rateLimit.max,
      timeWindow: opts.rateLimit.timeWindowMs,
      errorResponseBuilder: (_request, context) =>
        new ApiHttpError(429, 'rate-limited', `too many requests: retry in ${Math.ceil(context.ttl / 1000)} s`),
    });
  }

  app.removeAllContentTypeParsers();
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  const parse = (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
    hashes.set(request, createHash('sha256').update(body).digest('hex'));
    jsonParser(request, body as unknown as string, (error, value) => {
      if (!error) return done(null, value);
      done(jsonError(body));
    });
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parse);
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, parse);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError | ApiHttpError, request, reply) => {
    if (error instanceof ApiHttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.toBody());
    }
    if (opts.store.isUnavailable?.(error)) {
      // The database restarts or fails over: nothing was stored unless it committed, and a resend with the same
      // Idempotency-Key finds out which. Retry-After paces the studio's outbox.
      request.log.warn(error);
      return reply
        .code(503)
        .header('Retry-After', String(STORE_RETRY_AFTER_S))
        .send({ code: 'unavailable', message: 'the database cannot be reached just now; retry shortly' });
    }
    const known = FASTIFY_CODES[error.code];
    if (known) {
      const [status, code] = known;
      const message =
        code === 'body-too-large'
          ? `body larger than ${request.routeOptions.bodyLimit ?? PROTOCOL_LIMITS.submissionBytes} bytes`
          : code === 'unsupported-media-type'
            ? 'unsupported Content-Type: designs take application/json, metrics text/plain'
            : error.message;
      return reply.code(status).send({ code, message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'bad-request', message: error.message });
    }
    request.log.error(error);
    return reply.code(500).send({ code: 'server-error', message: 'the server failed; try again later' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'not-found', message: 'no such route' }));

  const ctx: ApiContext = {
    store: opts.store,
    adminToken: opts.adminToken,
    prefix: opts.prefix,
    idempotencyTtlMs: opts.idempotencyTtlMs,
    now: opts.now,
    faults: opts.faults,
    voteIpCap: opts.voteIpCap ?? voteIpCapFrom(process.env),
    bodyHash: (request) => hashes.get(request) ?? EMPTY_HASH,
    templates: opts.templates ?? noTemplates,
    enqueuePrint: opts.enqueuePrint,
  };
  submitRoutes(app, ctx);
  metricsRoutes(app, ctx);
  galleryRoutes(app, ctx);
  campaignRoutes(app, ctx);
  if (opts.demoParticipants) demoParticipantRoutes(app, ctx);
  juryRoutes(app, ctx);
  campaignResultRoutes(app, ctx);
  productionRoutes(app, ctx);
}

import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiPlugin } from './api/index.ts';
import { registerCompression } from './compression.ts';
import type { FaultQueue } from './faults.ts';
import { templatesFrom, type TemplateLookup } from './originality/templates.ts';
import { PRINT_JOB, PrintWorker } from './jobs/worker.ts';
import { checkPrintJobSettings, PRINT_JOB_DEFAULTS, type PrintJobSettings } from './jobs/settings.ts';
import { pagesPlugin } from './pages/index.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DAY = 24 * 3600_000;

export interface AppOptions {
  /** Bearer token for moderation, pending designs and stats. */
  adminToken: string;
  /** Where the store lives when none is given: `<dataDir>/co-design.sqlite`. Default `./data`. */
  dataDir?: string;
  /** A store of your own (a test's ':memory:' SQLite, or another backend); closed with the app. */
  store?: Store;
  /** Exact origins allowed to call the API from a browser. Same-origin pages need none. */
  corsOrigins?: string[];
  /** Per client (IP); default 600 requests a minute. False turns it off (load tests). */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** How long an Idempotency-Key's answer is kept; default 24 h. */
  idempotencyTtlMs?: number;
  /** Clock for the idempotency window and votes; tests move it. */
  now?: () => number;
  /** Test instances only: failures on cue (server/faults.ts). */
  faults?: FaultQueue;
  /** Serve the demo's pages, dist/ and templates/ beside the API; default true. Share pages (/d/:id) are always served. */
  serveStatic?: boolean;
  /** The site's public origin for absolute links in share pages (og:image); default: the request's Host. */
  publicUrl?: string;
  /** Honour X-Forwarded-For (behind a proxy) for the rate limit's client key. */
  trustProxy?: boolean;
  /** Counted votes per network (IPv4 address, IPv6 /64) per design per UTC day; 0 turns the cap off. Default 5. */
  voteIpCap?: number;
  /**
   * The demo stands in for a brand's backend that signs customers in: `POST /api/campaigns/:id/demo-participant`
   * signs a participant token for anyone who asks (docs/campaigns.md). Never on for a real campaign. Default false.
   */
  demoParticipants?: boolean;
  /** Template manifests for the moderators' originality figures; default those in `templatesDir`. */
  templates?: TemplateLookup;

  /** Print jobs of approved designs (server/jobs/settings.ts); `enabled: false` queues them without running a worker here. */
  printJobs?: Partial<PrintJobSettings>;
  /** Where the templates' manifests and files are read from for print jobs; default the repository's templates/. */
  templatesDir?: string;
  logger?: boolean;
}

export const API_PREFIX = '/api';

/**
 * The reference host: the API under /api, the share pages (/d/:id) and, for
 * the demo, the pages, the built widget and the templates.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false });
  const store = options.store ?? new SqliteStore(join(options.dataDir ?? 'data', 'co-design.sqlite'));
  const now = options.now ?? Date.now;
  const idempotencyTtlMs = options.idempotencyTtlMs ?? DAY;

  // Expired keys are ignored on lookup already; this only keeps the table small.
  const purge = () => void store.purgeIdempotent(now() - idempotencyTtlMs).catch((error) => app.log.error(error));
  const timer = setInterval(purge, 3600_000).unref();
  // One templates folder for both readers: the print jobs read its files, the originality figures its manifests.
  const templatesDir = options.templatesDir ?? join(root, 'templates');
  const settings: PrintJobSettings = { ...PRINT_JOB_DEFAULTS, ...options.printJobs };
  checkPrintJobSettings(settings);
  const worker = new PrintWorker({
    store,
    settings,
    templatesDir,
    now,
    log: app.log,
  });
  // Approving again is how the team asks for another go at a job that failed for good (after fixing its cause).
  const enqueuePrint = async (design: string) => {
    const { job, created } = await store.enqueueJob(design, PRINT_JOB, now(), settings.maxAttempts);
    const again = !created && job.state === 'failed' && (await store.requeueJob(job.id, now()));
    if (created || again) worker.poke();
  };

  app.addHook('onReady', async () => {
    purge();
    if (settings.enabled) worker.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    // Before the store: a job cut off here is put back in the queue through it.
    await worker.stop();
    await store.close();
  });

  // First, so that its hook reaches every route: the API's and the pages'.
  await registerCompression(app);
  await app.register(apiPlugin, {
    prefix: API_PREFIX,
    store,
    adminToken: options.adminToken,
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? { max: 600, timeWindowMs: 60_000 },
    idempotencyTtlMs,
    now,
    faults: options.faults,
    voteIpCap: options.voteIpCap,
    demoParticipants: options.demoParticipants ?? false,
    templates: options.templates ?? templatesFrom(templatesDir),
    enqueuePrint,
  });

  await app.register(pagesPlugin, {
    store,
    apiPrefix: API_PREFIX,
    root: (options.serveStatic ?? true) ? root : undefined,
    publicUrl: options.publicUrl,
    templatesDir: join(root, 'templates'),
  });
  return app;
}

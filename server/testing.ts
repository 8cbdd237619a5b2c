/**
 * A throwaway server for tests: in-memory SQLite, a fault queue, loopback,
 * port 0, and on request the demo's pages. Node tests import it directly; browser tests reach it through the
 * web-test-runner plugin in test/server/wtr-plugin.mjs.
 */
import type { FastifyInstance } from 'fastify';
import type { Metrics, MetricsReport } from '../src/protocol/metrics.ts';
import { DesignStatus, type DesignStatus as Status } from '../src/protocol/submission.ts';
import { createApp } from './app.ts';
import type { PrintJobSettings } from './jobs/settings.ts';
import { FaultQueue, type AppliedFault, type Fault, type FaultRoute } from './faults.ts';
import { SqliteStore } from './store/sqlite.ts';

export interface TestServerOptions {
  /** Faults queued from the start, per route. */
  faults?: Partial<Record<FaultRoute, Fault[]>>;
  /** Origins allowed by CORS: a browser test passes its page's `location.origin`. */
  corsOrigins?: string[];
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** '127.0.0.1' (default) or 'localhost': which site the API is on, relative to the page. */
  host?: string;
  adminToken?: string;
  /** Also serve the demo's pages, dist/ and templates/ (tests that open /, /gallery, /dashboard…); needs a build. */
  pages?: boolean;
  /** Print job settings (server/jobs/settings.ts): short waits for tests, or a tiny timeout to see a job fail. */
  printJobs?: Partial<PrintJobSettings>;
}

export interface TestServerState {
  /** `metrics` as stored: null for a submission that carried none. */
  designs: { id: string; draft: string; status: Status; author: string; metrics: Metrics | null }[];
  reports: MetricsReport[];
  /** Every request the server got, in order, as `METHOD /path` (no query): also those it refused. */
  requests: string[];
  accepted: number;
  faults: { applied: AppliedFault[]; pending: Record<FaultRoute, Fault[]> };
}

export interface TestServer {
  /** The `endpoint` attribute's value, e.g. http://127.0.0.1:40123/api. */
  endpoint: string;
  adminToken: string;
  faults: FaultQueue;
  app: FastifyInstance;
  state(): Promise<TestServerState>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = new SqliteStore(':memory:');
  const faults = new FaultQueue(options.faults);
  const adminToken = options.adminToken ?? 'test-admin-token';
  const host = options.host ?? '127.0.0.1';
  const app = await createApp({
    adminToken,
    store,
    faults,
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? false,
    serveStatic: options.pages ?? false,
    demoParticipants: true,
    // Retries and polls in test time, not production's seconds.
    printJobs: { backoffMs: 50, pollMs: 50, ...options.printJobs },
  });
  const requests: string[] = [];
  app.addHook('onRequest', async (request) => void requests.push(`${request.method} ${request.url.split('?')[0]}`));
  const address = await app.listen({ port: 0, host });
  const port = new URL(address).port;
  return {
    endpoint: `http://${host}:${port}/api`,
    adminToken,
    faults,
    app,
    async state() {
      const designs: TestServerState['designs'] = [];
      for (const status of Object.values(DesignStatus)) {
        const { items } = await store.listDesigns({ status, sort: 'new', offset: 0, limit: 10_000 });
        for (const d of items) {
          const stored = await store.getDesign(d.id);
          designs.push({ id: d.id, draft: d.draft, status: d.status, author: d.author, metrics: stored?.metrics ?? null });
        }
      }
      const { accepted } = await store.reportCounts();
      return {
        designs,
        reports: await store.sessionReports(),
        requests: [...requests],
        accepted,
        faults: { applied: [...faults.applied], pending: { designs: [...faults.pending('designs')], metrics: [...faults.pending('metrics')] } },
      };
    },
    close: async () => {
      // A browser may hold a connection open after its page closed (a cross-site frame's pooled socket):
      // a test's teardown does not wait on it past a short grace.
      const closing = app.close();
      const force = setTimeout(() => app.server.closeAllConnections(), 500);
      await closing;
      clearTimeout(force);
    },
  };
}

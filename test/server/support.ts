/**
 * Helpers for the server specs: a real app on loopback over a temporary
 * SQLite file (or a fresh PostgreSQL database, after `useStore('postgres')`), real PNGs, valid payloads to start from, and fetch wrappers
 * that validate every exchange against docs/openapi.json.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import postgres from 'postgres';
import { createDocument } from '../../src/document/create.ts';
import type { Metrics, MetricsReport } from '../../src/protocol/metrics.ts';
import type { Submission } from '../../src/protocol/submission.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import { checkExchange } from './openapi-check.ts';
import { freshDatabase } from './pg.ts';

export const ADMIN = 'test-admin-token-0123456789';

/**
 * A real PNG (RGBA) of any declared size: one flat colour, or `noise` (seeded,
 * incompressible, so its bytes weigh like a painted preview's); `claim` lies
 * about the size in IHDR.
 */
export function makePng(width: number, height: number, claim?: { width: number; height: number }, noise?: { seed: number }): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(claim?.width ?? width, 0);
  ihdr.writeUInt32BE(claim?.height ?? height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  if (noise) {
    let state = noise.seed >>> 0 || 1;
    for (let i = 0; i < raw.length; i++) {
      if (i % (width * 4 + 1) === 0) continue; // each row's filter byte stays 0
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      raw[i] = state & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function metrics(over: Partial<Metrics> = {}): Metrics {
  return {
    format: 'co-design-metrics',
    version: 1,
    engagedMs: 60_000,
    visibleMs: 90_000,
    wallMs: 120_000,
    tools: [
      { tool: 'pencil', engagedMs: 40_000, visibleMs: 60_000, wallMs: 80_000 },
      { tool: 'spray', engagedMs: 20_000, visibleMs: 30_000, wallMs: 40_000 },
    ],
    strokes: 12,
    undos: 2,
    redos: 0,
    sessions: 1,
    firstStrokeMs: 3_000,
    ...over,
  };
}

let counter = 0;
export const uniqueId = (stem: string) => `${stem}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function submission(over: Partial<Submission> = {}): Submission {
  const design = createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date('2026-01-02T03:04:05Z'));
  const png = makePng(64, 32).toString('base64');
  return {
    format: 'co-design-submission',
    version: 1,
    draft: uniqueId('draft'),
    design,
    previews: [
      { view: 'side', png },
      { view: 'top', png },
    ],
    author: { name: 'Ada' },
    consent: { termsVersion: '2026-01', licence: 'You grant the brand a licence to show your design.', acceptedAt: '2026-01-02T03:05:00Z' },
    metrics: metrics(),
    ...over,
  };
}

export function report(over: Partial<MetricsReport> = {}): MetricsReport {
  return {
    format: 'co-design-metrics-report',
    version: 1,
    draft: uniqueId('draft'),
    session: uniqueId('session'),
    seq: 1,
    template: { id: 'roadster', version: '1' },
    sent: '2026-01-02T03:05:00Z',
    current: metrics(),
    total: metrics(),
    submitted: false,
    ...over,
  };
}

export type StoreKind = 'sqlite' | 'postgres';
let storeKind: StoreKind = 'sqlite';

/** Which store `startServer` puts under the app from now on, in this test process (api-postgres.spec.ts). */
export function useStore(kind: StoreKind): void {
  storeKind = kind;
}

/** The store `startServer` uses in this test process. */
export const storeInUse = (): StoreKind => storeKind;

export interface TestServer {
  url: string;
  api: string;
  dataDir: string;
  store: StoreKind;
  /** Rows of a plain SQL query that reads the same on SQLite and PostgreSQL, straight from the database. */
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
  /** The names of the store's own tables. */
  tables: () => Promise<string[]>;
  close: () => Promise<void>;
  /** fetch under /api, with the exchange checked against the OpenAPI document. */
  call: (path: string, init?: RequestInit) => Promise<{ status: number; headers: Headers; body: any; ms: number }>;
}

/**
 * A real server on 127.0.0.1:0 over a SQLite file in `dataDir` (a new temporary one by default), or
 * over a fresh PostgreSQL database of its own after `useStore('postgres')`.
 */
export async function startServer(options: Partial<AppOptions> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cds-server-'));
  const database = storeKind === 'postgres' && !options.store ? await freshDatabase() : undefined;
  if (storeKind === 'postgres' && !options.store && !database) throw new Error('useStore("postgres") without a PostgreSQL (test/server/pg.ts)');
  const store = database ? await PostgresStore.open(database.url) : options.store;
  const app = await createApp({ adminToken: ADMIN, dataDir: dir, serveStatic: false, rateLimit: false, ...options, store });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = `${address}/api`;
  const reader = database ? postgresReader(database.url) : sqliteReader(join(dir, 'co-design.sqlite'));
  return {
    url: address,
    api,
    dataDir: dir,
    store: database ? 'postgres' : 'sqlite',
    ...reader,
    close: async () => {
      await app.close();
      await database?.drop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
    call: async (path, init = {}) => {
      const started = performance.now();
      const response = await fetch(`${api}${path}`, init);
      const bytes = Buffer.from(await response.arrayBuffer());
      const ms = performance.now() - started;
      const type = response.headers.get('content-type') ?? '';
      const body = type.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : bytes;
      checkExchange({ method: init.method ?? 'GET', path, request: init, status: response.status, headers: response.headers, body });
      return { status: response.status, headers: response.headers, body, ms };
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const admin = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${ADMIN}` },
});

function sqliteReader(file: string): Pick<TestServer, 'rows' | 'tables'> {
  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    rows: async (sql) => read((db) => db.prepare(sql).all() as Record<string, unknown>[]),
    tables: async () => read((db) => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name)),
  };
}

function postgresReader(url: string): Pick<TestServer, 'rows' | 'tables'> {
  const read = async <T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      return await work(sql);
    } finally {
      await sql.end();
    }
  };
  return {
    rows: (text) => read(async (sql) => [...(await sql.unsafe(text))] as Record<string, unknown>[]),
    tables: () => read(async (sql) => (await sql<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`).map((t) => t.name)),
  };
}

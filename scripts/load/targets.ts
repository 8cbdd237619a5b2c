/**
 * What a load run is aimed at: the real server on SQLite (one process, its
 * file in a fresh DATA_DIR), or N real server processes on one PostgreSQL
 * (a throwaway cluster with fsync on, as SQLite's synchronous=FULL is), and
 * a way to read the database itself for the exactly-once checks.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startCluster } from '../pg/cluster.ts';
import { startChildServer, type ChildServer } from './child.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface Target {
  label: string;
  servers: ChildServer[];
  /** Rows of a query that reads the same on both stores; numbers as numbers, JSON columns parsed. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** A query whose `n` is the reports accepted (SQLite keeps one counter; PostgreSQL a count per session). */
  acceptedSql: string;
  stop(): Promise<void>;
}

export async function startTarget(store: StoreKind, instances: number, nodeArgs: string[]): Promise<Target> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'cds-load-'));
  if (store === 'sqlite') {
    if (instances !== 1) throw new Error('SQLite is one process: --instances needs --store postgres');
    const server = await startChildServer({ dataDir, nodeArgs });
    const file = join(dataDir, 'co-design.sqlite');
    return {
      label: 'SQLite, 1 instance',
      servers: [server],
      acceptedSql: `SELECT value AS n FROM counters WHERE name = 'reports'`,
      async rows(sql) {
        // WAL: a reader beside the live writer sees every committed transaction.
        const db = new Database(file, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare(sql).all() as Record<string, unknown>[]).map(parseJsonText);
        } finally {
          db.close();
        }
      },
      async stop() {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const cluster = await startCluster({ fsync: true });
  const url = cluster.url.replace(/\/postgres$/, '/cds_load');
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe('CREATE DATABASE cds_load');
  await admin.end();
  const env = { DATABASE_URL: url };
  const servers = await Promise.all(Array.from({ length: instances }, () => startChildServer({ dataDir, nodeArgs, env })));
  const sql = postgres(url, { max: 1, onnotice: () => {}, types: { int8: { to: 20, from: [20], serialize: String, parse: Number } } });
  return {
    label: `PostgreSQL, ${instances} instance${instances === 1 ? '' : 's'}`,
    servers,
    acceptedSql: 'SELECT sum(accepted) AS n FROM metric_sessions',
    rows: async (text) => [...(await sql.unsafe(text))] as Record<string, unknown>[],
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await sql.end();
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SQLite keeps JSON as text: parse the `body` column the checks read, as PostgreSQL's jsonb comes parsed. */
function parseJsonText(row: Record<string, unknown>): Record<string, unknown> {
  return typeof row.body === 'string' ? { ...row, body: JSON.parse(row.body) } : row;
}

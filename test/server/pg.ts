/**
 * PostgreSQL for the specs: `TEST_DATABASE_URL` (a superuser's URL, as
 * `.ci/run` exports), else a throwaway cluster this process starts itself
 * when PostgreSQL is installed. Each caller gets a fresh database of its
 * own. Without either, the PostgreSQL specs skip and say so, except under
 * `CI=true`, where a missing PostgreSQL fails the run.
 *
 * Not `DATABASE_URL`: the server reads that, and the SQLite specs' child
 * servers inherit this process's environment.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { pgBin, startCluster, stopClusterIn } from '../../scripts/pg/cluster.ts';

export const NO_POSTGRES = 'skipped: no PostgreSQL (set TEST_DATABASE_URL or install postgresql; docs/server.md)';

let admin: Promise<string | undefined> | undefined;

/** The superuser URL to make databases with, or undefined when there is no PostgreSQL here (throws in CI). */
export function postgresUrl(): Promise<string | undefined> {
  admin ??= (async () => {
    if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
    if (!pgBin()) {
      if (process.env.CI === 'true') throw new Error('CI=true and no PostgreSQL: .ci/run must install it and export TEST_DATABASE_URL');
      return undefined;
    }
    const cluster = await startCluster({ fsync: false });
    // pg_ctl stop is synchronous, so it still runs in 'exit', whichever way the test process ends.
    process.once('exit', () => stopClusterIn(cluster.dir));
    return cluster.url;
  })();
  return admin;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the test PostgreSQL; undefined when there is none. */
export async function freshDatabase(): Promise<TestDatabase | undefined> {
  const url = await postgresUrl();
  if (!url) return undefined;
  const name = `cds_test_${randomBytes(6).toString('hex')}`;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

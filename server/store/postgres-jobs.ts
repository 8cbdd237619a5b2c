/**
 * Jobs and blobs in the PostgreSQL store. A claim locks the row it takes
 * with `FOR UPDATE SKIP LOCKED`: claimers on every instance pass over rows
 * another one is taking, so each job goes to exactly one of them, and
 * nobody waits behind another's claim.
 */
import { createHash } from 'node:crypto';
import { json, type Queries, type Sql } from './postgres-sql.ts';
import { jobId, jobOf, leaseLostError, type BlobInfo, type BlobStore, type JobRow, type StoredJob } from './jobs.ts';

export const PG_JOBS_MIGRATION = `CREATE TABLE jobs (
     id text COLLATE "C" PRIMARY KEY, design_id text COLLATE "C" NOT NULL REFERENCES designs (id), kind text NOT NULL,
     state text NOT NULL, attempts integer NOT NULL DEFAULT 0, max_attempts integer NOT NULL, run_after bigint NOT NULL,
     owner text, lease_until bigint, error text, result jsonb, created_at bigint NOT NULL, updated_at bigint NOT NULL);
   CREATE INDEX jobs_due ON jobs (state, run_after);
   CREATE INDEX jobs_design ON jobs (design_id);
   CREATE TABLE blobs (
     key text COLLATE "C" PRIMARY KEY, bytes bytea NOT NULL, size integer NOT NULL, sha256 text NOT NULL,
     content_type text NOT NULL, created_at bigint NOT NULL);`;

export class PgJobs {
  constructor(private readonly sql: Sql) {}

  async enqueue(
    design: string,
    kind: string,
    at: number,
    maxAttempts: number,
  ): Promise<{ job: StoredJob; created: boolean }> {
    const id = jobId(kind, design);
    const inserted = await this.sql`
      INSERT INTO jobs (id, design_id, kind, state, max_attempts, run_after, created_at, updated_at)
      VALUES (${id}, ${design}, ${kind}, 'queued', ${maxAttempts}, ${at}, ${at}, ${at}) ON CONFLICT (id) DO NOTHING`;
    return { job: (await this.get(id))!, created: inserted.count === 1 };
  }

  claim(owner: string, now: number, leaseMs: number): Promise<StoredJob | undefined> {
    return this.sql.begin(async (tx) => {
      // A lease that ran out on the last attempt: its process died every time; that is the job's end.
      const lost = await tx<{ id: string; attempts: number }[]>`
        SELECT id, attempts FROM jobs WHERE state = 'running' AND lease_until < ${now} AND attempts >= max_attempts
        FOR UPDATE SKIP LOCKED`;
      for (const { id, attempts } of lost) {
        await tx`UPDATE jobs SET state = 'failed', owner = NULL, lease_until = NULL, error = ${leaseLostError(attempts)},
                   updated_at = ${now} WHERE id = ${id}`;
      }
      const [row] = await tx<JobRow[]>`
        UPDATE jobs SET state = 'running', owner = ${owner}, lease_until = ${now + leaseMs}, attempts = attempts + 1,
          updated_at = ${now}
        WHERE id = (
          SELECT id FROM jobs
          WHERE (state = 'queued' AND run_after <= ${now})
             OR (state = 'running' AND lease_until < ${now} AND attempts < max_attempts)
          ORDER BY run_after, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`;
      return row && jobOf(row);
    });
  }

  async complete(id: string, owner: string, result: unknown, now: number): Promise<boolean> {
    const done = await this.sql`
      UPDATE jobs SET state = 'done', result = ${json(this.sql, result)}, owner = NULL, lease_until = NULL, updated_at = ${now}
      WHERE id = ${id} AND state = 'running' AND owner = ${owner}`;
    return done.count === 1;
  }

  async fail(
    id: string,
    owner: string,
    error: string,
    now: number,
    retryInMs: number | null,
  ): Promise<StoredJob | undefined> {
    const [row] = await this.sql<JobRow[]>`
      UPDATE jobs SET state = CASE WHEN ${retryInMs !== null} AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
        run_after = ${now + (retryInMs ?? 0)}, error = ${error}, owner = NULL, lease_until = NULL, updated_at = ${now}
      WHERE id = ${id} AND state = 'running' AND owner = ${owner} RETURNING *`;
    return row && jobOf(row);
  }

  async requeue(id: string, at: number): Promise<StoredJob | undefined> {
    const [row] = await this.sql<JobRow[]>`
      UPDATE jobs SET state = 'queued', attempts = 0, run_after = ${at}, updated_at = ${at}
      WHERE id = ${id} AND state = 'failed' RETURNING *`;
    return row && jobOf(row);
  }

  async get(id: string): Promise<StoredJob | undefined> {
    const [row] = await this.sql<JobRow[]>`SELECT * FROM jobs WHERE id = ${id}`;
    return row && jobOf(row);
  }

  async jobsOf(designs: string[], kind: string): Promise<StoredJob[]> {
    if (designs.length === 0) return [];
    const rows = await this.sql<
      JobRow[]
    >`SELECT * FROM jobs WHERE kind = ${kind} AND design_id IN ${this.sql(designs)}`;
    return rows.map(jobOf);
  }
}

/** Inside a caller's transaction: a design's jobs and every file kept under its prefix. */
export async function removeJobsFor(tx: Queries, ids: string[], prefixOf: (id: string) => string): Promise<void> {
  await tx`DELETE FROM jobs WHERE design_id IN ${tx(ids)}`;
  for (const id of ids) await tx`DELETE FROM blobs WHERE starts_with(key, ${prefixOf(id)})`;
}

export class PgBlobs implements BlobStore {
  constructor(private readonly sql: Sql) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<BlobInfo> {
    const info = { key, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), contentType };
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await this.sql`
      INSERT INTO blobs (key, bytes, size, sha256, content_type, created_at)
      VALUES (${key}, ${buffer}, ${info.size}, ${info.sha256}, ${contentType}, ${Date.now()})
      ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes, size = excluded.size, sha256 = excluded.sha256,
        content_type = excluded.content_type, created_at = excluded.created_at`;
    return info;
  }

  async get(key: string): Promise<(BlobInfo & { bytes: Buffer }) | undefined> {
    const [row] = await this.sql<{ key: string; bytes: Buffer; size: number; sha256: string; content_type: string }[]>`
      SELECT key, bytes, size, sha256, content_type FROM blobs WHERE key = ${key}`;
    return row && { key: row.key, bytes: row.bytes, size: row.size, sha256: row.sha256, contentType: row.content_type };
  }

  async delete(key: string): Promise<boolean> {
    return (await this.sql`DELETE FROM blobs WHERE key = ${key}`).count === 1;
  }
}

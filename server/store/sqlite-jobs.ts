/**
 * Jobs and blobs in the SQLite store. A claim is one `UPDATE … RETURNING`
 * inside the store's write transaction: SQLite has one writer at a time, so
 * two claimers never take the same row.
 */
import { createHash } from 'node:crypto';
import type { Sql } from './sqlite-campaigns.ts';
import { jobId, jobOf, leaseLostError, type BlobInfo, type JobRow, type StoredJob } from './jobs.ts';

export const JOBS_MIGRATION = `CREATE TABLE jobs (
     id TEXT PRIMARY KEY, design_id TEXT NOT NULL REFERENCES designs (id), kind TEXT NOT NULL, state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, run_after INTEGER NOT NULL,
     owner TEXT, lease_until INTEGER, error TEXT, result TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE INDEX jobs_due ON jobs (state, run_after);
   CREATE INDEX jobs_design ON jobs (design_id);
   CREATE TABLE blobs (
     key TEXT PRIMARY KEY, bytes BLOB NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, content_type TEXT NOT NULL,
     created_at INTEGER NOT NULL);`;

/** Due: queued and past its backoff, or running under a lease that ran out. */
const DUE = `(state = 'queued' AND run_after <= @now) OR (state = 'running' AND lease_until < @now)`;

export class SqliteJobs {
  constructor(private readonly sql: Sql) {}

  /** Inside the caller's transaction. */
  enqueue(design: string, kind: string, at: number, maxAttempts: number): { job: StoredJob; created: boolean } {
    const id = jobId(kind, design);
    const inserted = this.sql(
      `INSERT INTO jobs (id, design_id, kind, state, max_attempts, run_after, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(id, design, kind, maxAttempts, at, at, at).changes;
    return { job: this.get(id)!, created: inserted === 1 };
  }

  /** Inside the caller's transaction. */
  claim(owner: string, now: number, leaseMs: number): StoredJob | undefined {
    // A lease that ran out on the last attempt: its process died every time; that is the job's end.
    const lost = this.sql(
      `SELECT id, attempts FROM jobs WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts`,
    ).all(now) as { id: string; attempts: number }[];
    for (const { id, attempts } of lost) {
      this.sql(
        `UPDATE jobs SET state = 'failed', owner = NULL, lease_until = NULL, error = ?, updated_at = ? WHERE id = ?`,
      ).run(leaseLostError(attempts), now, id);
    }
    const row = this.sql(
      `UPDATE jobs SET state = 'running', owner = @owner, lease_until = @until, attempts = attempts + 1, updated_at = @now
       WHERE id = (SELECT id FROM jobs WHERE ${DUE} ORDER BY run_after, created_at, id LIMIT 1)
       RETURNING *`,
    ).get({ owner, now, until: now + leaseMs }) as JobRow | undefined;
    return row && jobOf(row);
  }

  complete(id: string, owner: string, result: unknown, now: number): boolean {
    return (
      this.sql(
        `UPDATE jobs SET state = 'done', result = ?, owner = NULL, lease_until = NULL, updated_at = ?
         WHERE id = ? AND state = 'running' AND owner = ?`,
      ).run(JSON.stringify(result), now, id, owner).changes === 1
    );
  }

  fail(id: string, owner: string, error: string, now: number, retryInMs: number | null): StoredJob | undefined {
    const row = this.sql(
      `UPDATE jobs SET state = CASE WHEN ? AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
         run_after = ?, error = ?, owner = NULL, lease_until = NULL, updated_at = ?
       WHERE id = ? AND state = 'running' AND owner = ? RETURNING *`,
    ).get(retryInMs === null ? 0 : 1, now + (retryInMs ?? 0), error, now, id, owner) as JobRow | undefined;
    return row && jobOf(row);
  }

  requeue(id: string, at: number): StoredJob | undefined {
    const row = this.sql(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?, updated_at = ? WHERE id = ? AND state = 'failed'
       RETURNING *`,
    ).get(at, at, id) as JobRow | undefined;
    return row && jobOf(row);
  }

  get(id: string): StoredJob | undefined {
    const row = this.sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && jobOf(row);
  }

  jobsOf(designs: string[], kind: string): StoredJob[] {
    return designs.flatMap((design) => {
      const job = this.get(jobId(kind, design));
      return job ? [job] : [];
    });
  }

  /** Inside the caller's transaction: the design's jobs and every file kept under its prefix. */
  removeFor(design: string, prefix: string): void {
    this.sql('DELETE FROM jobs WHERE design_id = ?').run(design);
    this.sql(`DELETE FROM blobs WHERE substr(key, 1, ?) = ?`).run(prefix.length, prefix);
  }

  putBlob(key: string, bytes: Uint8Array, contentType: string, now: number): BlobInfo {
    const info = { key, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), contentType };
    this.sql(
      `INSERT INTO blobs (key, bytes, size, sha256, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes, size = excluded.size, sha256 = excluded.sha256,
         content_type = excluded.content_type, created_at = excluded.created_at`,
    ).run(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), info.size, info.sha256, contentType, now);
    return info;
  }

  getBlob(key: string): (BlobInfo & { bytes: Buffer }) | undefined {
    const row = this.sql('SELECT key, bytes, size, sha256, content_type FROM blobs WHERE key = ?').get(key) as
      { key: string; bytes: Buffer; size: number; sha256: string; content_type: string } | undefined;
    return row && { key: row.key, bytes: row.bytes, size: row.size, sha256: row.sha256, contentType: row.content_type };
  }

  deleteBlob(key: string): boolean {
    return this.sql('DELETE FROM blobs WHERE key = ?').run(key).changes === 1;
  }
}

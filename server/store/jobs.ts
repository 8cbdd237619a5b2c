/**
 * Background jobs and the files they make, as the store keeps them. A job
 * is one row per (design, kind), claimed under a lease: whoever holds an
 * unexpired lease works on it, and a lease that runs out (its process was
 * killed) lets the next claimer take it again. Every call is one atomic
 * step, as in `Store`.
 */

export const JobState = {
  Queued: 'queued',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const;
export type JobState = (typeof JobState)[keyof typeof JobState];

export interface StoredJob {
  /** `<kind>:<design>`: one job per design and kind. */
  id: string;
  design: string;
  kind: string;
  state: JobState;
  /** Claims so far, the one running included. */
  attempts: number;
  maxAttempts: number;
  /** Not claimed before this (ms epoch): the backoff after a failure. */
  runAfter: number;
  /** The instance holding the lease while running, else null. */
  owner: string | null;
  leaseUntil: number | null;
  /** The last failure's reason, kept when a retry then succeeds too (the dashboard may say it took two goes). */
  error: string | null;
  /** What the job made, as JSON (for print jobs: the report and the blob keys). */
  result: unknown;
  createdAt: number;
  updatedAt: number;
}

export interface JobQueue {
  /** Queues the job unless one exists for (design, kind); returns it either way, and whether it is new. */
  enqueueJob(
    design: string,
    kind: string,
    at: number,
    maxAttempts: number,
  ): Promise<{ job: StoredJob; created: boolean }>;
  /**
   * Takes the oldest job that is due (queued with `runAfter` ≤ `now`, or running under an expired lease with
   * attempts left), for exactly one caller however many instances ask at once: it is then running, held by
   * `owner` until `now + leaseMs`, its attempts counted. A job whose lease expired on its last attempt is
   * marked failed instead. Undefined when nothing is due.
   */
  claimJob(owner: string, now: number, leaseMs: number): Promise<StoredJob | undefined>;
  /** Done with its result, if `owner` still holds it (a lease taken over means the result is not ours to keep). */
  completeJob(id: string, owner: string, result: unknown, now: number): Promise<boolean>;
  /**
   * Records a failure by `owner`: queued again after `retryInMs` while attempts are left, else failed for good;
   * `retryInMs` null fails it for good at once (a design that can never be made: retrying only spends time).
   * Returns the job as it is now; undefined when `owner` no longer holds it.
   */
  failJob(
    id: string,
    owner: string,
    error: string,
    now: number,
    retryInMs: number | null,
  ): Promise<StoredJob | undefined>;
  /**
   * Puts a job that failed for good back in the queue, due at `at`, its attempts counted from zero again (the
   * team fixed the cause); its last error stays until an attempt ends. Undefined unless it was failed.
   */
  requeueJob(id: string, at: number): Promise<StoredJob | undefined>;
  getJob(id: string): Promise<StoredJob | undefined>;
  /** The jobs of these designs, of one kind. */
  jobsOf(designs: string[], kind: string): Promise<StoredJob[]>;
}

export const jobId = (kind: string, design: string) => `${kind}:${design}`;

/** A stored file's facts. */
export interface BlobInfo {
  key: string;
  size: number;
  /** Hex. */
  sha256: string;
  contentType: string;
}

/**
 * Files by key: put, get, delete. The stores keep them in a database table
 * (`blobs`); an S3-compatible object store can implement the same three
 * calls (docs/server.md says how, and what it costs).
 */
export interface BlobStore {
  /** Stores (or replaces) the bytes under `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<BlobInfo>;
  get(key: string): Promise<(BlobInfo & { bytes: Buffer }) | undefined>;
  /** False when there was nothing under `key`. */
  delete(key: string): Promise<boolean>;
}

/** Where a design's files live: erasing the design removes every key under it. */
export const designBlobPrefix = (design: string) => `designs/${design}/`;

export interface JobRow {
  id: string;
  design_id: string;
  kind: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: number;
  owner: string | null;
  lease_until: number | null;
  error: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
}

/** `result` arrives as JSON text from SQLite and parsed from PostgreSQL's jsonb. */
export function jobOf(row: JobRow): StoredJob {
  return {
    id: row.id,
    design: row.design_id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAfter: row.run_after,
    owner: row.owner,
    leaseUntil: row.lease_until,
    error: row.error,
    result: typeof row.result === 'string' ? JSON.parse(row.result) : row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The reason kept for a job whose lease ran out on its last attempt. */
export const leaseLostError = (attempts: number) =>
  `the instance making it stopped before it finished (${attempts} of ${attempts} attempts)`;

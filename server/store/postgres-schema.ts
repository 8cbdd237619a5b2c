/**
 * The PostgreSQL store's schema, as numbered steps. `schema_migrations`
 * records the steps that ran; every start runs the missing ones in one
 * transaction that first takes an advisory lock, so two instances starting
 * at once never both run a step: the second waits, then finds it done.
 */
import { PG_JOBS_MIGRATION } from './postgres-jobs.ts';
import type { Sql } from './postgres-sql.ts';

/** Any number of our own; it only has to differ from other advisory locks taken on the same database. */
export const MIGRATION_LOCK = 0x636473_01;
/** Serialises the making of a day's vote salt across instances. */
export const SALT_LOCK = 0x636473_02;

/**
 * Tables as in SQLite. Ids and timestamps stay text compared with the "C"
 * collation (byte order, as SQLite sorts), JSON the server only hands back
 * is `jsonb` so analysts can query it, the design document is text so its
 * bytes come back exactly as validated.
 */
export const PG_MIGRATIONS = [
  `CREATE TABLE campaigns (
     id text COLLATE "C" PRIMARY KEY, input jsonb NOT NULL, secret text NOT NULL, moved_to text,
     created_at text COLLATE "C" NOT NULL, updated_at text NOT NULL, winners jsonb NOT NULL DEFAULT '[]');
   CREATE TABLE designs (
     id text COLLATE "C" PRIMARY KEY, draft text NOT NULL, status text NOT NULL, author text NOT NULL,
     template_id text NOT NULL, template_version text NOT NULL, created_at text COLLATE "C" NOT NULL,
     design text NOT NULL, consent jsonb NOT NULL, metrics jsonb, votes integer NOT NULL DEFAULT 0,
     campaign_id text COLLATE "C" REFERENCES campaigns (id), participant text, replaced_by text);
   CREATE INDEX designs_status_created ON designs (status, created_at);
   CREATE INDEX designs_draft ON designs (draft);
   CREATE INDEX designs_campaign ON designs (campaign_id, status, created_at);
   -- One current entry per participant: the store takes a lock per participant, this is the backstop.
   CREATE UNIQUE INDEX designs_current_entry ON designs (campaign_id, participant)
     WHERE participant IS NOT NULL AND replaced_by IS NULL;
   CREATE TABLE previews (
     design_id text NOT NULL REFERENCES designs (id), view text COLLATE "C" NOT NULL,
     width integer NOT NULL, height integer NOT NULL, png bytea NOT NULL, PRIMARY KEY (design_id, view));
   CREATE TABLE votes (
     design_id text NOT NULL REFERENCES designs (id), voter text NOT NULL, created_at bigint NOT NULL, network text,
     PRIMARY KEY (design_id, voter));
   CREATE INDEX votes_network ON votes (design_id, network) WHERE network IS NOT NULL;
   CREATE TABLE vote_salts (day text PRIMARY KEY, salt bytea NOT NULL);
   CREATE TABLE idempotency (
     key text PRIMARY KEY, hash text NOT NULL, status integer NOT NULL, body jsonb NOT NULL, created_at bigint NOT NULL);
   CREATE INDEX idempotency_created ON idempotency (created_at);
   -- accepted: reports kept for the session (each newer seq counts), summed for the dashboard instead of one
   -- counter row that every report would update and wait on; counters holds what erased sessions had counted.
   CREATE TABLE metric_sessions (
     session text PRIMARY KEY, draft text NOT NULL, seq integer NOT NULL, report jsonb NOT NULL, received_at bigint NOT NULL,
     accepted integer NOT NULL DEFAULT 1);
   CREATE INDEX metric_sessions_draft ON metric_sessions (draft);
   CREATE TABLE metric_drafts (
     draft text PRIMARY KEY, total jsonb NOT NULL, wall_ms double precision NOT NULL, submitted boolean NOT NULL);
   CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
   CREATE TABLE jurors (
     id text COLLATE "C" PRIMARY KEY, campaign_id text NOT NULL REFERENCES campaigns (id), name text NOT NULL,
     key_hash text NOT NULL UNIQUE, created_at text COLLATE "C" NOT NULL, revoked_at text);
   CREATE INDEX jurors_campaign ON jurors (campaign_id, created_at);
   CREATE TABLE scores (
     juror_id text COLLATE "C" NOT NULL REFERENCES jurors (id), design_id text COLLATE "C" NOT NULL,
     scores jsonb NOT NULL, updated_at text NOT NULL, PRIMARY KEY (juror_id, design_id));`,
  // Background jobs (print files of approved designs) and the files they make.
  PG_JOBS_MIGRATION,
];

/** Runs the steps this database has not seen yet; returns how many ran. */
export async function migrate(sql: Sql): Promise<number> {
  return sql.begin(async (tx) => {
    // Held to the end of this transaction: a second instance waits here, then sees the steps done.
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
    const [{ done }] = await tx<{ done: number }[]>`SELECT coalesce(max(version), 0)::int AS done FROM schema_migrations`;
    for (let i = done; i < PG_MIGRATIONS.length; i++) {
      await tx.unsafe(PG_MIGRATIONS[i]);
      await tx`INSERT INTO schema_migrations (version) VALUES (${i + 1})`;
    }
    return PG_MIGRATIONS.length - done;
  });
}

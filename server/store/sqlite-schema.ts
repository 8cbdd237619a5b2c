/** The SQLite store's schema, step by step; `PRAGMA user_version` says how many have run. Add steps, never edit one. */
import { CAMPAIGN_MIGRATION } from './sqlite-campaigns.ts';
import { JOBS_MIGRATION } from './sqlite-jobs.ts';
import { JURY_MIGRATION } from './sqlite-jury.ts';

export const MIGRATIONS = [
  `CREATE TABLE designs (
     id TEXT PRIMARY KEY, draft TEXT NOT NULL, status TEXT NOT NULL, author TEXT NOT NULL,
     template_id TEXT NOT NULL, template_version TEXT NOT NULL, created_at TEXT NOT NULL,
     design TEXT NOT NULL, consent TEXT NOT NULL, metrics TEXT NOT NULL, votes INTEGER NOT NULL DEFAULT 0);
   CREATE INDEX designs_status_created ON designs (status, created_at);
   CREATE INDEX designs_draft ON designs (draft);
   CREATE TABLE previews (
     design_id TEXT NOT NULL REFERENCES designs (id), view TEXT NOT NULL,
     width INTEGER NOT NULL, height INTEGER NOT NULL, png BLOB NOT NULL, PRIMARY KEY (design_id, view));
   CREATE TABLE votes (
     design_id TEXT NOT NULL REFERENCES designs (id), voter TEXT NOT NULL, created_at INTEGER NOT NULL,
     PRIMARY KEY (design_id, voter));
   CREATE TABLE idempotency (
     key TEXT PRIMARY KEY, hash TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE INDEX idempotency_created ON idempotency (created_at);
   CREATE TABLE metric_sessions (
     session TEXT PRIMARY KEY, draft TEXT NOT NULL, seq INTEGER NOT NULL, report TEXT NOT NULL, received_at INTEGER NOT NULL);
   CREATE TABLE metric_drafts (
     draft TEXT PRIMARY KEY, total TEXT NOT NULL, wall_ms REAL NOT NULL, submitted INTEGER NOT NULL);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`,
  // The per-IP vote cap: a salted hash of the voter's network, and one salt per day (only today's is kept).
  `ALTER TABLE votes ADD COLUMN network TEXT;
   CREATE INDEX votes_network ON votes (design_id, network) WHERE network IS NOT NULL;
   CREATE TABLE vote_salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL);`,
  // Campaigns, and which campaign and participant a design was sent for (docs/campaigns.md).
  CAMPAIGN_MIGRATION,
  // Jurors with their scores, and the winners a campaign's team picked.
  JURY_MIGRATION,
  // Background jobs (print files of approved designs) and the files they make.
  JOBS_MIGRATION,
];

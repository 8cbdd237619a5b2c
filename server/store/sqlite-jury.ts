/** The jury's part of the SQLite store: jurors, their scores and the winners picked. */
import type { CriterionScore } from '../../src/protocol/jury.ts';
import type { Sql } from './sqlite-campaigns.ts';
import type { StoredJuror, StoredScore } from './store.ts';

export const JURY_MIGRATION = `CREATE TABLE jurors (
     id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns (id), name TEXT NOT NULL,
     key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
   CREATE INDEX jurors_campaign ON jurors (campaign_id, created_at);
   CREATE TABLE scores (
     juror_id TEXT NOT NULL REFERENCES jurors (id), design_id TEXT NOT NULL, scores TEXT NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (juror_id, design_id));
   ALTER TABLE campaigns ADD COLUMN winners TEXT NOT NULL DEFAULT '[]';`;

interface JurorRow {
  id: string;
  campaign_id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const juror = (row: JurorRow): StoredJuror => ({
  id: row.id,
  campaign: row.campaign_id,
  name: row.name,
  keyHash: row.key_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export class SqliteJury {
  constructor(private readonly sql: Sql) {}

  add(j: StoredJuror): void {
    this.sql('INSERT INTO jurors (id, campaign_id, name, key_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      j.id,
      j.campaign,
      j.name,
      j.keyHash,
      j.createdAt,
      j.revokedAt,
    );
  }

  list(campaign: string): (StoredJuror & { scored: number })[] {
    const rows = this.sql(
      `SELECT j.*, (SELECT count(*) FROM scores s WHERE s.juror_id = j.id) AS scored
       FROM jurors j WHERE j.campaign_id = ? ORDER BY j.created_at, j.id`,
    ).all(campaign) as (JurorRow & { scored: number })[];
    return rows.map((row) => ({ ...juror(row), scored: row.scored }));
  }

  byKey(keyHash: string): StoredJuror | undefined {
    const row = this.sql('SELECT * FROM jurors WHERE key_hash = ?').get(keyHash) as JurorRow | undefined;
    return row && juror(row);
  }

  revoke(campaign: string, id: string, at: string): boolean {
    const known = this.sql('SELECT 1 FROM jurors WHERE id = ? AND campaign_id = ?').get(id, campaign);
    if (!known) return false;
    this.sql('UPDATE jurors SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(at, id);
    return true;
  }

  setScores(jurorId: string, design: string, scores: CriterionScore[], at: string): void {
    this.sql(
      `INSERT INTO scores (juror_id, design_id, scores, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (juror_id, design_id) DO UPDATE SET scores = excluded.scores, updated_at = excluded.updated_at`,
    ).run(jurorId, design, JSON.stringify(scores), at);
  }

  scoresOf(campaign: string): StoredScore[] {
    const rows = this.sql(
      `SELECT s.juror_id, s.design_id, s.scores, s.updated_at FROM scores s JOIN jurors j ON j.id = s.juror_id
       WHERE j.campaign_id = ? ORDER BY s.design_id, s.juror_id`,
    ).all(campaign) as { juror_id: string; design_id: string; scores: string; updated_at: string }[];
    return rows.map((r) => ({ juror: r.juror_id, design: r.design_id, scores: JSON.parse(r.scores) as CriterionScore[], updatedAt: r.updated_at }));
  }

  setWinners(campaign: string, winners: string[], at: string): boolean {
    return this.sql('UPDATE campaigns SET winners = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(winners), at, campaign).changes === 1;
  }

  winnersOf(campaign: string): string[] {
    const row = this.sql('SELECT winners FROM campaigns WHERE id = ?').get(campaign) as { winners: string } | undefined;
    return row ? (JSON.parse(row.winners) as string[]) : [];
  }
}

/**
 * Campaigns and their jury in the PostgreSQL store: rows in, `StoredCampaign`
 * and `StoredJuror` out. Each method is one statement, so it is atomic by
 * itself; `move` is a compare-and-set that a row lock makes hold across
 * instances (the second UPDATE waits, then re-reads the row and finds it moved).
 */
import type { CampaignInput, CampaignPhase } from '../../src/protocol/campaign.ts';
import type { CriterionScore } from '../../src/protocol/jury.ts';
import { json, type Sql } from './postgres-sql.ts';
import type { StoredCampaign, StoredJuror, StoredScore } from './store.ts';

interface CampaignRow {
  id: string;
  input: CampaignInput;
  secret: string;
  moved_to: CampaignPhase | null;
  created_at: string;
  updated_at: string;
}

interface JurorRow {
  id: string;
  campaign_id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const campaign = (row: CampaignRow): StoredCampaign => ({
  id: row.id,
  input: row.input,
  secret: row.secret,
  movedTo: row.moved_to,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const juror = (row: JurorRow): StoredJuror => ({
  id: row.id,
  campaign: row.campaign_id,
  name: row.name,
  keyHash: row.key_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export class PgCampaigns {
  constructor(private readonly sql: Sql) {}

  async create(c: StoredCampaign): Promise<void> {
    await this.sql`INSERT INTO campaigns (id, input, secret, moved_to, created_at, updated_at)
      VALUES (${c.id}, ${json(this.sql, c.input)}, ${c.secret}, ${c.movedTo}, ${c.createdAt}, ${c.updatedAt})`;
  }

  async update(id: string, input: CampaignInput, updatedAt: string): Promise<StoredCampaign | undefined> {
    const [row] = await this.sql<CampaignRow[]>`
      UPDATE campaigns SET input = ${json(this.sql, input)}, updated_at = ${updatedAt} WHERE id = ${id}
      RETURNING id, input, secret, moved_to, created_at, updated_at`;
    return row && campaign(row);
  }

  async get(id: string): Promise<StoredCampaign | undefined> {
    const [row] = await this.sql<CampaignRow[]>`SELECT id, input, secret, moved_to, created_at, updated_at FROM campaigns WHERE id = ${id}`;
    return row && campaign(row);
  }

  async list(): Promise<StoredCampaign[]> {
    const rows = await this.sql<CampaignRow[]>`
      SELECT id, input, secret, moved_to, created_at, updated_at FROM campaigns ORDER BY created_at DESC, id`;
    return rows.map(campaign);
  }

  async move(id: string, seen: CampaignPhase | null, to: CampaignPhase, updatedAt: string): Promise<boolean> {
    const moved = await this.sql`UPDATE campaigns SET moved_to = ${to}, updated_at = ${updatedAt}
      WHERE id = ${id} AND moved_to IS NOT DISTINCT FROM ${seen}::text`;
    return moved.count === 1;
  }

  async setWinners(id: string, winners: string[], at: string): Promise<boolean> {
    const set = await this.sql`UPDATE campaigns SET winners = ${json(this.sql, winners)}, updated_at = ${at} WHERE id = ${id}`;
    return set.count === 1;
  }

  async winnersOf(id: string): Promise<string[]> {
    const [row] = await this.sql<{ winners: string[] }[]>`SELECT winners FROM campaigns WHERE id = ${id}`;
    return row ? row.winners : [];
  }

  async addJuror(j: StoredJuror): Promise<void> {
    await this.sql`INSERT INTO jurors (id, campaign_id, name, key_hash, created_at, revoked_at)
      VALUES (${j.id}, ${j.campaign}, ${j.name}, ${j.keyHash}, ${j.createdAt}, ${j.revokedAt})`;
  }

  async listJurors(id: string): Promise<(StoredJuror & { scored: number })[]> {
    const rows = await this.sql<(JurorRow & { scored: number })[]>`
      SELECT j.*, (SELECT count(*) FROM scores s WHERE s.juror_id = j.id) AS scored
      FROM jurors j WHERE j.campaign_id = ${id} ORDER BY j.created_at, j.id`;
    return rows.map((row) => ({ ...juror(row), scored: row.scored }));
  }

  async jurorByKey(keyHash: string): Promise<StoredJuror | undefined> {
    const [row] = await this.sql<JurorRow[]>`SELECT * FROM jurors WHERE key_hash = ${keyHash}`;
    return row && juror(row);
  }

  async revokeJuror(id: string, jurorId: string, at: string): Promise<boolean> {
    const revoked = await this.sql`UPDATE jurors SET revoked_at = coalesce(revoked_at, ${at}) WHERE id = ${jurorId} AND campaign_id = ${id}`;
    return revoked.count === 1;
  }

  async setScores(jurorId: string, design: string, scores: CriterionScore[], at: string): Promise<void> {
    await this.sql`INSERT INTO scores (juror_id, design_id, scores, updated_at)
      VALUES (${jurorId}, ${design}, ${json(this.sql, scores)}, ${at})
      ON CONFLICT (juror_id, design_id) DO UPDATE SET scores = excluded.scores, updated_at = excluded.updated_at`;
  }

  async scoresOf(id: string): Promise<StoredScore[]> {
    const rows = await this.sql<{ juror_id: string; design_id: string; scores: CriterionScore[]; updated_at: string }[]>`
      SELECT s.juror_id, s.design_id, s.scores, s.updated_at FROM scores s JOIN jurors j ON j.id = s.juror_id
      WHERE j.campaign_id = ${id} ORDER BY s.design_id, s.juror_id`;
    return rows.map((r) => ({ juror: r.juror_id, design: r.design_id, scores: r.scores, updatedAt: r.updated_at }));
  }
}

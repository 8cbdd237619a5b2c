/**
 * The campaigns' part of the SQLite store: rows in, `StoredCampaign` out.
 * Kept apart from sqlite.ts, which holds the designs, votes and metrics.
 */
import type Database from 'better-sqlite3';
import type { CampaignInput, CampaignPhase } from '../../src/protocol/campaign.ts';
import type { StoredCampaign } from './store.ts';

export const CAMPAIGN_MIGRATION = `CREATE TABLE campaigns (
     id TEXT PRIMARY KEY, input TEXT NOT NULL, secret TEXT NOT NULL, moved_to TEXT,
     created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
   ALTER TABLE designs ADD COLUMN campaign_id TEXT REFERENCES campaigns (id);
   ALTER TABLE designs ADD COLUMN participant TEXT;
   ALTER TABLE designs ADD COLUMN replaced_by TEXT;
   CREATE INDEX designs_entry ON designs (campaign_id, participant) WHERE participant IS NOT NULL;
   CREATE INDEX designs_campaign ON designs (campaign_id, status, created_at);`;

interface CampaignRow {
  id: string;
  input: string;
  secret: string;
  moved_to: CampaignPhase | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (row: CampaignRow): StoredCampaign => ({
  id: row.id,
  input: JSON.parse(row.input) as CampaignInput,
  secret: row.secret,
  movedTo: row.moved_to,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type Sql = (text: string) => Database.Statement;

export class SqliteCampaigns {
  constructor(private readonly sql: Sql) {}

  create(c: StoredCampaign): void {
    this.sql('INSERT INTO campaigns (id, input, secret, moved_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      c.id,
      JSON.stringify(c.input),
      c.secret,
      c.movedTo,
      c.createdAt,
      c.updatedAt,
    );
  }

  update(id: string, input: CampaignInput, updatedAt: string): StoredCampaign | undefined {
    const changed = this.sql('UPDATE campaigns SET input = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(input), updatedAt, id).changes;
    return changed === 1 ? this.get(id) : undefined;
  }

  get(id: string): StoredCampaign | undefined {
    const row = this.sql('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
    return row && fromRow(row);
  }

  list(): StoredCampaign[] {
    return (this.sql('SELECT * FROM campaigns ORDER BY created_at DESC, id').all() as CampaignRow[]).map(fromRow);
  }

  move(id: string, seen: CampaignPhase | null, to: CampaignPhase, updatedAt: string): boolean {
    return this.sql('UPDATE campaigns SET moved_to = ?, updated_at = ? WHERE id = ? AND moved_to IS ?').run(to, updatedAt, id, seen).changes === 1;
  }
}

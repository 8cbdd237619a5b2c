/**
 * The embedded default store: one SQLite file (WAL) through better-sqlite3,
 * whose synchronous calls make each method a single transaction with no
 * interleaving inside this process.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Metrics, MetricsReport } from '../../src/protocol/metrics.ts';
import { DesignStatus, VoteRefusal, type Deletion } from '../../src/protocol/submission.ts';
import type { CampaignInput, CampaignPhase } from '../../src/protocol/campaign.ts';
import type { CriterionScore } from '../../src/protocol/jury.ts';
import { SqliteCampaigns } from './sqlite-campaigns.ts';
import { SqliteJobs } from './sqlite-jobs.ts';
import { SqliteJury } from './sqlite-jury.ts';
import { designBlobPrefix, type BlobStore, type StoredJob } from './jobs.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import { SqliteMetrics } from './sqlite-metrics.ts';
import type {
  DesignQuery,
  DraftFigures,
  IdempotentAnswer,
  NewDesign,
  NewIdempotentAnswer,
  Store,
  StoredCampaign,
  StoredDesign,
  StoredJuror,
  StoredSummary,
  VoteOutcome,
} from './store.ts';


interface SummaryRow {
  id: string;
  draft: string;
  status: DesignStatus;
  author: string;
  template_id: string;
  template_version: string;
  created_at: string;
  votes: number;
  views: string | null;
  campaign_id: string | null;
  participant: string | null;
  replaced_by: string | null;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: { write: () => unknown; resolve: (value: never) => void; reject: (error: unknown) => void }[] = [];
  private readonly campaigns: SqliteCampaigns;
  private readonly jury: SqliteJury;
  private readonly metrics: SqliteMetrics;
  private readonly jobs: SqliteJobs;
  readonly blobs: BlobStore;

  /** `filename` is a path (its folder is created) or ':memory:' for a throwaway test store. */
  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // FULL: an acknowledged submission is on disk, also if the machine (not only the process) dies.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.campaigns = new SqliteCampaigns((text) => this.sql(text));
    this.jury = new SqliteJury((text) => this.sql(text));
    this.metrics = new SqliteMetrics((text) => this.sql(text));
    const jobs = (this.jobs = new SqliteJobs((text) => this.sql(text)));
    this.blobs = {
      put: (key, bytes, contentType) => this.write(() => jobs.putBlob(key, bytes, contentType, Date.now())),
      get: async (key) => jobs.getBlob(key),
      delete: (key) => this.write(() => jobs.deleteBlob(key)),
    };
  }

  /** Prepared once per SQL text: preparing costs more than running most of these. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /**
   * Group commit: writes that arrive in one turn of the event loop run in one
   * transaction and share its commit, so one fsync (synchronous=FULL) covers
   * them all instead of one each. Each write is still its own transaction
   * function, which better-sqlite3 nests as a savepoint: a write that throws
   * rolls back alone. Every promise settles only after the commit, so an
   * answer is never sent before its write is on disk.
   */
  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write: work, resolve: resolve as (value: never) => void, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: job.write() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) job.resolve(outcome.value as never);
      else job.reject(outcome.error);
    });
  }

  private migrate(): void {
    const done = this.db.pragma('user_version', { simple: true }) as number;
    for (let i = done; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
  }

  async findIdempotent(key: string, since: number): Promise<IdempotentAnswer | undefined> {
    const row = this.sql('SELECT hash, status, body, created_at FROM idempotency WHERE key = ? AND created_at >= ?').get(key, since) as
      | { hash: string; status: number; body: string; created_at: number }
      | undefined;
    return row && { hash: row.hash, status: row.status, body: JSON.parse(row.body), createdAt: row.created_at };
  }

  async createDesign(d: NewDesign, answer: NewIdempotentAnswer, since: number) {
    return this.write(this.db.transaction(() => {
      const existing = this.sql('SELECT hash, status, body, created_at FROM idempotency WHERE key = ?').get(answer.key) as
        | { hash: string; status: number; body: string; created_at: number }
        | undefined;
      if (existing && existing.created_at >= since) {
        return { created: false as const, existing: { hash: existing.hash, status: existing.status, body: JSON.parse(existing.body), createdAt: existing.created_at } };
      }
      this.db
        .prepare('INSERT OR REPLACE INTO idempotency (key, hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(answer.key, answer.hash, answer.status, JSON.stringify(answer.body), answer.createdAt);
      // metrics is JSON text like consent: 'null' for a design sent with time on task off.
      this.db
        .prepare(
          `INSERT INTO designs (id, draft, status, author, template_id, template_version, created_at, design, consent, metrics,
             campaign_id, participant)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          d.id, d.draft, d.status, d.author, d.template.id, d.template.version, d.createdAt, d.designJson,
          JSON.stringify(d.consent), JSON.stringify(d.metrics), d.campaign, d.participant,
        );
      // One entry per person: the new one replaces the current one; earlier versions stay for the team.
      if (d.campaign && d.participant) {
        this.sql('UPDATE designs SET replaced_by = ? WHERE campaign_id = ? AND participant = ? AND replaced_by IS NULL AND id != ?').run(
          d.id, d.campaign, d.participant, d.id,
        );
      }
      const insertPreview = this.sql('INSERT INTO previews (design_id, view, width, height, png) VALUES (?, ?, ?, ?, ?)');
      for (const p of d.previews) insertPreview.run(d.id, p.view, p.width, p.height, p.png);
      return { created: true as const };
    }));
  }

  async purgeIdempotent(before: number): Promise<number> {
    return this.write(() => this.sql('DELETE FROM idempotency WHERE created_at < ?').run(before).changes);
  }

  private static readonly SUMMARY = `SELECT d.id, d.draft, d.status, d.author, d.template_id, d.template_version, d.created_at, d.votes,
      d.campaign_id, d.participant, d.replaced_by,
      (SELECT json_group_array(json_array(p.view, p.width, p.height)) FROM previews p WHERE p.design_id = d.id) AS views
    FROM designs d`;

  private static summary(row: SummaryRow): StoredSummary {
    const views = JSON.parse(row.views ?? '[]') as [string, number, number][];
    return {
      id: row.id,
      draft: row.draft,
      status: row.status,
      author: row.author,
      template: { id: row.template_id, version: row.template_version },
      createdAt: row.created_at,
      votes: row.votes,
      previews: views.map(([view, width, height]) => ({ view, width, height })),
      campaign: row.campaign_id,
      participant: row.participant,
      replacedBy: row.replaced_by,
    };
  }

  async getDesign(id: string): Promise<StoredDesign | undefined> {
    const row = this.sql(`${SqliteStore.SUMMARY} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) return undefined;
    const more = this.sql('SELECT design, consent, metrics FROM designs WHERE id = ?').get(id) as { design: string; consent: string; metrics: string };
    return { ...SqliteStore.summary(row), designJson: more.design, consent: JSON.parse(more.consent), metrics: JSON.parse(more.metrics) };
  }

  async getPreview(id: string, view: string) {
    const row = this.db
      .prepare('SELECT d.status, p.png FROM previews p JOIN designs d ON d.id = p.design_id WHERE p.design_id = ? AND p.view = ?')
      .get(id, view) as { status: DesignStatus; png: Buffer } | undefined;
    return row && { status: row.status, png: row.png };
  }

  async listDesigns(q: DesignQuery) {
    const order = q.sort === 'top' ? 'd.votes DESC, d.created_at DESC, d.id' : 'd.created_at DESC, d.id';
    const where = `d.status = ? AND d.replaced_by IS NULL${q.campaign === undefined ? '' : ' AND d.campaign_id = ?'}`;
    const args = q.campaign === undefined ? [q.status] : [q.status, q.campaign];
    const rows = this.sql(`${SqliteStore.SUMMARY} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as SummaryRow[];
    const { n } = this.sql(`SELECT count(*) AS n FROM designs d WHERE ${where}`).get(...args) as { n: number };
    return { items: rows.map(SqliteStore.summary), total: n };
  }

  async setStatus(id: string, status: DesignStatus): Promise<boolean> {
    return this.write(() => this.sql('UPDATE designs SET status = ? WHERE id = ?').run(status, id).changes === 1);
  }

  async deleteDesign(id: string): Promise<Deletion | undefined> {
    return this.write(this.db.transaction((): Deletion | undefined => {
      const row = this.sql('SELECT draft FROM designs WHERE id = ?').get(id) as { draft: string } | undefined;
      if (!row) return undefined;
      this.removeDesigns([id]);
      return { draft: row.draft, designs: [id], sessions: 0 };
    }));
  }

  async deleteDraft(draft: string): Promise<Deletion | undefined> {
    return this.write(this.db.transaction((): Deletion | undefined => {
      const ids = (this.sql('SELECT id FROM designs WHERE draft = ? ORDER BY created_at, id').all(draft) as { id: string }[]).map((r) => r.id);
      this.removeDesigns(ids);
      const sessions = this.sql('DELETE FROM metric_sessions WHERE draft = ?').run(draft).changes;
      const totals = this.sql('DELETE FROM metric_drafts WHERE draft = ?').run(draft).changes;
      return ids.length + sessions + totals === 0 ? undefined : { draft, designs: ids, sessions };
    }));
  }

  /**
   * Inside a caller's transaction: designs with what refers to them. Their
   * Idempotency-Key answers stay until they expire: a retry of the same
   * submission must get its old receipt, not store the design again.
   */
  private removeDesigns(ids: string[]): void {
    for (const id of ids) {
      this.jobs.removeFor(id, designBlobPrefix(id));
      this.sql('DELETE FROM votes WHERE design_id = ?').run(id);
      this.sql('DELETE FROM previews WHERE design_id = ?').run(id);
      this.sql('DELETE FROM designs WHERE id = ?').run(id);
    }
  }

  async countByStatus() {
    const counts: Record<DesignStatus, number> = { pending: 0, approved: 0, rejected: 0, hidden: 0 };
    const rows = this.sql('SELECT status, count(*) AS n FROM designs WHERE replaced_by IS NULL GROUP BY status').all() as { status: DesignStatus; n: number }[];
    for (const { status, n } of rows) if (Object.values(DesignStatus).includes(status)) counts[status] = n;
    return counts;
  }

  async addVote(id: string, voter: string, at: number, network?: { hash: string; cap: number }) {
    return this.write(this.db.transaction((): VoteOutcome | undefined => {
      const design = this.sql('SELECT votes FROM designs WHERE id = ?').get(id) as { votes: number } | undefined;
      if (!design) return undefined;
      if (this.sql('SELECT 1 FROM votes WHERE design_id = ? AND voter = ?').get(id, voter)) {
        return { votes: design.votes, counted: false, reason: VoteRefusal.AlreadyVoted };
      }
      if (network) {
        const { n } = this.sql('SELECT count(*) AS n FROM votes WHERE design_id = ? AND network = ?').get(id, network.hash) as { n: number };
        if (n >= network.cap) return { votes: design.votes, counted: false, reason: VoteRefusal.IpCap };
      }
      this.sql('INSERT INTO votes (design_id, voter, created_at, network) VALUES (?, ?, ?, ?)').run(id, voter, at, network?.hash ?? null);
      this.sql('UPDATE designs SET votes = votes + 1 WHERE id = ?').run(id);
      return { votes: design.votes + 1, counted: true };
    }));
  }

  async votedBy(voter: string, ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const marks = ids.map(() => '?').join(', ');
    const rows = this.sql(`SELECT design_id FROM votes WHERE voter = ? AND design_id IN (${marks})`).all(voter, ...ids) as { design_id: string }[];
    return new Set(rows.map((r) => r.design_id));
  }

  async voteSalt(day: string): Promise<Buffer> {
    const today = this.sql('SELECT salt FROM vote_salts WHERE day = ?').get(day) as { salt: Buffer } | undefined;
    if (today) return today.salt; // the common case, without queueing behind the writes
    return this.write(this.db.transaction(() => {
      const row = this.sql('SELECT salt FROM vote_salts WHERE day = ?').get(day) as { salt: Buffer } | undefined;
      if (row) return row.salt;
      const salt = randomBytes(32);
      // A new day: yesterday's salt goes, and with it any way to tie yesterday's hashes to an address; clear them too.
      this.sql('DELETE FROM vote_salts').run();
      this.sql('UPDATE votes SET network = NULL WHERE network IS NOT NULL').run();
      this.sql('INSERT INTO vote_salts (day, salt) VALUES (?, ?)').run(day, salt);
      return salt;
    }));
  }

  async recordReport(report: MetricsReport, at: number): Promise<'accepted' | 'duplicate'> {
    return this.write(this.db.transaction(() => this.metrics.record(report, at)));
  }

  async draftFigures(): Promise<DraftFigures[]> {
    return this.metrics.draftFigures();
  }

  async reportCounts() {
    return this.metrics.reportCounts();
  }

  async sessionReports(draft?: string): Promise<MetricsReport[]> {
    return this.metrics.sessionReports(draft);
  }

  async entryOf(campaign: string, participant: string) {
    const rows = this.sql(`${SqliteStore.SUMMARY} WHERE d.campaign_id = ? AND d.participant = ? ORDER BY d.created_at, d.id`).all(
      campaign,
      participant,
    ) as SummaryRow[];
    const current = rows.find((row) => row.replaced_by === null);
    return { current: current && SqliteStore.summary(current), versions: rows.length };
  }

  async createCampaign(campaign: StoredCampaign): Promise<void> {
    return this.write(() => this.campaigns.create(campaign));
  }

  async updateCampaign(id: string, input: CampaignInput, updatedAt: string) {
    return this.write(() => this.campaigns.update(id, input, updatedAt));
  }

  async getCampaign(id: string) {
    return this.campaigns.get(id);
  }

  async listCampaigns() {
    return this.campaigns.list();
  }

  async moveCampaign(id: string, seen: CampaignPhase | null, to: CampaignPhase, updatedAt: string) {
    return this.write(() => this.campaigns.move(id, seen, to, updatedAt));
  }

  async setWinners(campaign: string, winners: string[], updatedAt: string) {
    return this.write(() => this.jury.setWinners(campaign, winners, updatedAt));
  }

  async winnersOf(campaign: string) {
    return this.jury.winnersOf(campaign);
  }

  async addJuror(juror: StoredJuror) {
    return this.write(() => this.jury.add(juror));
  }

  async listJurors(campaign: string) {
    return this.jury.list(campaign);
  }

  async jurorByKey(keyHash: string) {
    return this.jury.byKey(keyHash);
  }

  async revokeJuror(campaign: string, juror: string, at: string) {
    return this.write(() => this.jury.revoke(campaign, juror, at));
  }

  async setScores(juror: string, design: string, scores: CriterionScore[], at: string) {
    return this.write(() => this.jury.setScores(juror, design, scores, at));
  }

  async scoresOf(campaign: string) {
    return this.jury.scoresOf(campaign);
  }

  async enqueueJob(design: string, kind: string, at: number, maxAttempts: number) {
    return this.write(() => this.jobs.enqueue(design, kind, at, maxAttempts));
  }

  async claimJob(owner: string, now: number, leaseMs: number): Promise<StoredJob | undefined> {
    return this.write(() => this.jobs.claim(owner, now, leaseMs));
  }

  async completeJob(id: string, owner: string, result: unknown, now: number) {
    return this.write(() => this.jobs.complete(id, owner, result, now));
  }

  async failJob(id: string, owner: string, error: string, now: number, retryInMs: number | null) {
    return this.write(() => this.jobs.fail(id, owner, error, now, retryInMs));
  }

  async requeueJob(id: string, at: number) {
    return this.write(() => this.jobs.requeue(id, at));
  }

  async getJob(id: string) {
    return this.jobs.get(id);
  }

  async jobsOf(designs: string[], kind: string) {
    return this.jobs.jobsOf(designs, kind);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}

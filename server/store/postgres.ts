/**
 * The store for a campaign that outgrows one machine: PostgreSQL, shared by
 * any number of server instances. Where SQLite relies on being the only
 * writer, this store relies on the database: unique keys (`ON CONFLICT`),
 * row locks (`FOR UPDATE`), advisory locks and one transaction per method,
 * so two instances answering at the same moment keep the same truth.
 */
import { randomBytes } from 'node:crypto';
import type { CampaignInput, CampaignPhase } from '../../src/protocol/campaign.ts';
import type { CriterionScore } from '../../src/protocol/jury.ts';
import type { MetricsReport } from '../../src/protocol/metrics.ts';
import { DesignStatus, VoteRefusal, type Deletion } from '../../src/protocol/submission.ts';
import { PgCampaigns } from './postgres-campaigns.ts';
import { PgBlobs, PgJobs, removeJobsFor } from './postgres-jobs.ts';
import { PgMetrics } from './postgres-metrics.ts';
import { designBlobPrefix, type BlobStore, type StoredJob } from './jobs.ts';
import { migrate, SALT_LOCK } from './postgres-schema.ts';
import { connect, json, type Queries, type Sql } from './postgres-sql.ts';
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

export interface PostgresStoreOptions {
  /** Connections this instance keeps open at most; default 10. */
  max?: number;
  /** How long `open` waits for a database that cannot be reached yet; default 30 s. */
  waitMs?: number;
}

interface SummaryRow {
  id: string;
  draft: string;
  status: DesignStatus;
  author: string;
  template_id: string;
  template_version: string;
  created_at: string;
  votes: number;
  views: [string, number, number][];
  campaign_id: string | null;
  participant: string | null;
  replaced_by: string | null;
}

interface AnswerRow {
  hash: string;
  status: number;
  body: unknown;
  created_at: number;
}

const answerOf = (row: AnswerRow): IdempotentAnswer => ({ hash: row.hash, status: row.status, body: row.body, createdAt: row.created_at });

function summary(row: SummaryRow): StoredSummary {
  return {
    id: row.id,
    draft: row.draft,
    status: row.status,
    author: row.author,
    template: { id: row.template_id, version: row.template_version },
    createdAt: row.created_at,
    votes: row.votes,
    previews: row.views.map(([view, width, height]) => ({ view, width, height })),
    campaign: row.campaign_id,
    participant: row.participant,
    replacedBy: row.replaced_by,
  };
}

export class PostgresStore implements Store {
  private readonly campaigns: PgCampaigns;
  private readonly metrics: PgMetrics;
  private readonly jobs: PgJobs;
  readonly blobs: BlobStore;

  private constructor(private readonly sql: Sql) {
    this.campaigns = new PgCampaigns(sql);
    this.metrics = new PgMetrics(sql);
    this.jobs = new PgJobs(sql);
    this.blobs = new PgBlobs(sql);
  }

  /**
   * Connects and brings the schema up to date (safe when several instances start together). A database
   * still starting (an instance and its database brought up together) is waited for, up to `waitMs`.
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const sql = connect(url, options.max ?? 10);
    const giveUpAt = Date.now() + (options.waitMs ?? 30_000);
    for (;;) {
      try {
        await migrate(sql);
        return new PostgresStore(sql);
      } catch (error) {
        if (!isUnavailable(error) || Date.now() >= giveUpAt) {
          await sql.end({ timeout: 1 });
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async findIdempotent(key: string, since: number): Promise<IdempotentAnswer | undefined> {
    const [row] = await this.sql<AnswerRow[]>`SELECT hash, status, body, created_at FROM idempotency WHERE key = ${key} AND created_at >= ${since}`;
    return row && answerOf(row);
  }

  async createDesign(d: NewDesign, answer: NewIdempotentAnswer, since: number) {
    return this.sql.begin(async (tx): Promise<{ created: true } | { created: false; existing: IdempotentAnswer }> => {
      // The unique key decides between twins, on any instance: a second insert waits for the first's
      // commit, then finds the key taken and returns nothing. An expired key is taken over.
      const taken = await tx`
        INSERT INTO idempotency (key, hash, status, body, created_at)
        VALUES (${answer.key}, ${answer.hash}, ${answer.status}, ${json(tx, answer.body)}, ${answer.createdAt})
        ON CONFLICT (key) DO UPDATE SET hash = excluded.hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at
          WHERE idempotency.created_at < ${since}
        RETURNING key`;
      if (taken.length === 0) {
        const [row] = await tx<AnswerRow[]>`SELECT hash, status, body, created_at FROM idempotency WHERE key = ${answer.key}`;
        return { created: false, existing: answerOf(row) };
      }
      if (d.campaign && d.participant) {
        // One entry per person: entries of one participant are made one at a time, so the newest replaces the
        // one that was current when it committed, never one that a concurrent twin already replaced.
        await tx`SELECT pg_advisory_xact_lock(hashtext(${d.campaign}), hashtext(${d.participant}))`;
        await tx`UPDATE designs SET replaced_by = ${d.id}
                 WHERE campaign_id = ${d.campaign} AND participant = ${d.participant} AND replaced_by IS NULL`;
      }
      await tx`
        INSERT INTO designs (id, draft, status, author, template_id, template_version, created_at, design, consent, metrics,
          campaign_id, participant)
        VALUES (${d.id}, ${d.draft}, ${d.status}, ${d.author}, ${d.template.id}, ${d.template.version}, ${d.createdAt},
          ${d.designJson}, ${json(tx, d.consent)}, ${d.metrics === null ? null : json(tx, d.metrics)},
          ${d.campaign}, ${d.participant})`;
      if (d.previews.length > 0) {
        const rows = d.previews.map((p) => ({ design_id: d.id, view: p.view, width: p.width, height: p.height, png: p.png }));
        await tx`INSERT INTO previews ${tx(rows, 'design_id', 'view', 'width', 'height', 'png')}`;
      }
      return { created: true };
    });
  }

  async purgeIdempotent(before: number): Promise<number> {
    return (await this.sql`DELETE FROM idempotency WHERE created_at < ${before}`).count;
  }

  /** The summary columns of `designs d`; with the document, consent and metrics too for one design. */
  private summaries(withDocument = false) {
    return this.sql`SELECT d.id, d.draft, d.status, d.author, d.template_id, d.template_version, d.created_at, d.votes,
        d.campaign_id, d.participant, d.replaced_by,
        coalesce((SELECT json_agg(json_build_array(p.view, p.width, p.height) ORDER BY p.view) FROM previews p
                  WHERE p.design_id = d.id), '[]') AS views
        ${withDocument ? this.sql`, d.design, d.consent, d.metrics` : this.sql``}
      FROM designs d`;
  }

  async getDesign(id: string): Promise<StoredDesign | undefined> {
    const [row] = await this.sql<(SummaryRow & { design: string; consent: StoredDesign['consent']; metrics: StoredDesign['metrics'] })[]>`
      ${this.summaries(true)} WHERE d.id = ${id}`;
    return row && { ...summary(row), designJson: row.design, consent: row.consent, metrics: row.metrics };
  }

  async getPreview(id: string, view: string) {
    const [row] = await this.sql<{ status: DesignStatus; png: Buffer }[]>`
      SELECT d.status, p.png FROM previews p JOIN designs d ON d.id = p.design_id WHERE p.design_id = ${id} AND p.view = ${view}`;
    return row && { status: row.status, png: row.png };
  }

  async listDesigns(q: DesignQuery) {
    const where = this.sql`d.status = ${q.status} AND d.replaced_by IS NULL ${q.campaign === undefined ? this.sql`` : this.sql`AND d.campaign_id = ${q.campaign}`}`;
    const order = q.sort === 'top' ? this.sql`d.votes DESC, d.created_at DESC, d.id` : this.sql`d.created_at DESC, d.id`;
    const rows = await this.sql<SummaryRow[]>`${this.summaries()} WHERE ${where} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`;
    const [{ n }] = await this.sql<{ n: number }[]>`SELECT count(*) AS n FROM designs d WHERE ${where}`;
    return { items: rows.map(summary), total: n };
  }

  async setStatus(id: string, status: DesignStatus): Promise<boolean> {
    return (await this.sql`UPDATE designs SET status = ${status} WHERE id = ${id}`).count === 1;
  }

  async countByStatus() {
    const counts: Record<DesignStatus, number> = { pending: 0, approved: 0, rejected: 0, hidden: 0 };
    const rows = await this.sql<{ status: DesignStatus; n: number }[]>`
      SELECT status, count(*) AS n FROM designs WHERE replaced_by IS NULL GROUP BY status`;
    for (const { status, n } of rows) if (Object.values(DesignStatus).includes(status)) counts[status] = n;
    return counts;
  }

  async deleteDesign(id: string): Promise<Deletion | undefined> {
    return this.sql.begin(async (tx): Promise<Deletion | undefined> => {
      const [row] = await tx<{ draft: string }[]>`SELECT draft FROM designs WHERE id = ${id} FOR UPDATE`;
      if (!row) return undefined;
      await removeDesigns(tx, [id]);
      return { draft: row.draft, designs: [id], sessions: 0 };
    });
  }

  async deleteDraft(draft: string): Promise<Deletion | undefined> {
    return this.sql.begin(async (tx): Promise<Deletion | undefined> => {
      const rows = await tx<{ id: string }[]>`SELECT id FROM designs WHERE draft = ${draft} ORDER BY created_at, id FOR UPDATE`;
      const ids = rows.map((r) => r.id);
      await removeDesigns(tx, ids);
      const sessions = await this.metrics.eraseSessions(tx, draft);
      const totals = (await tx`DELETE FROM metric_drafts WHERE draft = ${draft}`).count;
      return ids.length + sessions + totals === 0 ? undefined : { draft, designs: ids, sessions };
    });
  }

  async addVote(id: string, voter: string, at: number, network?: { hash: string; cap: number }) {
    return this.sql.begin(async (tx): Promise<VoteOutcome | undefined> => {
      // The design's row lock makes the votes of one design take turns, on every instance: the cap's count
      // and the insert see each other, so two voters from one network cannot both be the fifth.
      const [design] = await tx<{ votes: number }[]>`SELECT votes FROM designs WHERE id = ${id} FOR UPDATE`;
      if (!design) return undefined;
      const [voted] = await tx`SELECT 1 FROM votes WHERE design_id = ${id} AND voter = ${voter}`;
      if (voted) return { votes: design.votes, counted: false, reason: VoteRefusal.AlreadyVoted };
      if (network) {
        const [{ n }] = await tx<{ n: number }[]>`SELECT count(*) AS n FROM votes WHERE design_id = ${id} AND network = ${network.hash}`;
        if (n >= network.cap) return { votes: design.votes, counted: false, reason: VoteRefusal.IpCap };
      }
      await tx`INSERT INTO votes (design_id, voter, created_at, network) VALUES (${id}, ${voter}, ${at}, ${network?.hash ?? null})`;
      const [after] = await tx<{ votes: number }[]>`UPDATE designs SET votes = votes + 1 WHERE id = ${id} RETURNING votes`;
      return { votes: after.votes, counted: true };
    });
  }

  async votedBy(voter: string, ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const rows = await this.sql<{ design_id: string }[]>`SELECT design_id FROM votes WHERE voter = ${voter} AND design_id IN ${this.sql(ids)}`;
    return new Set(rows.map((r) => r.design_id));
  }

  async voteSalt(day: string): Promise<Buffer> {
    const [today] = await this.sql<{ salt: Buffer }[]>`SELECT salt FROM vote_salts WHERE day = ${day}`;
    if (today) return today.salt;
    return this.sql.begin(async (tx) => {
      // One instance makes the day's salt; the others wait here and then read it.
      await tx`SELECT pg_advisory_xact_lock(${SALT_LOCK})`;
      const [row] = await tx<{ salt: Buffer }[]>`SELECT salt FROM vote_salts WHERE day = ${day}`;
      if (row) return row.salt;
      const salt = randomBytes(32);
      // A new day: yesterday's salt goes, and with it any way to tie yesterday's hashes to an address; clear them too.
      await tx`DELETE FROM vote_salts`;
      await tx`UPDATE votes SET network = NULL WHERE network IS NOT NULL`;
      await tx`INSERT INTO vote_salts (day, salt) VALUES (${day}, ${salt})`;
      return salt;
    });
  }

  recordReport(report: MetricsReport, at: number): Promise<'accepted' | 'duplicate'> {
    return this.metrics.record(report, at);
  }

  draftFigures(): Promise<DraftFigures[]> {
    return this.metrics.draftFigures();
  }

  reportCounts() {
    return this.metrics.reportCounts();
  }

  sessionReports(draft?: string): Promise<MetricsReport[]> {
    return this.metrics.sessionReports(draft);
  }

  async entryOf(campaign: string, participant: string) {
    const rows = await this.sql<SummaryRow[]>`
      ${this.summaries()} WHERE d.campaign_id = ${campaign} AND d.participant = ${participant} ORDER BY d.created_at, d.id`;
    const current = rows.find((row) => row.replaced_by === null);
    return { current: current && summary(current), versions: rows.length };
  }

  createCampaign(campaign: StoredCampaign): Promise<void> {
    return this.campaigns.create(campaign);
  }

  updateCampaign(id: string, input: CampaignInput, updatedAt: string) {
    return this.campaigns.update(id, input, updatedAt);
  }

  getCampaign(id: string) {
    return this.campaigns.get(id);
  }

  listCampaigns() {
    return this.campaigns.list();
  }

  moveCampaign(id: string, seen: CampaignPhase | null, to: CampaignPhase, updatedAt: string) {
    return this.campaigns.move(id, seen, to, updatedAt);
  }

  setWinners(campaign: string, winners: string[], updatedAt: string) {
    return this.campaigns.setWinners(campaign, winners, updatedAt);
  }

  winnersOf(campaign: string) {
    return this.campaigns.winnersOf(campaign);
  }

  addJuror(juror: StoredJuror) {
    return this.campaigns.addJuror(juror);
  }

  listJurors(campaign: string) {
    return this.campaigns.listJurors(campaign);
  }

  jurorByKey(keyHash: string) {
    return this.campaigns.jurorByKey(keyHash);
  }

  revokeJuror(campaign: string, juror: string, at: string) {
    return this.campaigns.revokeJuror(campaign, juror, at);
  }

  setScores(juror: string, design: string, scores: CriterionScore[], at: string) {
    return this.campaigns.setScores(juror, design, scores, at);
  }

  scoresOf(campaign: string) {
    return this.campaigns.scoresOf(campaign);
  }

  enqueueJob(design: string, kind: string, at: number, maxAttempts: number) {
    return this.jobs.enqueue(design, kind, at, maxAttempts);
  }

  claimJob(owner: string, now: number, leaseMs: number): Promise<StoredJob | undefined> {
    return this.jobs.claim(owner, now, leaseMs);
  }

  completeJob(id: string, owner: string, result: unknown, now: number) {
    return this.jobs.complete(id, owner, result, now);
  }

  failJob(id: string, owner: string, error: string, now: number, retryInMs: number | null) {
    return this.jobs.fail(id, owner, error, now, retryInMs);
  }

  requeueJob(id: string, at: number) {
    return this.jobs.requeue(id, at);
  }

  getJob(id: string) {
    return this.jobs.get(id);
  }

  jobsOf(designs: string[], kind: string) {
    return this.jobs.jobsOf(designs, kind);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }

  isUnavailable(error: unknown): boolean {
    return isUnavailable(error);
  }
}

/** The client's own codes for a lost or refused connection; Node's socket errors. */
const UNREACHABLE = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);

/**
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down by an administrator, crashed, still
 * starting up) and 53300 (too many connections): the database is out of reach, not the request at fault.
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return UNREACHABLE.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/**
 * Inside a caller's transaction: designs with what refers to them. Their
 * Idempotency-Key answers stay until they expire: a retry of the same
 * submission must get its old receipt, not store the design again.
 */
async function removeDesigns(tx: Queries, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await removeJobsFor(tx, ids, designBlobPrefix);
  await tx`DELETE FROM votes WHERE design_id IN ${tx(ids)}`;
  await tx`DELETE FROM previews WHERE design_id IN ${tx(ids)}`;
  await tx`DELETE FROM designs WHERE id IN ${tx(ids)}`;
}

/**
 * Time on task in the PostgreSQL store: each session's newest report, each
 * draft's best total, and the counter the dashboard shows. A report is one
 * transaction; the session's row decides whether it is the newest, so two
 * instances given the same beacon count it once.
 */
import type { Metrics, MetricsReport } from '../../src/protocol/metrics.ts';
import { json, type Queries, type Sql } from './postgres-sql.ts';
import type { DraftFigures } from './store.ts';

export class PgMetrics {
  constructor(private readonly sql: Sql) {}

  record(report: MetricsReport, at: number): Promise<'accepted' | 'duplicate'> {
    return this.sql.begin(async (tx) => {
      const kept = await tx`
        INSERT INTO metric_sessions (session, draft, seq, report, received_at)
        VALUES (${report.session}, ${report.draft}, ${report.seq}, ${json(tx, report)}, ${at})
        ON CONFLICT (session) DO UPDATE SET draft = excluded.draft, seq = excluded.seq, report = excluded.report,
          received_at = excluded.received_at, accepted = metric_sessions.accepted + 1
          WHERE metric_sessions.seq < excluded.seq
        RETURNING session`;
      if (kept.length === 0) return 'duplicate' as const;
      // The draft's total only grows: keep the one with the most wall-clock time (two tabs may interleave).
      await tx`
        INSERT INTO metric_drafts (draft, total, wall_ms, submitted)
        VALUES (${report.draft}, ${json(tx, report.total)}, ${report.total.wallMs}, ${report.submitted})
        ON CONFLICT (draft) DO UPDATE SET
          total = CASE WHEN excluded.wall_ms >= metric_drafts.wall_ms THEN excluded.total ELSE metric_drafts.total END,
          wall_ms = greatest(metric_drafts.wall_ms, excluded.wall_ms),
          submitted = metric_drafts.submitted OR excluded.submitted`;
      return 'accepted' as const;
    });
  }

  async draftFigures(): Promise<DraftFigures[]> {
    const byDraft = new Map<string, DraftFigures>();
    const reports = await this.sql<{ draft: string; total: Metrics; submitted: boolean }[]>`SELECT draft, total, submitted FROM metric_drafts`;
    for (const r of reports) byDraft.set(r.draft, { draft: r.draft, total: r.total, submitted: r.submitted });
    const designs = await this.sql<{ draft: string; metrics: Metrics | null }[]>`SELECT draft, metrics FROM designs`;
    for (const d of designs) {
      const known = byDraft.get(d.draft);
      // Sent with time on task off: it still marks a measured draft as submitted, but adds no draft of its own.
      if (!d.metrics) {
        if (known) known.submitted = true;
        continue;
      }
      const total = known && known.total.wallMs > d.metrics.wallMs ? known.total : d.metrics;
      byDraft.set(d.draft, { draft: d.draft, total, submitted: true });
    }
    return [...byDraft.values()];
  }

  /** Accepted reports: those of the sessions kept, plus those of sessions erased since (they were accepted). */
  async reportCounts() {
    const [row] = await this.sql<{ accepted: number; sessions: number }[]>`
      SELECT coalesce(sum(accepted), 0)::int8 + coalesce((SELECT value FROM counters WHERE name = 'reports'), 0) AS accepted,
        count(*) AS sessions
      FROM metric_sessions`;
    return { accepted: row.accepted, sessions: row.sessions };
  }

  /** Inside the caller's transaction: forgets a draft's sessions, keeping the count of reports they had accepted. */
  async eraseSessions(tx: Queries, draft: string): Promise<number> {
    const erased = await tx<{ accepted: number }[]>`DELETE FROM metric_sessions WHERE draft = ${draft} RETURNING accepted`;
    const accepted = erased.reduce((sum, row) => sum + row.accepted, 0);
    if (accepted > 0) {
      await tx`INSERT INTO counters (name, value) VALUES ('reports', ${accepted})
               ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value`;
    }
    return erased.length;
  }

  async sessionReports(draft?: string): Promise<MetricsReport[]> {
    const rows =
      draft === undefined
        ? await this.sql<{ report: MetricsReport }[]>`SELECT report FROM metric_sessions ORDER BY received_at`
        : await this.sql<{ report: MetricsReport }[]>`SELECT report FROM metric_sessions WHERE draft = ${draft} ORDER BY received_at`;
    return rows.map((row) => row.report);
  }
}

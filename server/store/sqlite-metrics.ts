/**
 * Time on task in the SQLite store: each session's newest report, each
 * draft's best total, and the counters the dashboard shows.
 */
import type { Metrics, MetricsReport } from '../../src/protocol/metrics.ts';
import type { Sql } from './sqlite-campaigns.ts';
import type { DraftFigures } from './store.ts';

export class SqliteMetrics {
  constructor(private readonly sql: Sql) {}

  /** Inside the caller's transaction. */
  record(report: MetricsReport, at: number): 'accepted' | 'duplicate' {
    const seen = this.sql('SELECT seq FROM metric_sessions WHERE session = ?').get(report.session) as { seq: number } | undefined;
    if (seen && seen.seq >= report.seq) return 'duplicate' as const;
    this.sql('INSERT OR REPLACE INTO metric_sessions (session, draft, seq, report, received_at) VALUES (?, ?, ?, ?, ?)').run(
      report.session, report.draft, report.seq, JSON.stringify(report), at,
    );
    // The draft's total only grows: keep the one with the most wall-clock time (two tabs may interleave).
    this.sql(
      `INSERT INTO metric_drafts (draft, total, wall_ms, submitted) VALUES (?, ?, ?, ?)
       ON CONFLICT (draft) DO UPDATE SET
         total = CASE WHEN excluded.wall_ms >= wall_ms THEN excluded.total ELSE total END,
         wall_ms = max(wall_ms, excluded.wall_ms),
         submitted = max(submitted, excluded.submitted)`,
    ).run(report.draft, JSON.stringify(report.total), report.total.wallMs, report.submitted ? 1 : 0);
    this.sql(`INSERT INTO counters (name, value) VALUES ('reports', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1`).run();
    return 'accepted' as const;
  }

  draftFigures(): DraftFigures[] {
    const byDraft = new Map<string, DraftFigures>();
    const reports = this.sql('SELECT draft, total, submitted FROM metric_drafts').all() as { draft: string; total: string; submitted: number }[];
    for (const r of reports) byDraft.set(r.draft, { draft: r.draft, total: JSON.parse(r.total) as Metrics, submitted: r.submitted === 1 });
    const designs = this.sql('SELECT draft, metrics FROM designs').all() as { draft: string; metrics: string }[];
    for (const d of designs) {
      const metrics = JSON.parse(d.metrics) as Metrics | null;
      const known = byDraft.get(d.draft);
      // Sent with time on task off: it still marks a measured draft as submitted, but adds no draft of its own.
      if (!metrics) {
        if (known) known.submitted = true;
        continue;
      }
      const total = known && known.total.wallMs > metrics.wallMs ? known.total : metrics;
      byDraft.set(d.draft, { draft: d.draft, total, submitted: true });
    }
    return [...byDraft.values()];
  }

  reportCounts() {
    const accepted = (this.sql(`SELECT value FROM counters WHERE name = 'reports'`).get() as { value: number } | undefined)?.value ?? 0;
    const { n } = this.sql('SELECT count(*) AS n FROM metric_sessions').get() as { n: number };
    return { accepted, sessions: n };
  }

  sessionReports(draft?: string): MetricsReport[] {
    const rows = (
      draft === undefined
        ? this.sql('SELECT report FROM metric_sessions ORDER BY received_at').all()
        : this.sql('SELECT report FROM metric_sessions WHERE draft = ? ORDER BY received_at').all(draft)
    ) as { report: string }[];
    return rows.map((row) => JSON.parse(row.report) as MetricsReport);
  }

}

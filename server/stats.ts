/**
 * The dashboard's figures from the per-draft totals: pure arithmetic, so a
 * store at scale can hand over the same rows from an analytics database.
 */
import { TOOL_IDS } from '../src/protocol/schema.ts';
import type { CampaignStats, DesignStatus, TimeBucket } from '../src/protocol/submission.ts';
import type { DraftFigures } from './store/store.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Bucket edges in ms: fine at the start, where most visits end, out to the BMW-like four hours. */
export const ENGAGED_EDGES = [0, 10 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE, 240 * MINUTE];

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  // Nearest rank: a value some draft really had.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function computeStats(
  drafts: DraftFigures[],
  designs: Record<DesignStatus, number>,
  reports: { accepted: number; sessions: number },
): CampaignStats {
  const engaged = drafts.map((d) => d.total.engagedMs).sort((a, b) => a - b);
  const totalMs = engaged.reduce((sum, ms) => sum + ms, 0);

  const buckets: TimeBucket[] = ENGAGED_EDGES.map((fromMs, i) => ({ fromMs, toMs: ENGAGED_EDGES[i + 1] ?? null, drafts: 0 }));
  for (const ms of engaged) {
    let i = buckets.length - 1;
    while (i > 0 && ms < buckets[i].fromMs) i--;
    buckets[i].drafts++;
  }

  const perTool = new Map<string, { engagedMs: number; visibleMs: number; wallMs: number }>();
  for (const d of drafts) {
    for (const t of d.total.tools) {
      const sum = perTool.get(t.tool) ?? { engagedMs: 0, visibleMs: 0, wallMs: 0 };
      sum.engagedMs += t.engagedMs;
      sum.visibleMs += t.visibleMs;
      sum.wallMs += t.wallMs;
      perTool.set(t.tool, sum);
    }
  }
  const toolEngaged = [...perTool.values()].reduce((sum, t) => sum + t.engagedMs, 0);
  const tools = TOOL_IDS.filter((tool) => perTool.has(tool))
    .map((tool) => {
      const sum = perTool.get(tool)!;
      return { tool, ...sum, share: toolEngaged > 0 ? sum.engagedMs / toolEngaged : 0 };
    })
    .sort((a, b) => b.engagedMs - a.engagedMs);

  // Each step of the funnel is a subset of the one before: a submitted draft drew and was opened.
  const submitted = drafts.filter((d) => d.submitted).length;
  const drew = drafts.filter((d) => d.submitted || d.total.strokes > 0).length;
  return {
    funnel: { opened: drafts.length, drew, submitted },
    designs,
    engaged: {
      drafts: engaged.length,
      totalMs,
      meanMs: engaged.length ? totalMs / engaged.length : 0,
      medianMs: quantile(engaged, 0.5),
      p90Ms: quantile(engaged, 0.9),
      buckets,
    },
    tools,
    reports,
  };
}

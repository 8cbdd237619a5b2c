import {
  METRICS_FORMAT,
  METRICS_VERSION,
  type Metrics,
  type TimeFigures,
  type ToolFigures,
} from '../protocol/metrics.ts';
import { ToolId } from '../editor/tools/types.ts';

const TOOL_IDS: ReadonlySet<string> = new Set(Object.values(ToolId));

export function isToolId(value: unknown): value is ToolId {
  return typeof value === 'string' && TOOL_IDS.has(value);
}

/** No time, no counts, no sessions: the total of a draft nobody opened yet. */
export function emptyMetrics(): Metrics {
  return {
    format: METRICS_FORMAT,
    version: METRICS_VERSION,
    engagedMs: 0,
    visibleMs: 0,
    wallMs: 0,
    tools: [],
    strokes: 0,
    undos: 0,
    redos: 0,
    sessions: 0,
    firstStrokeMs: null,
  };
}

/**
 * Adds a later session (or sum of sessions) `b` to an earlier total `a`.
 * Not commutative in one field: `b`'s first stroke is counted from the
 * start of `a`, so it lands after all of `a`'s session time.
 */
export function sum(a: Metrics, b: Metrics): Metrics {
  const tools = new Map<ToolId, ToolFigures>();
  for (const t of [...a.tools, ...b.tools]) {
    const seen = tools.get(t.tool);
    tools.set(t.tool, seen ? { tool: t.tool, ...addTimes(seen, t) } : { ...t });
  }
  return {
    ...emptyMetrics(),
    ...addTimes(a, b),
    tools: [...tools.values()],
    strokes: a.strokes + b.strokes,
    undos: a.undos + b.undos,
    redos: a.redos + b.redos,
    sessions: a.sessions + b.sessions,
    firstStrokeMs: a.firstStrokeMs ?? (b.firstStrokeMs === null ? null : a.wallMs + b.firstStrokeMs),
  };
}

function addTimes(a: TimeFigures, b: TimeFigures): TimeFigures {
  return { engagedMs: a.engagedMs + b.engagedMs, visibleMs: a.visibleMs + b.visibleMs, wallMs: a.wallMs + b.wallMs };
}

const COUNTS = ['strokes', 'undos', 'redos', 'sessions'] as const;
const TIMES = ['engagedMs', 'visibleMs', 'wallMs'] as const;
/** A century of milliseconds: anything larger is a corrupt record, not a customer. */
const MAX_MS = 100 * 365 * 24 * 3600 * 1000;

const okMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_MS;
const okTimes = (t: Record<string, unknown>): boolean =>
  TIMES.every((k) => okMs(t[k])) &&
  (t.engagedMs as number) <= (t.visibleMs as number) &&
  (t.visibleMs as number) <= (t.wallMs as number);

/**
 * Checks a stored total before it is summed (drafts come back from
 * IndexedDB or the parent frame): one NaN would poison every later report.
 * Returns a clean copy with only the known fields, or undefined.
 */
export function readMetrics(value: unknown): Metrics | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.format !== METRICS_FORMAT || v.version !== METRICS_VERSION || !okTimes(v)) return undefined;
  if (!COUNTS.every((k) => Number.isSafeInteger(v[k]) && (v[k] as number) >= 0)) return undefined;
  if (v.firstStrokeMs !== null && !okMs(v.firstStrokeMs)) return undefined;
  if (!Array.isArray(v.tools) || v.tools.length > TOOL_IDS.size) return undefined;
  const tools: ToolFigures[] = [];
  for (const t of v.tools as unknown[]) {
    if (!t || typeof t !== 'object') return undefined;
    const r = t as Record<string, unknown>;
    if (!isToolId(r.tool) || !okTimes(r) || tools.some((x) => x.tool === r.tool)) return undefined;
    tools.push({
      tool: r.tool,
      engagedMs: r.engagedMs as number,
      visibleMs: r.visibleMs as number,
      wallMs: r.wallMs as number,
    });
  }
  const m = emptyMetrics();
  for (const k of TIMES) m[k] = v[k] as number;
  for (const k of COUNTS) m[k] = v[k] as number;
  return { ...m, tools, firstStrokeMs: v.firstStrokeMs as number | null };
}

import type { ToolId } from '../editor/tools/types.ts';

/**
 * Time on task (docs/design.md, docs/metrics.md): what the studio measures and the brand buys.
 * Plain data, shared by the widget (metrics controller, drafts, beacons) and
 * the reference backend. Arrays with ids rather than keyed objects, as in the
 * design document, so no incoming key ever becomes a property name.
 */
export const METRICS_FORMAT = 'co-design-metrics';
export const METRICS_VERSION = 1;

export interface TimeFigures {
  /** Engaged: visible, focused, within `idle-timeout` of an input event (or mid-drag). */
  engagedMs: number;
  /** The page was visible. */
  visibleMs: number;
  /** Wall-clock time of the session(s). */
  wallMs: number;
}

export interface ToolFigures extends TimeFigures {
  /** A stable tool id (docs/design.md); time counts toward the tool that was active. */
  tool: ToolId;
}

/** One session's figures, or the sum over every session of one draft. */
export interface Metrics extends TimeFigures {
  format: typeof METRICS_FORMAT;
  version: typeof METRICS_VERSION;
  /** Only tools with some time or use; order is not meaningful. */
  tools: ToolFigures[];
  /** Finished free-hand strokes, fills and placed objects (one per undo step made by a tool). */
  strokes: number;
  undos: number;
  redos: number;
  sessions: number;
  /**
   * Time to first stroke on the draft's own clock: the wall-clock ms of every
   * earlier session plus the ms into the session where the first stroke came;
   * null until then. Days between visits do not count.
   */
  firstStrokeMs: number | null;
}

/** `POST {endpoint}/metrics` body (text/plain JSON, < 60 KiB, beacon-friendly). */
export interface MetricsReport {
  format: 'co-design-metrics-report';
  version: 1;
  /** The draft's id: one customer's design across visits. */
  draft: string;
  /** One per element connection; with `seq`, makes a report idempotent. */
  session: string;
  /** Increases with every report of one session; the server keeps the highest. */
  seq: number;
  template: { id: string; version: string };
  /** ISO time the report was made. */
  sent: string;
  /** This session so far. */
  current: Metrics;
  /** Summed over every session of the draft, this one included. */
  total: Metrics;
  submitted: boolean;
}

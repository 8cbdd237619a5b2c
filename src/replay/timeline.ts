/**
 * When each mark and object of one view appears in a replay, in replay ms. Pure data: the pacing rules of
 * docs/replay.md, without any drawing.
 */
import { decodeMarkTimes, hasTiming } from '../document/timing.ts';
import type { DesignDocument, ViewDesign } from '../document/types.ts';

/** No pause of the painting lasts longer than this in a replay. */
export const MAX_PAUSE_MS = 1000;
/** A design without timing (made before version 2) plays one mark or object per step. */
export const EVEN_STEP_MS = 400;
/** ...of which a stroke takes this long to draw. */
const EVEN_STROKE_MS = 300;

export interface ReplayEvent {
  layer: number;
  /** The mark's index in its paint layer; -1 for an object layer. */
  mark: number;
  /** Replay ms. */
  start: number;
  duration: number;
}

export interface Timeline {
  /** By start, then by their order in the design. */
  events: ReplayEvent[];
  /** Replay ms at which the last event ends. */
  total: number;
  /** False when the design carries no times and is paced evenly. */
  timed: boolean;
}

interface Raw {
  layer: number;
  mark: number;
  start: number;
  duration: number;
  order: number;
}

/** The events of `view`, timed as painted, idle gaps shortened to MAX_PAUSE_MS. */
export function buildTimeline(doc: DesignDocument, view: ViewDesign): Timeline {
  const timed = hasTiming(doc);
  const raw = timed ? recordedTimes(view) : evenTimes(view);
  raw.sort((a, b) => a.start - b.start || a.order - b.order);
  const events: ReplayEvent[] = [];
  // Real time minus every idle stretch beyond MAX_PAUSE_MS before it; the painting starts at 0.
  let removed = raw.length ? raw[0].start : 0;
  let busyUntil = raw.length ? raw[0].start : 0;
  let total = 0;
  for (const r of raw) {
    const idle = r.start - busyUntil;
    if (idle > MAX_PAUSE_MS) removed += idle - MAX_PAUSE_MS;
    busyUntil = Math.max(busyUntil, r.start + r.duration);
    const event = { layer: r.layer, mark: r.mark, start: r.start - removed, duration: r.duration };
    events.push(event);
    total = Math.max(total, event.start + event.duration);
  }
  return { events, total, timed };
}

function recordedTimes(view: ViewDesign): Raw[] {
  const raw: Raw[] = [];
  let order = 0;
  view.layers.forEach((layer, l) => {
    // A hidden layer shows nothing: its marks would only be time with nothing happening.
    if (!layer.visible) return;
    if (layer.kind === 'object') {
      // Objects placed before version 2 are there from the start.
      raw.push({ layer: l, mark: -1, start: layer.at ?? 0, duration: 0, order: order++ });
      return;
    }
    const times = decodeMarkTimes(layer);
    layer.marks.forEach((_, m) => {
      // A layer from before version 2 in a design continued later: its marks are there from the start.
      const time = times?.[m];
      raw.push({ layer: l, mark: m, start: time?.start ?? 0, duration: time?.duration ?? 0, order: order++ });
    });
  });
  return raw;
}

function evenTimes(view: ViewDesign): Raw[] {
  const raw: Raw[] = [];
  let order = 0;
  view.layers.forEach((layer, l) => {
    if (!layer.visible) return;
    const marks = layer.kind === 'paint' ? layer.marks : [undefined];
    marks.forEach((mark, m) => {
      const duration = mark?.type === 'stroke' ? EVEN_STROKE_MS : 0;
      raw.push({ layer: l, mark: mark ? m : -1, start: order * EVEN_STEP_MS, duration, order });
      order++;
    });
  });
  return raw;
}

/** How many events have started by `t` (binary search: 10,000 strokes per frame). */
export function startedBy(timeline: Timeline, t: number): number {
  const { events } = timeline;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

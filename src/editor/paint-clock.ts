import { encodeMarkTime, latestTime, layerClockTicks } from '../document/timing.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { TIME_QUANTUM_MS, type DesignDocument } from '../document/types.ts';
import type { Op } from './history/ops.ts';

/** Longer pauses count as this much: a tab left open over lunch is not painting time. */
export const IDLE_CAP_MS = 30_000;

/**
 * The draft's painting clock (document version 2): it resumes from the design's stored total when a draft
 * or design is shown, so idle time between sessions never counts, and within a session it skips all but
 * IDLE_CAP_MS of any pause. It stamps new marks and placed objects as the editor commits them.
 */
export class PaintClock {
  private value = 0;
  private last = 0;
  private gestureStart: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Continues the clock of a design just shown. */
  resume(doc: DesignDocument): void {
    this.value = latestTime(doc);
    this.last = this.now();
    this.gestureStart = undefined;
  }

  read(): number {
    const t = this.now();
    this.value = Math.min(DOCUMENT_LIMITS.clockMs, this.value + Math.min(Math.max(0, t - this.last), IDLE_CAP_MS));
    this.last = t;
    return Math.round(this.value);
  }

  /** A pointer went down: the stroke it may commit started now. */
  startGesture(): void {
    this.gestureStart = this.read();
  }

  /** Times the marks and objects that `ops` add, before they are applied (undo and redo keep these times). */
  stamp(doc: DesignDocument, ops: readonly Op[]): void {
    const end = this.read();
    const start = Math.min(this.gestureStart ?? end, end);
    this.gestureStart = undefined;
    const duration = Math.min(end - start, DOCUMENT_LIMITS.strokeTicks * TIME_QUANTUM_MS);
    // Several marks of one step (a stroke and its mirror image) share its time; each layer keeps its own chain.
    const layerEnds = new Map<string, number>();
    for (const op of ops) {
      if (op.op === 'insert-layer' && op.layer.kind === 'object') op.layer.at = end;
      if (op.op !== 'push-mark' || op.time) continue;
      const key = `${op.view}\n${op.layer}`;
      const layerEnd = layerEnds.get(key) ?? paintLayerClock(doc, op.view, op.layer, ops);
      op.time = encodeMarkTime(layerEnd, start, op.mark.type === 'stroke' ? duration : 0);
      layerEnds.set(key, layerEnd + op.time[0] + op.time[1]);
    }
    doc.meta.elapsed = end;
  }
}

/** The clock of a layer as it stands (TIME_QUANTUM_MS), or 0 for a layer this very step inserts. */
function paintLayerClock(doc: DesignDocument, view: string, layer: string, ops: readonly Op[]): number {
  const found = doc.views.find((v) => v.view === view)?.layers.find((l) => l.id === layer);
  if (found?.kind === 'paint') return layerClockTicks(found);
  const inserted = ops.find((op) => op.op === 'insert-layer' && op.layer.id === layer);
  return inserted?.op === 'insert-layer' && inserted.layer.kind === 'paint' ? layerClockTicks(inserted.layer) : 0;
}

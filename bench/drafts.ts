// The two figures of issue 6 that come from drafts (src/drafts/): long tasks
// while an autosave runs, and the time from opening a saved draft until it
// is interactive. The baseline gets what a developer would write by hand:
// toJSON + idb-keyval 400 ms after each stroke, and idb get + loadFromJSON.
import type { Outcome } from './browser.ts';
import type { AutosaveStats } from './pages/measure.ts';

export interface DraftFigures {
  /** Long tasks (> 50 ms) in each drawn stroke's autosave (350 ms after pointer-up until saved), over all strokes. */
  autosaveLongTasks: Outcome<{ count: number; longestMs: number; upToSavedMs: number }>;
  /**
   * Studio: a fresh page on the same profile, connect → co-design-ready (the
   * drafts restore the last draft before it fires) → first frame rendered.
   * Baseline: a fresh page, canvas created + idb get + loadFromJSON + render.
   */
  draftOpenToInteractive: Outcome<{ ms: number }>;
}

export function summarizeAutosaves(saves: AutosaveStats[]): DraftFigures['autosaveLongTasks'] {
  if (saves.length === 0) return { status: 'skipped', reason: 'no stroke was drawn' };
  const ups = saves.map((s) => s.upToSavedMs).sort((a, b) => a - b);
  return {
    status: 'ok',
    value: { count: saves.reduce((n, s) => n + s.count, 0), longestMs: Math.max(...saves.map((s) => s.longestMs)), upToSavedMs: ups[Math.floor(ups.length / 2)] },
  };
}

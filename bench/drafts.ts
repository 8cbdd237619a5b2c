// The two figures of issue 6 that depend on drafts (src/drafts/, not landed
// yet). Their rows stay in the table, marked, until this hook measures them.
import type { Page } from 'puppeteer-core';
import type { Outcome } from './browser.ts';

export interface DraftFigures {
  /** Long tasks (> 50 ms, PerformanceObserver 'longtask') while an autosave of the seeded design runs. */
  autosaveLongTasks: Outcome<{ count: number; longestMs: number }>;
  /** A page opened on a saved draft (`draft-key`): connect until the first stroke is accepted. */
  draftOpenToInteractive: Outcome<{ ms: number }>;
}

export const NOT_LANDED: Outcome<never> = { status: 'skipped', reason: 'not measured: drafts not landed' };

/**
 * The hook to fill in once drafts land: after the seeded design is shown on
 * `page` (studio side), observe long tasks while the autosave the draw step
 * triggered runs, then reopen the page with the same `draft-key` and time
 * connect → co-design-ready → a stroke that takes. The baseline has no
 * drafts of its own: its idb-keyval `set` is timed as "save".
 */
export async function measureDrafts(page: Page, side: 'studio' | 'baseline'): Promise<DraftFigures> {
  void page;
  void side;
  return { autosaveLongTasks: NOT_LANDED, draftOpenToInteractive: NOT_LANDED };
}

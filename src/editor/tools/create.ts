import { loadObjectClasses } from '../render/objects.ts';
import { loadSprayPaint } from '../render/spray/load.ts';
import { TOOLS } from './registry.ts';
import type { Tool, ToolDeps, ToolId } from './types.ts';

/** One instance of every tool in the registry; the lazy tool code follows in idle time. */
export function createTools(deps: ToolDeps): Map<ToolId, Tool> {
  preloadWhenIdle(() =>
    Promise.all([
      loadObjectClasses('shape'),
      loadObjectClasses('image'),
      loadObjectClasses('text'),
      import('./spray/spray-can.ts'),
      loadSprayPaint(),
    ]).then(() => undefined),
  );
  return new Map(TOOLS.map((t) => [t.id, t.create(deps)]));
}

// Start-up (template, first paint) goes first; the lazy tool code follows in
// idle time, so that choosing a tool later never waits on the network.
const IDLE_PRELOAD_DELAY = 2000;
let preloading = false;

/**
 * Once per page, whatever the number of studios: it fills the page's module
 * cache and touches no studio, so one taken off the page meanwhile is no concern.
 */
function preloadWhenIdle(load: () => Promise<void>): void {
  if (preloading) return;
  preloading = true;
  const run = () => void load().catch(() => (preloading = false));
  setTimeout(
    () => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : run()),
    IDLE_PRELOAD_DELAY,
  );
}

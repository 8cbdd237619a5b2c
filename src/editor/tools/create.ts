import { loadObjectClasses } from '../render/objects.ts';
import { TOOLS } from './registry.ts';
import type { Tool, ToolDeps, ToolId } from './types.ts';

/** One instance of every tool in the registry; the lazy tool code follows in idle time. */
export function createTools(deps: ToolDeps, signal: AbortSignal): Map<ToolId, Tool> {
  preloadWhenIdle(() => Promise.all([loadObjectClasses('shape'), loadObjectClasses('image'), loadObjectClasses('text')]).then(() => undefined), signal);
  return new Map(TOOLS.map((t) => [t.id, t.create(deps)]));
}

// Start-up (template, first paint) goes first; the lazy tool code follows in
// idle time, so that choosing a tool later never waits on the network.
const IDLE_PRELOAD_DELAY = 2000;

function preloadWhenIdle(load: () => Promise<void>, signal: AbortSignal): void {
  const run = () => void (!signal.aborted && load().catch(() => undefined));
  const timer = setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : run()), IDLE_PRELOAD_DELAY);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

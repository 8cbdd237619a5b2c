import 'axe-core/axe.min.js';
import type { AxeResults, Result, RunOptions } from 'axe-core';

// axe-core ships a UMD build: loaded as a module it defines `window.axe`.
const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;

/** Runs axe over an element, its shadow tree included; WCAG 2.x A/AA and best practices. */
export async function audit(el: Element, options: RunOptions = {}): Promise<AxeResults> {
  return axe.run(el, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, ...options });
}

/** One line per violation and node, readable in a test failure. */
export function describeViolations(violations: Result[]): string {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' > ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`)).join('\n');
}

/**
 * Fails with every violation listed. Audits what a person sees once the
 * studio's transitions have run: axe reading a colour halfway through a
 * button's 120 ms ease reports a contrast that is never on screen for long.
 */
export async function expectNoViolations(el: Element, state: string): Promise<void> {
  const ending = (el.shadowRoot ?? document).getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  const { violations } = await audit(el);
  if (violations.length) throw new Error(`axe found ${violations.length} violation(s) with ${state}:\n${describeViolations(violations)}`);
}

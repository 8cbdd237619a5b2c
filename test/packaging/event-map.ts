/**
 * Compile-time check, run by `npm run typecheck`: every `co-design-*` event is
 * typed through HTMLElementEventMap on the element and on any HTMLElement, so
 * a host's listener gets the event's own class. Never executed.
 */
import type { CoDesignStudio } from '../../src/index.ts';
import type { ErrorCode } from '../../src/errors.ts';

type Is<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(ok: Is<A, B>) => ok;

export function typedListeners(el: CoDesignStudio, anyElement: HTMLElement): void {
  el.addEventListener('co-design-ready', (e) => exact<typeof e.template, { id: string; version: string }>(true));
  el.addEventListener('co-design-change', (e) => exact<typeof e.kind, 'edit' | 'undo' | 'redo'>(true) && e.source.toUpperCase());
  el.addEventListener('co-design-error', (e) => exact<typeof e.code, ErrorCode>(true) && e.message.length);
  el.addEventListener('co-design-draft-saved', (e) => exact<typeof e.rev, number>(true) && e.draft + e.name + e.updated);
  el.addEventListener('co-design-submit', (e) => e.submission.design.version && e.preventDefault());
  el.addEventListener('co-design-submitted', (e) => e.receipt.id + e.draft);
  el.addEventListener('co-design-metrics', (e) => e.reason && e.total.engagedMs + e.current.engagedMs);
  // A wrapper element, a React ref or `document.querySelector('co-design-studio')` hear the same types.
  anyElement.addEventListener('co-design-submitted', (e) => e.receipt.id);
  document.querySelector('co-design-studio')?.addEventListener('co-design-ready', (e) => e.template.id);
  // @ts-expect-error a misspelt event name is a plain Event, which has no `receipt`
  el.addEventListener('co-design-sumbitted', (e) => e.receipt);
}

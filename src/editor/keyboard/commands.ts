import type { StudioEditor } from '../editor.ts';
import type { KeyboardCursor } from './cursor.ts';

/** What a key command sees: the editor, whether the canvas has focus, its cursor. */
export interface KeyContext {
  readonly editor: StudioEditor;
  readonly onCanvas: boolean;
  readonly cursor: KeyboardCursor | undefined;
}

/**
 * One keyboard command, registered like the tools: the key handler, the
 * docs (docs/accessibility.md) and `aria-keyshortcuts` read the same list.
 */
export interface KeyCommand {
  readonly name: string;
  /** The keys, as `aria-keyshortcuts` spells them. */
  readonly keys: string;
  keyTest(e: KeyboardEvent): boolean;
  predicate?(c: KeyContext): boolean;
  /** Returns false when the key was not used after all. */
  perform(c: KeyContext, e: KeyboardEvent): boolean | void;
}

export const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;

export function arrowDelta(e: KeyboardEvent, step: number): { dx: number; dy: number } {
  return {
    dx: e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0,
    dy: e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0,
  };
}

export function isArrow(e: KeyboardEvent): boolean {
  return (ARROWS as readonly string[]).includes(e.key);
}

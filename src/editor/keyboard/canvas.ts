import type { CommandRegistry } from '../commands/registry.ts';
import { CURSOR_KEYS } from './cursor-keys.ts';
import { KeyboardCursor, type CursorHost } from './cursor.ts';
import { OBJECT_KEYS } from './object-keys.ts';

/** The canvas keyboard of one editor: its cursor, and a way to take its commands out again. */
export interface CanvasKeyboard {
  readonly cursor: KeyboardCursor;
  dispose(): void;
}

/**
 * The canvas keyboard (cursor, object keys), loaded when the canvas first
 * has focus or the page is idle: the first paint does not need it. Its
 * commands go into the editor's one registry.
 */
export function attachKeyboard(
  host: CursorHost & { readonly commands: CommandRegistry },
  stage: HTMLElement,
): CanvasKeyboard {
  const cursor = new KeyboardCursor(host, stage);
  const unregister = host.commands.register([...OBJECT_KEYS, ...CURSOR_KEYS]);
  return {
    cursor,
    dispose: () => {
      unregister();
      cursor.dispose();
    },
  };
}

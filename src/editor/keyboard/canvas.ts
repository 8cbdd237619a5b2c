import { CURSOR_KEYS } from './cursor-keys.ts';
import { KeyboardCursor, type CursorHost } from './cursor.ts';
import { OBJECT_KEYS } from './object-keys.ts';
import { registerKeyboard, type CanvasKeyboard } from './registry.ts';

/**
 * The canvas keyboard (cursor, object keys), loaded when the canvas first
 * has focus or the page is idle: the first paint does not need it.
 */
export function attachKeyboard(host: CursorHost, stage: HTMLElement): CanvasKeyboard {
  const keyboard = { cursor: new KeyboardCursor(host, stage), commands: [...OBJECT_KEYS, ...CURSOR_KEYS] };
  registerKeyboard(host.canvas, keyboard);
  return keyboard;
}

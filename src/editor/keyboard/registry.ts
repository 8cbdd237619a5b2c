import type { StudioCanvas } from '../render/studio-canvas.ts';
import type { KeyCommand } from './commands.ts';
import type { KeyboardCursor } from './cursor.ts';

/** The canvas keyboard of one editor, once its code has loaded (see input.ts). */
export interface CanvasKeyboard {
  readonly cursor: KeyboardCursor;
  /** Object and cursor commands, tried after history and before zoom and tools. */
  readonly commands: readonly KeyCommand[];
}

const keyboards = new WeakMap<StudioCanvas, CanvasKeyboard>();

export function keyboardOf(canvas: StudioCanvas): CanvasKeyboard | undefined {
  return keyboards.get(canvas);
}

export function registerKeyboard(canvas: StudioCanvas, keyboard: CanvasKeyboard | undefined): void {
  if (keyboard) keyboards.set(canvas, keyboard);
  else keyboards.delete(canvas);
}

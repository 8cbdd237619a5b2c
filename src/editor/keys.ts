import type { StudioEditor } from './editor.ts';
import type { KeyCommand, KeyContext } from './keyboard/commands.ts';
import { keyboardOf } from './keyboard/registry.ts';
import { TOOLS, toolForKey } from './tools/registry.ts';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;

/**
 * Every keyboard command, first match wins: history, then the selected
 * object, then the canvas cursor, then zoom and tools. docs/accessibility.md
 * lists the same table.
 */
export const KEY_COMMANDS: readonly KeyCommand[] = [
  { name: 'undo', keys: 'Control+Z Meta+Z', keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', perform: ({ editor }) => void editor.undo() },
  { name: 'redo', keys: 'Control+Shift+Z Control+Y Meta+Shift+Z', keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), perform: ({ editor }) => void editor.redo() },
  { name: 'duplicate', keys: 'Control+D Meta+D', keyTest: (e) => mod(e) && e.key.toLowerCase() === 'd', perform: ({ editor }) => void editor.layerCommands.duplicate(editor.selectedLayer()?.id) },
  {
    name: 'pan',
    keys: 'Space',
    keyTest: (e) => plain(e) && e.key === ' ' && !onButton(e),
    perform: ({ editor }) => void (editor.viewport.spaceHeld = true),
  },
  {
    name: 'cancel',
    keys: 'Escape',
    keyTest: (e) => e.key === 'Escape',
    perform: ({ editor, cursor }) => {
      if (cursor?.cancel()) return;
      editor.cancelGesture();
      editor.canvas.discardActiveObject();
      editor.canvas.requestRenderAll();
    },
  },
  // Here: the canvas keyboard's commands (object and cursor keys), once loaded.
  { name: 'zoom-in', keys: '+ =', keyTest: (e) => plain(e) && (e.key === '+' || e.key === '='), perform: ({ editor }) => editor.viewport.zoomBy(1.25) },
  { name: 'zoom-out', keys: '-', keyTest: (e) => plain(e) && e.key === '-', perform: ({ editor }) => editor.viewport.zoomBy(0.8) },
  { name: 'fit', keys: '0', keyTest: (e) => plain(e) && e.key === '0', perform: ({ editor }) => editor.viewport.fit() },
  {
    name: 'tool',
    keys: TOOLS.map((t) => t.key.toUpperCase()).join(' '),
    keyTest: (e) => plain(e) && e.key.length === 1 && !!toolForKey(e.key),
    perform: ({ editor }, e) => editor.setTool(toolForKey(e.key)!),
  },
];

/** Where the canvas keyboard's commands go in the list: after Escape, before zoom. */
const CANVAS_AT = KEY_COMMANDS.findIndex((c) => c.name === 'zoom-in');

/** A command's keys, as `aria-keyshortcuts` spells them. */
export function shortcutOf(name: string): string {
  return KEY_COMMANDS.find((c) => c.name === name)?.keys ?? '';
}

/**
 * Keyboard shortcuts, read from the event the element receives. Returns
 * true when the key was used, so the element can stop it reaching the page.
 */
export function handleKeyDown(editor: StudioEditor, e: KeyboardEvent): boolean {
  if (isTyping(editor, e)) return false;
  const keyboard = keyboardOf(editor.canvas);
  const cursor = keyboard?.cursor;
  const c: KeyContext = { editor, cursor, onCanvas: !!cursor?.owns(e.composedPath()[0]) };
  const canvasKeys = plain(e) ? (keyboard?.commands ?? []) : [];
  for (const command of [...KEY_COMMANDS.slice(0, CANVAS_AT), ...canvasKeys, ...KEY_COMMANDS.slice(CANVAS_AT)]) {
    if (!command.keyTest(e) || (command.predicate && !command.predicate(c))) continue;
    if (command.perform(c, e) !== false) return true;
  }
  return false;
}

export function handleKeyUp(editor: StudioEditor, e: KeyboardEvent): void {
  if (e.key === ' ') editor.viewport.spaceHeld = false;
}

/** Space on a focused button presses it; it pans only elsewhere. */
function onButton(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  return target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button');
}

/** Keys typed into a text object or a form field are not shortcuts. */
function isTyping(editor: StudioEditor, e: KeyboardEvent): boolean {
  const active = editor.canvas.getActiveObject() as { isEditing?: boolean } | undefined;
  if (active?.isEditing) return true;
  const target = e.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

import type { StudioEditor } from './editor.ts';
import { toolForKey } from './tools/registry.ts';

const NUDGE = 2;
const NUDGE_LARGE = 20;

/**
 * Keyboard shortcuts, read from the event the element receives. Returns
 * true when the key was used, so the element can stop it reaching the page.
 */
export function handleKeyDown(editor: StudioEditor, e: KeyboardEvent): boolean {
  if (isTyping(editor, e)) return false;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') return e.shiftKey ? editor.redo() || true : editor.undo() || true;
  if (mod && key === 'y') return editor.redo() || true;
  if (mod && key === 'd') return editor.layerCommands.duplicate(editor.selectedLayer()?.id), true;
  if (mod || e.altKey) return false;
  if (e.key === ' ') {
    editor.viewport.spaceHeld = true;
    return true;
  }
  if (e.key === 'Delete' || e.key === 'Backspace') return editor.deleteSelection();
  if (e.key === 'Escape') {
    editor.cancelGesture();
    editor.canvas.discardActiveObject();
    editor.canvas.requestRenderAll();
    return true;
  }
  if (e.key.startsWith('Arrow') && editor.selectedLayer()) return nudge(editor, e);
  if (e.key === '+' || e.key === '=') return editor.viewport.zoomBy(1.25), true;
  if (e.key === '-') return editor.viewport.zoomBy(0.8), true;
  if (e.key === '0') return editor.viewport.fit(), true;
  const tool = toolForKey(e.key);
  if (tool && e.key.length === 1) {
    editor.setTool(tool);
    return true;
  }
  return false;
}

export function handleKeyUp(editor: StudioEditor, e: KeyboardEvent): void {
  if (e.key === ' ') editor.viewport.spaceHeld = false;
}

function nudge(editor: StudioEditor, e: KeyboardEvent): boolean {
  const fo = editor.canvas.getActiveObject();
  if (!fo) return false;
  const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
  const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
  const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
  fo.set({ left: (fo.left ?? 0) + dx, top: (fo.top ?? 0) + dy });
  fo.setCoords();
  editor.canvas.fire('object:modified', { target: fo });
  return true;
}

/** Keys typed into a text object or a form field are not shortcuts. */
function isTyping(editor: StudioEditor, e: KeyboardEvent): boolean {
  const active = editor.canvas.getActiveObject() as { isEditing?: boolean } | undefined;
  if (active?.isEditing) return true;
  const target = e.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

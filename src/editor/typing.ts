import type { StudioCanvas } from './render/studio-canvas.ts';

/**
 * Keys typed into a text object, a form field, or anything inside a dialog
 * are not shortcuts: the dialog's own Escape must close it.
 */
export function isTyping(canvas: StudioCanvas, e: KeyboardEvent): boolean {
  const active = canvas.getActiveObject() as { isEditing?: boolean } | undefined;
  if (active?.isEditing) return true;
  const path = e.composedPath();
  if (path.some((node) => node instanceof HTMLDialogElement)) return true;
  const target = path[0];
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Ctrl on Windows and Linux, Cmd on a Mac. */
export const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
/** No Ctrl, Cmd or Alt: a key of the canvas, not a browser or system shortcut. */
export const plain = (e: KeyboardEvent): boolean => !mod(e) && !e.altKey;

/** Space on a focused button presses it; it pans only elsewhere. */
export function onButton(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  return target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button');
}

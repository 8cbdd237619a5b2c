/**
 * The canvas's keys as `aria-keyshortcuts` spells them. Plain data, so the
 * element can name them before the keyboard code (a lazy chunk) has loaded.
 */
const ARROWS = 'ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown';

export const CANVAS_KEYS = {
  'move-object': ARROWS,
  'scale-object': '[ ] Shift+[ Shift+]',
  'rotate-object': ', . Shift+, Shift+.',
  'delete-object': 'Delete Backspace',
  'move-cursor': ARROWS,
  'act-at-cursor': 'Enter',
  cancel: 'Escape',
} as const;

export const CANVAS_SHORTCUTS = [...new Set(Object.values(CANVAS_KEYS).flatMap((k) => k.split(' ')))].join(' ');

import { arrowDelta, isArrow, type KeyCommand } from './commands.ts';
import { CURSOR_STEP, CURSOR_STEP_LARGE } from './cursor.ts';
import { CANVAS_KEYS } from './shortcuts.ts';

/** With the canvas focused and nothing selected: move the cursor; Enter acts there with the current tool. */
export const CURSOR_KEYS: readonly KeyCommand[] = [
  {
    name: 'move-cursor',
    keys: CANVAS_KEYS['move-cursor'],
    keyTest: isArrow,
    predicate: (c) => c.onCanvas && !!c.cursor,
    perform: ({ cursor }, e) => {
      const { dx, dy } = arrowDelta(e, e.shiftKey ? CURSOR_STEP_LARGE : CURSOR_STEP);
      cursor!.move(dx, dy);
    },
  },
  {
    name: 'act-at-cursor',
    keys: CANVAS_KEYS['act-at-cursor'],
    keyTest: (e) => e.key === 'Enter',
    predicate: (c) => c.onCanvas && !!c.cursor,
    perform: ({ cursor }) => {
      cursor!.act();
    },
  },
];

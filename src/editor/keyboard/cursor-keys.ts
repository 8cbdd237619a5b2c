import { plain } from '../commands/keys.ts';
import { CommandGroup, type Command } from '../commands/types.ts';
import { arrowDelta, isArrow } from './arrows.ts';
import { CURSOR_STEP, CURSOR_STEP_LARGE } from './cursor.ts';
import { CANVAS_KEYS } from './shortcuts.ts';

/** With the canvas focused and nothing selected: move the cursor; Enter acts there with the current tool. */
export const CURSOR_KEYS: readonly Command[] = [
  {
    id: 'move-cursor',
    group: CommandGroup.Cursor,
    keys: CANVAS_KEYS['move-cursor'],
    keyTest: (e) => plain(e) && isArrow(e),
    predicate: (c) => c.onCanvas && !!c.cursor,
    perform: ({ cursor }, { event: e }) => {
      if (!e) return false;
      const { dx, dy } = arrowDelta(e, e.shiftKey ? CURSOR_STEP_LARGE : CURSOR_STEP);
      cursor!.move(dx, dy);
    },
  },
  {
    id: 'act-at-cursor',
    group: CommandGroup.Cursor,
    keys: CANVAS_KEYS['act-at-cursor'],
    keyTest: (e) => plain(e) && e.key === 'Enter',
    predicate: (c) => c.onCanvas && !!c.cursor,
    perform: ({ cursor }) => {
      cursor!.act();
    },
  },
];

import { mod } from './keys.ts';
import { CommandGroup, type Command } from './types.ts';

/** Undo and redo: one gesture is one step (src/editor/history/). */
export const HISTORY_COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    group: CommandGroup.History,
    label: 'action.undo',
    icon: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3',
    keys: 'Control+Z Meta+Z',
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    enabled: ({ editor }) => editor.canUndo,
    perform: ({ editor }) => void editor.undo(),
  },
  {
    id: 'redo',
    group: CommandGroup.History,
    label: 'action.redo',
    icon: 'M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3',
    keys: 'Control+Shift+Z Control+Y Meta+Shift+Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    enabled: ({ editor }) => editor.canRedo,
    perform: ({ editor }) => void editor.redo(),
  },
];

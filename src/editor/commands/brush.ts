import { plain } from './keys.ts';
import { CommandGroup, type Command } from './types.ts';

/**
 * Toggles of the brush: the style panel shows them as pressed buttons with their names (no icons, bytes a
 * first paint would carry), and each has a key.
 */
export const BRUSH_COMMANDS: readonly Command[] = [
  {
    id: 'spray.drips',
    group: CommandGroup.Brush,
    label: 'command.sprayDrips',
    keys: 'Shift+D',
    keyTest: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'd',
    pressed: ({ editor }) => editor.style.sprayDrips,
    perform: ({ editor }) => editor.setStyle({ sprayDrips: !editor.style.sprayDrips }),
  },
  {
    id: 'mirror',
    group: CommandGroup.Brush,
    label: 'command.mirror',
    keys: 'Shift+M',
    keyTest: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'm',
    pressed: ({ editor }) => editor.style.mirror,
    perform: ({ editor }) => editor.setStyle({ mirror: !editor.style.mirror }),
  },
];

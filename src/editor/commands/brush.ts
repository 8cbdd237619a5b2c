import { plain } from './keys.ts';
import { CommandGroup, type Command } from './types.ts';

/** Toggles of the brush: the style panel shows them as pressed buttons, and each has a key. */
export const BRUSH_COMMANDS: readonly Command[] = [
  {
    id: 'spray.drips',
    group: CommandGroup.Brush,
    label: 'command.sprayDrips',
    icon: 'M7 4h10v5H7z M9 9v5 M12 9v9 M15 9v3 M12 20h.01',
    keys: 'Shift+D',
    keyTest: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'd',
    pressed: ({ editor }) => editor.style.sprayDrips,
    perform: ({ editor }) => editor.setStyle({ sprayDrips: !editor.style.sprayDrips }),
  },
  {
    id: 'mirror',
    group: CommandGroup.Brush,
    label: 'command.mirror',
    icon: 'M12 3v18 M9 7L4 12l5 5z M15 7l5 5-5 5z',
    keys: 'Shift+M',
    keyTest: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'm',
    pressed: ({ editor }) => editor.style.mirror,
    perform: ({ editor }) => editor.setStyle({ mirror: !editor.style.mirror }),
  },
];

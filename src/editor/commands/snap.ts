import { CommandGroup, type Command } from './types.ts';

/** Snapping of moved, scaled and rotated objects (src/editor/snap/): the switch touch screens need. */
export const SNAP_COMMANDS: readonly Command[] = [
  {
    id: 'snap',
    group: CommandGroup.View,
    label: 'action.snap',
    icon: 'M6 3v9a6 6 0 0 0 12 0V3 M6 7h4 M14 7h4',
    pressed: ({ editor }) => editor.snapping,
    perform: ({ editor }) => editor.setSnapping(!editor.snapping),
  },
];

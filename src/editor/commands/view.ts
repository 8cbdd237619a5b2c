import { onButton, plain } from './keys.ts';
import { CommandGroup, type Command } from './types.ts';

/** One zoom step: in by a quarter, out by the inverse, so in then out comes back. */
export const ZOOM_STEP = 1.25;

/** Zoom, fit and panning with Space held: how the customer moves around the product. */
export const VIEW_COMMANDS: readonly Command[] = [
  {
    id: 'pan',
    group: CommandGroup.Gesture,
    keys: 'Space',
    keyTest: (e) => plain(e) && e.key === ' ' && !onButton(e),
    perform: ({ editor }) => void (editor.viewport.spaceHeld = true),
  },
  {
    id: 'zoom-out',
    group: CommandGroup.View,
    label: 'action.zoomOut',
    icon: 'M10 4a6 6 0 1 0 .01 0 M20 20l-5.5-5.5 M7 10h6',
    keys: '-',
    keyTest: (e) => plain(e) && e.key === '-',
    perform: ({ editor }) => editor.viewport.zoomBy(1 / ZOOM_STEP),
  },
  {
    id: 'zoom-in',
    group: CommandGroup.View,
    label: 'action.zoomIn',
    icon: 'M10 4a6 6 0 1 0 .01 0 M20 20l-5.5-5.5 M10 7v6 M7 10h6',
    keys: '+ =',
    keyTest: (e) => plain(e) && (e.key === '+' || e.key === '='),
    perform: ({ editor }) => editor.viewport.zoomBy(ZOOM_STEP),
  },
  {
    id: 'fit',
    group: CommandGroup.View,
    label: 'action.fit',
    icon: 'M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5',
    keys: '0',
    keyTest: (e) => plain(e) && e.key === '0',
    perform: ({ editor }) => editor.viewport.fit(),
  },
];

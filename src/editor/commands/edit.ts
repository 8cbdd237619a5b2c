import { mod } from './keys.ts';
import { CommandGroup, type Command, type CommandContext } from './types.ts';

const selected = ({ editor }: CommandContext) => !!editor.selectedLayer();

/** Duplicate, delete and cancel: what acts on the selection or the gesture in progress. */
export const EDIT_COMMANDS: readonly Command[] = [
  {
    id: 'duplicate',
    group: CommandGroup.Edit,
    label: 'action.duplicate',
    icon: 'M8 8h12v12H8z M4 16V4h12',
    keys: 'Control+D Meta+D',
    keyTest: (e) => mod(e) && e.key.toLowerCase() === 'd',
    predicate: selected,
    perform: ({ editor }) => void editor.layerCommands.duplicate(editor.selectedLayer()?.id),
  },
  {
    id: 'delete',
    group: CommandGroup.Edit,
    label: 'action.delete',
    icon: 'M4 7h16 M9 7V4h6v3 M6 7l1 14h10l1-14',
    keys: 'Delete Backspace',
    keyTest: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    predicate: selected,
    perform: ({ editor }) => editor.deleteSelection(),
  },
  {
    id: 'cancel',
    group: CommandGroup.Gesture,
    keys: 'Escape',
    keyTest: (e) => e.key === 'Escape',
    // Returns false when there was nothing to cancel, so Escape still reaches a dialog or the page.
    perform: ({ editor, cursor }) => {
      if (cursor?.cancel()) return true;
      const busy = editor.input.gestureActive || !!editor.canvas.getActiveObject();
      editor.cancelGesture();
      editor.canvas.discardActiveObject();
      editor.canvas.requestRenderAll();
      return busy;
    },
  },
];

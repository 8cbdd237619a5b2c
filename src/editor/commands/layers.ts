import { CommandGroup, type Command, type CommandArgs, type CommandContext } from './types.ts';

const named = (args: CommandArgs): string => args.layer ?? '';
/** Where the named layer sits in the view's stack (0 is the bottom), or -1. */
const position = ({ editor }: CommandContext, args: CommandArgs) => editor.layers.findIndex((l) => l.id === args.layer);

/** The layers panel's commands; each is one undo step recorded as `layers`. */
export const LAYER_COMMANDS: readonly Command[] = [
  {
    id: 'layer.add',
    group: CommandGroup.Layer,
    label: 'layers.add',
    icon: 'M12 5v14 M5 12h14',
    perform: ({ editor }) => editor.layerCommands.addPaint(),
  },
  {
    id: 'layer.select',
    group: CommandGroup.Layer,
    label: 'layers.select',
    perform: ({ editor }, args) => editor.setActiveLayer(named(args)),
  },
  {
    id: 'layer.up',
    group: CommandGroup.Layer,
    label: 'layers.up',
    icon: 'M6 15l6-6 6 6',
    enabled: (c, args) => position(c, args) >= 0 && position(c, args) < c.editor.layers.length - 1,
    perform: ({ editor }, args) => editor.layerCommands.move(named(args), 1),
  },
  {
    id: 'layer.down',
    group: CommandGroup.Layer,
    label: 'layers.down',
    icon: 'M6 9l6 6 6-6',
    enabled: (c, args) => position(c, args) > 0,
    perform: ({ editor }, args) => editor.layerCommands.move(named(args), -1),
  },
  {
    id: 'layer.update',
    group: CommandGroup.Layer,
    label: 'layers.rename',
    predicate: (_, args) => !!args.patch,
    perform: ({ editor }, args) => editor.layerCommands.update(named(args), args.patch!),
  },
  {
    id: 'layer.delete',
    group: CommandGroup.Layer,
    label: 'layers.delete',
    icon: 'M4 7h16 M9 7V4h6v3 M6 7l1 14h10l1-14',
    perform: ({ editor }, args) => editor.layerCommands.remove(named(args)),
  },
];

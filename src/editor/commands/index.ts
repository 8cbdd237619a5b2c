import { BRUSH_COMMANDS } from './brush.ts';
import { EDIT_COMMANDS } from './edit.ts';
import { HISTORY_COMMANDS } from './history.ts';
import { LAYER_COMMANDS } from './layers.ts';
import { SNAP_COMMANDS } from './snap.ts';
import { TOOL_COMMANDS } from './tools.ts';
import { VIEW_COMMANDS } from './view.ts';

/** The commands every editor has from the start; the canvas keyboard adds its own when it loads. */
export const CORE_COMMANDS = [
  ...HISTORY_COMMANDS,
  ...EDIT_COMMANDS,
  ...VIEW_COMMANDS,
  ...BRUSH_COMMANDS,
  ...TOOL_COMMANDS,
  ...LAYER_COMMANDS,
  ...SNAP_COMMANDS,
];

export { CommandRegistry } from './registry.ts';
export { CommandGroup, type Command, type CommandArgs, type CommandContext } from './types.ts';

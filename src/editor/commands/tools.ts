import { TOOLS } from '../tools/registry.ts';
import { plain } from './keys.ts';
import { CommandGroup, type Command } from './types.ts';

/** A `tool.<id>` command per tool of the registry: the toolbar and the single-key shortcuts read these. */
export const TOOL_COMMANDS: readonly Command[] = TOOLS.map((tool) => ({
  id: `tool.${tool.id}`,
  group: CommandGroup.Tool,
  label: `tool.${tool.id}`,
  icon: tool.icon,
  keys: tool.key.toUpperCase(),
  tool: tool.id,
  keyTest: (e: KeyboardEvent) => plain(e) && e.key.toLowerCase() === tool.key,
  perform: ({ editor }) => editor.setTool(tool.id),
}));

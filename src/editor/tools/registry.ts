import { ToolId } from './types.ts';

export interface ToolEntry {
  id: ToolId;
  /** Single-key shortcut (no modifiers). */
  key: string;
}

/**
 * The one list of tools: the toolbar, keyboard shortcuts and metrics all
 * read it, so a tool added here appears everywhere. Labels come from the
 * translation table under `tool.<id>`.
 */
export const TOOLS: readonly ToolEntry[] = [
  { id: ToolId.Select, key: 'v' },
  { id: ToolId.Pencil, key: 'p' },
  { id: ToolId.Marker, key: 'm' },
  { id: ToolId.Spray, key: 's' },
  { id: ToolId.Eraser, key: 'e' },
  { id: ToolId.Fill, key: 'f' },
  { id: ToolId.Text, key: 't' },
  { id: ToolId.Shape, key: 'r' },
  { id: ToolId.Sticker, key: 'k' },
  { id: ToolId.Image, key: 'i' },
];

export function toolForKey(key: string): ToolId | undefined {
  return TOOLS.find((t) => t.key === key.toLowerCase())?.id;
}

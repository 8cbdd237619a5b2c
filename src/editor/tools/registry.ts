import { eraserTool } from './eraser/eraser.ts';
import { eyedropperTool } from './eyedropper/eyedropper.ts';
import { fillTool } from './fill/fill.ts';
import { imageTool } from './image/image.ts';
import { markerTool } from './marker/marker.ts';
import { pencilTool } from './pencil/pencil.ts';
import { selectTool } from './select/select.ts';
import { shapeTool } from './shape/shape.ts';
import { sprayTool } from './spray/spray.ts';
import { stickerTool } from './sticker/sticker.ts';
import { textTool } from './text/text.ts';
import type { ToolDefinition, ToolId } from './types.ts';

/**
 * Every tool, in toolbar order. A tool is its folder plus one line here (and
 * its name under `tool.<id>` in the translation tables); the command
 * registry turns each into a `tool.<id>` command (src/editor/commands/tools.ts).
 */
export const TOOLS: readonly ToolDefinition[] = [
  selectTool,
  pencilTool,
  markerTool,
  sprayTool,
  eraserTool,
  fillTool,
  eyedropperTool,
  textTool,
  shapeTool,
  stickerTool,
  imageTool,
];

export function toolDefinition(id: ToolId): ToolDefinition | undefined {
  return TOOLS.find((t) => t.id === id);
}

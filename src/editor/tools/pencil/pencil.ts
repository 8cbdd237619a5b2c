import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext, type ToolDefinition } from '../types.ts';

/** Opaque free-hand line; pen pressure varies its width. */
export class PencilTool extends FreehandTool {
  readonly id = ToolId.Pencil;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    return { tool: 'pencil', color: ctx.style.color, size: ctx.style.size, opacity: 1 };
  }
}

export const pencilTool: ToolDefinition = {
  id: 'pencil',
  key: 'p',
  icon: 'M4 20l1-4L16 5l3 3L8 19z M14 7l3 3',
  options: ['color', 'size', 'mirror'],
  create: () => new PencilTool(),
};

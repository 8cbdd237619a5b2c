import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext } from '../types.ts';

/** Opaque free-hand line; pen pressure varies its width. */
export class PencilTool extends FreehandTool {
  readonly id = ToolId.Pencil;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    return { tool: 'pencil', color: ctx.style.color, size: ctx.style.size, opacity: 1 };
  }
}

import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext, type ToolDefinition } from '../types.ts';

/** Semi-transparent broad line, drawn as one path so it never darkens where it crosses itself. */
export class MarkerTool extends FreehandTool {
  readonly id = ToolId.Marker;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    return { tool: 'marker', color: ctx.style.color, size: ctx.style.size * 2, opacity: ctx.style.markerOpacity };
  }
}

export const markerTool: ToolDefinition = {
  id: 'marker',
  key: 'm',
  icon: 'M6 18l-2 3h5l1-2 M7 16l9-11 4 3-9 11z M6 18l3 1',
  options: ['color', 'size', 'opacity', 'mirror'],
  create: () => new MarkerTool(),
};

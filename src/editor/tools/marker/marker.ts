import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext } from '../types.ts';

/** Semi-transparent broad line, drawn as one path so it never darkens where it crosses itself. */
export class MarkerTool extends FreehandTool {
  readonly id = ToolId.Marker;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    return { tool: 'marker', color: ctx.style.color, size: ctx.style.size * 2, opacity: ctx.style.markerOpacity };
  }
}

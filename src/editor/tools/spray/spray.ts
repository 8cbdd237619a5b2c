import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext, type ToolDefinition } from '../types.ts';

/** Graffiti spray can: a seeded dot pattern, so it renders the same after a reload. */
export class SprayTool extends FreehandTool {
  readonly id = ToolId.Spray;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    return {
      tool: 'spray',
      color: ctx.style.color,
      size: ctx.style.size * 3,
      opacity: 1,
      seed,
      density: ctx.style.sprayDensity,
    };
  }
}

export const sprayTool: ToolDefinition = {
  id: 'spray',
  key: 's',
  icon: 'M8 9h6v12H8z M9 9V6h4v3 M11 6V4 M16 4h1 M18 6h1 M16 7h1 M19 3h1',
  options: ['color', 'size', 'density'],
  create: () => new SprayTool(),
};

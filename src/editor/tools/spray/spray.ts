import type { StrokeStyle } from '../../render/strokes.ts';
import { FreehandTool } from '../freehand.ts';
import { ToolId, type ToolContext } from '../types.ts';

/** Graffiti spray can: a seeded dot pattern, so it renders the same after a reload. */
export class SprayTool extends FreehandTool {
  readonly id = ToolId.Spray;

  protected styleFor(ctx: ToolContext): StrokeStyle {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    return { tool: 'spray', color: ctx.style.color, size: ctx.style.size * 3, opacity: 1, seed, density: ctx.style.sprayDensity };
  }
}

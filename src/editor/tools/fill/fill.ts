import type { Point } from 'fabric/es';
import { ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/** Fills the design area under the pointer with the current colour. */
export class FillTool implements Tool {
  readonly id = ToolId.Fill;
  readonly cursor = 'cell';

  down(ctx: ToolContext, p: Point): void {
    fillAt(ctx, p.x, p.y);
  }

  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    return fillAt(ctx, p.x, p.y) ? 'done' : 'nothing';
  }
}

/** Shared with the keyboard: fills the area at a point, as one undo step. */
export function fillAt(ctx: ToolContext, x: number, y: number): boolean {
  const area = ctx.areas.areaAt(x, y);
  if (!area) {
    ctx.notice('outside-area');
    return false;
  }
  const target = ctx.paintTarget();
  if (!target) return false;
  ctx.commit([
    ...target.ops,
    { op: 'push-mark', view: ctx.viewId, layer: target.layer, mark: { type: 'fill', area, color: ctx.style.color } },
  ]);
  return true;
}

export const fillTool: ToolDefinition = {
  id: 'fill',
  key: 'f',
  icon: 'M5 12l7-7 7 7-7 7z M19 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4',
  options: ['color'],
  create: () => new FillTool(),
};

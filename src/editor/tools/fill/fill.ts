import type { Point } from 'fabric/es';
import { ToolId, type KeyAct, type Tool, type ToolContext } from '../types.ts';

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
  ctx.commit([...target.ops, { op: 'push-mark', view: ctx.viewId, layer: target.layer, mark: { type: 'fill', area, color: ctx.style.color } }]);
  return true;
}

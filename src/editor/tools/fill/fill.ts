import type { Point } from 'fabric/es';
import type { Fill } from '../../../document/types.ts';
import { loadGradients } from '../../render/fill.ts';
import { FillMode, ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

// The bucket's flood and outline tracing are a chunk of their own: most sessions never tap with it.
let bucket: Promise<typeof import('./bucket.ts')> | undefined;
function loadBucket(): Promise<typeof import('./bucket.ts')> {
  // A failed load is tried again on the next tap.
  bucket ??= import('./bucket.ts').catch((e: unknown) => {
    bucket = undefined;
    throw e;
  });
  return bucket;
}

/** Fills the design area under the pointer: over the paint, under it, or the painted-around region tapped. */
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

/**
 * Shared with the keyboard: fills at a point, as one undo step. A bucket fill is committed once its region is
 * computed (bucket.ts loads with the first one), or says why it could not be.
 */
export function fillAt(ctx: ToolContext, x: number, y: number): boolean {
  const area = ctx.areas.areaAt(x, y);
  if (!area) {
    ctx.notice('outside-area');
    return false;
  }
  const target = ctx.paintTarget();
  if (!target) return false;
  const mode = ctx.style.fillMode;
  // A gradient is baked into the layer's bitmap as it is committed: its drawing code must be there first.
  const ready = ctx.style.gradient ? loadGradients() : undefined;
  if (mode === FillMode.Bucket) {
    Promise.all([loadBucket(), ready]).then(
      ([b]) => b.bucketFill(ctx, target, area, x, y),
      () => ctx.notice('flood-failed'),
    );
    return true;
  }
  const mark: Fill = { type: 'fill', area, color: ctx.style.color, ...(mode === FillMode.Under && { under: true }) };
  if (ctx.style.gradient) ((mark.color = ctx.style.gradient.stops[0].color), (mark.gradient = ctx.style.gradient));
  const commit = () => ctx.commit([...target.ops, { op: 'push-mark', view: ctx.viewId, layer: target.layer, mark }]);
  if (ready) ready.then(commit, () => ctx.notice('flood-failed'));
  else commit();
  return true;
}

export const fillTool: ToolDefinition = {
  id: 'fill',
  key: 'f',
  icon: 'M5 12l7-7 7 7-7 7z M19 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4',
  options: ['color', 'fill', 'gradient'],
  create: () => new FillTool(),
};

import type { Point } from 'fabric/es';
import type { Fill } from '../../../document/types.ts';
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
 * computed (the flood's module loads with the first one), or says why it could not be.
 */
export function fillAt(ctx: ToolContext, x: number, y: number): boolean {
  const area = ctx.areas.areaAt(x, y);
  if (!area) {
    ctx.notice('outside-area');
    return false;
  }
  const target = ctx.paintTarget();
  if (!target) return false;
  const mark: Fill = { type: 'fill', area, color: ctx.style.color };
  const push = (m: Fill) =>
    ctx.commit([...target.ops, { op: 'push-mark', view: ctx.viewId, layer: target.layer, mark: m }]);
  if (ctx.style.fillMode !== FillMode.Bucket) {
    push(ctx.style.fillMode === FillMode.Under ? { ...mark, under: true } : mark);
    return true;
  }
  const layer = ctx.view().layers.find((l) => l.id === target.layer);
  const marks = layer?.kind === 'paint' ? layer.marks : [];
  const tolerance = Math.round((Math.min(100, Math.max(0, ctx.style.fillTolerance)) * 255) / 100);
  void loadBucket()
    .then((b) => b.floodRegion(ctx.areas, area, marks, { x, y }, tolerance))
    .catch(() => undefined)
    .then((region) => (region ? push({ ...mark, region }) : ctx.notice('flood-failed')));
  return true;
}

export const fillTool: ToolDefinition = {
  id: 'fill',
  key: 'f',
  icon: 'M5 12l7-7 7 7-7 7z M19 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4',
  options: ['color', 'fill'],
  create: () => new FillTool(),
};

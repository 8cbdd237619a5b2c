import type { Point } from 'fabric/es';
import { loadSprayPaint } from '../../render/spray/load.ts';
import { ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/** Loads the spray can's code with its renderer (which drawing a committed spray stroke needs). */
function loadSprayCan(): Promise<Tool> {
  return Promise.all([import('./spray-can.ts'), loadSprayPaint()]).then(([m]) => new m.SprayTool());
}

/**
 * The spray can's code (spray-can.ts and render/spray/) is a chunk of its own, so the first paint does not
 * carry it: it loads when the tool is chosen (and in idle time, tools/create.ts). A press, and its release,
 * that come before it has arrived are handed to it in order once it has.
 */
class LazySprayTool implements Tool {
  readonly id = ToolId.Spray;
  readonly cursor = 'crosshair';
  private tool: Tool | undefined;
  private arriving: Promise<Tool> | undefined;

  /** The keyboard cursor shows the waiting end of a straight stroke (FreehandTool.anchored). */
  get anchored(): { x: number; y: number } | undefined {
    return (this.tool as { anchored?: { x: number; y: number } } | undefined)?.anchored;
  }

  private ready(ctx: ToolContext): Promise<Tool | undefined> {
    this.arriving ??= loadSprayCan().then((t) => (this.tool = t));
    return this.arriving.catch(() => {
      this.arriving = undefined;
      ctx.notice('spray-unavailable');
      return undefined;
    });
  }

  activate(ctx: ToolContext): void {
    void this.ready(ctx);
  }

  deactivate(ctx: ToolContext): void {
    this.tool?.deactivate?.(ctx);
  }

  down(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    if (this.tool) this.tool.down?.(ctx, p, e);
    else void this.ready(ctx).then((t) => t?.down?.(ctx, p, e));
  }

  move(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    this.tool?.move?.(ctx, p, e);
  }

  up(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void {
    if (this.tool) this.tool.up?.(ctx, p, e);
    else void this.ready(ctx).then((t) => t?.up?.(ctx, p, e));
  }

  cancel(ctx: ToolContext): void {
    this.tool?.cancel?.(ctx);
  }

  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    return this.tool?.act?.(ctx, p) ?? 'nothing';
  }
}

export const sprayTool: ToolDefinition = {
  id: 'spray',
  key: 's',
  icon: 'M8 9h6v12H8z M9 9V6h4v3 M11 6V4 M16 4h1 M18 6h1 M16 7h1 M19 3h1',
  options: ['color', 'size', 'density', 'drips', 'mirror'],
  create: () => new LazySprayTool(),
};

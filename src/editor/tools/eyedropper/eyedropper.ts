import type { Point } from 'fabric/es';
import { ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

// Sampling and the palette's colour distances load with the first pick: a first paint never needs them.
let picker: Promise<typeof import('./pick.ts')> | undefined;

function loadPicker(): Promise<typeof import('./pick.ts')> {
  // A failed load is tried again with the next pick.
  picker ??= import('./pick.ts').catch((e: unknown) => {
    picker = undefined;
    throw e;
  });
  return picker;
}

/** Takes the brush colour from the design under the pointer (mouse, pen or finger) or the keyboard cursor. */
export class EyedropperTool implements Tool {
  readonly id = ToolId.Eyedropper;
  readonly cursor = 'crosshair';

  down(ctx: ToolContext, p: Point): void {
    pickAt(ctx, p.x, p.y);
  }

  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    return pickAt(ctx, p.x, p.y) ? 'done' : 'nothing';
  }
}

/** Picks once pick.ts has loaded (it says why when there is nothing to pick). */
function pickAt(ctx: ToolContext, x: number, y: number): boolean {
  loadPicker().then(
    (m) => m.pickColour(ctx, x, y),
    () => ctx.notice('picked-nothing'),
  );
  return true;
}

export const eyedropperTool: ToolDefinition = {
  id: ToolId.Eyedropper,
  key: 'o',
  // An eyedropper (Material's "colorize").
  icon:
    'M20.7 5.6l-2.3-2.3a1 1 0 0 0-1.4 0l-3.1 3.1-1.9-1.9-1.4 1.4 1.4 1.4L3 16.3V21h4.7l9-9 1.4 1.4 1.4-1.4' +
    '-1.9-1.9 3.1-3.1a1 1 0 0 0 0-1.4zM6.9 19H5v-1.9l8-8 1.9 1.9-8 8z',
  options: ['color'],
  create: () => new EyedropperTool(),
};

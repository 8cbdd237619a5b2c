import { Point } from 'fabric/es';
import { ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/**
 * Picks, moves, scales and rotates placed objects. fabric does the
 * interaction; the editor records each finished transform as one undo step
 * (`object:modified`), and Delete/duplicate act on the selection.
 */
export class SelectTool implements Tool {
  readonly id = ToolId.Select;
  readonly picksObjects = true;
  readonly cursor = 'default';

  /** Keyboard: selects the topmost object under the cursor. */
  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    const at = new Point(p.x, p.y);
    const hit = [...ctx.canvas.getObjects()]
      .reverse()
      .find((o) => o.selectable && o.evented && o.visible && o.containsPoint(at));
    if (!hit) return 'nothing';
    ctx.canvas.setActiveObject(hit);
    ctx.canvas.requestRenderAll();
    return 'done';
  }
}

export const selectTool: ToolDefinition = {
  id: 'select',
  key: 'v',
  icon: 'M5 3l13 8-6 1.5L15 20l-2.5 1-3-7.5L5 17z',
  options: ['color', 'font'],
  create: () => new SelectTool(),
};

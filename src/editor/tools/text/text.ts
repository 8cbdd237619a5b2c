import type { Point } from 'fabric/es';
import { ToolId, type Tool, type ToolContext } from '../types.ts';

/** Places a text object where the customer taps; it opens for typing at once. */
export class TextTool implements Tool {
  readonly id = ToolId.Text;
  readonly cursor = 'text';

  constructor(private readonly defaultText: () => string, private readonly edit: (layerId: string) => void) {}

  down(ctx: ToolContext, p: Point): void {
    const layer = placeText(ctx, this.defaultText(), p.x, p.y);
    this.edit(layer);
  }
}

export function placeText(ctx: ToolContext, text: string, x: number, y: number): string {
  const s = ctx.style;
  return ctx.place({ type: 'text', text, font: s.font, size: s.fontSize, color: s.color, bold: false, italic: false, x, y, scaleX: 1, scaleY: 1, angle: 0 });
}

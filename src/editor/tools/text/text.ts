import type { Point } from 'fabric/es';
import { loadTextSupport, textSupportLoaded } from '../../render/objects.ts';
import { ToolId, type Tool, type ToolContext } from '../types.ts';

/** Places a text object where the customer taps; it opens for typing at once. */
export class TextTool implements Tool {
  readonly id = ToolId.Text;
  readonly cursor = 'text';
  /** Bumped to drop a placement still waiting for the text chunk. */
  private generation = 0;

  constructor(private readonly defaultText: () => string, private readonly edit: (layerId: string) => void) {}

  // Choosing the tool fetches fabric's text classes, so that the tap which
  // follows places the text synchronously, inside the tap: a phone opens its
  // keyboard only for a focus made within the user's gesture.
  activate(): void {
    loadTextSupport().catch(() => undefined);
  }

  deactivate(): void {
    this.generation++;
  }

  down(ctx: ToolContext, p: Point): void {
    if (textSupportLoaded()) return this.place(ctx, p);
    // Tapped before the chunk arrived (slow network): place it when it does, still one step.
    const generation = ++this.generation;
    loadTextSupport().then(
      () => generation === this.generation && this.place(ctx, p),
      (err: unknown) => console.error('co-design-studio: the text tool could not load', err),
    );
  }

  private place(ctx: ToolContext, p: Point): void {
    const layer = placeText(ctx, this.defaultText(), p.x, p.y);
    this.edit(layer);
  }
}

export function placeText(ctx: ToolContext, text: string, x: number, y: number): string {
  const s = ctx.style;
  return ctx.place({ type: 'text', text, font: s.font, size: s.fontSize, color: s.color, bold: false, italic: false, x, y, scaleX: 1, scaleY: 1, angle: 0 });
}

import type { Point } from 'fabric/es';
import { loadObjectClasses, whenLoaded } from '../../render/objects.ts';
import { ToolId, type KeyAct, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/** Places a text object where the customer taps; it opens for typing at once. */
export class TextTool implements Tool {
  readonly id = ToolId.Text;
  readonly cursor = 'text';
  /** Bumped to drop a placement still waiting for the text chunk. */
  private generation = 0;

  constructor(
    private readonly defaultText: () => string,
    private readonly edit: (layerId: string) => void,
  ) {}

  // Choosing the tool fetches fabric's text classes, so that the tap which
  // follows places the text synchronously, inside the tap: a phone opens its
  // keyboard only for a focus made within the user's gesture.
  activate(): void {
    loadObjectClasses('text').catch(() => undefined);
  }

  deactivate(): void {
    this.generation++;
  }

  down(ctx: ToolContext, p: Point): void {
    this.act(ctx, p);
  }

  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    // A tap that beat the chunk (slow network) places the text when it arrives, still one step.
    const generation = ++this.generation;
    whenLoaded(
      'text',
      () => this.edit(placeText(ctx, this.defaultText(), p.x, p.y)),
      () => generation === this.generation,
    );
    return 'done';
  }
}

export function placeText(ctx: ToolContext, text: string, x: number, y: number): string {
  const s = ctx.style;
  return ctx.place({
    type: 'text',
    text,
    font: s.font,
    size: s.fontSize,
    color: s.color,
    bold: false,
    italic: false,
    x,
    y,
    scaleX: 1,
    scaleY: 1,
    angle: 0,
  });
}

export const textTool: ToolDefinition = {
  id: 'text',
  key: 't',
  icon: 'M5 6V4h14v2 M12 4v16 M9 20h6',
  options: ['color', 'font'],
  create: (deps) => new TextTool(() => deps.strings.defaultText(), deps.editText),
};

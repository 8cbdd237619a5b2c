import type { Point } from 'fabric/es';
import { loadObjectClasses, whenLoaded } from '../../render/objects.ts';
import { ToolId, type KeyAct, type StickerSource, type Tool, type ToolContext, type ToolDefinition } from '../types.ts';

/** Stamps the chosen template sticker where the customer taps. */
export class StickerTool implements Tool {
  readonly id = ToolId.Sticker;
  readonly cursor = 'copy';

  /** Bumped to drop a placement still waiting for the image chunk. */
  private generation = 0;

  constructor(private readonly stickers: StickerSource) {}

  // fabric's image class loads when the tool is chosen (see render/objects.ts).
  activate(): void {
    loadObjectClasses('image').catch(() => undefined);
  }

  deactivate(): void {
    this.generation++;
  }

  down(ctx: ToolContext, p: Point): void {
    this.act(ctx, p);
  }

  act(ctx: ToolContext, p: { x: number; y: number }): KeyAct {
    const generation = ++this.generation;
    const stillWanted = () => generation === this.generation;
    const place = () => placeSticker(ctx, this.stickers, p.x, p.y);
    const id = ctx.style.sticker;
    if (!id || this.stickers.loaded(id)) whenLoaded('image', place, stillWanted);
    else
      this.stickers.ready(id).then(
        () => stillWanted() && whenLoaded('image', place, stillWanted),
        (err: unknown) => console.error('co-design-studio: the sticker could not load', err),
      );
    return 'done';
  }
}

export function placeSticker(ctx: ToolContext, stickers: StickerSource, x: number, y: number): string | undefined {
  const id = ctx.style.sticker;
  const size = id ? stickers.size(id) : undefined;
  if (!id || !size) {
    ctx.notice('choose-sticker');
    return undefined;
  }
  return ctx.place({
    type: 'sticker',
    sticker: id,
    width: size.width,
    height: size.height,
    x,
    y,
    scaleX: 1,
    scaleY: 1,
    angle: 0,
  });
}

export const stickerTool: ToolDefinition = {
  id: 'sticker',
  key: 'k',
  icon: 'M4 4h12l4 4v12H4z M16 4v4h4 M9 14s1 2 3 2 3-2 3-2 M9 10h.01 M15 10h.01',
  options: ['sticker'],
  create: (deps) => new StickerTool(deps.stickers),
};

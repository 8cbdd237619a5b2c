import type { TemplateView } from '../../template/types.ts';
import type { AssetCache } from '../assets.ts';
import type { ViewAreas } from '../areas.ts';

/**
 * Paints one view in design units: product base, the customer's content
 * clipped to the design areas, locked brand elements, shading overlay. The
 * live canvas and the exporter both use it, so an export looks like the editor.
 */
export class ViewPainter {
  constructor(
    readonly view: TemplateView,
    readonly areas: ViewAreas,
    private readonly assets: AssetCache,
    private readonly resolve: (url: string) => string,
  ) {}

  /** Every asset URL this view needs, resolved. */
  paint(ctx: CanvasRenderingContext2D, content: (ctx: CanvasRenderingContext2D) => void, withProduct = true): void {
    const v = this.view;
    if (withProduct) this.image(ctx, v.base, 0, 0, v.width, v.height);
    ctx.save();
    ctx.clip(this.areas.union);
    content(ctx);
    ctx.restore();
    // Brand elements are part of the design skin, so they print with or without the product.
    for (const el of v.locked ?? []) this.image(ctx, el.src, el.x, el.y, el.width, el.height);
    if (withProduct && v.overlay) {
      ctx.save();
      ctx.globalCompositeOperation = v.overlayBlend ?? 'source-over';
      this.image(ctx, v.overlay, 0, 0, v.width, v.height);
      ctx.restore();
    }
  }

  private image(
    ctx: CanvasRenderingContext2D,
    src: string | undefined,
    x: number,
    y: number,
    w: number,
    h: number,
  ): void {
    if (!src) return;
    const img = this.assets.get(this.resolve(src));
    if (img) ctx.drawImage(img, x, y, w, h);
  }
}

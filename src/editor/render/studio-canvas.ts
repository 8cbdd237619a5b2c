import { Canvas, type FabricObject } from 'fabric/es';
import type { ViewPainter } from './view-painter.ts';

/**
 * fabric's Canvas with the product drawn around the customer's objects.
 * fabric's own `clipPath` would also erase the background, so the clip and
 * the product art are painted here instead, inside the viewport transform.
 */
export class StudioCanvas extends Canvas {
  painter: ViewPainter | undefined;

  override _renderObjects(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const painter = this.painter;
    if (!painter) return super._renderObjects(ctx, objects);
    painter.paint(ctx, (inner) => super._renderObjects(inner, objects));
  }
}

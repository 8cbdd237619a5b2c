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

/** The editor's canvas in `stage`: pointer events, no group selection, we decide when to render. */
export function createStudioCanvas(stage: HTMLElement): StudioCanvas {
  const el = document.createElement('canvas');
  stage.append(el);
  return new StudioCanvas(el, {
    width: Math.max(1, stage.clientWidth),
    height: Math.max(1, stage.clientHeight),
    enablePointerEvents: true,
    allowTouchScrolling: false,
    selection: false,
    preserveObjectStacking: true,
    renderOnAddRemove: false,
    stopContextMenu: true,
    fireMiddleClick: true,
    uniformScaling: true,
  });
}

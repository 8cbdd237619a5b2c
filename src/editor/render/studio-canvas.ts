import { Canvas, type FabricObject } from 'fabric/es';
import { drawSafeGuide, type SafeGuide } from './safe-guide.ts';
import type { ViewPainter } from './view-painter.ts';

/**
 * fabric's Canvas with the product drawn around the customer's objects.
 * fabric's own `clipPath` would also erase the background, so the clip and
 * the product art are painted here instead, inside the viewport transform.
 */
export class StudioCanvas extends Canvas {
  painter: ViewPainter | undefined;
  /** The view's safe margin, drawn over the design on screen (never in an export, which paints on its own). */
  safeGuide: SafeGuide | undefined;
  private guideScratch: HTMLCanvasElement | undefined;
  /**
   * The most device pixels per CSS pixel the on-screen canvases keep. A phone at 3 gets 2: the stroke edges
   * at 2 are not told apart from 3 at arm's length (test/phone/pixel-ratio.test.ts compares the two on screen),
   * and each canvas then holds 4/9 of the pixels, copied to the compositor every frame of a stroke (about 1.5 ms
   * a frame less on a phone with its CPU slowed 4x, and about 7 MB less for the pair at 360 x 640). Exports never
   * depend on it: they render at their own size.
   */
  maxPixelRatio = MAX_PIXEL_RATIO;

  override getRetinaScaling(): number {
    // fabric asks from its constructor, before this class's fields are set.
    const max = this.maxPixelRatio ?? MAX_PIXEL_RATIO;
    return this.enableRetinaScaling ? Math.max(1, Math.min(window.devicePixelRatio || 1, max)) : 1;
  }

  override _renderObjects(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const painter = this.painter;
    if (!painter) return super._renderObjects(ctx, objects);
    painter.paint(ctx, (inner) => super._renderObjects(inner, objects));
    if (this.safeGuide && ctx === this.getContext()) {
      this.guideScratch ??= document.createElement('canvas');
      drawSafeGuide(ctx, this.safeGuide, this.guideScratch);
    }
  }
}

export const MAX_PIXEL_RATIO = 2;

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

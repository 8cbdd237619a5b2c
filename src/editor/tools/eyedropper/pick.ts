import { RASTER_LONG_SIDE } from '../../render/raster-layer.ts';
import { drawMark } from '../../render/strokes.ts';
import type { ToolContext } from '../types.ts';
import { nearestColour } from './oklab.ts';

/**
 * Picks the colour of the design at (x, y) and makes it the brush colour, snapped to the template's palette
 * when it has one; says what it did in the status line. Loaded with the eyedropper's first pick.
 */
export function pickColour(ctx: ToolContext, x: number, y: number): boolean {
  const withProduct = ctx.manifest.pickProductColours === true;
  // Outside the design areas there is only product to pick from.
  if (!withProduct && !ctx.areas.contains(x, y)) {
    ctx.notice('outside-area');
    return false;
  }
  const [r, g, b, a] = sample(ctx, x, y, withProduct);
  // Mostly transparent: there is no colour there to speak of (a soft edge, or bare product without the flag).
  if (a < 128) {
    ctx.notice('picked-nothing');
    return false;
  }
  const picked = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const palette = ctx.manifest.palette?.map((c) => c.toLowerCase());
  const colour = palette?.length ? nearestColour(picked, palette) : picked;
  ctx.setStyle({ color: colour });
  ctx.notice(colour === picked ? 'picked' : 'picked-snapped');
  return true;
}

/**
 * The design's pixel at (x, y) at the paint rasters' resolution: the visible layers as the editor shows them,
 * inside the design areas, over the product art only when the template allows picking from it.
 */
function sample(ctx: ToolContext, x: number, y: number, withProduct: boolean): Uint8ClampedArray {
  const { view } = ctx.painter;
  const scale = RASTER_LONG_SIDE / Math.max(view.width, view.height);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const c = canvas.getContext('2d', { willReadFrequently: true })!;
  c.setTransform(scale, 0, 0, scale, -Math.floor(x * scale), -Math.floor(y * scale));
  const content = (inner: CanvasRenderingContext2D) => {
    for (const layer of ctx.view().layers) {
      if (!layer.visible) continue;
      if (layer.kind === 'object') {
        ctx.scene.fabricObject(layer.id)?.render(inner);
        continue;
      }
      const raster = ctx.scene.raster(layer.id);
      if (raster) inner.drawImage(raster.raster, 0, 0, view.width, view.height);
      else for (const mark of layer.marks) drawMark(inner, mark, (id) => ctx.areas.path(id));
    }
  };
  if (withProduct) ctx.painter.paint(c, content, true);
  else {
    c.clip(ctx.areas.union);
    content(c);
  }
  return c.getImageData(0, 0, 1, 1).data;
}

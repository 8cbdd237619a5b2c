import type { ViewDesign } from '../document/types.ts';
import { createFabricObject, type ObjectAssets } from './render/objects.ts';
import type { Scene } from './render/scene.ts';
import type { ViewPainter } from './render/view-painter.ts';

/**
 * A small picture of the view for the drafts list. Paint layers come from
 * the bitmaps the canvas already baked, so it costs one scaled copy per layer
 * however many strokes the design holds (an export re-renders every stroke).
 */
export function renderThumbnail(
  design: ViewDesign,
  painter: ViewPainter,
  scene: Scene,
  assets: ObjectAssets,
  side: number,
): string {
  const { width, height } = painter.view;
  const scale = side / Math.max(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  painter.paint(ctx, (inner) => {
    for (const layer of design.layers) {
      if (!layer.visible) continue;
      if (layer.kind === 'object') createFabricObject(layer.object, assets).render(inner);
      else {
        const raster = scene.raster(layer.id);
        if (raster) inner.drawImage(raster.raster, 0, 0, width, height);
      }
    }
  });
  return canvas.toDataURL('image/png');
}

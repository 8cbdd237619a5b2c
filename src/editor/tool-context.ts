import type { ViewDesign } from '../document/types.ts';
import type { Op } from './history/ops.ts';
import { emptyPaintLayer, insertAbove } from './layers.ts';
import type { Scene } from './render/scene.ts';
import type { StudioCanvas } from './render/studio-canvas.ts';
import type { ViewPainter } from './render/view-painter.ts';
import type { BrushStyle, ToolContext } from './tools/types.ts';

export interface ToolContextSource {
  canvas: StudioCanvas;
  scene: Scene;
  painter: ViewPainter;
  manifest: ToolContext['manifest'];
  style: BrushStyle;
  viewId: string;
  mirror: ToolContext['mirror'];
  view(): ViewDesign;
  activeLayer: string | undefined;
  newPaintLayerName(): string;
  commit: ToolContext['commit'];
  place: ToolContext['place'];
  notice: ToolContext['notice'];
  setTool: ToolContext['setTool'];
  setStyle: ToolContext['setStyle'];
}

/** What the editor lends a tool for one call: the view, the style, and ways to record a step. */
export function createToolContext(src: ToolContextSource): ToolContext {
  const { canvas, painter } = src;
  return {
    canvas,
    scene: src.scene,
    areas: painter.areas,
    style: src.style,
    viewId: src.viewId,
    painter,
    manifest: src.manifest,
    mirror: src.mirror,
    view: src.view,
    paintTarget: () => paintTarget(src),
    erasableLayers: () => src.view().layers.filter((l) => l.kind === 'paint' && l.visible && !l.locked),
    commit: src.commit,
    place: src.place,
    notice: src.notice,
    setTool: src.setTool,
    setStyle: src.setStyle,
    drawTop: (paint) => {
      const ctx = canvas.contextTop;
      ctx.save();
      ctx.transform(...canvas.viewportTransform);
      ctx.clip(painter.areas.union);
      paint(ctx);
      ctx.restore();
    },
    clearTop: () => canvas.clearContext(canvas.contextTop),
  };
}

/** The active paint layer, or a new one just above the active object layer (same undo step). */
function paintTarget(src: ToolContextSource): { layer: string; ops: Op[] } | undefined {
  const view = src.view();
  const active = view.layers.find((l) => l.id === src.activeLayer);
  if (active?.kind === 'paint') {
    if (active.locked || !active.visible) {
      src.notice('layer-locked');
      return undefined;
    }
    return { layer: active.id, ops: [] };
  }
  const layer = emptyPaintLayer(src.newPaintLayerName());
  return { layer: layer.id, ops: [insertAbove(view, active?.id, layer)] };
}

import type { DesignDocument, Layer, PaintLayer, PlacedObject, ViewDesign } from '../document/types.ts';
import type { Op } from './history/ops.ts';

/** Short random ids for layers; unique enough within one design. */
export function newLayerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return 'l' + Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

export function emptyPaintLayer(name: string): PaintLayer {
  return { id: newLayerId(), name, kind: 'paint', visible: true, locked: false, marks: [] };
}

export function indexOfLayer(view: ViewDesign, id: string | undefined): number {
  return id === undefined ? -1 : view.layers.findIndex((l) => l.id === id);
}

/** Ops that insert a layer just above another (or on top). */
export function insertAbove(view: ViewDesign, above: string | undefined, layer: Layer): Op {
  const at = indexOfLayer(view, above);
  return { op: 'insert-layer', view: view.view, index: at < 0 ? view.layers.length : at + 1, layer };
}

export function objectLayer(name: string, object: PlacedObject): Layer {
  return { id: newLayerId(), name, kind: 'object', visible: true, locked: false, object };
}

export function deleteLayerOp(view: ViewDesign, id: string): Op | undefined {
  const index = indexOfLayer(view, id);
  if (index < 0) return undefined;
  return { op: 'delete-layer', view: view.view, index, layer: view.layers[index] };
}

/** Moves a layer one step up (+1) or down (-1) in the stack. */
export function moveLayerOp(view: ViewDesign, id: string, step: 1 | -1): Op | undefined {
  const from = indexOfLayer(view, id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= view.layers.length) return undefined;
  return { op: 'move-layer', view: view.view, from, to };
}

export function setLayerOp(
  view: ViewDesign,
  id: string,
  patch: Partial<Pick<Layer, 'name' | 'visible' | 'locked'>>,
): Op | undefined {
  const layer = view.layers.find((l) => l.id === id);
  if (!layer) return undefined;
  const before = { name: layer.name, visible: layer.visible, locked: layer.locked };
  const after = { ...before, ...patch };
  if (before.name === after.name && before.visible === after.visible && before.locked === after.locked)
    return undefined;
  return { op: 'set-layer', view: view.view, layer: id, before, after };
}

/** A copy of a layer with fresh ids, offset so the copy is visible. */
export function duplicateLayer(layer: Layer, name: string): Layer {
  const copy = structuredClone(layer);
  copy.id = newLayerId();
  copy.name = name;
  if (copy.kind === 'object') {
    copy.object.x += 24;
    copy.object.y += 24;
  }
  return copy;
}

export function allImageSources(doc: DesignDocument): string[] {
  return doc.views.flatMap((v) =>
    v.layers.flatMap((l) => (l.kind === 'object' && l.object.type === 'image' ? [l.object.src] : [])),
  );
}

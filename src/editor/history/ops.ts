import { appendMarkTime } from '../../document/timing.ts';
import type { DesignDocument, Layer, Mark, MarkTime, PlacedObject, ViewDesign } from '../../document/types.ts';

/**
 * Every edit is one of these plain-data operations, so history can be
 * inverted, replayed and (later) stored with a draft.
 */
export type Op =
  // `time`: when the mark was made (the layer's `times` entry), set by the paint clock as the step is committed.
  | { op: 'push-mark'; view: string; layer: string; mark: Mark; time?: MarkTime }
  | { op: 'pop-mark'; view: string; layer: string; mark: Mark; time?: MarkTime }
  | { op: 'insert-layer'; view: string; index: number; layer: Layer }
  | { op: 'delete-layer'; view: string; index: number; layer: Layer }
  | { op: 'move-layer'; view: string; from: number; to: number }
  | { op: 'set-layer'; view: string; layer: string; before: LayerProps; after: LayerProps }
  | { op: 'set-object'; view: string; layer: string; before: PlacedObject; after: PlacedObject };

export type LayerProps = Pick<Layer, 'name' | 'visible' | 'locked'>;

export function invert(op: Op): Op {
  switch (op.op) {
    case 'push-mark':
      return { ...op, op: 'pop-mark' };
    case 'pop-mark':
      return { ...op, op: 'push-mark' };
    case 'insert-layer':
      return { ...op, op: 'delete-layer' };
    case 'delete-layer':
      return { ...op, op: 'insert-layer' };
    case 'move-layer':
      return { ...op, from: op.to, to: op.from };
    case 'set-layer':
    case 'set-object':
      return { ...op, before: op.after, after: op.before } as Op;
  }
}

export function findView(doc: DesignDocument, id: string): ViewDesign {
  const view = doc.views.find((v) => v.view === id);
  if (!view) throw new Error(`No view ${id} in the design`);
  return view;
}

function findLayer(view: ViewDesign, id: string): Layer {
  const layer = view.layers.find((l) => l.id === id);
  if (!layer) throw new Error(`No layer ${id} in view ${view.view}`);
  return layer;
}

/** Applies an op in place. Marks are appended and popped, never copied: 10,000 strokes stay cheap. */
export function apply(doc: DesignDocument, op: Op): void {
  const view = findView(doc, op.view);
  switch (op.op) {
    case 'push-mark': {
      const layer = findLayer(view, op.layer);
      if (layer.kind !== 'paint') throw new Error(`Layer ${op.layer} holds no paint`);
      appendMarkTime(layer, op.time);
      layer.marks.push(op.mark);
      return;
    }
    case 'pop-mark': {
      const layer = findLayer(view, op.layer);
      if (layer.kind !== 'paint' || !sameMark(layer.marks.at(-1), op.mark))
        throw new Error('History out of step with the design');
      layer.marks.pop();
      if (layer.times) layer.times.length = 2 * layer.marks.length;
      return;
    }
    case 'insert-layer':
      view.layers.splice(op.index, 0, op.layer);
      return;
    case 'delete-layer':
      if (view.layers[op.index]?.id !== op.layer.id) throw new Error('History out of step with the design');
      view.layers.splice(op.index, 1);
      return;
    case 'move-layer': {
      const [layer] = view.layers.splice(op.from, 1);
      view.layers.splice(op.to, 0, layer);
      return;
    }
    case 'set-layer':
      Object.assign(findLayer(view, op.layer), op.after);
      return;
    case 'set-object': {
      const layer = findLayer(view, op.layer);
      if (layer.kind !== 'object') throw new Error(`Layer ${op.layer} holds no object`);
      layer.object = op.after;
      return;
    }
  }
}

/** Identity first (the usual case); by value after a draft restore, where history and design were stored apart. */
function sameMark(a: Mark | undefined, b: Mark): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

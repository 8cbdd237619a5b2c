import type { DesignDocument, Layer } from '../../document/types.ts';

/**
 * A copy of a design deep enough for ops to run on (views, layers, marks
 * and times arrays), sharing the marks themselves: ops push, pop and replace, never
 * edit a mark in place. At 10,000 strokes this is milliseconds where a
 * structuredClone and two JSON strings of the whole design took ~0.5 s.
 */
export function probeCopy(doc: DesignDocument): DesignDocument {
  return { ...doc, views: doc.views.map((v) => ({ ...v, layers: v.layers.map(copyLayer) })) };
}

function copyLayer(layer: Layer): Layer {
  if (layer.kind !== 'paint') return { ...layer };
  // Ops push and pop `times` in step with the marks.
  return layer.times
    ? { ...layer, marks: [...layer.marks], times: [...layer.times] }
    : { ...layer, marks: [...layer.marks] };
}

/** Whether ops left `probe` as `doc` is: layers by value, marks by identity or, where not the same object, by value. */
export function sameDesign(probe: DesignDocument, doc: DesignDocument): boolean {
  if (probe.views.length !== doc.views.length) return false;
  return probe.views.every((pv, v) => {
    const dv = doc.views[v];
    if (pv.view !== dv.view || pv.layers.length !== dv.layers.length) return false;
    return pv.layers.every((pl, i) => sameLayer(pl, dv.layers[i]));
  });
}

function sameLayer(a: Layer, b: Layer): boolean {
  if (a.kind !== 'paint' || b.kind !== 'paint') return JSON.stringify(a) === JSON.stringify(b);
  const { marks: am, ...ar } = a;
  const { marks: bm, ...br } = b;
  if (am.length !== bm.length || JSON.stringify(ar) !== JSON.stringify(br)) return false;
  return am.every((m, i) => m === bm[i] || JSON.stringify(m) === JSON.stringify(bm[i]));
}

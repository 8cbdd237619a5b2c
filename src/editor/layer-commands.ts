import type { Layer, PlacedObject, ViewDesign } from '../document/types.ts';
import type { EditorStrings } from './tools/types.ts';
import type { Op } from './history/ops.ts';
import { deleteLayerOp, duplicateLayer, emptyPaintLayer, insertAbove, moveLayerOp, setLayerOp } from './layers.ts';

export interface LayerHost {
  readonly strings: EditorStrings;
  readonly activeLayer: string | undefined;
  viewDesign(): ViewDesign;
  commit(source: string, ops: Op[]): void;
  select(layerId: string): void;
  countLayers(kind: 'paint' | PlacedObject['type']): number;
}

/** The layers panel's commands: each is one undo step recorded as `layers`. */
export class LayerCommands {
  constructor(private readonly host: LayerHost) {}

  move(id: string, step: 1 | -1): void {
    this.record(moveLayerOp(this.host.viewDesign(), id, step));
  }

  update(id: string, patch: Partial<Pick<Layer, 'name' | 'visible' | 'locked'>>): void {
    this.record(setLayerOp(this.host.viewDesign(), id, patch));
  }

  remove(id: string): void {
    this.record(deleteLayerOp(this.host.viewDesign(), id));
  }

  addPaint(): void {
    const name = this.host.strings.layerName('paint', this.host.countLayers('paint') + 1);
    this.record(insertAbove(this.host.viewDesign(), this.host.activeLayer, emptyPaintLayer(name)));
  }

  duplicate(id = this.host.activeLayer): void {
    const layer = this.host.viewDesign().layers.find((l) => l.id === id);
    if (!layer) return;
    const copy = duplicateLayer(layer, this.host.strings.copyName(layer.name));
    this.record(insertAbove(this.host.viewDesign(), layer.id, copy));
    this.host.select(copy.id);
  }

  private record(op: Op | undefined): void {
    if (op) this.host.commit('layers', [op]);
  }
}

import type { FabricObject } from 'fabric/es';
import type { Layer, TextCurve, TextObject } from '../document/types.ts';
import type { TemplatePath } from '../template/types.ts';
import type { Op } from './history/ops.ts';
import { readPlacement, updateFabricObject, type ObjectAssets } from './render/objects.ts';

export interface CurveHost {
  view(): string;
  readonly assets: ObjectAssets;
  selectedLayer(): Layer | undefined;
  fabricObject(layerId: string): FabricObject | undefined;
  /** The paths of the view on screen that text can follow. */
  paths(): readonly TemplatePath[];
  commit(source: string, ops: Op[]): void;
  render(): void;
}

/** What the curve options show for the selected text. */
export interface CurveState {
  curve: TextCurve | undefined;
  paths: readonly TemplatePath[];
}

/**
 * The selected text's curve, for the panel's bend slider and path choice:
 * `preview` shows a value while a slider is dragged, `set` records it as one
 * undo step (`curve`). The bend handle on the canvas records through the
 * editor's object-modified path instead (src/editor/tools/text/curve-control.ts).
 */
export class TextCurves {
  constructor(private readonly host: CurveHost) {}

  selected(): CurveState | undefined {
    const text = this.selectedText();
    return text && { curve: text.object.curve, paths: this.host.paths() };
  }

  preview(curve: TextCurve | undefined): void {
    const text = this.selectedText();
    const fo = text && this.host.fabricObject(text.id);
    if (!text || !fo) return;
    updateFabricObject(fo, withCurve(text.object, curve), this.host.assets);
    this.host.render();
  }

  set(curve: TextCurve | undefined): void {
    const text = this.selectedText();
    const fo = text && this.host.fabricObject(text.id);
    if (!text || !fo) return;
    const shown = withCurve(text.object, curve);
    updateFabricObject(fo, shown, this.host.assets);
    // A template path places the text: the placement read back is where it now is.
    const after = readPlacement(shown, fo);
    if (JSON.stringify(after) === JSON.stringify(text.object)) return;
    this.host.commit('curve', [
      { op: 'set-object', view: this.host.view(), layer: text.id, before: text.object, after },
    ]);
  }

  private selectedText(): { id: string; object: TextObject } | undefined {
    const layer = this.host.selectedLayer();
    return layer?.kind === 'object' && layer.object.type === 'text'
      ? { id: layer.id, object: layer.object }
      : undefined;
  }
}

/** The text with a curve (bend 0 is no curve); curved text is one line. */
export function withCurve(text: TextObject, curve: TextCurve | undefined): TextObject {
  const { curve: _old, ...rest } = text;
  if (!curve || ('bend' in curve && curve.bend === 0)) return rest;
  return { ...rest, text: rest.text.replace(/\r?\n/g, ' '), curve };
}

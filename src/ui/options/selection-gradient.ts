import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../../editor/editor.ts';
import { ToolId, type BrushStyle } from '../../editor/tools/types.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { TemplateManifest } from '../../template/types.ts';
import { swatches } from '../style-panel.ts';
import { lazyOptions } from './lazy.ts';

/**
 * A selected filled shape's gradient controls, showing its own gradient: a change restyles the shape as one
 * undo step (StudioEditor.setStyle), like a colour chosen with the shape selected.
 */
export function selectionGradient(
  editor: StudioEditor,
  manifest: TemplateManifest,
  t: Translate,
  onStyle: (patch: Partial<BrushStyle>) => void,
): TemplateResult | typeof nothing {
  const layer = editor.tool === ToolId.Select ? editor.selectedLayer() : undefined;
  const o = layer?.kind === 'object' ? layer.object : undefined;
  if (o?.type !== 'shape' || !o.fill || o.shape === 'line') return nothing;
  const style = { ...editor.style, color: o.fill, gradient: o.fillGradient };
  const controls = lazyOptions('gradient', { style, t, onStyle, swatches: swatches({ manifest }) });
  // Padded like the panel's other sections; nothing at all until the controls' chunk has come.
  return controls === nothing ? nothing : html`<div class="style-panel selection-gradient">${controls}</div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import { ToolId, type BrushStyle } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { LoadedTemplate } from '../template/load.ts';
import { icon } from './icons.ts';
import { renderLayersPanel } from './layers-panel.ts';
import { renderStylePanel } from './style-panel.ts';

export interface SidePanelState {
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  t: Translate;
  onStyle(patch: Partial<BrushStyle>): void;
}

/** The side column: brush style, the selection's actions, and the layers of the view. */
export function renderSidePanel({ editor, loaded, t, onStyle }: SidePanelState): TemplateResult {
  return html`<aside class="side" part="panel">
    ${editor && loaded ? renderStylePanel({ tool: editor.tool, style: editor.style, manifest: loaded.manifest, resolve: loaded.resolve, t, onStyle }) : nothing}
    ${editor && editor.tool === ToolId.Select && editor.selectedLayer()
      ? html`<div class="selection-actions">
          <button type="button" part="button" data-action="duplicate" @click=${() => editor.layerCommands.duplicate(editor.selectedLayer()?.id)}>${icon('duplicate')} ${t('action.duplicate')}</button>
          <button type="button" part="button" data-action="delete" @click=${() => editor.deleteSelection()}>${icon('trash')} ${t('action.delete')}</button>
        </div>`
      : nothing}
    ${editor
      ? renderLayersPanel({
          layers: editor.layers,
          active: editor.activeLayer,
          t,
          onActivate: (id) => editor.setActiveLayer(id),
          onMove: (id, step) => editor.layerCommands.move(id, step),
          onUpdate: (id, patch) => editor.layerCommands.update(id, patch),
          onDelete: (id) => editor.layerCommands.remove(id),
          onAdd: () => editor.layerCommands.addPaint(),
        })
      : nothing}
  </aside>`;
}

export interface MessagesState {
  notice: string;
  error: string;
  t: Translate;
  onCloseError(): void;
}

/** The tool notice (polite) and the error bar (an alert) under the canvas. */
export function renderMessages({ notice, error, t, onCloseError }: MessagesState): TemplateResult {
  return html`<p class="notice" role="status" aria-live="polite">${notice}</p>
    ${error
      ? html`<div class="error" role="alert" part="error">
          <span>${error}</span>
          <button type="button" part="button" class="icon-button" aria-label=${t('action.close')} @click=${onCloseError}>${icon('close')}</button>
        </div>`
      : nothing}`;
}

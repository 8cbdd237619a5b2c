import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import { ToolId, type BrushStyle } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { LoadedTemplate } from '../template/load.ts';
import { icon } from './icons.ts';
import { renderLayersPanel } from './layers-panel.ts';
import { renderStylePanel } from './style-panel.ts';
import { renderBrief } from './brief.ts';
import { commandButton } from './command-button.ts';
import { renderBrushToggles } from './options/brush-toggles.ts';

export interface SidePanelState {
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  t: Translate;
  briefOpen: boolean;
  /** On a phone the style and selection controls live in the row under the canvas, not in this panel. */
  compact: boolean;
  onBrief(open: boolean): void;
  onStyle(patch: Partial<BrushStyle>): void;
}

/**
 * The side column (a sheet over the canvas on a phone): the brief, brush style, the selection's commands, and the
 * layers of the view.
 */
export function renderSidePanel(s: SidePanelState): TemplateResult {
  const { editor, t } = s;
  return html`<aside class="side" part="panel">
    ${renderBrief(s.loaded?.manifest.brief, s.briefOpen, t, s.onBrief)} ${s.compact ? nothing : renderToolControls(s)}
    ${editor ? renderLayersPanel(editor, t) : nothing}
  </aside>`;
}

/** The phone's row under the canvas: the current tool's colour, size and other options, or the selection's commands. */
export function renderStyleRow(s: SidePanelState): TemplateResult {
  return html`<div class="strip" part="style-row">${renderToolControls(s)}</div>`;
}

/** The current tool's options, and the selection's commands while the select tool holds one. */
function renderToolControls({ editor, loaded, t, onStyle }: SidePanelState): TemplateResult {
  return html`${
    editor && loaded
      ? renderStylePanel({
          tool: editor.tool,
          options: editor.toolOptions,
          style: editor.style,
          manifest: loaded.manifest,
          resolve: loaded.resolve,
          t,
          onStyle,
        })
      : nothing
  }
  ${editor ? renderBrushToggles(editor, t) : nothing}
  ${
    editor && editor.tool === ToolId.Select && editor.selectedLayer()
      ? html`<div class="selection-actions">
          ${commandButton(editor, 'duplicate', t, { withText: true })}
          ${commandButton(editor, 'delete', t, { withText: true })}
        </div>`
      : nothing
  }`;
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
    ${
      error
        ? html`<div class="error" role="alert" part="error">
            <span>${error}</span>
            <button
              type="button"
              part="button"
              class="icon-button"
              aria-label=${t('action.close')}
              @click=${onCloseError}
            >
              ${icon('close')}
            </button>
          </div>`
        : nothing
    }`;
}

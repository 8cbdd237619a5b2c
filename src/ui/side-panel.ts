import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import { ToolId, type BrushStyle } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { LoadedTemplate } from '../template/load.ts';
import type { TemplateBrief } from '../template/types.ts';
import { icon } from './icons.ts';
import { renderLayersPanel } from './layers-panel.ts';
import { renderStylePanel } from './style-panel.ts';
import { renderBrief } from './brief.ts';
import { commandButton } from './command-button.ts';
import { selectionGradient } from './options/selection-gradient.ts';
import type * as SelectionOptions from './selection-options.ts';
import { curveOptions } from './options/curve-loader.ts';
import { renderBrushToggles } from './options/brush-toggles.ts';

export interface SidePanelState {
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  t: Translate;
  /** The brief shown: the campaign's when there is one (src/campaign/brief.ts). */
  brief: TemplateBrief | undefined;
  /** Where the campaign stands, under the brief's title. */
  campaignStatus: unknown;
  briefOpen: boolean;
  /** On a phone the style and selection controls live in the row under the canvas, not in this panel. */
  compact: boolean;
  onBrief(open: boolean): void;
  onStyle(patch: Partial<BrushStyle>): void;
  /** Draws the panel again (a lazy part of it has arrived). */
  onRefresh(): void;
}

/**
 * The side column (a sheet over the canvas on a phone): the brief, brush style, the selection's commands, and the
 * layers of the view.
 */
export function renderSidePanel(s: SidePanelState): TemplateResult {
  const { editor, t } = s;
  return html`<aside class="side" part="panel">
    ${renderBrief(s.brief, s.briefOpen, t, s.onBrief, s.campaignStatus)} ${s.compact ? nothing : renderToolControls(s)}
    ${editor ? renderLayersPanel(editor, t) : nothing}
  </aside>`;
}

/** The phone's row under the canvas: the current tool's colour, size and other options, or the selection's commands. */
export function renderStyleRow(s: SidePanelState): TemplateResult {
  return html`<div class="strip" part="style-row">${renderToolControls(s)}</div>`;
}

/** The current tool's options, and the selection's commands while the select tool holds one. */
function renderToolControls(s: SidePanelState): TemplateResult {
  const { editor, loaded, t, onStyle } = s;
  // With an object selected, its own options take the place of the brush's.
  const own = renderSelectedOptions(s);
  return html`${own ?? nothing}${
    editor && loaded && !own
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
          ${curveOptions(editor, t)} ${commandButton(editor, 'duplicate', t, { withText: true })}
          ${commandButton(editor, 'delete', t, { withText: true })}
        </div>
        ${loaded ? selectionGradient(editor, loaded.manifest, t, onStyle) : nothing}`
      : nothing
  }
  ${renderSnapSwitch(s)}`;
}

/** The snapping switch (src/editor/snap/) with the select tool: the way to turn it off on a touch screen. */
function renderSnapSwitch({ editor, t }: SidePanelState): TemplateResult | typeof nothing {
  return editor?.tool === ToolId.Select
    ? html`<div class="selection-actions">${commandButton(editor, 'snap', t, { withText: true })}</div>`
    : nothing;
}

/** The selected object's own options: a lazy chunk, asked for once the select tool is chosen. */
let selectionModule: typeof SelectionOptions | undefined;
let selectionLoad: Promise<void> | undefined;

function renderSelectedOptions(s: SidePanelState): TemplateResult | undefined {
  const { editor, loaded } = s;
  if (editor?.tool !== ToolId.Select || !loaded) return undefined;
  // Usually here before anything is selected; the studio that asked draws again when it comes.
  selectionLoad ??= import('./selection-options.ts').then(
    (m) => {
      selectionModule = m;
      s.onRefresh();
    },
    () => void (selectionLoad = undefined),
  );
  const layer = editor.selectedLayer();
  if (layer?.kind !== 'object') return undefined;
  return selectionModule?.renderSelectionOptions({
    layer,
    manifest: loaded.manifest,
    t: s.t,
    onChange: (next) => editor.updateSelected(next),
  });
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

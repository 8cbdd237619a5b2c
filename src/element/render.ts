import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { BrushStyle, ToolId } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { LoadedTemplate } from '../template/load.ts';
import { renderHeader } from '../ui/header.ts';
import { commandButton } from '../ui/command-button.ts';
import { renderMessages, renderSidePanel, renderStyleRow } from '../ui/side-panel.ts';
import { renderToolbar } from '../ui/toolbar.ts';
import type { CampaignLink } from '../campaign/link.ts';
import type { Layout } from './layout.ts';
import { CANVAS_SHORTCUTS, describeCanvas } from './messages.ts';

/** What the studio's shadow tree shows, and where each control goes. */
export interface StudioView {
  /** The campaign's phase and this participant's entry (src/campaign/). */
  campaign: CampaignLink;
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  t: Translate;
  /** How the studio is laid out for the box it was given (layout.ts). */
  layout: Layout;
  panelOpen: boolean;
  briefOpen: boolean;
  notice: string;
  error: string;
  /** The save status and storage notice (src/features/drafts-list/). */
  status: unknown;
  /** The open dialogs (drafts, submit), or nothing. */
  dialogs: unknown;
  onDrafts(): void;
  onSubmit(): void;
  onPanel(): void;
  onBrief(open: boolean): void;
  onTool(id: ToolId): void;
  onStagePointer(): void;
  onCloseError(): void;
  onUpload(files: FileList | null): void;
  onBackupFile(input: HTMLInputElement): void;
}

/**
 * The studio's layout: header, toolbar, canvas, side panel, messages, file inputs and dialogs. On a phone (and a
 * phone on its side) the style controls move to a row under the canvas, the side panel becomes a sheet over it,
 * and a fit button sits on the canvas.
 */
export function renderStudio(v: StudioView): TemplateResult {
  const { editor, loaded, t, campaign } = v;
  const compact = v.layout !== 'wide';
  const brief = campaign.brief(loaded?.manifest.brief);
  const panel = {
    editor,
    loaded,
    t,
    brief,
    campaignStatus: campaign.renderStatus(t),
    briefOpen: v.briefOpen,
    compact,
    onBrief: v.onBrief,
    onStyle: (p: Partial<BrushStyle>) => editor?.setStyle(p),
    onRefresh: () => editor?.dispatchEvent(new Event('state')),
  };
  return html`<div
    class="shell ${v.layout} ${v.panelOpen ? 'panel-open' : ''}"
    part="shell"
    dir=${t.dir}
    lang=${t.locale}
    aria-label=${t('studio.label')}
    role="group"
  >
    ${renderHeader({
      editor,
      manifest: loaded?.manifest,
      submit: brief ? { blocked: campaign.blocked(t), update: campaign.entered } : undefined,
      panelOpen: v.panelOpen,
      t,
      onDrafts: v.onDrafts,
      onSubmit: v.onSubmit,
      onPanel: v.onPanel,
    })}
    ${
      editor
        ? renderToolbar({ editor, t, onTool: v.onTool, horizontal: v.layout === 'phone' })
        : html`<div class="toolbar" part="toolbar"></div>`
    }
    <div
      class="stage"
      part="canvas"
      tabindex="0"
      role="application"
      aria-label=${t('studio.canvasLabel')}
      aria-describedby="canvas-description canvas-help"
      aria-keyshortcuts=${CANVAS_SHORTCUTS}
      @pointerdown=${v.onStagePointer}
    ></div>
    <div class="visually-hidden">
      <p id="canvas-description">${editor ? describeCanvas(t, editor) : t('studio.loading')}</p>
      <p id="canvas-help">${t('studio.canvasHelp')}</p>
    </div>
    ${compact ? renderStageTools(v) : nothing}
    ${renderSidePanel(panel)} ${compact ? renderStyleRow(panel) : nothing}
    <div class="messages">
      ${v.status} ${renderMessages({ notice: v.notice, error: v.error, t, onCloseError: v.onCloseError })}
    </div>
    <input
      type="file"
      class="image-file"
      hidden
      accept="image/png,image/jpeg,image/svg+xml,.svg"
      @change=${(e: Event) => v.onUpload((e.target as HTMLInputElement).files)}
    />
    <input
      type="file"
      class="backup-file"
      hidden
      accept=".json,application/json"
      @change=${(e: Event) => v.onBackupFile(e.target as HTMLInputElement)}
    />
    ${v.dialogs ?? nothing}
  </div>`;
}

/** On a phone, the fit button on the canvas: fingers zoom, and the header has no room for zoom buttons. */
function renderStageTools({ editor, t }: StudioView): TemplateResult {
  return html`<div class="stage-tools">${commandButton(editor, 'fit', t, { part: 'stage-button' })}</div>`;
}
